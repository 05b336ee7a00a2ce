"""The clauses after a count that describe it — 为本土病例, 在北京, （均为境外输入）, （无症状感染者转为确诊病例）,
均在隔离管控人员中发现 — read for the reader (:meth:`.reader._Reader.attribute`). Split from :mod:`.reader`."""

from __future__ import annotations

import bisect
import dataclasses
from typing import TYPE_CHECKING

import regex

from ...anchored import std_compile
from ...resources import compiled_on_first_use
from .counts import _Count
from .lexicon import _ATTRIBUTION, _FOUND_IN, _OPEN, _count_re, _last, _zero_re, foreign_items, found_in
from .regions import _DIGIT, _contains

if TYPE_CHECKING:  # the reader imports this module: its type is for the checker only
    from .reader import _Reader

__all__ = ["attribute"]

#: A bracket after a confirmed case that says it was an asymptomatic one (（无症状感染者转为确诊病例）).
_CONVERSION_NOTE = compiled_on_first_use(lambda: std_compile(
    r"\s*(?:均|都|全部)?(?:系|为|由)?\s*(?:既往|此前|前期|之前)?(?:已?(?:报告|通报)的)?\s*(?:本土|境外输入)?"
    r"无症状(?:感染者)?(?:转(?:为)?确诊(?:病例)?|转归)\s*"
))
#: A bracket after a count saying none of it was of a scope (无境外输入).
_NONE_OF_SCOPE = compiled_on_first_use(lambda: std_compile(r"\s*无\s*(?P<scope>境外输入|本土)(?:病例)?\s*"))
#: A clause after a count saying where the cases came from (均来自中国香港, 分别来自韩国).
_ORIGIN_LEAD = compiled_on_first_use(lambda: std_compile(r"\s*(?:均|都|全部|分别|同样|也)?\s*来自"))  # (同樣來自廣州 too)
#: What may stand before the place a bracket after a count names: （在成都）, （均在渝中区）, （均为江津区报告）.
_BRACKET_LEAD = compiled_on_first_use(lambda: std_compile(r"^\s*(?:均|都)?\s*(?:在|位于|为|系)"))  # （均为江津区报告）
#: An origin before 输入 in a clause describing a count (苏丹输入, 英国输入病例).
_CAME_FROM = compiled_on_first_use(lambda: regex.compile(r"(?P<origin>\p{Han}{2,8}?)输入"))
#: An origin in China that names no place (均为省外输入, 外省输入): the cases are no imported ones.
_DOMESTIC_ORIGIN = ("省外", "市外", "区外", "县外", "外省", "外市", "外地", "国内")
#: A note that says what all of a count's cases are (（均为境外输入）).
_ALL_OF = compiled_on_first_use(lambda: std_compile(r"(?:均|都|全部)(?:为|系|是)"))
#: Before a place a count is compared with, not one it is of.
_COMPARED_TO = compiled_on_first_use(lambda: std_compile(r"(?:次于|高于|低于|多于|少于|超过|不及|比)\s*$"))
#: After a place in a count's note: a hospital or facility there (均在绥芬河市定点医院隔离治疗).
_TREATED_AT = compiled_on_first_use(lambda: std_compile(r"\s*的?\s*(?:定点|指定)?\s*(?:医院|医疗机构|救治医院|隔离点|隔离酒店|方舱)"))


#: A bracket after a count of infections that splits it with numbers of no unit (确诊病例13，无症状感染者251),
#: or says what all of them are (均为无症状感染者).
_PART_ITEM = std_compile(r"(?:其中\s*)?(?:本土)?(?P<metric>确诊病例|确诊|无症状感染者)\s*(?P<value>\d+)\s*(?:[,，、]\s*|$)")
_BRACKET = std_compile(r"[(（]\s*(?P<body>[^()（）\n]{2,40}?)\s*[)）]")
_ALL_ONE_KIND = std_compile(r"(?:均|都|全部)?(?:为|系|是)\s*(?:本土)?(?P<metric>确诊病例|无症状感染者)")


def _infection_parts(text: str, start: int, end: int) -> list[tuple[str, int, int, int | None]]:
    """The parts the bracket ``text[start:end]`` after a count of infections names: (metric, start, end, value;
    None for all of the count), or none when it is anything else."""
    if (whole := _ALL_ONE_KIND.fullmatch(text, start, end)) is not None:
        return [(_PART_METRIC[whole.group("metric")], whole.start("metric"), whole.end("metric"), None)]
    parts: list[tuple[str, int, int, int | None]] = []
    pos = start
    while pos < end and (item := _PART_ITEM.match(text, pos, end)) is not None:
        parts.append((_PART_METRIC[item.group("metric")], item.start("metric"), item.end("value"), int(item.group("value"))))
        pos = item.end()
    return parts if pos == end else []


_PART_METRIC = {"确诊病例": "confirmed", "确诊": "confirmed", "无症状感染者": "asymptomatic"}


def _part_of(count: _Count, metric: str, start: int, end: int, value: int) -> _Count:
    """A part of the infections ``count`` of its own metric (its confirmed or asymptomatic cases), at ``[start, end)``."""
    return dataclasses.replace(count, start=start, end=end, value=value, metric=metric, label=None, depth=count.depth + 1,
                               explicit=True, sub=True, parent=count, change=None, children=[], suffix=False, rest=0,
                               incomplete=False, boxed=False)


def attribute(r: _Reader, count: _Count, end: int) -> int:
    """Read the clauses after ``count`` that describe it (为本土病例, 在北京); return where they end.

    Their scope word gives the count its scope when it has none; a place they name gets a record of
    the same count for that place (a breakdown item, so never the area in force). Later counts never
    read them: their prefix starts after them.
    """
    text, pos = r.text, count.end
    copies: list[_Count] = []  # the count for the places the clauses name
    if (count.metric == "infections" and not count.zero and text[pos : pos + 1] in _OPEN
            and (b := _BRACKET.match(text, pos, end)) is not None and (parts := _infection_parts(text, *b.span("body")))):
        # 城关区：当日新增264例（确诊病例13，无症状感染者251）, 当日新增2例（均为无症状感染者）: the infections'
        # confirmed and asymptomatic parts, numbers with no unit (or all of them of one kind).
        for metric, start, stop, value in parts:
            if value is None:
                start, stop, value = count.start, b.end(), count.value  # (the evidence holds the number)
            r.counts.append(_part_of(count, metric, start, stop, value))
        pos = b.end()
    while (a := _ATTRIBUTION.match(text, pos, end)) is not None:
        body_start, body_end = a.span("body")
        if (body_end > body_start and text[body_end - 1].isdigit() and text[body_end : body_end + 1] in (",", "，")
                and text[body_end + 1 : body_end + 2].isdigit()):
            break  # 16,364例确诊，分别为1,723例境外移入: a number with a thousands comma starts a count of its own
        if _count_re().search(text, body_start, body_end):
            if a.group("bracket") and count.scope == "unspecified" and foreign_items(text, body_start, body_end):
                count.scope = "imported"  # 新增治愈出院病例3例（其中西班牙1例、美国1例）: cases from abroad
            break  # 为沙坪坝区3例: a count of its own
        if text[body_end : body_end + 1] in _OPEN and _DIGIT.match(text, body_end + 1):
            break  # 分别在黑龙江（27例，…）、河北（8例）: the places' own counts, not where all the cases are
        if a.group("bracket") and _zero_re().match(text, body_start):
            break  # 现有在院确诊病例4例（无重型和危重型病例）: zeros of their own, read as such
        if a.group("bracket") and (none := _NONE_OF_SCOPE.fullmatch(text, body_start, body_end)) is not None:
            # 当日转为确诊病例1例（无境外输入）: none of the count was imported — a zero of that scope, and
            # no scope for the count itself.
            r.counts.append(dataclasses.replace(count, value=0, zero=True, scope=r.lex.scope[none.group("scope")],
                                                   parent=None, children=[], explicit=False))
            pos = a.end()
            continue
        if (count.metric == "infections" and not count.zero and not count.sub
                and (whole := _ALL_ONE_KIND.fullmatch(text, body_start, body_end)) is not None):
            # 海西州新增59例新冠肺炎病毒核酸检测阳性人员,均为无症状感染者: what all of them are, a count of its own.
            r.counts.append(_part_of(count, _PART_METRIC[whole.group("metric")], count.start, body_end, count.value))
            pos = a.end()
            continue
        if a.group("bracket") and text.startswith(("含", "包括", "包含"), body_start):
            pos = a.end()  # 密切接触者3074人（含境外输入病例密切接触者）: a part it includes, not what it is
            continue
        if (count.metric in ("confirmed", "infections") and (count.sub or count.measure == "new" and not count.zero)
                and _CONVERSION_NOTE.fullmatch(text, body_start, body_end)):
            # 南岸区1例（无症状感染者转为确诊病例）, 大足区1例，由无症状感染者转为确诊病例: an item of the new confirmed cases that was an
            # asymptomatic case before: also an item of the day's conversions. The same of a day's total:
            # 新增境外输入确诊病例3例(均为既往通报的境外输入无症状感染者转确诊), 新增确诊病例6例,均系无症状感染者转归.
            r.counts.append(dataclasses.replace(count, metric="asymptomatic_to_confirmed", label=text[body_start:body_end],
                                                   parent=None, children=[], explicit=False))
            pos = a.end()
            continue
        if (count.sub and count.metric in ("confirmed", "asymptomatic", "infections") and _FOUND_IN.fullmatch(text, body_start, body_end)
                and not text.startswith(("均", "都", "全部"), body_start)):
            # 北碚区1例，在隔离管控人员中发现; 巴南区2例（在隔离管控人员中发现）: the item's cases were
            # found there — a count of them (metric other), as when the number is written (2例在…中发现).
            # (璧山区1例、九龙坡区1例，均在隔离管控人员中发现 says it of the whole list: no one item's count.)
            metric, label = found_in(text[body_start:body_end])
            r.counts.append(dataclasses.replace(count, metric=metric, label=label,
                                                   parent=None, children=[], explicit=False))
            pos = a.end()
            continue
        scope_m = _last(r.lex.scope_re, text, body_start, body_end)
        if (scope_m is not None and count.scope == "unspecified" and not count.sub and not count.zero
                and _ALL_OF.match(text, body_start) and r.lex.scope[scope_m.group()] == "imported"
                # (a bracket's own group, or a clause with no bracket: （均为境外输入，其中尼泊尔3例…） only gives the scope)
                and (a.group("bracket") or not any(c in _OPEN for c in text[a.start() : body_start]))):
            # 全国新增无症状感染者19例（均为境外输入）: the day's total, and its imported part (all of it); a local
            # one (均为本土确诊病例) only gives the total its scope.
            if a.group("bracket"):
                r.counts.append(dataclasses.replace(count, scope=r.lex.scope[scope_m.group()], parent=count,
                                                       children=[], explicit=False, sub=True))
            else:
                # …报告新增确诊病例37例，均为境外输入病例（云南22例，…）: the same, but the count read on is the
                # imported one, whose items may follow in brackets; the day's total is its copy.
                r.counts.append(dataclasses.replace(count, parent=None, children=[], explicit=False, sub=True))
                count.scope = r.lex.scope[scope_m.group()]
        elif scope_m is not None and count.scope == "unspecified":
            count.scope = r.lex.scope[scope_m.group()]
        elif count.scope == "unspecified" and (came := _CAME_FROM.search(text, body_start, body_end)) is not None:
            # (均为苏丹输入), 为英国输入病例: brought in from abroad; 湖北省输入 is a domestic origin.
            i = bisect.bisect_left(r.area_starts, came.start())
            if not (i < len(r.areas) and r.areas[i].start < came.end("origin")) and not came.group("origin").endswith(_DOMESTIC_ORIGIN):
                count.scope = "imported"
        group = r.last_group(body_start, body_end)
        if a.group("bracket") and (group is None or _BRACKET_LEAD.sub("", text[body_start:group[0]]).strip()
                                   or text[group[1]:body_end].strip() not in ("", "报告")):
            group = None  # （含境外输入）, （均为苏丹输入）: a bracket that is not just a place
        elif group is not None and _COMPARED_TO.search(text, body_start, group[0]):
            group = None  # 累計確診496宗，是湖北疫情僅次於武漢的地區: the place it is compared with
        elif group is not None and _ORIGIN_LEAD.match(text, body_start) and not (
                len(count.regions) == 1 and all(
                    (reg := r.region_of(x)) is not None and _contains(count.regions[0].code, reg.code) for x in group[2])):
            # 江门报告1例，均来自中国香港: where the cases came from, not where they are (呼和浩特市…2例，全部来自
            # 回民区: a part of the count's own area is where they are)
            group = None
        elif group is not None and _TREATED_AT.match(text, group[1]):
            group = None  # 东宁市…目前共有2例，均在绥芬河市定点医院隔离治疗: where they are treated, not their area
        regions = [r for r in map(r.region_of, group[2]) if r is not None] if group is not None else []
        if group is not None and regions and regions != count.regions and not count.each and not count.zero:
            # The same count over the listed areas, as a breakdown item of ``count``.
            copies.append(dataclasses.replace(
                count, end=group[1], regions=regions, each=False, explicit=False, sub=True, parent=count,
                change=None, children=[], suffix=False, rest=0, incomplete=False,
            ))
            r.counts.append(copies[-1])
        pos = a.end()
    for copy in copies:
        copy.scope = count.scope  # 新增1宗确诊病例，患者在天津，属境外输入病例: a scope said after the place
    return pos
