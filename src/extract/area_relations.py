"""How one area of the gazetteer stands to another or to the provinces a text names: under it, foreign
to it, elsewhere. Split from :mod:`.gazetteer`."""

from __future__ import annotations

from .areas import Area, Gazetteer

__all__ = ["_elsewhere", "_foreign", "_under"]


def _elsewhere(gaz: Gazetteer, named: frozenset[str], area: Area) -> bool:
    """Whether a text whose full forms name places of the provinces ``named`` names some but not ``area``'s."""
    own = gaz.province_of(area)
    return bool(named) and (own is None or own.id not in named)


def _foreign(gaz: Gazetteer, area: Area, unit: str | None) -> bool:
    if unit is None or _under(gaz, area, unit):
        return False
    return area.id not in {a.id for a in gaz.ancestors(gaz.areas[unit])}


def _under(gaz: Gazetteer, area: Area, unit: str | None) -> bool:
    return unit is not None and (area.id == unit or any(a.id == unit for a in gaz.ancestors(area)))
