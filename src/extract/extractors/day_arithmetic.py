"""A bare day's month and year (较29日, 截至29日, 将于22日召开): the day with that day of the month nearest a
date written before it, or the article's own day (see dates.find_dates). Pure date arithmetic, split from
dates.py by concern."""

from __future__ import annotations

import datetime as dt


def _same_month_later(anchor: dt.date | None, day: int, ref: dt.date | None) -> dt.date | None:
    """``day`` in the month of ``anchor`` when it falls after the anchor and not after ``ref``.

    >>> _same_month_later(dt.date(2020, 3, 21), 29, dt.date(2020, 3, 29))
    datetime.date(2020, 3, 29)
    >>> _same_month_later(dt.date(2022, 12, 1), 29, dt.date(2022, 12, 2)) is None
    True
    """
    if anchor is None or ref is None or day <= anchor.day:
        return None
    try:
        cand = dt.date(anchor.year, anchor.month, day)
    except ValueError:
        return None
    return cand if cand <= ref else None


def _next_day(ref: dt.date, day: int) -> dt.date | None:
    """The day after ``ref`` when it is ``day`` of the same month.

    >>> _next_day(dt.date(2022, 3, 21), 22), _next_day(dt.date(2022, 3, 31), 1)
    (datetime.date(2022, 3, 22), None)
    """
    nxt = ref + dt.timedelta(days=1)
    return nxt if nxt.day == day and nxt.month == ref.month else None


def _day_not_after(ref: dt.date, day: int) -> dt.date | None:
    """The latest date with this day of month that is not after ``ref`` (within four months).

    >>> _day_not_after(dt.date(2022, 12, 13), 11), _day_not_after(dt.date(2022, 12, 2), 30)
    (datetime.date(2022, 12, 11), datetime.date(2022, 11, 30))
    """
    year, month = ref.year, ref.month
    for _ in range(4):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            cand = None
        if cand is not None and cand <= ref:
            return cand
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return None


def _day_before_or_on(anchor: dt.date, day: int) -> dt.date | None:
    """The date with this day of month nearest ``anchor``: up to a week after it, else the latest before it.

    >>> _day_before_or_on(dt.date(2022, 12, 1), 29), _day_before_or_on(dt.date(2022, 11, 30), 2)
    (datetime.date(2022, 11, 29), datetime.date(2022, 12, 2))
    """
    cands: list[dt.date] = []
    year, month = anchor.year, anchor.month + 1
    if month == 13:
        year, month = year + 1, 1
    for _ in range(4):
        try:
            cands.append(dt.date(year, month, day))
        except ValueError:
            pass
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    for cand in cands:  # latest first
        if (cand - anchor).days <= 7:
            return cand
    return None
