"""The gazetteer: areas, their codes and the forms the news writes them in.

Loaded once from ``data/gazetteer.tsv`` (package data) and validated: a bad
row raises :class:`~extract.errors.ResourceError` naming the line. Adding a
province is adding rows; no code changes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import regex

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ResourceError
from .models import AreaKind

__all__ = ["Area", "AreaMatch", "Gazetteer", "find_areas", "load_gazetteer"]

_COLUMNS = ("id", "name", "code", "kind", "parent", "aliases", "short", "members", "report")


class Area(BaseModel):
    """One row of the gazetteer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    code: str | None = Field(default=None, pattern=r"^\d{6}$")
    kind: AreaKind
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    report: bool = True

    @field_validator("code", "parent", mode="before")
    @classmethod
    def _empty_is_none(cls, v: object) -> object:
        return v or None

    @field_validator("aliases", "short", "members", mode="before")
    @classmethod
    def _split(cls, v: object) -> object:
        if isinstance(v, str):
            return tuple(x for x in v.split("|") if x)
        return v

    @field_validator("report", mode="before")
    @classmethod
    def _yes_no(cls, v: object) -> object:
        if v in ("yes", "no"):
            return v == "yes"
        return v

    @property
    def forms(self) -> tuple[str, ...]:
        """The unconditional forms: the full name and the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Gazetteer:
    """All areas, indexed by id and by every written form."""

    areas: dict[str, Area]
    by_form: dict[str, Area]
    by_short: dict[str, Area]

    def get(self, key: str) -> Area | None:
        """The area with this id, name or alias (Simplified), if any."""
        return self.areas.get(key) or self.by_form.get(key)

    def members(self, area: Area) -> list[Area]:
        """The member areas of a macro region."""
        return [self.areas[m] for m in area.members]

    @functools.cached_property
    def pattern(self) -> regex.Pattern[str]:
        """One alternation of every unconditional form, longest first."""
        forms = sorted(self.by_form, key=lambda f: (-len(f), f))
        return regex.compile("|".join(map(regex.escape, forms)))


@dataclass(frozen=True, slots=True)
class AreaMatch:
    """A mention of an area: ``text[start:end] == form`` (normalised text)."""

    start: int
    end: int
    area: Area
    form: str


def find_areas(text: str, start: int = 0, end: int | None = None) -> list[AreaMatch]:
    """Every area mention in normalised ``text[start:end]``, longest match first, in order.

    >>> [(m.form, m.area.name) for m in find_areas("秀山县、两江新区和中心城区以外区县")]
    [('秀山县', '秀山土家族苗族自治县'), ('两江新区', '两江新区'), ('中心城区以外区县', '中心城区以外区县')]
    """
    gaz = load_gazetteer()
    end = len(text) if end is None else end
    return [
        AreaMatch(m.start(), m.end(), gaz.by_form[m.group()], m.group())
        for m in gaz.pattern.finditer(text, start, end)
    ]


def _parse(text: str, origin: str) -> Gazetteer:
    areas: dict[str, Area] = {}
    by_form: dict[str, Area] = {}
    by_short: dict[str, Area] = {}
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != _COLUMNS:
                raise ResourceError(f"{origin}:{lineno}: header must be {'/'.join(_COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(_COLUMNS):
            raise ResourceError(f"{origin}:{lineno}: expected {len(_COLUMNS)} columns, found {len(cells)}")
        try:
            area = Area(**dict(zip(_COLUMNS, cells)))
        except ValidationError as e:
            msgs = "; ".join(f"[{'.'.join(map(str, err['loc']))}] {err['msg']}" for err in e.errors())
            raise ResourceError(f"{origin}:{lineno}: {msgs}") from None
        if area.id in areas:
            raise ResourceError(f"{origin}:{lineno}: duplicate id {area.id}")
        areas[area.id] = area
        for form in area.forms:
            if form in by_form and by_form[form].id != area.id:
                raise ResourceError(f"{origin}:{lineno}: form {form} already names {by_form[form].id}")
            by_form[form] = area
        for form in area.short:
            by_short[form] = area
    codes = [a.code for a in areas.values() if a.code]
    if len(codes) != len(set(codes)):
        raise ResourceError(f"{origin}: duplicate codes")
    for area in areas.values():
        for ref in (area.parent, *area.members):
            if ref and ref not in areas:
                raise ResourceError(f"{origin}: {area.id} refers to unknown id {ref}")
    return Gazetteer(areas=areas, by_form=by_form, by_short=by_short)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Load and validate the packaged gazetteer (cached)."""
    text = resources.files("extract").joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")
    return _parse(text, "gazetteer.tsv")
