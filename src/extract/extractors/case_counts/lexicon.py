"""The phrase lexicon of case counts (``data/metrics.tsv``, ``data/count_regions.tsv``) and the
patterns built from it: count numbers, zero counts, headings, metric phrases and the small word
classes the reader decides with. Data is checked when loaded."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Literal, NamedTuple, get_args

import datetime as dt
import ahocorasick_rs
import re

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ...anchored import AnyMatch, AnyPattern, group_numbers, std_compile
from ...errors import ResourceError
from ...models import Metric
from ...resources import alternation, compiled_on_first_use, read_data, tsv_rows, validated
from ..dates import CN_NUM, parse_cn_int

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
    def metric_re(self) -> re.Pattern[str]:
        return std_compile(alternation(self.metric))

    @functools.cached_property
    def metric_ac(self) -> ahocorasick_rs.AhoCorasick:
        """The metric phrases as an automaton, leftmost-longest: the matches of :attr:`metric_re` (an
        alternation longest first) at a fraction of the cost over a whole text. (A DFA: for a hundred
        short phrases it is small, and scans in about half the time of the default NFA.)"""
        return ahocorasick_rs.AhoCorasick(list(self.metric), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                          implementation=ahocorasick_rs.Implementation.DFA)

    @functools.cached_property
    def metric_ac_all(self) -> ahocorasick_rs.AhoCorasick:
        """The metric phrases as an automaton reporting every occurrence, overlapping ones too (a DFA, as
        :attr:`metric_ac`: every article's body is scanned with it)."""
        return ahocorasick_rs.AhoCorasick(list(self.metric), implementation=ahocorasick_rs.Implementation.DFA)

    @functools.cached_property
    def scope_re(self) -> re.Pattern[str]:
        return std_compile(alternation(self.scope))

    @functools.cached_property
    def measure_re(self) -> re.Pattern[str]:
        return std_compile(alternation(self.measure))

    @functools.cached_property
    def not_count_re(self) -> re.Pattern[str]:
        return std_compile(alternation(self.not_count))


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


@functools.cache
def load_countries() -> tuple[str, ...]:
    """Load and check ``data/countries.txt``: the Chinese names of the countries outside China (cached)."""
    name = "countries.txt"
    out: list[str] = []
    for lineno, line in enumerate(read_data(name).splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        if not regex.fullmatch(r"\p{Han}[\p{Han}·（）-]*", line) or line in out:  # 刚果（金）, 特里斯坦-达库尼亚群岛
            raise ResourceError(f"{name}:{lineno}: not a country's name, or one given twice: {line!r}")
        out.append(line)
    if not out:
        raise ResourceError(f"{name}: no names")
    return tuple(out)


@functools.cache
def _country_names() -> frozenset[str]:
    """The countries' names as the normalised (half-width) text writes them."""
    return frozenset(n.replace("（", "(").replace("）", ")") for n in load_countries())


#: One item of a list of counts by place (西班牙1例), and what may open the list.
_PLACE_ITEM = std_compile(r"\s*(?P<name>[^\d\s、,，和及]{2,16}?)\s*\d+\s*[例人名宗]\s*")
_ITEMS_OPENING = std_compile(r"\s*(?:其中|包括|含)?")
_ITEM_SEP = compiled_on_first_use(lambda: std_compile(r"[、,，和及]"))


def foreign_import(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` says the cases were brought in from a foreign country (新增尼泊尔输入…病例)."""
    i = text.find("输入", start, end)
    while i >= 0:
        if country_before(text, start, i):
            return True
        i = text.find("输入", i + 2, end)
    return False


def country_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with a foreign country's name (泰国|4例, 尼泊尔|输入): an item abroad.
    (Asked before every count: the last character is tested first, most end no country's name.)"""
    if end <= start or text[end - 1] not in _country_last_chars():
        return False
    names = _country_names()
    return any(text[end - k : end] in names for k in range(2, min(8, end - start) + 1))


@functools.cache
def _country_last_chars() -> frozenset[str]:
    """The last characters of the countries' names."""
    return frozenset(n[-1] for n in _country_names())


def foreign_items(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is only a list of counts in foreign countries (其中西班牙1例、美国1例):
    a bracket after a count of cases from abroad. (A set of names, not an alternation of 257: built at once.)"""
    opening = _ITEMS_OPENING.match(text, start, end)
    pos = opening.end() if opening is not None else start
    names = _country_names()
    items = 0
    while pos < end:
        item = _PLACE_ITEM.match(text, pos, end)
        if item is None or item.group("name") not in names:
            return False
        items += 1
        pos = item.end()
        if pos < end:
            if not _ITEM_SEP.match(text, pos, end):
                return False
            pos += 1
    return items > 0


#: The clause before an imported item's number that names where it came from (其中日本输入).
_ORIGIN_CLAUSE = compiled_on_first_use(lambda: std_compile(r"\s*(?:其中|含|包括)?\s*[:：]?\s*(?P<name>[^\s\d,，、:：]{2,16}?)\s*输入\s*"))


def foreign_origin(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names only a foreign country the counted cases came from (其中日本输入)."""
    m = _ORIGIN_CLAUSE.fullmatch(text, start, end)
    return m is not None and m.group("name") in _country_names()


# --------------------------------------------------------------------- patterns

# The disease as notices name it (2020 and after): 3例新型冠状病毒感染的肺炎确诊病例, 全省新型冠状病毒肺炎无新增…
_DISEASE = (
    r"(?:新冠肺炎病毒|新冠肺炎|新冠病毒肺炎|新冠病毒|新型冠状病毒感染的肺炎|新型冠状病毒感染肺炎|新型冠状病毒肺炎|新型冠状病毒(?!肺炎)|新型肺炎|2019冠状病毒病"  # Hong Kong government usage
    r"|武汉肺炎(?:\s*[(（][^()（）\n]{0,16}COVID-19[)）])?"  # 新增1712例武漢肺炎(新型冠狀病毒病,COVID-19)本土確診個案 (Taiwan's press)
    r"|(?:2019冠状病毒疾病|严重特殊传染性肺炎)?\s*[(（]COVID-19[)）]|COVID-19(?:\s*[(（](?:武汉肺炎|新冠肺炎|2019冠状病毒疾病)[)）])?)"  # 中央社: 209例2019冠狀病毒疾病(COVID-19)確診病例
    # (公布國內新增315例COVID-19(武漢肺炎)確診病例, 新增384例COVID-19(2019冠狀病毒疾病)本土病例: Taiwan's CDC)
)


@functools.cache
def _count_re() -> re.Pattern[str]:
    lex = load_metric_lexicon()
    before = alternation(p for p, v in lex.qualifier.items() if v in ("over", "about", "at_least"))
    after = alternation(p for p, v in lex.qualifier.items() if v == "over_after")
    tail = alternation(p for p, v in lex.qualifier.items() if v == "about_after")
    cn_start = "零〇一二两三四五六七八九十廿卅"
    return std_compile(
        rf"""
        (?P<qpre>{before})?\s*
        (?:
            (?<![\d.])(?<!\d,)(?P<wan>\d{{1,4}}(?:\.\d{{1,4}})?)\s?万       # 1.2万 (a count of ten thousands)
            (?P<wanrest>(?:\d{{4}}|\d,\d{{3}})(?![\d.]))?                     # 9万1038, 102 万2360, 146萬9,019 (中央社)
          | (?<![\d.第])(?<!\d,)(?P<num>\d{{1,3}}(?:,\d{{3}}){{1,3}}|\d{{1,3}}(?:\x20\d{{3}}){{1,3}}(?!\d)|\d{{1,9}})   # 6584, 4,191, 7 528 (香港衞生防護中心)
          | (?<![{CN_NUM}第])(?P<vague>上|数|几)(?P<vunit>百|千|万)       # 上千 — a lower bound
          | (?<![{CN_NUM}第])(?P<cn>[{cn_start}][{CN_NUM}]{{0,7}})        # 两千, 一千二百
        )
        (?P<qpost>{after})?\s*
        (?:(?P<unit>例|人(?![次员口数均])|名|宗)|(?=\s*(?:和|及)\s*(?:本土|境外输入性?)?(?:新冠肺炎)?(?:{lex.metric_re.pattern})))
        (?P<qtail>\s*(?:{tail}))?
        """,
        verbose=True,
    )


@functools.cache
def _count_candidate_re() -> re.Pattern[str]:
    """What every match of :func:`_count_re` contains: a number's last character (a digit or a Chinese
    numeral), its over-after qualifier, then the unit or the 和/及 its lookahead needs. Text without
    it cannot hold a count number, so the reader skips it without running the full pattern."""
    lex = load_metric_lexicon()
    after = alternation(p for p, v in lex.qualifier.items() if v == "over_after")
    return std_compile(rf"[\d{CN_NUM}](?:{after})?\s*(?:例|人|名|宗|和|及)")


@functools.cache
def _count_candidate_reverse_re() -> regex.Pattern[str] | None:
    """:func:`_count_candidate_re` searched from the end: it looks for the unit (rarer than a numeral)
    and reads back from it. Its matches cannot overlap (a numeral, the qualifier, blanks, the unit: no
    unit is a numeral or a qualifier), so they are the forward scan's, in reverse order. None when a
    qualifier of the lexicon holds a unit, a numeral or a blank (then matches could overlap)."""
    lex = load_metric_lexicon()
    words = "".join(p for p, v in lex.qualifier.items() if v == "over_after")
    if regex.search(rf"[\d\s{CN_NUM}例人名宗和及]", words):
        return None
    return regex.compile("(?r)" + _count_candidate_re().pattern)


@functools.cache
def _count_lead_re() -> re.Pattern[str]:
    """A character that can stand in a match of :func:`_count_re` before its number's last character:
    a qualifier's (超过, 约), a blank, a digit, a separator or a Chinese numeral (上千, 两千)."""
    lex = load_metric_lexicon()
    words = "".join(p for p, v in lex.qualifier.items() if v in ("over", "about", "at_least"))
    chars = "".join(sorted(set(words + CN_NUM + "零〇一二两三四五六七八九十上数几万,.")))
    return std_compile(rf"[\s\d{regex.escape(chars)}]")


@functools.cache
def _count_lead_run_re() -> regex.Pattern[str]:
    """The run of :func:`_count_lead_re` characters that ends where it is matched (searched backwards)."""
    return regex.compile(f"(?r){_count_lead_re().pattern}*")


def count_places(text: str, start: int, end: int) -> list[int]:
    """Where a number's last character is followed by its unit (or 和/及) in ``text[start:end]``: every
    place :func:`count_matches` needs in any window inside it (a place cannot start inside another's
    match: its qualifier, blanks and unit are no numerals), and a few more across line breaks."""
    reverse = _count_candidate_reverse_re()
    if reverse is None:
        return [c.start() for c in _count_candidate_re().finditer(text, start, end)]
    places = [c.start() for c in reverse.finditer(text, start, end)]
    places.reverse()
    return places


def count_matches(text: str, start: int, end: int, places: list[int] | None = None) -> list[re.Match[str]]:
    """The matches of ``_count_re().finditer(text, start, end)``, trying only where one can start.

    Every match holds a number whose last character is followed by the unit (or 和/及): the first such
    place ``y`` at or after the current position (:func:`_count_candidate_re`, or the next of the sorted
    ``places`` if given: any list holding every such place will do). A match starting before ``y``
    consists of qualifier, blank and number characters up to ``y``, so it can only start in the run of
    such characters that ends at ``y``; the pattern is tried at each place of that run (its lookbehinds
    see the text before, as in a scan), then the search goes on after ``y``.
    """
    pattern, lead_run = _count_re(), _count_lead_run_re()
    if places is None:
        places = count_places(text, start, end)
    out: list[re.Match[str]] = []
    pos = start
    for y in places[bisect.bisect_left(places, start) : bisect.bisect_left(places, end)]:
        if y < pos:
            continue
        run = lead_run.match(text, pos, y)  # back from y, not before pos
        first = run.start() if run is not None else y
        for x in range(first, y + 1):
            m = pattern.match(text, x, end)
            if m is not None:
                out.append(m)
                pos = m.end()
                break
        else:
            pos = y + 1
    return out


@functools.cache
def cleared_re() -> regex.Pattern[str]:
    """A count stated cleared (黑河市爱辉区新冠肺炎确诊病例清零, 在院确诊病例全部清零): a current zero, with the
    groups of :func:`_zero_re` (``mods`` before the metric phrase; nothing aimed at: 力争…清零)."""
    lex = load_metric_lexicon()
    return regex.compile(
        rf"""
        (?<!(?:力争|争取|确保|尽快|早日|实现|推动|推进|加快)[^,，。;；]{{0,12}})
        (?P<mods>(?:现有|在院|本土|本地|{_DISEASE})*)
        (?P<metric>{lex.metric_re.pattern})
        (?:已经?|全部|均已|已全部)?清零
        """,
        regex.VERBOSE,
    )


@functools.cache
def _zero_re() -> regex.Pattern[str]:
    lex = load_metric_lexicon()
    return regex.compile(
        rf"""
        (?:未报告|未发现|未新增|没有报告|没有发现|没有新增|无新增|无报告|零新增|尚未有|尚无|暂无
           |(?<![有并])(?:无|未有)(?=疑似|死亡|无症状感染者转|重症|重型|危重|在院|现有|转为确诊|转确诊|境外输入|(?:本地|本土)(?:和|及)境外|(?:本地|本土)?确诊|(?:本地|本土)疑似|(?:本地|本土)报告新增|{_DISEASE}(?:新增|确诊)))  # 无疑似病例, 无死亡病例, 当日无转为确诊病例, 截至…，铜梁区无新型冠状病毒感染的肺炎确诊病例 (never 无症状感染者)
        (?P<mods>(?:新增|报告|本土|本地|(?:和|及)(?=境外)|境外输入性?|{_DISEASE}|在院|现有)*)  # 无本地和境外输入新增…: both
        (?:危重\s*(?:和|及|与|、)\s*(?=死亡))?  # 无危重和死亡病例: the deaths' zero (a bare 危重 is no metric)
        (?!危重(?![症型病]))  # a bare 危重 counts only before its number (现有危重2例)
        (?P<metric>{lex.metric_re.pattern})
        """,
        regex.VERBOSE,
    )


# What may stand between a list of areas and 未报告…: "等7个区", "均", "连续3天", "已连续14天以上".
# (北京：无新增报告境外输入确诊病例 in a round-up of the provinces: the area heading its line; 我省新型冠状病毒肺炎
# 无新增确诊病例: the disease's name before the zero)
_ZERO_GAP = std_compile(r"\s*[:：]?\s*(?:区内|省内|市内|县内|境内|辖区内)?\s*(?:(?:今|昨)?\s*[(（]?\d{1,2}[)）]?\s*日|今日|今天|当日|当天)?\s*(?:等\s*(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*个?\s*(?:区县|区|县|地区|街道|镇街)?)?\s*" + rf"(?:{_DISEASE})?" + r"\s*(?P<scope>本土|本地|境外输入)?\s*(?:均|都|也|仍|现|目前)?\s*(?:已经?)?\s*(?:连续\s*(?:\d{1,4}|[一二两三四五六七八九十百多]{1,4})\s*个?\s*[天日](?:以上)?内?)?\s*(?:报告)?\s*")
#: The direction of a change against an earlier day (较29日减少, 比前一日增加).
CHANGE_DIRECTIONS = r"增加|减少|上升|下降|增长|回落|多|少"
# A change against an earlier day at the end of a prefix: 较29日减少 / 比前一日增加了.
_CHANGE = compiled_on_first_use(lambda: std_compile(
    rf"(?:较|比|与)(?P<ref>[^,，;；。()（）]{{0,14}}?)(?:[(（]\s*\d+\s*例\s*[)）])?(?:相比|比较)?[,，]?\s*(?P<dir>{CHANGE_DIRECTIONS})了?\s*(?:报告)?\s*$"
))
# The day's change of a current count written after it (现有重症病例10644例，当日减少628例).
_DAY_CHANGE = compiled_on_first_use(lambda: std_compile(r"[,，]\s*(?P<ref>当日|当天)(?P<dir>增加|减少|上升|下降)了?\s*$"))
# Words that make a metric-less count a breakdown of the total before it.
_BREAKDOWN_WORDS = compiled_on_first_use(lambda: std_compile(r"其中|当中|含|报告|新增|共|各|分别|本土|本地|境外|病例"))
_SUBSET_AFTER = compiled_on_first_use(lambda: std_compile(r"\s*(?:均为|均系|为(?!最多|最高|主)|是|系|在|曾在|曾到|曾赴|来自|与(?=[^,，。;；]{1,30}?(?:有关|相关|关联))|属于|\d{1,3}\s*岁|男子|女子|(?:经)?复核)"))  # 其中一名56岁男子: one person described; 其中1名复核确认为阳性: one reviewed
# A part of the total before, named by its scope after the number (其中86例为境外输入病例, 3例为本土病例).
# (境外（英国）输入病例: the origin may stand in brackets inside the scope.)
# (新增確診病例2例,均為本地確診病例,0例輸入: Macau's notices name the imported part by 输入 alone.)
_SCOPE_PART = compiled_on_first_use(lambda: regex.compile(
    r"\s*(?:均)?(?:为|系|是|属)\s*(?P<scope>境外(?:[(（][^()（）\n]{1,12}[)）])?(?:输入|移入)性?|输入性?|本土|本地)(?:确诊)?(?:病例|个案)(?![\p{Han}])"
    # (其中312例本土，3例境外移入: Taiwan's CDC writes the scope alone after the number.)
    r"|\s*(?:(?:均)?(?:为|系|是|属)\s*)?(?P<scope>境外输入|境外移入|外地输入|输入|本土|本地)(?:感染)?例?(?=\s*[,，、;；。])"  # 1宗输入、130宗本地感染 (Hong Kong; 五宗为外地输入)
))
_REST_ITEM = compiled_on_first_use(lambda: std_compile(r"其他|其它|其余|另有|余下"))
_SUB_WORDS = compiled_on_first_use(lambda: std_compile(r"其中|当中|(?<![(（])含|包括|分别是|分别为"))  # not 新疆（含兵团）: a note on the area
_SUM_WORD = compiled_on_first_use(lambda: std_compile(r"合计|共计|总计|合共"))
# What may open a clause that states a zero for the area in force (6月13日0—24时，本地无新增确诊病例).
# (该市无新增…: the city named last, see _Reader.area_named_by; 另確診個案中無新增死亡: among the cases, none died)
_ZERO_OPENING = std_compile(rf"\s*(?:其中\s*[,，]?\s*|另外?|此外\s*[,，]?\s*|同时)?(?:(?:确诊)?(?:个案|病例)中\s*[,，]?\s*)?(?:现|目前|至今)?(?:本土|本地|境外输入|当日|当天|同日|今日|全省|全市|全区|本市|本省|(?P<that>该[市县区省州]))?\s*{_DISEASE}?\s*")
# States a patient is in (severe, critical, suspected): under a running total they count patients
# now in that state (截至…24时，…疑似病例7例 / 无疑似病例 are current, not ever).
_SEVERITY = compiled_on_first_use(lambda: std_compile(r"重症|重型|危重|疑似|病情平稳"))
# People counted who are not cases: 313名东风本田公司复工人员, 4190名失业人员.
_OTHER_PEOPLE = compiled_on_first_use(lambda: std_compile(r"[^\d,，;；。()（）]{0,12}?(?:人员|员工|职工|工人|学生|旅客|乘客|志愿者|党员|干部|群众|居民|村民|农民工|专家)"))
# A metric-less count of patients in hospital: 56例在定点医院进行隔离治疗, 30例在院治疗.
_IN_HOSPITAL = compiled_on_first_use(lambda: std_compile(
    r"\s*(?:正|仍|均)?在(?:定点医院|定点救治医院|医院|院|[^,，。;；\d\n]{1,14}?(?:医院|医疗机构))(?:进行|接受)?(?:隔离)?(?:观察)?治疗"))  # (在益阳市第四人民医院进行隔离治疗, 在定点医院隔离观察治疗)
# The provinces that report to the NHC, written as a number of them: the country.
_NATIONAL = compiled_on_first_use(lambda: regex.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*个?\s*省(?:份|市区|市|区市)?"
    r"(?:\s*\((?:自治区|区)\s*[、,]\s*(?:直辖市|市)\)|\s*\(区\s*[、,]?\s*市\))?"
    r"(?:\s*(?:和|及)\s*新疆(?:生产建设)?兵团)?"
    # 31個?。ㄗ灾螀^、直轄市)和新疆生產建設兵團報告 (a repost's mojibake): the brackets' end and the corps remain.
    r"|(?<=[)）]\s*)(?:和|及)\s*新疆生产建设兵团(?=\s*(?:累计)?\s*报告)"
))
# A Weibo headline inside the text: 【#重庆新增25例累计确诊300例#】
_HEADLINE = std_compile(r"【[^】\n]{1,120}】")
# Where counted cases were found: 在隔离管控中发现, 在集中隔离点发现, 在隔离管控人员中发现.
_FOUND_IN = compiled_on_first_use(lambda: std_compile(r"\s*(?:均)?(?:在|(?:属于?|为)(?=[^,，;；。()（）]{1,16}?发现))[^,，;；。()（）]{1,16}?(?:中|内)?(?:被)?发现"))  # 33宗属社区发现 (Macau)


def found_in(phrase: str) -> tuple[str, str]:
    """The metric and label of a count of the cases found somewhere (``phrase`` as :data:`_FOUND_IN`
    matches it): ``other``, labelled from 在 on (在隔离管控人员中发现) or without 属/为 (社区发现); cases
    found in the community are community infections (33宗属社区发现, 在社会面筛查中发现)."""
    said = phrase.strip().removeprefix("均").removeprefix("都")
    label = "在" + said.split("在", 1)[1] if "在" in said else said.removeprefix("属于").removeprefix("属").removeprefix("为")
    community = label.startswith("社区发现") or "社会面" in label
    return ("community_infections" if community else "other"), label
# A short line heading a notice's section: 本土病例情况 / 境外输入病例情况.
_SECTION_NUMBER = r"\s*(?:[一二三四五六七八九十\d]{1,2}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,2}[)）])"
_SECTION = regex.compile(
    rf"(?:{_SECTION_NUMBER})?"  # 一、境外输入疫情 / 二、本地疫情
    r"\s*\p{Han}{0,6}?(?P<scope>本土|本地|境外输入性?|境外)\p{Han}{0,10}\s*"
)
#: Any numbered heading (三、密切接触者): it ends the section before.
_NUMBERED_HEADING = compiled_on_first_use(lambda: regex.compile(rf"{_SECTION_NUMBER}\s*\p{{Han}}{{2,16}}\s*"))
# A Weibo topic tag inside a post: #新疆新增本土病例112例#
_TOPIC_TAG = compiled_on_first_use(lambda: std_compile(r"#[^#\n【】]{1,40}#"))
# A metric phrase that says the state goes on (正在接受医学观察): a current count.
_ONGOING = compiled_on_first_use(lambda: std_compile(r"正在|仍在|尚在|仍接受"))
# A sentence opening a running total as of now (截至目前，…累计确诊17例): the article's day.
# Its source may come first (指挥中心统计，截至目前国内累计…).
_UNTIL_NOW = std_compile(r"\s*(?:[^,，。;；:：\n]{1,16}?(?:统计|通报|消息|表示|介绍|指出)[,，:：]?\s*)?(?:(?:截至|截止|截止到)(?:目前|今日|今天|发稿时|记者发稿时)|[自从][^,，。;；:：\n]{2,14}?至今|本轮疫情(?:发生)?以来)")  # (自12月26日至今，当地已累计…)
# A sentence about the present (目前共追踪到…, 当前…) without a date of its own.
# (指挥中心统计，目前全国累计…: its source may come first, as before 截至目前; 自2020年起累计575例…死亡病例: a
# running total since a year, no day of its own)
_NOW_OPENING = std_compile(r"\s*(?:[^,，。;；:：\n]{1,10}?(?:统计|通报|消息|表示|介绍|指出)[,，:：]?\s*)?(?:目前|当前)"
                           r"|\s*自\s*(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月)?(?:起|以来)")
_NEW_WORD = compiled_on_first_use(lambda: std_compile(r"新增|新发现|当日"))
_NO_CASE_YET = compiled_on_first_use(lambda: std_compile(r"尚未有|尚无|暂无"))
# Close contacts who became cases: 15人转为确诊病例 / 7人诊断为确诊病例 in a sentence about contacts.
_CONVERSION_AFTER = compiled_on_first_use(lambda: std_compile(r"\s*(?:已)?(?:诊断为|确诊为|转为|转归为)(?:新冠肺炎)?(?:确诊病例|疑似病例|无症状感染者|确诊)"))
_CONTACTS = compiled_on_first_use(lambda: std_compile(r"密切接触者|密接"))
# Before 确诊 in a sentence about contacts: contacts who became cases (其中已确诊5人, 转为确诊…).
_CONTACT_OUTCOME = compiled_on_first_use(lambda: std_compile(r"已|转为|诊断为"))
_CLAUSE_SEMI = compiled_on_first_use(lambda: std_compile(r"[;；]"))
#: A zero said of local and imported cases at once (无本地和境外输入新增确诊病例).
_BOTH_SCOPES = std_compile(r"(?:本地|本土)(?:和|及)境外")
#: Where a run of clauses about one area ends: a semicolon or a sentence's end.
_SEGMENT_END = compiled_on_first_use(lambda: std_compile(r"[;；。!?！？]"))
# (A comma between digits before three more is a thousands separator: 本土确诊者分别达1,902、110和67例.)
_CLAUSE_BREAK = compiled_on_first_use(lambda: std_compile(r"[，;；:：(（)）【】]|,(?!(?<=\d,)\d{3}(?!\d))"))
_SENTENCE_END = std_compile(r"[。!?！？]")
_LIST_SEP = std_compile(r"\s*(?:、|和|及|与|以及)\s*")
_EACH = compiled_on_first_use(lambda: std_compile(r"(?:各|均为|均是|均|都是|皆为)\s*(?:报告|新增|有)?\s*$"))
_COORD = compiled_on_first_use(lambda: std_compile(r"\s*[,，;；、]?\s*(?:和|及|以及|、)"))
_SUFFIX_METRIC_LEAD = std_compile(
    r"\s*(?:由|(?:被)?诊断为|为|是|系|已|属于?)?(?:(?:既往|此前|之前|前期)(?:通报|报告|发现)?(?:的)?)?"  # 7例由既往无症状感染者转为确诊病例, 52例为此前的…, 7例为既往通报的…; 经市专家组会诊,1人诊断为确诊病例
    r"(?P<new>新增)?"  # 中心调查8宗新增2019冠状病毒病确诊个案 (Hong Kong)
    r"(?:县内|市内|区内|省内|辖区内)?"  # 公布5名縣內確診個案: the area's own cases
    r"(?:(?!境外)[\u4e00-\u9fff]{2,6}?输入的)?"  # 1例湖北输入的无症状感染者: brought in from elsewhere in China (no scope)
    r"(?:有症状(?=确诊))?"  # 当中15人为有症状确诊 (Macau)
    rf"(?:(?:{_DISEASE}|新冠)(?=本土|本地|境外|确诊))?"  # 3名新冠肺炎本土确诊病例, 813宗新冠确诊个案 (Hong Kong)
    r"(?P<scope>本土|本地|境外输入性?|境外(?=\s*[(（][^()（）\d]{1,12}[)）]\s*输入)|境外|输入性?(?=个案|病例|案例))?(?:(?<=本地)感染的)?"  # 954宗输入个案 (4宗属输入案例, 7 514宗本地感染的…: Hong Kong)
    # 1例输入性新型冠状病毒感染的肺炎确诊病例 (January 2020: brought in from Hubei, no scope of the contract's)
    rf"(?:输入性(?={_DISEASE}(?:确诊)?(?:个案|病例)))?"
    r"(?:\s*[(（][^()（）\d]{1,12}[)）]\s*输入性?)?"  # 1例境外（英国）输入新冠肺炎确诊病例
    rf"{_DISEASE}?"  # 3例新型冠状病毒感染的肺炎确诊病例
    # 7 528宗严重急性呼吸综合症冠状病毒2(新型冠状病毒)的核酸检测阳性个案: the Hong Kong government's name of the virus
    r"(?:严重急性呼吸综合症冠状病毒2\s*[(（]新型冠状病毒[)）]\s*的)?"
)
# After a count and its metric: what the count is (为此前无症状感染者转归) or where it was found (在隔离管控中发现).
_SUFFIX_REST = compiled_on_first_use(lambda: std_compile(r"[^,，;；。()（）【】\n]{1,30}"))  # a headline's 】 ends the clause too
# A running total written right after a count and its metric: 重庆新增5例确诊病例累计211例.
# Or the next area's count of the sentence: 吉林市新增3例确诊病例、长春市新增1例无症状感染者; or another count
# joined to it (新增1例阳性感染者、1例初筛阳性感染者).
_NEXT_TOTAL = compiled_on_first_use(lambda: std_compile(
    r"\s*(?:(?:累计|现有|共计|合计)(?:确诊|报告)?\s*\d|、[^,，;；。、\d]{1,10}?(?:再|又)?(?:新增|报告|累计|现有)\s*\d|、\s*\d+\s*[例名人宗])"
))
_CONVERTED = compiled_on_first_use(lambda: std_compile(r"转归|转为确诊|转确诊|订正为确诊"))  # (含9例无症状感染者订正为确诊病例)
# A clause after a count that only describes it: its scope (为本土病例) or where it was found (在北京, 均在沙坪坝区,
# 患者在天津).
_ATTRIBUTION = compiled_on_first_use(lambda: regex.compile(
    r"\s*(?:[,，]\s*(?:(?:患者|该患者|该病例)(?=在|为|系|属))?(?P<body>(?:均|都|全部|分别|同样(?=来自))?(?:为|系|是|在|位于|来自|分布在|分布于|属于?(?!地)|由(?=无症状))[^,，;；。:：()（）\n]{1,24})"
    # 新增危重型病例1例为铜梁区: with no comma, only 为/在 and a short place clause.
    r"|(?P<body>(?:均)?(?:为|在|位于)[^,，;；。:：()（）\n]{1,12})"
    # 新增本地确诊病例2例（吉林市）: a bracket that names only the place; （22日23时确诊）: a note on the count.
    # （为湖北省输入，长寿区报告）: the same after where the cases came from in China.
    r"|\s*[(（]\s*(?:(?:均|都)?(?:为|系)(?!境外)\p{Han}{2,8}?输入\s*[,，]\s*)?(?P<body>(?P<bracket>[^()（）,，;；。:：\n]{2,24}))\s*[)）])(?=\s*(?:[,，;；。(（、)）:：]|$))"
    # 新增2例新冠肺炎确诊病例（确诊病例10、11，昆都仑区）: the cases' numbers, then their place.
    r"|\s*[(（]\s*(?:确诊病例|病例|无症状感染者)\s*\d+(?:\s*[、至\-—]\s*\d+)*\s*[,，]\s*(?P<body>(?P<bracket>[^()（）,，;；。:：\n\d]{2,12}))\s*[)）](?=\s*(?:[,，;；。(（、)）:：]|$))"
    # 新增境外输入确诊病例4例（在成都，其中3例…）: a bracket opening with where they are, then its parts.
    r"|\s*[(（]\s*(?P<body>(?:均)?(?:在|位于)[^()（）,，;；。:：\n\d]{1,12})(?=[,，])"
    # 尚有无症状感染者4例（均为境外输入，其中尼泊尔3例、印度1例）, 确诊病例4例（境外输入，均为…转确诊）: a bracket
    # opening with the scope they all have.
    r"|\s*[(（]\s*(?P<body>(?:(?:均|都|全部)(?:为|系))?(?:境外输入|本土|本地)[^()（）,，;；。:：\n\d]{0,8})(?=[,，])"
))
# What may stand in a clause around a count that breaks down the total before it; anything else
# (入境人员3697例) makes it a count of something the lexicon does not name.
_RESIDUE_OK = regex.compile(
    r"分别在|其中|当中|另外|另有|同时|而|其次(?:为|是)?|(?<=本土|本地|境外输入|境外移入|病例)则有|含|包括|报告|新增|增加|增至|共计|共|合计|各|分别|为|有|是|的|达|再|又|从|到|单日|当日|均|累计|现有|地区|"
    r"分布在|分布于|分布为|分布是|"
    r"(?:仍|则)?以(?=\s*$)|"  # 其中以上海865例为最多: the largest item of the list
    r"居住(?:县市|地区|地|区域)?|县市|"  # 新增个案居住县市分别为新北市106例 (Taiwan's CDC): where the cases live
    r"\p{Han}{1,8}[·•・‧](?=\s)|"  # 开发区·铁山区4例: a zone joined by a middle dot to the district it lies in
    r"(?<=境外)\p{Han}{1,6}?(?=输入)|"  # 境外新加坡输入1例: imported, from where
    r"本土|本地|原有|境外输入性?|境外移入|境外|输入性?|病例|个案|占|新冠肺炎|"
    r"中国(?=\s)|"  # 中国香港5例，中国澳门2例: the country before its region (the region blanked here)
    # 兵团第四师可克达拉市62团2例: the Corps' division before the city, the regiment after it (not 兵团第四师10例: a division's own count)
    r"(?:新疆生产建设)?兵团(?=第)|第[一二三四五六七八九十]{1,3}师(?=\s)|(?<=\s)\d{1,3}团|"
    r"等\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*个?\s*(?:区县|区|县|地区|省份|省)?|"
    r"[(（][^()（）\n]{0,12}?(?:下辖|所辖|代管|隶属)[^()（）\n]{0,10}[)）]|"  # 东兴市(防城港市下辖县级市)69例
    r"[\s,，;；:：、()（）和及与—•●◆■▪►▶]"  # (其中——石家庄市69例: a dash opens the list; • 吉林1340例: a bullet)
)
# A place name the gazetteer does not know, right before what is counted (朝阳区新增…).
_UNKNOWN_AREA = regex.compile(
    r"\p{Han}{1,5}?(?:新区|区|县|市|州|省)(?=\s*(?:[,，]|的|共|累计|新增|报告|发现|现有|当日|今日|昨日|本土|境外|社会面|\d))"
)
# Words ending like a place that name no single place. Everything else that does and is not in the
# gazetteer (朝阳区, 该县, 高风险区, 某小区) is a place or a subset the count cannot be given to.
_NOT_AREA = compiled_on_first_use(lambda: std_compile(r"区县$|城市$|省市$|个(?:地市|市州|市|区|县|州|省)$"))  # 山西省11个市累计…
# What may stand between one item of a list of counts and the next: 63082例，治愈出院…
_LIST_GAP = compiled_on_first_use(lambda: std_compile(r"[\s,，、;；]*"))
# A sentence opening that goes on with the area of the sentence before.
_CARRY_OPENING = std_compile(r"\s*(?:其中|同时)")
_SHARE_BEFORE = std_compile(r"(?:占|含|包括|包含)\s*$")
# A date that ends a running total (截至11月3日24时): counts with no measure word under it are cumulative.
_SINCE_BEFORE = std_compile(r"(?:截至|截止|截止到|截至到)\s*$")
_UNTIL_HOUR = std_compile(r"\s*(?:凌晨)?\s*(\d{1,2}|零)\s*[时点]")  # 截至今日凌晨零时: the midnight that opens the day
_SKIP_DATE_BEFORE = std_compile(r"(?:较|比|与|相比)\s*$")
_SKIP_DATE_AFTER = std_compile(r"\s*(?:以来|起|开始|至今|之前|以前|前|之后|以后)")
_RELATIVE_PREV = std_compile(r"前一[日天]|昨[日天]|上一[日天]|前日")
_OPEN = "(（"
# An issuing government body (上海市卫生健康委员会, 重庆市九龙坡区人民政府), whose 本市 is its own.
_OFFICIAL_BODY = compiled_on_first_use(lambda: std_compile(r"政府|委员会|卫健委|卫生健康委|办公室|办公厅|指挥部|领导小组|局$|厅$"))
_ONE_DAY = dt.timedelta(days=1)
_FIRST_DAY = dt.date(2019, 12, 1)  # no COVID-19 case was reported before December 2019
_CLOSE = ")）"


class CountGroups(NamedTuple):
    """The numbers of the named groups of :func:`_count_re`."""

    qpre: int
    wan: int
    wanrest: int
    num: int
    vague: int
    vunit: int
    cn: int
    qpost: int
    unit: int
    qtail: int


#: The patterns :func:`count_groups` was asked about, with their groups.
_COUNT_GROUPS: list[tuple[AnyPattern, CountGroups]] = []


def count_groups(pattern: AnyPattern) -> CountGroups:
    """The group numbers of ``pattern`` (:func:`_count_re`; asked with ``m.re``): every count number is
    read several times, by number (see :func:`..anchored.group_numbers`).

    Looked up by identity, not in a cache keyed by the pattern: hashing a pattern of the standard
    ``re`` module hashes its whole compiled program (thousands of words for this one) every time.
    """
    for known, groups in _COUNT_GROUPS:
        if known is pattern:
            return groups
    numbers = group_numbers(pattern, *CountGroups._fields)
    assert numbers is not None  # _count_re has every one of them
    _COUNT_GROUPS.append((pattern, CountGroups(*numbers)))
    return _COUNT_GROUPS[-1][1]


def _value(m: AnyMatch) -> int | None:
    g = count_groups(m.re)
    num, wan, vague = m.group(g.num, g.wan, g.vague)
    if num:
        return int(num.replace(",", "").replace(" ", ""))
    if wan:
        return round(float(wan) * 10_000) + int((m.group(g.wanrest) or "0").replace(",", ""))
    if vague:
        return {"百": 100, "千": 1000, "万": 10_000}[m.group(g.vunit)]
    return parse_cn_int(m.group(g.cn))


def _qualifier(m: AnyMatch, lex: MetricLexicon) -> str:
    g = count_groups(m.re)
    vague, qpre, qpost, qtail = m.group(g.vague, g.qpre, g.qpost, g.qtail)
    if vague:
        return "at_least"
    if qpre:
        return lex.qualifier[qpre]
    if qpost:
        return "over"
    if qtail:
        return "about"
    return "exact"


# What follows a metric phrase that heads a list: 新增本土确诊病例中, / 无症状感染者中： / 通报确诊病例：香港特别行政区8例，…
_HEADING_TAIL = (r"\s*(?:[(（]\s*\d+\s*(?:例|人)\s*[)）]\s*)?(?:(?:当中|之中|中|里面)\s*[,，:：](?:\s*按照?[^,，:：。\d\n]{1,10}?(?:统计|划分|分布)\s*[,，:：])?|(?:按[^,，:：。\d\n]{1,8}?(?:统计|划分|分布)(?:如下)?|报告地区|地区分布|分布地区)?\s*[:：](?!\s*\d)|方面\s*[,，:：](?!\s*(?:为|是)?\s*\d)|(?:乡镇市区?|乡镇|县市|区县)?分布(?:状况|情况)\s*[,，:：](?!\s*\d)"
                 r"|(?=[,，]\s*居住(?:县市|地区|地)?(?:分别|分布)(?:为|是|在)))")
# (成都新增本土感染者按报告地统计：天府新区18例，…: the items listed by where they were reported — 已确诊病例中，按照病例管理地区划分，… too; 累计确诊病例(935例)中，…:
# the total in brackets; 今天新增本土…个案，居住县市分别为新北市106例，… — Taiwan's CDC — where the cases live;
# 至於確診鄉鎮市分布狀況,頭份市362例、… — by township.)
_HEADING_TAIL_RE = std_compile(_HEADING_TAIL)


@functools.cache
def _heading_re() -> re.Pattern[str]:
    """A metric phrase heading a list of items: 新增本土确诊病例中, / 无症状感染者中："""
    lex = load_metric_lexicon()
    return std_compile(rf"(?P<metric>{lex.metric_re.pattern}){_HEADING_TAIL}")


def metric_occurrences(text: str, start: int, end: int, lex: MetricLexicon) -> list[tuple[int, int]]:
    """Every occurrence of every metric phrase in ``text[start:end]`` (overlapping ones too), as
    ``(start, end)`` sorted (by start, then end): one automaton pass that both :func:`metric_starts`
    and :func:`heading_matches` can read."""
    found = [(start + s, start + e) for _, s, e in lex.metric_ac_all.find_matches_as_indexes(text[start:end], overlapping=True)]
    found.sort()
    return found


def metric_starts(
    text: str, start: int, end: int, lex: MetricLexicon, occurrences: list[tuple[int, int]] | None = None
) -> list[int]:
    """Where the matches of ``lex.metric_re.finditer(text, start, end)`` start.

    Given the :func:`metric_occurrences` of the same span, they are read off them: the alternation
    (longest first) matches at the first place where some phrase starts, the longest phrase there, and
    goes on after it (leftmost-longest); else they are found by the leftmost-longest automaton.
    """
    if occurrences is None:
        return [start + s for _, s, _ in lex.metric_ac.find_matches_as_indexes(text[start:end])]
    longest: dict[int, int] = {}  # the end of the longest phrase at each start, in text order
    for s, e in occurrences:
        longest[s] = e  # sorted by end at one start: the last is the longest
    out: list[int] = []
    pos = start
    for s, e in longest.items():
        if s >= pos:
            out.append(s)
            pos = e
    return out


def heading_matches(
    text: str, start: int, end: int, lex: MetricLexicon, occurrences: list[tuple[int, int]] | None = None
) -> list[re.Match[str]]:
    """The matches of ``_heading_re().finditer(text, start, end)``.

    The pattern can only match where some metric phrase starts and the heading's tail follows it, so
    only those places are tried (every occurrence of every phrase, overlapping ones too: the
    alternation falls back to a shorter phrase when the longest is not followed by the tail).
    ``occurrences``: the :func:`metric_occurrences` of the same span, if found already.
    """
    if occurrences is None:
        occurrences = metric_occurrences(text, start, end, lex)
    places = sorted({s for s, e in occurrences if _HEADING_TAIL_RE.match(text, e, end)})
    heading = _heading_re()
    out: list[re.Match[str]] = []
    pos = start
    for place in places:
        if place < pos:
            continue
        m = heading.match(text, place, end)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


@functools.cache
def paired_count_re() -> re.Pattern[str]:
    """After a number with no unit: 和/及, a metric and a number with its unit (确诊病例914和无症状感染者25173例).
    Without the unit (确诊病例2和无症状感染者1均已转运) the numbers are case labels, not counts."""
    lex = load_metric_lexicon()
    return std_compile(
        rf"\s*(?:和|及)\s*(?:本土|境外输入性?)?(?:新冠肺炎)?(?:{lex.metric_re.pattern})\s*\d[\d,]*\s*(?:例|人|名|宗)"
    )


@functools.cache
def _coordinated_item_re() -> re.Pattern[str]:
    lex = load_metric_lexicon()
    return std_compile(
        rf"\s*(?:以及|和|及|、)\s*(?:\d{{1,3}}(?: \d{{3}})+|\d{{1,9}})\s*(?:例|宗|名)(?:本土|本地|境外输入性?|输入性?)?(?:新冠肺炎)?(?:{lex.metric_re.pattern})(?:个案|病例)?"
    )  # 和1例本土无症状感染者; 包括18751宗本地确诊个案及954宗输入个案, …及4 480宗状况待定个案 (Hong Kong)


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
def _outcome_gap_re() -> re.Pattern[str]:
    """What may stand between an outcome and the population noun it governs: scope and measure words, 的."""
    lex = load_metric_lexicon()
    words = alternation([*lex.scope, *lex.measure, "新冠肺炎", "新冠病毒", "的", "中"])
    return std_compile(rf"(?:\s|{words}){{0,8}}")


def said_measure(said: set[str]) -> str | None:
    """The measure several measure words say together: 累计报告新增感染者 is cumulative, 现有/尚在
    current, else 新增 new; None when none was said."""
    return next((w for w in ("cumulative", "current", "new") if w in said), None)


_STILL_GAP = compiled_on_first_use(lambda: std_compile(r"\s*(?:尚|仍|正)?(?:在)?\s*"))


def _governing_metric(
    text: str, start: int, end: int, lex: MetricLexicon
) -> tuple[re.Match[str] | None, re.Match[str] | None]:
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
    if (
        prev is not None
        and last is not None
        and lex.metric[last.group()] == "close_contacts"
        and "观察" in last.group()
        and lex.metric[prev.group()] in ("asymptomatic", "confirmed")
        and _STILL_GAP.fullmatch(text, prev.end(), last.start())
    ):
        # 现有本土无症状感染者尚在接受隔离医学观察0例: the state the cases are in, not close contacts.
        return None, prev
    return None, last


#: The last clause break before a place, searched backwards from it (one character: the last match of a scan).
_CLAUSE_BREAK_LAST = compiled_on_first_use(lambda: regex.compile(r"(?r)" + _CLAUSE_BREAK.pattern))


def _last(pattern: AnyPattern, text: str, start: int, end: int) -> AnyMatch | None:
    if pattern is _CLAUSE_BREAK:
        return _CLAUSE_BREAK_LAST.search(text, start, end)
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 — keep the last
        pass
    return found

