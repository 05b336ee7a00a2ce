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

A homonym (江北区 of 重庆 or 宁波, 鼓楼区 ×4) is placed by a written parent, the places
named around it, or the article's home region (:func:`extract.home_region.article_home`:
headline, issuing body, the places the body names). One that nothing places makes a
record without a code and an ``ambiguous_place`` warning on the article.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from typing import Any

from ..document import Doc
from ..gazetteer import Area, AreaMatch, Gazetteer, find_mentions, find_places, load_gazetteer
from ..home_region import article_home
from ..models import AreaKind, ArticleWarning, District, district, evidence
from ..zones import Zone, find_zones

__all__ = ["extract", "extract_with_warnings"]


def extract(doc: Doc) -> list[District]:
    """One record per area the body names, in order of first mention.

    Args:
        doc: the normalised article.

    Returns:
        Records with the full official name, code, kind, every mention as
        evidence in the original text, and the number of mentions.
    """
    return extract_with_warnings(doc)[0]


def extract_with_warnings(doc: Doc, people: Collection[str] = ()) -> tuple[list[District], list[ArticleWarning]]:
    """:func:`extract`, and an ``ambiguous_place`` warning for each name nothing could place.

    ``people``: the names of the officials the article names; a place written inside one of them
    (吕梁 of 市领导吕梁彬) is no mention of the place.
    """
    gaz = load_gazetteer()
    found = find_mentions(doc.text, *doc.body)
    if not _homonyms(gaz).isdisjoint([m.form for m in found]):
        home = article_home(doc.text, doc.title, doc.outlet)
        if home is not None:
            found = find_places(doc.text, *doc.body, nested=True, home=home.id)
    if people and found:
        found = _outside_names(doc.text, found, people)
    grouped: dict[str, list[AreaMatch]] = {}
    for m in found:
        if m.area.report:
            grouped.setdefault(m.area.id, []).append(m)
    records = []
    warnings = []
    for matches in grouped.values():
        area = matches[0].area
        spans = sorted({(m.start, m.end) for m in matches})
        records.append(_record(gaz, doc, area.name, area.code, area.kind, spans, area))
        if area.ambiguous:
            names = "、".join(_where(gaz, o) for o in area.options)
            warnings.append(
                ArticleWarning(
                    code="ambiguous_place",
                    message=f"{area.name} may be any of {names}: nothing in the article tells which",
                    evidence=doc.evidence(*spans[0]),
                )
            )
    zones: dict[tuple[str, str | None], list[Zone]] = {}
    for z in find_zones(doc.text, *doc.body):
        # (one record per zone and city: 高新区 of 成都's list and of 西安's are two zones)
        city = gaz.prefecture_of(z.near)
        zones.setdefault((z.name, city.id if city is not None else None), []).append(z)
    if zones:
        # 朝阳区12例、经开区12例: a zone no gazetteer lists, beside a listed place (see extract.zones).
        for (name, _), found_zones in zones.items():
            spans = [(z.start, z.end) for z in found_zones]
            records.append(_record(gaz, doc, name, None, "functional_zone", spans, found_zones[0].near))
        records.sort(key=lambda r: r.mentions[0].start)  # (stable: in order of first mention)
    return records, warnings


def _record(gaz: Gazetteer, doc: Doc, name: str, code: str | None, kind: AreaKind, spans: list[tuple[int, int]], place: Area) -> District:
    """The record of an area named at ``spans``, with the prefecture and province ``place`` lies in.

    Assembled by :func:`~extract.models.district` and :func:`~extract.models.evidence` from the checked
    values (an article has ~6 areas, a dozen mentions; validation of each record cost ~35 K instructions),
    validated when a value is not one they can vouch for.
    """
    prefecture = gaz.prefecture_of(place)
    province = gaz.province_of(place)
    original = doc.original
    return district(
        doc.article_id, name, code, kind, [evidence(s, e, original[s:e]) for s, e in spans],
        prefecture.name if prefecture else None, prefecture.code if prefecture else None,
        province.name if province else None, province.code if province else None,
    )


def _outside_names(text: str, found: list[AreaMatch], people: Collection[str]) -> list[AreaMatch]:
    """``found`` without the matches written strictly inside a person's name (吕梁 of 吕梁彬)."""
    names: list[tuple[int, int]] = []
    for name in people:
        at = text.find(name)
        while at >= 0:
            names.append((at, at + len(name)))
            at = text.find(name, at + 1)
    if not names:
        return found
    names.sort()
    starts = [s for s, _ in names]
    kept = []
    for m in found:
        i = bisect.bisect_right(starts, m.start) - 1  # the last name starting at or before the match
        inside = False
        while i >= 0 and not inside:
            s, e = names[i]
            inside = m.end <= e and (m.start, m.end) != (s, e)
            i = i - 1 if m.start - s < 8 else -1  # (names are short: one starting far before cannot hold it)
        if not inside:
            kept.append(m)
    return kept


def _homonyms(gaz: Gazetteer) -> frozenset[str]:
    """The forms (full or short) more than one area is written as (江北区, 鼓楼区), made once per gazetteer."""
    if _HOMONYMS[0] is not gaz:
        _HOMONYMS[:] = [gaz, frozenset(
            f for table in (gaz.candidates, gaz.short_candidates) for f, areas in table.items() if len(areas) > 1
        )]
    homonyms: frozenset[str] = _HOMONYMS[1]
    return homonyms


#: The gazetteer and its homonym forms.
_HOMONYMS: list[Any] = [None, frozenset()]


def _where(gaz: Gazetteer, area_id: str) -> str:
    area = gaz.areas[area_id]
    return f"{area.id} {area.code}" if area.code else area.id
