"""The article's home region: the province-level unit, or the city in it, an article is about (whose 本市,
全省 and 我市 it means). Split from :mod:`.gazetteer`, whose area finder it asks."""

from __future__ import annotations

from collections import Counter
from typing import Any

import regex

from .areas import Area, Gazetteer, load_gazetteer
from .gazetteer import find_areas

__all__ = ["article_home"]

# An issuing government body (上海市卫生健康委员会, 重庆市九龙坡区人民政府): its place is the article's.
_OFFICIAL_BODY = regex.compile(r"政府|委员会|卫健委|卫生健康委|办公室|办公厅|指挥部|领导小组|局$|厅$")


def article_home(text: str, title: str | None = None, outlet: str | None = None) -> Area | None:
    """The article's home region: the province-level unit, or the city in it, the article is about.

    Judged, in order, from the headline (11月25日上海新增… is about 上海市), an issuing
    government body (``outlet`` 武汉市卫生健康委员会; a newspaper reports on anywhere), and the
    places the body names (a district counts for its city and its province). The province-level
    unit named most often wins; within it, a prefecture-level city named at least half as often
    as its province is the home (a notice from 武汉 is about 武汉市, not all of 湖北省). A tie
    at the top, or no place at all, is None.

    Args:
        text: normalised body text (e.g. ``doc.text``).
        title: the headline (normalised), if any.
        outlet: the outlet or issuing body (normalised), if any.

    >>> article_home("江汉区、武昌区新增病例", title="武汉市新增本土感染者").name
    '武汉市'
    >>> article_home("沙坪坝区、渝中区各新增2例").name
    '重庆市'
    >>> article_home("北京新增3例,上海新增3例") is None
    True
    """
    # The case counts and the districts extractors both ask, with the same document's strings: the
    # last answer is kept for those very objects (identity, not equal text: no memo across articles).
    last = _last_home[0]
    if last is not None and last[0] is text and last[1] is title and last[2] is outlet:
        return last[3]
    home = _article_home(text, title, outlet)
    _last_home[0] = (text, title, outlet, home)
    return home


_last_home: list[tuple[str, str | None, str | None, Area | None] | None] = [None]


def _article_home(text: str, title: str | None, outlet: str | None) -> Area | None:
    if title and (province := _province_first(title)) is not None:
        return province
    sources = [title]
    if outlet and _OFFICIAL_BODY.search(outlet):
        sources.append(outlet)
    for source in sources:
        if source:
            home = _home_of(_home_votes(source))
            if home is not None:
                return home
    votes = _home_votes(text)
    if not votes:
        # 中央流行疫情指揮中心今日公布國內新增…: a body that only one place has names that place when no other is named.
        for body, place in _PLACE_BODIES:
            if body in text or (outlet and body in outlet):
                return load_gazetteer().areas[place]
    return _home_of(votes)


#: Issuing bodies of one place only, Simplified (the text is normalised).
_PLACE_BODIES = (("中央流行疫情指挥中心", "台湾省"), ("卫生福利部疾病管制署", "台湾省"), ("新型冠状病毒感染应变协调中心", "澳门特别行政区"),
                 ("卫生防护中心", "香港特别行政区"))  # 卫生署卫生防护中心: Hong Kong's Centre for Health Protection


def _province_first(title: str) -> Area | None:
    """A headline that opens with a province's own figures and names its cities after them (山东新增确诊病例12例
    累计87例 青岛市13例) is the province's, not the city's (湖北武汉新增…, with the city right after it, is the city's)."""
    gaz = load_gazetteer()
    found = [m for m in find_areas(title) if not m.area.ambiguous and m.area.kind != "country"]
    if len(found) < 2 or found[0].area.level != "province":
        return None
    province = found[0].area
    if found[1].start == found[0].end or not all(gaz.province_of(m.area) is province for m in found[1:]):
        return None
    return province


def _home_votes(text: str) -> Counter[str]:
    gaz = load_gazetteer()
    votes: Counter[str] = Counter()
    for m in find_areas(text):
        for unit in _voted_units(gaz, m.area):
            votes[unit] += 1
    return votes


def _voted_units(gaz: Gazetteer, area: Area) -> tuple[str, ...]:
    """:func:`_units_voted_for` ``area``, kept per area of the gazetteer (a body names ~20 places, mostly
    the same few, each asking the gazetteer for its province and prefecture and whether it is ambiguous:
    several Python calls a mention); an area made elsewhere (an ambiguous name's) is looked at each time."""
    if gaz.areas.get(area.id) is not area:
        return _units_voted_for(gaz, area)
    if _UNITS[0] is not gaz:
        _UNITS[:] = [gaz, {}]
    known: dict[str, tuple[str, ...]] = _UNITS[1]
    units = known.get(area.id)
    if units is None:
        units = known[area.id] = _units_voted_for(gaz, area)
    return units


#: The gazetteer and, by area id, the units a mention of the area votes for.
_UNITS: list[Any] = [None, {}]


def _units_voted_for(gaz: Gazetteer, area: Area) -> tuple[str, ...]:
    """The ids of the units a mention of ``area`` votes for as the home: its province-level unit, then its
    prefecture-level city (none for an ambiguous name or the country)."""
    if area.ambiguous or area.kind == "country":
        return ()
    province = gaz.province_of(area)
    city = gaz.prefecture_of(area)
    if city is None and province is not None and area.kind == "county_city" and area.parent == province.id:
        city = area  # 万宁市, 仙桃市: a county-level city its province governs directly is a home too
    return tuple(unit.id for unit in (province, city) if unit is not None)


def _home_of(votes: Counter[str]) -> Area | None:
    gaz = load_gazetteer()
    provinces = [(n, k) for k, n in votes.items() if gaz.areas[k].level == "province" or gaz.areas[k].parent == "全国"]
    if not provinces:
        return None
    provinces.sort(reverse=True)
    if len(provinces) > 1 and provinces[0][0] == provinces[1][0]:
        return None
    top_votes, top = provinces[0]
    cities = sorted(
        ((n, k) for k, n in votes.items() if k != top and gaz.areas[k].parent == top and (gaz.areas[k].level == "prefecture" or gaz.areas[k].kind == "county_city")),
        reverse=True,
    )
    if cities and 2 * cities[0][0] >= top_votes and (len(cities) == 1 or cities[0][0] > cities[1][0]):
        return gaz.areas[cities[0][1]]
    return gaz.areas[top]
