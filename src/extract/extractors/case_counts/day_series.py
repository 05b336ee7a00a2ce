"""A day-by-day series written in prose: 7月28日至31日，扬州新增确诊病例分别为2例、4例、10例、12例
(or days joined: 28日和30日分别为197例和195例).

The reader reads the first number with the sentence's metric, area and scope (and the range's last
day); each number of the series is that count on its own day, the range's days in order.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from ...anchored import AnyMatch, AnyPattern, std_compile

if TYPE_CHECKING:
    from .reader import _Reader

#: After a range's first day: its last day, then (in the same clause) 分别为/分别是.
_RESPECTIVELY = std_compile(r"\s*(?:至|到|—+|–|-|~|～)\s*(?:\d{1,2}月)?\d{1,2}日[^。;；!?！？\n]{0,30}?分别(?:为|是|新增|报告)[^\d,，。;；\n]{0,12}?(?=\d)")
#: After the last of several days joined by 和 or 、 (28日和30日): 分别为/分别是.
_RESPECTIVELY_AFTER = std_compile(r"[^。;；!?！？\n]{0,30}?分别(?:为|是|新增|报告)[^\d,，。;；\n]{0,12}?(?=\d)")
_RANGE_TO = std_compile(r"\s*(?:至|到|—+|–|-|~|～)\s*")
_DAY_JOIN = std_compile(r"\s*(?:和|及|与|、)\s*")
_ITEM = std_compile(r"(?<!\d)(\d+)\s*例")
_ITEM_SEP = std_compile(r"\s*(?:[、,，]|和|及)\s*")
#: The longest range read as a series (a month of daily figures).
_MAX_DAYS = 31


def series_items(text: str, pos: int, end: int, item: AnyPattern, sep: AnyPattern) -> list[AnyMatch]:
    """The numbers of a series from ``pos``: ``item`` matches, one after another, ``sep`` between them."""
    items: list[AnyMatch] = []
    while (m := item.match(text, pos, end)) is not None:
        items.append(m)
        gap = sep.match(text, m.end(), end)
        if gap is None:
            break
        pos = gap.end()
    return items


def day_series(reader: _Reader, first: int, p_start: int, p_end: int) -> None:
    """Replace, in ``reader.counts[first:]`` (a paragraph's counts), the first count of each day series
    the paragraph writes with one count per day (the others of the series made no record of their own)."""
    text, dates = reader.text, reader.dates
    i = bisect.bisect_left(reader.date_starts, p_start)
    while i < len(dates) and dates[i].start < p_end:
        m = dates[i]
        i += 1
        if m.date is None or m.hours is not None:
            continue
        last = m.through
        if (last is None and i < len(dates) and dates[i].date is not None and dates[i].hours is None
                and _RANGE_TO.fullmatch(text, m.end, dates[i].start)):
            # 2月5日至2月9日，广西报告新增本土确诊病例分别是6例、37例、…: a range whose last day has its month.
            last = dates[i].date
        if last is not None and last > m.date:
            lead = _RESPECTIVELY.match(text, m.end, p_end)
            days = [m.date + dt.timedelta(days=n) for n in range((last - m.date).days + 1)]
        else:
            # 28日和30日分别为197例和195例: days joined by 和 or 、, then the series.
            days, j = [m.date], i - 1
            while (j + 1 < len(dates) and dates[j + 1].date is not None and dates[j + 1].hours is None
                   and dates[j + 1].through is None and _DAY_JOIN.fullmatch(text, dates[j].end, dates[j + 1].start)):
                j += 1
                days.append(dates[j].date)  # type: ignore[arg-type]
            lead = _RESPECTIVELY_AFTER.match(text, dates[j].end, p_end) if len(days) > 1 else None
        if lead is None or not 2 <= len(days) <= _MAX_DAYS:
            continue
        items = series_items(text, lead.end(), p_end, _ITEM, _ITEM_SEP)
        if len(items) != len(days):
            continue  # as many numbers as days, or no series
        lo, hi = items[0].start(), items[-1].end()
        inside = [k for k in range(first, len(reader.counts)) if reader.counts[k].end > lo and reader.counts[k].start < hi]
        template = reader.counts[inside[0]] if inside else None
        if template is None or template.end != items[0].end() or template.zero or template.children:
            continue  # the first number was not read as a count of its own (no metric in the clause)
        series = [
            dataclasses.replace(
                template, start=template.start if n == 0 else item.start(), end=item.end(), value=int(item.group(1)),
                date=day, hours=None, until=None, dated=True, children=[],
            )
            for n, (item, day) in enumerate(zip(items, days))
        ]
        for k in reversed(inside):
            del reader.counts[k]
        reader.counts[inside[0] : inside[0]] = series
