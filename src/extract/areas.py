"""The gazetteer's data: areas, their codes and forms, loaded and validated.

Hand-made rows (``data/gazetteer.tsv``: Chongqing's units and zones, Hong Kong's districts,
colloquial forms) and generated ones (``data/divisions.tsv``: every division of China, see
:mod:`extract.divisions` and ``scripts/build_gazetteer.py``), plus trap words
(``data/place_traps.tsv``). A bad row raises :class:`~extract.errors.ResourceError` naming
the line. Matching them in a text is :mod:`extract.gazetteer`'s job.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal, get_args

import ahocorasick_rs
import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .divisions import Division, division_rows
from .errors import ResourceError
from .models import AreaKind
from .resources import alternation, read_data, tsv_rows, validated
from .scan16 import automaton16

__all__ = ["COUNTED", "LONGEST_SPAN", "Area", "Gazetteer", "load_gazetteer", "parse_gazetteer"]

LONGEST_SPAN = 64  # no form or trap word is longer; bounds the look-backs of matching

_COLUMNS = ("id", "name", "code", "kind", "parent", "aliases", "short", "members", "report", "anchor")
_TRAP_COLUMNS = ("word", "form")
#: Before a short form in the data: a place only with a count right after it or in an enumeration of
#: places (文昌3例、万宁13例), never from other context: its stem is a common word (东方, 和顺).
COUNTED = "="


def _short_forms(cell: str) -> tuple[str, ...]:
    """The short forms of a data cell (``|``-separated), without their COUNTED marks."""
    if not cell:
        return ()
    if "|" not in cell:  # (most cells: one form)
        return (cell.removeprefix(COUNTED),)
    return tuple([x.removeprefix(COUNTED) for x in cell.split("|") if x])


class Area(BaseModel):
    """One row of the gazetteer.

    Attributes:
        id: stable unique key (the name for Chongqing's units; qualified for homonyms elsewhere).
        name: full official name, Simplified.
        code: 6-digit GB/T 2260 code, or None for non-administrative areas.
        kind: see :data:`extract.models.AreaKind`.
        parent: id of the enclosing unit.
        aliases: forms that always mean this unit (short official forms, former names).
        short: bare short forms, accepted only in place context.
        members: ids of the units a macro region groups.
        report: whether a mention makes a ``districts.jsonl`` record.
        anchor: a generic term, counted only in a text about its parent.
        level: ``province`` / ``prefecture`` / ``county`` for a division of GB/T 2260, else None.
        former_codes: codes of 2016–2022 that became this unit (梁平县 500228 → 梁平区).
        options: for a name that context could not place (鼓楼区 alone), the ids of the units it
            may be; such an area has no code. Empty for every unit of the gazetteer.
    """

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
    anchor: bool = False
    level: Literal["province", "prefecture", "county"] | None = None
    former_codes: tuple[str, ...] = ()
    options: tuple[str, ...] = ()

    @field_validator("code", "parent", "level", mode="before")
    @classmethod
    def _empty_is_none(cls, v: object) -> object:
        return v or None

    @field_validator("aliases", "members", "former_codes", mode="before")
    @classmethod
    def _split(cls, v: object) -> object:
        if isinstance(v, str):
            return tuple(x for x in v.split("|") if x)
        return v

    @field_validator("short", mode="before")
    @classmethod
    def _split_short(cls, v: object) -> object:
        if isinstance(v, str):  # (a form's COUNTED mark is read by parse_gazetteer: the form is without it)
            return _short_forms(v)
        return v

    @field_validator("report", "anchor", mode="before")
    @classmethod
    def _yes_no(cls, v: object) -> object:
        if v in ("yes", "no"):
            return v == "yes"
        if isinstance(v, str):
            raise ValueError("must be yes or no")
        return v

    @property
    def forms(self) -> tuple[str, ...]:
        """The unconditional forms: the full name and the aliases."""
        return (self.name, *self.aliases)

    @property
    def ambiguous(self) -> bool:
        """Whether this is a name context could not place (see ``options``)."""
        return bool(self.options)


@dataclass(frozen=True)
class Gazetteer:
    """All areas, indexed by id and by every written form.

    ``by_form`` / ``by_short`` give the first area (in file order, Chongqing
    first) for a form; ``candidates`` / ``short_candidates`` give every area
    sharing it (homonyms).
    """

    areas: dict[str, Area]
    by_form: dict[str, Area]
    by_short: dict[str, Area]
    candidates: dict[str, tuple[Area, ...]] = field(default_factory=dict)
    short_candidates: dict[str, tuple[Area, ...]] = field(default_factory=dict)
    traps: tuple[str, ...] = ()
    #: Short forms that are places only with a count after them or in an enumeration (see :data:`COUNTED`).
    counted: frozenset[str] = frozenset()

    def get(self, key: str) -> Area | None:
        """The area with this id, name or alias (Simplified), if any."""
        return self.areas.get(key) or self.by_form.get(key)

    def by_code(self, code: str) -> Area | None:
        """The area with this GB/T 2260 code, or the successor of a former code of 2016–2022."""
        return self._codes.get(code)

    @functools.cached_property
    def _codes(self) -> dict[str, Area]:
        out = {c: a for a in self.areas.values() for c in a.former_codes}
        out.update({a.code: a for a in self.areas.values() if a.code})
        return out

    def province_of(self, area: Area) -> Area | None:
        """The province-level unit (province, municipality, SAR) ``area`` lies in, itself for one."""
        return self._cached(self._province_cache, self._province_of, area)

    def prefecture_of(self, area: Area) -> Area | None:
        """The prefecture-level unit ``area`` lies in (itself for one); None directly under a province."""
        return self._cached(self._prefecture_cache, self._prefecture_of, area)

    def _cached(self, cache: dict[str, Area | None], find: Callable[[Area], Area | None], area: Area) -> Area | None:
        # Answered once per area of the gazetteer (the extractors ask about every mention); an area
        # made elsewhere (an ambiguous name's) is looked at each time.
        if self.areas.get(area.id) is not area:
            return find(area)
        try:
            return cache[area.id]
        except KeyError:
            found = cache[area.id] = find(area)
            return found

    @functools.cached_property
    def _province_cache(self) -> dict[str, Area | None]:
        return {}

    @functools.cached_property
    def _prefecture_cache(self) -> dict[str, Area | None]:
        return {}

    def _province_of(self, area: Area) -> Area | None:
        for unit in (area, *self.ancestors(area)):
            if unit.level == "province" or (
                not unit.ambiguous and unit.parent is not None and self.areas[unit.parent].kind == "country"
            ):
                return unit
        return None

    def _prefecture_of(self, area: Area) -> Area | None:
        for unit in (area, *self.ancestors(area)):
            if unit.level == "prefecture":
                return unit
        return None

    def members(self, area: Area) -> list[Area]:
        """The member areas of a macro region."""
        return [self.areas[m] for m in area.members]

    def ancestors(self, area: Area) -> tuple[Area, ...]:
        """The enclosing units of ``area``, nearest first."""
        cached = self._lineages.get(area.id)
        return cached if cached is not None else self._lineage(area)

    @functools.cached_property
    def _lineages(self) -> dict[str, tuple[Area, ...]]:
        # An area whose parent's lineage is known and short (it ended at a unit without a parent, not at
        # the bound) has its parent and that lineage: most parents come before their units in the data.
        areas = self.areas
        out: dict[str, tuple[Area, ...]] = {}
        for area in areas.values():
            parent = area.parent
            if parent is not None and (above := out.get(parent)) is not None and len(above) < 15:
                out[area.id] = (areas[parent], *above)
            else:
                out[area.id] = self._lineage(area)
        return out

    def _lineage(self, area: Area) -> tuple[Area, ...]:
        out: list[Area] = []
        parent = area.parent
        while parent is not None and len(out) < 16:
            unit = self.areas[parent]
            out.append(unit)
            parent = unit.parent
        return tuple(out)

    @functools.cached_property
    def pattern(self) -> regex.Pattern[str]:
        """One alternation of every unconditional form, longest first."""
        return _alternation(self.by_form)

    @functools.cached_property
    def short_pattern(self) -> regex.Pattern[str]:
        """One alternation of every bare short form, longest first."""
        return _alternation(self.by_short)

    @functools.cached_property
    def trap_pattern(self) -> regex.Pattern[str] | None:
        """One alternation of every trap word (matched with ``overlapped=True``)."""
        return _alternation(self.traps) if self.traps else None

    # One pass over the text for each set of words: Aho-Corasick automata (leftmost-longest for
    # forms, as the alternations above; every overlapping occurrence for trap words). The gazetteer's
    # analysis scans once for all sets (``scan_automaton``); these serve a caller wanting one. (The short
    # forms' matches also weigh the counted-only ones, see ``gazetteer._occurrences``: no automaton of
    # them alone gives them.)
    @functools.cached_property
    def automaton(self) -> tuple[ahocorasick_rs.AhoCorasick, list[str]]:
        return _automaton(self.candidates)

    @functools.cached_property
    def trap_automaton(self) -> ahocorasick_rs.AhoCorasick | None:
        return ahocorasick_rs.AhoCorasick(list(self.traps)) if self.traps else None

    @functools.cached_property
    def scan_words(self) -> tuple[list[str], list[tuple[str | None, str | None, bool]]]:
        """The words of :attr:`scan_automaton` (every full form, short form and trap word, once each) and,
        for each: (full form, short form, whether a trap)."""
        kinds: dict[str, tuple[str | None, str | None, bool]] = {}
        for form in self.candidates:
            kinds[form] = (form, None, False)
        for form in self.short_candidates:
            full = kinds.get(form, (None, None, False))[0]
            kinds[form] = (full, form, False)
        for word in self.traps:
            full, short, _ = kinds.get(word, (None, None, False))
            kinds[word] = (full, short, True)
        words = list(kinds) or ["\x00never"]
        return words, [kinds.get(w, (None, None, False)) for w in words]

    @functools.cached_property
    def scan_automaton(self) -> tuple[ahocorasick_rs.AhoCorasick, list[tuple[str | None, str | None, bool]]]:
        """Every full form, short form and trap word in one automaton: one overlapping scan finds every
        occurrence of each (the leftmost-longest matches of the forms and of the short forms are then
        picked from them), instead of three scans. For each word: (full form, short form, whether a trap).
        (A text of the basic plane is scanned by :attr:`scan_automaton16`: this one is built only for a
        text that is not.)"""
        words, kinds = self.scan_words
        return ahocorasick_rs.AhoCorasick(words, implementation=_SCAN_IMPLEMENTATION), kinds

    @functools.cached_property
    def scan_automaton16(self) -> ahocorasick_rs.BytesAhoCorasick | None:
        """:attr:`scan_automaton`'s words (same order) encoded in UTF-16-LE, for scanning a text of the
        basic plane as its UTF-16-LE bytes (:func:`extract.scan16.automaton16`); None when a word lies
        beyond that plane."""
        return automaton16(self.scan_words[0], _SCAN_IMPLEMENTATION)


#: The scan automata are contiguous NFAs: between two articles' scans the other extractors push the
#: automaton out of the CPU caches, and this compact one then scans faster than a DFA (~13 MB) or the default.
_SCAN_IMPLEMENTATION = ahocorasick_rs.Implementation.ContiguousNFA


def _automaton(words: Iterable[str]) -> tuple[ahocorasick_rs.AhoCorasick, list[str]]:
    keys = list(words) or ["\x00never"]
    return ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest), keys


def _alternation(words: Iterable[str]) -> regex.Pattern[str]:
    return regex.compile(alternation(words))


# ----------------------------------------------------------------------------
# Loading


def parse_gazetteer(
    text: str, traps: str = "", origin: str = "gazetteer.tsv", *, divisions: str = "", townships: str = ""
) -> Gazetteer:
    """Parse and validate gazetteer rows (and trap words, and the generated divisions).

    Args:
        text: the content of ``gazetteer.tsv`` (hand-made rows).
        traps: the content of ``place_traps.tsv`` (may be empty).
        origin: file name used in error messages.
        divisions: the content of ``divisions.tsv`` (may be empty): every division of China,
            merged after the hand-made rows (see :mod:`extract.divisions`).
        townships: the content of ``taiwan_townships.tsv`` (may be empty): Taiwan's townships, generated
            by ``scripts/build_taiwan.py`` in the hand-made rows' columns, validated as they are and merged
            last (a mainland unit of the same name stays the first reading of its form).

    Raises:
        ResourceError: a malformed row, a duplicate id or code, a form given
            twice to units with the same parent, an unknown parent or member,
            or a trap word that overlaps no form.
    """
    areas: dict[str, Area] = {}
    candidates: dict[str, list[Area]] = {}
    short_candidates: dict[str, list[Area]] = {}
    hand = list(tsv_rows(text, origin, _COLUMNS))
    generated: list[Division] = []
    if divisions:
        merged, generated = division_rows(divisions, [r for _, r in hand])
        hand = [(n, r) for (n, _), r in zip(hand, merged)]

    def add(area: Area, where: str, lineno: int) -> None:
        if area.id in areas:
            raise ResourceError(f"{where}:{lineno}: duplicate id {area.id}")
        areas[area.id] = area
        for index, forms in ((candidates, area.forms), (short_candidates, area.short)):
            for form in dict.fromkeys(forms) if len(forms) > 1 else forms:
                known = index.get(form)
                if known is None:  # most forms name one unit: no homonym to compare
                    index[form] = [area]
                    continue
                same = [a for a in known if a.parent == area.parent]
                if same:
                    raise ResourceError(f"{where}:{lineno}: form {form} of {area.id} already names {same[0].id}")
                known.append(area)

    for lineno, row in hand:
        add(validated(Area, origin, lineno, row), origin, lineno)
    for division in generated:
        add(_division_area(division), "divisions.tsv", 0)
    towns = list(tsv_rows(townships, _TOWNSHIPS, _COLUMNS)) if townships else []
    for lineno, row in towns:
        add(validated(Area, _TOWNSHIPS, lineno, row), _TOWNSHIPS, lineno)
    codes = Counter(a.code for a in areas.values() if a.code)
    dupes = sorted(c for c, n in codes.items() if n > 1)
    if dupes:
        raise ResourceError(f"{origin}: duplicate codes {', '.join(dupes)}")
    for area in areas.values():
        for ref in (area.parent, *area.members):
            if ref and ref not in areas:
                raise ResourceError(f"{origin}: {area.id} refers to unknown id {ref}")
    words: list[str] = []
    if traps:
        for lineno, row in tsv_rows(traps, "place_traps.tsv", _TRAP_COLUMNS):
            word, form = row["word"], row["form"]
            if form not in candidates and form not in short_candidates:
                raise ResourceError(f"place_traps.tsv:{lineno}: {form} is not a gazetteer form")
            if not _straddles(word, form):
                raise ResourceError(f"place_traps.tsv:{lineno}: {word} does not overlap {form}")
            words.append(word)
    too_long = [w for w in (*candidates, *short_candidates, *words) if len(w) > LONGEST_SPAN]
    if too_long:
        raise ResourceError(f"{origin}: forms longer than {LONGEST_SPAN} characters: {', '.join(too_long)}")
    shorts = [*(row["short"] for _, row in (*hand, *towns)), *(d.short for d in generated if d.short)]
    marked = [(x.startswith(COUNTED), x.removeprefix(COUNTED)) for cell in shorts for x in cell.split("|") if x]
    plain = {form for counted, form in marked if not counted}
    gaz = Gazetteer(
        areas=areas,
        by_form={f: a[0] for f, a in candidates.items()},
        by_short={f: a[0] for f, a in short_candidates.items()},
        candidates={f: tuple(a) for f, a in candidates.items()},
        short_candidates={f: tuple(a) for f, a in short_candidates.items()},
        traps=tuple(words),
        counted=frozenset(form for counted, form in marked if counted and form not in plain),
    )
    lineages = gaz._lineages
    for area in areas.values():
        if len(lineages[area.id]) >= 16:
            raise ResourceError(f"{origin}: {area.id} has a parent cycle")
    # Homonyms must be told apart by their parents: never a unit and its own ancestor.
    # (A form of one unit has nothing to clash with: a unit among its own ancestors is a cycle, refused above.)
    for form, options in (*gaz.candidates.items(), *gaz.short_candidates.items()):
        if len(options) < 2:
            continue
        for area in options:
            lineage = {u.id for u in gaz.ancestors(area)}
            clash = next((o for o in options if o.id in lineage), None)
            if clash is not None:
                raise ResourceError(f"{origin}: form {form} of {area.id} already names {clash.id}")
    return gaz


_TOWNSHIPS = "taiwan_townships.tsv"
_KINDS = frozenset(get_args(AreaKind))
_CODE = regex.compile(r"\d{6}")


def _division_area(row: Division) -> Area:
    """An :class:`Area` from a generated row, checked field by field without the model's validators.

    The rows come from ``scripts/build_gazetteer.py`` (a test checks that the committed file is
    what it generates), and there are 3,210 of them: checking each field directly is ten times
    faster than validating the model, and every worker process loads the gazetteer.
    """
    rid, name, code, kind, parent, aliases, short, anchor, level, former_codes = row
    # (six ASCII digits are six \d: the pattern, a call of the regex module, is asked about any other code)
    if (
        not (len(code) == 6 and code.isascii() and code.isdigit() or _CODE.fullmatch(code))
        or kind not in _KINDS
        or level not in _LEVELS
    ):
        raise ResourceError(f"divisions.tsv: bad row for {rid}: code {code}, kind {kind}, level {level}")
    if anchor not in _YES_NO or not name:
        raise ResourceError(f"divisions.tsv: bad row for {rid}")
    return _construct({
        "id": rid,
        "name": name,
        "code": code,
        "kind": kind,
        "parent": parent or None,
        "aliases": aliases,
        "short": _short_forms(short),
        "members": (),
        "report": True,
        "anchor": anchor == "yes",
        "level": level,
        "former_codes": former_codes,
        "options": (),
    })


_LEVELS = frozenset(("province", "prefecture", "county"))
_YES_NO = frozenset(("yes", "no"))
_FIELDS = frozenset(Area.model_fields)
# The setters object.__setattr__ finds for the instance's __dict__ and BaseModel's three slots, each
# called directly (not looked up by name for every area).
_SET_DICT = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__


def _construct(values: dict[str, object]) -> Area:
    """``Area.model_construct(**values)`` for a complete set of already checked values (in field
    order), 5× faster.

    Sets exactly what ``model_construct`` sets (``tests/test_divisions.py`` checks that the two agree).
    """
    area: Area = Area.__new__(Area)
    _SET_DICT(area, values)
    _SET_FIELDS_SET(area, set(_FIELDS))
    _SET_EXTRA(area, None)
    _SET_PRIVATE(area, None)
    return area


def _straddles(word: str, form: str) -> bool:
    """Whether ``word`` contains ``form`` or overlaps one of its ends."""
    if form in word:
        return True
    return any(word.endswith(form[:k]) or word.startswith(form[-k:]) for k in range(1, len(form)))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Load and validate the packaged gazetteer (cached).

    Raises:
        ResourceError: the packaged data is malformed.
    """
    return parse_gazetteer(
        read_data("gazetteer.tsv"),
        read_data("place_traps.tsv"),
        divisions=read_data("divisions.tsv"),
        townships=read_data(_TOWNSHIPS),
    )
