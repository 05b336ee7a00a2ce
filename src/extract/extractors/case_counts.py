"""Dated case counts: ``case_counts.jsonl``.

Reads the body of a normalised article paragraph by paragraph and turns every
number written as a count of people (``例``, ``人``, ``名``) into a
:class:`~extract.models.CaseCount` when its context says what was counted,
where, and on which day. Finding candidates is separate from deciding about
them:

1. **find** — count numbers (``6584例``, ``超过8000例``, ``两千例``, ``上千例``),
   zero counts stated in words (``…等7个区未报告社会面感染者``), metric phrases,
   area mentions and date mentions, each found once per article;
2. **decide** — for each number, the text between it and the previous count of
   the same sentence (its *prefix*) gives the metric (the nearest metric phrase),
   scope and measure words, the qualifier, the area (the nearest list of area
   names) and whether it is a change (``较29日减少1208例``) rather than a count;
   an outcome phrase (``治愈出院``, ``出院``, ``解除医学观察``, ``死亡``) written just before a
   population noun (``当日治愈出院本土确诊病例22例``) gives the metric, the noun only the scope;
   what the prefix does not say comes from context:

   - a count inside brackets after a total (``97例(沙坪坝区27例,…各1例)``,
     ``(不含由无症状感染者转确诊病例的55例)``) takes the total's date, area,
     metric and scope unless it states its own;
   - a count after ``其中``/``报告``/``新增`` with no metric phrase breaks down the
     last total of the paragraph that had one; area items after a heading
     (``新增本土确诊病例中,沙坪坝区20例、…``) break down the total the heading names;
   - the date in force is the last date written before the number (not a
     comparison date such as ``较29日``), carried over the following sentences and
     clauses, and over paragraphs only from a paragraph that gave counts;
     ``当日``/``当天``/``同日`` is the day last written even when no date was carried;
   - the area in force is the last area a (non-breakdown) count was given for, within its
     sentence (and a next sentence opening with ``同时``/``其中``); a later sentence falls back to
     the last city, province or country counts were given for, not to a district;
   - 全市/我市/本市 is the article's home: the province-level unit its headline names, else
     the one its issuing government body belongs to, else the one its body names most, else 重庆市;
   - a count after a running total (``累计本土确诊病例63082例，治愈出院62458例，死亡595例``)
     with no measure word of its own shares the total's measure and scope;
   - clauses right after a count that only describe it (``,为本土病例,在北京``)
     give it its scope and a record for that place, and are read by no later count.

3. **check** — a total and its complete breakdown must sum up; a stated change
   must agree with the earlier day's value when the article gives it. A mismatch
   is an :class:`~extract.models.ArticleWarning`, never a correction.

A count with no date at all is dropped (a wrong date is worse than a missing
record); one whose date has no knowable year keeps ``date=None``.

Phrases live in ``data/metrics.tsv`` and ``data/count_regions.tsv``, checked
when loaded.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterator
import dataclasses
from dataclasses import dataclass, field
from typing import Literal, get_args

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..document import Doc
from ..errors import ResourceError
from ..gazetteer import find_areas, load_gazetteer
from ..models import ArticleWarning, CaseCount, Change, Metric
from ..normalize import to_simplified
from ..resources import alternation, read_data, tsv_rows, validated
from .dates import CN_NUM, DateMention, find_dates, parse_cn_int, resolve_relative, window

__all__ = ["MetricLexicon", "extract", "load_metric_lexicon", "load_count_regions"]

# --------------------------------------------------------------------------- data

# The contract's metrics, plus "inherit" for phrases that take the metric of the total they break down.
_METRICS = (*get_args(Metric), "inherit")
_VALUES: dict[str, tuple[str, ...]] = {
    "metric": _METRICS,
    "scope": ("local", "imported"),
    "measure": ("new", "cumulative", "current"),
    "qualifier": ("over", "about", "at_least", "over_after", "about_after"),
    "not_count": ("-",),
}


class _PhraseRow(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["metric", "scope", "measure", "qualifier", "not_count"]
    phrase: str = Field(min_length=1)
    value: str

    @model_validator(mode="after")
    def _value_fits_kind(self) -> _PhraseRow:
        if self.value not in _VALUES[self.kind]:
            raise ValueError(f"{self.kind} value must be one of {', '.join(_VALUES[self.kind])}, not {self.value!r}")
        return self


class _RegionRow(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    form: str = Field(min_length=1)
    name: str = Field(min_length=1)
    code: str | None = Field(default=None, pattern=r"^\d{6}$")

    @field_validator("code", mode="before")
    @classmethod
    def _empty_is_none(cls, v: object) -> object:
        return v or None


@dataclass(frozen=True)
class MetricLexicon:
    """The phrases of ``data/metrics.tsv``, by kind, with their compiled patterns."""

    metric: dict[str, str]
    scope: dict[str, str]
    measure: dict[str, str]
    qualifier: dict[str, str]
    not_count: frozenset[str]

    @functools.cached_property
    def metric_re(self) -> regex.Pattern[str]:
        return regex.compile(alternation(self.metric))

    @functools.cached_property
    def scope_re(self) -> regex.Pattern[str]:
        return regex.compile(alternation(self.scope))

    @functools.cached_property
    def measure_re(self) -> regex.Pattern[str]:
        return regex.compile(alternation(self.measure))

    @functools.cached_property
    def not_count_re(self) -> regex.Pattern[str]:
        return regex.compile(alternation(self.not_count))


@functools.cache
def load_metric_lexicon() -> MetricLexicon:
    """Load and validate ``data/metrics.tsv`` (cached).

    Raises:
        ResourceError: a row is malformed, or a phrase is given twice for one kind.
    """
    name = "metrics.tsv"
    by_kind: dict[str, dict[str, str]] = {k: {} for k in _VALUES}
    for lineno, raw in tsv_rows(read_data(name), name, ("kind", "phrase", "value")):
        row = validated(_PhraseRow, name, lineno, raw)
        assert isinstance(row, _PhraseRow)
        if row.phrase in by_kind[row.kind]:
            raise ResourceError(f"{name}:{lineno}: duplicate {row.kind} phrase {row.phrase}")
        by_kind[row.kind][row.phrase] = row.value
    for kind in ("metric", "scope", "measure", "qualifier"):
        if not by_kind[kind]:
            raise ResourceError(f"{name}: no {kind} phrases")
    return MetricLexicon(
        metric=by_kind["metric"],
        scope=by_kind["scope"],
        measure=by_kind["measure"],
        qualifier=by_kind["qualifier"],
        not_count=frozenset(by_kind["not_count"]),
    )


@functools.cache
def load_count_regions() -> dict[str, tuple[str, str | None]]:
    """Load and validate ``data/count_regions.tsv``: form → (name or ``@home``, code) (cached)."""
    name = "count_regions.tsv"
    out: dict[str, tuple[str, str | None]] = {}
    for lineno, raw in tsv_rows(read_data(name), name, ("form", "name", "code")):
        row = validated(_RegionRow, name, lineno, raw)
        assert isinstance(row, _RegionRow)
        if row.form in out:
            raise ResourceError(f"{name}:{lineno}: duplicate form {row.form}")
        out[row.form] = (row.name, row.code)
    return out


# --------------------------------------------------------------------- patterns


@functools.cache
def _count_re() -> regex.Pattern[str]:
    lex = load_metric_lexicon()
    before = alternation(p for p, v in lex.qualifier.items() if v in ("over", "about", "at_least"))
    after = alternation(p for p, v in lex.qualifier.items() if v == "over_after")
    tail = alternation(p for p, v in lex.qualifier.items() if v == "about_after")
    cn_start = "零〇一二两三四五六七八九十"
    return regex.compile(
        rf"""
        (?P<qpre>{before})?\s*
        (?:
            (?<![\d.]|\d,)(?P<wan>\d{{1,4}}(?:\.\d{{1,4}})?)万            # 1.2万 (a count of ten thousands)
          | (?<![\d.]|\d,)(?P<num>\d{{1,3}}(?:,\d{{3}}){{1,3}}|\d{{1,9}})   # 6584, 4,191
          | (?<![{CN_NUM}第])(?P<vague>上|数|几)(?P<vunit>百|千|万)       # 上千 — a lower bound
          | (?<![{CN_NUM}第])(?P<cn>[{cn_start}][{CN_NUM}]{{0,7}})        # 两千, 一千二百
        )
        (?P<qpost>{after})?\s*
        (?:(?P<unit>例|人(?![次员口数均])|名)|(?=\s*(?:和|及)\s*(?:本土|境外输入性?)?(?:新冠肺炎)?(?:{lex.metric_re.pattern})))
        (?P<qtail>\s*(?:{tail}))?
        """,
        regex.VERBOSE,
    )


@functools.cache
def _zero_re() -> regex.Pattern[str]:
    lex = load_metric_lexicon()
    return regex.compile(
        rf"""
        (?:未报告|未发现|未新增|没有报告|没有发现|没有新增|无新增|零新增)
        (?P<mods>(?:新增|本土|境外输入)*)
        (?P<metric>{lex.metric_re.pattern})
        """,
        regex.VERBOSE,
    )


# What may stand between a list of areas and 未报告…: "等7个区", "均", "连续3天".
_ZERO_GAP = regex.compile(r"\s*(?:等\s*(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*个?\s*(?:区县|区|县|地区|街道|镇街)?)?\s*(?:均|都|也|仍)?\s*(?:连续\s*\d{1,3}\s*[天日])?\s*")
# A change against an earlier day at the end of a prefix: 较29日减少 / 比前一日增加了.
_CHANGE = regex.compile(
    r"(?:较|比|与)(?P<ref>[^,，;；。()（）]{0,14}?)(?:相比|比较)?[,，]?\s*(?P<dir>增加|减少|上升|下降|增长|回落|多|少)了?\s*(?:报告)?\s*$"
)
# Words that make a metric-less count a breakdown of the total before it.
_BREAKDOWN_WORDS = regex.compile(r"其中|含|报告|新增|共|各|分别|本土|境外|病例")
_SUBSET_AFTER = regex.compile(r"\s*(?:均为|均系|为|是|系|在|来自|属于)")
_REST_ITEM = regex.compile(r"其他|其它|其余|另有|余下")
_SUB_WORDS = regex.compile(r"其中|含|包括")
_SUM_WORD = regex.compile(r"合计|共计|总计|合共")
_CLAUSE_BREAK = regex.compile(r"[,，;；:：(（)）]")
_SENTENCE_END = regex.compile(r"[。!?！？]")
_LIST_SEP = regex.compile(r"\s*(?:、|和|及|与|以及)\s*")
_EACH = regex.compile(r"各\s*(?:报告|新增)?\s*$")
_COORD = regex.compile(r"\s*[,，;；、]?\s*(?:和|及|以及|、)")
_SUFFIX_METRIC_LEAD = regex.compile(r"\s*(?:由|为|是|系)?(?P<scope>本土|境外输入性?|境外)?(?:新冠肺炎|新冠病毒)?")
# After a count and its metric: what the count is (为此前无症状感染者转归) or where it was found (在隔离管控中发现).
_SUFFIX_REST = regex.compile(r"[^,，;；。()（）]{1,30}")
_CONVERTED = regex.compile(r"转归|转为确诊|转确诊")
# A clause after a count that only describes it: its scope (为本土病例) or where it was found (在北京, 均在沙坪坝区).
_ATTRIBUTION = regex.compile(
    r"\s*[,，]\s*(?P<body>(?:均|都|全部|分别)?(?:为|系|是|在|位于|来自|分布在|分布于|属于)[^,，;；。:：()（）\n]{1,24})(?=\s*(?:[,，;；。]|$))"
)
# What may stand in a clause around a count that breaks down the total before it; anything else
# (隔离观察人员3697例) makes it a count of something the lexicon does not name.
_RESIDUE_OK = regex.compile(
    r"其中|含|包括|报告|新增|共计|共|合计|各|分别|为|有|是|的|达|再|又|从|到|单日|当日|均|累计|现有|"
    r"本土|境外输入性?|境外|输入性?|病例|新冠肺炎|"
    r"等\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*个?\s*(?:区县|区|县|地区|省份|省)?|"
    r"[\s,，;；:：、()（）和及与]"
)
# A place name the gazetteer does not know, right before what is counted (朝阳区新增…).
_UNKNOWN_AREA = regex.compile(
    r"\p{Han}{1,5}?(?:新区|区|县|市|州|省)(?=\s*(?:[,，]|的|共|累计|新增|报告|发现|现有|当日|今日|昨日|本土|境外|社会面|\d))"
)
# Words ending like a place that name no single place. Everything else that does and is not in the
# gazetteer (朝阳区, 该县, 高风险区, 某小区) is a place or a subset the count cannot be given to.
_NOT_AREA = regex.compile(r"区县$|城市$|省市$")
# What may stand between one item of a list of counts and the next: 63082例，治愈出院…
_LIST_GAP = regex.compile(r"[\s,，、;；]*")
# A sentence opening that goes on with the area of the sentence before.
_CARRY_OPENING = regex.compile(r"\s*(?:其中|同时)")
_SHARE_BEFORE = regex.compile(r"占\s*$")
_SKIP_DATE_BEFORE = regex.compile(r"(?:较|比|与|相比)\s*$")
_SKIP_DATE_AFTER = regex.compile(r"\s*(?:以来|起|开始|至今|之前|以前|前|之后|以后)")
_RELATIVE_PREV = regex.compile(r"前一[日天]|昨[日天]|上一[日天]|前日")
_OPEN = "(（"
# An issuing government body (上海市卫生健康委员会, 重庆市九龙坡区人民政府), whose 本市 is its own.
_OFFICIAL_BODY = regex.compile(r"政府|委员会|卫健委|卫生健康委|办公室|办公厅|指挥部|领导小组|局$|厅$")
_ONE_DAY = dt.timedelta(days=1)
_CLOSE = ")）"

# ----------------------------------------------------------------------- areas

#: The home region of an article that names no city or province of its own.
DEFAULT_HOME = "重庆市"


@dataclass(frozen=True, slots=True)
class _Region:
    name: str
    code: str | None


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    region: _Region | None  # None: 全市/我市/本市 before the home region is known


def _area_mentions(doc: Doc, whole: bool = False) -> list[_Mention]:
    """Every area mention in the body (``whole``: in the whole text, headline included), longest first."""
    text = to_simplified(doc.original) if whole else doc.text
    start, end = (0, len(text)) if whole else doc.body
    return _mentions_in(text, start, end)


def _mentions_in(text: str, start: int, end: int) -> list[_Mention]:
    """Every area mention in ``text[start:end]``; of overlapping ones the longest."""
    gaz = load_gazetteer()
    extra = load_count_regions()
    found: list[_Mention] = [
        _Mention(m.start, m.end, _Region(m.area.name, m.area.code)) for m in find_areas(text, start, end)
    ]
    extra_re = _extra_region_re()
    for m in extra_re.finditer(text, start, end):
        form = m.group()
        area = gaz.get(form)
        if area is not None:
            found.append(_Mention(m.start(), m.end(), _Region(area.name, area.code)))
            continue
        name, code = extra[form]
        found.append(_Mention(m.start(), m.end(), None if name == "@home" else _Region(name, code)))
    # Longest wins on overlap, then text order.
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[_Mention] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            if m.end - m.start > kept[-1].end - kept[-1].start:
                kept[-1] = m
            continue
        kept.append(m)
    return kept


@functools.cache
def _extra_region_re() -> regex.Pattern[str]:
    return regex.compile(alternation(load_count_regions()))


def _home_region(mentions: list[_Mention]) -> _Region | None:
    """The article's own city or province: the province-level unit named most often (重庆市 on ties)."""
    votes = _home_votes(mentions)
    if not votes:
        return None
    return max(votes, key=lambda r: (votes[r], r.name == "重庆市"))


def _home_votes(mentions: list[_Mention]) -> dict[_Region, int]:
    """How often each province-level unit is named, a district counting for its city or province."""
    gaz = load_gazetteer()
    votes: dict[_Region, int] = {}
    for m in mentions:
        if m.region is None:
            continue
        area = gaz.get(m.region.name)
        if area is not None and area.kind not in ("city", "province"):
            parent = gaz.get(area.parent) if area.parent else None
            if parent is None or parent.kind not in ("city", "province"):
                continue
            region = _Region(parent.name, parent.code)
        elif area is None and not (m.region.code and m.region.code.endswith("0000")):
            continue
        else:
            region = m.region
        votes[region] = votes.get(region, 0) + 1
    return votes


def _article_home(doc: Doc, body: list[_Mention]) -> _Region | None:
    """Whose 本市/全市/我市 the article means.

    In order: the province-level unit the headline names (a notice headed 11月25日上海新增… is about
    上海市 even when its body never names it; a headline naming several is decided by the body), the one
    an issuing government body is of (上海市卫生健康委员会 — not a newspaper's, 北京青年报 reports on
    anywhere), the one the body names most, the one the whole page names most, and 重庆市.
    """
    body_home = _home_region(body)
    if doc.title:
        title = _home_votes(_mentions_in(doc.title, 0, len(doc.title)))
        if title:
            best = max(title.values())
            tied = [r for r, n in title.items() if n == best]
            if len(tied) == 1:
                return tied[0]
            if body_home in tied:
                return body_home
    if doc.outlet and _OFFICIAL_BODY.search(doc.outlet):
        outlet = _home_region(_mentions_in(doc.outlet, 0, len(doc.outlet)))
        if outlet is not None:
            return outlet
    return body_home or _home_region(_area_mentions(doc, whole=True)) or _default_home()


def _default_home() -> _Region | None:
    """The corpus is about Chongqing: 全市/我市 in an article that names no province-level unit is 重庆市."""
    area = load_gazetteer().get(DEFAULT_HOME)
    return _Region(area.name, area.code) if area is not None else None


def _is_top(regions: list[_Region]) -> bool:
    """Whether ``regions`` is one city, province or country (not a district or a part of a city)."""
    if len(regions) != 1:
        return False
    area = load_gazetteer().get(regions[0].name)
    # A region the gazetteer does not hold comes from count_regions.tsv: 全国 or a province.
    return area is None or area.kind in ("city", "province", "country")


def _short_forms(text: str) -> list[_Region] | None:
    """Regions of a bracketed item written in short forms (沙坪坝27例, 渝中、江北各2例)."""
    gaz = load_gazetteer()
    parts = _LIST_SEP.split(text.strip(" ,，;；()（）"))
    regions = []
    for p in parts:
        area = gaz.by_short.get(p.strip())
        if area is None:
            return None
        regions.append(_Region(area.name, area.code))
    return regions or None


# ------------------------------------------------------------------ decisions


@dataclass
class _Count:
    """A count found in the text, before it becomes records."""

    start: int
    end: int
    value: int
    metric: str
    scope: str
    measure: str
    qualifier: str
    regions: list[_Region]
    each: bool
    date: dt.date | None
    hours: tuple[int, int] | None
    dated: bool
    depth: int
    explicit: bool  # its own metric phrase (can be the total of a breakdown)
    sub: bool  # a breakdown item (its area does not become the area in force)
    parent: _Count | None = None
    label: str | None = None
    change: Change | None = None
    children: list[_Count] = field(default_factory=list)
    zero: bool = False
    suffix: bool = False  # its metric is written after it (含11例由无症状感染者转为确诊病例)
    rest: int = 0  # bracketed items with no area of their own (其他区县209例, 其余3923例)
    incomplete: bool = False  # a bracketed item could not be read


@dataclass
class _State:
    """What is in force while reading: the date (with its hour window) and the area."""

    date: dt.date | None = None
    hours: tuple[int, int] | None = None
    dated: bool = False
    here: bool = False  # the date was written in the paragraph being read (not carried over)
    region: list[_Region] | None = None
    top: list[_Region] | None = None  # the last city, province or country counts were given for



def _date_setters(doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
    """Date mentions that set the date in force (not 较29日, not 11月15日起)."""
    text = doc.text
    out = []
    for m in mentions:
        if _SKIP_DATE_BEFORE.search(text, max(0, m.start - 3), m.start):
            continue
        if _SKIP_DATE_AFTER.match(text, m.end) and m.hours is None:
            continue
        out.append(m)
    return out


def _written_dates(setters: list[DateMention], published: dt.date | None) -> list[dt.date | None]:
    """For each date setter, the date it stands for when read in text order (relative words chained)."""
    out: list[dt.date | None] = []
    last: dt.date | None = None
    for m in setters:
        last = resolve_relative(m, published, last) if m.relative is not None else m.date
        out.append(last)
    return out


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if text[pos:stop].strip():
            yield pos, stop
        pos = stop + 1


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        yield pos, m.end()
        pos = m.end()
    if pos < end:
        yield pos, end


def _value(m: regex.Match[str]) -> int | None:
    if m.group("num"):
        return int(m.group("num").replace(",", ""))
    if m.group("wan"):
        return round(float(m.group("wan")) * 10_000)
    if m.group("vague"):
        return {"百": 100, "千": 1000, "万": 10_000}[m.group("vunit")]
    return parse_cn_int(m.group("cn"))


def _qualifier(m: regex.Match[str], lex: MetricLexicon) -> str:
    if m.group("vague"):
        return "at_least"
    if m.group("qpre"):
        return lex.qualifier[m.group("qpre")]
    if m.group("qpost"):
        return "over"
    if m.group("qtail"):
        return "about"
    return "exact"


@functools.cache
def _heading_re() -> regex.Pattern[str]:
    """A metric phrase heading a list of items: 新增本土确诊病例中, / 无症状感染者中："""
    lex = load_metric_lexicon()
    return regex.compile(rf"(?P<metric>{lex.metric_re.pattern})\s*(?:当中|之中|中)\s*[,，:：]")


@functools.cache
def _coordinated_item_re() -> regex.Pattern[str]:
    lex = load_metric_lexicon()
    return regex.compile(rf"\s*(?:和|及|、)\s*\d{{1,9}}\s*例(?:本土|境外输入性?)?(?:新冠肺炎)?(?:{lex.metric_re.pattern})")


def _coordinated_tail(rest: str, lex: MetricLexicon) -> str:
    """What follows a count's metric once coordinated counts (和1例本土无症状感染者) are taken off."""
    item = _coordinated_item_re()
    pos = 0
    while (m := item.match(rest, pos)) is not None and m.end() > pos:
        pos = m.end()
    return rest[pos:].strip()


# Metrics that name an outcome (what happened to people) rather than who they are.
_OUTCOMES = frozenset({"deaths", "recovered", "released_from_observation"})
# Population nouns of cases: after an outcome they only say whose outcome it is.
_CASE_NOUNS = frozenset({"confirmed", "asymptomatic", "infections", "inherit"})
# Population nouns an outcome can govern: cases, and close contacts (解除医学观察的密切接触者).
_GOVERNED = _CASE_NOUNS | {"close_contacts"}


@functools.cache
def _outcome_gap_re() -> regex.Pattern[str]:
    """What may stand between an outcome and the population noun it governs: scope and measure words, 的."""
    lex = load_metric_lexicon()
    words = alternation([*lex.scope, *lex.measure, "新冠肺炎", "新冠病毒", "的", "中"])
    return regex.compile(rf"(?:\s|{words}){{0,8}}")


def _governing_metric(
    text: str, start: int, end: int, lex: MetricLexicon
) -> tuple[regex.Match[str] | None, regex.Match[str] | None]:
    """The metric phrase nearest ``end`` in ``text[start:end]``, and the outcome phrase governing it.

    An outcome phrase (治愈出院, 出院, 解除医学观察, 死亡) written before a population noun
    (确诊病例, 无症状感染者, 病例, 密切接触者) with only scope and measure words between them
    governs it: 当日治愈出院本土确诊病例22例 counts recoveries, not confirmed cases.
    """
    prev = last = None
    for m in lex.metric_re.finditer(text, start, end):
        prev, last = last, m
    if (
        prev is not None
        and last is not None
        and lex.metric[prev.group()] in _OUTCOMES
        and lex.metric[last.group()] in _GOVERNED
        and _outcome_gap_re().fullmatch(text, prev.end(), last.start())
    ):
        return prev, last
    return None, last


def _last(pattern: regex.Pattern[str], text: str, start: int, end: int) -> regex.Match[str] | None:
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 — keep the last
        pass
    return found


class _Reader:
    """Reads one article; holds the per-article indexes."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = load_metric_lexicon()
        self.areas = _area_mentions(doc)
        self.area_starts = [a.start for a in self.areas]
        self.home = _article_home(doc, self.areas)
        start, end = doc.body
        self.dates = find_dates(self.text, doc.published, start, end)
        self.setters = _date_setters(doc, self.dates)
        self.setter_starts = [d.start for d in self.setters]
        self.written = _written_dates(self.setters, doc.published)
        self.date_starts = [d.start for d in self.dates]
        self.counts: list[_Count] = []
        self.headings: dict[int, _Count] = {}  # sentence headings (新增本土确诊病例中,) by start
        # Found once per article, looked up by bisection: keeps reading linear in the number of counts.
        self.heading_matches = list(_heading_re().finditer(self.text, start, end))
        self.heading_ends = [h.end() for h in self.heading_matches]
        self.metric_starts = [x.start() for x in self.lex.metric_re.finditer(self.text, start, end)]
        self.sentence_start = 0
        self.sentence_scopes: dict[int, set[str]] = {}  # scopes of the sentence's counts so far, by depth
        self.consumed = 0  # where the event being read ends (a count's metric can follow it)
        self.warnings: list[ArticleWarning] = []

    # -- helpers ------------------------------------------------------------

    def region_of(self, mention: _Mention) -> _Region | None:
        return mention.region if mention.region is not None else self.home

    def last_group(self, start: int, end: int) -> tuple[int, int, list[_Mention]] | None:
        """The last list of areas (joined by 、/和/及) inside ``[start, end)``, not after 占."""
        lo = bisect.bisect_left(self.area_starts, start)
        hi = bisect.bisect_left(self.area_starts, end)
        i = hi - 1
        while i >= lo and self.areas[i].end > end:
            i -= 1
        while i >= lo:
            group = [self.areas[i]]
            j = i - 1
            while j >= lo and _LIST_SEP.fullmatch(self.text, self.areas[j].end, group[-1].start):
                group.append(self.areas[j])
                j -= 1
            group.reverse()
            if not _SHARE_BEFORE.search(self.text, max(start, group[0].start - 2), group[0].start):
                return group[0].start, group[-1].end, group
            i = j
        return None

    def state_at(self, pos: int, state: _State, from_pos: int) -> _State:
        """Advance ``state`` over the date setters in ``[from_pos, pos)``."""
        i = bisect.bisect_left(self.setter_starts, from_pos)
        while i < len(self.setters) and self.setters[i].start < pos:
            m = self.setters[i]
            if m.end <= pos:
                if m.relative is not None:
                    # 当日/当天/同日 is the day last written (the notice's own day), even when the paragraphs
                    # between handed no date on; only with no date written before does it fall back to the article's.
                    context = state.date if state.date is not None else (self.written[i - 1] if i > 0 else None)
                    resolved = resolve_relative(m, self.doc.published, context)
                    # 当日 after 11月30日0—24时 is that same day and window.
                    same = m.relative == ("context", 0) and resolved == state.date and m.hours is None
                    state.hours = state.hours if same else m.hours
                    state.date = resolved
                else:
                    state.date = m.date
                    state.hours = m.hours
                state.dated = True
                state.here = True
            i += 1
        return state

    def vs_date(self, ref_start: int, ref_end: int, date: dt.date | None) -> dt.date | None:
        i = bisect.bisect_left(self.date_starts, ref_start)
        if i < len(self.dates) and self.dates[i].end <= ref_end and self.dates[i].relative is None:
            return self.dates[i].date
        if date is not None and _RELATIVE_PREV.search(self.text, ref_start, ref_end):
            return date - dt.timedelta(days=1)
        return None

    # -- reading ------------------------------------------------------------

    def read(self) -> None:
        start, end = self.doc.body
        state = _State()
        for p_start, p_end in _paragraphs(self.text, start, end):
            before = len(self.counts)
            state = self.read_paragraph(p_start, p_end, state)
            if len(self.counts) == before:
                # Only a paragraph of counts hands its date and area on.
                state = _State()
            state.here = False

    def read_paragraph(self, p_start: int, p_end: int, state: _State) -> _State:
        text = self.text
        events: list[tuple[int, int, regex.Match[str]]] = [
            (m.start(), 0, m) for m in _count_re().finditer(text, p_start, p_end)
        ]
        events += [(m.start(), 1, m) for m in _zero_re().finditer(text, p_start, p_end)]
        events.sort(key=lambda e: (e[0], e[1]))
        state_pos = p_start
        last_explicit: _Count | None = None  # the last total of the paragraph
        last_top: _Count | None = None
        sentences = list(_sentences(text, p_start, p_end))
        s_idx = 0
        cur_sentence = -1
        stack: list[tuple[int, _Count | None]] = []  # open brackets: (position, count before it)
        scan = p_start
        prev_end = p_start
        prev_count: _Count | None = None
        for pos, kind, m in events:
            if m.start() < prev_end:
                continue
            while s_idx < len(sentences) and sentences[s_idx][1] <= pos:
                s_idx += 1
                stack.clear()
                scan = max(scan, sentences[s_idx - 1][1])
                prev_count = None
            s_start = sentences[s_idx][0] if s_idx < len(sentences) else p_start
            self.sentence_start = s_start
            if s_idx != cur_sentence:
                cur_sentence = s_idx
                self.sentence_scopes = {}
                if not _CARRY_OPENING.match(text, s_start):
                    # 仅沙坪坝区19日就新增…。截至20日，本轮疫情累计…: a district named in one sentence is not
                    # the area of the next, unless that one goes on with it (同时，… / 其中…); the city,
                    # province or country the counts were last given for is (全国 through an NHC notice).
                    state.region = state.top
            # Track brackets from the last position up to this event.
            for i in range(scan, pos):
                ch = text[i]
                if ch in _OPEN:
                    stack.append((i, prev_count if prev_count is not None and prev_count.depth == len(stack) else None))
                elif ch in _CLOSE and stack:
                    _, outer = stack.pop()
                    if outer is not None:
                        prev_count = outer  # 45例(广东13例,…),含11例…: the count after the bracket follows its total
            scan = pos
            state = self.state_at(pos, state, state_pos)
            state_pos = pos
            depth = len(stack)
            prefix_start = max(prev_end, s_start, stack[-1][0] + 1 if stack else p_start)
            self.consumed = m.end()
            if kind == 1:
                count = self.zero(m, prefix_start, state)
            else:
                count = self.count(m, prefix_start, depth, stack, state, last_explicit, last_top, prev_count)
            prev_end = self.consumed
            scan = max(scan, m.end())
            if count is None:
                if kind == 0 and stack and stack[-1][1] is not None:
                    # A bracketed item that made no record: the rest (其他区县209例) still sums up;
                    # anything else leaves the breakdown incomplete.
                    parent = stack[-1][1]
                    value = _value(m)
                    if _REST_ITEM.search(text, prefix_start, m.start()) and value is not None:
                        parent.rest += value
                    else:
                        parent.incomplete = True
                continue
            self.counts.append(count)
            if not count.zero:
                self.sentence_scopes.setdefault(count.depth, set()).add(count.scope)
            prev_count = count
            if kind == 0:
                # 新增死亡病例1例,为本土病例,在北京: what follows describes this count alone.
                prev_end = max(prev_end, self.attribute(count, p_end))
            if count.depth == 0 and not count.zero and count.change is None:
                last_top = count
                if count.explicit and not count.sub and not count.suffix:
                    last_explicit = count
                if not count.sub and not count.each and count.regions:
                    state.region = count.regions
                    if _is_top(count.regions):
                        state.top = count.regions
        return state

    def zero(self, m: regex.Match[str], prefix_start: int, state: _State) -> _Count | None:
        group = self.last_group(prefix_start, m.start())
        if group is None:
            return None
        g_start, g_end, mentions = group
        gap = _ZERO_GAP.fullmatch(self.text, g_end, m.start())
        if gap is None:
            return None
        regions = [r for r in (self.region_of(x) for x in mentions) if r is not None]
        if not regions:
            return None
        if gap.group("n"):
            stated = parse_cn_int(gap.group("n"))
            if stated is not None and stated != len(regions):
                self.warnings.append(
                    ArticleWarning(
                        code="list_count_mismatch",
                        message=f"the list names {len(regions)} areas but says {stated}",
                        evidence=self.doc.evidence(g_start, m.end()),
                    )
                )
        mods = m.group("mods") or ""
        scope = "imported" if "境外" in mods else "local" if "本土" in mods else "unspecified"
        metric = self.lex.metric[m.group("metric")]
        if metric == "inherit":
            return None
        return _Count(
            start=g_start,
            end=m.end(),
            value=0,
            metric=metric,
            scope=scope,
            measure="new",
            qualifier="exact",
            regions=regions,
            each=True,
            date=state.date,
            hours=state.hours,
            dated=state.dated,
            depth=0,
            explicit=False,
            sub=True,
            label=m.group("metric"),
            zero=True,
        )

    def count(
        self,
        m: regex.Match[str],
        prefix_start: int,
        depth: int,
        stack: list[tuple[int, _Count | None]],
        state: _State,
        last_explicit: _Count | None,
        last_top: _Count | None,
        prev_count: _Count | None,
    ) -> _Count | None:
        text, lex = self.text, self.lex
        num_start = min(x for x in (m.start("qpre"), m.start("wan"), m.start("num"), m.start("vague"), m.start("cn")) if x >= 0)
        value = _value(m)
        if value is None:
            return None
        # 1. A change against an earlier day, not a count of its own.
        tail_from = max(prefix_start, num_start - 24)
        ch = _CHANGE.search(text, tail_from, num_start)
        if ch is not None:
            if lex.metric_re.search(text, prefix_start, ch.start()):
                return None  # 重症病例较前一日增加42例: the change of a count not given here
            target = last_top if depth == 0 else None
            if target is not None and target.change is None:
                sign = -1 if ch.group("dir") in ("减少", "下降", "回落", "少") else 1
                target.change = Change(delta=sign * value, vs_date=self.vs_date(ch.start("ref"), ch.end("ref"), target.date))
            return None
        # 2. The clause the number closes: metric, scope and measure words.
        brk = _last(_CLAUSE_BREAK, text, prefix_start, num_start)
        clause_start = brk.end() if brk else prefix_start
        outcome_m, metric_m = _governing_metric(text, clause_start, num_start, lex)
        metric = lex.metric[metric_m.group()] if metric_m else None
        if metric_m and lex.not_count_re.search(text, metric_m.end(), num_start):
            return None
        if metric_m is None and lex.not_count_re.search(text, clause_start, num_start):
            return None
        label = metric_m.group() if metric_m else None
        if outcome_m is not None and metric_m is not None:
            # 治愈出院本土确诊病例22例: the outcome is counted; the population noun only says who.
            if metric in _CASE_NOUNS:
                metric, label = lex.metric[outcome_m.group()], outcome_m.group()
            else:  # 解除医学观察的密切接触者: an outcome of people who are not cases
                metric, label = "other", text[outcome_m.start() : metric_m.end()]
        suffixed = False
        suffix_scope: str | None = None
        if metric is None:
            # 含11例由无症状感染者转为确诊病例, 新增22例本土新冠肺炎确诊病例: the metric after the number.
            after = _SUFFIX_METRIC_LEAD.match(text, m.end())
            suffix = lex.metric_re.match(text, after.end()) if after else None
            if after is not None and suffix is not None and lex.metric[suffix.group()] != "inherit":
                metric, label = lex.metric[suffix.group()], suffix.group()
                suffixed = True
                suffix_scope = after.group("scope")
                self.consumed = suffix.end()
                rest = _SUFFIX_REST.match(text, suffix.end())
                if rest is not None:
                    # 1015例确诊病例为此前无症状感染者转归: converted; 753例确诊病例和24448例无症状感染者
                    # 在隔离管控中发现: subsets, not counts; 22例确诊病例和1例无症状感染者: two counts.
                    if _CONVERTED.search(rest.group()):
                        metric = "asymptomatic_to_confirmed"
                        self.consumed = rest.end()
                    elif _coordinated_tail(rest.group(), lex):
                        self.consumed = rest.end()
                        return None
        # 确诊病例914和无症状感染者25173例: a number without unit needs its metric before it.
        if m.group("unit") is None and (metric_m is None or suffixed):
            return None
        explicit = metric is not None and metric != "inherit"
        scope_m = _last(lex.scope_re, text, clause_start, num_start)
        measures = list(lex.measure_re.finditer(text, clause_start, num_start))
        measure_m = measures[0] if measures else None
        said = {lex.measure[x.group()] for x in measures}
        # 累计报告新增感染者 is cumulative; 现有/尚在 current; else 新增 new.
        measure_word = next((w for w in ("cumulative", "current", "new") if w in said), None)
        group = self.last_group(prefix_start, num_start)
        regions: list[_Region] = []
        if group is not None:
            regions = [r for r in (self.region_of(x) for x in group[2]) if r is not None]
        # 3. What the clause does not say comes from the total it breaks down.
        parent: _Count | None = None
        if depth > 0:
            parent = stack[-1][1]
            if parent is None:
                return None
            if not regions:
                short = _short_forms(text[prefix_start:num_start].replace("各", ""))
                regions = short or []
            if not explicit and not regions:
                return None  # 广东8例: an area the gazetteer does not know
        elif not explicit and (heading := self.heading(clause_start, state, last_explicit)) is not None:
            # 新增本土确诊病例中,沙坪坝区20例、九龙坡区10例: items of the total named by the heading.
            if group is None:
                return None
            parent = heading
        elif not explicit:
            parent = last_explicit
            if parent is None and metric == "inherit":
                # 新增本土病例4169例 with no total before it: a 病例 is a confirmed case.
                metric, explicit = "confirmed", True
            elif parent is None:
                return None
            elif not (_BREAKDOWN_WORDS.search(text, clause_start, num_start) or group is not None and group[0] >= clause_start):
                return None
        if not explicit and self.residue(clause_start, num_start, m.start(), group):
            return None
        if not explicit and _SUBSET_AFTER.match(text, m.end()):
            return None  # 其中一例为80岁老人: a subset described after the number
        if self.unknown_area(max(clause_start, group[1] if group is not None else clause_start), num_start):
            return None  # 朝阳区新增感染者1000例: a place the gazetteer does not know is not the area in force
        sub = parent is not None or bool(_SUB_WORDS.search(text, prefix_start, num_start))
        if parent is not None and not explicit:
            metric, label = parent.metric, parent.label
        assert metric is not None
        scope = lex.scope[scope_m.group()] if scope_m else lex.scope.get(suffix_scope or "")
        # 累计本土确诊病例63082例，治愈出院62458例，死亡595例: a running total heads a list of running
        # totals; the next items, with no measure word of their own, share its measure and scope.
        running = (
            prev_count
            if measure_word is None
            and parent is None
            and prev_count is not None
            and prev_count.depth == depth == 0
            and prev_count.parent is None
            and prev_count.measure in ("cumulative", "current")
            and _LIST_GAP.fullmatch(text, prefix_start, clause_start)
            and not self.dated_between(prefix_start, num_start)
            else None
        )
        if running is not None:
            measure_word = running.measure
            if scope is None:
                scope = running.scope
        if scope is None and parent is None and _SUM_WORD.search(text, clause_start, num_start):
            # 本土确诊病例134例、本土无症状感染者7177例，合计新增感染者超过7300例: the sum of counts of
            # one scope has that scope.
            scope = self.sentence_scope(depth)
        if scope is None:
            if parent is not None:
                scope = parent.scope
            elif prev_count is not None and _COORD.match(text, prefix_start):
                scope = prev_count.scope
            elif prev_count is not None and prev_count.depth == depth and _SUB_WORDS.search(text, clause_start, num_start):
                scope = prev_count.scope  # 境外输入病例22例，含11例由无症状感染者转为确诊病例
            else:
                scope = "unspecified"
        measure = measure_word or (parent.measure if parent is not None else "new")
        if not regions:
            if parent is not None:
                regions = parent.regions if not parent.each else []
            elif state.region:
                regions = state.region
            elif self.home is not None:
                regions = [self.home]
        if not regions:
            return None
        each = bool(len(regions) > 1 and _EACH.search(text, max(prefix_start, num_start - 4), num_start))
        if depth > 0 and parent is not None:
            date, hours, dated = parent.date, parent.hours, parent.dated
        else:
            date, hours, dated = state.date, state.hours, state.dated
            if measure == "cumulative" and not state.here:
                dated = False  # 本轮疫情累计报告感染者超过6万例: a running total needs its own 截至 date
        starts = [num_start]
        if outcome_m is not None:
            starts.append(outcome_m.start())
        if metric_m is not None:
            starts.append(metric_m.start())
        if group is not None and group[0] >= clause_start:
            starts.append(group[0])
        if scope_m is not None:
            starts.append(scope_m.start())
        if measure_m is not None:
            starts.append(measure_m.start())
        count = _Count(
            start=min(starts),
            end=max(m.end(), self.consumed if suffixed else 0),
            value=value,
            metric=metric,
            scope=scope,
            measure=measure,
            qualifier=_qualifier(m, lex),
            regions=regions,
            each=each,
            date=date,
            hours=hours,
            dated=dated,
            depth=depth,
            explicit=explicit,
            sub=sub,
            parent=parent,
            label=label,
            suffix=suffixed,
        )
        if parent is not None and not explicit:
            parent.children.append(count)
        return count

    def heading(self, clause_start: int, state: _State, last_explicit: _Count | None) -> _Count | None:
        """The total a sentence opens with (新增本土确诊病例中,), if the clause at ``clause_start`` follows it.

        The heading names what the items after it count without giving a number; it stands for a total
        that makes no record, so its items are not checked against a sum. A heading that says only
        病例 (新增本土病例中,) counts what the paragraph's last total counts, else confirmed cases.
        """
        text, lex = self.text, self.lex
        i = bisect.bisect_left(self.heading_ends, clause_start + 1) - 1
        if i < 0:
            return None
        h = self.heading_matches[i]
        metric = lex.metric[h.group("metric")]
        if h.start() < self.sentence_start or metric == "other":
            return None
        if metric == "inherit":
            metric = last_explicit.metric if last_explicit is not None else "confirmed"
        k = bisect.bisect_left(self.metric_starts, h.end())
        if k < len(self.metric_starts) and self.metric_starts[k] < clause_start:
            return None  # a metric phrase since: the heading's items have ended
        cached = self.headings.get(h.start())
        if cached is not None:
            return cached
        brk = _last(_CLAUSE_BREAK, text, self.sentence_start, h.start())
        words_start = brk.end() if brk else self.sentence_start
        scope_m = _last(lex.scope_re, text, words_start, h.start())
        said = {lex.measure[x.group()] for x in lex.measure_re.finditer(text, words_start, h.start())}
        heading = _Count(
            start=h.start(),
            end=h.end("metric"),
            value=0,
            metric=metric,
            scope=lex.scope[scope_m.group()] if scope_m else "unspecified",
            measure=next((w for w in ("cumulative", "current", "new") if w in said), "new"),
            qualifier="exact",
            regions=state.region or ([self.home] if self.home else []),
            each=False,
            date=state.date,
            hours=state.hours,
            dated=state.dated,
            depth=0,
            explicit=True,
            sub=True,
            label=h.group("metric"),
            incomplete=True,
        )
        self.headings[h.start()] = heading
        return heading

    def attribute(self, count: _Count, end: int) -> int:
        """Read the clauses after ``count`` that describe it (为本土病例, 在北京); return where they end.

        Their scope word gives the count its scope when it has none; a place they name gets a record of
        the same count for that place (a breakdown item, so never the area in force). Later counts never
        read them: their prefix starts after them.
        """
        text, pos = self.text, count.end
        while (a := _ATTRIBUTION.match(text, pos, end)) is not None:
            body_start, body_end = a.span("body")
            if _count_re().search(text, body_start, body_end):
                break  # 为沙坪坝区3例: a count of its own
            scope_m = _last(self.lex.scope_re, text, body_start, body_end)
            if scope_m is not None and count.scope == "unspecified":
                count.scope = self.lex.scope[scope_m.group()]
            group = self.last_group(body_start, body_end)
            regions = [r for r in map(self.region_of, group[2]) if r is not None] if group is not None else []
            if group is not None and regions and regions != count.regions and not count.each and not count.zero:
                self.counts.append(
                    # The same count over the listed areas, as a breakdown item of ``count``.
                    dataclasses.replace(
                        count, end=group[1], regions=regions, each=False, explicit=False, sub=True, parent=count,
                        change=None, children=[], suffix=False, rest=0, incomplete=False,
                    )
                )
            pos = a.end()
        return pos

    def sentence_scope(self, depth: int) -> str | None:
        """The scope shared by every count of the sentence read so far at ``depth``, if one is."""
        scopes = self.sentence_scopes.get(depth, set())
        return next(iter(scopes)) if len(scopes) == 1 and "unspecified" not in scopes else None

    def dated_between(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.date_starts, start)
        return i < len(self.dates) and self.dates[i].start < end

    def residue(self, start: int, end: int, count_start: int, group: tuple[int, int, list[_Mention]] | None) -> bool:
        """Whether ``text[start:end]`` says more than a breakdown item does (dates and areas aside)."""
        chars = list(self.text[start:end])
        spans = [(group[0], group[1])] if group is not None and group[0] >= start else []
        i = bisect.bisect_left(self.date_starts, start)
        while i < len(self.dates) and self.dates[i].start < end:
            spans.append((self.dates[i].start, self.dates[i].end))
            i += 1
        for s, e in spans:
            for k in range(max(s, start), min(e, end)):
                chars[k - start] = " "
        rest = _RESIDUE_OK.sub("", "".join(chars[: count_start - start]))
        return bool(rest)

    def unknown_area(self, start: int, end: int) -> bool:
        for m in _UNKNOWN_AREA.finditer(self.text, start, end):
            if _NOT_AREA.search(m.group()):
                continue
            i = bisect.bisect_right(self.area_starts, m.end() - 1) - 1
            if i >= 0 and self.areas[i].end >= m.end():
                continue
            return True
        return False

    # -- checks -------------------------------------------------------------

    def check(self) -> None:
        for c in self.counts:
            kids = [k for k in c.children if k.depth == c.depth + 1]
            if len(kids) >= 2 and all(k.regions for k in kids) and not c.incomplete:
                total = c.rest + sum(k.value * (len(k.regions) if k.each else 1) for k in kids)
                if total != c.value and c.qualifier == "exact":
                    self.warn_sum(c, total, "breakdown by area")
            top = [k for k in c.children if k.depth == c.depth and k.scope != c.scope]
            if {k.scope for k in top} == {"local", "imported"} and c.scope == "unspecified":
                total = sum(k.value for k in top)
                if total != c.value:
                    self.warn_sum(c, total, "local and imported")
        index: dict[tuple[object, ...], int] = {}
        for c in self.counts:
            if not c.each and c.qualifier == "exact":
                index.setdefault(self.series_key(c, c.date), c.value)
        for c in self.counts:
            if c.change is None or c.change.vs_date is None or c.each or c.qualifier != "exact":
                continue
            earlier = index.get(self.series_key(c, c.change.vs_date))
            if earlier is not None and c.value - earlier != c.change.delta:
                self.warnings.append(
                    ArticleWarning(
                        code="change_mismatch",
                        message=(
                            f"{c.value} on {c.date} is said to change by {c.change.delta} from {c.change.vs_date}, "
                            f"but the article gives {earlier} for that day"
                        ),
                        evidence=self.doc.evidence(c.start, c.end),
                    )
                )

    @staticmethod
    def series_key(c: _Count, date: dt.date | None) -> tuple[object, ...]:
        return (date, tuple(r.name for r in c.regions), c.metric, c.scope, c.measure)

    def warn_sum(self, c: _Count, total: int, what: str) -> None:
        self.warnings.append(
            ArticleWarning(
                code="breakdown_sum_mismatch",
                message=f"the {what} sums to {total}, but the total given is {c.value}",
                evidence=self.doc.evidence(c.start, c.end),
            )
        )

    # -- records ------------------------------------------------------------

    def records(self) -> list[CaseCount]:
        out: list[CaseCount] = []
        seen: set[tuple[object, ...]] = set()
        for c in self.counts:
            if not c.dated:
                continue  # no date written anywhere before it: not a time-series point
            if c.date is not None and self.doc.published is not None and c.date > self.doc.published + _ONE_DAY:
                continue  # a count cannot be reported for a day after the article
            # A window (0—24时) is the period of the day's new counts; a running total or a current count
            # has none (累计治愈出院病例1478例 in a notice of 11月28日0—24时).
            start, end = window(c.date, c.hours) if c.measure == "new" else (None, None)
            groups = [[r] for r in c.regions] if c.each else [c.regions]
            for regions in groups:
                region = "、".join(dict.fromkeys(r.name for r in regions))
                code = regions[0].code if len(regions) == 1 else None
                key = (c.date, region, c.metric, c.scope, c.measure, c.value, c.start)
                if key in seen:
                    continue
                seen.add(key)
                out.append(
                    CaseCount(
                        article_id=self.doc.article_id,
                        date=c.date,
                        region=region,
                        region_code=code,
                        metric=c.metric,  # type: ignore[arg-type]
                        scope=c.scope,  # type: ignore[arg-type]
                        measure=c.measure,  # type: ignore[arg-type]
                        value=c.value,
                        qualifier=c.qualifier,  # type: ignore[arg-type]
                        period_start=start,
                        period_end=end,
                        change=c.change,
                        label=c.label,
                        evidence=self.doc.evidence(c.start, c.end),
                    )
                )
        return out


def extract(doc: Doc) -> tuple[list[CaseCount], list[ArticleWarning]]:
    """Every dated case count of the article, and the consistency warnings.

    Args:
        doc: the normalised article (body only).

    Returns:
        The records in text order, and warnings for breakdowns that do not sum
        to their total and changes that disagree with the earlier day's count.
    """
    reader = _Reader(doc)
    reader.read()
    reader.check()
    return reader.records(), reader.warnings
