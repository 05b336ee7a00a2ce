"""A page listing several reports (a tag or section page of a news site), each teaser with its own
timestamp line (``2022-02-21 18:05:45``): a teaser's 今日/今天/昨日 are of its own report's day, not of
the page's. Split from :mod:`.reader`."""

from __future__ import annotations

import bisect
import datetime as dt

from ...anchored import std_compile
from ..dates import DateMention

__all__ = ["teaser_dates"]

#: A line that is only a date and a time (a listed report's timestamp).
_STAMP_LINE = std_compile(r"(?<![^\n])[ \t\u3000]*((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})[ T]\d{1,2}:\d{2}(?::\d{2})?[ \t\u3000]*(?=\n|$)")


def _stamps(text: str, start: int, end: int) -> list[tuple[int, dt.date]]:
    out = []
    for m in _STAMP_LINE.finditer(text, start, end):
        try:
            out.append((m.start(), dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))))
        except ValueError:
            continue  # 2022-02-30 12:00: no day
    return out


def _agreeing(dates: list[DateMention], stamps: list[tuple[int, dt.date]], positions: list[int], ends: list[int], closes: bool) -> int:
    """How many written days (not relative ones) fall on the day of the stamp their teaser has, in that layout."""
    n = 0
    for d in dates:
        if d.relative is None and d.date is not None:
            i = bisect.bisect_left(positions, d.start)
            j = i if closes else i - 1
            if i < len(positions) and positions[i] <= d.start < ends[i]:
                continue  # the stamp itself
            n += 0 <= j < len(stamps) and stamps[j][1] == d.date
    return n


def teaser_dates(text: str, dates: list[DateMention], start: int, end: int) -> list[DateMention]:
    """``dates`` with each day written relative to the article (今日, 昨天) resolved against the timestamp of
    the teaser that holds it, on a page of two or more timestamp lines. Each stamp closes its teaser (本港今日新增7533宗… /
    2022-02-21 18:05:45) or each opens it: the layout whose stamps agree with more of the teasers' own
    written days (本港今天(23日)… / 2022-02-23 18:40:51), closing when none tells."""
    if text.count(":", start, end) < 2:
        return dates  # (a stamp holds a colon: most bodies hold no two)
    if not any(d.relative is not None and d.relative[0] == "article" for d in dates):
        return dates
    stamps = _stamps(text, start, end)
    if len(stamps) < 2:
        return dates
    positions = [p for p, _ in stamps]
    ends = [e if (e := text.find("\n", p, end)) >= 0 else end for p in positions]  # (each stamp's line end)
    closes = _agreeing(dates, stamps, positions, ends, True) >= _agreeing(dates, stamps, positions, ends, False)
    out = []
    for d in dates:
        if d.relative is not None and d.relative[0] == "article":
            i = bisect.bisect_left(positions, d.start)
            j = i if closes else i - 1
            if 0 <= j < len(stamps):
                try:
                    d = d._replace(date=stamps[j][1] + dt.timedelta(days=d.relative[1]), relative=None)
                except OverflowError:
                    pass
        out.append(d)
    return out
