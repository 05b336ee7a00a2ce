"""The reader's gates before small patterns (count_gates, area_lists): the separator between two areas, the history
after a list and the share word before it (last_group), and 截至 before a date (state_at) are asked only where the
character they open with, or a word every match holds, stands. Held here to the patterns on every code point of the
basic plane and on random strings of their pieces; last_group to the ungated walk on the case-count examples and on
random lists of places."""

from __future__ import annotations

import bisect
import datetime as dt
import json
import random
from pathlib import Path

import pytest

from extract.document import Doc
from extract.extractors.case_counts import area_lists
from extract.extractors.case_counts import count_gates as gate
from extract.extractors.case_counts import lexicon as lex
from extract.extractors.case_counts.reader import _Reader
from extract.normalize import normalize

CASES = json.loads((Path(__file__).parent / "cases" / "case_counts.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("opens, pattern, tails, isspace", [
    (gate.LIST_SEP_OPENS, lex._LIST_SEP, ["", "、", "和", "及", "与", "以及", " 、 ", "及 "], True),
    (gate.HISTORY_OPENS, area_lists._HISTORY_AFTER, ["住史", "作史", "居史", "行史", "活史", "触史", "住或工作史"], False),
])
def test_no_match_opens_with_another_character(opens, pattern, tails, isspace) -> None:
    for cp in range(0x10000):
        ch = chr(cp)
        if ch in opens or (isspace and ch.isspace()) or 0xD800 <= cp < 0xE000:
            continue
        for tail in tails:
            assert pattern.match(ch + tail) is None, (pattern.pattern, ch, tail)


def test_every_match_holds_the_word() -> None:
    pieces = ["占", "含", "包括", "包含", "包", "括", " ", "\u3000", "截至", "截止", "截止到", "到", "至", "止", "截", "、", "新增", "3"]
    rng = random.Random(36)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        for lo in range(len(text) + 1):
            for hi in range(lo, len(text) + 1):
                if lex._SHARE_BEFORE.search(text, lo, hi) is not None:
                    assert not gate.SHARE_HOLDS.isdisjoint(text[lo:hi]), (text, lo, hi)
                if lex._SINCE_BEFORE.search(text, lo, hi) is not None:
                    assert text.find("截", lo, hi) >= 0, (text, lo, hi)


def _ungated_last_group(r: _Reader, start: int, end: int):  # the walk before the gates
    lo = bisect.bisect_left(r.area_starts, start)
    hi = bisect.bisect_left(r.area_starts, end)
    i = hi - 1
    while i >= lo and r.areas[i].end > end:
        i -= 1
    while i >= lo:
        group = [r.areas[i]]
        j = i - 1
        while j >= lo and lex._LIST_SEP.fullmatch(r.text, r.areas[j].end, group[-1].start):
            group.append(r.areas[j])
            j -= 1
        group.reverse()
        if r.text.startswith(("之外", "以外"), group[-1].end) or area_lists._HISTORY_AFTER.match(r.text, group[-1].end):
            i = j
            continue
        share = lex._SHARE_BEFORE.search(r.text, max(start, group[0].start - 2), group[0].start)
        if share is None and area_lists._in_area_note(r.text, max(start, group[0].start - area_lists._NOTE_REACH),
                                                      group[0].start, group[-1].end, end):
            i = j  # (a note on the area before the bracket: not gated, the same rule)
            continue
        if share is None or (share.start() > 0 and r.text[share.start() - 1] in "(（"
                             and not any(c in lex._CLOSE for c in r.text[group[-1].end : end])):
            return group[0].start, group[-1].end, group
        if share.start() > 0 and r.text[share.start() - 1] in ",，" and r.text[share.start()] != "占":
            return group[0].start, group[-1].end, group
        i = j
    return None


def _doc(text: str) -> Doc:
    return Doc(article_id="t", original=text, text=normalize(text).text, body=(0, len(text)), published=dt.date(2022, 12, 1))


def test_last_group_is_the_ungated_walk() -> None:
    places = ["河南", "湖北", "武汉", "洛阳市", "固始县", "朝阳区", "新疆", "北京市"]
    joins = ["、", "和", "及", "与", "以及", " 、", "，", "（含", "）", "占", "包括", "含", "居住史", "之外", "以外", "",
             "新增", "3例", "均有在", "工作或居住史", " "]
    rng = random.Random(3636)
    texts = [c["text"] for c in CASES]
    for _ in range(300):
        texts.append("".join(rng.choice(places) + rng.choice(joins) for _ in range(rng.randint(1, 8))) + "新增5例。")
    asked = 0
    for text in texts:
        r = _Reader(_doc(text))
        if r.idle or not r.areas:
            continue
        n = len(r.text)
        spans = [(0, n), *((a, b) for a in range(0, n, 3) for b in range(a, n + 1, 5))]
        for a, b in spans[:400]:
            assert r.last_group(a, b) == _ungated_last_group(r, a, b), (text, a, b)
            asked += 1
    assert asked > 1000


def test_copied_state_is_replace() -> None:
    import dataclasses

    from extract.extractors.case_counts.counts import _State
    from extract.extractors.case_counts.reader import _copied

    state = _State(**{f.name: object() for f in dataclasses.fields(_State)})  # (a value of its own in every field)
    copy = _copied(state)
    assert copy == dataclasses.replace(state) and copy is not state
    assert all(getattr(copy, f.name) is getattr(state, f.name) for f in dataclasses.fields(_State))  # (a new field too)
