"""The zeros a notice states in words (无新增确诊病例, 现无本土确诊病例, 24个省份无新增 is none), and the
zeros of the metrics joined to one (…确诊病例和无症状感染者): read for the reader, one phrase at a time."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from typing import TYPE_CHECKING

import regex

from ...anchored import AnyMatch, std_compile
from ...models import ArticleWarning
from ..dates import parse_cn_int
from .counts import _Count, _State, _when
from .regions import _Region
from .lexicon import (
    _BOTH_SCOPES, _CLAUSE_BREAK, _LIST_GAP, _NEW_WORD, _NO_CASE_YET, _SEVERITY, _ZERO_GAP, _ZERO_OPENING, _last, load_metric_lexicon,
)

if TYPE_CHECKING:  # the reader imports this module: its type is for the checker only
    from .reader import _Reader


#: What may stand between a cleared count's metric phrase and its 清零 (the optional group of
#: :func:`.lexicon.cleared_re`, each of its ways spelt out).
_CLEARED_LINKS = ("", "已", "已经", "全部", "均已", "已全部")


def may_be_cleared(text: str, start: int, end: int, metric_ends: frozenset[int]) -> bool:
    """Whether ``cleared_re().finditer(text, start, end)`` can find anything, answered without the engine.

    Every match ends in 清零 right after a metric phrase and one of :data:`_CLEARED_LINKS`, and that
    phrase is one occurrence of the lexicon's words, so its end is in ``metric_ends`` (the ends of all of
    them, overlapping ones too). Most paragraphs holding 清零 speak of a policy (动态清零, 社会面清零)
    with no metric phrase before it: the pattern (a look-behind of variable length, the whole metric
    alternation) is not scanned through them."""
    q = text.find("清零", start, end)
    while q >= 0:
        for link in _CLEARED_LINKS:
            if q - len(link) in metric_ends and text.startswith(link, q - len(link)):
                return True
        q = text.find("清零", q + 1, end)
    return False


#: A metric joined to a zero's (无新增境外输入确诊病例和无症状感染者), and a number right after it (then
#: the metric is counted there: 无新增死亡病例和疑似病例3例 is no zero of suspected cases).
@functools.cache
def _joined_metric() -> re.Pattern[str]:
    return std_compile(rf"\s*(?:和|及|与|、)\s*(?P<metric>{load_metric_lexicon().metric_re.pattern})")


_NUMBER_NEXT = std_compile(r"\s*[\d一二两三四五六七八九十]")
#: A number of areas (24个省份, 16个市州), not one closing their names (…重庆高新区等7个区): the zero after
#: it is said of areas it does not name.
_AREA_TALLY = regex.compile(r"(?<![等\d]\s*)(?P<n>\d+)\s*个(?:省份|省区市|省|市州|地市|市|区县|县区|区|县)")
#: After such a tally's zero: the list of its areas announced (，具体为…).
_LISTED_AFTER_ZERO = std_compile(r"\s*[,，:：]\s*(?:具体为|分别为|分别是|包括|即)\s*[:：]?")


def _listed_after(r: _Reader, pos: int) -> list[_Region]:
    """The areas listed after a zero of a tally of areas (，具体为平谷区…、延庆区149天…), up to the sentence's end."""
    lead = _LISTED_AFTER_ZERO.match(r.text, pos)
    if lead is None:
        return []
    end = r.text.find("。", lead.end())
    end = len(r.text) if end < 0 else end
    i = bisect.bisect_left(r.area_starts, lead.end())
    out: list[_Region] = []
    while i < len(r.areas) and r.areas[i].start < end:
        region = r.region_of(r.areas[i])
        if region is not None and region not in out:
            out.append(region)
        i += 1
    return out


def _running_measure(metric_phrase: str) -> str:
    """The measure of a count under a running total's date (截至…24时): patients now in a state
    (重症, 危重, 疑似) are current, everything else counted so far is cumulative."""
    return "current" if _SEVERITY.search(metric_phrase) else "cumulative"


#: 零新增 with no metric after it, closing its clause (东方、万宁、临高、澄迈零新增，…).
BARE_ZERO = std_compile(r"零新增(?=\s*[,，。;；])")
#: How far back the count whose metric a bare 零新增 takes may end.
_BARE_REACH = 300


def _bare_zero(r: _Reader, m: AnyMatch, prefix_start: int, state: _State) -> _Count | None:
    """The zeros of areas listed before a bare 零新增 (东方、万宁、临高、澄迈零新增): of what the count read last
    counts (三亚报告新增感染者29例。…), each area its own."""
    group = r.last_group(prefix_start, m.start())
    if group is None or not state.dated or _ZERO_GAP.fullmatch(r.text, group[1], m.start()) is None:
        return None
    # (儋州报告3例社区筛查感染者 between: a kind of the cases counted, not what the zero is of)
    last = next((c for c in reversed(r.counts) if not c.zero and c.metric not in ("other", "community_infections")), None)
    if last is None or last.end < m.start() - _BARE_REACH:
        return None
    regions = [x for x in (r.region_of(y) for y in group[2]) if x is not None]
    if not regions:
        return None
    return _Count(
        start=group[0], end=m.end(), value=0, metric=last.metric, scope=last.scope, measure="new", qualifier="exact",
        regions=regions, each=True, **_when(state), depth=0, explicit=False, sub=True, label=last.label, zero=True,
    )


#: After a zero of confirmed cases: none of them was discharged (全市无本土确诊病例出院).
_DISCHARGED_AFTER = ("出院", "治愈出院")


def read_zero(r: _Reader, m: AnyMatch, prefix_start: int, state: _State, prev: _Count | None = None) -> _Count | None:
    """The zero the phrase ``m`` states (无新增确诊病例), for the areas listed before it or the area in force."""
    if m.re is BARE_ZERO:
        return _bare_zero(r, m, prefix_start, state)
    brk = _last(_CLAUSE_BREAK, r.text, prefix_start, m.start())
    tally = _AREA_TALLY.search(r.text, brk.end() if brk else prefix_start, m.start())
    group = r.last_group(prefix_start, m.start()) if tally is None else None
    gap = _ZERO_GAP.fullmatch(r.text, group[1], m.start()) if group is not None else None
    stated_n: str | None = None  # how many areas the text says had none
    if tally is not None:
        # 24个省份及新疆生产建设兵团无新增确诊病例: how many areas had none, not a zero of one — unless the
        # areas are listed after it (全市有12个区无本地报告新增确诊病例，具体为平谷区…、延庆区149天…).
        listed = _listed_after(r, m.end())
        if not listed or not state.dated:
            return None
        g_start, g_end, regions, stated_n = tally.start(), tally.end(), listed, tally.group("n")
        gap = _ZERO_GAP.fullmatch("")  # (the tally's words are read for the scope below)
        if gap is None:
            return None
    elif group is None or gap is None:
        # 6月13日0—24时，本地无新增确诊病例: a clause of its own states a zero for the area in force.
        brk = _last(_CLAUSE_BREAK, r.text, prefix_start, m.start())
        opening = _ZERO_OPENING.fullmatch(r.text, brk.end() if brk else prefix_start, m.start())
        area = state.region or ([r.home] if r.home is not None else None)
        if prev is not None and prev.zero and prev.start >= r.sentence_start and prev.regions:
            area = prev.regions  # 湖北无新增确诊病例，无新增疑似病例: the zeros go on for the same area
        if opening is not None and opening.group("that"):
            named = r.area_named_by(opening.group("that"), opening.start("that"))
            area = [named] if named is not None else None  # 湖南张家界市官方最新通报，…，该市无新增…
        # (一、全市累计报告…24例(…)，无新增确诊病例。… 巴中市卫生健康委员会 2020年2月19日: a notice dated only by its
        # signature, after its counts — settle dates them all; a date written before the zero and not in force is
        # another day's)
        if opening is None or not area or not state.dated and (not r.dates or r.dates[0].start < m.start()):
            return None
        g_start, g_end, regions = opening.start(), opening.end(), list(area)
        gap = _ZERO_GAP.fullmatch("")  # no list: no stated number of areas; the opening's scope is read below
        if gap is None:
            return None
    else:
        g_start, g_end, mentions = group
        regions = [r for r in (r.region_of(x) for x in mentions) if r is not None]
    if not regions:
        return None
    stated_n = stated_n or gap.group("n")  # (…等7个区未报告: the number closing the list before the zero)
    if stated_n:
        stated = parse_cn_int(stated_n)
        if stated is not None and stated != len(regions):
            r.warnings.append(
                ArticleWarning(
                    code="list_count_mismatch",
                    message=f"the list names {len(regions)} areas but says {stated}",
                    evidence=r.doc.evidence(g_start, m.end()),
                )
            )
    mods = (m.group("mods") or "") + (gap.group("scope") or "") + r.text[g_start:g_end]
    # 现有危重2例，重症14例，治愈出院35例，疑似病例103例，无死亡病例: a zero closing a list of running totals.
    in_running_list = (prev is not None and prev.depth == 0 and prev.parent is None and not prev.zero
                       and prev.measure in ("cumulative", "current") and group is None
                       and _LIST_GAP.fullmatch(r.text, prefix_start, m.start()) is not None)
    both = _BOTH_SCOPES.search(mods) is not None  # 无本地和境外输入新增确诊病例: a local zero, then an imported one
    scope = "imported" if "境外" in mods and not both else "local" if "本土" in mods or "本地" in mods else r.topic_scope or "unspecified"
    metric = r.lex.metric[m.group("metric")]
    if metric == "confirmed" and r.text.startswith(_DISCHARGED_AFTER, m.end()):
        metric = "recovered"  # 全市无本土确诊病例出院: none of them discharged, not no case
    if metric == "inherit":
        if not _NO_CASE_YET.search(r.text, m.start(), m.start("metric")) and scope == "unspecified" and "新增" not in m.group():
            return None  # (无境外输入性病例: no imported case at all)
        metric = "confirmed"  # 平谷区尚未有病例: no case at all; 益阳市无新增病例报告: no new one
    zero = _Count(
        start=g_start,
        end=m.end(),
        value=0,
        metric=metric,
        scope=scope,
        # 截至2月20日24时，…平谷区尚未有病例: a zero under a running total is one too.
        measure="current" if ("在院" in mods or "现有" in mods or r.text[m.start() - 1 : m.start()] == "现"  # 无在院确诊病例, 现无本土确诊病例
                              or r.text.startswith("目前", m.start() - 2)  # 目前无重症患者
                              or m.group().endswith("清零"))  # 确诊病例清零: none left
        else _running_measure(m.group("metric")) if ((state.since or in_running_list or r.text.startswith("至今", m.start() - 2)
                                                      or _SEVERITY.match(m.group("metric")) is not None)  # 无重型患者: none severe now
                                                     and not _NEW_WORD.search(m.group() + mods))  # 至今无死亡病例: none so far
        else "new",
        qualifier="exact",
        regions=regions,
        each=True,
        **_when(state),
        depth=0,
        explicit=False,
        sub=True,
        label=m.group("metric"),
        zero=True,
    )
    if not state.dated and any(c.zero and (c.metric, c.scope, c.measure, c.regions) == (zero.metric, zero.scope, zero.measure, zero.regions)
                               for c in r.counts):
        return None  # (巴中无新增确诊病例 (headline) …，无新增确诊病例: an undated notice's zero said twice is one)
    return zero

def joined_zeros(r: _Reader, zero: _Count) -> list[_Count]:
    """Zeros of the metrics joined to ``zero``'s (…确诊病例和无症状感染者, …死亡病例、疑似病例), each
    a count of its own with the same area, scope and date; none when a number follows. A zero of
    local and imported cases at once (无本地和境外输入新增…) gets its imported twin."""
    scopes = [zero]
    if zero.scope == "local" and _BOTH_SCOPES.search(r.text, zero.start, zero.end):
        scopes.append(dataclasses.replace(zero, scope="imported", children=[]))
    out = scopes[1:]
    end = zero.end
    while (j := _joined_metric().match(r.text, end)) is not None:
        metric = r.lex.metric.get(j.group("metric"))
        if metric is None or metric == "inherit" or _NUMBER_NEXT.match(r.text, j.end()):
            break
        out += [dataclasses.replace(z, end=j.end(), metric=metric, label=j.group("metric"), children=[]) for z in scopes]
        end = j.end()
    return out
