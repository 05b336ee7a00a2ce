"""The enumeration check of the gazetteer's short forms (gazetteer._list_gap): the gap pattern is asked
only of a gap opening with a character one of its matches starts with, and a text whose items no gap links
(or whose links make no run of siblings) is done without the spreading walks. The set is held against the pattern on
every code point of the basic plane, and the analysis against the one asking the pattern of every gap."""

from __future__ import annotations

import random

import regex

from extract import gazetteer as g

_BMP = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]


def test_gap_start_set_covers_every_match() -> None:
    compiled = regex.compile(g._LIST_GAP.pattern)
    starters = {c for c in _BMP if compiled.match(c, partial=True) is not None}
    assert {c for c in starters if c not in g._LIST_GAP_FIRST and not c.isdigit()} == set()


def test_list_gap_answers_as_the_pattern() -> None:
    rnd = random.Random(7)
    pieces = ["、", ";", "和", "及", "与", "以及", "以", "-", "3例、", "12人;", "5名,", "例", "，", "等", "甲", "1", " "]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 5)))
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        assert g._list_gap(text, start, end) == (g._LIST_GAP.fullmatch(text, start, end) is not None), (text, start, end)


def _analysis(text: str) -> list[tuple[int, int, str, str, str]]:
    g._forms.cache_clear()
    return [(m.start, m.end, m.area.id, m.form, m.how) for m in g._analysed.__wrapped__(text, None)[0]]


def test_analysis_matches_asking_every_gap(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rnd = random.Random(11)
    gaz = g.load_gazetteer()
    shorts = list(gaz.short_candidates)
    words = [*gaz.candidates, *shorts, *shorts, *shorts]
    context = [*"、、、;和及与-，。的在", "以及", "3例、", "2人;", "等4区", "新增3例", "高新区"]
    texts = [
        "".join(rnd.choice(words) if rnd.random() < 0.5 else rnd.choice(context) for _ in range(rnd.randint(1, 24)))
        for _ in range(1500)
    ]
    fast = [_analysis(t) for t in texts]
    monkeypatch.setattr(g, "_list_gap", lambda text, start, end: g._LIST_GAP.fullmatch(text, start, end) is not None)
    assert [_analysis(t) for t in texts] == fast
    g._forms.cache_clear()
