"""Per-case lists: one count per area, the number of cases the list gives for it.

Shanghai, Beijing, Tianjin, Guangzhou and Shenzhen report new cases one by one, with where each
lives::

    病例1—病例510，居住于浦东新区，
    病例2、病例3，暂住于宝山区
    确诊病例5至9：现住海淀区
    病例1，某男，48岁，河北唐山人，工作单位为北京新发地市场，现住丰台区。
    个案1居住在南海区桂城街道,个案3-个案20居住在顺德区大良街道
    无症状感染者1—无症状感染者4，居住于普陀区
    (a notice of one case) 新增1例本土无症状感染者，系…发现，居住于立山区

An *item* is a reference to one case or a range of cases (``病例1``, ``病例1—病例510``,
``无症状感染者1—无症状感染者4``, ``确诊病例5至9``) written at the start of a clause; the items
before one place of residence (``居住于``/``现住``/``暂住于``…, then an area) are that area's. Items
with no residence (a case who only works somewhere) give nothing, unless the item says which county of
the notice's own province the case is from (患者1，邵某，男性，24岁，庆阳市宁县人): 2020 provincial
notices count a case there. Each (metric, area) becomes one
record whose value is the number of cases listed, marked ``summed`` and carrying the evidence of
every item it sums (``summed_items``); its ``evidence`` is the stretch of the list from its first
item to its last, the characters it was read from (other areas' items may lie between); its date, window and scope are those in force where the list starts (the
notice's day; 境外输入 when the nearest section word before the list says so).

A list item names each case once: numbers repeated or going backwards (``病例6、病例7均为台湾地区
居民…病例6—病例8自台湾地区出发``) are not counted twice.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from ...anchored import matches_at, std_compile
from ...document import Doc
from ...models import ArticleWarning, CaseCount, Metric
from ..dates import parse_cn_int, window
from .item_words import item_starts
from .regions import _is_top, _Region

if TYPE_CHECKING:  # the reader imports this module: its type is for the checker only
    from .reader import _Reader

from .item_words import NOUNS as _NOUNS  # what a case is called in a list, and the metric it counts
_NOUN = "|".join(sorted(map(regex.escape, _NOUNS), key=len, reverse=True))
_RANGE_SEP = r"\s*(?:—|–|－|-|~|～|至|到)+\s*"
# One item: 病例1 / 病例1—病例510 / 确诊病例5至9 / 感染者749至826 / 第120例患者, at the start of a clause.
# (The clause start is looked behind in each branch: the scan then skips ahead to a noun or 第 instead
# of trying the look-behind at every character.)
# (27日新增确诊病例1：徐某，现住同安区…: after 新增)
_ITEM_START = r"(?<=^|[\n,，、;；。:：）).．]|和|及|新增|\s|[区县旗])"  # …|万州区确诊病例1: after the district reporting it
# An ordinal item with no noun needs its scope word before it (境外输入第7例，…, 本土第3例：…).
_SCOPED_START = r"(?<=(?:^|[\n,，、;；。:：）).．]|\s)(?:境外输入|本土))"
_ITEM = regex.compile(
    rf"""
    (?|
      {_ITEM_START}(?P<noun>{_NOUN})\s*(?P<a>\d{{1,6}})(?!\d|例|人|名|\.\d)
      (?:{_RANGE_SEP}(?:(?:{_NOUN})\s*)?(?P<b>\d{{1,6}})(?!\d|例|人|名))?
      (?!(?:\s*(?:和|、|及|与)\s*(?:{_NOUN})?\s*\d{{1,6}})*\s*的)  # (病例11和病例35的母亲: cases referred to)
    | {_ITEM_START}第\s*(?P<a>\d{{1,6}})\s*例(?P<noun>{_NOUN})(?P<b>)
    | {_SCOPED_START}第\s*(?P<a>\d{{1,6}})\s*例(?=\s*[,，:：])(?P<noun>)(?P<b>)  # 境外输入第7例，女，64岁
    )
    """,
    regex.VERBOSE,
)
# Between two items of one group: 病例2、病例3 / 病例2和病例3.
_ITEM_GAP = std_compile(r"\s*(?:、|,|，|和|及)\s*")
# Where a case lives. 系…人 (hometown) and 工作单位 are not residence.
_RESIDENCE = std_compile(
    r"(?:(?:由|从)(?:外市|外省|省外|市外|外地)来到|现住|常住地|现居住于|现居住在|现居于|现居|居住于|居住在|居住地为|居住地址|居住地|住在|住于|暂住于|暂住在|暂住|家住|住址为|住址|家庭地址为|家庭地址|家庭住址为|家庭住址)\s*(?:本市|该市|北京市|上海市)?"
)
# How far after an item its residence may be written (an item's details run to a sentence or two).
_REACH = 160
# How far into the residence clause its area may be (居住地为公司公寓（甘井子区…）).
_RESIDENCE_REACH = 12
_CLAUSE_END = std_compile(r"[,，;；。\n]")
_CLAUSE_OPEN = std_compile(r"[\s,，、;；。:：）).．]")
_SCOPE_WORD = std_compile(r"本土|本地|境外输入|境外")
_HOMETOWN_END = std_compile(r"[,，。;；]")  # 庆阳市宁县人。 / 渭南市临渭区人，


@dataclass
class _Group:
    metric: str
    scope: str
    region: _Region
    items: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each item, to area end
    cases: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class _Other:
    """An item that is not written 病例N: a person of an unnumbered list (温某某，男，50岁，…).

    Lists by ordinal (第三例：…) are not read: they often retell a city's earlier cases one by one.
    """

    span: tuple[int, int]
    noun: str

    def start(self) -> int:
        return self.span[0]

    def end(self) -> int:
        return self.span[1]

    def group(self, name: str) -> str:
        assert name == "noun"
        return self.noun


_Item = regex.Match[str] | _Other
# 温某某，男，50岁，居住于天津市红桥区: a person of an unnumbered list, named as notices name cases.
_PERSON_ITEM = regex.compile(r"(?<=^|[\n。;；:：])\s*(?P<name>\p{Han}{1,2}某{1,2})\s*[,，]\s*(?=[男女])")
# An item numbered in Chinese, at a line's start (患者一，女，41岁，现住秀洲区…: 嘉兴, 2020), up to 九十九.
_CN_ITEM = regex.compile(rf"(?<=^|\n)[^\S\n]*(?P<noun>{_NOUN})(?P<n>[一二三四五六七八九十]{{1,3}})(?=\s*[,，:：])")


#: An item's details diagnosing it asymptomatic (经组织专家会诊,诊断为新冠肺炎无症状感染者).
_DIAGNOSED_ASYMPTOMATIC = std_compile(r"诊断为(?:新冠肺炎|新型冠状病毒肺炎|新冠病毒)?无症状感染者")
# A line that is a case's number and its noun alone (8号病例 / 5号无症状感染者, then its details: Hainan).
# (Matched at the start of each line holding 号: a scan of the body with a look-behind at every character cost
# ~0.1 M instructions a bench article, where 号 stands in most bodies, in addresses and dates.)
_NUMBERED_LINE = regex.compile(rf"[^\S\n]*(?P<a>\d{{1,4}})[^\S\n]*号(?P<noun>{_NOUN})(?=[^\S\n]*(?:\n|[,，:：]))")


def _numbered_lines(text: str, start: int, end: int) -> list[regex.Match[str]]:
    """The :data:`_NUMBERED_LINE` items of ``text[start:end]``: each at the start of a line with 号 in it."""
    out = []
    line = -1
    p = text.find("号", start, end)
    while p >= 0:
        ls = text.rfind("\n", 0, p) + 1
        if ls != line and ls >= start:
            line = ls
            if (h := _NUMBERED_LINE.match(text, ls, end)) is not None:
                out.append(h)
        p = text.find("号", p + 1, end)
    return out


# A person right after a numbered item (患者1：顾某某，男…) is that item, not another case.
_AFTER_ITEM = 6
# 无症状感染者：居住于汉阳区… beside numbered items (确诊病例1：…, 确诊病例2：…): the one case of its kind, unnumbered.
_LABEL_ITEM = regex.compile(rf"(?<=^|\n)[^\S\n]*(?P<noun>{_NOUN})\s*[:：](?=\s*(?:{_RESIDENCE.pattern}))")
_PERSON_NUMBERS = 10_000_000  # persons are numbered apart from the cases' own numbers
# 新增1例本土新冠病毒无症状感染者，系密切接触者核酸检测中发现，居住于立山区: the one new case of a notice that lists
# none, with where it lives (a list of one item).
_SINGLE_CASE = regex.compile(
    rf"新增\s*(?:1|一)\s*例(?:本土|本地)?(?:新冠病毒|新冠肺炎|新型冠状病毒)?(?P<noun>{_NOUN})(?=[,，][^。;；\n]{{0,40}}?(?:{_RESIDENCE.pattern}))"
    # 新增本土无症状感染者1例。…新增本土无症状感染者情况：(new line) 居住于遂宁市船山区…: the one case under its heading
    rf"|新增(?<=新增\s*(?:本土|本地)?\s*(?:{_NOUN})\s*(?:1|一)\s*例(?:[^\n]{{0,200}}\n){{1,3}}[^\S\n]*新增)\s*(?:本土|本地)?\s*(?P<noun>{_NOUN})(?:基本)?情况\s*[:：]?\s*\n\s*(?={_RESIDENCE.pattern})"
)


def _items(text: str, start: int, end: int, words: list[tuple[int, int]] | None = None) -> list[tuple[_Item, int, int]]:
    """Every list item in ``text[start:end]`` with its first and last case number.

    ``words``: every occurrence of the :data:`~.item_words.ITEM_WORDS` in the span, if found already
    (the reader's automaton pass): the item pattern is then tried only where one starts with a digit
    after it, not scanned over the body."""
    out: list[tuple[_Item, int, int]] = []
    matches = _ITEM.finditer(text, start, end) if words is None else matches_at(_ITEM, text, item_starts(text, words, end), end)
    for m in matches:
        a = int(m.group("a"))
        b = int(m.group("b")) if m.group("b") else a
        if b < a or b - a > 100_000:
            continue
        out.append((m, a, b))
    # (a line of its own) 8号病例 / 5号无症状感染者 (Hainan): the case's number before its noun
    for h in _numbered_lines(text, start, end):
        number = int(h.group("a"))
        out.append((_Other(h.span(), h.group("noun")), number, number))
    if not out and (text.find("患者一", start, end) >= 0 or text.find("病例一", start, end) >= 0):
        # 患者一，女，41岁，现住秀洲区… / 患者二，…: a list numbered in Chinese (its numbers apart from digit ones')
        for c in _CN_ITEM.finditer(text, start, end):
            if (k := parse_cn_int(c.group("n"))) is not None:
                out.append((_Other(c.span("noun"), c.group("noun")), _PERSON_NUMBERS // 2 + k, _PERSON_NUMBERS // 2 + k))
    ends = sorted(m.end() for m, _, _ in out)
    for p in _PERSON_ITEM.finditer(text, start, end) if text.find("某", start, end) >= 0 else ():  # (every one holds 某)
        i = bisect.bisect_right(ends, p.start("name")) - 1
        if i >= 0 and p.start("name") - ends[i] < _AFTER_ITEM:
            continue
        n = _PERSON_NUMBERS + p.start("name")
        out.append((_Other(p.span("name"), "病例"), n, n))
    if not out and (text.find("1例", start, end) >= 0 or text.find("一例", start, end) >= 0):
        for one in _SINGLE_CASE.finditer(text, start, end):
            n = _PERSON_NUMBERS + one.start("noun")
            out.append((_Other(one.span("noun"), one.group("noun")), n, n))
        return out
    if out:
        for label in _LABEL_ITEM.finditer(text, start, end):
            n = _PERSON_NUMBERS + label.start("noun")
            out.append((_Other(label.span("noun"), label.group("noun")), n, n))
    out.sort(key=lambda x: x[0].start())
    return out


def has_items(reader: _Reader) -> bool:
    """Whether the article's body holds a list item (:func:`extract` finds nothing without one)."""
    start, end = reader.doc.body
    return bool(_items(reader.text, start, end, reader.item_words))


def extract(reader: _Reader) -> list[CaseCount]:
    """The summed per-area counts of the article's per-case lists (see the module docstring).

    Args:
        reader: the case-count reader of the article (its text, area mentions, dates and home).

    Returns:
        One record per (list metric, area), in order of first mention; none when the article has no
        list whose items name where the cases live.
    """
    text = reader.text
    start, end = reader.doc.body
    found = _items(text, start, end, reader.item_words)
    if not found:
        return []
    # The notice's day, as written before its list begins (items' own dates are onset or contact days).
    date, hours, dated = _date_at(reader, found[0][0].start())
    if not dated:
        # Items before every date retell earlier cases (a page that opens with 病例23、24:… before 2月6日，汕头市新增
        # …2例。新增病例具体情况如下 病例21:…): the list starts after the notice's first dated new count.
        day_count = min((c.end for c in reader.counts if c.dated and c.measure == "new"), default=None)
        found = [f for f in found if day_count is not None and f[0].start() > day_count]
        if not found:
            return []
        date, hours, dated = _date_at(reader, found[0][0].start())
        if not dated:
            return []
    groups: dict[tuple[str, str, str], _Group] = {}  # by (metric, scope, area), in order of first mention
    seen: dict[str, set[int]] = {}
    pending: list[tuple[_Item, int, int]] = []
    scope, scope_pos = "unspecified", max(start, found[0][0].start() - 600)
    for idx, (m, a, b) in enumerate(found):
        if text[m.start() - 1 : m.start()] in _AFTER_AREA and _area_before(reader, m.start()) is None:
            continue  # 系巴南区无症状感染者1的密切接触者: a case referred to, not a list item
        pending.append((m, a, b))
        nxt = found[idx + 1][0].start() if idx + 1 < len(found) else end
        # Items joined by 、/和 share the residence written after the last of them.
        if idx + 1 < len(found) and _ITEM_GAP.fullmatch(text, m.end(), nxt):
            continue
        stop = min(nxt, m.end() + _REACH)
        res = _RESIDENCE.search(text, m.end(), stop)
        area_i = None
        if res is not None:
            i = bisect.bisect_left(reader.area_starts, res.end())
            if i > 0 and reader.areas[i - 1].end > res.end():
                i -= 1  # 现住北京市朝阳区: one mention of 朝阳区 that starts at the city the cue took in
            # The first area of the residence clause (居住于闵行区江川路街道 → 闵行区; 居住地为公司公寓
            # （甘井子区大连湾北街） → 甘井子区), the most specific of adjacent ones (吉林市丰满区 → 丰满区).
            clause = _CLAUSE_END.search(text, res.end(), stop)
            limit = min(stop, clause.start() if clause else stop, res.end() + _RESIDENCE_REACH)
            if i < len(reader.areas) and reader.areas[i].start < limit:
                while i + 1 < len(reader.areas) and reader.areas[i + 1].start == reader.areas[i].end and _within(
                    reader.areas[i + 1].region, reader.areas[i].region
                ):
                    i += 1
                area_i = i
        lead = _area_before(reader, pending[0][0].start())
        if lead is not None:
            area_i = lead  # 万州区确诊病例1，系市外重点地区返渝人员: the district that reports the case
        if area_i is None and res is None:
            area_i = _hometown(reader, m.end(), stop)
        if area_i is None:
            pending = []
            continue
        mention = reader.areas[area_i]
        region = reader.region_of(mention)
        if region is None:
            pending = []
            continue
        # 病例39:女,5岁,…诊断为新冠肺炎无症状感染者: a case of a plain list diagnosed as asymptomatic
        diagnosed = len(pending) == 1 and _DIAGNOSED_ASYMPTOMATIC.search(text, m.end(), nxt) is not None
        for pm, pa, pb in pending:
            metric = _NOUNS[pm.group("noun") or "病例"]
            if diagnosed and (pm.group("noun") or "病例") == "病例":
                metric = "asymptomatic"
            numbers = seen.setdefault(metric, set())
            new = {n for n in range(pa, pb + 1)} - numbers
            if not new:
                continue
            numbers |= new
            # The section word before the list (本土病例情况 / 境外输入…) governs every item after it.
            scope = _scope_before(text, max(start, scope_pos), pm.start(), scope)
            scope_pos = pm.start()
            g = groups.get((metric, scope, region.name))
            if g is None:
                g = groups[(metric, scope, region.name)] = _Group(metric=metric, scope=scope, region=region)
            g.items.append((min(pm.start(), mention.start), max(pm.end(), mention.end)))
            g.cases |= new
        pending = []
    out: list[CaseCount] = []
    p_start, p_end = window(date, hours)
    for g in groups.values():
        out.append(
            CaseCount(
                article_id=reader.doc.article_id,
                date=date,
                region=g.region.name,
                region_code=g.region.code,
                metric=g.metric,  # type: ignore[arg-type]
                scope=g.scope,  # type: ignore[arg-type]
                measure="new",
                value=len(g.cases),
                period_start=p_start,
                period_end=p_end,
                label="病例列表",
                evidence=reader.doc.evidence(min(s for s, _ in g.items), max(e for _, e in g.items)),
                summed=True,
                summed_items=[reader.doc.evidence(s, e) for s, e in g.items],
            )
        )
    return out


_AFTER_AREA = frozenset("区县旗")


def _area_before(reader: _Reader, pos: int) -> int | None:
    """The index of a district or county mention that ends right at ``pos`` and opens its clause
    (万州区|确诊病例1，系…), if any."""
    i = bisect.bisect_left(reader.area_starts, pos) - 1
    if i < 0 or reader.areas[i].end != pos:
        return None
    before = reader.text[reader.areas[i].start - 1 : reader.areas[i].start]
    if before and not _CLAUSE_OPEN.match(before):
        return None
    region = reader.region_of(reader.areas[i])
    return None if region is None or _is_top([region]) else i


def _hometown(reader: _Reader, start: int, stop: int) -> int | None:
    """The area an item is "from" (患者1，邵某，男性，24岁，庆阳市宁县人。) when it names no residence.

    Provincial notices of 2020 give each new case's county so; their city breakdowns count the case
    there. A place outside the notice's own province (湖北省武汉市人 in a Shaanxi notice) is where the
    patient came from, not where the case is counted: not read.
    """
    text, home = reader.text, reader.home
    if home is None or not home.code:
        return None
    i = bisect.bisect_left(reader.area_starts, start)
    while i < len(reader.areas) and reader.areas[i].start < stop:
        a = reader.areas[i]
        if text.startswith("人", a.end) and _HOMETOWN_END.match(text, a.end + 1):
            if i > 0 and reader.areas[i - 1].end == a.start and not _within(
                reader.region_of(a), reader.region_of(reader.areas[i - 1])
            ):
                i -= 1  # 韩城市新城区人: no 新城区 lies in 韩城市 (the gazetteer's is Xi'an's): the city is sure
            region = reader.region_of(reader.areas[i])
            if region is None or not region.code or not region.code.startswith(home.code[:2]) or region.code == home.code:
                return None
            return i
        i += 1
    return None


def _scope_before(text: str, start: int, pos: int, current: str) -> str:
    """本土 or 境外输入: the last section word in ``text[start:pos]``, else the scope ``current``."""
    last = None
    for last in _SCOPE_WORD.finditer(text, start, pos):  # noqa: B007 — keep the last
        pass
    if last is None:
        return current
    return "imported" if last.group().startswith("境外") else "local"


#: After a date: cases it qualifies (为我市8月16日无症状感染者和确诊病例5的密切接触者: cases reported that day,
#: no scene for the list that follows).
_NAMES_CASES_OF_DAY = std_compile(rf"(?:报告|通报|发现)?的?(?:{_NOUN})")


def _date_at(reader: _Reader, pos: int) -> tuple[dt.date | None, tuple[int, int] | None, bool]:
    """The date (and window) last written before ``pos``: the notice's day for its list."""
    i = bisect.bisect_left(reader.setter_starts, pos) - 1
    while i >= 0:
        m = reader.setters[i]
        if m.relative is None and reader.written[i] is not None and not _NAMES_CASES_OF_DAY.match(reader.text, m.end):
            return reader.written[i], m.hours, True
        i -= 1
    return None, None, False


def check(listed: list[CaseCount], stated: list[CaseCount], doc: Doc) -> list[ArticleWarning]:
    """A warning for each list whose cases do not add up to the total the notice states for that day.

    The total is a stated new count of the same day, metric and scope whose area is the one every listed
    area belongs to (the list covers all of it only when the notice says so, so a list that sums to less
    is reported, never corrected).
    """
    sums: dict[tuple[dt.date | None, Metric, bool], int] = {}
    for r in listed:
        key = (r.date, r.metric, r.scope == "imported")
        sums[key] = sums.get(key, 0) + r.value
    warnings = []
    for key, total in sums.items():
        totals = [
            r
            for r in stated
            if (r.date, r.metric, r.scope == "imported") == key
            and r.measure == "new"
            and r.qualifier == "exact"
            and r.region_code is not None
            and r.region_code.endswith("0000")
        ]
        for r in totals[:1] if all(t.value != total for t in totals) else []:
            warnings.append(
                ArticleWarning(
                    code="breakdown_sum_mismatch",
                    message=f"the per-case list gives {total} {r.metric} cases, but the total stated is {r.value}",
                    evidence=r.evidence,
                )
            )
    return warnings


def _within(inner: _Region | None, outer: _Region | None) -> bool:
    """Whether region ``inner`` lies inside region ``outer`` by their codes (丰满区 220211 in 吉林市 220200)."""
    if inner is None or outer is None or not inner.code or not outer.code:
        return False
    return inner.code != outer.code and inner.code.startswith(outer.code.rstrip("0"))
