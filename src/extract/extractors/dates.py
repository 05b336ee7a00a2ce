"""One date resolver for every extractor.

Finds date mentions in normalised (Simplified, half-width) text and resolves
them against a reference date (the article's published date):

- absolute: ``2022年11月30日``, ``11月30日``, ``十一月十四日``, ``11月30号``;
- bare day: ``30日`` / ``较29日`` — month taken from the previous mention;
- relative: ``昨日``/``今日`` (against the article date), ``当天``/``当晚``
  (the date in force), ``次日``/``第二天`` (+1), ``前一日`` (−1);
- hour windows after a date: ``0—24时``, ``0-12时``, ``0时至24时``, ``0—18時``.

The year comes from the text when written, else from the reference date,
preferring the past (an article of 2023-01-02 that says 12月31日 means
2022-12-31). With no year knowable the date is ``None`` — never a guess.

dateparser is not needed for these forms; a hand-written resolver is exact,
explainable and a hundred times faster.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

import regex

from ..anchored import AnyMatch, AnyPattern, char_positions, group_numbers, matches_at, std_compile
from ..prefilter import SPACES
from .cn_numbers import CN_NUM as CN_NUM
from .cn_numbers import parse_cn_int as parse_cn_int
from .cn_numbers import _PARSED as _PARSED  # (moved: callers and tests still read them here)
from .day_arithmetic import _day_before_or_on, _day_not_after, _next_day, _same_month_later
from .lunar_days import LUNAR_DAY, lunar_date
from .reference_dates import _FULL_DATE as _FULL_DATE  # (moved: tests and callers still read them here)
from .reference_dates import _FULL_DATE_PART as _FULL_DATE_PART
from .reference_dates import _full_date_starts as _full_date_starts
from .reference_dates import reference_date
from .relative_days import _RELATIVE_WORDS
from .weekdays import _WEEKDAY, _WEEKDAY_PART, weekday_date

__all__ = [
    "DateMention",
    "find_dates",
    "parse_cn_int",
    "reference_date",
    "resolve_month_day",
    "resolve_relative",
    "window",
]

#: The last day of a range of days written after a date (3月1日—24日).
_DAY_RANGE_END = regex.compile(r"\s*(?:—+|–|-|~|～|至|到)\s*(\d{1,2})\s*日(?!\s*\d{1,2}\s*[时点]\s*(?:—|–|-|~|～|至|到))")  # 8月6日—11日12时 too


def _through(text: str, pos: int, date: dt.date | None) -> dt.date | None:
    """The range's last day when ``—24日`` follows a date ending at ``pos`` (a later day of its month)."""
    end = _DAY_RANGE_END.match(text, pos) if date is not None else None
    if end is None or date is None or not date.day < int(end.group(1)) <= 31:
        return None
    try:
        return date.replace(day=int(end.group(1)))
    except ValueError:
        return None


class DateMention(NamedTuple):
    """A date found in the text (immutable; a named tuple: a frozen dataclass's generated ``__init__`` set
    each of the nine fields through ``object.__setattr__``, ~14 K instructions a mention, ~4 an article).

    Attributes:
        start, end: the span of the whole mention (window included) in the text.
        date: the resolved date, or ``None`` when no year is knowable or it is relative.
        month, day: as written (month ``None`` for a bare day before resolution).
        relative: for 昨日/当天/次日 …: ``(anchor, days)`` with anchor ``"article"`` or ``"context"``.
        period_start, period_end: hours of a window (``(0, 12)`` for 0—12时), else ``None``.
        through: the last day of a range of days written right after the date (3月1日—24日), else ``None``.
    """

    start: int
    end: int
    date: dt.date | None
    month: int | None = None
    day: int | None = None
    relative: tuple[str, int] | None = None
    hours: tuple[int, int] | None = None
    year_written: bool = False
    through: dt.date | None = None


#: ``DateMention(*fields)`` given all nine fields as one tuple, by ``tuple.__new__`` (a named tuple's own
#: ``__new__`` is a Python function: a frame, its keywords matched, for every date).
_new_date = functools.partial(tuple.__new__, DateMention)


_NUM = rf"(?:\d{{1,2}}|[{CN_NUM}]{{1,3}})"
# (1日凌晨0時至午夜12時: 中央社's way of writing the day's 0—24时.)
_HOUR_WINDOW = r"(?:凌晨)?(?P<h1>\d{1,2}|零|〇|○)(?:时|点|[:：]00(?:时|点)?)?\s*(?:—+|–|-|~|～|至|到)\s*(?P<midnight>午夜)?(?P<h2>\d{1,2}|廿四|二十四|十二)(?:时|点|[:：]00(?!\d)(?:时|点)?)"  # (0:00时—24:00时)
#: (Compiled by the standard library's engine, which means the same here: literal text, classes,
#: quantifiers, no look-behind. It is tried where each 月 stands, and a call of the regex module
#: costs about three times the set-up; see anchored.std_compile.)
_DATE = std_compile(
    rf"""
    (?:(?P<year>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*)?
    (?P<month>{_NUM}|元)\s*月\s*(?P<day>{_NUM})\s*[日号]   # 元月20日 is 1月20日
    (?:\s*(?:{_HOUR_WINDOW}))?
    """,
    verbose=True,
)
# A bare day ("较29日", "至30日") needs a month from context, and must not be a
# duration ("连续3日", "近7日", "30日内").
_BARE_DAY_BEFORE = r"(?:^|[较比至到、,，;；。:：和与及于在止(（\n]|截至|截止)\s*"
_BARE_DAY_NOT_AFTER = r"(?!\s*(?:内|以内|之内|以来|左右|起算))"
# A day of the twenties or thirties as Hong Kong papers write it (截至廿四日, 卅一日).
_TWENTIES = r"廿[一二三四五六七八九]?|卅一?"
_BARE_DAY = regex.compile(
    rf"""
    (?<={_BARE_DAY_BEFORE})
    (?P<day>\d{{1,2}}|{_TWENTIES})\s*[日号]
    {_BARE_DAY_NOT_AFTER}
    (?:\s*(?:{_HOUR_WINDOW}))?
    """,
    regex.VERBOSE,
)
# The 日 or 号 a bare day can end at: after a separator, one or two digits and spaces, and not
# followed by a duration's word (found in one scan; 12月1日 is none).
_BARE_DAY_ANCHOR = regex.compile(rf"[日号](?<={_BARE_DAY_BEFORE}(?:\d{{1,2}}|{_TWENTIES})\s*[日号]){_BARE_DAY_NOT_AFTER}")
# What must follow a named day's 日: something that happened that day.
_NAMED_DAY_AFTER = r"""
    (?=\s*(?:上午|下午|晚间|晚上|早间|凌晨|夜间|中午|傍晚)?\s*
        (?:\d{1,2}\s*[时点](?:\d{1,2}分|半)?(?:许|左右)?\s*)?  # 应变协调中心21日下午5时表示
        (?:就|在|于|新增|报告|通报|发现|确诊|主持|召开|举行|出席|表示|强调|指出|介绍|前往|来到|赴|深入
          |调研|检查|率队|发布|宣布|公布|共|合计|累计|单日|全天|再|又|也|还|已|晚|召集|会见|视察
          |参加|看望|慰问|考察|从|无新增))  # (记者廿四日从贵州省卫生健康委员会获悉; 台中市31日无新增…)
    """
# A bare day right after a name — a place or a person — when what follows is something that happened
# that day: 沙坪坝区十九日就新增, 陈敏尔20日在…会上, 胡衡华12日主持召开, 市卫健委20日通报. Words
# that make a number of days a duration (连续3日, 近7日, 第3日, 每3日) may not stand before it.
_NAMED_DAY = regex.compile(
    rf"""
    (?<=\p{{Han}}\x20?)  # (海珠区 26 日新增: a web page's spaces around numbers)
    (?<!(?:连续|持续|最近|过去|未来|此后|之后|以后|其后|随后|累计|历时|用时|耗时|长达|不到|不足|超过|至少|仅仅
       |[近前后这那每第隔满共达约逾超数几多半再又另该当本上下同某头首末{CN_NUM}])\x20?)
    (?P<day>\d{{1,2}}|[一二三]?十[一二三四五六七八九]?|{_TWENTIES}|[一二三四五六七八九])\s*日
    {_NAMED_DAY_AFTER}
    """,
    regex.VERBOSE,
)
# The 日 a named day can end at: one followed by what _NAMED_DAY requires after it (found in one
# scan; most 日 close a full date followed by a comma or an hour window, and are not tried).
_NAMED_DAY_ANCHOR = std_compile(rf"日{_NAMED_DAY_AFTER}", verbose=True)  # (a look-ahead: the standard engine)
# The 月 a date can have: one followed by a day and its 日 or 号 (11月以来 is none).
#: The numbers of _DATE's year, month and day groups (see anchored.group_numbers).
_DATE_GROUPS = tuple(_DATE.groupindex[n] for n in ("year", "month", "day"))
#: Those and its first hour's (read at once for every date: no window, no hours to read).
_DATE_READ = (*_DATE_GROUPS, _DATE.groupindex["h1"])
_DATE_ANCHOR = std_compile(rf"月(?=\s*{_NUM}\s*[日号])")
#: The one character each anchor pattern consumes (the rest of it looks around that character).
_ANCHOR_CHARS = {_DATE_ANCHOR: "月", _BARE_DAY_ANCHOR: "日号", _NAMED_DAY_ANCHOR: "日"}
#: What :data:`_BARE_DAY_BEFORE` needs right before a bare day's blanks and digits: one of its characters
#: (截至 and 截止 end in one) or the text's start.
_BARE_DAY_BEFORE_CHARS = frozenset("较比至到、,，;；。:：和与及于在止(（\n")


#: :data:`_ANCHOR_CHARS` by the patterns' identities (the patterns live as long as the module).
_ANCHOR_CHARS_BY_ID = {id(a): chars for a, chars in _ANCHOR_CHARS.items()}
#: What the character right after a 月 or a named day's 日 must be for its anchor's look-ahead to hold: a
#: blank (U+001C–U+001F too), a digit (any decimal, or beyond the basic plane: asked apart) or the first
#: character of a number (月) or of a time or word after a named day. Most 日 close a date followed by a
#: comma and are not asked of the engine (~1.5 K instructions each). tests/test_date_anchor_gates.py: every code point.
_ANCHOR_OPENS_BY_ID = {id(a): frozenset(chars) | SPACES | frozenset("\x1c\x1d\x1e\x1f") for a, chars in (
    (_DATE_ANCHOR, CN_NUM),
    (_NAMED_DAY_ANCHOR, "上下晚早凌夜中傍就在于新报通发确主召举出表强指介前来赴深调检率宣公共合累单全再又也还已会视参看慰考从无"),
)}


def _anchor_chars(anchor: AnyPattern) -> str:
    """The character of an anchor pattern (:data:`_ANCHOR_CHARS`), found by identity: hashing a
    pattern of the standard engine hashes its whole program."""
    return _ANCHOR_CHARS_BY_ID[id(anchor)]


_UNITS_OF_TWENTIES = frozenset("一二三四五六七八九")


def _may_end_bare_day(text: str, q: int) -> bool:
    """Whether the 日 or 号 at ``q`` may end a :data:`_BARE_DAY_ANCHOR` match, answered without the
    engine: its look-behind needs digits or 廿/卅 and a unit (after blanks) before ``q``, and before them (after blanks)
    one of :data:`_BARE_DAY_BEFORE_CHARS` or the text's start. Most 日 close a full date (月30日) or
    a word (当日, 次日) and fail here; the rest are tried by the pattern. (``str.isspace`` holds for
    every ``\\s`` of the engine and ``str.isdigit`` for every ``\\d``, so no match is missed.)"""
    # (Each character is read once into ``c``: an index of a Han character makes a new string; "" stands
    # for the text's start, which no test below holds for.)
    k = q - 1
    c = text[k] if k >= 0 else ""
    while c.isspace():
        k -= 1
        c = text[k] if k >= 0 else ""
    if c in _UNITS_OF_TWENTIES and k > 0 and text[k - 1] in "廿卅":
        k -= 2  # (截至廿四日)
    elif c == "廿" or c == "卅":
        k -= 1
    elif not c.isdigit():
        return False
    else:
        k -= 1
        if k >= 0 and text[k].isdigit():
            k -= 1
    c = text[k] if k >= 0 else ""
    while c.isspace():
        if c in _BARE_DAY_BEFORE_CHARS:  # \n is both
            return True
        k -= 1
        c = text[k] if k >= 0 else ""
    return k < 0 or c in _BARE_DAY_BEFORE_CHARS


def _spaces_start(text: str, lo: int, pos: int) -> int:
    """Where the run of spaces that ends at ``pos`` starts (not before ``lo``).

    A space is a character of the regex engine's ``\\s`` (:data:`~extract.prefilter.SPACES`); the runs
    before a date's parts are a character or two, walked back in Python (a reverse match of the
    engine cost ~3 K instructions of set-up)."""
    while pos > lo and text[pos - 1] in SPACES:
        pos -= 1
    return pos


def _day_starts(text: str, lo: int, q: int) -> range:
    """Where a :data:`_NAMED_DAY` match whose 日 is at ``q`` can start: a day is 1–3 characters
    (19, 十九), then spaces."""
    w = _spaces_start(text, lo, q)
    return range(max(lo, w - 3), w)


def _bare_day_starts(text: str, lo: int, q: int) -> range:
    """Where a :data:`_BARE_DAY` match whose 日 or 号 is at ``q`` can start: a day is 1–2 digits (or 廿四), then spaces."""
    w = _spaces_start(text, lo, q)
    return range(max(lo, w - 2), w)


_DATE_FIRST = frozenset(CN_NUM + "元")


def _date_starts(text: str, lo: int, q: int) -> list[int]:
    """Where a :data:`_DATE` match whose 月 is at ``q`` can start, ascending: at its month (1–3
    characters, then spaces), or at the four-character year before ``年`` and spaces before that month.

    (Called for every 月 of every body: written with few steps, each character read once where it can
    be (an index of a Han character makes a new string). A year starts at least five characters before
    the month it goes with, so before every month position of the range.)"""
    w = q
    while w > lo and text[w - 1] in SPACES:  # (_spaces_start, inlined: asked for every 月)
        w -= 1
    m0 = w - 3 if w - 3 > lo else lo
    # A date starts with a digit (its year or month: str.isdigit holds for every \d), a Chinese
    # numeral or 元: other positions cannot start one and are not tried.
    months: list[int] = []
    p = m0
    for c in text[m0:w]:
        if c in _DATE_FIRST or c.isdigit():
            months.append(p)
        p += 1
    # A year needs 年 or a blank right before a month position: a month after any other character
    # (nearly all) is not walked back from. (Every blank but the space is unprintable: the characters
    # before the positions are asked at once, and walked one by one only when one may be either.)
    before = text[max(m0 - 1, lo) : w - 1]
    if "年" not in before and " " not in before and before.isprintable():
        return months
    years: list[int] = []
    for month in range(m0, w):
        if month > lo and (text[month - 1] == "年" or text[month - 1] in SPACES):
            v = _spaces_start(text, lo, month)
            if v > lo and text[v - 1] == "年":
                u = _spaces_start(text, lo, v - 1)
                if u - 4 >= lo:
                    years.append(u - 4)
    if not years:
        return months
    return [p for p in sorted(set(years)) if text[p] in _DATE_FIRST or text[p].isdigit()] + months


_ASCII_DIGITS = frozenset("0123456789")


def _date_tries(text: str, lo: int, q: int) -> list[int]:
    """The starts of :func:`_date_starts` that can hold the first :data:`_DATE` match whose 月 is at ``q``.

    A month written in ASCII digits right before its 月 (12月, ~all of a bench body's; ~2.4 tries a 月
    were made, a page's 911月 three) can be matched only from the first of its last two digits: a
    month is one or two digits, and a one-digit month's try after a two-digit one's fails as that one
    did (what follows is the same). A year can open the date only when 年 stands right before that
    month (2022年12月: its start, four characters before 年 and its blanks, is tried first). Any other
    shape (blanks before 月, a month in Chinese numerals, other digits, blanks or 年 before it) asks
    :func:`_date_starts`. tests/test_date_tries.py holds the dates found to those of every start."""
    p = q - 1
    if p < lo or text[p] not in _ASCII_DIGITS:
        return _date_starts(text, lo, q)
    if p > lo and text[p - 1] in _ASCII_DIGITS:
        p -= 1
    if p == lo:
        return [p]
    b = text[p - 1]
    if b == "年":
        u = p - 1
        while u > lo and text[u - 1] in SPACES:
            u -= 1
        y = u - 4
        return [y, p] if y >= lo and (text[y] in _DATE_FIRST or text[y].isdigit()) else [p]
    if b in SPACES or (b.isdigit() and b not in _ASCII_DIGITS):
        return _date_starts(text, lo, q)
    return [p]


def _anchored(
    pattern: AnyPattern,
    text: str,
    start: int,
    end: int,
    anchor: str | AnyPattern,
    starts: Callable[[str, int, int], Iterable[int]],
    positions: list[int] | None = None,
    floors: Sequence[tuple[int, int]] = (),
) -> Iterator[AnyMatch]:
    """``pattern.finditer(text, start, end)`` for :data:`_DATE` (``anchor`` 月) or :data:`_NAMED_DAY`
    (日), tried only at the few positions before each ``anchor`` where such a match can start
    (``starts``), not at every character. Each try costs about the distance to the anchor, and a
    position is tried for one anchor only: linear. An ``anchor`` pattern (:data:`_DATE_ANCHOR`,
    :data:`_NAMED_DAY_ANCHOR`) finds only the anchors that what follows them in the window allows;
    ``positions``, when given, are where the window holds the anchor pattern's characters (found once
    for both bare-day patterns: see _bare_days). ``floors``: ``(position, end)`` pairs, ascending, of
    anchors taken out of ``positions`` (a full date's own 日, see _bare_days): once an anchor after
    ``position`` is reached, no try starts before ``end``."""
    pos = start
    match = pattern.match
    if isinstance(anchor, str):
        anchors: Iterable[int] = _find_all(text, anchor, start, end)
    else:
        # The anchor pattern's matches are one character with look-arounds (which see the whole text, as
        # in a scan): tried only at the few places that hold such a character (str.find), not by a scan.
        check = anchor.match
        # (A bare day's 日 is first asked without the engine: see _may_end_bare_day.)
        if positions is None:
            positions = char_positions(text, _anchor_chars(anchor), start, end)
        if anchor is _BARE_DAY_ANCHOR:
            positions = [q for q in positions if _may_end_bare_day(text, q)]
        opens = _ANCHOR_OPENS_BY_ID.get(id(anchor))
        if opens is None:
            anchors = [q for q in positions if check(text, q, end)]
        elif anchor is _DATE_ANCHOR and starts is _date_tries:
            # A gated 月 is not asked of _DATE_ANCHOR: a _DATE match through a 月 holds the anchor's look-ahead
            # there (its month ends at the first 月 after it), so its tries fail exactly where the check does,
            # and ~93% of the gated 月 of a bench body hold a date, found in one _DATE call instead of two.
            anchors = [q for q in positions if (c := text[q + 1 : q + 2]) in opens or c.isdecimal() or c > "\uffff"]
        else:  # (the character after the anchor first: see _ANCHOR_OPENS_BY_ID)
            anchors = [q for q in positions
                       if ((c := text[q + 1 : q + 2]) in opens or c.isdecimal() or c > "\uffff") and check(text, q, end)]
    fi, nf = 0, len(floors)
    for q in anchors:
        while fi < nf and floors[fi][0] < q:
            if floors[fi][1] > pos:
                pos = floors[fi][1]
            fi += 1
        if q >= pos:
            for p in starts(text, pos, q):
                m = match(text, p, end)
                if m is not None:
                    pos = m.end()
                    yield m
                    break


def _find_all(text: str, anchor: str, start: int, end: int) -> Iterator[int]:
    q = text.find(anchor, start, end)
    while q >= 0:
        yield q
        q = text.find(anchor, q + 1, end)


_RELATIVE = regex.compile(
    "(?P<rel>" + "|".join(sorted(map(regex.escape, _RELATIVE_WORDS), key=len, reverse=True)) + ")"
    + rf"(?:\s*(?:{_HOUR_WINDOW}))?"
)
#: A relative day with its day of the month in brackets, as Macau, Taiwan and wire reports write it:
#: 昨(21)日本澳新增確診病例2例, 今(31)日公布, 今（8）日下午, 截至今日(22日)零时 (Hong Kong).
_RELATIVE_REL = _RELATIVE.groupindex["rel"]  # read by number (see anchored.group_numbers)
_BRACKETED_DAY = regex.compile(
    rf"(?P<rel>昨|今|前)(?:\s*[(（]\s*(?P<day>\d{{1,2}})\s*[)）]\s*(?:日|(?=晚|早|上午|下午|中午))|(?:日|天)\s*[(（]\s*(?P<day>\d{{1,2}})\s*日\s*[)）])"
    rf"(?:\s*(?:{_HOUR_WINDOW}))?"
)
#: What every match of _BRACKETED_DAY holds: its relative word, then a bracket (see _FULL_DATE_PART;
#: the standard library's \s holds every character the regex module's does).
_BRACKETED_DAY_PART = re.compile(r"[昨今前][日天]?\s*[(（]")
_BRACKETED_OFFSET = {"昨": -1, "今": 0, "前": -2}


def _bracketed_day(ref: dt.date, rel: str, day: int) -> dt.date | None:
    """The day ``day`` of the month nearest the day ``rel`` names (昨: the day before ``ref``)."""
    near = ref + dt.timedelta(days=_BRACKETED_OFFSET[rel])
    if near.day == day:
        return near
    for delta in range(1, 4):  # the bracket corrects a wrong offset by a day or two, never more
        for d in (near - dt.timedelta(days=delta), near + dt.timedelta(days=delta)):
            if d.day == day and d <= ref + dt.timedelta(days=1):
                return d
    return None


#: Every relative word, for the standard library's engine (which finds a plain alternation of literal words
#: twice as fast): each :data:`_RELATIVE` match starts with one, and most bodies hold none.
_RELATIVE_WORD = re.compile("|".join(map(re.escape, _RELATIVE_WORDS)))
#: Where every relative word starts in one window of one text, ``(text, start, end, starts)``, as a
#: caller's own scan found them (the case-count reader's automaton pass: :func:`relative_words_found`).
_found_relative: list[tuple[str, int, int, list[int]]] = []


def relative_words_found(text: str, start: int, end: int, starts: list[int]) -> None:
    """Hand :func:`find_dates` the ascending starts of every relative word in ``text[start:end]``
    (overlapping ones too): its relative days are then matched only there, not searched for."""
    _found_relative[:] = [(text, start, end, starts)]


def _relative_matches(text: str, start: int, end: int) -> Iterable[AnyMatch]:
    """``_RELATIVE.finditer(text, start, end)``: every match starts with a relative word, so where
    the window's words were handed in (the same text object) the pattern is tried only there."""
    if _found_relative and _found_relative[0][0] is text and _found_relative[0][1:3] == (start, end):
        return matches_at(_RELATIVE, text, _found_relative[0][3], end)
    return _RELATIVE.finditer(text, start, end) if _RELATIVE_WORD.search(text, start, end) else ()


def resolve_month_day(ref: dt.date | None, month: int, day: int) -> dt.date | None:
    """Give ``month/day`` the year that puts it nearest ``ref``, preferring the past.

    A future date counts ten times its distance, so a date a few days or weeks
    after the article (an announced start) keeps the article's year, while
    12月31日 in an article of 2023-01-02 is 2022-12-31 and 1月5日 in an
    article of 2022-12-01 is 2022-01-05.

    >>> resolve_month_day(dt.date(2023, 1, 2), 12, 31)
    datetime.date(2022, 12, 31)
    >>> resolve_month_day(dt.date(2022, 11, 14), 11, 15)
    datetime.date(2022, 11, 15)
    >>> resolve_month_day(None, 11, 15) is None
    True
    """
    if ref is None:
        return None
    best: tuple[int, dt.date] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        delta = (cand - ref).days
        cost = delta * 10 if delta > 0 else -delta
        if best is None or cost < best[0]:
            best = (cost, cand)
    return best[1] if best else None


def resolve_relative(mention: DateMention, article: dt.date | None, context: dt.date | None) -> dt.date | None:
    """Resolve a relative mention against the article date or the date in force."""
    if mention.relative is None:
        return mention.date
    anchor_kind, days = mention.relative
    anchor = article if anchor_kind == "article" else (context or article)
    if anchor is None:
        return None
    try:
        return anchor + dt.timedelta(days=days)
    except OverflowError:  # 前100000000天: before year 1 or after 9999
        return None


def window(date: dt.date | None, hours: tuple[int, int] | None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Turn a date and an hour window into ISO datetimes (24时 is next day 00:00).

    >>> window(dt.date(2022, 12, 1), (0, 12))
    (datetime.datetime(2022, 12, 1, 0, 0), datetime.datetime(2022, 12, 1, 12, 0))
    >>> window(dt.date(2022, 12, 1), (0, 24))[1]
    datetime.datetime(2022, 12, 2, 0, 0)
    """
    if date is None or hours is None:
        return None, None
    base = dt.datetime(date.year, date.month, date.day)
    h1, h2 = hours
    if not (-24 * _LONGEST_WINDOW <= h1 <= 24 and 0 <= h2 <= 24 and h1 < h2):  # h1 < 0: from the evening (or a day) before
        return None, None
    return base + dt.timedelta(hours=h1), base + dt.timedelta(hours=h2)


#: An hour after a date, then the next day's date and hour: ``20时至3月8日20时`` after 3月7日.
_OVERNIGHT = regex.compile(
    rf"\s*(?P<h1>\d{{1,2}})\s*(?:[时点]|[:：]00)\s*(?:—+|–|-|~|～|至|到)\s*(?:(?P<month>{_NUM})\s*月\s*)?(?P<day>{_NUM})\s*[日号]"
    r"\s*(?P<h2>\d{1,2})\s*(?:[时点]|[:：]00(?!\d))"
)


def _overnight(text: str, pos: int, end: int, date: dt.date | None) -> tuple[regex.Match[str], dt.date, tuple[int, int]] | None:
    """A window from an hour of ``date`` to an hour of a later day (the next, or up to two months on:
    12月9日0时-27日24时), written right after ``date``.

    >>> m, last, hours = _overnight("3月7日20时至3月8日20时", 4, 16, dt.date(2020, 3, 7))
    >>> last, hours
    (datetime.date(2020, 3, 8), (-4, 20))
    """
    if date is None or text[pos : pos + 1] not in "0123456789 ":
        return None
    m = _OVERNIGHT.match(text, pos, end)
    if m is None:
        return None
    month = parse_cn_int(m.group("month")) if m.group("month") is not None else date.month
    day = parse_cn_int(m.group("day"))
    try:
        last = dt.date(date.year, month or 0, day or 0)
        if last <= date:
            last = last.replace(year=date.year + 1)  # 12月31日20时至1月1日20时
    except ValueError:
        return None
    days = (last - date).days
    if days > _LONGEST_WINDOW:
        return None  # (the next day's hours, or a later day's: 12月9日0时-27日24时, a running total's window)
    h1, h2 = int(m.group("h1")), int(m.group("h2"))
    if not (0 <= h1 <= 24 and 0 <= h2 <= 24 and h1 - 24 * days < h2):
        return None
    return m, last, (h1 - 24 * days, h2)


_LONGEST_WINDOW = 62  # days a window from one written hour to another may span


#: The numbers of the hour groups of each pattern whose matches :func:`_hours` reads, by the pattern's
#: identity (module constants: their ids stay theirs). A dict keyed by the pattern itself, like
#: group_numbers' cache, would hash a standard-engine pattern's whole program at every date.
_HOUR_GROUPS = {id(p): group_numbers(p, "h1", "h2", "midnight") for p in (_DATE, _BARE_DAY, _NAMED_DAY, _RELATIVE, _BRACKETED_DAY)}


def _day_group(m: AnyMatch) -> str:
    """``m.group("day")`` of a :data:`_BARE_DAY` or :data:`_NAMED_DAY` match."""
    numbers = group_numbers(m.re, "day")
    assert numbers is not None
    return m.group(numbers[0])


def _hours(m: AnyMatch) -> tuple[int, int] | None:
    numbers = _HOUR_GROUPS[id(m.re)]
    if numbers is None:  # a pattern without an hour window (_NAMED_DAY)
        return None
    h1 = m.group(numbers[0])
    if h1 is None:
        return None
    h2 = parse_cn_int(m.group(numbers[1])) or 0  # (三月卅一日○時至廿四時)
    if h2 == 12 and m.group(numbers[2]):
        h2 = 24  # 午夜12时 is the day's end
    return (0 if h1 in ("零", "〇", "○") else int(h1)), h2  # 2日零至24时


def find_dates(text: str, ref: dt.date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """All date mentions in ``text[start:end]``, in order, resolved against ``ref``.

    A bare day takes its month (and year) from the nearest earlier full date in
    the same call; relative words are returned with ``relative`` set and
    ``date=None`` (use :func:`resolve_relative` with the date in force).

    >>> [(m.date, m.hours) for m in find_dates("12月1日0—12时,较29日减少", dt.date(2022, 12, 1))]
    [(datetime.date(2022, 12, 1), (0, 12)), (datetime.date(2022, 11, 29), None)]
    """
    end = len(text) if end is None else end
    return list(_find_dates(text, ref, start, end))


@functools.lru_cache(maxsize=8)
def _find_dates(text: str, ref: dt.date | None, start: int, end: int) -> tuple[DateMention, ...]:
    """:func:`find_dates`, once per text and window (case counts and meetings both read the body's dates)."""
    found: list[DateMention] = []
    taken_to = start  # the end of the last full date: 3月7日20时至3月8日20时 is one mention
    own_days: list[tuple[int, int]] = []  # each full date's own 日 or 号 and its mention's end (see _bare_days)
    for m in _anchored(_DATE, text, start, end, _DATE_ANCHOR, _date_tries):
        m_start = m.start()
        if m_start < taken_to:
            continue
        # (The groups read at once; parse_cn_int's memo asked directly, the call made only on a miss.)
        year_s, month_s, day_s, h1 = m.group(*_DATE_READ)
        month = 1 if month_s == "元" else (_PARSED[month_s] if month_s in _PARSED else parse_cn_int(month_s))
        day = _PARSED[day_s] if day_s in _PARSED else parse_cn_int(day_s)
        if not month or not day or not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        date: dt.date | None
        if year_s:
            year = parse_cn_int(year_s)
            try:
                date = dt.date(year, month, day) if year else None
            except ValueError:
                date = None
        else:
            date = resolve_month_day(ref, month, day) if ref is not None else None
        m_end = m.end()
        # (No hour window and no date — most bench dates: no window, overnight or range of days is read.)
        hours = _hours(m) if h1 is not None else None
        night = _overnight(text, m_end, end, date) if hours is None and date is not None else None
        if night is not None:
            # 3月7日20时至3月8日20时 (Gansu, Inner Mongolia): a day's window from 20:00 the evening
            # before, dated by its last day, its hours counted from that day's midnight (−4 to 20).
            ov, last, hours = night
            found.append(DateMention(m_start, ov.end(), last, last.month, last.day, hours=hours,
                                     year_written=bool(year_s)))
            own_days.append((_own_day(text, m), ov.end()))
            taken_to = ov.end()
            continue
        found.append(_new_date((m_start, m_end, date, month, day, None, hours, bool(year_s),
                                _through(text, m_end, date) if hours is None and date is not None else None)))
        own_days.append((_own_day(text, m), m_end))
    if ref is not None:
        # (A match starts where its part does; the parts cannot overlap: a bracket ends each.)
        # (Its parts start with 昨, 今 or 前, which few texts hold: looked for by str.find, not by a scan.)
        # (The character after it first: most 今 and 前 of a body, 今年, 前往, are followed by none of the part's.)
        places = (q for q in char_positions(text, "昨今前", start, end)
                  if ((c := text[q + 1 : q + 2]) in "日天(（" or c.isspace()) and _BRACKETED_DAY_PART.match(text, q, end))
        for m in matches_at(_BRACKETED_DAY, text, places, end):
            date = _bracketed_day(ref, m.group("rel"), int(m.group("day")))
            if date is not None and not any(d.start < m.end() and m.start() < d.end for d in found):
                found.append(DateMention(m.start(), m.end(), date, date.month, date.day, hours=_hours(m)))
    if ref is not None:
        # 李克强周二到青海, 截至周三午夜 (Hong Kong and Taiwan reports): the latest such weekday on or
        # before the article's day (上周二: the week before), unless a full date is written there.
        full = [(d.start, d.end) for d in found]  # in text order: one forward walk
        i = 0
        # Every weekday has 周, 星期 or 礼拜 and its day in it (most texts have none): a match starts there
        # or at the 上 before it. (The parts cannot overlap: none holds a 周, 星 or 礼 after its start.)
        # (A part starts with 周, 星 or 礼, found by str.find, not by a scan.)
        places = (p for q in char_positions(text, "周星礼", start, end) if _WEEKDAY_PART.match(text, q, end)
                  for p in (q - 1, q))
        for m in matches_at(_WEEKDAY, text, places, end):
            while i < len(full) and full[i][1] <= m.start():
                i += 1
            if i < len(full) and full[i][0] <= m.start():
                continue
            date = weekday_date(m, ref)
            found.append(DateMention(m.start(), m.end(), date, date.month, date.day))
        if any(text.find(w, start, end) >= 0 for w in ("正月", "大年", "除夕")):  # (most texts have none)
            # 正月初一，我再次主持召开…会议; 农历大年初一: a day of the first lunar month, in the lunar year nearest
            # the article's day (see lunar_days), unless a full date is written there.
            for m in LUNAR_DAY.finditer(text, start, end):
                lunar = lunar_date(m, ref)
                if lunar is not None and not any(d.start < m.end() and m.start() < d.end for d in found):
                    found.append(DateMention(m.start(), m.end(), lunar, lunar.month, lunar.day))
        found.sort(key=lambda d: d.start)
    # Full dates do not overlap one another; relative words and bare days only count outside them.
    # Both lists are in text order, so one forward walk keeps this linear.
    taken = [(d.start, d.end) for d in found]

    def outside(spans: list[tuple[int, int]], s: int, e: int, i: int) -> tuple[bool, int]:
        while i < len(spans) and spans[i][1] <= s:
            i += 1
        return (i >= len(spans) or e <= spans[i][0]), i

    rel: list[DateMention] = []
    k = 0
    for m in _relative_matches(text, start, end):
        if text.startswith("次", m.start()) and m.start() > start and (text[m.start() - 1].isdigit() or text[m.start() - 1] in CN_NUM):
            continue  # 召开第24次日调度会: the 24th daily meeting, not the next day
        ok, k = outside(taken, m.start(), m.end(), k)
        if ok:
            rel.append(_new_date((m.start(), m.end(), None, None, None, _RELATIVE_WORDS[m.group(_RELATIVE_REL)], _hours(m),
                                  False, None)))
    if rel:  # (found is in text order already: the full dates as found, the rest sorted in above)
        found = sorted(found + rel, key=lambda d: d.start)
    spans = [(d.start, d.end) for d in found]
    bare: list[DateMention] = []
    k = j = 0
    anchor: DateMention | None = None  # the nearest earlier full date
    for m in _bare_days(text, start, end, own_days):
        ok, k = outside(spans, m.start(), m.end(), k)
        while j < len(found) and found[j].end <= m.start():
            if found[j].month is not None:
                anchor = found[j]
            j += 1
        day = parse_cn_int(_day_group(m)) or 0
        if not ok or not 1 <= day <= 31:
            continue
        if anchor is not None:
            month = anchor.month
            assert month is not None
            # "较29日" after 12月1日 means 11月29日: the latest such day not after the anchor. A later day
            # of the anchor's month that is not after the article (3月21日…22日…截至29日, in an article of
            # 3月29日) is that month's, unless compared against (较/比).
            date = _day_before_or_on(anchor.date, day) if anchor.date is not None else None
            later = _same_month_later(anchor.date, day, ref)
            if later is not None and not _COMPARED.search(text, max(start, m.start() - 3), m.start()):
                date = later
            month = date.month if date else month
        elif ref is not None:
            # No month written before it: the day is in the article's month, or the month before
            # ("20日" in an article of 11月21日 is 11月20日; "30日" in one of 12月2日 is 11月30日) —
            # or the next day of the same month (上海市22日上午召开记者会 in a report of 3月21日 written
            # abroad, a day behind China; 将于22日召开: an announced day), never a month before it.
            date = _next_day(ref, day) or _day_not_after(ref, day)
            if date is None:
                continue
            month = date.month
        else:
            continue
        hours = _hours(m)
        bare.append(_new_date((m.start(), m.end(), date, month, day, None, hours, False,
                               _through(text, m.end(), date) if hours is None else None)))  # 28日—31日
    if bare:
        found = sorted(found + bare, key=lambda d: d.start)
    return tuple(found)


_COMPARED = regex.compile(r"(?:较|比|与|同比|环比)\s*$")


def _own_day(text: str, m: AnyMatch) -> int:
    """Where the 日 or 号 of a :data:`_DATE` match stands (after its day and any blanks)."""
    q = m.end(_DATE_GROUPS[2])
    while text[q] != "日" and text[q] != "号":
        q += 1
    return q


def _bare_days(text: str, start: int, end: int, own_days: Sequence[tuple[int, int]] = ()) -> Iterator[AnyMatch]:
    """Bare-day matches of both kinds (after a separator, after a name), in text order, not overlapping.

    ``own_days``: ``(position, end)`` of each full date's own 日 or 号 and of the end of its mention,
    ascending. A bare day through such a 日 overlaps the full date and is dropped by find_dates
    (every match through it starts inside the date, and those it would hide end there too), so
    those 日 (~5 of a bench article's ~8, 月24日) are not asked of the gates and patterns; no try starts
    inside the date's mention (as after the match found there, or none: a try from before that 日 can
    only end at it). tests/test_bare_day_own_days.py holds the dates to the ones found through every 日."""
    last_end = -1
    # The 日 of both anchors (char_positions of 日号 and of 日), found once; a 号 is rare.
    days = char_positions(text, "日", start, end)
    numbered = char_positions(text, "号", start, end)
    if own_days:
        own = {q for q, _ in own_days}
        days = [q for q in days if q not in own]
        if numbered:
            numbered = [q for q in numbered if q not in own]
    merged = sorted(
        [*_anchored(_BARE_DAY, text, start, end, _BARE_DAY_ANCHOR, _bare_day_starts,
                    sorted(days + numbered) if numbered else days, own_days),
         *_anchored(_NAMED_DAY, text, start, end, _NAMED_DAY_ANCHOR, _day_starts, days, own_days)],
        key=lambda m: m.start(),
    )
    for m in merged:
        if m.start() >= last_end:
            last_end = m.end()
            yield m
