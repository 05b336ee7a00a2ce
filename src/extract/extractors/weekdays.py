"""Weekdays as Hong Kong and Taiwan reports write them (李克强周二到青海, 截至周三午夜, 上周五): the patterns
and the day one names, the latest such weekday on or before the article's day. Split from
:mod:`extract.extractors.dates`, which finds them."""

from __future__ import annotations

import datetime as dt
import re

import regex

__all__ = ["weekday_date"]

_WEEKDAYS = "一二三四五六日"
# A weekday: 周二, 星期三, 上周五; not 每周一 (every week), 周年, 一周.
_WEEKDAY = regex.compile(r"(?<![每本下\d一二三四五六七八九十])(?P<last>上)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])(?![年岁])")
#: What every match of _WEEKDAY holds (see reference_dates._FULL_DATE_PART).
_WEEKDAY_PART = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]")


def weekday_date(m: regex.Match[str], ref: dt.date) -> dt.date:
    """The day a :data:`_WEEKDAY` match names: the latest such weekday on or before ``ref`` (上周五: the
    Friday of the calendar week before ``ref``'s)."""
    wd = _WEEKDAYS.index(m.group("wd")) if m.group("wd") in _WEEKDAYS else 6
    if m.group("last"):
        return ref - dt.timedelta(days=ref.weekday() + 7 - wd)
    return ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
