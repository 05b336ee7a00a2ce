"""What stands around a count's clause, asked by :func:`.counting.read_count`: the place a bracket after
the total opens with (129例(均在防城港市，其中…)), the first segment of a sentence of semicolon-separated
segments, a running total's split by severity, the place an imported item was reported by, and a place
said after a count (13例在津南区), the count a 分布在 list distributes. Split from :mod:`.counting` by concern."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

import datetime as dt

from ...anchored import std_compile
from ...resources import compiled_on_first_use
from .counts import _Count
from .lexicon import _CASE_NOUNS, _SEGMENT_END, _SUFFIX_METRIC_LEAD, _last, foreign_origin, found_in
from .regions import _Mention, _Region, _contains, _is_top

_SEGMENT_REACH = 40  # how far before a count its segment's semicolon may stand (also counting's)
_PART_GAP = 40  # the most words between a total (or its last part) and the sentence of its next part
_OPENS_WITH_PART = std_compile(r"\s*(?:其中\s*[,，:：]?)?\s*")

if TYPE_CHECKING:  # the reader imports the counting module, which imports this one: types only
    from .reader import _Reader

#: Before a metric phrase: where the counted patients are being treated now (在定点医疗机构治疗的本土确诊病例).
_TREATED_BEFORE = std_compile(r"(?:正|仍|尚)?在(?:当地|本地)?(?:定点医疗机构|定点医院|定点救治医院|医院)(?:进行|接受)?(?:隔离)?(?:住院)?(?:治疗|救治)的")
#: After an imported item's number: the place that reported it, in brackets (（福州市报告）).
_REPORTED_BY = std_compile(r"\s*[(（]\s*(?:均为|为|均由|由)?\s*(?P<place>[^()（）,，;；。\n]{2,12}?)\s*报告\s*[)）]")


def _origin_place(r: _Reader, clause_start: int, num_start: int, num_end: int) -> tuple[_Region, int] | None:
    """The place that reported an item named by its foreign origin (日本输入1例（福州市报告）) and where the
    bracket ends, if the clause before the number is only that origin and a bracket names the place."""
    text = r.text
    if text.find("输入", clause_start, num_start) < 0 or not foreign_origin(text, clause_start, num_start):
        return None
    b = _REPORTED_BY.match(text, num_end)
    if b is None:
        return None
    area = r._area_at(b.start("place"), b.end("place"))
    if area is None or area.end != b.end("place"):
        return None
    region = r.region_of(area)
    return (region, b.end()) if region is not None else None


#: After a count: where its cases are, a place closing the clause (13例在津南区，1例在西青区).
_IN_PLACE = std_compile(r"\s*(?:均)?(?:在|位于)\s*")
_PLACE_CLOSE = std_compile(r"\s*(?:[,，、;；。)）]|$)")


def _area_after(r: _Reader, lead: re.Pattern[str], pos: int) -> int | None:
    """The index of the area mention that starts right where ``lead`` (在, 来自 …) matched at ``pos`` ends, if any."""
    m = lead.match(r.text, pos)
    if m is None:
        return None
    k = bisect.bisect_left(r.area_starts, m.end())
    return k if k < len(r.areas) and r.areas[k].start == m.end() else None


def _place_after(r: _Reader, pos: int) -> tuple[_Region, int] | None:
    """The place written right after a count at ``pos`` (在津南区) when it closes the clause, and its end."""
    k = _area_after(r, _IN_PLACE, pos)
    if k is None:
        return None
    mention = r.areas[k]
    region = r.region_of(mention)
    if region is None or not _PLACE_CLOSE.match(r.text, mention.end):
        return None
    return region, mention.end


#: Before a place a count's cases come from (有三宗來自雄安新區安新縣).
_CAME_FROM = std_compile(r"\s*(?:均|都|全部)?来自\s*")


def _came_from_within(r: _Reader, pos: int, whole: list[_Region] | None) -> tuple[_Region, int] | None:
    """The place a count at ``pos`` says its cases come from (有三宗來自雄安新區安新縣，…), the most specific of
    adjacent names, when it lies inside ``whole`` (the area in force: a part of it, not an origin elsewhere —
    新增病例均来自武汉 in a Chongqing notice) and closes the clause; and its end."""
    if not whole or len(whole) != 1 or not whole[0].code:
        return None
    k = _area_after(r, _CAME_FROM, pos)
    if k is None:
        return None
    while k + 1 < len(r.areas) and r.areas[k + 1].start == r.areas[k].end:
        k += 1  # (雄安新區|安新縣: the county the zone's name leads to)
    mention = r.areas[k]
    region = r.region_of(mention)
    if region is None or not region.code or region.code == whole[0].code or not _contains(whole[0].code, region.code):
        return None
    if not _PLACE_CLOSE.match(r.text, mention.end):
        return None
    return region, mention.end


#: What may open a sentence of segments before the first one's area (其中，吉林省吉林市累计…).
_SEGMENTS_OPENING = std_compile(r"\s*其中\s*[,，:：]?")


#: A comma in a bracket (the place it opens with is followed by more).
_CLAUSE_COMMA = std_compile(r"[,，]")
#: A bracket after a total that opens by saying where all its cases are (均在防城港市，…).
_ALL_IN_OPENING = std_compile(r"\s*(?:均|都|全部)(?:在|为|系|位于)")


def _bracket_place(r: _Reader, open_pos: int, num_start: int) -> _Region | None:
    """The place a bracket opens with, all its cases' (…129例(均在防城港市，其中117例…)), when a comma
    follows the place and the count at ``num_start`` comes after it; None otherwise."""
    text = r.text
    lead = _ALL_IN_OPENING.match(text, open_pos + 1, num_start)
    if lead is None:
        return None
    opening = r.area_opening(lead.end(), num_start)
    if opening is None:
        return None
    comma = _CLAUSE_COMMA.search(text, lead.end(), num_start)
    return opening[0] if comma is not None else None


def _first_segment(r: _Reader, prev_count: _Count, num_start: int) -> int | None:
    """Where the first segment of a sentence of semicolon-separated segments starts, when ``prev_count``
    is in it and a semicolon follows (其中，吉林省吉林市累计…34例（…）、无症状感染者2例；吉林省长春市…)."""
    text = r.text
    if prev_count.start - r.sentence_start > _SEGMENT_REACH:
        return None
    stop = text.find("。", num_start)
    stop = len(text) if stop < 0 else stop
    if text.find("；", num_start, stop) < 0 and text.find(";", num_start, stop) < 0:
        return None
    opening = _SEGMENTS_OPENING.match(text, r.sentence_start)
    return opening.end() if opening is not None else r.sentence_start


def _severity_split(text: str, depth: int, parent: _Count | None, num_start: int) -> bool:
    """Whether a severity count is an item of its running total's split by severity, in the bracket after
    it (累计报告确诊病例119例(轻型109例、普通型8例、重型1例、危重型1例)): how many ever were, summing to it."""
    if depth == 0 or parent is None or parent.measure != "cumulative":
        return False
    between = text[parent.end : num_start]
    return "轻型" in between or "普通型" in between


#: A sentence's opening that names what its counts count (无症状感染者方面，…).
_TOPIC_AFTER = std_compile(r"方面\s*[,，:：]")


def _metric_topic(r: _Reader, clause_start: int) -> tuple[str, str] | None:
    """The metric a sentence opening with ``<metric>方面，`` before ``clause_start`` gives its counts."""
    text = r.text
    s = r.sentence_start
    while s < clause_start and text[s] in " \t\u3000,，":
        s += 1
    head = r.lex.metric_re.match(text, s, clause_start)
    if head is None or r.lex.metric[head.group()] == "inherit" or not _TOPIC_AFTER.match(text, head.end(), clause_start):
        return None
    return r.lex.metric[head.group()], head.group()


def _own_metric_after(r: _Reader, end: int) -> bool:
    """Whether a metric of its own (not 病例, which takes its total's) follows the number ending at ``end``."""
    lead = _SUFFIX_METRIC_LEAD.match(r.text, end)
    own = r.lex.metric_re.match(r.text, lead.end()) if lead is not None else None
    return own is not None and r.lex.metric[own.group()] != "inherit"


#: What may open a line before the area that heads it: a list number ((一), 1., 二、).
_LINE_HEADING = std_compile(r"\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[.、．])?\s*")
#: After that area: a note in brackets, then the colon (贡嘎县（含…安置点）：).
_HEADING_COLON = std_compile(r"\s*(?:[(（【][^()（）【】\n]{0,60}[)）】]\s*)?[:：]")


def line_heading_area(r: _Reader, pos: int) -> _Region | None:
    """The area heading the line that holds ``pos`` before it ((一)城关区：…, 2.渝中区：…), if any."""
    text = r.text
    line_start, line_end = r.line
    if not line_start <= pos <= line_end:
        # Counts are read in text order: each line is found once (not a backward scan per count).
        line_start = text.rfind("\n", 0, pos) + 1
        nl = text.find("\n", pos)
        r.line = (line_start, len(text) if nl < 0 else nl)
    # (一)乃东区：…。(二)贡嘎县（含…）：当日新增0例；累计34例: the sentence's own heading first.
    for start in ((r.sentence_start, line_start) if line_start < r.sentence_start <= pos else (line_start,)):
        m = _LINE_HEADING.match(text, start, pos)
        area = r._area_at(m.end(), pos) if m is not None else None
        if area is not None and _HEADING_COLON.match(text, area.end, pos):
            break
    else:
        return None
    region = r.region_of(area)
    return None if region is None or _is_top([region]) else region


def _day_count(r: _Reader, parent: _Count, prev_count: _Count | None, depth: int) -> _Count | None:
    """The day's count, in the sentence being read, whose running total a count with no metric of its own
    gives: the total it would break down (全省新增密切接触者691人，累计1979人), or else the area's item just
    before it (…其中：乃东区当日新增2例，累计366例: the area's running total, not a part of the day's total)."""
    for day in (parent, prev_count):
        if (day is not None and day.measure == "new" and day.depth == depth == 0 and day.start >= r.sentence_start
                and day.metric != "released_from_observation" and (day is parent or day.sub and not day.zero and day.regions)):
            return day
    return None


def _day_total_before(r: _Reader, running: _Count) -> _Count | None:
    """The day's total of the same metric written in the sentence of the running total ``running``, before it."""
    for c in reversed(r.counts):
        if c.end > running.start or c is running:
            continue
        if "。" in r.text[c.end : running.start]:
            return None
        if c.depth == 0 and c.parent is None and c.measure == "new" and not c.zero and c.metric == running.metric:
            return c
    return None


def _opens_on(r: _Reader, parent: _Count, num_start: int) -> bool:
    """Whether the number at ``num_start`` opens its sentence (after 其中 at most) right after the sentence
    that ends with ``parent``: 本港新增15宗确诊个案。其中5宗为输入个案。10宗本地个案中有4宗源头不明 — parts of it."""
    last = r.counts[-1] if r.counts and r.counts[-1].end >= parent.end else parent  # (the sentence's last count)
    gap = r.text[last.end : r.sentence_start]
    # (…其中5宗为输入个案，分别由巴基斯坦、印度及菲律宾抵港。10宗本地个案中…: words about the last part, no number)
    return (last.end <= r.sentence_start and len(gap) <= _PART_GAP and "\n" not in gap.strip()
            and not any(ch.isdigit() for ch in gap)
            and _OPENS_WITH_PART.fullmatch(r.text, r.sentence_start, num_start) is not None)


#: (the words and bounds below are for counting.read_count: kept here to keep that module short)
#: All of them, in a count since a day (自…以来，我市共报告…39例).
_ALL_SINCE = std_compile(r"共计?|合计|总计")
#: The present, before a count of outcomes (目前出院病例78例, 至今无死亡病例).
_NOW_WORD = std_compile(r"目前|至今|迄今")
#: A running total's word before a clause that names a part of it (…累计…例…通报，其中…).
_RUNNING_BEFORE = compiled_on_first_use(lambda: std_compile(r"累计|累積"))
#: How much older than the article the day in force must be to be a past scene, not the day reported on.
_STALE_SCENE = dt.timedelta(days=2)


#: After a list of places: how many they are (洛阳、许昌…商丘6地, 3个市).
_PLACES_COUNTED = std_compile(r"\s*等?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*个?(?:地市|市县|县区|区县|地|市|县|区)")


def _whole_of_listed(r: _Reader, group: tuple[int, int, list[_Mention]], clause_start: int) -> _Region | None:
    """The area a counted list of its places stands in, named right before the list in its sentence (截至发稿，河南已有
    洛阳、许昌、郑州、周口、固始、商丘6地出现感染者，累计本土确诊病例11例: 河南's total, not the six places')."""
    if len(group[2]) < 2 or group[1] > clause_start or not _PLACES_COUNTED.match(r.text, group[1]):
        # (全市新增感染者6584例，其中渝中区、江北区等2区共报告300例: a list in the count's own clause is its area)
        return None
    i = bisect.bisect_left(r.area_starts, group[0]) - 1
    if i < 0 or r.areas[i].start < r.sentence_start:
        return None
    whole = r.region_of(r.areas[i])
    if whole is None or not all((x := r.region_of(m)) is not None and _contains(whole.code, x.code) for m in group[2]):
        return None
    return whole


#: Where the cases of a part were found, written before its number (其中集中隔离发现8例、高风险区筛查发现1例, 系集中隔离点检出43例).
_FOUND_BEFORE = compiled_on_first_use(
    lambda: std_compile(r"\s*(?:其中\s*[,，:：]?\s*)?(?:系|为)?(?P<where>[^,，;；。、:：()（）\d\s和]{2,16}?)(?P<verb>发现|检出)\s*")
)


def _found_before(r: _Reader, parent: _Count | None, clause_start: int, num_start: int) -> tuple[str, str] | None:
    """The metric and label of a part of a total of cases (``parent``) that says where they were found before its
    number (…新增本土确诊病例18例，其中集中隔离发现8例、居家隔离医学观察发现8例): a count of its own, as 8例在隔离管控
    人员中发现 is (:func:`.lexicon.found_in`)."""
    if parent is None or parent.metric not in _CASE_NOUNS or (r.text.find("发现", clause_start, num_start) < 0
                                                            and r.text.find("检出", clause_start, num_start) < 0):
        return None
    # (…发现8例、居家隔离医学观察发现8例; 系集中隔离点检出43例(含…)和重点人员筛查检出4例)
    start = max(clause_start, r.text.rfind("、", clause_start, num_start) + 1, r.text.rfind("和", clause_start, num_start) + 1)
    m = _FOUND_BEFORE.fullmatch(r.text, start, num_start)
    if m is None or "分别" in m.group("where"):
        return None  # (在第二轮及第三轮分别发现19宗及6宗: one figure of each, no part of a total)
    return found_in(m.group("where") + m.group("verb"))


#: An outcome right after a count's metric (4例本土无症状感染者解除医学观察, 11例病例今日治愈出院), closing its clause.
_OUTCOME_AFTER = std_compile(
    r"\s*(?:已|均已|均|全部|全都|已全部|今日|今天|当日|陆续|已陆续)?\s*(?P<outcome>解除医学观察|解除隔离医学观察|解除医学隔离观察|解除集中隔离医学观察|治愈出院|康复出院|出院|死亡|不治|离世|病逝)(?=\s*(?:[,，;；。(（]|$))"  # (再多245名患者不治: Hong Kong)
)
#: Patients right after a number (患者, 确诊新冠肺炎的病人, 新型冠状病毒感染的肺炎患者): what the two patterns
#: below open with (count_gates.PATIENTS_OPENS holds their first characters).
_PATIENTS = r"\s*(?:确诊(?:新冠肺炎)?的?)?(?:(?:新型冠状病毒感染的肺炎|新型冠状病毒肺炎|新冠肺炎|新冠)的?)?(?:患者|病人)"
#: Patients after a number, with their outcome (5名患者出院, 423名患者陆续治愈出院; Hong Kong's Hospital
#: Authority: 12名确诊新冠肺炎的病人出院, 5041名病人康复出院).
_PATIENTS_OUTCOME = std_compile(_PATIENTS + _OUTCOME_AFTER.pattern)
#: Patients after a number, in hospital (109名确诊病人分别于18间公立医院留医: Hong Kong's Hospital Authority).
_PATIENTS_IN_HOSPITAL = compiled_on_first_use(lambda: std_compile(
    _PATIENTS + r"\s*(?:正|仍|均|分别)?[在于][^,，。;；]{0,12}?(?:医院|医疗机构)(?:进行|接受)?(?:隔离)?(?:治疗|留医)"))
#: A patient's condition written after the count (Hong Kong: 12人情况危殆，4人情况严重): how many are so now.
_STATE_NOW = frozenset(("危殆", "情况危殆", "情况严重"))
#: A clause's last word after a count and its metric that only says it was reported (接获9 069宗快速抗原测试阳性个案呈报).
_REPORTED = frozenset(("呈报", "报告", "通报"))


#: After a count: the areas its cases are in follow (确诊病例27例，分布在芦淞区16例、石峰区5例).
#: How many areas a count's list covers (涉16区域: 新增135例社会面筛查人员涉16区域：朝阳51例、…).
_AREAS_COVERED = r"(?:涉及?|来自)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*个?(?:区域|区县|区|县|地市|市|省份|省)\s*"  # (来自18个省份：)
_DISTRIBUTED = std_compile(rf"分布在|分布于|{_AREAS_COVERED}[:：]")
_DISTRIBUTION_REACH = 200  # how far before an item its list's 分布在 may stand (characters)
_DISTRIBUTION_COUNTS = 24  # how many counts back the distributed count may stand


def _distributed(r: _Reader, depth: int, clause_start: int) -> _Count | None:
    """The count an item at ``clause_start`` is a part of when it stands in a 分布在 list after that count
    (in the same segment of the sentence); else None."""
    text = r.text
    d = _last(_DISTRIBUTED, text, max(r.sentence_start, clause_start - _DISTRIBUTION_REACH), clause_start + 3)
    if d is None or d.start() > clause_start or _SEGMENT_END.search(text, d.end(), clause_start):
        return None
    for c in reversed(r.counts[-_DISTRIBUTION_COUNTS:]):
        if c.start < r.sentence_start:
            return None
        if (c.end <= d.end() and c.depth == depth and c.explicit and not c.zero
                and (c.metric in _CASE_NOUNS or c.metric == "community_infections")):
            return c
    return None
