"""The gazetteer: areas, their codes and the forms the news writes them in.

The data (every division of China, Chongqing's zones and regions, Hong Kong's
districts, trap words) is loaded and validated by :mod:`extract.areas`; this
module finds the areas a text names. Adding a city's zone is adding rows.

Finding mentions is kept apart from deciding between them:

1. *find* every occurrence of an unconditional form (full name, alias),
   leftmost-longest, and of every trap word (``data/place_traps.tsv``);
2. *veto* matches that a trap word straddles or contains (召开县委, 隆重庆祝,
   《重庆日报》);
3. *resolve* homonyms (江北区 of 重庆 or of 宁波) by the places named around them;
4. *gate* generic terms (中心城区): not right after another city's name, and
   not in a text that names other places but never their parent;
5. *accept* bare short forms (渝中, 沙坪坝) only where the context makes them
   places: an enumeration with other areas, a place suffix (璧山高新区,
   渝北街道), a count (沙坪坝27例) or a locative verb (在沙坪坝,).

The whole text is analysed once (cached), so that callers asking about one
sentence at a time still get decisions made with the whole article in view.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from .anchored import std_compile
from .areas import Area, Gazetteer, load_gazetteer, parse_gazetteer
from .area_relations import _elsewhere, _foreign, _under
from .place_scan import Spans, _occurrences, _unvetoed

# (The scan's internals, still reachable here as they were before the scan had a module of its own.)
from .place_scan import _BLANK_FREE as _BLANK_FREE, _inner_text as _inner_text, _scan as _scan
from .place_scan import _without_overlaps as _without_overlaps

__all__ = [
    "Area",
    "AreaMatch",
    "DEFAULT_HOME",
    "Gazetteer",
    "find_places",
    "find_areas",
    "find_mentions",
    "load_gazetteer",
    "parse_gazetteer",
]

#: The corpus's home: a homonym nothing else decides is Chongqing's when Chongqing has one (江北区).
DEFAULT_HOME = "重庆市"


@dataclass(frozen=True, slots=True)
class AreaMatch:
    """A mention of an area: ``text[start:end] == form`` (normalised text).

    Attributes:
        start / end: half-open offsets into the text searched.
        area: the area meant.
        form: the text matched.
        how: ``form`` (full name or alias), ``short`` (a short form in place
            context) or ``nested`` (an enclosing unit named inside a longer form,
            e.g. 重庆 in 重庆两江新区).
    """

    start: int
    end: int
    area: Area
    form: str
    how: str = "form"


_new = object.__new__
_SETTERS = tuple(AreaMatch.__dict__[f].__set__ for f in ("start", "end", "area", "form", "how"))


def _match(start: int, end: int, area: Area, form: str, how: str) -> AreaMatch:
    """``AreaMatch(start, end, area, form, how)``, built in a third of the time: a frozen dataclass's
    ``__init__`` goes through ``object.__setattr__`` for each field; this sets the slots directly
    (one match is made for every form found in every article)."""
    m = _new(AreaMatch)
    set_start, set_end, set_area, set_form, set_how = _SETTERS
    set_start(m, start)
    set_end(m, end)
    set_area(m, area)
    set_form(m, form)
    set_how(m, how)
    return m


# ----------------------------------------------------------------------------
# Context patterns. Each is anchored at the edge of a match (``pos``/``endpos``). Those without a
# Unicode property are compiled by the standard ``re`` (anchored.std_compile: the same meaning, a
# third of the set-up a call costs the ``regex`` module; a dozen calls per article).

# After a short form: a place-type word that makes it a place (璧山高新区, 渝北街道).
#: Of those, the words a town, a neighbourhood (康鹭、大塘、龙潭片区 in Guangzhou) or a park of the same name ends with as well.
_TOWN_SUFFIXES = frozenset({"镇", "乡", "街道", "片区", "工业园", "工业园区", "园区"})
#: Of those, the words a zone named after its own town or hill ends with as well (宜阳新区 of 宜春市).
_LOCAL_SUFFIXES = _TOWN_SUFFIXES | {"新区", "开发区", "高新区", "经开区", "新城"}
_PLACE_SUFFIX = std_compile(
    r"""(?:
        高新区|经开区|开发区|工业园区?|园区|新区|新城|城区|主城区|老城区|
        街道|镇|乡|片区|辖区|境内|全域|地区|一带|籍|全区|全县|全市|疫情
    )""",
    verbose=True,
)
# After a short form: a count (沙坪坝27例, 涪陵、江津各2例).
_COUNT_AFTER = std_compile(r"(?:各|新增|报告)?\d+(?:例|人|名)")
# After the last short form of an enumeration: no new case there (琼海、定安均已连续多日零新增).
_ZERO_AFTER = std_compile(
    r"(?:均|都|也|仍)?(?:已经?)?(?:连续\s*(?:\d{1,3}|[一二两三四五六七八九十多]{1,3})\s*个?[天日](?:以上)?)?"
    r"(?:无新增|零新增|未新增|没有新增|无本土|无本地|未报告新增)"
)
# After a short form: the end of an enumeration of areas (渝中、江北等区; 九龙坡、渝中等4区).
_NUMBER = r"(?:\d+|[一二两三四五六七八九十]+)"
_LIST_TAIL = std_compile(
    rf"(?:等{_NUMBER}?|{_NUMBER})个?(?:区县|自治县|区|县|地)|等(?:地|区县|片区)"
)
# Between two items of an enumeration (an optional count after the first one).
# A comma separates items only after a count (沙坪坝区27例,垫江18例): otherwise it ends a clause.
_LIST_GAP = std_compile(r"(?:\d+(?:例|人|名|宗)[、,;]|[、;]|和|及|与|以及|-)")  # “8·09”丰都-渝北疫情
# Before a short form: a locative verb or preposition (在沙坪坝,; 驰援万州的).
_LOCATIVE_BEFORE = std_compile(r"(?:在|到|赴|(?<![免失除过离删])去|来自|前往|抵达|位于|途经|返回|回到|驰援|支援|援助|奔赴|地处)$")
# After a short form that follows a locative: the phrase ends there.
_LOCATIVE_AFTER = regex.compile(r"(?:[^\p{Han}]|的|等|和|及|与)")
# After a short form opening a clause: where it found or reported cases (永胜在…中发现确诊病例4例).
_FOUND = r"(?:已|共|又)?(?:累计)?(?:发现|报告|通报|新增|检出)"
_FOUND_THERE_AFTER = std_compile(rf"在[^,，。;；:：\n]{{1,24}}?中{_FOUND}")
_CLAUSE_MARKS = frozenset("\n,，。;；:：、")
# After a short form opening a clause: a count verb and its number (景洪再增一例, 景洪新增3例).
_COUNTED_AFTER = std_compile(r"(?:再|又|还|另)?(?:新增|增加|增|报告|发现|检出)(?:了)?\s*(?:\d|[一二两三四五六七八九十])")
# Before a bracket holding only a short form: cases counted (新增1例确诊病例(垫江)).
_COUNTED_BEFORE = std_compile(r"(?:\d\s*(?:例|人|名|宗)|病例|个案|感染者)$")
#: The characters a match of each pattern after a short form starts with (digits aside: ``str.isdigit``
#: holds for every ``\d``), and those a match of :data:`_LOCATIVE_BEFORE` ends with; a pattern is asked
#: only next to one of them (tests/test_gazetteer_prechecks.py holds them against the patterns).
_HONG_KONG = "香港特别行政区"
#: After a Hong Kong district's short form: an estate, a building or a street of it (观塘翠屏北邨翠楣楼, 荃湾梨木树(二)邨).
_ESTATE_AFTER = std_compile(r"[\u4e00-\u9fff()（）一二三四五六七八九]{0,8}?(?:邨|村|苑|楼|大厦|花园|广场|商场|街|道)")
_SUFFIX_FIRST = frozenset("高经开工园新城主老街镇乡片辖境全地一籍疫")
_COUNT_FIRST = frozenset("各新报")
_LIST_TAIL_FIRST = frozenset("等一二两三四五六七八九十")
_ZERO_FIRST = frozenset("均都也仍已连无零未没")
_COUNTED_FIRST = frozenset("再又还另新增报发检")
_LOCATIVE_LAST = frozenset("在到赴去自往达于经回援助处")
# Before a generic term: another city's or province's name (成都市中心城区).
_FOREIGN_PREFIX = regex.compile(r"(?<=\p{Han})(?<![全我本该此各城都省])[市省]$")
#: The characters a match of :data:`_FOREIGN_PREFIX` ends with: the pattern is asked only after one.
_CITY_OR_PROVINCE = frozenset("市省")


def find_areas(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    short: bool = True,
) -> list[AreaMatch]:
    """Every area mention in normalised ``text[start:end]``, longest match first, in order.

    The decisions (traps, homonyms, generic terms, short forms) are made with
    the whole ``text`` in view; only the matches inside the window are returned.
    The matches never overlap. A homonym nothing in the text decides is
    Chongqing's when Chongqing has one (:data:`DEFAULT_HOME`), else an
    ambiguous area (``area.options``, no code). :func:`find_places` also takes
    the article's home region.

    Args:
        text: normalised (Simplified) text, e.g. ``doc.text``.
        start / end: the window to report.
        short: also report bare short forms in place context (渝中、江北等区).

    Returns:
        The matches in text order.

    >>> [(m.form, m.area.name) for m in find_areas("秀山县、两江新区和中心城区以外区县")]
    [('秀山县', '秀山土家族苗族自治县'), ('两江新区', '两江新区'), ('中心城区以外区县', '中心城区以外区县')]
    >>> [m.area.name for m in find_areas("会议要求召开县委常委会")]
    []
    """
    return find_places(text, start, end, short=short)


def find_places(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    short: bool = True,
    nested: bool = False,
    home: str | None = None,
) -> list[AreaMatch]:
    """:func:`find_areas` with the article's home region in view (and, with ``nested``, :func:`find_mentions`).

    Args:
        text / start / end / short: as for :func:`find_areas`.
        nested: also report enclosing units named inside a longer form (重庆 in 重庆两江新区).
        home: id of the article's home region (see :func:`article_home`): a homonym that
            neither a written parent nor the places named around it decide is the one in
            ``home`` (朝阳区 in a notice from 北京).

    >>> [(m.area.id, m.area.code) for m in find_places("朝阳区新增2例", home="北京市")]
    [('北京市朝阳区', '110105')]
    >>> [(m.area.name, m.area.code, m.area.ambiguous) for m in find_places("鼓楼区新增2例")]
    [('鼓楼区', None, True)]
    """
    end = len(text) if end is None else end
    return [
        m
        for m in _analyse(text, home)
        if start <= m.start and m.end <= end and (short or m.how != "short") and (nested or m.how != "nested")
    ]


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[AreaMatch]:
    """Like :func:`find_areas`, plus enclosing units named inside a longer form.

    重庆两江新区 is a mention of 两江新区 and (``how="nested"``) of 重庆市. The
    matches may therefore overlap; they are sorted by ``(start, end)``.

    >>> [(m.form, m.area.name, m.how) for m in find_mentions("重庆两江新区")]
    [('重庆', '重庆市', 'nested'), ('重庆两江新区', '两江新区', 'form')]
    """
    return find_places(text, start, end, nested=True)


def _analyse(text: str, home: str | None = None) -> tuple[AreaMatch, ...]:
    if home is not None:
        # The home region decides a homonym only where nothing else does (rule 5 of _choose):
        # when the analysis without one never came to that rule, it is the answer with any home.
        plain, home_asked = _analysed(text, None)
        if not home_asked:
            return plain
    return _analysed(text, home)[0]


@functools.lru_cache(maxsize=32)
def _analysed(text: str, home: str | None) -> tuple[tuple[AreaMatch, ...], bool]:
    """The analysis of ``text``, and whether the home region was asked (see :func:`_choose`)."""
    gaz = load_gazetteer()
    home_asked: list[bool] = []
    matches = _resolve(gaz, list(_forms(text)), home, home_asked)
    matches = _gate_generic(gaz, text, matches)
    nested = _nested(gaz, matches)
    if not nested:
        # (most texts: the matches are in text order already, and no two overlap or share a start)
        return tuple(matches), bool(home_asked)
    return tuple(sorted(matches + nested, key=lambda m: (m.start, m.end))), bool(home_asked)


@functools.lru_cache(maxsize=8)
def _forms(text: str) -> tuple[AreaMatch, ...]:
    """The full and short forms ``text`` names, before homonyms are resolved (the same whatever
    the home region: the extractors ask with and without one, and this part is found once)."""
    gaz = load_gazetteer()
    forms, short_forms, traps = _occurrences(gaz, text)
    facts = _form_facts(gaz)
    full: list[AreaMatch] = []
    for s, e, form in _unvetoed(forms, traps):
        known = facts.get(form)
        if known is None:
            known = facts[form] = _facts_of(gaz, form)
        area, street_named, generic = known
        if street_named and _street_after(text, e):
            continue  # 北京路: a street named after the place
        if s >= 2 and text[s - 2] == "、" and _longer_item(text, s, e):
            continue
        if generic and s and not _BOUNDARY_BEFORE.match(text, s - 1):
            continue  # 示范县: a word, not 范县
        full.append(_match(s, e, area, form, "form"))
    shorts = [m for m in _accept_shorts(gaz, text, full, _unvetoed(short_forms, traps)) if not _street(text, m)]
    if not shorts:
        return tuple(full)  # (most texts: the full forms are found in text order)
    return tuple(sorted(full + shorts, key=lambda m: m.start))


# A street, road or housing estate named after a place (北京路, 桂林西街, 临沂一村, Hong Kong's 南昌邨) is not a mention of it;
# only forms without an administrative suffix are so used.
_STREET_AFTER = std_compile(
    r"(?:[东西南北中]?(?:路|大?街(?!道)|大道|巷)|胡同|[一二三四五六七八九十\d]*(?:村|邨|弄|小区|新村|公寓|花园|大厦)|镇|乡(?![村镇])|街道)"
)
_ADMIN_END = ("省", "市", "区", "县", "州", "旗", "盟")


def _street(text: str, m: AreaMatch) -> bool:
    return not m.form.endswith(_ADMIN_END) and _street_after(text, m.end)


#: The characters a match of :data:`_STREET_AFTER` starts with, digits aside (tests/test_gazetteer_prechecks.py).
_STREET_FIRST = frozenset("东西南北中路大街巷胡一二三四五六七八九十村邨弄小新公花镇乡")


def _street_after(text: str, end: int) -> bool:
    """Whether a street's, road's or estate's word follows ``end`` (:data:`_STREET_AFTER`); the pattern is
    asked only after a character a match can start with (most forms are followed by none)."""
    after = text[end : end + 1]
    return (after in _STREET_FIRST or after.isdigit()) and _STREET_AFTER.match(text, end) is not None


# Before a two-character county name (范县, 和县): what may stand right before it, so that
# 示范县, 提高县 and 区和县 are words, not places.
_BOUNDARY_BEFORE = regex.compile(r"[^\p{Han}]|[在到赴至往从于与和及、是的对省市州盟区含括]")


def _longer_item(text: str, start: int, end: int) -> bool:
    """Whether the form at ``start``, an ideograph after a list's 、, is the tail of the item's longer name
    (南关区88例、莲花山区4例: the item's name is longer than the place found in it)."""
    before = text[start - 1]
    return "\u4e00" <= before <= "\u9fff" and before not in _ITEM_LEADS and text[end : end + 1].isdigit()


def _facts_of(gaz: Gazetteer, form: str) -> tuple[Area, bool, bool]:
    """What deciding on a full form's match needs of it alone: the area it is first read as (the
    gazetteer's first candidate), whether a street may be named after it (no administrative suffix,
    see :func:`_street`) and whether it is a two-character generic county name (范县, 和县) that must stand
    at a word boundary (:data:`_BOUNDARY_BEFORE`)."""
    area = gaz.candidates[form][0]
    generic = len(form) <= 2 and area.anchor and area.code is not None
    return area, not form.endswith(_ADMIN_END), generic


def _form_facts(gaz: Gazetteer) -> dict[str, tuple[Area, bool, bool]]:
    """The :func:`_facts_of` each full form, kept per gazetteer as the forms are first found (an article
    names a dozen forms, mostly the same ones as the article before)."""
    if _FACTS[0] is not gaz:
        _FACTS[:] = [gaz, {}]
    facts: dict[str, tuple[Area, bool, bool]] = _FACTS[1]
    return facts


#: The gazetteer and the facts of its full forms found so far.
_FACTS: list[Any] = [None, {}]


#: The words a list item may open with before its place (、在万州区2例).
_ITEM_LEADS = frozenset("在和及与的为是有于从到至赴由经其共含各原现新")


def _resolve(
    gaz: Gazetteer, matches: list[AreaMatch], home: str | None, home_asked: list[bool]
) -> list[AreaMatch]:
    """Pick one area for each homonym form, from the places named around it (``home_asked`` gets
    an entry when the home region was asked)."""
    candidates, short_candidates = gaz.candidates, gaz.short_candidates
    options_of = [(candidates if m.how == "form" else short_candidates)[m.form] for m in matches]
    if all(len(o) == 1 for o in options_of):
        return matches  # no homonym: nothing to choose (the loop below would copy the list)

    counted: list[tuple[Counter[str], Counter[str]]] = []

    def tallies() -> tuple[Counter[str], Counter[str]]:
        """Counted when a homonym first needs them (most are decided by the places written before them),
        then kept (a list, not functools.cache: decorating costs more than most texts' calls)."""
        if not counted:
            totals = Counter(m.area.id for m, o in zip(matches, options_of) if len(o) == 1)
            # Every unit that encloses a place the text names unambiguously (siblings' parents, provinces).
            around = Counter(u.id for m, o in zip(matches, options_of) if len(o) == 1 for u in gaz.ancestors(m.area))
            counted.append((totals, around))
        return counted[0]

    last_seen: dict[str, int] = {}
    out: list[AreaMatch] = []
    for i, (m, options) in enumerate(zip(matches, options_of)):
        if len(options) > 1:
            area = _choose(gaz, options, matches, i, last_seen, tallies, home, home_asked)
            m = _match(m.start, m.end, area, m.form, m.how)
        last_seen[m.area.id] = i
        out.append(m)
    return out


def _choose(
    gaz: Gazetteer,
    options: tuple[Area, ...],
    matches: list[AreaMatch],
    i: int,
    last_seen: dict[str, int],
    tallies: Callable[[], tuple[Counter[str], Counter[str]]],
    home: str | None,
    home_asked: list[bool],
) -> Area:
    lineage = {a.id: {u.id for u in gaz.ancestors(a)} for a in options}
    shared = set.intersection(*lineage.values())
    own = {a.id: lineage[a.id] - shared for a in options}
    # 1. An enclosing unit written right before it (宁波市江北区, 浙江宁波江北区).
    j = i
    while j > 0 and matches[j - 1].end == matches[j].start:
        j -= 1
        hits = [a for a in options if matches[j].area.id in own[a.id]]
        if hits:
            return hits[0]
    # Only the direct parent counts from afar: an article about Chongqing may
    # well name 浙江 (援渝医疗队) without its 江北区 being 宁波's.
    parents = [(a, a.parent) for a in options if a.parent is not None and a.parent not in shared]
    # 2. The parent named most recently before it (宁波 earlier in the article).
    seen = [(last_seen[p], a) for a, p in parents if p in last_seen]
    if seen:
        return max(seen, key=lambda t: t[0])[1]
    # 3. The one whose parent the text names most often.
    totals, around = tallies()
    counted = [(totals[p], a) for a, p in parents if totals[p]]
    if counted:
        return max(counted, key=lambda t: t[0])[1]
    # 4. The one whose siblings the text names (鼓楼区、秦淮区: 南京's): most places under its parent.
    siblings = sorted(((around[p], a) for a, p in parents if around[p]), key=lambda t: -t[0])
    if siblings and (len(siblings) == 1 or siblings[0][0] > siblings[1][0]):
        return siblings[0][1]
    # 5. The article's home region, then the corpus's (Chongqing).
    home_asked.append(True)
    for unit in (home, DEFAULT_HOME):
        hits = [a for a in options if unit is not None and (a.id == unit or unit in own[a.id])]
        if len(hits) == 1:
            return hits[0]
    # 6. The only one in a province the text names (鼓楼区 in a text about 福建).
    far = [a for a in options if any(around[u] or totals[u] for u in own[a.id])]
    if len(far) == 1:
        return far[0]
    return _ambiguous(gaz, options, shared, matches[i].form)


def _ambiguous(gaz: Gazetteer, options: tuple[Area, ...], shared: set[str], form: str) -> Area:
    """A name context could not place: no code, the nearest unit all options share as parent."""
    first = options[0]
    parent = next((u.id for u in gaz.ancestors(first) if u.id in shared), None)
    same_name = all(a.name == first.name for a in options)
    return Area.model_construct(
        id=f"{first.name if same_name else form}?",
        name=first.name if same_name else form,
        code=None,
        kind=first.kind if all(a.kind == first.kind for a in options) else first.kind,
        parent=parent,
        aliases=(),
        short=(),
        members=(),
        report=all(a.report for a in options),
        anchor=any(a.anchor for a in options),
        level=first.level if all(a.level == first.level for a in options) else None,
        former_codes=(),
        options=tuple(a.id for a in options),
    )


def _accept_shorts(gaz: Gazetteer, text: str, full: list[AreaMatch], found: Spans) -> list[AreaMatch]:
    """The short forms ``found`` (those no trap word vetoes) that their context makes places."""
    pending: list[AreaMatch] = []
    # ``full`` (leftmost-longest, filtered) is in text order and never overlaps itself, and so are the
    # short forms found: one walk along both finds the full form a short one overlaps, if any.
    candidates = gaz.short_candidates
    i, n = 0, len(full)
    after_parent: set[int] = set()  # short forms written right after a unit that encloses them, or right before one of their own
    for s, e, form in found:
        while i < n and full[i].end <= s:
            i += 1
        if i < n and full[i].start < e:
            continue  # inside or across a full form
        m = _match(s, e, candidates[form][0], form, "short")
        pending.append(m)
        if i and full[i - 1].end == s and any(
            full[i - 1].area.id in {u.id for u in gaz.ancestors(c)} for c in candidates[form]
        ):
            after_parent.add(s)  # 陕西西安, 内蒙古锡林郭勒, 上海浦东, 天津北辰段
        elif i < n and full[i].start == e and any(
            c.id in {u.id for u in gaz.ancestors(full[i].area)} for c in candidates[form]
        ):
            after_parent.add(s)  # 巴州库尔勒市: a short form right before one of its own units
    if not pending:
        return []
    accepted: dict[int, AreaMatch] = {}

    provinces: list[frozenset[str]] = []

    def named() -> frozenset[str]:
        """The provinces the full forms name (asked only for a generic short form, once; kept in a list,
        not functools.cache: decorating a function costs more than most texts' calls). A homonym's form
        names none: not yet resolved, it stands for the default home's unit (宁波's 江北区、海曙区…高新区2例
        is no Chongqing text)."""
        if not provinces:
            candidates = gaz.candidates
            provinces.append(frozenset(
                p.id for p in (gaz.province_of(f.area) for f in full if len(candidates[f.form]) == 1) if p is not None
            ))
        return provinces[0]

    counted = gaz.counted
    skip_until = -1
    for m in pending:
        if m.start < skip_until:
            continue
        # (Each context pattern is asked only when the character next to the form is one a match of it
        # starts or ends with: most short forms found are common words with none around them.)
        after = text[m.end : m.end + 1]
        count_after = (after in _COUNT_FIRST or after.isdigit()) and _COUNT_AFTER.match(text, m.end) is not None
        if m.form in counted:
            # 文昌3例: a stem that is a common word (东方, 和顺) is a place only with its count, or in an
            # enumeration with other places (below).
            if count_after:
                accepted[m.start] = m
            continue
        if m.form.endswith(("区", "县")):
            # A generic short form (高新区: every city has one) needs an enumeration or a count, in a
            # text that names its province or no other one (成都…高新区66例 is Chengdu's).
            if count_after and not _elsewhere(gaz, named(), m.area):
                accepted[m.start] = m
            continue
        suffix = _PLACE_SUFFIX.match(text, m.end) if after in _SUFFIX_FIRST else None
        if suffix is not None and suffix.group() in _LOCAL_SUFFIXES and _elsewhere(gaz, named(), m.area):
            # 白沙镇, 白沙工业园 in a 江津 notice: a town of the place in view, not Hainan's 白沙 county; 宜阳新区 in a
            # 宜春 notice: the city's zone, not Henan's 宜阳县
            continue
        before = text[m.start - 1] if m.start else ""
        if m.area.parent == _HONG_KONG and _ESTATE_AFTER.match(text, m.end):
            accepted[m.start] = m  # 深水埗泽安邨丽泽楼: a Hong Kong district before an estate or a building
            continue
        if (suffix or count_after or ((after in _LIST_TAIL_FIRST or after.isdigit()) and _LIST_TAIL.match(text, m.end))
                or (after == "等" and any(f.start == m.end + 1 for f in full))  # 城口等渝东北区县: closed by 等 and a region
                # 琼海、定安均已连续多日零新增: the last of an enumeration, with no new case (not 全州无新增…: the whole prefecture)
                or (after in _ZERO_FIRST and text[m.start - 1 : m.start] == "、" and _ZERO_AFTER.match(text, m.end))):
            accepted[m.start] = m
            if suffix:
                skip_until = suffix.end()  # 璧山高新区: 高新区 is part of 璧山's mention
        elif (before in _LOCATIVE_LAST and _LOCATIVE_BEFORE.search(text, max(0, m.start - 2), m.start)
              and _LOCATIVE_AFTER.match(text, m.end)):
            accepted[m.start] = m
        elif (m.start == 0 or before in _CLAUSE_MARKS) and after == "在" and _FOUND_THERE_AFTER.match(text, m.end):
            accepted[m.start] = m  # 永胜在集中隔离管理的外省返滇人员中发现, 西安在本轮疫情中已累计通报: the subject of a count
        elif m.start in after_parent:
            accepted[m.start] = m
        elif (before and before in "(（" and after in ")）"
              and _COUNTED_BEFORE.search(text, max(0, m.start - 13), m.start - 1)):
            accepted[m.start] = m  # 新增1例…确诊病例(垫江): the place of the cases just counted
        elif ((m.start == 0 or before in _CLAUSE_MARKS) and after in _COUNTED_FIRST
              and _COUNTED_AFTER.match(text, m.end)):
            # 景洪再增一例本土无症状感染者 (景洪市 named in full elsewhere): the subject of a count
            own = _named_in_full(full, candidates[m.form])
            if own is not None:
                accepted[m.start] = _match(m.start, m.end, own, m.form, "short")
    if len(accepted) == len(pending):
        return list(accepted.values())  # every short form is in: none left to accept (in text order)
    if not any(_may_link(text, m) for m in pending):
        return [accepted[k] for k in sorted(accepted)]  # no gap next to a short form can link: as below
    # Enumerations: a short form next to an accepted area is one too (渝中、江北、南岸).
    items = sorted(full + pending, key=lambda m: m.start)
    known = {m.start for m in full} | set(accepted)
    # Only a pair with a short form in it can spread acceptance: the pairs (k, k + 1) next to one,
    # and of them those whose gap links them.
    pairs = sorted({k for j, m in enumerate(items) if m.how == "short" for k in (j - 1, j) if 0 <= k < len(items) - 1})
    linked = [k for k in pairs if _list_gap(text, items[k].end, items[k + 1].start)]
    if not linked:
        return [accepted[k] for k in sorted(accepted)]  # no pair linked: nothing spreads, no run of siblings
    # One sweep each way spreads acceptance along every chain of linked items.
    for order in (linked, linked[::-1]):
        for k in order:
            for a, b in ((k, k + 1), (k + 1, k)):
                one, other = items[a], items[b]
                if one.how == "short" and one.start not in known and other.start in known:
                    known.add(one.start)
                    # 徐汇、虹口、宝山和嘉定等4区: the 宝山 that is its neighbours' sibling (上海's, not 双鸭山's)
                    one = items[a] = _sibling_of(gaz, one, accepted.get(other.start, other).area)
                    if not _elsewhere(gaz, named(), one.area):
                        # (…天府新区18例，高新区66例 in a Chengdu text: not Chongqing's; 北大河屯平房、金普新区… in a
                        # 大连 notice: a bungalow, not 哈尔滨's 平房区)
                        accepted[one.start] = one
    # 柯桥、诸暨、嵊州、新昌已开展一轮全员核酸检测: three or more short forms in a row, each a unit of one
    # parent, are those units (one alone could be a word; a run of siblings is a list of places).
    if len(linked) < _SIBLING_RUN - 1:
        return [accepted[k] for k in sorted(accepted)]  # (a run of n items holds n - 1 linked pairs)
    linked_set = set(linked)
    run: list[int] = []
    for j, m in enumerate(items):
        if m.how == "short" and m.start not in known and (not run or j - 1 in linked_set):
            run.append(j)  # (a run holds consecutive items: any other item ends it)
        else:
            if len(run) >= _SIBLING_RUN:
                _accept_siblings(gaz, items, run, accepted)
            run = [j] if m.how == "short" and m.start not in known else []
    _accept_siblings(gaz, items, run, accepted)
    return [accepted[k] for k in sorted(accepted)]


_SIBLING_RUN = 3  # short forms in a row that make a list of places (see _accept_shorts)

#: The characters a match of :data:`_LIST_GAP` starts with, digits aside (tests/test_gazetteer_prechecks.py).
_LIST_GAP_FIRST = frozenset("、;和及与以-")


def _list_gap(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` links two items of an enumeration (:data:`_LIST_GAP`); the pattern is
    asked only of a gap opening with a character one of its matches starts with (most neighbouring
    places stand apart, with words between them)."""
    if start >= end:
        return False  # (every match holds a character)
    first = text[start]
    return (first in _LIST_GAP_FIRST or first.isdigit()) and _LIST_GAP.fullmatch(text, start, end) is not None


#: The characters a match of :data:`_LIST_GAP` ends with (tests/test_gazetteer_link_gate.py).
_LIST_GAP_LAST = frozenset("、,;和及与-")


def _may_link(text: str, m: AreaMatch) -> bool:
    """Whether a gap next to the short form ``m`` may link it to a neighbour (:func:`_list_gap`): the
    character after it opens a match of :data:`_LIST_GAP` or the one before it ends one. Most short forms
    found are words among words: then no pair of items holding one is linked, and the enumeration steps
    (sorting the items, pairing them) are skipped."""
    after = text[m.end : m.end + 1]
    return after in _LIST_GAP_FIRST or after.isdigit() or (m.start > 0 and text[m.start - 1] in _LIST_GAP_LAST)


def _sibling_of(gaz: Gazetteer, m: AreaMatch, neighbour: Area) -> AreaMatch:
    """The reading of the short form ``m`` that shares the parent (else the province) of the area listed
    next to it, when its first reading does not; ``m`` itself otherwise."""
    candidates = gaz.short_candidates[m.form]
    if len(candidates) < 2 or m.area.parent == neighbour.parent:
        return m
    same = next((c for c in candidates if c.parent == neighbour.parent), None)
    if same is None:
        province = gaz.province_of(neighbour)
        same = next((c for c in candidates if province is not None and gaz.province_of(c) == province), None)
    return m if same is None or same.id == m.area.id else _match(m.start, m.end, same, m.form, "short")


def _named_in_full(full: list[AreaMatch], candidates: Sequence[Area]) -> Area | None:
    """The one of ``candidates`` the text names in full too (景洪 when 景洪市 is written), or None."""
    ids = {c.id for c in candidates}
    return next((f.area for f in full if f.area.id in ids), None)


def _accept_siblings(gaz: Gazetteer, items: list[AreaMatch], run: list[int], accepted: dict[int, AreaMatch]) -> None:
    """Accept the short forms ``items[j]`` for ``j`` in ``run`` (consecutive, linked) when there are enough
    of them and one parent has a unit of each form."""
    if len(run) < _SIBLING_RUN:
        return
    parents = [{a.parent for a in gaz.short_candidates[items[j].form]} for j in run]
    if set.intersection(*parents):
        for j in run:
            accepted[items[j].start] = items[j]


#: After a county's name: one of its own bodies or their notices (泗县新冠肺炎疫情防控应急指挥部, 泗县发布), or its
#: own count (莒县在集中隔离人员中发现1例, 莒县新增).
_OWN_BODY = std_compile(
    r"(?:人民政府|政府|新冠肺炎|疫情防控|应急指挥部|指挥部|卫生健康委|卫健委|卫生健康局|卫健局|疾控中心|融媒体中心|发布|通告"
    rf"|在[^,，。;；:：\n]{{1,24}}?(?:中|时)?{_FOUND}|新增|累计报告)"
)


def _gate_generic(gaz: Gazetteer, text: str, matches: list[AreaMatch]) -> list[AreaMatch]:
    """Keep a generic term (中心城区) only in a text about its parent."""
    out: list[AreaMatch] = []
    about_elsewhere: dict[str | None, bool] = {}
    for i, m in enumerate(matches):
        if m.area.anchor and m.area.kind != "macro_region":
            # A generic name of a unit (城区, 郊区, 范县, 香港's 东区): only with its city around it.
            prev = matches[i - 1] if i else None
            ancestors = {u.id for u in gaz.ancestors(m.area)}
            written = prev is not None and prev.end == m.start and prev.area.id in ancestors
            near = any(
                o is not m and not o.area.anchor and _under(gaz, o.area, m.area.parent) for o in matches
            ) or (len(m.area.name) >= 3 and any(  # 住在竹北市、1位住在峨眉鄉: two of one county's townships, no generic name
                o.area.anchor and o.area.parent == m.area.parent and o.area.id != m.area.id and len(o.area.name) >= 3
                for o in matches))
            # 泗县新冠肺炎疫情防控应急指挥部通告: a county's two-character name before one of its own bodies.
            own_body = m.area.kind == "county" and _OWN_BODY.match(text, m.end) is not None
            if m.area.ambiguous or not (written or near or own_body):
                continue
        elif m.area.anchor:
            parent = m.area.parent
            prev = matches[i - 1] if i else None
            after_parent = prev is not None and prev.end == m.start and prev.area.id == parent
            if (not after_parent and text[m.start - 1 : m.start] in _CITY_OR_PROVINCE
                    and _FOREIGN_PREFIX.search(text, max(0, m.start - 3), m.start)):
                continue  # 成都市中心城区
            if prev is not None and prev.end == m.start and prev.area.id != parent:
                if prev.area.kind in ("city", "province"):
                    continue  # 宁波中心城区
            if parent not in about_elsewhere:
                about_elsewhere[parent] = not any(
                    _under(gaz, o.area, parent) for o in matches if not o.area.anchor
                ) and any(_foreign(gaz, o.area, parent) for o in matches)
            if about_elsewhere[parent]:
                continue  # a text about another place that never names Chongqing
        out.append(m)
    return out


def _nested(gaz: Gazetteer, matches: list[AreaMatch]) -> list[AreaMatch]:
    """Enclosing units named inside a longer form: 重庆 in 重庆两江新区."""
    if _INNER[0] is not gaz:
        _INNER[:] = [gaz, {}, {}]
    known: dict[tuple[str, str | None, str], tuple[tuple[int, str, Area], ...]] = _INNER[1]
    bare: dict[str, bool] = _INNER[2]
    out: list[AreaMatch] = []
    for m in matches:
        form = m.form
        nestless = bare.get(form)
        if nestless is None:
            nestless = bare[form] = _nestless(gaz, form)
        if nestless:
            continue
        # The ancestors depend on the area's id (or, off the gazetteer, its parent) alone.
        key = (m.area.id, m.area.parent, m.form)
        inner = known.get(key)
        if inner is None:
            inner = known[key] = _inner_forms(gaz, m.area, m.form)
        for offset, unit_form, unit in inner:
            s = m.start + offset
            out.append(_match(s, s + len(unit_form), unit, unit_form, "nested"))
    return out


#: The gazetteer, per (area id, parent, form) the enclosing units named inside the form, and per form
#: whether it is :func:`_nestless`.
_INNER: list[Any] = [None, {}, {}]


def _nestless(gaz: Gazetteer, form: str) -> bool:
    """Whether no area ``form`` may be read as has an enclosing unit named inside it: none of its full or
    short forms' candidates, nor an ambiguous name made of them (whose parent is an enclosing unit of each).
    Most forms are (重庆市, 中心城区): their matches need no per-area look-up."""
    areas = (*gaz.candidates.get(form, ()), *gaz.short_candidates.get(form, ()))
    return not any(_inner_forms(gaz, a, form) for a in areas)


def _inner_forms(gaz: Gazetteer, area: Area, form: str) -> tuple[tuple[int, str, Area], ...]:
    """(offset in ``form``, the unit's form, the unit) for each enclosing unit named inside ``form``."""
    out = []
    for unit in gaz.ancestors(area):
        inner = [f for f in unit.forms if f in form and f != form]
        if inner:
            longest = max(inner, key=len)
            out.append((form.index(longest), longest, unit))
    return tuple(out)


def __getattr__(name: str) -> Any:
    """``article_home`` lives in :mod:`extract.home_region` (which imports this module); it is still
    importable from here, loaded when first asked for."""
    if name == "article_home":
        from .home_region import article_home

        return article_home
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
