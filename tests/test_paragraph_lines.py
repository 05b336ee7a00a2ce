"""The case counts' paragraphs: the lines asked of _goes_on only when their last character may end a
match of _GOES_ON_AT_END (or is a blank) are the paragraphs of the walk that asks every line."""

from __future__ import annotations

import random
from collections.abc import Iterator

from extract.extractors.case_counts import paragraphs
from extract.extractors.case_counts.paragraphs import _goes_on, _line_end, _list_goes_on, _paragraphs

_PIECES = ("\n", "\n\n", " ", "\u3000", "\t", "其中", "：", ":", "——", "—", "如下", "、", "；", ";", "。", "，", "3例",
           "12宗", "(在广安)", "（", "）", "新增", "石家庄市69例", "甲", "\x1c")


def _paragraphs_asking_every_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The walk before the last character's check (every line asked of _goes_on)."""
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        if stop < 0:
            stop = end
        tail = pos if stop - 12 < pos else stop - 12
        while stop < end and _goes_on(text, tail, stop):
            nxt = stop + 1
            joined = False
            while nxt < end:
                line_end = _line_end(text, nxt, end)
                if text[nxt:line_end].strip():
                    stop, joined = line_end, True
                    break
                nxt = line_end + 1
            if not joined:
                break
            tail = max(pos, stop - 12)
        while stop < end and text[stop - 1] in "例人宗名" and (more := _list_goes_on(text, stop + 1, end)) is not None:
            stop = more  # (a list broken by blank lines goes on: the same rule, not gated)
        if not text[pos].isspace() or text[pos:stop].strip():
            yield pos, stop
        pos = stop + 1


def test_paragraphs_match_the_walk_asking_every_line() -> None:
    rng = random.Random(15)
    texts = ["", "其中：\n乌鲁木齐市13例、\n伊犁州12例", "新增本土确诊病例13例（在广安）：\n11例为…", "\n\n甲\n"]
    texts += ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 40))) for _ in range(5000)]
    for text in texts:
        for start in range(0, len(text) + 1, 3):
            for end in (len(text), max(start, len(text) - 2)):
                assert list(_paragraphs(text, start, end)) == list(_paragraphs_asking_every_line(text, start, end)), (
                    text, start, end)


def test_every_character_ending_a_match_is_asked() -> None:
    # The check's characters: the last one (blanks aside) of every text _GOES_ON_AT_END matches.
    for last in "：:—、;；":
        assert paragraphs._GOES_ON_AT_END.search("其中" + last if last in "：:" else "甲" + last) is not None or last == "—"
    assert paragraphs._GOES_ON_AT_END.search("其中——") is not None
