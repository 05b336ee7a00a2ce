"""meeting_dates._paragraphs (str.find) against the spans around _PARA's runs of line breaks."""

from __future__ import annotations

import random

from extract.extractors.meeting_dates import _PARA, _paragraphs


def _by_pattern(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _PARA.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def test_paragraphs_match_the_pattern() -> None:
    rng = random.Random(7)
    texts = ["", "\n", "\n\n", "甲", "甲\n乙", "\n甲\n\n\n乙\n", "会议召开。\n\n陈敏尔出席\n并讲话\n"]
    texts += ["".join(rng.choice("甲\n \r。") for _ in range(rng.randrange(30))) for _ in range(3000)]
    for text in texts:
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert _paragraphs(text, start, end) == _by_pattern(text, start, end), (text, start, end)
