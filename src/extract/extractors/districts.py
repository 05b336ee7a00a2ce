"""Areas an article names: one :class:`~extract.models.District` per (article, area).

Finding the mentions is the gazetteer's job (:func:`extract.gazetteer.find_mentions`:
longest match, traps, homonyms, generic terms, short forms in context, enclosing
units named inside a longer form). This module keeps the areas that make records
(``report`` in the gazetteer), groups the mentions by area and orders the
records by first mention.

Only the article body is searched: ``doc.text`` is already blank outside it.
``全市``/``我市`` alone name no area; 中心城区以外区县 is a count region for the
case-count extractor, not a record (and, being the complement of 中心城区, it
does not credit 中心城区 either).
"""

from __future__ import annotations

from ..document import Doc
from ..gazetteer import AreaMatch, find_mentions
from ..models import District

__all__ = ["extract"]


def extract(doc: Doc) -> list[District]:
    """One record per area the body names, in order of first mention.

    Args:
        doc: the normalised article.

    Returns:
        Records with the full official name, code, kind, every mention as
        evidence in the original text, and the number of mentions.
    """
    grouped: dict[str, list[AreaMatch]] = {}
    for m in find_mentions(doc.text, *doc.body):
        if m.area.report:
            grouped.setdefault(m.area.id, []).append(m)
    records = []
    for matches in grouped.values():
        area = matches[0].area
        spans = sorted({(m.start, m.end) for m in matches})
        records.append(
            District(
                article_id=doc.article_id,
                name=area.name,
                code=area.code,
                kind=area.kind,
                mentions=[doc.evidence(s, e) for s, e in spans],
                count=len(spans),
            )
        )
    return records
