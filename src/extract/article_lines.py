"""What each line of a page is — junk, footer, meta, masthead or content — and the dates a page's
header lines write (split from :mod:`extract.article`, which reads the title, outlet, by-lines and body
from the kinds given here).

- **junk** to drop wherever it stands (SEO spam, breadcrumbs, share prompts, 返回顶部, font-size
  controls, page counters) — rules by kind in ``data/page_junk.tsv``;
- a **footer start** (copyright notices, 相关阅读 lists, contact blocks, 上一篇/下一篇, comments);
- **meta**: mastheads, datelines (日期:/来源:), by-lines (记者/编辑/责编/摄), source credits;
- **content**: everything else.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Collection, Iterable
from typing import Literal, NamedTuple

import ahocorasick_rs
import regex

from .anchored import AnyMatch, std_compile
from .normalize import Normalized
from .page_junk import _anchored, _fewest, _junk_rules, _JunkRules
from .prefilter import first_chars, must_have
from .resources import read_data
from .scan16 import automaton16, utf16_of

LineKind = Literal["junk", "footer", "meta", "masthead", "content"]

#: Lines longer than this are always content: junk and meta lines are short.
_SHORT = 300
_HAN = r"\p{Han}"

class _Line(NamedTuple):  # a named tuple: made 2.5× faster than a frozen dataclass (30 per article)
    start: int
    end: int
    text: str  # normalised, stripped
    kind: LineKind
    #: Whether the line may hold a by-line word (False: it holds no string of :class:`_Quiet`, and every
    #: by-line word holds one of them, or the strings it holds are known and none is a by-line word, so
    #: :func:`_bylines` need not search it).
    bylined: bool = True



@functools.cache
def _outlets() -> frozenset[str]:
    text = read_data("outlets.txt")
    return frozenset(x.strip() for x in text.splitlines() if x.strip() and not x.startswith("#"))


# SEO spam: several of these words in one short line. Strong words never occur


_SPAM_STRONG = regex.compile(r"黄网|无码|色情|成人(?:视频|影院|网站|电影)|午夜|激情|久久|日韩|欧美|亚洲|国产(?:精品|自拍|视频)|彩票|博彩|娱乐城|六合彩|时时彩|棋牌|av|xx00|美女")
_SPAM_WEAK = regex.compile(r"免费|在线观看|福利|视频|小说|另类|图片|精品|高清|下载|影院|观看")


#: The same pattern for the standard library's engine, which finds (or misses) a plain alternation of
#: literal words 2× faster; the two agree on such a pattern (tests/test_article.py checks it is one).
_SPAM_STRONG_PLAIN = re.compile(_SPAM_STRONG.pattern)


def _is_spam(line: str) -> bool:
    if len(line) > _SHORT or _SPAM_STRONG_PLAIN.search(line) is None:
        return False
    strong = {m.group().lower() for m in _SPAM_STRONG.finditer(line, concurrent=False)}
    weak = {m.group() for m in _SPAM_WEAK.finditer(line)}
    return len(strong) >= 2 or (len(strong) >= 1 and len(weak) >= 2)


# ---------------------------------------------------------------- dates

#: The header's date patterns are compiled with the standard ``re`` through ``anchored.std_compile`` (the same
#: meaning: literal text, classes, ``\s`` and ``\d`` written out as the ``regex`` module's): a call of the
#: ``regex`` module costs about three times the set-up, and every short line holding a year is asked.
_PUB_DATE = std_compile(
    r"""
    (?P<y>20\d\d|19\d\d)\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?
    (?:\s*(?:T\s*)?(?P<H>\d{1,2})\s*[:时]\s*(?P<M>\d{2})(?:\s*[:分]\s*(?P<S>\d{2}))?)?
    """,
    verbose=True,
)


def parse_published(text: str) -> dt.datetime | dt.date | None:
    """The first publication date or datetime in a header line.

    >>> parse_published("2022-11-21 08:46:08来源:重庆日报")
    datetime.datetime(2022, 11, 21, 8, 46, 8)
    >>> parse_published("2022年11月15日07:46 | 来源:重庆日报网")
    datetime.datetime(2022, 11, 15, 7, 46)
    >>> parse_published(" 日期:2022-11-27   浏览:1641")
    datetime.date(2022, 11, 27)
    """
    for m in _PUB_DATE.finditer(text):
        if (published := _published_of(m)) is not None:
            return published
    return None


def _published_of(m: AnyMatch) -> dt.datetime | dt.date | None:
    """The date (and time) a match of :data:`_PUB_DATE` writes, or None for no real day."""
    try:
        day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["H"] is not None:
        hour, minute, second = int(m["H"]), int(m["M"]), int(m["S"] or 0)
        if hour < 24 and minute < 60 and second < 60:
            return dt.datetime(day.year, day.month, day.day, hour, minute, second)
    return day


def _iso_to_value(value: str) -> dt.datetime | dt.date | None:
    try:
        if len(value) > 10:
            return dt.datetime.fromisoformat(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


#: Every word :func:`_bylines` looks for before it tries a pattern (摄 and 图 stand for 摄影, 图/).
_BYLINE_WORD_LIST = ("记者", "通讯员", "实习生", "作者", "编辑", "责编", "审核", "校对", "编审", "摄", "图")
_BYLINE_WORDS = re.compile("|".join(_BYLINE_WORD_LIST))


# ---------------------------------------------------------------- line kinds

_DATELINE = std_compile(r"(?:日期|时间|发布时间|发布日期|发表时间|更新时间)\s*[::]|^\s*(?:20|19)\d\d\s*(?:[-/.年])\s*\d")
_SOURCE = regex.compile(r"(?:来源|稿源|出处|转自)\s*(?:[::]|(?<=来源\s?)[|｜丨])\s*(?P<src>[^\s|｜,,;:：]{2,30})")
_SOURCE_STOP = regex.compile(r"(?:责任编辑|责编|编辑|作者|记者|浏览|阅读|点击|日期|时间|发布|字号|返回|最后更新|更新).*$")
_CREDIT = regex.compile(r"^(?:资料|图片|数据|素材|资料来源|来源|稿源)\s*[|:：]")
_BYLINE_START = regex.compile(
    rf"^[(（\[【]?\s*(?:文\s*/|图\s*/|摄影?\s*[/:]|作者\s*[:/]|(?:本报|本网|本台)?(?:{_HAN}{{0,10}})?(?:记者|通讯员|实习生)\s|编辑\s*[/:]|责任编辑|责编|审核|校对|监制|策划|编审|主编)"
)
#: What a by-line start (:data:`_BYLINE_START`) opens with after its bracket and blanks, but for a reporter's
#: word (记者, 通讯员, 实习生), which ends within its first 15 characters (本报, ten Han characters, the word).
_BYLINE_OPENINGS = ("文", "图", "摄", "作者", "编辑", "责任编辑", "责编", "审核", "校对", "监制", "策划", "编审", "主编")
_REPORTER_WORDS = ("记者", "通讯员", "实习生")


def _may_open_byline(text: str) -> bool:
    """Whether :data:`_BYLINE_START` may match ``text`` (a str test): a failing try of the pattern costs
    ~20 K instructions (its optional runs of Han characters before the reporter's word), and most lines
    holding one of its strings (文, 记者 in a sentence) do not open with it."""
    rest = text[1:] if text[:1] in "(（[【" else text
    rest = rest.lstrip()[:15]  # str's blanks hold the pattern's \s
    return rest.startswith(_BYLINE_OPENINGS) or any(w in rest for w in _REPORTER_WORDS)


#: What the name of a medium ends with (a masthead's name; tested with ``str.endswith``).
_MEDIA_SUFFIX = ("日报", "晚报", "晨报", "商报", "时报", "青年报", "报", "网", "社", "电视台", "广播电台", "台", "客户端", "新闻", "频道", "发布")
#: A short line ending in 报 that names a document, not a paper: 最新疫情通报, 统计公报.
_NOT_MEDIA = ("通报", "公报", "简报", "汇报", "预报", "播报", "情报", "举报", "上报", "发布会")


class _Quiet(NamedTuple):
    """What a line tested by :func:`_classify` must start with or hold for a rule other than the dateline,
    the junk rules without a prefilter and the masthead to match it: the first characters of the junk
    rules (:class:`_Rules`), of the credit and the 来源: line; the strings of the gated junk rules, of the
    spam words and of the by-line start."""

    firsts: frozenset[str]
    strings: re.Pattern[str]
    #: The same strings (in UTF-8) in one automaton, found in a whole text at once (:func:`_loud_lines`): one
    #: scan instead of a search of each line. None when a string could reach beyond a stripped line (one
    #: empty, holding a line break, or starting or ending with white space).
    automaton: ahocorasick_rs.BytesAhoCorasick | None
    #: Every word of :data:`_BYLINE_WORDS` holds one of the strings: a line holding none has no by-line word.
    bylines: bool
    #: The words of :data:`_BYLINE_WORDS` when each is one of the strings (a line holding strings holds a by-line
    #: word exactly when they include one of these), else None.
    byline_words: frozenset[str] | None
    #: The strings, by their index in the automaton.
    words: tuple[str, ...]
    #: Of them, those every match of the strong spam words holds, and those every by-line start holds: a line
    #: whose scan found none of a set cannot match that pattern (:func:`_classify_loud`).
    spam: frozenset[str]
    byline: frozenset[str]
    #: The characters a credit line (:data:`_CREDIT`, matched at the line's start) and a 来源: line start with.
    credit_firsts: frozenset[str]
    source_firsts: frozenset[str]
    #: :func:`_outlets`, which :func:`_masthead` asks first.
    outlets: frozenset[str]
    #: :func:`_plain_start`'s answers by first character.
    plain: dict[str, bool]
    #: :func:`_plain_prefix`'s answers by a line's first two characters.
    prefixes: dict[str, bool]
    #: The length of the longest of :attr:`outlets` (a longer line is not hashed to look it up).
    longest_outlet: int
    #: The strings in UTF-16-LE in one automaton (:func:`_loud_lines16`); None when one lies beyond the basic plane.
    automaton16: ahocorasick_rs.BytesAhoCorasick | None


@functools.cache
def _quiet() -> _Quiet | None:
    rules = _junk_rules()
    credit, source = first_chars(_CREDIT.pattern) if _anchored(_CREDIT.pattern) is not None else None, first_chars(_SOURCE.pattern)
    spam, byline = must_have(_SPAM_STRONG.pattern), must_have(_BYLINE_START.pattern)
    if credit is None or source is None or spam is None or byline is None:
        return None  # pragma: no cover - the patterns above give both
    every = frozenset().union(credit, source, rules.drop.by_first, rules.end.by_first)
    spam_words, byline_words = _fewest(spam), _fewest(byline)
    words = [*rules.drop.gate_words, *rules.end.gate_words, *spam_words, *byline_words]
    fit = all(w and "\n" not in w and not w[0].isspace() and not w[-1].isspace() for w in words)
    bylines = all(any(w in word for w in words) for word in _BYLINE_WORD_LIST)
    exact = frozenset(_BYLINE_WORD_LIST) if set(_BYLINE_WORD_LIST) <= set(words) else None
    return _Quiet(every, re.compile("|".join(map(re.escape, words))), _automaton(words) if fit and words else None, bylines, exact,
                  tuple(words), frozenset(spam_words), frozenset(byline_words), frozenset(credit), frozenset(source), _outlets(), {}, {},
                  max(map(len, _outlets()), default=0), automaton16(words, ahocorasick_rs.Implementation.DFA) if fit and words else None)


def _automaton(words: list[str]) -> ahocorasick_rs.BytesAhoCorasick:
    """A DFA over UTF-8: for these hundred short strings it scans a text in half the instructions of the
    default automaton, and bytes spare the mapping of each match to a character offset."""
    return ahocorasick_rs.BytesAhoCorasick([w.encode("utf-8") for w in words], implementation=ahocorasick_rs.Implementation.DFA)


def _loud_lines(quiet: _Quiet | None, text: str) -> dict[int, set[str]] | None:
    """The numbers of the lines of ``text.split("\\n")`` holding a string of ``quiet``, each with every such
    string it holds: :func:`_loud_starts` by line number (for a caller that counts lines). None: no
    automaton, or a text not encodable (a lone surrogate)."""
    loud = _loud_starts(quiet, text)
    if loud is None:
        return None
    number: dict[int, int] = {}
    pos = 0
    for i, line in enumerate(text.split("\n")):
        number[pos] = i
        pos += len(line) + 1
    return {number[start]: found for start, found in loud.items()}


def _loud_starts(quiet: _Quiet | None, text: str) -> dict[int, set[str]] | None:
    """The lines of ``text`` holding a string of ``quiet``, each by the offset at which it starts (just after
    a line break, or 0) with every such string it holds, found in one overlapping scan of the whole text. No
    string spans a line break or starts or ends with white space, so one found in a line lies in the
    stripped line (in UTF-8 a match starts at a character). None: no automaton, or a text not encodable (a
    lone surrogate); each line is then searched.

    A text of the basic plane is scanned in UTF-16-LE (:func:`_loud_starts16`), else in UTF-8."""
    if quiet is None or quiet.automaton is None:
        return None
    if quiet.automaton16 is not None and (data16 := utf16_of(text)) is not None:
        return _loud_starts16(quiet, quiet.automaton16, text, data16)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    matches = quiet.automaton.find_matches_as_indexes(data, overlapping=True)
    by_number = _by_line(quiet.words, ((k, s) for k, s, _ in sorted(matches, key=_start)), lambda a, b: data.count(b"\n", a, b))
    starts, pos = [], 0
    for line in text.split("\n"):
        starts.append(pos)
        pos += len(line) + 1
    return {starts[i]: found for i, found in by_number.items()}


def _loud_starts16(quiet: _Quiet, automaton16: ahocorasick_rs.BytesAhoCorasick, text: str, data: bytes) -> dict[int, set[str]]:
    """:func:`_loud_starts` of a text of the basic plane from its UTF-16-LE bytes ``data``: CPython holds such a
    text two bytes a character, so its UTF-16 is one copy, where UTF-8 is encoded character by character
    (~40 K instructions a bench article), and the scan reads two thirds of the bytes. A byte offset is twice
    a character offset; a string can also match at an odd byte offset (the high byte of one character and
    the low byte of the next spell one of its code units): such matches are no occurrences and are dropped
    (every occurrence is reported, overlapping ones too, so none is lost). A match's line starts after the
    last line break before it (``str.rfind``): the matches need no sorting, and no line is counted."""
    loud: dict[int, set[str]] = {}
    words = quiet.words
    rfind = text.rfind
    for k, s, _ in automaton16.find_matches_as_indexes(data, overlapping=True):
        if s & 1:
            continue
        line = rfind("\n", 0, s >> 1) + 1
        found = loud.get(line)
        if found is None:
            found = loud[line] = set()
        found.add(words[k])
    return loud


def _by_line(words: tuple[str, ...], matches: Iterable[tuple[int, int]], breaks: Callable[[int, int], int]) -> dict[int, set[str]]:
    """The strings ``words[k]`` of ``matches`` ``(k, start)`` (ascending starts) by the number of their line;
    ``breaks(a, b)`` counts the line breaks between two starts (in the bytes or the text scanned)."""
    loud: dict[int, set[str]] = {}
    line = last = 0
    for k, start in matches:
        line += breaks(last, start)  # the line breaks before the match
        last = start
        found = loud.get(line)
        if found is None:
            found = loud[line] = set()
        found.add(words[k])
    return loud


def _start(match: tuple[int, int, int]) -> int:
    return match[1]


def _classify(text: str, rules: _JunkRules, quiet: _Quiet | None, found: Collection[str] | None = None) -> LineKind:
    """The kind of a stripped line. ``found``: every string of ``quiet`` the line holds (found by the caller's
    scan of the whole text, :func:`_loud_lines`), None to search the line for them here."""
    if len(text) > _SHORT:
        return "content"
    if quiet is None or (found is None and quiet.strings.search(text) is not None):
        return _classify_searched(text, rules)
    if found:
        return _classify_loud(text, rules, quiet, found)
    if _plain_start(quiet, rules, text[0]):
        return _plain_kind(text, quiet)
    if text[0] not in quiet.firsts:
        if _is_dateline(text):
            return "meta"
        if rules.drop.any_always(text):
            return "junk"
        if rules.end.any_always(text):
            return "footer"
        return "masthead" if _masthead(text) else "content"
    # Flagged by its first character only: no spam word, gated junk rule or by-line start can match.
    if _is_dateline(text):
        return "meta"
    if rules.drop.any_ungated(text):
        return "junk"
    if rules.end.any_ungated(text):
        return "footer"
    if _masthead(text):
        return "masthead"
    if _CREDIT.search(text):
        return "meta"
    if len(text) <= 40 and _SOURCE.match(text):
        return "meta"
    return "content"


def _plain_start(quiet: _Quiet, rules: _JunkRules, first: str) -> bool:
    """Whether on a line starting with ``first`` and holding no string of ``quiet`` only the dateline and
    the masthead may match: no junk rule filed by first character, credit or 来源: line starts with it,
    nor may a junk rule without a prefilter (a bare number starts with a digit). Kept per character."""
    plain = quiet.plain.get(first)
    if plain is None:
        plain = quiet.plain[first] = first not in quiet.firsts and not rules.drop.may_always(first) and not rules.end.may_always(first)
    return plain


def _plain_prefix(quiet: _Quiet, rules: _JunkRules, prefix: str) -> bool:
    """:func:`_plain_start` for a line starting with ``prefix`` (its first two characters, or the whole line
    of one): no junk rule filed by first character or without a prefilter, no credit and no 来源: line may
    match there (a partial match of the prefix is a prefix of some match, as :meth:`_Rules.may_open`
    asks). A line starting 中国, 第二 or 新增 is plain though 中, 第 and 新 open some rule. Kept per prefix
    (asked only of lines whose first character is not plain: prefixes of ~130 characters)."""
    plain = quiet.prefixes.get(prefix)
    if plain is None:
        plain = quiet.prefixes[prefix] = not (
            rules.drop.may_open(prefix) or rules.end.may_open(prefix)
            or _CREDIT.match(prefix, partial=True) is not None or _SOURCE.match(prefix, partial=True) is not None)
    return plain


def _plain_kind(text: str, quiet: _Quiet) -> LineKind:
    """The kind of a short line holding no string of ``quiet`` and starting with a character of
    :func:`_plain_start` (most lines): no spam word, gated junk rule, credit, by-line, 来源: or junk rule
    without a prefilter can match, so it is a dateline, a masthead or content. Each of the two is tried
    only where it may match: a dateline is at most 100 characters holding its year's 20 or 19; a masthead
    is an outlet, a whole line of at most ten characters or ends in a Latin letter (中央社 CNA)."""
    n = len(text)
    if n <= 100 and ("20" in text or "19" in text) and _is_dateline(text):
        return "meta"
    last = text[-1]
    if (n <= 10 or "a" <= last <= "z" or "A" <= last <= "Z" or text in quiet.outlets) and _masthead(text):
        return "masthead"
    return "content"


def _classify_loud(text: str, rules: _JunkRules, quiet: _Quiet, found: Collection[str]) -> LineKind:
    """:func:`_classify_searched` for a line holding ``found`` (every string of ``quiet`` in it): the spam
    words, a gated junk rule and the by-line start are tried only when a string of theirs is found, the
    credit and the 来源: line only on a line starting with one of their first characters."""
    if not quiet.spam.isdisjoint(found) and _is_spam(text):
        return "junk"
    if _is_dateline(text):  # before the junk rules: 2022/11/21 is no breadcrumb
        return "meta"
    if rules.drop.any_found(text, found):
        return "junk"
    if rules.end.any_found(text, found):
        return "footer"
    if _masthead(text):
        return "masthead"
    if (text[0] in quiet.credit_firsts and _CREDIT.search(text)) or (
            not quiet.byline.isdisjoint(found) and _may_open_byline(text) and _BYLINE_START.search(text)):
        return "meta"
    if len(text) <= 40 and text[0] in quiet.source_firsts and _SOURCE.match(text):
        return "meta"
    return "content"


def _classify_searched(text: str, rules: _JunkRules) -> LineKind:
    """The kind of a short stripped line by the whole chain of tests."""
    if _is_spam(text):
        return "junk"
    if _is_dateline(text):  # before the junk rules: 2022/11/21 is no breadcrumb
        return "meta"
    if rules.drops(text):
        return "junk"
    if rules.ends(text):
        return "footer"
    if _masthead(text):
        return "masthead"
    if _CREDIT.search(text) or _BYLINE_START.search(text):
        return "meta"
    if len(text) <= 40 and _SOURCE.match(text):
        return "meta"
    return "content"


# What may follow the date of a dateline: a label, a separator, white space or nothing.
# A headline that starts with a date (2022年11月18日重庆市新冠肺炎疫情情况) goes on with text.
_AFTER_DATE = std_compile(r"$|\s|[|｜/(\[【·•—-]|(?:来源|稿源|发布|发表|编辑|责编|作者|日期|时间|浏览|阅读|点击|更新|字号|星期|周[一二三四五六日天])")


#: A reporting window's hours (0-24时, 0时至24时).
WINDOW_HOURS = r"\d{1,2}\s*时?\s*(?:至|到|—|-|－|~)\s*\d{1,2}\s*时"
#: A reporting window in brackets after the date (2022年11月9日(0-24时)): a notice's day, not the publication's.
_WINDOW_AFTER = std_compile(rf"\s*[(（]\s*{WINDOW_HOURS}")
#: A preposition right before a date: the line is a sentence about the day, not a dateline.
_PREPOSITION_END = std_compile(r"(?:于|在|至|到|从|自)\s*$")


def _is_dateline(text: str) -> bool:
    """A header line giving the publication date (and often the source, editor, counters)."""
    if len(text) > 100 or ("20" not in text and "19" not in text):  # _PUB_DATE's year starts 20 or 19
        return False
    # The first date written, and whether some date is a real day (as parse_published reads), in one pass.
    m: AnyMatch | None = None
    real = False
    for found in _PUB_DATE.finditer(text):
        m = m or found
        if _published_of(found) is not None:
            real = True
            break
    if m is None or not real:
        return False
    labelled = _DATELINE.search(text[: m.start()]) is not None
    if not labelled and _PREPOSITION_END.search(text, 0, m.start()):
        return False  # 新闻办公室定于2020年2月21日(星期五)上午10:00召开新闻发布会: a sentence about that day
    return ((labelled or m.start() <= 20) and _AFTER_DATE.match(text, m.end()) is not None
            and _WINDOW_AFTER.match(text, m.end()) is None)


#: A masthead: an outlet's name, optionally with its Latin abbreviation (中央社 CNA).
_MASTHEAD = regex.compile(rf"(?P<name>{_HAN}{{2,10}})(?:\s*[A-Za-z]{{2,8}})?")


def _masthead(text: str) -> str | None:
    """The outlet a masthead line names, or ``None``."""
    if text in _outlets():
        return text
    # A whole match is 2-10 Han characters, or ends in a Latin letter (the abbreviation).
    last = text[-1:]
    latin = "a" <= last <= "z" or "A" <= last <= "Z"
    if len(text) > 10 and not latin:
        return None
    if not latin and not text.endswith(_MEDIA_SUFFIX):
        return None  # without an abbreviation the name is the whole line, and a medium's name it is not
    m = _MASTHEAD.fullmatch(text)
    if m and len(m["name"]) <= 8 and m["name"].endswith(_MEDIA_SUFFIX) and not m["name"].endswith(_NOT_MEDIA):
        return m["name"]
    return None


#: A line as a tuple (``tuple.__new__``: a named tuple's own ``__new__`` is a Python function, ~30 calls per article).
_new_line = tuple.__new__


def _split_lines(norm: Normalized) -> list[_Line]:
    """The non-blank lines of the text, stripped, each with its kind."""
    rules = _junk_rules()
    quiet = _quiet()
    text = norm.text
    louds = _loud_starts(quiet, text)  # one scan of the text, not a search of every line
    if quiet is None or louds is None:
        return _lines_searched(text, rules, quiet)
    lines: list[_Line] = []
    append = lines.append
    plain, prefixes = quiet.plain, quiet.prefixes
    outlets, longest_outlet = quiet.outlets, quiet.longest_outlet
    quiet_bylined = not quiet.bylines  # a line holding no string of quiet may hold a by-line word
    byline_words = quiet.byline_words
    kinds = _KINDS
    kind: LineKind | None
    pos = 0
    for raw in text.split("\n"):
        start = pos
        pos += len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            continue
        s = start if stripped is raw else start + len(raw) - len(raw.lstrip())  # strip gives the line itself when it has no blank
        n = len(stripped)
        found = louds.get(start)
        if found is not None:
            bylined = byline_words is None or not byline_words.isdisjoint(found)
            if n > _SHORT:
                kind = "content"
            elif (kind := kinds.get(stripped)) is None:  # (found is the line's own: a function of its text)
                kind = _keep_kind(kinds, stripped, _classify_loud(stripped, rules, quiet, found))
        else:
            # Most lines hold no string of quiet and start with a character (_plain_start) or else two
            # (_plain_prefix, kept only for the few characters some rule starts with) at which no rule but
            # the dateline and the masthead can match: those two are tried here, each only where it may
            # match (as _plain_kind does), without the calls of _classify's chain. A kept answer (False
            # too) is not asked again.
            bylined = quiet_bylined
            if n > _SHORT:
                kind = "content"
            elif not (plain.get(stripped[0]) or _is_plain(quiet, rules, stripped, plain, prefixes)):
                if (kind := kinds.get(stripped)) is None:
                    kind = _keep_kind(kinds, stripped, _classify(stripped, rules, quiet, ()))
            elif n <= 100 and ("20" in stripped or "19" in stripped) and _is_dateline(stripped):
                kind = "meta"
            elif (n <= 10 or "a" <= stripped[-1] <= "z" or "A" <= stripped[-1] <= "Z" or (n <= longest_outlet and stripped in outlets)
                  ) and _masthead(stripped):
                kind = "masthead"
            else:
                kind = "content"
        append(_new_line(_Line, (s, s + n, stripped, kind, bylined)))
    return lines


#: The kinds of short lines that went through the chain of tests (:func:`_classify_loud`, :func:`_classify`), by
#: their stripped text: a line's kind is a function of its text (the strings of :class:`_Quiet` it holds are
#: its own), and a site's pages repeat their furniture (share prompts, copyright and contact lines, bullets of
#: its links), ~20 K instructions a line through the chain. At most :data:`_KINDS_KEPT` kept (then emptied).
_KINDS: dict[str, LineKind] = {}
_KINDS_KEPT = 20_000


def _keep_kind(kinds: dict[str, LineKind], line: str, kind: LineKind) -> LineKind:
    """``kind`` (the kind of ``line``), kept in ``kinds`` (:data:`_KINDS`)."""
    if len(kinds) >= _KINDS_KEPT:
        kinds.clear()
    kinds[line] = kind
    return kind


def _is_plain(quiet: _Quiet, rules: _JunkRules, line: str, plain: dict[str, bool], prefixes: dict[str, bool]) -> bool:
    """Whether ``line`` (stripped, holding no string of ``quiet``) starts with a character of
    :func:`_plain_start` or else two of :func:`_plain_prefix`: each answer is taken from its memo
    (``plain``, ``prefixes``: ``quiet``'s) and computed only when it is not kept there."""
    first = plain.get(line[0])
    if first is None:
        first = _plain_start(quiet, rules, line[0])
    if first:
        return True
    prefix = prefixes.get(line[:2])
    if prefix is None:
        prefix = _plain_prefix(quiet, rules, line[:2])
    return prefix


def _lines_searched(text: str, rules: _JunkRules, quiet: _Quiet | None) -> list[_Line]:
    """:func:`_split_lines` where the text cannot be scanned at once: each line is searched."""
    lines: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if not stripped:
            continue
        s = start + len(raw) - len(raw.lstrip())
        lines.append(_Line(s, s + len(stripped), stripped, _classify(stripped, rules, quiet)))
    return lines
