"""The press's shorthand for a day's new cases: confirmed + asymptomatic, written ``N+M`` with no unit
(上海市新增311+16766, 新增本土1383+19089, 吉林新增确诊973+无症状1798). Reports of 2022 write it so after the
notice's own figures (…报告新增本土确诊病例1383例、本土无症状感染者19089例。其中，上海市新增311+16766，…): the first
number is the confirmed cases, the second the asymptomatic infections, both new on the day in force.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import TYPE_CHECKING

from ...anchored import AnyMatch, std_compile
from .counts import _Count, _State, _when
from .regions import _Region

if TYPE_CHECKING:  # the reader imports this module: its type is for the checker only
    from .reader import _Reader

__all__ = ["pair_counts"]

#: 新增 (本土), then the confirmed number (确诊), a plus sign, the asymptomatic number (无症状); no unit after it.
_PAIR = std_compile(
    r"新增\s*(?P<local>本土)?\s*(?:确诊(?:病例)?)?\s*(?P<c>\d{1,7})\s*[+＋]\s*(?:无症状(?:感染者)?)?\s*(?P<a>\d{1,7})"
    r"(?![\d.,，]?\d|\s*[例宗人名])"
)


def pair_counts(r: _Reader, p_start: int, p_end: int, state: _State, events: list[tuple[int, int, AnyMatch]]) -> list[_Count]:
    """The two counts of every ``新增N+M`` of the paragraph ``[p_start, p_end)``, on the day in force, and
    of the places of the bracket after it (see :func:`_breakdown`); none when one of the paragraph's
    ``events`` (count numbers, zero phrases) stands outside such a bracket: the paragraph is read as any other.

    The day is the one in force, or written in the paragraph before the pair (a digest's
    ``1月21日0~24时`` line over ``新增47+88``). The area is the one named right before 新增 (上海市新增311+16766),
    else a line before the paragraph that is only a place's name (黑龙江 / 1月21日0~24时 / 新增47+88: it heads
    the pairs under it, and is left in force in ``state``), else the area in force. The scope is local when
    本土 is written in the pair, or when the counts read last, which the pair breaks down (其中，…), were local;
    unspecified otherwise. None when no day is in force (a headline's pair waits for the notice).
    """
    text = r.text
    if text.find("+", p_start, p_end) < 0 and text.find("＋", p_start, p_end) < 0:
        return []
    pairs = list(_PAIR.finditer(text, p_start, p_end))
    closes = {m.end(): _bracket_end(text, m.end(), p_end) for m in pairs}  # where each pair's bracket closes, if one opens
    if not pairs or any(not any(b <= pos < e for b, e in closes.items() if e is not None) for pos, _, _ in events):
        return []
    out: list[_Count] = []
    last_local = bool(r.counts) and r.counts[-1].scope == "local"
    heading = _heading_line_region(r, p_start)
    if heading is not None:
        state.region = [heading]
    for m in pairs:
        when = r.state_at(m.start(), dataclasses.replace(state), p_start)
        if not when.dated:
            continue
        k = bisect.bisect_left(r.area_starts, m.start()) - 1
        region, start = None, m.start()
        if k >= 0 and r.areas[k].end == m.start():
            region = r.region_of(r.areas[k])
            start = r.areas[k].start if region is not None else start
        regions = [region] if region is not None else (when.region or when.top or ([r.home] if r.home else []))
        if not regions:
            continue
        scope = "local" if m.group("local") or last_local else "unspecified"
        for group, metric in (("c", "confirmed"), ("a", "asymptomatic")):
            # (the evidence runs from the area, or 新增, to the number: 上海市新增311, 上海市新增311+16766)
            out.append(_Count(
                start, m.end(group), int(m.group(group)), metric, scope, "new", "exact", list(regions),
                False, **_when(when), depth=0, explicit=True, sub=region is not None,
            ))
        if (close := closes[m.end()]) is not None:
            out += _breakdown(r, m, close, when, scope, regions)
    return out


def _bracket_end(text: str, pos: int, end: int) -> int | None:
    """Where the bracket opening at ``pos`` closes (before ``end``, no bracket inside), if one opens there."""
    if text[pos : pos + 1] not in ("(", "（"):
        return None
    close = min((i for i in (text.find(")", pos, end), text.find("）", pos, end)) if i >= 0), default=-1)
    return close if close > pos and not any(text.find(c, pos + 1, close) >= 0 for c in "(（") else None


#: A place's part of a pair's number in the bracket after it: 长春10例, 通化5, 南宫+1 (one more).
_PART = std_compile(r"\s*[+＋]?\s*(?P<n>\d{1,6})(?P<unit>\s*例)?\s*(?:[+＋、,，]|$)")
#: A bracket saying where the pair's cases are (均住大兴区…, 位于晋中市榆次区): all of them are there.
_ALL_IN = std_compile(r"\s*(?:均|都)?(?:住|居住在|居住于|位于|在|系|为)")


def _breakdown(r: _Reader, pair: AnyMatch, close: int, when: _State, scope: str, regions: list[_Region]) -> list[_Count]:
    """The places' parts of a pair in the bracket after it: ``(长春10例+通化9例;通化5+长春2)`` gives each
    place's confirmed cases, then (after the semicolon) its asymptomatic ones; ``(均住大兴区天宫院街道…)`` puts
    every case of the pair in one place (its counts that are not zero)."""
    text, out = r.text, []
    open_ = pair.end() + 1
    halves = [(open_, close)]
    semi = max(text.find(";", open_, close), text.find("；", open_, close))
    if semi >= 0:
        halves = [(open_, semi), (semi + 1, close)]
    k = bisect.bisect_left(r.area_starts, open_)
    if len(halves) == 1 and _ALL_IN.match(text, open_, close):
        if k < len(r.areas) and r.areas[k].end <= close and (region := r.region_of(r.areas[k])) is not None:
            # the most precise place named: the last of the first run of places (晋中市榆次区 → 榆次区)
            while k + 1 < len(r.areas) and r.areas[k + 1].start == r.areas[k].end and r.areas[k + 1].end <= close:
                k += 1
                region = r.region_of(r.areas[k]) or region
            for group, metric in (("c", "confirmed"), ("a", "asymptomatic")):
                if int(pair.group(group)):
                    out.append(_Count(r.areas[k].start, r.areas[k].end, int(pair.group(group)), metric, scope, "new", "exact",
                                      [region], False, **_when(when), depth=1, explicit=True, sub=True))
        return out
    for (lo, hi), metric in zip(halves, ("confirmed", "asymptomatic")):
        k = bisect.bisect_left(r.area_starts, lo)
        while k < len(r.areas) and r.areas[k].end <= hi:
            area = r.areas[k]
            part = _PART.match(text, area.end, hi)
            region = r.region_of(area)
            if part is not None and region is not None and region not in regions:
                out.append(_Count(area.start, part.end("unit") if part.group("unit") else part.end("n"), int(part.group("n")), metric, scope, "new", "exact",
                                  [region], False, **_when(when), depth=1, explicit=True, sub=True))
            k += 1
    return out


def _heading_line_region(r: _Reader, p_start: int) -> _Region | None:
    """The place a line right before ``p_start`` names and nothing else (blanks aside): a digest's heading."""
    end = r.text.rfind("\n", 0, p_start)
    while end > 0 and r.text[end - 1] in " \t\u3000\n":
        end -= 1
    begin = r.text.rfind("\n", 0, end) + 1
    while begin < end and r.text[begin] in " \t\u3000":
        begin += 1
    if end <= begin or end - begin > 12:
        return None
    k = bisect.bisect_left(r.area_starts, begin)
    if k < len(r.areas) and r.areas[k].start == begin and r.areas[k].end == end:
        return r.region_of(r.areas[k])
    return None
