"""The press's shorthand for a day's new cases: confirmed + asymptomatic, written ``N+M`` with no unit
(上海市新增311+16766, 新增本土1383+19089, 吉林新增确诊973+无症状1798). Reports of 2022 write it so after the
notice's own figures (…报告新增本土确诊病例1383例、本土无症状感染者19089例。其中，上海市新增311+16766，…): the first
number is the confirmed cases, the second the asymptomatic infections, both new on the day in force.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ...anchored import std_compile
from .counts import _Count, _State, _when

if TYPE_CHECKING:  # the reader imports this module: its type is for the checker only
    from .reader import _Reader

__all__ = ["pair_counts"]

#: 新增 (本土), then the confirmed number (确诊), a plus sign, the asymptomatic number (无症状); no unit after it.
_PAIR = std_compile(
    r"新增\s*(?P<local>本土)?\s*(?:确诊(?:病例)?)?\s*(?P<c>\d{1,7})\s*[+＋]\s*(?:无症状(?:感染者)?)?\s*(?P<a>\d{1,7})"
    r"(?![\d.,，]?\d|\s*[例宗人名])"
)


def pair_counts(r: _Reader, p_start: int, p_end: int, state: _State) -> list[_Count]:
    """The two counts of every ``新增N+M`` of the paragraph ``[p_start, p_end)``, on the day in force.

    The area is the one named right before 新增 (上海市新增311+16766), else the area in force. The scope is
    local when 本土 is written in the pair, or when the counts read last, which the pair breaks down (其中，…),
    were local; unspecified otherwise. None when no day is in force (a headline's pair waits for the notice).
    """
    text = r.text
    if not state.dated or text.find("+", p_start, p_end) < 0 and text.find("＋", p_start, p_end) < 0:
        return []
    out: list[_Count] = []
    last_local = bool(r.counts) and r.counts[-1].scope == "local"
    for m in _PAIR.finditer(text, p_start, p_end):
        k = bisect.bisect_left(r.area_starts, m.start()) - 1
        region, start = None, m.start()
        if k >= 0 and r.areas[k].end == m.start():
            region = r.region_of(r.areas[k])
            start = r.areas[k].start if region is not None else start
        regions = [region] if region is not None else (state.region or state.top or ([r.home] if r.home else []))
        if not regions:
            continue
        scope = "local" if m.group("local") or last_local else "unspecified"
        for group, metric in (("c", "confirmed"), ("a", "asymptomatic")):
            # (the evidence runs from the area, or 新增, to the number: 上海市新增311, 上海市新增311+16766)
            out.append(_Count(
                start, m.end(group), int(m.group(group)), metric, scope, "new", "exact", list(regions),
                False, **_when(state), depth=0, explicit=True, sub=region is not None,
            ))
    return out
