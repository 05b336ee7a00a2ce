"""Publication dates as crawlers and sidecars write them, normalised to one form.

Accepted (with or without a time, with or without a zone):

- ISO 8601: ``2022-11-24``, ``2022-11-24T10:26:08``, ``2022-11-24 10:26``, ``…Z``, ``…+08:00``;
- separators ``/`` ``.`` and Chinese ``年月日`` / ``时分秒``: ``2022/11/24``, ``2022.11.24 10:26``,
  ``2022年11月24日``, ``2022年11月24日 10时26分``;
- compact digits: ``20221124``, ``202211241026``, ``20221124102608``;
- epoch seconds (9–10 digits) or milliseconds (12–13 digits), as a number or a string;
- RFC 2822 (``Thu, 24 Nov 2022 10:26:08 +0800``, RSS ``pubDate``).

**The normalised form** is a :class:`Published`: ``date`` (the calendar day) and,
when a time is known, ``at`` — a timezone-aware datetime in China Standard Time
(UTC+08:00). A value with its own zone (``Z``, ``+00:00``, epoch numbers, which are UTC)
is converted to UTC+08:00, so its ``date`` is the day in China; a value without a
zone is taken to be China Standard Time already. ``articles.jsonl`` writes
``published`` as ``YYYY-MM-DD`` and ``published_at`` as ``YYYY-MM-DDTHH:MM:SS+08:00``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
from dataclasses import dataclass

import regex

__all__ = ["CST", "Published", "parse_published_value"]

#: China Standard Time, the zone every normalised datetime is written in.
CST = dt.timezone(dt.timedelta(hours=8), "CST")


@dataclass(frozen=True, slots=True)
class Published:
    """A normalised publication date: the day, and the instant when a time is known."""

    date: dt.date
    at: dt.datetime | None = None


@functools.cache
def _date_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """A date written with separators, a compact one, an epoch: compiled on the first date given as text
    (in an input's metadata: a run of bare texts has none)."""
    sep_date = regex.compile(
        r"""^\s*(?P<y>\d{4})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?
        (?:\s*(?:T|\s|,)\s*(?P<H>\d{1,2})\s*[:时点]\s*(?P<M>\d{1,2})\s*分?(?:\s*:?\s*(?P<S>\d{1,2})(?:[.,]\d+)?\s*秒?)?)?
        \s*(?P<zone>Z|[+-]\d{2}:?\d{2}|UTC|GMT|CST|北京时间)?\s*$""",
        regex.VERBOSE | regex.I,
    )
    compact = regex.compile(r"^\s*(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?)?\s*$")
    epoch = regex.compile(r"^\s*(?P<n>\d{9,10}|\d{12,13})(?:\.\d+)?\s*$")
    return sep_date, compact, epoch


_YEARS = range(1900, 2101)


def _zone(text: str | None) -> dt.tzinfo | None:
    if not text or text.upper() in ("CST", "北京时间"):
        return None  # China Standard Time, the default
    if text.upper() in ("Z", "UTC", "GMT"):
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _build(y: int, m: int, d: int, hh: str | None, mm: str | None, ss: str | None, zone: dt.tzinfo | None) -> Published | None:
    if y not in _YEARS:
        return None
    try:
        day = dt.date(y, m, d)
        if hh is None:
            return Published(day)
        at = dt.datetime(y, m, d, int(hh), int(mm or 0), int(ss or 0), tzinfo=zone or CST)
    except ValueError:
        return None
    at = at.astimezone(CST)
    return Published(at.date(), at)


def parse_published_value(value: object) -> Published | None:
    """A publication date in any common form, or ``None`` when it cannot be read.

    >>> parse_published_value("2022/11/24")
    Published(date=datetime.date(2022, 11, 24), at=None)
    >>> parse_published_value("2022年11月24日 10:26").at.isoformat()
    '2022-11-24T10:26:00+08:00'
    >>> parse_published_value("2022-11-23T20:00:00Z").date
    datetime.date(2022, 11, 24)
    >>> parse_published_value(1669256768).at.isoformat()
    '2022-11-24T10:26:08+08:00'
    >>> parse_published_value("yesterday") is None
    True
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dt.datetime):
        at = value if value.tzinfo else value.replace(tzinfo=CST)
        at = at.astimezone(CST)
        return Published(at.date(), at)
    if isinstance(value, dt.date):
        return Published(value)
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        value = str(int(value))
    if not isinstance(value, str) or len(value) > 100:
        return None
    text = value.strip()
    sep_date, compact, epoch = _date_patterns()
    if m := sep_date.match(text):
        return _build(int(m["y"]), int(m["m"]), int(m["d"]), m["H"], m["M"], m["S"], _zone(m["zone"]))
    if m := compact.match(text):
        return _build(int(m["y"]), int(m["m"]), int(m["d"]), m["H"], m["M"], m["S"], None)
    if m := epoch.match(text):
        n = int(m["n"])
        seconds = n / 1000 if len(m["n"]) >= 12 else n
        try:
            at = dt.datetime.fromtimestamp(seconds, dt.UTC).astimezone(CST).replace(microsecond=0)
        except (OverflowError, OSError, ValueError):
            return None
        return Published(at.date(), at) if at.year in _YEARS else None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or parsed.year not in _YEARS:
        return None
    at = (parsed if parsed.tzinfo else parsed.replace(tzinfo=CST)).astimezone(CST)
    return Published(at.date(), at)
