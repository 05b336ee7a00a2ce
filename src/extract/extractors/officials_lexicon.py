"""The officials extractor's lexicon: titles (``data/titles.tsv``), surnames (``data/surnames.txt``),
cue words around names (``data/person_cues.tsv``) and place names of titles (``data/title_places.txt``),
validated when loaded, with the patterns and automata built from them (see :mod:`.officials`)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Literal, TypeVar, get_args

import ahocorasick_rs
import regex
from pydantic import BaseModel, ConfigDict, Field

from ..anchored import std_compile
from ..errors import ResourceError
from ..gazetteer import load_gazetteer
from ..resources import alternation, read_data, tsv_rows, validated

Category = Literal["level", "org", "post", "modifier"]
Kind = Literal["party", "government", "congress", "cppcc", "department", "institution", "company", "media", "generic"]
CueCategory = Literal[
    "follow", "not_official", "not_name", "stopchar", "chair", "speaker", "attendee", "participation", "not_role"
]

#: Post kinds that make their holder an official whatever the organisation.
OFFICIAL_POSTS = frozenset({"party", "government", "congress", "cppcc", "department"})
#: Organisation kinds in which a generic post (主任, 院长) is not a public office.
NON_OFFICIAL_ORGS = frozenset({"company", "media", "institution"})


class _TitleRow(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    category: Category
    form: str = Field(min_length=1, pattern=r"^\p{Han}+$")
    kind: Kind
    note: str = ""


class _CueRow(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    category: CueCategory
    form: str = Field(min_length=1)
    note: str = ""


_Row = TypeVar("_Row", _TitleRow, _CueRow)


def _read_tsv(name: str, columns: tuple[str, ...], model: type[_Row]) -> list[_Row]:
    """Rows of a packaged TSV validated by ``model``; a (category, form) pair may appear once."""
    rows: list[_Row] = []
    seen: set[tuple[str, str]] = set()
    for lineno, raw in tsv_rows(read_data(name), name, columns, min_columns=2):
        row = validated(model, name, lineno, raw)
        key = (row.category, row.form)
        if key in seen:
            raise ResourceError(f"{name}:{lineno}: duplicate {key[0]} {key[1]}")
        seen.add(key)
        rows.append(row)
    return rows


_alt = alternation
#: The automaton kind for a small word list (a DFA is the fastest to scan, and small for a few hundred words).
_DFA = ahocorasick_rs.Implementation.DFA


@dataclass(frozen=True)
class Lexicon:
    """Titles, surnames and cue words, with the patterns built from them."""

    levels: dict[str, str]
    orgs: dict[str, str]
    posts: dict[str, str]
    modifiers: dict[str, str]
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    ambiguous_surnames: frozenset[str]
    cues: dict[str, frozenset[str]] = field(default_factory=dict)

    @functools.cached_property
    def post_pattern(self) -> re.Pattern[str]:
        # 常委 / 委员 never before 会: 市委常委会, 委员会 are bodies, not posts;
        # nor 领导 before 小组: 领导小组 is a body (its head is the 组长).
        # (Tried only where a modifier or post word starts: see start_words.post_matches.)
        # Literal words and a look-ahead: the standard engine reads it alike, at a third of the
        # regex module's set-up per call (~6 calls per article; see anchored.std_compile).
        return std_compile(
            rf"(?:{_alt(self.modifiers)})*(?P<post>{_alt(self.posts)})(?!会|委员会|小组)"
        )

    @functools.cached_property
    def official_memo(self) -> dict[tuple[str | None, str], bool]:
        """(organisation, post) → whether the title is an official's (see ``_title_is_official``)."""
        return {}

    @functools.cached_property
    def name_options_memo(self) -> dict[str, tuple[int, ...]]:
        """The five characters from a position → the name lengths read there (see ``person_names._name_options``)."""
        return {}

    places: frozenset[str] = frozenset()

    @functools.cached_property
    def level_forms(self) -> frozenset[str]:
        gaz = load_gazetteer()
        # The gazetteer's short forms of cities (新北 of 新北市长侯友宜, 巴州) start a title too: before a post
        # (市长, 市委书记) a city's stem is its name, whatever else it could be alone.
        cities = {f for f, areas in gaz.short_candidates.items()
                  if len(f) > 1 and any(a.level == "prefecture" or a.kind == "city" for a in areas)}
        return frozenset(self.levels) | frozenset(gaz.by_form) | self.places | cities

    @functools.cached_property
    def org_last_chars(self) -> frozenset[str]:
        """Characters an organisation can end with (the last characters of org and level words)."""
        return frozenset(f[-1] for f in (*self.orgs, *self.level_forms))

    @functools.cached_property
    def org_start_block(self) -> frozenset[str]:
        """Characters an organisation cannot start with: stop characters that begin no org or level word."""
        starts = {f[0] for f in (*self.orgs, *self.levels)}
        return self.cues["stopchar"] - starts

    @functools.cached_property
    def level_automaton(self) -> ahocorasick_rs.AhoCorasick:
        """Every level word (thousands with the national gazetteer), for one overlapping pass."""
        return ahocorasick_rs.AhoCorasick(sorted(self.level_forms))

    def level_words(self, text: str, start: int, end: int) -> dict[int, int]:
        """Start → end of the longest level word at each position of ``text[start:end]``."""
        out: dict[int, int] = {}
        for _, s, e in self.level_automaton.find_matches_as_indexes(text[start:end], overlapping=True):
            if e > out.get(start + s, -1) - start:
                out[start + s] = start + e
        return out

    @functools.cached_property
    def level_lengths(self) -> tuple[int, ...]:
        return tuple(sorted({len(f) for f in self.level_forms}, reverse=True))

    @functools.cached_property
    def level_starts(self) -> frozenset[str]:
        return frozenset(f[:1] for f in self.level_forms)

    def level_prefix(self, text: str, pos: int = 0, end: int | None = None) -> int:
        """Length of the longest level word at ``pos`` in ``text[:end]``, 0 for none: what
        ``level_pattern.match`` finds, without compiling that pattern (0.5 s per process)."""
        end = len(text) if end is None else end
        if text[pos : pos + 1] not in self.level_starts:
            return 0
        for n in self.level_lengths:
            if pos + n <= end and text[pos : pos + n] in self.level_forms:
                return n
        return 0

    @functools.cached_property
    def level_pattern(self) -> regex.Pattern[str]:
        return regex.compile(_alt(self.level_forms))

    @functools.cached_property
    def unit_pattern(self) -> regex.Pattern[str]:
        return regex.compile(_alt(self.orgs))

    @functools.cached_property
    def unit_automaton(self) -> ahocorasick_rs.AhoCorasick | None:
        """Every org word (non-empty Han, see ``_TitleRow``), for one overlapping pass."""
        return ahocorasick_rs.AhoCorasick(sorted(self.orgs), implementation=_DFA) if self.orgs else None

    def unit_words(self, text: str, start: int, end: int) -> dict[int, int]:
        """Start → end of the longest org word at each position of ``text[start:end]``: what
        ``unit_pattern.finditer(text, start, end, overlapped=True)`` finds (longest first)."""
        out: dict[int, int] = {}
        if self.unit_automaton is not None:
            for _, s, e in self.unit_automaton.find_matches_as_indexes(text[start:end], overlapping=True):
                if e > out.get(start + s, -1) - start:
                    out[start + s] = start + e
        return out

    # The cue patterns are literal words (and a class with \s): compiled with the standard engine, which
    # reads them alike (anchored.std_compile), for the set-up they cost at each name (~10 calls per article).
    @functools.cached_property
    def follow_pattern(self) -> re.Pattern[str]:
        return std_compile(rf"(?:{_alt(self.cues['follow'])})")

    @functools.cached_property
    def not_official_pattern(self) -> re.Pattern[str]:
        return std_compile(rf"(?:{_alt(self.cues['not_official'])})[\s::/]*$")


@functools.cache
def load_lexicon() -> Lexicon:
    """Load and validate ``titles.tsv``, ``surnames.txt`` and ``person_cues.tsv`` (cached).

    Raises:
        ResourceError: a data file is malformed (the message names file and line).
    """
    by_cat: dict[str, dict[str, str]] = {"level": {}, "org": {}, "post": {}, "modifier": {}}
    for row in _read_tsv("titles.tsv", ("category", "form", "kind", "note"), _TitleRow):
        assert isinstance(row, _TitleRow)
        by_cat[row.category][row.form] = row.kind
    cues: dict[str, set[str]] = {}
    for cue in _read_tsv("person_cues.tsv", ("category", "form", "note"), _CueRow):
        assert isinstance(cue, _CueRow)
        cues.setdefault(cue.category, set()).add(cue.form)
    missing = set(get_args(CueCategory)) - set(cues)
    if missing:
        raise ResourceError(f"person_cues.tsv: no rows for {sorted(missing)}")
    single: set[str] = set()
    compound: set[str] = set()
    ambiguous: set[str] = set()
    text = read_data("surnames.txt")
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        name = cells[0]
        if not regex.fullmatch(r"\p{Han}{1,2}", name) or cells[1:] not in ([], ["ambiguous"]):
            raise ResourceError(f"surnames.txt:{lineno}: expected a 1-2 character surname and optional 'ambiguous'")
        if name in single or name in compound:
            raise ResourceError(f"surnames.txt:{lineno}: duplicate surname {name}")
        (single if len(name) == 1 else compound).add(name)
        if cells[1:]:
            ambiguous.add(name)
    return Lexicon(
        places=_read_places(),
        levels=by_cat["level"],
        orgs=by_cat["org"],
        posts=by_cat["post"],
        modifiers=by_cat["modifier"],
        surnames=frozenset(single),
        compound_surnames=frozenset(compound),
        ambiguous_surnames=frozenset(ambiguous),
        cues={k: frozenset(v) for k, v in cues.items()},
    )


def _read_places() -> frozenset[str]:
    """Place names of ``title_places.txt``: a full name and its short forms per line."""
    name = "title_places.txt"
    out: set[str] = set()
    for lineno, line in enumerate(read_data(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        for cell in cells:
            if not regex.fullmatch(r"\p{Han}{1,10}", cell):
                raise ResourceError(f"{name}:{lineno}: expected place names in Han characters, got {cell!r}")
            if cell in out:
                raise ResourceError(f"{name}:{lineno}: duplicate place {cell}")
            out.add(cell)
        if len(cells) > 1 and not all(c in cells[0] or len(c) >= 2 for c in cells[1:]):
            raise ResourceError(f"{name}:{lineno}: a short form must be at least 2 characters")
    return frozenset(out)
