"""After reading: lists regrouped by their sums, breakdowns and changes checked, records made."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ...document import Doc
from ...models import ArticleWarning, CaseCount, case_count
from ..dates import window
from .counts import _Count
from .lexicon import _FIRST_DAY, _ONE_DAY


def regroup(counts: list[_Count]) -> None:
    """Give a list of area items to the count they sum when the count they hang on is not that one.

    累计报告…病例56例。其中，…危重症6例；男性30例…；贵阳市10例，遵义市9例，…: the areas follow 危重症6例
    but add up to 56, the running total before. 当日新增15例（其中当日新增境外输入确诊病例6例，广东3例，
    甘肃2例，河南1例）: the provinces are the 6 imported cases'. Only a count of the same day, area and
    bracket depth whose value is exactly the items' sum takes them over.
    """
    for i, p in enumerate(counts):
        if p.qualifier != "exact":
            continue
        by_depth: dict[int, list[_Count]] = {}
        for k in p.children:
            if k.regions and not k.each and not k.explicit:
                by_depth.setdefault(k.depth, []).append(k)
        for depth, kids in by_depth.items():
            total = sum(k.value for k in kids)
            if len(kids) < 2 or total == p.value or (depth == p.depth and len(kids) < 3):
                continue
            # The counts between the total and its first item, nearest first; then those before the total.
            after = i + 1
            while after < len(counts) and counts[after].start < kids[0].start:
                after += 1
            before = i
            while before > 0 and counts[before - 1].start >= p.start - 800:
                before -= 1
            for idx in [*range(after - 1, i, -1), *range(i - 1, before - 1, -1)]:
                q = counts[idx]
                if (q.explicit and not q.each and q.qualifier == "exact" and q.value == total and q.date == p.date
                        and q.depth == depth and (q.regions == p.regions or idx > i)):
                    for k in kids:
                        k.metric, k.measure, k.scope, k.label, k.parent = q.metric, q.measure, q.scope, q.label, q
                        p.children.remove(k)
                        q.children.append(k)
                    break


def regroup_headings(text: str, headings: dict[int, _Count], counts: list[_Count]) -> None:
    """Give a heading's items the measure of the total they sum when the heading says none.

    全省累计报告确诊病例168例，…。确诊病例中，昆明市48例、昭通市25例…: the items add up to 168, the
    running total before, not to the day's new cases the window (12时至24时) would make them.
    """
    for h in headings.values():
        if h.measure != "new" or any(w in text[max(0, h.start - 8) : h.end] for w in ("新增", "累计", "现有")):
            continue  # the heading says its measure, or has the one of a running total's date
        kids = [k for k in h.children if k.parent is h and not k.explicit and k.regions and not k.each]
        if len(kids) < 3:
            continue
        total = sum(k.value for k in kids)
        for q in reversed(counts):
            if q.start >= h.start or q.start < h.start - 800:
                continue
            if (q.explicit and not q.each and q.qualifier == "exact" and q.value == total and q.date == h.date
                    and q.metric == h.metric and (q.metric != "other" or q.label == h.label) and q.depth == 0
                    and q.regions == h.regions and q.measure != h.measure):
                h.measure = q.measure
                for k in kids:
                    k.measure = q.measure
                    k.hours, k.until = q.hours, q.until
                break


def check(doc: Doc, headings: dict[int, _Count], counts: list[_Count]) -> list[ArticleWarning]:
    """Regroup lists by their sums; then a warning for each breakdown or change that does not add up."""
    warnings: list[ArticleWarning] = []
    regroup(counts)
    regroup_headings(doc.text, headings, counts)
    for c in counts:
        kids = [k for k in c.children if k.depth == c.depth + 1]
        if len(kids) >= 2 and all(k.regions for k in kids) and not c.incomplete:
            total = c.rest + sum(k.value * (len(k.regions) if k.each else 1) for k in kids)
            if total != c.value and c.qualifier == "exact":
                warnings.append(_sum_warning(doc, c, total, "breakdown by area"))
        top = [k for k in c.children if k.depth == c.depth and k.scope != c.scope]
        if {k.scope for k in top} == {"local", "imported"} and c.scope == "unspecified":
            total = sum(k.value for k in top)
            if total != c.value:
                warnings.append(_sum_warning(doc, c, total, "local and imported"))
    index: dict[tuple[object, ...], int] = {}
    for c in counts:
        if not c.each and c.qualifier == "exact":
            index.setdefault(_series_key(c, c.date), c.value)
    for c in counts:
        if c.change is None or c.change.vs_date is None or c.each or c.qualifier != "exact":
            continue
        earlier = index.get(_series_key(c, c.change.vs_date))
        if earlier is not None and c.value - earlier != c.change.delta:
            warnings.append(
                ArticleWarning(
                    code="change_mismatch",
                    message=(
                        f"{c.value} on {c.date} is said to change by {c.change.delta} from {c.change.vs_date}, "
                        f"but the article gives {earlier} for that day"
                    ),
                    evidence=doc.evidence(c.start, c.end),
                )
            )
    return warnings


def _series_key(c: _Count, date: dt.date | None) -> tuple[object, ...]:
    return (date, tuple(r.name for r in c.regions), c.metric, c.scope, c.measure)


def _sum_warning(doc: Doc, c: _Count, total: int, what: str) -> ArticleWarning:
    return ArticleWarning(
        code="breakdown_sum_mismatch",
        message=f"the {what} sums to {total}, but the total given is {c.value}",
        evidence=doc.evidence(c.start, c.end),
    )


def records(
    doc: Doc,
    counts: list[_Count],
    on_day: tuple[dt.date | None, tuple[int, int] | None] | None,
    in_headline: Callable[[int], bool],
) -> list[CaseCount]:
    """The records of the counts: dated, not after the article, each area of an 各 list on its own."""
    out: list[CaseCount] = []
    seen: set[tuple[object, ...]] = set()
    # (重庆23日新增本土确诊病例3例 in a title, then 10月23日0—24时，重庆市新增本土确诊病例3例: the same figure of the
    # same day restated, over the window the notice states)
    windows = {(c.date, tuple(c.regions), c.metric, c.scope, c.value): c.hours
               for c in counts if c.dated and c.measure == "new" and c.hours is not None and not c.each}
    for c in counts:
        if not c.dated and on_day is not None and in_headline(c.start):
            # 【#重庆新增25例累计确诊300例#】2020年2月2日12—24时，…: the headline's counts are the notice's.
            c.date, c.hours, c.dated = on_day[0], on_day[1], True
        if not c.dated:
            continue  # no date written anywhere before it: not a time-series point
        if c.date is not None and doc.published is not None and not doc.published_from_text \
                and c.date > doc.published + _ONE_DAY:
            continue  # a count cannot be reported for a day after the article
        if c.date is not None and c.date < _FIRST_DAY:
            continue  # 2003年8月16日…非典型肺炎临床诊断病例5327例: before COVID-19, another disease's count
        # A window (0—24时) is the period of the day's new counts; a running total or a current count
        # has none (累计治愈出院病例1478例 in a notice of 11月28日0—24时).
        hours = c.hours if c.hours is not None or not windows or c.each else windows.get((c.date, tuple(c.regions), c.metric, c.scope, c.value))
        start, end = window(c.date, hours) if c.measure == "new" else (None, None)
        if c.measure != "new" and c.until is not None and c.date is not None:
            # 截至1月31日12时: the moment the total is stated at (24时 is the next day's 00:00).
            end = dt.datetime(c.date.year, c.date.month, c.date.day) + dt.timedelta(hours=c.until)
        groups = [[r] for r in c.regions] if c.each else [c.regions]
        for regions in groups:
            region = "、".join(dict.fromkeys(r.name for r in regions))
            code = regions[0].code if len(regions) == 1 else None
            key = (c.date, region, c.metric, c.scope, c.measure, c.value, c.start)
            if key in seen:
                continue
            seen.add(key)
            out.append(case_count(
                doc.article_id, c.date, region, code, c.metric, c.scope, c.measure, c.value, c.qualifier,
                start, end, c.change, c.label, doc.evidence(c.start, c.end),
            ))
    return out
