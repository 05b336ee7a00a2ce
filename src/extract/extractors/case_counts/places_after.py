"""A place said after the counts it holds: 新增确诊病例28例，新增无症状感染者9例，均在乌鲁木齐市 (均为南京市报告,
新增本土确诊病例2例，东莞报告) — each count of the clause is also a count of that place (the whole area's counts stay)."""

from __future__ import annotations

import bisect
import dataclasses
from typing import TYPE_CHECKING

from ...anchored import std_compile

from .lexicon import _SEGMENT_END
from .regions import _contains

if TYPE_CHECKING:  # the reader imports this module: its type is for the checker only
    from .counts import _Count
    from .reader import _Reader

#: 均在 / 都在 / 全部在 after a comma, the place right after it; or a place alone after the comma, reporting them.
_ALL_IN = std_compile(r"[,，]\s*(?P<all>(?:均|都|全部|全都)\s*(?:在|位于|发生在|分布在|为|系)\s*)?")
_REPORTED = std_compile(r"\s*报告\s*(?:[;；。,，\n]|$)")
#: The place closes the clause (…均在乌鲁木齐市；, …均为南京市报告。), or the sentence.
_CLAUSE_CLOSE = std_compile(r"\s*(?:报告)?\s*(?:[;；。,，)）\n]|$)")  # (…2例(轻型,均在和龙市): a bracket's note)


def counts_of_place_after(r: _Reader, first: int, p_start: int, p_end: int) -> list[_Count]:
    """Copies, for the place said after them, of the counts ``r.counts[first:]`` that a 均在 clause of the
    paragraph ``[p_start, p_end)`` closes; only counts of an area holding that place, none of zero."""
    text = r.text
    if len(r.counts) <= first:
        return []  # the paragraph added no count: none to copy
    if (text.find("在", p_start, p_end) < 0 and text.find("为", p_start, p_end) < 0 and text.find("系", p_start, p_end) < 0
            and text.find("报告", p_start, p_end) < 0):
        return []
    out: list[_Count] = []
    for m in _ALL_IN.finditer(text, p_start, p_end):
        k = bisect.bisect_left(r.area_starts, m.end())
        if k >= len(r.areas) or r.areas[k].start != m.end():
            continue
        mention = r.areas[k]
        place = r.region_of(mention)
        if place is None or not (_CLAUSE_CLOSE if m.group("all") else _REPORTED).match(text, mention.end):
            continue  # (a place alone after the comma must report the counts: ，东莞报告，)
        group_start = p_start
        for b in _SEGMENT_END.finditer(text, p_start, m.start()):  # where the clause group starts
            group_start = b.end()
        copied = {id(c.parent) for c in r.counts[first:] if c.parent is not None and c.regions == [place]}
        for c in r.counts[first:]:
            if (group_start <= c.start and c.end <= m.start() and c.depth == 0 and not c.zero and id(c) not in copied
                    and not any(k.regions != c.regions for k in c.children)  # (16例，其中锡林郭勒盟3例…: spread already)
                    and len(c.regions) == 1 and _contains(c.regions[0].code, place.code)):
                out.append(dataclasses.replace(c, regions=[place], sub=True, explicit=False, children=[], parent=None))
    return out
