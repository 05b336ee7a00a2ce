"""The last decisions on the counts read, before they become records: the day of a notice that dates
nothing but its signature, and the country's totals. Split from :mod:`.reader`."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING

from ...anchored import std_compile
from ..dates import resolve_relative
from .counts import _Count
from .lexicon import _OUTCOMES  # (outcomes listed as parts of a total: 其中，治愈出院2例，死亡1例)
from .regions import _Region, _region

if TYPE_CHECKING:  # the reader imports this module: its type is for the checker only
    from .reader import _Reader

__all__ = ["settle", "cutoff_day_after"]

#: 截至11月19日24时: the cut-off of a day's figures.
_CUTOFF_BEFORE = std_compile(r"(?:截至|截止|截止到|截至到)\s*$")
_CUTOFF_AFTER = std_compile(r"\s*(?:24|二十四)\s*(?:时|時|点|點|:00|：00)")
#: How far after an undated new count its day's cut-off may be written (the next line or two).
_CUTOFF_REACH = 300
#: A year written in a date (2020年2月19日, 2020-02-19).
_YEAR_IN = std_compile(r"(?:19|20)\d\d\s*[年\-/.]")


#: Kinds of confirmed cases narrower than the confirmed ones they are a part of.
_NARROWER_CONFIRMED = frozenset(("临床诊断病例",))
#: The parts that make a count of cases infections.
_PARTS_OF_INFECTIONS = frozenset(("confirmed", "asymptomatic"))


def _is_province(region: _Region) -> bool:
    """A province, autonomous region, municipality or SAR (its code ends in 0000)."""
    return region.code is not None and region.code.endswith("0000")


def settle(r: _Reader) -> None:
    """Date a notice's counts by its signature when nothing else dates them, and give the country a total
    whose parts are other provinces (in place)."""
    if r.counts and not any(c.dated for c in r.counts) and (day := signature_day(r) or lead_day(r)) is not None:
        for c in r.counts:
            # 一、全市累计报告…24例…。…巴中市卫生健康委员会 2020年2月19日; …应变协调中心于今(18)日举行例行记者会。
            # (new paragraph) …总结本澳45例确诊个案
            c.date, c.dated = day, True
    for i, c in enumerate(r.counts):
        if (c.metric == "confirmed" and c.explicit and not c.sub and not c.zero and "确诊" not in r.text[c.start : c.end]
                and len(parts := r.counts[i + 1 : i + 3]) == 2 and {k.metric for k in parts} == _PARTS_OF_INFECTIONS
                and all(k.sub and (k.date, k.measure, k.scope, k.regions) == (c.date, c.measure, c.scope, c.regions) for k in parts)
                and parts[0].value + parts[1].value == c.value):
            # 新增9875宗本土个案，包括2086宗确诊病例以及7789宗无症状感染者: cases of no kind named, whose parts
            # right after them are confirmed and asymptomatic ones and sum to them, are infections.
            c.metric = "infections"
    for c in r.counts:
        if (c.metric == "confirmed" and c.label in _NARROWER_CONFIRMED and (parent := c.parent) is not None
                and parent.metric == "confirmed" and parent.regions == c.regions and parent.measure == c.measure):
            # 新增确诊病例204例(其中,临床诊断病例155例) / 鄂城区804例(含临床诊断病例134例): the clinically
            # diagnosed part of the same area's confirmed count is not a second confirmed count of it (of
            # another area it is: 全国新增确诊病例15152例，其中湖北临床诊断病例13332例).
            c.metric = "other"
    _outcomes_of_imported(r)
    for c in r.counts:
        if len(c.children) > 1 and len(c.regions) == 1 and _is_province(c.regions[0]) and len({
            k.regions[0] for k in c.children if len(k.regions) == 1 and _is_province(k.regions[0]) and k.regions[0] != c.regions[0]
        }) > 1 and not names_own_area(r, c):
            # (北京 in force) 新增35宗本土確診病例，其中內蒙古佔19宗，甘肅佔4宗: a total whose parts are
            # other provinces is the country's (one such part may be an origin: 湖北省输入5例).
            c.regions = [_region("全国", None)]


def names_own_area(r: _Reader, c: _Count) -> bool:
    """Whether the count's text names its own area (…分布如下——吉林973例，…；上海311例: the first item of
    a list of provinces, not a total of theirs)."""
    i = bisect.bisect_left(r.area_starts, c.start)
    return any(a.region == c.regions[0] for a in r.areas[i : bisect.bisect_left(r.area_starts, c.end)])


def signature_day(r: _Reader) -> dt.date | None:
    """The day a notice signs itself with after its counts (巴中市卫生健康委员会 2020年2月19日), when it is the
    body's only full date after them and ends its line: the day the notice's undated figures are of."""
    last = max((c.end for c in r.counts), default=-1)
    text = r.text
    after = [m for m in r.dates if m.start > last and m.date is not None and m.relative is None]
    if len(after) != 1 or not _YEAR_IN.search(text, after[0].start, after[0].end):
        return None
    m = after[0]
    line_end = text.find("\n", m.end)
    if text[m.end : line_end if line_end >= 0 else len(text)].strip(" \t\u3000|") != "":
        return None
    published = r.doc.published
    return m.date if m.date is not None and (published is None or m.date <= published) else None


def lead_day(r: _Reader) -> dt.date | None:
    """The article's own day when the body's first date, written before every count, is that day
    (…应变协调中心于今(18)日举行例行记者会。(new paragraph) …总结本澳45例确诊个案): the day of a report whose
    counts no date reaches."""
    published = r.doc.published
    if published is None or r.doc.published_from_text or not r.dates:
        return None
    first = r.dates[0]
    if first.start > min(c.start for c in r.counts):
        return None
    if first.relative is not None and not any(ch.isdigit() for ch in r.text[first.start : first.end]):
        return None  # (今晚 alone, a page's time line: its day is not written, the report's may be another)
    day = resolve_relative(first, published, None)
    return day if day == published else None


def cutoff_day_after(r: _Reader, pos: int) -> dt.date | None:
    """The day before the article's when the first date after ``pos`` is that day's cut-off, close by
    (全省新增出院699例…。(next line) 截至11月19日24时，全省累计…: an excerpt that lost its opening day line;
    its new counts are of the day the running totals are cut off, not of the article's day)."""
    published = r.doc.published
    if published is None:
        return None
    i = bisect.bisect_left(r.date_starts, pos)
    if i == len(r.dates):
        return None
    m = r.dates[i]
    text = r.text
    if (m.start - pos > _CUTOFF_REACH or m.date is None or m.relative is not None or m.through is not None
            or m.date != published - dt.timedelta(days=1)
            or not _CUTOFF_BEFORE.search(text, max(0, m.start - 6), m.start)
            or not _CUTOFF_AFTER.match(text, m.end)):
        return None
    return m.date


#: How far after its total the first outcome listed as its part may stand.
_OUTCOME_REACH = 12
#: Between an asymptomatic count and the outcome that is theirs (境外输入无症状感染者1例，出院1例).
_OWN_OUTCOME_GAP = std_compile(r"\s*[,，]\s*(?:已)?")


def _outcomes_of_imported(r: _Reader) -> None:
    """The outcomes listed as parts of an imported total are imported (累计报告境外输入确诊病例2例，其中，治愈出院2例),
    and those of the asymptomatic infections just counted (境外输入无症状感染者1例，出院1例) are their release, in place."""
    text = r.text
    total: _Count | None = None
    prev: _Count | None = None
    before_prev: _Count | None = None
    for c in r.counts:
        if (c.metric == "recovered" and prev is not None and prev.metric == "asymptomatic" and prev.depth == c.depth
                and text[c.start : c.end].startswith("出院") and _OWN_OUTCOME_GAP.fullmatch(text, prev.end, c.start)
                # (确诊31例，无症状130例，已出院82例: the outcome of the list's whole, not of its last part)
                and (before_prev is None or max(text.rfind(";", 0, prev.start), text.rfind("；", 0, prev.start),
                                                 text.rfind("。", 0, prev.start)) >= before_prev.end)):
            c.metric, c.scope = "released_from_observation", prev.scope
        elif c.metric not in _OUTCOMES or not c.sub or c.depth != 0 or c.zero:
            if not c.sub and c.depth == 0:
                total = c
        elif (c.scope == "unspecified" and total is not None and total.scope == "imported" and total.metric == "confirmed"
              and text.find("其中", total.end, c.start) >= 0 and text.find("。", total.end, c.start) < 0
              and (prev is total or c.start - total.end <= _OUTCOME_REACH or prev is not None and prev.scope == "imported" and prev.sub)):
            c.scope = "imported"
        before_prev, prev = prev, c
