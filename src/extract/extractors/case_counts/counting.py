"""The rule for one count number outside a bracket's own items: what it counts (the metric phrase
before or after it, or the total it breaks down), for which area, scope and measure, and when; or
nothing, when the number is no count (a change, a subset, a place the gazetteer does not know).

The reader calls :func:`read_count` for each such number of a paragraph, in text order, with what is in
force there (see the package docstring for the rules)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ...anchored import AnyMatch, std_compile
from ...models import Change
from ...resources import compiled_on_first_use
from .count_patterns import (  # (the patterns around a count number: split off, see there)
    _AMONG_AFTER, _AFTER_BREAKDOWN, _FOUND_WHERE, _SEMI_GAP, _UNDER_OBSERVATION, _SINCE_OPENING, _INFECTION_PARTS, _PARTS_OPENING, _NEW_BEFORE, _SIBLING_BEFORE, _CLAUSE_END_AFTER, _DAYS_OVER, _NO_COUNT_AFTER, _SPREAD_AFTER, _PARTS_AFTER, _BARE_SCOPE_AFTER, _NOTE_BEFORE, _PART_THEN_ITS_PART, _ITEM_COMMA, _WEEK_NUMBER, _ROUGH_FIRST, _ANOTHER_GROUP, _BESIDE_GROUP, _LISTED_AFTER, _NEXT_ITEM, _NOW_METRICS, _OUTCOME_WORD, _NOW_LEAD, _WARD_AFTER, _COORDINATED, _UNDER_MEASURES, _BRACKET_AFTER, _LISTED_ITEMS, _BARE_INPUT_AFTER,
)
from .counts import _Count, _State
from .earlier_values import earlier_value, redate_by_change
from .lexicon import (
    country_before, foreign_import, found_in as found_metric, _BOTH_SCOPES, _BREAKDOWN_WORDS, _CASE_NOUNS, _CHANGE, _CLAUSE_BREAK, _CLAUSE_SEMI, _CONTACT_OUTCOME, _CONTACTS,
    _CONVERSION_AFTER, _CONVERTED, _COORD, _DAY_CHANGE, _EACH, _FOUND_IN, _IN_HOSPITAL, _LIST_GAP, _NEXT_TOTAL, _ONGOING,
    _OTHER_PEOPLE, _OUTCOMES, _SCOPE_PART, _SEGMENT_END, _SEVERITY, _SUB_WORDS, _SUBSET_AFTER, _SUFFIX_METRIC_LEAD, _SUFFIX_REST,
    _SUM_WORD, _coordinated_tail, _governing_metric, _last, _qualifier, _value, count_groups, paired_count_re, said_measure,
)
from .regions import _is_top, _Region, _short_forms
from .count_context import (
    _ALL_SINCE, _NOW_WORD, _OPENS_WITH_PART, _RUNNING_BEFORE, _STALE_SCENE, _SEGMENT_REACH, _TREATED_BEFORE, _bracket_place, _day_count, _day_total_before, _first_segment, line_heading_area,
    _metric_topic, _opens_on, _origin_place, _found_before, _own_metric_after, _place_after, _came_from_within, _whole_of_listed, _severity_split,
    _OUTCOME_AFTER, _PATIENTS_IN_HOSPITAL, _PATIENTS_OUTCOME, _REPORTED, _STATE_NOW, _distributed)
from . import count_gates as gate  # (what a probe needs to see right after or before the number)

#: After preliminary positives: their review found them positive (义乌: 新增32例初筛阳性人员，经复核为阳性).
_REVIEWED_POSITIVE = compiled_on_first_use(lambda: std_compile(r"\s*[,，]?\s*经(?:省|市)?(?:复核|复检|核酸复核|复核检测)(?:均|结果)?为阳性"))
_LAST_SEMICOLON = regex.compile(r"(?r)[;；]")
#: A running total's start: 自9月12日以来, 从3月份至今.
_SINCE_PHRASE = compiled_on_first_use(lambda: std_compile(r"(?:[自从][^,，。;；]{2,12}?|\d{1,2}月\d{1,2}日)(?:以来|至今)"))  # (9月10日以来 too)

if TYPE_CHECKING:  # the reader imports this module: its type is for the checker only
    from .reader import _Reader



#: How far before a count of community infections the total it is part of may end (新增感染者1034例，全市占比13.7%；社会面…).
_COMMUNITY_PART_REACH = 40


def _total_before_community(r: _Reader, community: _Count) -> _Count:
    """The total of all infections right before a count of those found in the community, which an area's
    count after both breaks down (新增感染者1034例，…；社会面发现感染者259例，…。其中，梁平区单日新增499例: the
    area's new infections, not its community ones); ``community`` when there is none."""
    i = len(r.counts) - 1
    while i >= 0 and r.counts[i] is not community:
        i -= 1
    for c in reversed(r.counts[:i]):
        if community.start - c.end > _COMMUNITY_PART_REACH:
            break
        if c.explicit and c.depth == 0 and c.measure == community.measure and c.metric in ("infections", "confirmed"):
            return c
    return community


#: How many counts back an outcome may look for the running total it goes on from.
_RUNNING_LIST_REACH = 12

#: Between the items of a list an outcome governs (治愈出院确诊病例16例、本土无症状感染者18例): a comma and scope words only.
_OUTCOME_LIST_GAP = compiled_on_first_use(lambda: std_compile(r"\s*[、和及]\s*(?:本土|境外输入|输入性?|新冠肺炎|新型冠状病毒)*"))


def _outcome_in_running_totals(r: _Reader, num_start: int) -> bool:
    """Whether an outcome with no measure word at ``num_start`` goes on a list of running totals: the last running
    total of cases, on the same line, with no new count since (a zero aside) and no date between."""
    for c in r.counts[-1 : -_RUNNING_LIST_REACH - 1 : -1]:  # (a few counts back: a list of thousands stays linear)
        if c.measure == "new" and not c.zero:
            return False
        if c.depth == 0 and c.measure == "cumulative" and c.metric in ("confirmed", "infections") and not c.zero:
            return r.text.find("\n", c.end, num_start) < 0 and not r.dated_between(c.end, num_start)
    return False


def read_count(
    r: _Reader,
    m: AnyMatch,
    prefix_start: int,
    depth: int,
    stack: list[tuple[int, _Count | None]],
    state: _State,
    last_explicit: _Count | None,
    last_top: _Count | None,
    prev_count: _Count | None,
) -> _Count | None:
    """The count the number ``m`` states, read by ``r`` at ``prefix_start`` (where its clause may start)
    inside ``depth`` open brackets (``stack``), with ``state`` in force after the paragraph's last total
    ``last_explicit``, its last top-level count ``last_top`` and the count before ``prev_count``."""
    text, lex = r.text, r.lex
    # The qualifier before the number, else the one number group of the alternation that matched.
    g = count_groups(m.re)  # the groups read by number (see count_groups)
    num_start = m.start(g.qpre)
    if num_start < 0:
        num_start = max(m.start(g.wan), m.start(g.num), m.start(g.vague), m.start(g.cn))
    value = _value(m)
    # (read once: the number's end, its unit and the character before it are asked of many times below)
    number_end, unit, char_before = m.end(), m.group(g.unit), text[num_start - 1 : num_start]
    following = text[number_end : number_end + 1]  # the character after the number: the probes there are asked only where it can open a match
    if m.group(g.qpre) and _DAYS_OVER.search(text, max(prefix_start, num_start - 24), num_start):
        return None  # 连续7天单日新增本土确诊达到或超过150例: how many days passed a mark, not a count
    if value is None or ((following in gate.NO_COUNT_OPENS or following.isdecimal() or following > "\uffff") and _NO_COUNT_AFTER.match(text, number_end)):
        return None  # 连续5天在1000例以下: a bound the count stays under; 新增3宗聚集性疫情: clusters, not people
    if value == 1 and unit == "名" and char_before in ("是", "为", "系"):
        return None  # 另一宗个案是一名商人: who a case is, not a count
    if char_before == "、" and _ROUGH_FIRST.search(text, max(0, num_start - 6), num_start - 1):
        return None  # 还有70、80宗初步确诊: seventy or eighty, a guess, not a count
    if text.find("周", r.sentence_start, num_start) >= 0 and _WEEK_NUMBER.search(text, r.sentence_start, num_start):
        return None  # 树林区从19周至23周皆新增超过30例个案, 泰山区在第22周新增…30例: a week's count, no day's
    if (depth == 0 and country_before(text, max(prefix_start, num_start - 8), num_start)
            and r.area_before(num_start, max(prefix_start, num_start - 8)) is None):  # (内蒙古54例: no 蒙古)
        # 泰国4例（2例已治愈）: a count abroad, and the parts in its bracket are its own.
        close = _BRACKET_AFTER.match(text, number_end)
        r.consumed = close.end() if close is not None else number_end
        return None
    if depth > 0 and (earlier := earlier_value(r, last_top, stack[-1][0], num_start, number_end, value)) is not None:
        r.counts.append(earlier)  # 较20日(692例)减少220例: the count on the day compared with
        return None
    # 1. A change against an earlier day, not a count of its own.
    tail_from = max(prefix_start, num_start - 24)
    ch = _CHANGE.search(text, tail_from, num_start) if char_before in gate.CHANGE_CLOSES else None
    if ch is None and char_before in gate.CHANGE_CLOSES and text[prefix_start : prefix_start + 1] in (")", "）"):
        # 较20日(692例)减少220例: the clause began before the bracket of the earlier day's count (earlier_value)
        ch = _CHANGE.search(text, max(0, num_start - 40), num_start)
    if ch is None and last_top is not None and depth == 0 and last_top.measure == "current" and last_top.change is None:
        # 现有重症病例10644例，当日减少628例: the day's change of the current count before it.
        ch = _DAY_CHANGE.search(text, tail_from, num_start)
        if ch is not None and _CLAUSE_SEMI.search(text, last_top.end, ch.start()):
            ch = None
    if ch is not None:
        if lex.metric_re.search(text, prefix_start, ch.start()):
            return None  # 重症病例较前一日增加42例: the change of a count not given here
        target = last_top if depth == 0 else None
        if target is not None and target.change is None:
            sign = -1 if ch.group("dir") in ("减少", "下降", "回落", "少") else 1
            target.change = Change(delta=sign * value, vs_date=r.vs_date(ch.start("ref"), ch.end("ref"), target.date))
            redate_by_change(r, target)
        return None
    # 2. The clause the number closes: metric, scope and measure words.
    brk = _last(_CLAUSE_BREAK, text, prefix_start, num_start)
    if brk is not None and brk.group() in (")", "）") and not text[brk.end() : num_start].strip():
        # 新增确诊新冠肺炎病例(轻型)3例: a note in brackets between the metric and its number is no clause break.
        note = _NOTE_BEFORE.search(text, max(prefix_start, brk.start() - 26), brk.end())
        if note is not None:
            brk = _last(_CLAUSE_BREAK, text, prefix_start, note.start())
    clause_start = brk.end() if brk else prefix_start
    outcome_m, metric_m = _governing_metric(text, clause_start, num_start, lex)
    metric = lex.metric[metric_m.group()] if metric_m else None
    if metric_m is not None and metric == "inherit" and outcome_m is None and text.find("共确诊", clause_start, metric_m.start()) >= 0:
        metric = "confirmed"  # 截至目前，包头市共确诊新冠肺炎病例11例: the cases confirmed, a verb before the noun
    # 死亡病例5例为绥化市确诊病例2例、大庆市确诊病例1例: the items of the deaths (confirmed cases who died).
    outcome_items = (metric == "confirmed" and outcome_m is None and last_explicit is not None
                     and last_explicit.metric in ("deaths", "recovered") and last_explicit.start >= r.sentence_start
                     and last_explicit.depth == depth == 0 and text.startswith("为", last_explicit.end)
                     and not _CLAUSE_BREAK.search(text, last_explicit.end, num_start))
    if metric in ("confirmed", "asymptomatic") and outcome_m is None and depth > 0 and not outcome_items:
        # 当日出院病例3例(武汉市本土确诊病例2例,境外输入确诊病例1例): the bracket itemises the outcome; so does
        # 当日解除无症状感染者医学观察8例(本土无症状感染者7例,…;境外输入无症状感染者1例).
        opened, before = stack[-1]
        outcome_items = (before is not None and before.depth == depth - 1 and text[before.end : opened].strip() == ""
                         and (before.metric in ("deaths", "recovered") if metric == "confirmed"
                              else before.metric == "released_from_observation"))
    if outcome_items or (metric_m is not None and _own_metric_after(r, number_end)
                         and (_COORDINATED.fullmatch(text, metric_m.end(), num_start)
                              or (text.find("中发现", clause_start, num_start) >= 0 and (where := _FOUND_WHERE.search(text, clause_start, num_start)) is not None
                                  and where.start() < metric_m.start()))):
        # 其中确诊病例和3例无症状感染者为…, 在其密切接触者中发现1例确诊病例: the metric before the number
        # names another group (or where they were found); the number's own follows it.
        metric_m = metric = outcome_m = None
    if metric_m is not None and metric_m.group() == "在院" and text.startswith(("区", "内"), metric_m.end()):
        return None  # 在院区内传染18人: where people were infected (院区), not a count of patients in hospital
    if metric_m and lex.not_count_re.search(text, metric_m.end(), num_start):
        return None
    if metric_m is None and lex.not_count_re.search(text, clause_start, num_start):
        after = _SUFFIX_METRIC_LEAD.match(text, number_end)
        if after is None or not lex.metric_re.match(text, after.end()):
            return None  # (在重点人群核酸检测中发现3例初筛阳性: the number's own metric follows it)
    label = metric_m.group() if metric_m else None
    if outcome_m is not None and metric_m is not None:
        # 治愈出院本土确诊病例22例: the outcome is counted; the population noun only says who.
        if metric in _CASE_NOUNS:
            had = lex.metric[outcome_m.group()]
            if had == "recovered" and metric == "asymptomatic":
                had = "released_from_observation"  # 新增出院本土无症状感染者76例: none was ill, none is cured
            metric, label = had, outcome_m.group()
        else:  # 解除医学观察的密切接触者: an outcome of people who are not cases
            metric, label = "other", text[outcome_m.start() : metric_m.end()]
    elif (metric in ("confirmed", "asymptomatic") and metric_m is not None and prev_count is not None
          and prev_count.metric in ("recovered", "deaths") and prev_count.depth == depth and prev_count.label
          and lex.metric.get(prev_count.label) == prev_count.metric
          and metric_m.group().endswith(("病例", "感染者", "个案")) and _OUTCOME_LIST_GAP.fullmatch(text, prev_count.end, metric_m.start())):
        # 治愈出院本土确诊病例16例、本土无症状感染者18例: the outcome before the list governs each of its nouns
        # (出院447例、在院16例: a state of its own, not a noun of cases).
        noun, metric, label = metric, prev_count.metric, prev_count.label
        if metric == "recovered" and noun == "asymptomatic":
            metric = "released_from_observation"  # (none was ill, none is cured: as 新增出院本土无症状感染者)
    suffixed = False
    scope_part = False  # 其中86例为境外输入病例: the scope written after the number
    found_scope = False  # a count of cases found somewhere shares the scope of the sentence's totals
    measure_hint: str | None = None  # what the words after the count say of its measure
    suffix_scope: str | None = None
    sibling_scope = False  # the scope is written after the number, the one before it is a sibling's
    conversion = _CONVERSION_AFTER.match(text, number_end) if metric is None and following in gate.CONVERSION_OPENS else None
    if conversion is not None and _CONTACTS.search(text, r.sentence_start, num_start):
        # 累计追踪密切接触者670人，15人转为确诊病例: close contacts who became cases (not converted
        # asymptomatic cases).
        metric, label = "other", "密切接触者" + conversion.group().strip()
        r.consumed = conversion.end()
        suffixed = True
    if (metric in _CASE_NOUNS and metric_m is not None and outcome_m is None and unit in ("人", "名", "例")
            and text[metric_m.end() : metric_m.end() + 1] in gate.AMONG_OPENS and _AMONG_AFTER.match(text, metric_m.end()) and (died := _OUTCOME_AFTER.match(text, number_end)) is not None):
        # 确诊病例中共已575人死亡 (Taiwan): of the cases, how many had the outcome — a count of that outcome.
        metric, label = lex.metric[died.group("outcome")], died.group("outcome")
        r.consumed = died.end()
        suffixed = True
    if metric is None and unit in ("名", "例") and following in gate.PATIENTS_OPENS and (patients := _PATIENTS_OUTCOME.match(text, number_end)) is not None:
        # 3月17日又有5名患者出院, 共有423名患者陆续治愈出院: patients with the outcome they had (a notice's
        # figure; 綏化巿一宗患者死亡 in a Hong Kong story tells of one patient).
        metric, label = lex.metric[patients.group("outcome")], patients.group("outcome")
        r.consumed = patients.end()
        suffixed = True
    elif metric is None and unit == "名" and following in gate.PATIENTS_OPENS and (ward := _PATIENTS_IN_HOSPITAL.match(text, number_end)) is not None:
        # 现时共有109名确诊病人分别于18间公立医院留医 (Hong Kong's Hospital Authority): patients now in hospital.
        metric, label, measure_hint, suffixed = "confirmed", ward.group().strip(), "current", True
        r.consumed = ward.end()
    if metric is None:
        # 含11例由无症状感染者转为确诊病例, 新增22例本土新冠肺炎确诊病例: the metric after the number.
        after = _SUFFIX_METRIC_LEAD.match(text, number_end)
        suffix = lex.metric_re.match(text, after.end()) if after else None
        consumed_before, parts = r.consumed, None
        if suffix is None and following in ("(", "（") and (parts := _BRACKET_AFTER.match(text, number_end)) is not None:
            # 尚有1517例(本土1443例、境外输入74例)无症状感染者在定点医院隔离观察治疗: the metric after the bracket of
            # the count's parts (the parts are read next, as its items).
            after = _SUFFIX_METRIC_LEAD.match(text, parts.end())
            suffix = lex.metric_re.match(text, after.end()) if after else None
        # 全國周六新增57宗個案, 新增57例病例 with no total before it: cases are confirmed cases.
        # (新增5例境外输入病例具体情况由…通报 after the day's totals and a list of severities: cases, not the last severity.)
        suffix_confirmed = (suffix is not None and lex.metric[suffix.group()] == "inherit"
                            and (last_explicit is None or last_explicit.start < r.sentence_start)
                            and lex.measure_re.search(text, clause_start, num_start) is not None)
        if after is not None and suffix is not None and lex.metric[suffix.group()] == "inherit" and not suffix_confirmed:
            suffix_scope = after.group("scope")  # 广州报告3例境外输入病例: an item of the total, of its scope
            if suffix_scope:
                r.consumed = suffix.end()  # (包括8宗输入个案及4宗本地个案: the next item's words start after it)
        # 重庆3例境外输入病例全部治愈出院: cases with the outcome they had (the outcome is counted, below).
        outcome_of_cases = (suffix is not None and lex.metric[suffix.group()] == "inherit"
                            and _OUTCOME_AFTER.match(text, suffix.end()) is not None)
        if (after is not None and suffix is not None and lex.metric[suffix.group()] == "close_contacts"
                and after.group().lstrip().startswith(("为", "系", "是"))):
            return None  # 当中两人为北京市确诊病例的密切接触者: who the cases counted are, no count of contacts
        if after is not None and suffix is not None and (lex.metric[suffix.group()] != "inherit" or suffix_confirmed or outcome_of_cases):
            metric, label = ("confirmed" if suffix_confirmed or outcome_of_cases else lex.metric[suffix.group()]), suffix.group()
            suffixed = True
            suffix_scope = after.group("scope")
            if after.group("new"):
                measure_hint = "new"  # 8宗新增确诊个案
            r.consumed = suffix.end()
            outcome = _OUTCOME_AFTER.match(text, suffix.end()) if metric in _CASE_NOUNS else None
            rest = _SUFFIX_REST.match(text, suffix.end()) if outcome is None else None
            if outcome is not None:
                # 4例本土无症状感染者解除医学观察（周口市2例…）: the outcome the counted cases had.
                metric, label = lex.metric[outcome.group("outcome")], outcome.group("outcome")
                r.consumed = outcome.end()
            if rest is not None:
                # 1015例确诊病例为此前无症状感染者转归: converted; 753例确诊病例和24448例无症状感染者
                # 在隔离管控中发现: subsets, not counts; 22例确诊病例和1例无症状感染者: two counts.
                tail = _coordinated_tail(rest.group(), lex)
                found_in = _FOUND_IN.match(tail) or _FOUND_IN.match(rest.group())
                if _CONVERTED.search(rest.group()):
                    metric = "asymptomatic_to_confirmed"
                    r.consumed = rest.end()
                elif found_in is not None:
                    # 1557例确诊病例和16835例无症状感染者在隔离管控中发现: how many of each were found
                    # where (metric other); each count of the pair is read on its own.
                    metric, label = "other", f"{label}{found_in.group()}"
                    found_scope = True
                    if not tail:
                        r.consumed = rest.start() + rest.group().index(found_in.group()) + found_in.end()
                elif tail and (_ONGOING.match(tail) or _IN_HOSPITAL.match(tail)):
                    # 现有39例境外输入性疑似病例正在排查中, 尚有35例无症状感染者在定点医院隔离治疗: the state the
                    # counted people are in (除11例本土确诊病例和12例境外输入确诊病例在定点医院隔离治疗外: the count joined is read next).
                    r.consumed = rest.end() if tail == rest.group().strip() else suffix.end()
                    measure_hint = "current"
                elif ((tail in ("中", "当中", "之中") and (lex.measure_re.search(text, clause_start, num_start) or state.since)
                       # 10宗本地个案中有4宗源头不明: a part of the day's cases named by its scope, its breakdown after it
                       or after.group("scope") and _PART_THEN_ITS_PART.match(tail))
                      and not any(c.value == value and c.metric == metric for c in r.counts)):
                    # 新增的5例本土确诊病例中,3例在隔离管控中发现: a total its breakdown follows (a total the
                    # text gave before, 新增120例确诊病例中,…, or one with no measure word, 全省127例确诊病例中,
                    # restates it)
                    pass
                elif (tail in ("中", "当中", "之中") and not state.dated
                      and (restated := next((c for c in reversed(r.counts) if c.value == value and c.metric == metric and c.dated), None)) is not None):
                    # (a paragraph with no count between) 539名确诊患者中,正在住院隔离治疗26人,已治愈出院510人: the
                    # total restated heads its breakdown, under its day and area
                    state.date, state.hours, state.until, state.dated = restated.date, restated.hours, restated.until, True
                    state.since = restated.until is not None
                    if state.region is None:
                        state.region = restated.regions
                    r.consumed = rest.end()
                    return None
                elif tail and _UNDER_MEASURES.match(tail) is not None:
                    # 1786名密接者和6567名次密接者已分别落实了集中隔离和居家隔离管控措施: the people counted,
                    # under the measures taken for them (the same count, not a subset of it; the count
                    # joined to it is read next)
                    r.consumed = suffix.end()
                elif tail and tail.startswith(("全部来自", "均来自", "都来自")):
                    r.consumed = suffix.end()  # 新增的19例确诊病例全部来自藁城区增村镇: where all of them are from
                elif tail and (areas_after := _SPREAD_AFTER.match(text, rest.start())) is not None:
                    r.consumed = areas_after.end()  # …涉16区域：朝阳51例、…: the list of its areas follows
                elif tail and tail not in _REPORTED and not _NEXT_TOTAL.match(text, rest.start()):
                    # (重庆新增5例确诊病例累计211例: 累计 opens the next count, it does not describe this one)
                    r.consumed = rest.end()
                    return None
        if parts is not None:
            r.consumed = consumed_before  # (the parts in the bracket are still to be read)
    if metric in (None, "inherit") and unit in ("例", "宗") and following in gate.BARE_SCOPE_OPENS and (bare := _BARE_SCOPE_AFTER.match(text, number_end)) is not None:
        if (metric is None and _NEW_BEFORE.search(text, max(clause_start, num_start - 3), num_start) is not None
                and (last_explicit is None or last_explicit.start < r.sentence_start)):
            # 今日中央流行疫情指挥中心公布，新增185例本土，当中新北市98例最多 (Taiwan): the day's cases of that scope.
            metric, label, explicit = "confirmed", None, True
            suffix_scope = bare.group("scope")
            r.consumed = bare.end("scope")
        elif (prev_count is not None and prev_count.start >= r.sentence_start and prev_count.depth == depth
              and prev_count.metric in _CASE_NOUNS and not prev_count.zero
              and _SIBLING_BEFORE.search(text, max(clause_start, num_start - 2), num_start) is not None):
            # 新增78例本土个案、1例境外移入: another group of the same cases, named by its scope alone (the
            # scope and noun before it are its sibling's; what it counts comes as for any item).
            metric = None if metric == "inherit" else metric
            suffix_scope, sibling_scope, metric_m = bare.group("scope"), True, None
            r.consumed = bare.end("scope")
    if metric is None and unit in ("例", "人") and following in gate.IN_HOSPITAL_OPENS and (ward := _IN_HOSPITAL.match(text, number_end)) is not None:
        # 累计…确诊病例62例，出院6例，56例在定点医院进行隔离治疗: the confirmed cases now in hospital.
        metric, label, measure_hint, suffixed = "confirmed", ward.group().strip(), "current", True
        r.consumed = ward.end()
    if metric is None and unit in ("名", "人") and _OTHER_PEOPLE.match(text, number_end):
        return None  # 襄阳313名东风本田公司复工人员, 为4190名失业人员发放: people who are not cases
    # 确诊病例914和无症状感染者25173例: a number without unit needs its metric before it.
    if unit is None and (metric_m is None or suffixed or not paired_count_re().match(text, number_end)):
        return None
    if (metric is None and unit == "宗" and _NEW_BEFORE.search(text, max(clause_start, num_start - 4), num_start)
            and _CLAUSE_END_AFTER.match(text, number_end)):
        # 周四新增1宗，周五新增6宗 (Hong Kong reports): 宗 after 新增, closing its clause, counts cases.
        metric, label = "confirmed", None
    if metric is None and text.find("观察", clause_start, num_start) >= 0 and _UNDER_OBSERVATION.search(text, clause_start, num_start):
        # 累计报告无症状感染者501例，其中解除医学观察392例、尚在医学观察32例: the asymptomatic cases of the
        # sentence's total still under observation (current).
        head = next((c for c in reversed(r.counts) if c.start >= r.sentence_start and c.depth == depth
                     and c.metric == "asymptomatic" and c.parent is None), None)
        if head is not None:
            metric, label, measure_hint = "asymptomatic", head.label, "current"
    if (metric is None and (last_explicit is None or last_explicit.start < r.sentence_start)
            and (topic := _metric_topic(r, clause_start)) is not None):
        # 无症状感染者方面，21日本土新增2313例: the sentence's topic is what its first total counts.
        metric, label = topic
    where = None
    if (metric is None or metric == "close_contacts") and text.find("中发现", clause_start, num_start) >= 0 and (where := _FOUND_WHERE.search(text, clause_start, num_start)) is not None:
        # 在密切接触者排查中发现47例, 在重点人群筛查中发现18例: how many were found where (metric other; in the
        # community's screening, community infections).
        metric = found_metric(where.group())[0]
        label = where.group().lstrip("在")
    explicit = metric is not None and metric != "inherit"
    scope_m = None if sibling_scope else _last(lex.scope_re, text, clause_start, num_start)
    if scope_m is not None and scope_m.group().endswith("输入性") and text.startswith("疫情", scope_m.end()):
        scope_m = None  # 本次输入性疫情该省累计报告确诊病例162例: an outbreak brought in, its cases local
    measures = list(lex.measure_re.finditer(text, clause_start, num_start))
    measure_m = measures[0] if measures else None
    said = {lex.measure[x.group()] for x in measures}
    measure_word = said_measure(said)
    if (measure_word == "new" and measure_m is not None and text[measure_m.start() - 1 : measure_m.start()] in ("共", "总")
            and _SINCE_OPENING.search(text, r.sentence_start, measure_m.start())):
        # 自9月17日以来，重庆市共新增本土感染者15例: all the new ones since that day — a running total.
        measure_word = "cumulative"
    elif (measure_word is None and (text.find("共", clause_start, num_start) >= 0 or text.find("计", clause_start, num_start) >= 0)
          and _ALL_SINCE.search(text, clause_start, num_start)
          and _SINCE_OPENING.match(text, r.sentence_start)):
        # 自2021年8月4日以来，我市共报告新冠肺炎确诊病例39例: all reported since that day — a running total.
        measure_word = "cumulative"
    if measure_word is None and suffixed and label and (_ONGOING.match(label) or label in _STATE_NOW):
        measure_word = "current"  # 1054人正在接受医学观察; 15人危殆 (Hong Kong): the state they are in now
    if measure_word is None and metric_m is not None and text.find("治", clause_start, metric_m.start()) >= 0 and _TREATED_BEFORE.search(text, clause_start, metric_m.start()):
        measure_word = "current"  # 截至10月22日24时，在定点医疗机构治疗的本土确诊病例6例: the patients now in hospital
    if measure_word is None and metric_m is not None and text[metric_m.end() : metric_m.end() + 1] in gate.WARD_OPENS and _WARD_AFTER.fullmatch(text, metric_m.end(), num_start):
        measure_word = "current"  # 目前，全省本土确诊病例住院626例: the patients now in hospital
    if measure_word is None and metric_m is not None and following in gate.ONGOING_OPENS and _ONGOING.match(text, number_end):
        measure_word = "current"  # 所有密切接触者81人正在接受医学观察: the people under observation now
    if (measure_word is None and metric in _NOW_METRICS and label is not None and not _OUTCOME_WORD.search(label)
            and _NOW_LEAD.match(text, r.sentence_start) and not r.dated_between(r.sentence_start, num_start)):
        measure_word = "current"  # 目前，重症37例、危重症13例: how many are so now (never an outcome: 已解除医学观察1595人)
    measure_word = measure_word or measure_hint
    group = r.last_group(prefix_start, num_start)
    if group is not None and (text.find(";", group[1], num_start) >= 0 or text.find("；", group[1], num_start) >= 0):
        group = None  # 重型病例转普通型病例1例为永川区；新增危重型病例1例: an area of the clause before
    elif group is not None and text.startswith("输入", group[1]):
        group = None  # 分别为湖北省输入5例: where the cases came from, not where they are
    regions: list[_Region] = []
    if group is not None:
        whole = _whole_of_listed(r, group, clause_start)  # 河南已有洛阳、许昌…6地出现感染者，累计…11例
        regions = [whole] if whole is not None else [r for r in (r.region_of(x) for x in group[2]) if r is not None]
    placed = False  # the count's place is written after it (13例在津南区)
    if group is None and metric is None and (place_after := _place_after(r, number_end)) is not None:
        regions, r.consumed, placed = [place_after[0]], place_after[1], True
    elif group is None and metric is None and following == "来" and (came := _came_from_within(r, number_end, state.region)) is not None:
        regions, r.consumed, placed = [came[0]], came[1], True  # 四宗本地個案中，有三宗來自雄安新區安新縣
    # 3. What the clause does not say comes from the total it breaks down.
    parent: _Count | None = None
    if depth > 0:
        parent = stack[-1][1]
        if parent is None:
            return None
        if not regions:
            short = _short_forms(text[prefix_start:num_start].replace("各", ""))
            regions = short or []
        if (not explicit and not regions and not (metric in (None, "inherit") and lex.scope_re.search(text, clause_start, num_start))
                and not (metric is None and following in gate.FOUND_IN_OPENS and _FOUND_IN.match(text, number_end))):  # 沙坪坝区18例（10例在隔离管控人员中发现…）
            return None  # 广东8例: an area the gazetteer does not know
        # (1213例（其中境外输入病例8例）: the total's imported part, for the total's area)
    elif not explicit and group is not None and (spread := _distributed(r, depth, clause_start)) is not None:
        # 其中确诊病例27例，…，分布在芦淞区16例、石峰区5例: items of the count whose distribution they are.
        parent = spread
    elif not explicit and (heading := r.heading(clause_start, state, last_explicit)) is not None:
        # 新增本土确诊病例中,沙坪坝区20例、九龙坡区10例: items of the total named by the heading
        # (新增个案中，33宗属社区发现: or how many of them were found where).
        if (group is None and not placed and not (following in gate.FOUND_IN_OPENS and _FOUND_IN.match(text, number_end))
                and not lex.scope_re.search(text, clause_start, num_start)):
            return None  # (新增病例：本土病例4例，境外移入44例: the heading's parts by scope)
        parent = heading
    elif not explicit and metric is None and r.in_headline(num_start) and measure_word is not None:
        # 【#重庆新增18例累计165例#】: a notice's headline counts its confirmed cases.
        metric, explicit, label = "confirmed", True, None
        after = _SUFFIX_METRIC_LEAD.match(text, number_end)
        suffix_scope = after.group("scope") if after is not None else None  # 重庆新增1例境外输入
    elif not explicit:
        parent = last_explicit
        if parent is not None and parent.metric == "community_infections" and group is not None:
            parent = _total_before_community(r, parent)  # 新增感染者1034例…;社会面发现感染者259例…。其中,梁平区单日新增499例
        if (parent is not None and parent.measure != "new" and measure_word is None and parent.start < r.sentence_start
                and _OPENS_WITH_PART.fullmatch(text, r.sentence_start, num_start) is not None
                and (day := _day_total_before(r, parent)) is not None):
            # 本港新增15宗确诊个案，至今累计个案10849宗…。其中5宗为输入个案: the day's total, not the running one
            parent = day
        if (prev_count is not None and prev_count.sub and prev_count.parent is last_explicit and prev_count.depth == depth
                and not prev_count.zero and _PARTS_AFTER.match(text, prev_count.end, num_start)):
            parent = prev_count  # 其中本土病例183例，包括陕西的181例: a part of the part just before
        elif (parent is None and group is None and prev_count is not None and prev_count.depth == depth and not prev_count.zero
              and prev_count.start >= r.sentence_start):
            if (prev_count.sub and prev_count.parent is None and prev_count.explicit
                    and _LISTED_AFTER.fullmatch(text, prefix_start, num_start)):
                # …相关通报，其中16,364例确诊，分别为1,723例境外移入，14,587例本土病例 (Taiwan's CDC): the parts, named
                # by their scope, of a part whose own total is no count
                parent = prev_count
            elif (prev_count.parent is not None and prev_count.parent.parent is None and prev_count.parent.sub
                  and _NEXT_ITEM.fullmatch(text, prefix_start, num_start)):
                parent = prev_count.parent  # (…，14,587例本土病例 / 、12,938例本土病例: the list of those parts goes on)
        elif (prev_count is not None and last_explicit is not None and group is not None and prev_count.depth == depth
              and not prev_count.zero and prev_count.start >= r.sentence_start):
            if (prev_count.sub and prev_count.parent is last_explicit and prev_count.scope != last_explicit.scope
                    and prev_count.metric == last_explicit.metric and _LISTED_AFTER.fullmatch(text, prefix_start, group[0])):
                # 新增确诊病例96例，其中本土病例80例，分别是内蒙古56例、…: the items of the local part.
                parent = prev_count
            elif (prev_count.sub and (prev_count.parent is last_explicit or prev_count.parent is None) and prev_count.explicit
                  and last_explicit.metric == "infections" and prev_count.metric in ("confirmed", "asymptomatic")
                  and _ITEM_COMMA.fullmatch(text, prev_count.end, group[0])):
                # 新增本土阳性感染者12例，其中确诊病例8例，南岗区7例、香坊区1例: the items of the confirmed part.
                parent = prev_count
            elif (prev_count.parent is not None and prev_count.parent is not last_explicit
                  and (prev_count.parent.parent is last_explicit or prev_count.parent.parent is None and prev_count.parent.sub)
                  and _NEXT_ITEM.fullmatch(text, prev_count.end, group[0])):
                parent = prev_count.parent  # (…内蒙古56例、黑龙江10例: the list goes on)
        if metric == "inherit" and (parent is None or measure_word == "cumulative"
                                    and (parent.start < r.sentence_start or parent.measure == "new")
                                    # 确诊个案中死亡新增42例；另有境外移入个案72例: another group, no part of the deaths
                                    or _ANOTHER_GROUP.match(text, clause_start, num_start) is not None):
            # 新增本土病例4169例 with no total before it, 截至2月17日12时，全省累计报告…病例146例 in a
            # sentence of its own, 中心调查8宗新增确诊个案，至今本港个案累计11129宗 (no part of the day's new
            # ones): a 病例 is a confirmed case.
            metric, explicit, parent = "confirmed", True, None
        elif metric is None and measure_word is not None and following in gate.INFECTION_PARTS_OPENS and _INFECTION_PARTS.match(text, number_end):
            # 城关区：当日新增295例（确诊病例14，无症状感染者281）: confirmed and asymptomatic cases
            # together are infections.
            metric, explicit, parent, label = "infections", True, None, None
        elif parent is None:
            return None
        elif (metric is None and group is None and measure_word == "new" and parent.measure == "new"
              and parent.depth == depth == 0 and parent.start >= r.sentence_start and scope_m is not None
              and lex.scope[scope_m.group()] not in ("unspecified", parent.scope)):
            # 本土病例新增216例，同时境外移入新增65例: the day's total of another scope, no part of the first.
            metric, label, explicit, parent = parent.metric, parent.label, True, None
        elif (metric is None and group is None and measure_word in ("cumulative", "current")
              and (day := _day_count(r, parent, prev_count, depth)) is not None
              and not (following in gate.ONGOING_OPENS and _ONGOING.match(text, number_end))
              and _LIST_GAP.fullmatch(text, prefix_start, clause_start) is not None):
            # 全省新增密切接触者691人，累计1979人: the running total of what the day's count counts.
            metric, label, explicit, parent = day.metric, day.label, True, None
        elif (metric is None and group is None and measure_word == "current" and parent.measure == "cumulative"
              and parent.depth == depth == 0 and parent.start >= r.sentence_start and not parent.zero
              and parent.metric in ("close_contacts", "confirmed", "asymptomatic", "infections")
              and _LIST_GAP.fullmatch(text, prefix_start, clause_start) is not None):
            # 累计医学观察密切接触者24600人，尚在医学观察3602人: how many of what the running total counts are
            # in that state now.
            metric, label, explicit, parent = parent.metric, parent.label, True, None
        elif (metric is None and group is not None and measure_word == "cumulative" and parent.measure == "new"
              and parent.depth == depth == 0 and parent.start >= r.sentence_start and parent.metric in _CASE_NOUNS
              and r.area_opening(clause_start, num_start) is not None and not (following in gate.ONGOING_OPENS and _ONGOING.match(text, number_end))):
            # 新增321例本土個案，…，全台已累計2645例: the area's running total of what the day's count counts.
            metric, label, explicit, parent = parent.metric, parent.label, True, None
        elif (metric is None and group is None and parent.start >= r.sentence_start
              and (origin := _origin_place(r, clause_start, num_start, number_end)) is not None):
            # 其中日本输入1例（福州市报告）: an imported item, of the place that reported it.
            regions, suffix_scope, scope_part = [origin[0]], "境外输入", True
            r.consumed = origin[1]
        elif (group is None and parent.depth == depth == 0
              and (parent.start >= r.sentence_start or _opens_on(r, parent, num_start))
              and following in gate.SCOPE_PART_OPENS and (part := _SCOPE_PART.match(text, number_end)) is not None):
            # 新增确诊病例89例，其中86例为境外输入病例，3例为本土病例: parts named by their scope after the number.
            word = part.group("scope")
            suffix_scope, scope_part = ("境外输入" if "输入" in word else word), True
            r.consumed = part.end()
        elif not (_BREAKDOWN_WORDS.search(text, clause_start, num_start) or group is not None and group[0] >= clause_start
                  # 其中，136例在隔离管控人员中发现: the total's cases found somewhere, in its sentence
                  or parent.start >= r.sentence_start and following in gate.FOUND_IN_OPENS and _FOUND_IN.match(text, number_end) is not None
                  # 包括18751宗本地确诊个案及954宗输入个案: a part of the sentence's total named by its scope
                  or (parent.start >= r.sentence_start or _opens_on(r, parent, num_start)) and suffix_scope is not None
                  # 新增14例本土确诊病例，…，13例在津南区，1例在西青区: parts named by their place
                  or placed and parent.start >= r.sentence_start
                  or parent.start >= r.sentence_start and _found_before(r, parent, clause_start, num_start) is not None):  # …、居家隔离发现8例
            return None
    if not explicit and metric is None and (found_at := _found_before(r, parent, clause_start, num_start)) is not None:
        metric, label, explicit = *found_at, True  # 其中集中隔离发现8例、居家隔离医学观察发现8例: how many were found where
    if not explicit and not scope_part and not outcome_items and r.residue(clause_start, num_start, m.start(), group):
        return None
    found = (_FOUND_IN.match(text, number_end)
             if not explicit and metric is None and parent is not None and parent.metric in _CASE_NOUNS and following in gate.FOUND_IN_OPENS else None)
    if found is not None:
        # 其中，136例在隔离管控人员中发现、4例在重点人员核酸检测中发现; 沙坪坝区18例（10例在隔离管控人员中发现…）:
        # how many of the total were found where — counts of their own (metric other, labelled so).
        metric, label = found_metric(found.group())  # (33宗属社区发现: community infections)
        explicit = True
        r.consumed = found.end()
    elif (not explicit and metric is None and group is not None and (listed := _LISTED_ITEMS.match(text, number_end)) is not None
          and (found_after := _FOUND_IN.match(text, listed.end())) is not None):
        # 41例感染者中，信州区8例、广信区3例、万年县21例在隔离管控人员中发现: each item of a list that a
        # found-in phrase closes is how many of that area's were found there (the next items are read on).
        metric, label = found_metric(found_after.group())
        explicit = True
    elif (not explicit and not scope_part and not placed
          and (following in gate.SUBSET_OPENS or following.isdecimal() or following > "\uffff") and _SUBSET_AFTER.match(text, number_end)
          and not (group is not None and _EACH.search(text, group[1], num_start))):
        # 其中一例为80岁老人: a subset described after the number (中山、肇庆各有1例为首例确诊病例: a count
        # of each place, described)
        return None
    if r.unknown_area(max(clause_start, group[1] if group is not None else clause_start), num_start):
        return None  # 朝阳区新增感染者1000例: a place the gazetteer does not know is not the area in force
    sub = (
        parent is not None
        or bool(_SUB_WORDS.search(text, prefix_start, num_start))
        # 累计确诊病例396例。其中出院169例，死亡4例: the counts listed after 其中 are all parts.
        or (prev_count is not None and prev_count.sub and prev_count.parent is None and prev_count.depth == depth
            and measure_word is None and _LIST_GAP.fullmatch(text, prefix_start, clause_start) is not None)
    )
    if parent is not None and not explicit:
        metric, label = parent.metric, parent.label
    assert metric is not None
    scope = lex.scope[scope_m.group()] if scope_m else lex.scope.get(
        suffix_scope or "", "imported" if suffix_scope in ("境外", "输入") else None
    )
    if scope is None and foreign_import(text, clause_start, num_start):
        scope = "imported"  # 新增尼泊尔输入新冠肺炎确诊病例2例: brought in from abroad
    if (scope is None and metric_m is not None and text.startswith("输入", metric_m.start() - 2)
            and text[metric_m.start() - 3 : metric_m.start() - 2] in _BARE_INPUT_AFTER):
        scope = "imported"  # 当日新增输入无症状感染者6例, 现有输入无症状感染者21例: 输入 with no origin before it
    # 累计本土确诊病例63082例，治愈出院62458例，死亡595例: a running total heads a list of running
    # totals; the next items, with no measure word of their own, share its measure and scope.
    head = prev_count
    if (head is not None and head.parent is not None and head.sub and head.parent.parent is None
            and head.parent.start >= r.sentence_start and _SEMI_GAP.fullmatch(text, prefix_start, clause_start)):
        # 现有确诊病例2例，其中，米东区1例、水磨沟区1例；无症状感染者52例: a semicolon closes the breakdown;
        # the list of totals goes on.
        head = head.parent
    running = (
        head
        if measure_word is None
        and parent is None
        and head is not None
        and head.depth == depth == 0
        and head.parent is None
        and head.measure in ("cumulative", "current")
        # (现有本土确诊病例9例（海城区7例…），本土无症状感染者444例: the list goes on after the first's breakdown.)
        and (_LIST_GAP.fullmatch(text, prefix_start, clause_start) or _AFTER_BREAKDOWN.fullmatch(text, prefix_start, clause_start))
        and not r.dated_between(prefix_start, num_start)
        else None
    )
    # …至今有本地確診326宗…。其中，石家莊市確診304例: a sentence opening with 其中 goes on with the last count.
    before = prev_count if prev_count is not None else last_top if text.find("其中", r.sentence_start, num_start) >= 0 and _PARTS_OPENING.match(text, r.sentence_start, num_start) else None
    if (running is None and measure_word is None and parent is None and before is not None
            and (before.measure in ("cumulative", "current") or before.start >= r.sentence_start)
            and before.depth == depth and _SUB_WORDS.search(text, prefix_start, num_start)):
        # 现有确诊病例6287例（武汉6118例），其中重症病例2098例: a part of a current count is current;
        # 全国新增确诊病例15152例，其中湖北临床诊断病例13332例 (under 截至…): a part of the day's new ones is new.
        measure_word = "current" if metric is not None and metric == "other" and label and _SEVERITY.search(label) \
            else before.measure
    if (running is None and measure_word is None and parent is None and depth == 0 and prev_count is None
            and last_top is not None and last_top.measure == "current" and last_top.depth == 0
            and last_top.end <= r.sentence_start and clause_start <= r.sentence_start + 1
            and not r.dated_between(last_top.end, num_start)):
        # 截至2月21日24时，现有本土确诊病例195例，…。本土无症状感染者2例（均在巴彦淖尔市）。: the next sentence,
        # opening with what it counts and no measure word, goes on with the current counts.
        measure_word = "cumulative" if metric in _OUTCOMES else "current"
    if running is not None:
        measure_word = running.measure
        if measure_word == "current" and (metric in _OUTCOMES or metric == "asymptomatic_to_confirmed"):
            # 现有重症病例60例,死亡病例1例,出院病例159例: no one is currently dead (nor currently converted:
            # 尚在医学观察32例（…）、转为确诊病例77例)
            measure_word = "cumulative"
        if scope is None:
            scope = running.scope
    elif (
        scope is None
        and parent is None
        and prev_count is not None
        and prev_count.depth == depth == 0
        and prev_count.parent is None
        and prev_count.measure in ("cumulative", "current")
        and prev_count.scope != "unspecified"
        # (累计报告本土确诊病例183例、境外输入确诊病例1例，累计治愈病例178例: a list of both scopes has none to give)
        and len(r.sentence_scopes.get(0, set()) - {"unspecified"}) <= 1
        # (重庆无本地和境外输入在院确诊病例；尚在接受医学观察的无症状感染者为22例: no list of one scope)
        and not (prev_count.zero and _BOTH_SCOPES.search(text, prev_count.start, prev_count.end))
        # (累计报告境外输入确诊病例3例；累计追踪到密切接触者24090人: contacts are no imported cases)
        and (metric != "close_contacts" or prev_count.metric == "close_contacts")
        and measure_word in ("cumulative", "current")
        and _LIST_GAP.fullmatch(text, prefix_start, clause_start)
    ):
        # 累计本土确诊病例3000例，…，在院治疗490例: a list item with its own measure word keeps the
        # list's scope.
        scope = prev_count.scope
    if scope is None and parent is None and (found_scope or (text.find("计", clause_start, num_start) >= 0 or text.find("合共", clause_start, num_start) >= 0)
                                                    and _SUM_WORD.search(text, clause_start, num_start)):
        # 本土确诊病例134例、本土无症状感染者7177例，合计新增感染者超过7300例: the sum of counts of
        # one scope has that scope.
        scope = r.sentence_scope(depth)
    if scope is None:
        if parent is not None:
            scope = parent.scope
        elif prev_count is not None and _COORD.match(text, prefix_start):
            scope = prev_count.scope
        elif (sub and prev_count is not None and prev_count.sub and prev_count.depth == depth
              and _LIST_GAP.fullmatch(text, prefix_start, clause_start)):
            scope = prev_count.scope  # 其中隔离观察人员3697例，社会面筛查人员1170例: the parts of one list
        elif prev_count is not None and prev_count.depth == depth and _SUB_WORDS.search(text, clause_start, num_start):
            scope = prev_count.scope  # 境外输入病例22例，含11例由无症状感染者转为确诊病例
        elif before is not None and prev_count is None and before.depth == depth and _SUB_WORDS.search(text, prefix_start, num_start):
            scope = before.scope  # …本地確診326宗…。其中，石家莊市確診304例
        else:
            scope = r.topic_scope or "unspecified"
    if (metric == "confirmed" and metric_m is not None and _CONTACTS.search(text, r.sentence_start, clause_start)
            and _CONTACT_OUTCOME.search(text, clause_start, metric_m.start())):
        # 追踪到密切接触者178例，其中已确诊5人: contacts who became cases, not the day's or the city's cases.
        metric, label = "other", "密切接触者" + text[clause_start:metric_m.end()].strip(" ,，")
    if (metric == "asymptomatic" and last_explicit is not None and last_explicit.metric == "released_from_observation"
            and last_explicit.start >= r.sentence_start and parent is None
            and _SUB_WORDS.search(text, last_explicit.end, num_start)):
        # 解除医学观察无症状感染者19例，其中本土无症状感染者4例、境外输入性…15例: parts of the released.
        metric, label, measure_word = "released_from_observation", last_explicit.label, measure_word or last_explicit.measure
    if measure_word is None and parent is None and label and _SEVERITY.search(label):
        # 在院的49例确诊病例中，轻型7例，普通型30例，重型2例: severities of the patients now in hospital.
        said_before = r.said_before(clause_start)
        if "current" in said_before and "new" not in said_before:
            measure_word = "current"
    if (measure_word is None and parent is None and depth == 0 and state.since and r.said_before(clause_start) == {"current"}
            and last_top is not None and last_top.measure == "current" and last_top.start >= r.sentence_start):
        # 截至8月8日24时，现有本土确诊病例88例，其中…，本土无症状感染者31例: 现有 opens the sentence for both.
        measure_word = "current"
    # (5月13日至26日24时，安徽省共报告确诊病例10例: all reported over the days, a running total)
    spanned = state.span and text.find("共", clause_start, num_start) >= 0
    measure = measure_word or (parent.measure if parent is not None else "cumulative" if state.since or spanned else "new")
    if (measure_word is None and parent is None and measure == "new" and _SUB_WORDS.search(text, prefix_start, num_start)
            and _RUNNING_BEFORE.search(text, r.sentence_start, prefix_start)):
        # 国内累计1,107,543例…相关通报（含…排除），其中14,157例确诊: a part of a running total the reader does
        # not count (reports) is a running total too
        measure = "cumulative"
    if (measure == "cumulative" and "cumulative" not in said and label and _SEVERITY.search(label)
            and "转" not in text[num_start : num_start + 12]  # 4人转为疑似病例: how many ever were
            and not _severity_split(text, depth, parent, num_start)):
        # 截至…累计确诊病例147例，重型病例15例: how many are severe now, not ever.
        measure = "current"
    if measure == "current" and metric in ("recovered", "deaths"):
        measure = "cumulative"  # 现有治愈出院病例459例: nobody is "currently" recovered or dead; a running total
    elif (measure == "new" and measure_word is None and parent is None and metric in ("recovered", "deaths")
          and _NOW_WORD.search(text, min(clause_start, r.sentence_start), num_start)):
        measure = "cumulative"  # 目前出院病例78例 (目前，治愈出院患者59例): how many so far, not the day's
    elif (measure == "new" and measure_word is None and parent is None and metric in ("recovered", "deaths")
          and _outcome_in_running_totals(r, num_start)):
        measure = "cumulative"  # 全市累计报告…确诊病例24例(…)，无新增确诊病例。尚在医院治疗21例…。出院病例3例。死亡病例0例。
    parts_of_prev = prev_count is not None and _SUB_WORDS.match(text, prev_count.end + 1) is not None
    if (not regions and prev_count is not None and (prev_count.sub or parts_of_prev) and prev_count.depth == depth
            # (梁平区单日新增499例，社会面报告188例: how many of the district's were found in the community)
            and (metric_m is None or parts_of_prev or metric == "community_infections" and prev_count.metric in ("infections", "confirmed"))
            and prev_count.start >= r.sentence_start and (parts_of_prev or not _is_top(prev_count.regions))
            and not _SEGMENT_END.search(text, prev_count.end, num_start)
            # (…湖南和宁夏各1宗，同时有16宗境外输入个案: another group beside the items, not a part of the last)
            and _BESIDE_GROUP.match(text, clause_start, num_start) is None):
        # 南岸区2例，1例在隔离管控人员中发现、1例由无症状感染者转为确诊病例；…: the parts after a district's
        # item, up to the next semicolon, are that district's (澳門特區51例，其中出院49例 too).
        regions = prev_count.regions
    if (not regions and prev_count is not None and prev_count.depth == depth == 0 and prev_count.regions
            and prev_count.start >= r.sentence_start and not _SEGMENT_END.search(text, prev_count.end, num_start)):
        # 其中，南京市确诊病例220例；扬州市确诊病例94例，无症状感染者2例；…: in a run of semicolon-separated
        # segments, each opening with its area, the segment's counts are that area's.
        # (searched back at most a segment's length: a sentence of thousands of counts stays linear)
        semi = _LAST_SEMICOLON.search(text, max(r.sentence_start, prev_count.start - _SEGMENT_REACH), prev_count.start)
        seg_start = semi.end() if semi is not None else _first_segment(r, prev_count, num_start)
        if seg_start is not None and r.area_opening(seg_start, prev_count.end) == prev_count.regions:
            regions = prev_count.regions
    if not regions and depth > 0 and stack and (place := _bracket_place(r, stack[-1][0], num_start)) is not None:
        regions = [place]  # 129例(均在防城港市，其中117例在闭环管理人员中发现…): the parts are that place's
    if not regions:
        if parent is not None:
            regions = parent.regions if not parent.each else []
        elif (line_area := line_heading_area(r, num_start)) is not None:
            regions = [line_area]  # (一)城关区：当日新增295例（…）；累计770例（…）: the line's heading area
        elif state.region:
            regions = state.region
        elif r.home is not None:
            regions = [r.home]
    if not regions:
        return None
    each = bool(len(regions) > 1 and _EACH.search(text, max(prefix_start, num_start - 4), num_start))
    if parent is not None and (depth > 0 or parent.incomplete):  # a bracket's total, or a heading
        date, hours, dated, until = parent.date, parent.hours, parent.dated, parent.until
    else:
        date, hours, dated, until = state.date, state.hours, state.dated, state.until
        if measure == "cumulative" and not state.here and not state.since and state.hours is None:
            # 本轮疫情累计报告感染者超过6万例: a running total needs its own 截至 date — but the day of a
            # notice's 0—24时 window, in force, is one (境外输入现有确诊病例303例。累计确诊病例3804例).
            dated = False
        if date is None and r.window_day is not None and _SINCE_PHRASE.search(text, r.sentence_start, num_start):
            # 自9月12日以来，我市累计报告本土确诊病例232例 after paragraphs that handed no date on: as of the
            # notice's day (its last 0—24时 window).
            date, dated = r.window_day, True
        elif (measure == "cumulative" and not dated and r.window_day is None and r.doc.published is not None
              and not r.doc.published_from_text and _SINCE_PHRASE.search(text, r.sentence_start, num_start)):
            # 莆田方面，9月10日以来，该市累计报告本土确诊病例183例 in a report with no notice window: as of the
            # article's day.
            date, dated, hours, until = r.doc.published, True, None, None
        elif (measure == "cumulative" and dated and r.window_day is None and state.hours is None and state.until is None
              and r.doc.published is not None and not r.doc.published_from_text and date is not None
              and date < r.doc.published - _STALE_SCENE and _SINCE_OPENING.match(text, r.sentence_start)):
            # 4月8日，…应急移动医院…投入使用。2月16日以来，全州累计救治阳性感染者547例 (an article of 4月20日): a
            # sentence opening with the day a running total runs from, in a report with no notice window, after a
            # scene days older than the article, states the total as of the article's day (the day of a report or
            # a press conference just told — 9月27日，重庆市召开…发布会。自9月18日以来… — stays its day).
            date, dated, hours, until = r.doc.published, True, None, None
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
    if where is not None:
        starts.append(where.start("where"))
    if metric == "other" and label and "初筛阳性" in label and _REVIEWED_POSITIVE.match(text, max(number_end, r.consumed)):
        metric = "infections"  # 新增32例初筛阳性人员，经复核为阳性: positives once reviewed are infections
    count = _Count(
        start=min(starts),
        end=max(number_end, r.consumed if suffixed or scope_part or placed else 0),
        value=value,
        metric=metric,
        scope=scope,
        measure=measure,
        qualifier=_qualifier(m, lex),
        regions=regions,
        each=each,
        date=date,
        hours=hours,
        until=until,
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
