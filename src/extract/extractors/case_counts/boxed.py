"""A count in brackets right after its area (北京（26宗），天津（5宗）): a part of the list it stands in.

What it counts is the metric phrase the sentence names before the list, else the total the sentence
goes on about — or, when that total's part of another scope opened the list (本土则有54例，分别在黑龙江
（27例…）), that part's.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ...anchored import AnyMatch, std_compile
from .count_patterns import _LISTED_AFTER
from .counts import _Count, _State, _when
from .lexicon import _CLOSE, _qualifier, _value, count_groups, said_measure
from .regions import _Mention, _Region

if TYPE_CHECKING:  # the reader imports this module: its type is for the checker only
    from .reader import _Reader


def bracket_count(
    r: _Reader, m: AnyMatch, open_pos: int, depth: int, state: _State, last_explicit: _Count | None
) -> _Count | None:
    """A count in brackets right after its area: 北京（26宗），天津（5宗）, 台灣（確診1宗）.

    The bracket holds the number first (or a metric phrase and the number); what it counts is the
    metric phrase the sentence names before the list (中國各地確診累計宗數如下：), else the total the
    sentence goes on about (逾830宗確診。當中最多是湖北（549宗…）). It is a part of the list, never the
    area in force.
    """
    text, lex = r.text, r.lex
    value = _value(m)
    if value is None or m.group(count_groups(m.re).unit) is None:
        return None
    area = r.area_before(open_pos, r.sentence_start)
    region = r.region_of(area) if area is not None else None
    if area is None or region is None:
        return None
    inner: re.Match[str] | None = None
    regions, start = [region], area.start
    opening = text[open_pos + 1 : m.start()].strip()
    if opening == "各":
        # 高雄市及花蓮縣(各10例): each of the areas joined before the bracket.
        joined, start = _joined_before(r, area)
        if text[start - 1 : start] in _AREA_JOIN and text[start - 2 : start - 1] not in _CLOSE:
            return None  # 日本、韓國及香港(各2例): places joined that are not all areas (countries)
        regions = joined + regions
    elif opening:
        inner = lex.metric_re.fullmatch(text, open_pos + 1, m.start())
        if inner is None:
            return None
    if text[m.end() : m.end() + 1] not in (*_CLOSE, "，", ",", "、", "；", ";"):
        return None  # the bracket goes on about the number (北京（26宗病例中…）)
    if inner is None:
        # The metric phrase nearest before the area in the sentence (found by bisection: a long list
        # of such items stays linear).
        k = bisect.bisect_left(r.metric_starts, area.start) - 1
        if k >= 0 and r.metric_starts[k] >= r.sentence_start:
            inner = lex.metric_re.match(text, r.metric_starts[k], area.start)
            spread = _spread_of(r, inner, last_explicit) if inner is not None else None
            if spread is not None:
                inner, last_explicit = None, spread  # 個案分佈為新北市(91例)、…: the cases just counted
    label: str | None
    if inner is not None:
        metric, label = lex.metric[inner.group()], inner.group()
        metric = "confirmed" if metric == "inherit" else metric
        said = r.said_before(area.start)
        # 全球各地疫情至周五上午統計數字：中國大陸（確診逾830宗…）: a round-up of areas gives their totals.
        measure = said_measure(said) or "cumulative"
        scope = "unspecified"
    elif last_explicit is not None and last_explicit.depth == 0:
        metric, label, measure, scope = last_explicit.metric, last_explicit.label, last_explicit.measure, last_explicit.scope
        part = listed_part(r, last_explicit, area.start)
        if part is not None:
            scope = part.scope  # 本土则有54例，分别在黑龙江（27例…）、河北（8例…）: the local part's items
    else:
        return None
    when = _when(state)
    if measure == "cumulative" and not state.here and not state.since:
        when["dated"] = False  # a running total needs its own date
    return _Count(
        start=start, end=m.end(), value=value, metric=metric, scope=scope, measure=measure,
        qualifier=_qualifier(m, lex), regions=regions, each=len(regions) > 1, **when, depth=max(0, depth - 1),
        explicit=True, sub=True, label=label, boxed=True,
    )

#: What joins areas that share one count (宜蘭縣及彰化縣, 日本、法國).
_AREA_JOIN = frozenset(("及", "和", "与", "、", "以及"))


def _joined_before(r: _Reader, area: _Mention) -> tuple[list[_Region], int]:
    """The areas joined to ``area`` right before it (宜蘭縣及|彰化縣), first to last, and where the first starts."""
    out: list[_Region] = []
    i = bisect.bisect_left(r.area_starts, area.start)  # (the mention's index: starts are unique and sorted)
    end = area.start
    while i > 0:
        prev = r.areas[i - 1]
        if prev.start < r.sentence_start or r.text[prev.end : end].strip() not in _AREA_JOIN:
            break
        region = r.region_of(prev)
        if region is None:
            break
        out.insert(0, region)
        end, i = prev.start, i - 1
    return out, end


#: A bare word for cases (个案, 病例) then 分布为/分布如下 opens a list of where the cases just counted are.
_SPREAD = std_compile(r"(?:的|居住)?(?:县市|地区|区域)?分布(?:为|如下|是)")


def _spread_of(r: _Reader, inner: re.Match[str], last_explicit: _Count | None) -> _Count | None:
    """The total whose cases a list of bracketed items spreads over, when the metric phrase before the
    list is a bare word for cases followed by 分布为 (個案分佈為新北市(91例)、基隆市(33例)): the last total
    read, also one that ended the paragraph before (今日新增216例本土病例…。¶個案分佈為…)."""
    if r.lex.metric[inner.group()] != "inherit" or _SPREAD.match(r.text, inner.end()) is None:
        return None
    if last_explicit is not None:
        return last_explicit if last_explicit.depth == 0 else None
    for c in reversed(r.counts):
        if c.end < inner.start() - _SPREAD_REACH:
            return None
        if c.depth == 0 and not c.sub and c.explicit:
            return c
    return None


#: How far before its list a total may end for 分布为 to spread it (the paragraph of its parts between).
_SPREAD_REACH = 200


def listed_part(r: _Reader, total: _Count, pos: int) -> _Count | None:
    """The part of ``total`` (of another scope) whose list of items, opened by 分别在/分别为 right after
    it, goes on at ``pos`` in the sentence being read."""
    for c in reversed(r.counts):
        if c.start < r.sentence_start or c.start < total.start:
            return None
        if (c.depth == 0 and c.sub and c.parent is total and c.scope != total.scope and c.metric == total.metric
                and c.end < pos and _LISTED_AFTER.match(r.text, c.end, pos) is not None):
            return c
    return None
