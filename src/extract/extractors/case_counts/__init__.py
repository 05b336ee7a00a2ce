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
when loaded. Modules: ``lexicon`` (phrases and patterns), ``regions`` (area mentions, the
article's home), ``reader`` (find and decide), ``counting`` (the rule for one count number),
``counts`` (what the reader finds and the state in force), ``totals`` (lists regrouped by their sums, the checks, the records), ``case_lists``
(per-case lists).
"""

from __future__ import annotations

from ...document import Doc
from ...models import ArticleWarning, CaseCount
from .lexicon import MetricLexicon, load_count_regions, load_metric_lexicon
from . import case_lists
from .reader import _Reader

__all__ = ["MetricLexicon", "extract", "load_metric_lexicon", "load_count_regions"]

def extract(doc: Doc) -> tuple[list[CaseCount], list[ArticleWarning]]:
    """Every dated case count of the article, and the consistency warnings.

    Args:
        doc: the normalised article (body only).

    Returns:
        The records in text order, and warnings for breakdowns that do not sum
        to their total and changes that disagree with the earlier day's count.
    """
    reader = _Reader(doc)
    if reader.idle:
        # No count and no metric phrase: no record but a per-case list's (病例1，现住海淀区).
        if not case_lists.has_items(reader):
            return [], []
        reader.index()
    reader.read()
    reader.check()
    records = reader.records()
    stated = {(r.date, r.region, r.metric, r.measure) for r in records}
    # A list the text also sums itself (浦东新区510例 beside 病例1—病例510) gives one record, the stated one;
    # so does a list cut short (沙坪坝区18例 stated, 7 of its cases listed on the page).
    found = case_lists.extract(reader)
    listed = [r for r in found if (r.date, r.region, r.metric, r.measure) not in stated]
    return records + listed, reader.warnings + case_lists.check(found, records, doc)
