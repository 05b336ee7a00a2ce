"""A count in brackets right after its area (北京（26宗），天津（5宗）): a part of the list it stands in.

What it counts is the metric phrase the sentence names before the list, else the total the sentence
goes on about — or, when that total's part of another scope opened the list (本土则有54例，分别在黑龙江
（27例…）), that part's.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ...anchored import AnyMatch
from .counting import _LISTED_AFTER
from .counts import _Count, _State, _when
from .lexicon import _CLOSE, _qualifier, _value, count_groups, said_measure

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
    if text[open_pos + 1 : m.start()].strip():
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
        start=area.start, end=m.end(), value=value, metric=metric, scope=scope, measure=measure,
        qualifier=_qualifier(m, lex), regions=[region], each=False, **when, depth=max(0, depth - 1),
        explicit=True, sub=True, label=label, boxed=True,
    )

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
