"""Zones no gazetteer lists, named in a list of places with counts.

Cities report their development zones beside their districts: 长春 writes 朝阳区12例、经开区12例、
净月区33例、汽开区2例, 郑州 郑东新区5例、航空港区11例, 遵义 新蒲新区1例, 株洲 云龙示范区16例. These
zones are no GB/T 2260 division and there are hundreds of them; the national new areas and Chongqing's
zones are in the gazetteer, the rest are found here by where they stand: a name ending like a zone
(区, 新区, 开发区, 示范区 …), with its count right after it, next to an item of a place the gazetteer knows
in the same list. The name is kept as written (经开区 in 长春's list, as notices and the gold annotations
write it; its city is the ``prefecture`` of the District record); it has no code. A generic zone written
right after its city's name (成都高新区) is found wherever it stands and named with the city.
"""

from __future__ import annotations

import bisect
import functools
import operator
from typing import NamedTuple

import regex

from .gazetteer import Area, AreaMatch, find_areas, load_gazetteer

__all__ = ["Zone", "find_zones"]


class Zone(NamedTuple):
    """An unlisted zone ``text[start:end]``, named ``name``; ``near`` is the city it lies in when known,
    else the listed place beside it; ``written_from`` is where the item starts: the name of the city it is written after (哈尔滨市利民开发区),
    else ``start``."""

    start: int
    end: int
    name: str
    near: Area
    written_from: int


# Where a zone's name may end: 区 with a count right after it (the literal first: a fast scan).
_ZONE_END = regex.compile(r"区(?=\s*\d+\s*例)")
# What stands before an item of a list: a separator, a bracket, white space.
_ITEM_START = frozenset("、,，;；:：(（ \t\n")
# Words that open a list before its first item (其中经开区3例, 分布在云龙示范区16例), and words that
# a name never starts with.
_LIST_OPENERS = ("其中", "分布在", "分布于")
_NOT_NAME_START = ("分布", "其中", "新增", "累计", "报告", "共有", "包括", "以", "仍以")  # (以中和区33例最多)
_LONGEST_NAME = 9
# Between a listed place's count and the next item, or a zone's count and the next: one separator.
# (水磨沟区1例(为…密切接触者)、高新区1例; 济宁高新区2例,均系集中隔离点检出;太白湖新区2例: a clause describing the item)
_ITEM_GAP = regex.compile(r"\s*\d+\s*例\s*(?:[(（][^()（）\n]{0,40}[)）]\s*)?(?:[、,，;；]|[,，][^;；。\n\d]{1,40}[;；])\s*")


class _ZoneNames(NamedTuple):
    """The patterns a listed zone's name is read with."""

    #: A zone's whole name, as written (经开区, 郑东新区, 云龙示范区).
    name: regex.Pattern[str]
    #: Words ending like a zone that are no place (a neighbourhood, a ward, the city's own 全区 …).
    not_zone: regex.Pattern[str]
    #: A zone's name that every city gives one of its zones (高新区, 经开区).
    generic: regex.Pattern[str]


@functools.cache
def _zone_names() -> _ZoneNames:
    """Compiled on the first name read: most texts list no unknown 区 with a count (none of the first
    400 bench articles reaches them), and compiling them cost ~1 % of a process's start-up."""
    return _ZoneNames(
        regex.compile(r"\p{Han}{1,6}?(?:新区|开发区|经开区|高新区|示范区|港区|区)"),
        regex.compile(
            r"(?:社区|小区|园区|景区|校区|片区|辖区|病区|街区|疫区|控区|防范区|隔离区|城区|市区|全区|我区|本区|该区|各区|两区|"
            r"三区|其他区|其余区|地区|矿区|厂区|营区|山区|库区|灾区|保护区|风险区)$"
        ),
        regex.compile(r"(?:东部|西部|南部|北部)?新区|高新区|经开区|开发区|经济开发区|经济技术开发区|高新技术产业开发区|示范区|保税区|综合保税区|港区"),
    )


def find_zones(text: str, start: int = 0, end: int | None = None) -> list[Zone]:
    """The unlisted zones of ``text[start:end]`` (normalised text), in text order.

    >>> [(z.name, z.near.name) for z in find_zones("长春市朝阳区12例、经开区12例、净月区33例、汽开区2例")]
    [('经开区', '长春市'), ('净月区', '长春市'), ('汽开区', '长春市')]
    >>> find_zones("某小区12例、某社区3例")
    []
    """
    return list(_zones(text, start, len(text) if end is None else end))


@functools.lru_cache(maxsize=8)
def _zones(text: str, start: int, end: int) -> tuple[Zone, ...]:
    """:func:`find_zones`, found once for a text and span (the case-count reader and the districts
    extractor both ask, with the same document's body)."""
    listed = _listed_zones(text, start, end)
    named = _city_zones(text, start, end)
    if not named:
        return listed
    seen = {(z.start, z.end) for z in listed}
    return tuple(sorted(listed + tuple(z for z in named if (z.start, z.end) not in seen), key=lambda z: z.start))


#: A generic zone written after its city's name anywhere (成都高新区, 西安经开区): the generic part.
_CITY_ZONE = regex.compile(r"高新区|经开区|经济技术开发区|高新技术产业开发区")


def _city_zone_words(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The matches of :data:`_CITY_ZONE` in ``text[start:end]`` as ``(start, word)``, in text order.

    Found by ``str.find`` (高新 opens two of the words): the pattern (the regex module) tests every
    character of the body, and a bench text often names 高新区. No two of the words can overlap (each
    ends with 区, none opens with it, none holds another), so every occurrence is a match."""
    find = text.find
    found: list[tuple[int, str]] = []
    at = find("高新", start, end)
    while at >= 0:
        for word in ("高新区", "高新技术产业开发区"):
            if text.startswith(word, at, end):
                found.append((at, word))
                break
        at = find("高新", at + 2, end)
    for word in ("经开区", "经济技术开发区"):
        at = find(word, start, end)
        while at >= 0:
            found.append((at, word))
            at = find(word, at + len(word), end)
    if len(found) > 1:
        found.sort()
    return found


#: An area match's end (the key the gazetteer's matches, in text order and never overlapping, are bisected by).
_MATCH_END = operator.attrgetter("end")


def _city_zones(text: str, start: int, end: int) -> tuple[Zone, ...]:
    """The generic zones written right after a prefecture-level city's name (成都高新区), wherever
    they stand: the name says which city's zone it is. (A zone the gazetteer lists, 重庆高新区, is a
    listed place.)"""
    found = _city_zone_words(text, start, end)
    if not found:
        return ()
    known = find_areas(text, start, end)  # (in text order, never overlapping: their ends ascend too)
    out: list[Zone] = []
    for at, word in found:
        i = bisect.bisect_left(known, at, key=_MATCH_END)
        if i == len(known) or known[i].end != at:
            continue
        city = known[i]
        zone_end = at + len(word)
        # (the place after the city must not overlap the zone: the first one after it starts past the zone)
        if city.area.level != "prefecture" or (i + 1 < len(known) and known[i + 1].start < zone_end):
            continue
        out.append(Zone(city.start, zone_end, _stem(city.area) + word, city.area, city.start))
    return tuple(out)


def _listed_zones(text: str, start: int, end: int) -> tuple[Zone, ...]:
    """The zones named in a list of places with counts, beside a listed place."""
    name_ends = [m.end() for m in _ZONE_END.finditer(text, start, end)]
    if not name_ends:
        return ()
    known = find_areas(text, start, end)
    known_ends = {m.end for m in known}
    name_ends = [e for e in name_ends if e not in known_ends]  # (most are listed districts: 沙坪坝区12例)
    if not name_ends:
        return ()
    # The listed places in text order (they never overlap): the one a name could overlap is the last
    # one starting before its end.
    known_starts = [m.start for m in known]
    starts = {m.start: m for m in known}
    ends = {m.end: m for m in known}
    zones: list[Zone] = []
    for e in name_ends:
        s = _item_start(text, start, e)
        if s is None:
            continue
        item = s
        city = starts.get(s)
        if city is not None and city.end < e - 1 and city.area.level != "county":
            s = city.end  # 哈尔滨市利民开发区4例: the zone written after its city's name
        else:
            city = None
        name = text[s:e]
        names = _zone_names()
        if not names.name.fullmatch(name) or names.not_zone.search(name) or name.startswith(_NOT_NAME_START):
            continue
        i = bisect.bisect_left(known_starts, e) - 1
        if i >= 0 and known[i].end > s:
            continue  # a listed place, or inside one (朝阳区 itself)
        near = _neighbour(text, item, e, starts, ends, zones)
        if near is not None:
            # (a generic one after its city's name is named with it, as written: 通辽市经济开发区)
            named = text[item:e] if city is not None and names.generic.fullmatch(name) else name
            home = _city_of(near, known, s)
            zones.append(Zone(s, e, named, home or near, item if city is not None and city.area.level == "prefecture" else s))
    return tuple(zones)


def _item_start(text: str, lo: int, name_end: int) -> int | None:
    """Where the list item ending at ``name_end`` starts: after the nearest separator, bracket, white
    space or list opener before it (at most a name's length back), or at ``lo``."""
    for s in range(name_end - 2, max(lo, name_end - _LONGEST_NAME) - 1, -1):
        if s == lo or text[s - 1] in _ITEM_START or text.endswith(_LIST_OPENERS, lo, s):
            return s
    return None




def _city_of(near: Area, known: list[AreaMatch], pos: int) -> Area | None:
    """The city a zone beside ``near`` at ``pos`` lies in: ``near``'s, else the one of the last place
    before it in a city of the same province (天府新区18例，高新区66例 after 成都市: 成都), else a
    municipality (北京's 通州区2例、经济开发区2例: 北京), else None."""
    gaz = load_gazetteer()
    city = gaz.prefecture_of(near)
    if city is None:
        province = gaz.province_of(near)
        before = (gaz.prefecture_of(m.area) for m in reversed(known) if m.end <= pos and gaz.province_of(m.area) == province)
        city = next((c for c in before if c is not None), None) or (province if province is not None and province.kind == "city" else None)
    return None if city is None or city.kind == "country" else city


def _stem(city: Area) -> str:
    """A city's name as a zone's name starts with it: 成都 (成都市), 北京 (北京市), 兴安盟 as it is."""
    return city.name.removesuffix("市") if city.name.endswith("市") and len(city.name) > 2 else city.name


def _neighbour(text: str, s: int, e: int, starts: dict[int, AreaMatch], ends: dict[int, AreaMatch], zones: list[Zone]) -> Area | None:
    """The listed place right before or after the item at ``[s, e)`` (through a zone found before it too)."""
    # Before: a place (or a zone), its count and a separator, then this item.
    for k in range(max(0, s - 60), s):  # (a bracketed note may follow the count: _ITEM_GAP)
        if (k in ends or (zones and zones[-1].end == k)) and _ITEM_GAP.fullmatch(text, k, s):
            return ends[k].area if k in ends else zones[-1].near
    # After: this item's count and a separator, then a place.
    gap = _ITEM_GAP.match(text, e)
    if gap is not None and gap.end() in starts:
        return starts[gap.end()].area
    return None
