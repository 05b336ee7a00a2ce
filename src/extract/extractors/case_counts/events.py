"""What the reader reads in a paragraph: its count numbers and its zero phrases, in text order.
Split from :mod:`.reader`."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from ...anchored import AnyMatch
from .lexicon import _zero_re, cleared_re, count_matches
from .zeros import BARE_ZERO, may_be_cleared

__all__ = ["paragraph_events"]


def paragraph_events(
    text: str, p_start: int, p_end: int, places: list[int], metric_starts: list[int],
    metric_ends: Callable[[], frozenset[int]],
) -> list[tuple[int, int, AnyMatch]]:
    """The count numbers (kind 0) and zero phrases (kind 1) of the paragraph ``[p_start, p_end)``, in text
    order. ``places`` are where a count number may stand (sorted), ``metric_starts`` where the body's metric
    phrases start (sorted); ``metric_ends`` gives where they end, asked only for a paragraph holding 清零."""
    events: list[tuple[int, int, AnyMatch]] = []
    k = bisect.bisect_left(places, p_start)
    if k < len(places) and places[k] < p_end:  # most paragraphs hold no count number
        events = [(m.start(), 0, m) for m in count_matches(text, p_start, p_end, places)]
    # A zero phrase holds a metric phrase, and the body's metric phrases (none spans a line break)
    # include one starting in the paragraph wherever the paragraph holds one.
    i = bisect.bisect_left(metric_starts, p_start)
    if i < len(metric_starts) and metric_starts[i] < p_end:
        zeros: list[tuple[int, int, AnyMatch]] = (
            [(m.start(), 1, m) for m in _zero_re().finditer(text, p_start, p_end)] if _may_hold_zero(text, p_start, p_end) else [])
        if text.find("清零", p_start, p_end) >= 0 and may_be_cleared(text, p_start, p_end, metric_ends()):
            zeros += [(m.start(), 1, m) for m in cleared_re().finditer(text, p_start, p_end)]
        if text.find("零新增", p_start, p_end) >= 0:  # (东方、万宁零新增，: no metric after it)
            zeros += [(m.start(), 1, m) for m in BARE_ZERO.finditer(text, p_start, p_end)]
        if zeros:
            events += zeros
            events.sort(key=lambda e: (e[0], e[1]))
    return events


#: The characters a match of :func:`.lexicon._zero_re` may start with, 无 aside (未报告, 没有新增, 零新增, 尚无, 暂无, 未有…).
_ZERO_FIRST = "未没零尚暂"


def _may_hold_zero(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may hold a match of :func:`.lexicon._zero_re` (a regex-module search of the
    whole paragraph, ~half of them for nothing): every match starts with 无 or one of :data:`_ZERO_FIRST`, and
    a 无 followed by 症 starts none (无症状感染者 is a metric; 无 starts a zero only before 新增, 报告 or the
    words its look-ahead names, none of which opens with 症)."""
    if any(text.find(ch, start, end) >= 0 for ch in _ZERO_FIRST):
        return True
    i = text.find("无", start, end)
    while i >= 0:
        if not text.startswith("症", i + 1):
            return True
        i = text.find("无", i + 1, end)
    return False
