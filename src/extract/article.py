"""Article-level analysis: title, outlet, published date, by-lines and the body span.

Works line by line on the normalised text. Each line is one of:

- **junk** to drop wherever it stands (SEO spam, breadcrumbs, share prompts,
  返回顶部, font-size controls, page counters) — rules by kind in
  ``data/page_junk.tsv``;
- a **footer start** (copyright notices, 相关阅读 lists, contact blocks,
  上一篇/下一篇, comments): once the body has begun, the body ends before it;
- **meta**: mastheads, datelines (日期:/来源:), by-lines (记者/编辑/责编/摄), source credits;
- **content**: everything else.

The body runs from the first content line to the last content line before the
footer; junk and meta lines inside it are blanked for the extractors.
Sidecar values (``published``, ``title``, ``outlet``, ``url``) win over the text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import ahocorasick_rs
import regex

from .errors import ResourceError
from .normalize import ZERO_WIDTH, Normalized, to_simplified
from .page_junk import _anchored, _fewest, _junk_rules, _JunkRules
from .prefilter import first_chars, must_have
from .resources import read_data, tsv_rows

__all__ = ["ArticleInfo", "analyse_article", "parse_published"]

LineKind = Literal["junk", "footer", "meta", "masthead", "content"]

#: Lines longer than this are always content: junk and meta lines are short.
_SHORT = 300
_HAN = r"\p{Han}"
_NAME = rf"{_HAN}{{2,4}}"


@dataclass
class ArticleInfo:
    """What :func:`analyse_article` finds. Offsets index both original and normalised text."""

    title: str | None = None
    outlet: str | None = None
    published: dt.datetime | dt.date | None = None
    url: str | None = None
    reporters: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    body: tuple[int, int] = (0, 0)
    keep: list[tuple[int, int]] = field(default_factory=list)


class _Line(NamedTuple):  # a named tuple: made 2.5× faster than a frozen dataclass (30 per article)
    start: int
    end: int
    text: str  # normalised, stripped
    kind: LineKind
    #: Whether the line may hold a by-line word (False: it holds no string of :class:`_Quiet`, and every
    #: by-line word holds one of them, so :func:`_bylines` need not search it).
    bylined: bool = True


@functools.cache
def _outlet_domains() -> dict[str, str]:
    rows = tsv_rows(read_data("outlet_domains.tsv"), "outlet_domains.tsv", ("domain", "outlet"))
    out: dict[str, str] = {}
    for lineno, row in rows:
        if not regex.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", row["domain"]) or not row["outlet"].strip():
            raise ResourceError(f"outlet_domains.tsv:{lineno}: a domain (lower case) and an outlet are required")
        out[row["domain"]] = row["outlet"].strip()
    return out


_URL_HOST = regex.compile(r"https?://(?:[^/@\s]*@)?(?P<host>[A-Za-z0-9.-]+)")


def outlet_of_url(url: str) -> str | None:
    """The outlet whose web domain a URL is on (the last URL of a web.archive.org address).

    >>> outlet_of_url("https://web.archive.org/web/2021/https://hkcnews.com/article/43769/x")
    '众新闻'
    >>> outlet_of_url("http://news.cctv.com/2020/01/01/a.shtml"), outlet_of_url("https://example.org/")
    ('央视网', None)
    """
    hosts = [m["host"].lower().rstrip(".") for m in _URL_HOST.finditer(url)]
    if not hosts:
        return None
    parts = hosts[-1].split(".")
    domains = _outlet_domains()
    for i in range(len(parts) - 1):
        if (name := domains.get(".".join(parts[i:]))) is not None:
            return name
    return None


@functools.cache
def _outlets() -> frozenset[str]:
    text = read_data("outlets.txt")
    return frozenset(x.strip() for x in text.splitlines() if x.strip() and not x.startswith("#"))


# SEO spam: several of these words in one short line. Strong words never occur
# in news prose in numbers; weak ones do, so they only count alongside a strong one.
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

_PUB_DATE = regex.compile(
    r"""
    (?P<y>20\d\d|19\d\d)\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?
    (?:\s*(?:T\s*)?(?P<H>\d{1,2})\s*[:时]\s*(?P<M>\d{2})(?:\s*[:分]\s*(?P<S>\d{2}))?)?
    """,
    regex.VERBOSE,
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


def _published_of(m: regex.Match[str]) -> dt.datetime | dt.date | None:
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


# ---------------------------------------------------------------- line kinds

_DATELINE = regex.compile(r"(?:日期|时间|发布时间|发布日期|发表时间|更新时间)\s*[::]|^\s*(?:20|19)\d\d\s*(?:[-/.年])\s*\d")
_SOURCE = regex.compile(r"(?:来源|稿源|出处|转自)\s*[::]\s*(?P<src>[^\s|｜,,;:：]{2,30})")
_SOURCE_STOP = regex.compile(r"(?:责任编辑|责编|编辑|作者|记者|浏览|阅读|点击|日期|时间|发布|字号|返回|最后更新|更新).*$")
_CREDIT = regex.compile(r"^(?:资料|图片|数据|素材|资料来源|来源|稿源)\s*[|:：]")
_BYLINE_START = regex.compile(
    rf"^[(（\[【]?\s*(?:文\s*/|图\s*/|摄影?\s*[/:]|作者\s*[:/]|(?:本报|本网|本台)?(?:{_HAN}{{0,10}})?(?:记者|通讯员|实习生)\s|编辑\s*[/:]|责任编辑|责编|审核|校对|监制|策划|编审|主编)"
)
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
    return _Quiet(every, re.compile("|".join(map(re.escape, words))), _automaton(words) if fit and words else None, bylines,
                  tuple(words), frozenset(spam_words), frozenset(byline_words), frozenset(credit), frozenset(source), _outlets(), {})


def _automaton(words: list[str]) -> ahocorasick_rs.BytesAhoCorasick:
    """A DFA over UTF-8: for these hundred short strings it scans a text in half the instructions of the
    default automaton, and bytes spare the mapping of each match to a character offset."""
    return ahocorasick_rs.BytesAhoCorasick([w.encode("utf-8") for w in words], implementation=ahocorasick_rs.Implementation.DFA)


def _loud_lines(quiet: _Quiet | None, text: str) -> dict[int, set[str]] | None:
    """The numbers of the lines of ``text.split("\\n")`` holding a string of ``quiet``, each with every such
    string it holds, found in one overlapping scan of the whole text. No string spans a line break or starts
    or ends with white space, so one found in a line lies in the stripped line (in UTF-8 a match starts at
    a character). None: no automaton, or a text not encodable (a lone surrogate); each line is then searched."""
    if quiet is None or quiet.automaton is None:
        return None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    loud: dict[int, set[str]] = {}
    words = quiet.words
    line = last = 0
    for k, start, _ in sorted(quiet.automaton.find_matches_as_indexes(data, overlapping=True), key=_start):
        line += data.count(b"\n", last, start)  # the line breaks before the match
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
            not quiet.byline.isdisjoint(found) and _BYLINE_START.search(text)):
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
_AFTER_DATE = regex.compile(r"$|\s|[|｜/(\[【·•—-]|(?:来源|稿源|发布|发表|编辑|责编|作者|日期|时间|浏览|阅读|点击|更新|字号|星期|周[一二三四五六日天])")


#: A preposition right before a date: the line is a sentence about the day, not a dateline.
_PREPOSITION_END = regex.compile(r"(?:于|在|至|到|从|自)\s*$")


def _is_dateline(text: str) -> bool:
    """A header line giving the publication date (and often the source, editor, counters)."""
    if len(text) > 100 or ("20" not in text and "19" not in text):  # _PUB_DATE's year starts 20 or 19
        return False
    # The first date written, and whether some date is a real day (as parse_published reads), in one pass.
    m: regex.Match[str] | None = None
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
    return (labelled or m.start() <= 20) and _AFTER_DATE.match(text, m.end()) is not None


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


def _split_lines(norm: Normalized) -> list[_Line]:
    rules = _junk_rules()
    quiet = _quiet()
    lines: list[_Line] = []
    pos = 0
    text = norm.text
    louds = _loud_lines(quiet, text)  # one scan of the text, not a search of every line
    found: Collection[str] | None = None
    for i, raw in enumerate(text.split("\n")):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        s = start + lead
        if louds is not None:
            found = louds.get(i, ())
        bylined = found is None or bool(found) or quiet is None or not quiet.bylines
        lines.append(_Line(s, s + len(stripped), stripped, _classify(stripped, rules, quiet, found), bylined))
    return lines


_PARAGRAPH_MARK = regex.compile(r"[。,;:!?、]")
_SENTENCE_MARK = regex.compile(r"[。,;!?]")
_PROSE_MARK = regex.compile(r"[。;!?,]")
_PROSE_MARK_ANY_WIDTH = regex.compile(r"[。;!?,，；！？]")  # the headline view keeps full-width marks
_NAME_SEP = regex.compile(r"[、,，\s]+")


def _is_paragraph(line: _Line) -> bool:
    """Content that reads as running text, not a heading."""
    t = line.text
    return len(t) >= 20 or (len(t) >= 10 and _PARAGRAPH_MARK.search(t) is not None)


def _title_candidate(line: _Line) -> bool:
    t = line.text
    n = len(t)
    return (
        line.kind == "content"
        # At most 80 characters, or 160 without a sentence mark: long CCTV headlines have no commas.
        and 5 <= n <= 160
        and (n <= 80 or _SENTENCE_MARK.search(t) is None)
        and not t.endswith(("。", ";", ":"))
        and "。" not in t  # (据…通报:…新增…1例。 , [- E8 C: a sentence, with debris after it)
        and not t.startswith(("——", "--", "原标题"))
        # (抗击新冠肺炎)重庆21日新增…: a column label may open a headline; a bracketed note may not.
        and (not t.startswith(("(", "（")) or _COLUMN_LABEL.match(t) is not None)
        and _CAPTION.search(t) is None
        # (编辑 刘佳妮, 中国基金报 发布于 2020-06-16 12:43:38, Loading... Please wait...: page furniture, no headline)
        and _EDITOR.match(t) is None
        and _POSTED_AT.search(t) is None
        and _HAN_CHARS.search(t) is not None
        # (一、高风险区, (二)管理措施: a section heading; 专题 热点 正文: a row of navigation links)
        and _SECTION_HEADING.match(t) is None
        and _NAV_ROW.fullmatch(t) is None
    )


#: A numbered section heading (一、…, (二)…, 3.…).
_SECTION_HEADING = regex.compile(r"[一二三四五六七八九十]{1,3}\s*、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}\s*[.、．]\s*\D")
#: Three or more short words side by side: a page's navigation links.
_NAV_ROW = regex.compile(r"\p{Han}{1,4}(?:\s+\p{Han}{1,4}){2,}")


#: A page's posting line (中国基金报 发布于 2020-06-16 12:43:38).
_POSTED_AT = regex.compile(r"发布于\s*\d{4}[-/年]\d{1,2}")
_HAN_CHARS = regex.compile(_HAN)


#: A short label in brackets opening a headline: (抗击新冠肺炎), as 中新网 writes its columns.
_COLUMN_LABEL = regex.compile(r"[(（][^()（）\d]{2,10}[)）](?=\S)")
#: A photo caption: its photographer's credit at the end (发布会现场 付彦华/摄), or a picture's source.
_CAPTION = regex.compile(r"(?:[\s/]摄|摄影)\s*$|图片来源|示意图|资料图片")


# ---------------------------------------------------------------- by-lines

# At most nine names in a by-line: bounded, so a 200,000-item list stays linear.
_NAMES = rf"(?P<names>{_HAN}{{2,4}}?(?:\s*[、,，\s]\s*{_HAN}{{2,4}}?){{0,8}})"
_NAME_END = r"(?=\s*(?:[)）\]】,，、;；/|]|摄|报道|$|\s|责编|编辑|来源|通讯员|实习生))"
_REPORTER = regex.compile(rf"(?:记者|通讯员|实习生|作者\s*[:/：])\s*{_NAMES}{_NAME_END}(?P<photo>\s*摄)?")
_EDITOR = regex.compile(rf"(?:责任编辑|责编|编辑|审核|校对|编审)\s*[:/：]?\s*[(（]?\s*{_NAMES}{_NAME_END}")
_PHOTO = regex.compile(rf"(?:摄影|图)\s*[/:：]\s*{_NAMES}{_NAME_END}|{_NAMES}\s*摄(?=[/\s)）]|$)")
_BYLINE_HINT = regex.compile(r"记者|通讯员|实习生|作者|编辑|责编|审核|校对|编审|摄|图\s*[/:：]")
#: Every word :func:`_bylines` looks for before it tries a pattern (摄 and 图 stand for 摄影, 图/).
_BYLINE_WORD_LIST = ("记者", "通讯员", "实习生", "作者", "编辑", "责编", "审核", "校对", "编审", "摄", "图")
_BYLINE_WORDS = re.compile("|".join(_BYLINE_WORD_LIST))
_TRAILING_CREDIT = regex.compile(rf"[(（]\s*{_HAN}{{2,3}}(?:\s*[、,，\s]\s*{_HAN}{{2,3}})*\s*[)）]\s*$")
_NOT_NAMES = frozenset({"记者", "本报记者", "通讯员", "实习生", "编辑", "责编", "作者", "摄影", "完", "全文完", "待续", "未完待续", "图", "原标题", "本报讯", "新华社", "供图", "资料图", "视频", "截图", "下同"})
_NAME_BAD_END = regex.compile(r"(?:告诉|表示|介绍|说|称|发现|看到|了解|采访|获悉|注意|报道)$")


def _names(blob: str) -> list[str]:
    out = []
    for name in _NAME_SEP.split(blob.strip()):
        if 2 <= len(name) <= 4 and name not in _NOT_NAMES and not _NAME_BAD_END.search(name):
            out.append(name)
    return out


def _add(target: list[str], names: list[str]) -> None:
    for n in names:
        if n not in target:
            target.append(n)


def _bylines(lines: list[_Line], body_last: int | None, info: ArticleInfo) -> None:
    for i, line in enumerate(lines):
        if line.kind == "junk":
            continue
        # By-lines are short lines or the tail of a paragraph ("……参加。(记者 杨帆 张珺)").
        t = line.text if len(line.text) <= _SHORT else line.text[-120:]
        if (not line.bylined or _BYLINE_WORDS.search(t) is None) and not (i == body_last and t.endswith((")", "）"))):
            continue  # none of the words tested below: no hint (most lines, known from the scan or one search)
        # Each pattern only where its own words stand (they cannot match elsewhere).
        reporter = "记者" in t or "通讯员" in t or "实习生" in t or "作者" in t  # _REPORTER's words
        editor = "编辑" in t or "责编" in t or "审核" in t or "校对" in t or "编审" in t  # _EDITOR's (责任编辑 has 编辑)
        photo = "摄" in t or "图" in t
        hint = reporter or editor or "摄" in t or (photo and _BYLINE_HINT.search(t) is not None)
        if not hint and not (i == body_last and t.endswith((")", "）"))):
            continue  # most lines name no reporter: a few cheap tests skip four patterns
        if reporter:
            for m in _REPORTER.finditer(t):
                names = _names(m["names"])
                if len(names) > 1 and t.startswith("报道", m.end("names")):
                    names = names[:-1]  # (记者 孟冰 重庆报道): the last word is where it was filed from
                _add(info.photographers if m["photo"] else info.reporters, names)
        if editor:
            for m in _EDITOR.finditer(t):
                _add(info.editors, _names(m["names"]))
        if photo:
            for m in _PHOTO.finditer(t):
                _add(info.photographers, [n for n in _names(m["names"]) if n not in info.reporters])
        if i == body_last and not (reporter and _REPORTER.search(t)):
            credit = _TRAILING_CREDIT.search(t)
            if credit:
                _add(info.reporters, _names(credit.group()[1:].rstrip(")） ").rstrip()))


# ---------------------------------------------------------------- outlet


def _clean_source(src: str) -> str | None:
    src = _SOURCE_STOP.sub("", src).strip(" |｜-—·")
    return src if 2 <= len(src) <= 20 else None


_FROM = regex.compile(
    r"(?:原文来自|原文转自|本文来自|文章来自|转载自|本文转自)\s*[::]?\s*[「“《【]?\s*(?P<name>[^」”》】:：,，。()（）\s\[\]~]{2,16})"
)
# (A Weibo account may add a Latin brand: @看看新闻KNEWS.)
_CHANNEL = regex.compile(rf"^(?P<base>{_HAN}{{1,6}}?(?:网|报|社|电视台|台|新闻))(?:{_HAN}{{2,5}}频道|客户端|微博|[A-Za-z]{{2,8}})?$")
_TRAILER = regex.compile(r"(?:[(（](?P<a>[^()（）\n]{2,16})[)）]|@(?P<b>[^\s@()（）]{2,16}))\s*$")


def _channel(name: str) -> str | None:
    """The outlet a credit names: 人民网重庆频道 → 人民网, 人民日报 → 人民日报; None for anything else."""
    m = _CHANNEL.match(name.strip())
    return m["base"] if m and "记者" not in name else None


def _outlet(lines: list[_Line], first_body: int, last_body: int) -> str | None:
    # 0. An explicit statement of origin: 原文来自「北青深一度」, (本文来自澎湃新闻…).
    near = lines[: first_body + 3] + lines[max(first_body + 3, last_body - 2) : last_body + 4]
    for line in near:
        if "来自" in line.text or "转" in line.text:
            if (m := _FROM.search(line.text)) and (src := _clean_source(m["name"])):
                return src
    # 1. A masthead in the header names the publishing outlet.
    for line in lines[:first_body]:
        if line.kind == "masthead" and (name := _masthead(line.text)):
            return name
    # 2. A 来源: line after the body credits the article's own source (aggregators
    #    print their own name in the header, the original outlet at the foot).
    for line in lines[last_body + 1 :]:
        if line.kind == "meta" and (m := _SOURCE.match(line.text)) and (src := _clean_source(m["src"])):
            return src
    # 3. A 来源: in the header's dateline.
    for line in lines[:first_body] + lines[first_body : first_body + 3]:
        if line.kind == "meta" and (m := _SOURCE.search(line.text)) and (src := _clean_source(m["src"])):
            return src
    # 4. An outlet's name standing in the dateline (2022年12月4日 10:26  大公文汇网).
    for line in lines[:first_body]:
        if line.kind == "meta" and _is_dateline(line.text):
            for token in regex.split(r"[\s|｜]+", _PUB_DATE.sub(" ", line.text)):
                if _masthead(token):
                    return _masthead(token)
    # 5. The lede's own credit: 【大公文汇网讯】, 新华社重庆11月20日电.
    for line in lines[first_body : first_body + 2]:
        if (m := _LEDE_CREDIT.match(line.text)) and (name := m["name"] or m["media"]) not in ("本报", "本网", "本台"):
            if m["name"] and (last := line.text[m.end("name") : m.end("name") + 1]) in _AGENCY_END:
                return str(m["name"]) + last  # 中新网重庆3月22日电, 新华社重庆…电: the agency's whole name
            return name
    # 6. A credit closing the body: ……出院。(人民网重庆频道), @人民网内蒙古频道;
    #    a CCTV reporter's credit, (总台央视记者 唐巍 邓丽娟), is 央视新闻's.
    #    A Weibo post's short link after the credit, …（央视）http://t.cn/A6PawAGX, is not part of it.
    last = _SHORT_LINK.sub("", lines[last_body].text) if 0 <= last_body < len(lines) else ""
    if m := _TRAILER.search(last):
        if name := _channel(m["a"] or m["b"]):
            return name
    if _CCTV_CREDIT.search(last[-60:]):
        return "央视新闻"
    return None


_CCTV_CREDIT = regex.compile(r"[(（]\s*(?:中央广播电视)?(?:总台)?央视(?:新闻)?(?:(?:记者|报道)[^()（）\n]{0,40})?[)）]\s*$")
_SHORT_LINK = regex.compile(r"\s*https?://t\.cn/[A-Za-z0-9]+\s*$")


#: The last character of a news agency's or site's name before the place of a dateline (中新网重庆…电).
_AGENCY_END = frozenset("网社台报")
_LEDE_CREDIT = regex.compile(
    rf"[【\[(（]?(?:(?P<name>{_HAN}{{2,8}}?)(?:(?:\d{{1,2}}月\d{{1,2}}日)?(?<!通)讯|(?:{_HAN}{{2,4}})?\d{{1,2}}月\d{{1,2}}日电)"
    rf"|(?P<media>{_HAN}{{1,8}}?(?:网|社|台|报|新闻|客户端))(?:{_HAN}{{2,4}}\d{{1,2}}月\d{{1,2}}日)?消息)[】\])）]?"
)  # 央视网消息(新闻联播), 央廣網重慶5月9日消息(記者劉湛); not the 讯 of 通讯 (商務通訊 is a name)

# A Weibo-style post: the headline in 【】 at the start of its first line (after #话题# tags).
_HEADLINE = regex.compile(r"^(?P<pre>[^【。!?;\n]{0,30}?)【(?P<t>[^【】\n]{4,100})】(?P<rest>.*)$")
_NOT_HEADLINE = regex.compile(r"(?:讯|电|消息|记者|报道|通讯员)$")
_ZERO_WIDTH = regex.compile(f"[{ZERO_WIDTH}]")


def _bracket_headline(text: str) -> str | None:
    """The headline of a post written 【headline】body…, or None (a column label before a headline,
    a lede credit such as 【大公文汇网讯】).

    ``text`` is the line as written (``#话题#`` marks and ``[视频]`` tags not blanked).

    >>> _bracket_headline("#新冠肺炎最新动态#【#重庆新增新冠肺炎18例#】1月25日0—24时,重庆市报告新增确诊病例18例。")
    '重庆新增新冠肺炎18例'
    >>> _bracket_headline("【走进县城看发展】重庆巫溪:绿色兴业 生态富民") is None
    True
    >>> _bracket_headline("【国家卫健委:#严格预防#[话筒]】据了解,……。")
    '国家卫健委:#严格预防#[话筒]'
    """
    m = _HEADLINE.match(text)
    if m is None or _NOT_HEADLINE.search(m["t"].strip()):
        return None
    rest = m["rest"].strip()
    if rest and not _PROSE_MARK_ANY_WIDTH.search(rest):
        return None  # 【栏目】headline: a column label, the line is the headline
    return drop_topic_marks(m["t"]).strip()


#: A #话题# tag that stands as a part of a headline by itself: followed by the end, a space or a
#: separating punctuation mark. A tag run on into further words (#北京新增8例#病例详情公布) is kept.
_TOPIC = regex.compile(r"#(?P<w>[^#\n]{1,60}?)#(?=$|\s|[,，:：、!！?？;；|｜】—])")


def drop_topic_marks(title: str) -> str:
    """A headline without the ``#`` marks of the topic tags that stand by themselves in it.

    >>> drop_topic_marks("#上海又有11例病例治愈出院# 已累计治愈41例")
    '上海又有11例病例治愈出院 已累计治愈41例'
    >>> drop_topic_marks("紧急扩散!#石家庄公布最新确诊病例车次及行程轨迹#")
    '紧急扩散!石家庄公布最新确诊病例车次及行程轨迹'
    >>> drop_topic_marks("#大连公布9例新增确诊详情#:#大连新增9例均为凯洋世界海鲜公司员工#")
    '大连公布9例新增确诊详情:大连新增9例均为凯洋世界海鲜公司员工'
    >>> drop_topic_marks("#北京新增确诊病例8例#病例详情公布")
    '#北京新增确诊病例8例#病例详情公布'
    """
    return _TOPIC.sub(lambda m: m["w"], title) if "#" in title else title


def clean_title(title: str) -> str:
    """A title without zero-width characters, a list bullet before it or surrounding white space.

    >>> clean_title("深度报道\u200b "), clean_title("• 中国多地报告首例治愈者出院")
    ('深度报道', '中国多地报告首例治愈者出院')
    """
    return _BULLET.sub("", _ZERO_WIDTH.sub("", title).strip()).strip()


#: A list bullet a page puts before a line (• ▪ ● ◆ ■ ·).
_BULLET = regex.compile(r"^[•▪●◆■·・]\s*")


def _published(lines: list[_Line], first: int | None, last: int | None, title_idx: int | None) -> dt.datetime | dt.date | None:
    """The publication date: a labelled dateline (发布时间:) first, then any dateline in the
    header, then a short header line, then a dateline after the body (one or two of them: more date
    a list of links); never the headline's date."""
    header = lines[: first if first is not None else len(lines)]
    datelines = [ln for ln in header if ln.kind == "meta" and _is_dateline(ln.text)]
    shorts = [ln for i, ln in enumerate(header) if ln.kind == "content" and len(ln.text) <= 40 and i != title_idx]
    footer = [ln for ln in lines[(last + 1 if last is not None else len(lines)) :] if ln.kind == "meta" and _is_dateline(ln.text)]
    if len(footer) > 2:
        footer = []  # (- 2025年12月18日 16:30:31 under 社会新闻精选: the dates of a list of links)
    for group in ([ln for ln in datelines if _DATELINE.search(ln.text)], datelines, shorts, footer):
        for ln in group:
            if (published := parse_published(ln.text)) is not None:
                return published
    return None


# ---------------------------------------------------------------- main


#: A count of cases written on a short line (新冠病毒核酸检测阳性感染者10例).
_POSTER_COUNT = regex.compile(r"\d+\s*例")


def _title_line(lines: list[_Line]) -> int | None:
    """The index of the title line, or None.

    The heading-like line nearest above the first dateline or 来源 line (site names,
    navigation and promos come before it in page headers); a first line of one short
    sentence above a longer paragraph (a news item's headline written with its full stop);
    else the first heading-like line above the second paragraph of running text (a lede may
    stand above a reposted headline, but a section heading further down, 本土病例情况 below
    a notice's two opening paragraphs, is no title).
    """
    paras = [i for i, ln in enumerate(lines[:12]) if ln.kind == "content" and _is_paragraph(ln) and not _title_candidate(ln)][:2]
    # (A dateline below two paragraphs is the body's or the footer's: - 2025年12月18日 16:30:31 in a list of links.)
    header = paras[1] if len(paras) > 1 else 12
    anchor = next((i for i, ln in enumerate(lines[:header]) if ln.kind == "meta" and (_is_dateline(ln.text) or _SOURCE.match(ln.text))), None)
    before = [i for i in range(anchor or 0) if _title_candidate(lines[i])]
    if before:
        return before[-1]
    if paras and paras[0] == 0 and len(lines) > 1 and _sentence_headline(lines[0], lines[1]):
        return 0
    # A lede may stand above the headline (a repost puts its summary first); a second paragraph may not.
    limit = min(10, paras[1] if len(paras) > 1 else len(lines))
    return next((i for i, ln in enumerate(lines[:limit]) if _title_candidate(ln)), None)


def _whole_line(view: str, line: _Line) -> str:
    """The line as written in ``view`` (blanked debris at its ends included), stripped."""
    start = view.rfind("\n", 0, line.start) + 1
    end = view.find("\n", line.end)
    return view[start : end if end >= 0 else len(view)].strip()


_WHEN = regex.compile(r"\d\s*(?:月|日|时|点|号)|[今昨前当]日|[今昨前]天|截至|目前|日前|近日|近期")


def _sentence_headline(line: _Line, after: _Line) -> bool:
    """A first line of one short undated sentence (重庆市新增确诊4例,累计确诊509例。) above a longer paragraph."""
    t = line.text
    return (
        line.kind == "content"
        and 5 <= len(t) <= 40
        and t.endswith("。")
        and t.count("。") == 1
        and _WHEN.search(t) is None  # 7月24日0时至15时,大连市新增确诊病例9例。 opens a notice's body
        and _LEDE_CREDIT.match(t) is None  # 央视网消息(新闻联播):日前,…李克强在重庆考察。 is a lede
        and after.kind == "content"
        and len(after.text) > 2 * len(t)
    )


#: A header line that labels the title or the outlet, as PTT's news-board template asks a repost for
#: (完整標題:中國新增80例本土確診, 發稿單位:中央社).
_LABELLED = regex.compile(r"(?P<label>完整标题|新闻标题|发稿单位|媒体来源)\s*[:：]\s*(?P<value>\S.{0,79}?)\s*")


def _labelled_fields(header: list[_Line]) -> dict[str, str]:
    """``title`` and ``outlet`` as the header's labelled lines give them."""
    out: dict[str, str] = {}
    for line in header:
        if (m := _LABELLED.fullmatch(line.text)) is not None:
            key = "title" if m["label"].endswith("标题") else "outlet"
            if key == "outlet" and len(m["value"]) > 12:
                continue  # a sentence, not an outlet's name
            out.setdefault(key, m["value"])
    return out


def analyse_article(norm: Normalized, meta: Mapping[str, Any], headline_text: str | None = None) -> ArticleInfo:
    """Find the metadata and body of one article.

    Args:
        norm: the article's original and normalised text.
        meta: sidecar values; ``published``, ``title``, ``outlet``, ``url`` win over the text.
        headline_text: the normalised text before reposting debris was blanked (same length):
            titles are read from it, ``#话题#`` marks and ``[视频]`` tags as written.
    """
    lines = _split_lines(norm)
    info = ArticleInfo()
    if not lines:
        return info
    view = headline_text if headline_text is not None and len(headline_text) == len(norm.text) else norm.text
    title_idx = _title_line(lines)
    # The body starts at the first line of running text that is not the title.
    first = next(
        (i for i, ln in enumerate(lines) if ln.kind == "content" and i != title_idx and _is_paragraph(ln)),
        None,
    )
    if first is None:  # a short text: every content line is body
        first = next((i for i, ln in enumerate(lines) if ln.kind == "content"), None)
    elif title_idx is not None and title_idx < first:
        # A poster's phrases, one to a line, under the headline (2月21日22时至2月22日12时 / 武汉市新增 /
        # 新冠病毒核酸检测阳性感染者10例): three or more short lines with a count among them are body.
        shorts = [i for i in range(title_idx + 1, first) if lines[i].kind == "content"]
        if len(shorts) >= 3 and any(_POSTER_COUNT.search(lines[i].text) for i in shorts):
            first = shorts[0]
    if first is None:
        last = None
    else:
        stop = next((i for i in range(first + 1, len(lines)) if lines[i].kind == "footer"), len(lines))
        last = max(i for i in range(first, stop) if lines[i].kind == "content" or i == first)
    if first is not None and last is not None:
        info.body = (lines[first].start, lines[last].end)
        info.keep = [(ln.start, ln.end) for ln in lines[first : last + 1] if ln.kind == "content"]
    else:
        info.body = (0, 0)
    if title_idx is not None:
        info.title = drop_topic_marks(_whole_line(view, lines[title_idx]))
    if (headline := _bracket_headline(_whole_line(view, lines[0]))) is not None:
        info.title = headline  # 【headline】 opening a post
    labelled = _labelled_fields(lines[:12])  # the template's lines open the post (its title may read as a paragraph)
    if "title" in labelled:
        info.title = labelled["title"]  # 完整標題:… (a forum post's template names it)
    if info.title is not None:
        info.title = clean_title(info.title) or None
    info.published = _published(lines, first, last, title_idx)
    info.outlet = labelled.get("outlet") or _outlet(
        lines, first if first is not None else len(lines), last if last is not None else len(lines))
    _bylines(lines, last, info)
    # Sidecar values win.
    if isinstance(meta.get("published"), str) and (value := _iso_to_value(meta["published"])) is not None:
        info.published = value
    if meta.get("title"):
        info.title = clean_title(to_simplified(str(meta["title"]))) or None
    if meta.get("outlet"):
        info.outlet = to_simplified(str(meta["outlet"])).strip()
    if meta.get("url"):
        info.url = str(meta["url"])
    if info.outlet is None and info.url:
        info.outlet = outlet_of_url(info.url)  # the text names none: the URL's domain does
    return info
