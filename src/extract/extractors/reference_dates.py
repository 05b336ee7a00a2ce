"""The article's reference date when it has no published one: the first full date written (2020年1月28日,
2022-11-27), found from its year's separator. Split from :mod:`extract.extractors.dates` (which still
exposes these names)."""

from __future__ import annotations

import datetime as dt
import re

import regex

from ..anchored import char_positions

__all__ = ["reference_date"]


_FULL_DATE = regex.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*(?:年|[-/.])\s*(?P<month>\d{1,2})\s*(?:月|[-/.])\s*(?P<day>\d{1,2})(?!\d)")
# What every match of _FULL_DATE holds, for a first look at a text (most hold none): the standard
# library's engine finds it many times faster than the regex module scans for _FULL_DATE. It must
# find at least every place _FULL_DATE matches: its \s holds every character the regex module's does
# (and four controls more), and \S stands for \d (the regex module knows digits of newer scripts).
_FULL_DATE_PART = re.compile(r"(?:19|20)\S\S\s*(?:年|[-/.])\s*\S")


def reference_date(text: str, published: dt.date | None, start: int = 0, end: int | None = None) -> dt.date | None:
    """The date that gives month-day dates their year: the article's date, else the first full date written.

    A notice reposted with no publication date still writes its year once (2020年1月28日0—24时); its
    later 截至1月28日24时 is of that year, not undatable.

    >>> reference_date("2020年1月28日0—24时，…截至1月28日24时", None)
    datetime.date(2020, 1, 28)
    >>> reference_date("截至1月28日24时", None) is None
    True
    """
    if published is not None:
        return published
    end = len(text) if end is None else end
    # The matches of _FULL_DATE.finditer(text, start, end), tried only where its part starts (every
    # match starts so; the parts may overlap: each try goes on from the place after the last). Where a
    # part can start is found from its year's separator (str.find): a search of the engine tested every
    # character of the body against the class of the part's first characters, and most bodies hold no
    # full date, so were walked whole.
    pos = start
    for p in _full_date_starts(text, start, end):
        if p < pos or _FULL_DATE_PART.match(text, p, end) is None:
            continue
        m = _FULL_DATE.match(text, p, end)
        if m is None:
            continue
        try:
            return dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        except ValueError:
            pos = m.end()
    return None


def _full_date_starts(text: str, start: int, end: int) -> list[int]:
    """Where a match of :data:`_FULL_DATE_PART` can start in ``text[start:end]``, ascending: at a 19 or 20
    four characters before the blanks before a 年, -, / or . (the separator after its year; the two
    characters before the blanks are no blank, so the run of blanks is the whole run before the separator).
    One start per separator, and a later separator's start is later."""
    out: list[int] = []
    for q in char_positions(text, "年-/.", start, end):
        w = q
        while w > start and text[w - 1].isspace():  # (the standard engine's \s: str.isspace)
            w -= 1
        if w - 4 >= start and text.startswith(("19", "20"), w - 4):
            out.append(w - 4)
    return out
