"""regions._facility_after asks _FACILITY_AFTER only when the characters a match could span hold the last
character of one of its words: the same answers as the pattern asked everywhere."""

from __future__ import annotations

import random

from extract.extractors.case_counts import regions

_PIECES = ["国际机场", "机场", "火车站", "高铁站", "医院", "大学", "学院", "禄口", "江北", "人民", "场", "站", "院", "学",
           "，", "、", "1", "例", "a", " ", "中心", "国际"]


def test_facility_after_matches_the_pattern() -> None:
    rnd = random.Random(17)
    for _ in range(20000):
        text = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 8)))
        for end in range(len(text) + 1):
            expected = regions._FACILITY_AFTER.match(text, end) is not None
            assert regions._facility_after(text, end) == expected, (text, end)
