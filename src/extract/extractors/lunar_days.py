"""Days of the first lunar month (正月初一, 大年初三, 农历正月十五) and 除夕, as Gregorian dates.

Early 2020 reports date events by the lunar new year (正月初一，我再次主持召开中央政治局常委会会议;
農歷大年初一，習近平總書記主持召開…). Only the first month is read, counted from that year's spring
festival (``data/spring_festivals.tsv``); a bare 初三 is a school year, not a day, so the month must be
written (正月, 大年) before it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from ..errors import ResourceError
from ..resources import read_data, tsv_rows

__all__ = ["LUNAR_DAY", "lunar_date", "parse_spring_festivals", "spring_festivals"]

_DAYS = "一二三四五六七八九十"
#: A day of the first lunar month, or the eve of the year (the eve needs no month).
LUNAR_DAY = re.compile(
    r"(?:农历)?(?:(?:正月|大年)(?P<day>初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)"
    r"|(?P<eve>除夕))"
)


@functools.cache
def spring_festivals() -> dict[int, dt.date]:
    """Year → the date of its 正月初一 (``data/spring_festivals.tsv``, checked when loaded)."""
    return parse_spring_festivals(read_data("spring_festivals.tsv"))


def parse_spring_festivals(text: str, name: str = "spring_festivals.tsv") -> dict[int, dt.date]:
    """The table of a ``spring_festivals.tsv`` text; a row that is no date of late January or February
    of its year raises :class:`~extract.errors.ResourceError` naming the line."""
    out: dict[int, dt.date] = {}
    for lineno, row in tsv_rows(text, name, ("year", "date")):
        try:
            year, day = int(row["year"]), dt.date.fromisoformat(row["date"])
        except ValueError as e:
            raise ResourceError(f"{name}:{lineno}: {e}") from None
        if day.year != year or not (dt.date(year, 1, 20) <= day <= dt.date(year, 2, 21)):
            raise ResourceError(f"{name}:{lineno}: {day} is no spring festival of {year}")
        out[year] = day
    return out


def _day_number(word: str) -> int:
    """正月 day written as 初一…初十, 十一…十九, 二十…二十九, 廿一…廿九, 三十 → 1…30."""
    if word.startswith("初"):
        return _DAYS.index(word[1]) + 1
    if word.startswith("廿"):
        return 20 + _DAYS.index(word[1]) + 1
    if word.startswith("二十"):
        return 20 + (_DAYS.index(word[2]) + 1 if len(word) > 2 else 0)
    if word == "三十":
        return 30
    return 10 + (_DAYS.index(word[1]) + 1 if len(word) > 1 else 0)  # 十, 十一 … 十九


def lunar_date(match: re.Match[str], ref: dt.date) -> dt.date | None:
    """The date ``match`` (of :data:`LUNAR_DAY`) names, in the lunar year nearest the article's day ``ref``
    (None when the table has no such year).

    >>> import datetime as dt
    >>> lunar_date(LUNAR_DAY.search("正月初一，我再次主持召开"), dt.date(2020, 2, 15))
    datetime.date(2020, 1, 25)
    >>> lunar_date(LUNAR_DAY.search("农历正月十五元宵节"), dt.date(2021, 2, 20))
    datetime.date(2021, 2, 26)
    >>> lunar_date(LUNAR_DAY.search("除夕夜"), dt.date(2022, 1, 28))
    datetime.date(2022, 1, 31)
    """
    table = spring_festivals()
    years = [y for y in (ref.year - 1, ref.year, ref.year + 1) if y in table]
    if not years:
        return None
    first = min((table[y] for y in years), key=lambda d: abs((d - ref).days))
    if match.group("eve"):
        return first - dt.timedelta(days=1)
    return first + dt.timedelta(days=_day_number(match.group("day")) - 1)
