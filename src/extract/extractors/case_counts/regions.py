"""Areas a count is given for: mentions from the gazetteer and ``count_regions.tsv``, and whose
本市/全市/我市 an article means."""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass
from typing import Any, NamedTuple

import ahocorasick_rs
import regex

from ...anchored import std_compile
from ...document import Doc
from ...gazetteer import find_areas, load_gazetteer
from ...home_region import article_home
from ...normalize import to_simplified
from ...zones import find_zones
from ..body_words import body_hits, doubled_occurrences, reader_count
from ..relative_days import _RELATIVE_WORDS as RELATIVE_WORDS
from .item_words import ITEM_WORDS
from .lexicon import _HEADLINE, _LIST_SEP, _NATIONAL, _OFFICIAL_BODY, load_count_regions, load_metric_lexicon

# ----------------------------------------------------------------------- areas

#: Stands for the province of the article's home (全省/本省/我省) until the home is known.
HOME_PROVINCE = "@province"
#: Stands for the home province when it is an autonomous region (我区/全区), else for no area.
HOME_AUTONOMOUS = "@autonomous"
#: 我县/全县/本县: the county a county's own notice is about (the county-level unit its body names most).
HOME_COUNTY = "@county"

#: The home region of an article that names no city or province of its own.
DEFAULT_HOME = "重庆市"


@dataclass(frozen=True, slots=True)
class _Region:
    name: str
    code: str | None
    zone: bool = False  # a zone no gazetteer lists (经开区12例 in 长春's list: see extract.zones)


class _Mention(NamedTuple):
    """An area mention (a named tuple: made for every place of every article, a dataclass is slow to build)."""

    start: int
    end: int
    region: _Region | None  # None: 全市/我市/本市 before the home region is known


def _area_mentions(doc: Doc, whole: bool = False, hits: list[tuple[int, int, int]] | None = None) -> list[_Mention]:
    """Every area mention in the body (``whole``: in the whole text, headline included), longest first.

    ``hits``: the body's count-region forms, if found already (see :func:`metric_and_region_hits`)."""
    text = to_simplified(doc.original) if whole else doc.text
    start, end = (0, len(text)) if whole else doc.body
    return _mentions_in(text, start, end, None if whole else hits)


@functools.cache
def _region(name: str, code: str | None) -> _Region:
    """The region ``name`` (``code``), made once (a frozen dataclass is slow to build per mention)."""
    return _Region(name, code)


#: 中国 as the subject of the day's figures (a reporting verb or a day follows it).
_CHINA_COUNTING = regex.compile(r"(?<![\p{Han}])中国(?:官方)?(?=\s*(?:\d{1,2}日|当天|今天|昨天|昨日|共|新增|现有|累计))")
#: After a place written without its suffix: a facility named after it (南京禄口国际机场, 武汉火车站).
_FACILITY_AFTER = regex.compile(r"\p{Han}{0,6}?(?:国际机场|机场|火车站|高铁站|医院|大学|学院)")
_QUOTE_CLOSE = ("”", '"', "」", "’")
#: The last characters of :data:`_FACILITY_AFTER`'s words, and how far from the place a match of it may end.
_FACILITY_LAST = ("场", "站", "院", "学")
_FACILITY_REACH = 6 + 4


def _facility_after(text: str, end: int) -> bool:
    """Whether a facility named after the place ending at ``end`` follows it (:data:`_FACILITY_AFTER`); the
    pattern (the regex module's, ~3 K instructions a call) is asked only when the few characters a match
    spans hold the last character of one of its words (most places written without their suffix, 重庆
    and the like, are followed by none)."""
    window = text[end : end + _FACILITY_REACH]
    # (four containment tests written out: a generator over the characters cost more than the tests)
    return ("场" in window or "站" in window or "院" in window or "学" in window) and _FACILITY_AFTER.match(text, end) is not None


#: ``_Mention(start, end, region)`` given the fields as one tuple: the class call of a named tuple runs a
#: Python-level ``__new__`` (a frame a mention); this is the ``tuple.__new__`` that one calls.
_new_mention = functools.partial(tuple.__new__, _Mention)
#: The regions made so far, by (name, code): :func:`_region` without building its cache key a mention.
_REGIONS: dict[tuple[str, str | None], _Region] = {}


def _gazetteer_mentions(text: str, start: int, end: int) -> list[_Mention]:
    """The gazetteer's area mentions in ``text[start:end]`` (:func:`~extract.gazetteer.find_areas`) as
    mentions, but a place in an outbreak's or a facility's name. One loop with the cheap tests first:
    every body's ~20 places pass here. What a form says of its area (the region, whether the form is a
    proper prefix of the area's name) is kept by the form (:func:`_form_entry`): the area's fields,
    the key tuple and ``str.startswith`` (~1.3 K instructions a call, its arguments parsed) cost more
    than one dict look-up by the form's string."""
    found: list[_Mention] = []
    append = found.append
    by_form = _BY_FORM
    for m in find_areas(text, start, end):
        m_end = m.end
        # “11·01”沙坪坝疫情已累计报告1109例: an outbreak named after where it began, not the area counted.
        if text.startswith("疫情", m_end) and text[m.start - 1 : m.start] in _QUOTE_CLOSE:
            continue
        area = m.area
        entry = by_form.get(m.form)
        if entry is None or entry[0] is not area:
            entry = _form_entry(m.form, area)
        # 江苏省累计报告南京禄口国际机场及其关联疫情确诊病例327例: a place (written short) in a facility's name.
        if entry[2] and _facility_after(text, m_end):
            continue
        append(_new_mention((m.start, m_end, entry[1])))
    return found


#: By form: the area last found under it, its region and whether the form is a proper prefix of its name.
_BY_FORM: dict[str, tuple[Any, _Region, bool]] = {}


def _form_entry(form: str, area: Any) -> tuple[Any, _Region, bool]:
    """The entry of :data:`_BY_FORM` for ``form`` read as ``area`` (made and kept: an area is looked at by
    identity, the entry holding it, so that a homonym's area made for one text is never taken for another's)."""
    name = area.name
    key = (name, area.code)
    region = _REGIONS.get(key)
    if region is None:
        region = _REGIONS[key] = _region(name, area.code)
    entry = _BY_FORM[form] = (area, region, form != name and name.startswith(form))
    return entry


#: A mention's start and end, read in C (sort keys).
_START = operator.itemgetter(0)
_END = operator.itemgetter(1)


def _mentions_in(text: str, start: int, end: int, hits: list[tuple[int, int, int]] | None = None) -> list[_Mention]:
    """Every area mention in ``text[start:end]``; of overlapping ones the longest. ``hits``: the
    count-region forms of the span, if found already (:func:`metric_and_region_hits`).

    Asked without ``hits``, the answer for the last text and span asked is kept: an article's headline
    is asked two or three times (its home, its district), the whole page once or twice. (A copy is
    returned: the caller owns its list.)"""
    if hits is None:
        asked = (text, start, end)
        if _LAST_ASKED[0] == asked:
            return list(_LAST_ASKED[1])
        found = _found_mentions(text, start, end, None)
        _LAST_ASKED[:] = (asked, found)
        return list(found)
    return _found_mentions(text, start, end, hits)


#: The last text and span :func:`_mentions_in` was asked without hits, and its answer.
_LAST_ASKED: list[Any] = [None, []]


def _found_mentions(text: str, start: int, end: int, hits: list[tuple[int, int, int]] | None) -> list[_Mention]:
    """:func:`_mentions_in`, found."""
    found = _gazetteer_mentions(text, start, end)
    if hits is None:
        hits = _extra_region_ac()[0].find_matches_as_indexes(text[start:end])
    if hits:
        regions = _form_regions()
        found += [_new_mention((start + s, start + e, regions[k])) for k, s, e in hits]
    for z in find_zones(text, start, end):
        # 朝阳区12例、经开区12例: a zone no gazetteer lists, beside a listed place, named as written; one
        # written after its city's name is one mention with it (哈尔滨市利民开发区, as 哈尔滨市呼兰区 is).
        found.append(_Mention(z.written_from, z.end, _Region(z.name, None, zone=True)))
    if text.find("中国", start, end) >= 0:
        for m in _CHINA_COUNTING.finditer(text, start, end):
            # 中國27日共報告新增209例, 中國當天共新增21例 (中央社 on the mainland's figures): the country.
            found.append(_Mention(m.start(), m.end(), _region("全国", None)))
    if text.find("省", start, end) >= 0 or text.find("兵团", start, end) >= 0:  # every match of _NATIONAL has one
        for m in _NATIONAL.finditer(text, start, end):
            # 31个省（区、市）, 13省（区、市）和新疆生产建设兵团: the provinces reporting to the NHC, i.e. the country.
            found.append(_Mention(m.start(), m.end(), _region("全国", None)))
    # Longest wins on overlap, then text order: sorted by start, the longer first at one start (by end,
    # descending, then by start: both sorts are stable, keys read in C where a lambda is a call a mention).
    found.sort(key=_END, reverse=True)
    found.sort(key=_START)
    kept = found if _none_overlapping(found) else _longest_of_overlaps(found)
    if kept and text.find("全", kept[0].start, kept[-1].end + 1) >= 0:  # (no 全区/全县/全市 after any: none to join)
        kept = _whole_of(text, kept)
    return _joined_parents(kept)


def _none_overlapping(mentions: list[_Mention]) -> bool:
    """Whether no mention of ``mentions`` (sorted by start) starts before the one before it ends (a walk in
    C; most texts: 16 of 305 calls over bench articles 201-400 had an overlap), when
    :func:`_longest_of_overlaps` keeps them all."""
    return all(map(operator.le, map(_END, mentions), map(_START, mentions[1:])))


def _longest_of_overlaps(found: list[_Mention]) -> list[_Mention]:
    """Of overlapping mentions (sorted by start, the longer first at one start) the longest, the first on ties."""
    kept: list[_Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


@functools.cache
def _form_regions() -> list[_Region | None]:
    """By index of :func:`_extra_region_ac`'s forms, the region a hit of the form stands for: the
    gazetteer's area of that name, else ``count_regions.tsv``'s (None for ``@home``). Made once: every
    hit of a body read the gazetteer and the table and built a dict of the home stand-ins again."""
    gaz = load_gazetteer()
    extra = load_count_regions()
    homes = {"@province": HOME_PROVINCE, "@autonomous": HOME_AUTONOMOUS, "@county": HOME_COUNTY}
    regions: list[_Region | None] = []
    for form in _extra_region_ac()[1]:
        area = gaz.get(form)
        if area is not None:
            regions.append(_region(area.name, area.code))
            continue
        name, code = extra[form]
        regions.append(None if name == "@home" else _region(homes.get(name, name), code))
    return regions


#: After a place: the whole of it (万州全区累计报告确诊病例118例, 江津全区).
_WHOLE = ("全区", "全县", "全市")


def _whole_of(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """A place followed by 全区/全县/全市 (万州全区) is one mention of the place, spanning both words."""
    out: list[_Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue  # the 全区 of the place before
        if m.region is not None and m.region.code and text.startswith(_WHOLE, m.end):
            m = _Mention(m.start, m.end + 2, m.region)
        out.append(m)
    return out


def _joined_parents(mentions: list[_Mention]) -> list[_Mention]:
    """A place written with its parent before it (呼和浩特市玉泉区, 河南省信阳市, 重庆市渝中区) is one mention of the place.

    The parent is a province (its code's first two digits) or a prefecture (first four) the place
    lies in; the mention spans both names.
    """
    if _none_adjacent(mentions):
        return mentions  # (most texts: no place written right after another)
    out: list[_Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == m.start and prev.region is not None and m.region is not None
                and _contains(prev.region.code, m.region.code)):
            out[-1] = _Mention(prev.start, m.end, m.region)
            continue
        out.append(m)
    return out


def _none_adjacent(mentions: list[_Mention]) -> bool:
    """Whether no mention starts where another ends (a set and a walk in C, where :func:`_joined_parents`'
    loop reads several fields of every mention in Python)."""
    return set(map(_END, mentions)).isdisjoint(map(_START, mentions))


def _contains(parent: str | None, child: str | None) -> bool:
    if not parent or not child or parent == child or len(parent) != 6 or len(child) != 6:
        return False
    if parent.endswith("0000"):
        return child.startswith(parent[:2])
    return parent.endswith("00") and child.startswith(parent[:4])


@functools.cache
def _extra_region_ac() -> tuple[ahocorasick_rs.AhoCorasick, list[str]]:
    """The forms of ``count_regions.tsv`` as an automaton: leftmost-longest, as an alternation longest first."""
    forms = list(load_count_regions())
    return ahocorasick_rs.AhoCorasick(forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest), forms


@functools.cache
def _metric_region_words() -> tuple[list[str], list[tuple[bool, int, bool, bool]]]:
    """The metric phrases, the count-region forms, the words a per-case list's item starts with
    (:data:`~.item_words.ITEM_WORDS`) and the dates' relative words (:data:`~..relative_days._RELATIVE_WORDS`),
    each once, and for each whether it is a metric phrase, its index among the forms of
    :func:`_extra_region_ac` (-1: none), whether it is an item word and whether a relative word."""
    metric = load_metric_lexicon().metric
    forms = {form: k for k, form in enumerate(_extra_region_ac()[1])}
    words = list(dict.fromkeys([*metric, *forms, *ITEM_WORDS, *RELATIVE_WORDS]))  # a word of several kinds once
    kinds = [(w in metric, forms.get(w, -1), w in ITEM_WORDS, w in RELATIVE_WORDS) for w in words]
    return words, kinds


@functools.cache
def _metric_region_ac() -> tuple[ahocorasick_rs.AhoCorasick, list[tuple[bool, int, bool, bool]]]:
    """The words of :func:`_metric_region_words` in one automaton reporting every occurrence
    (overlapping ones too; a DFA), and their kinds. (The reader's pass reads the automaton shared with the
    start words, :mod:`..body_words`; this one is the reference the tests hold it to.)"""
    words, kinds = _metric_region_words()
    return ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.DFA), kinds


def _occurrences(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Every occurrence ``(word index, start, end)`` of a word of :func:`_metric_region_ac` in
    ``text[start:end]`` (offsets relative to ``start``), overlapping ones too, in no set order (the caller sorts):
    the reader's words' occurrences of the one scan shared with the start words
    (:func:`..body_words.doubled_occurrences`, whose word indexes below ``reader_count()`` are the reader's).

    The span is scanned as UTF-16-LE bytes when it is of the basic plane: a byte offset is twice a
    character offset. A word can also match at an odd byte offset (the high byte of one character and
    the low byte of the next spell one of its code units): such matches are no occurrences and are
    dropped; every occurrence is reported (overlapping search), so none is lost.
    """
    n = reader_count()
    return [(w, s >> 1, e >> 1) for w, s, e in doubled_occurrences(text, start, end) if not s & 1 and w < n]


class ReaderHits(NamedTuple):
    """What the reader's one automaton pass over a body finds (:func:`reader_hits`)."""

    metric: list[tuple[int, int]]  # the :func:`~.lexicon.metric_occurrences` of the span
    regions: list[tuple[int, int, int]]  # count-region forms as ``_extra_region_ac()`` finds them (relative to start)
    items: list[tuple[int, int]]  # every item word (where a per-case list's item may start: :func:`.case_lists._items`)
    relative: list[int]  # where each relative word of the dates starts, ascending (:func:`~..dates.relative_words_found`)


def reader_hits(text: str, start: int, end: int) -> ReaderHits:
    """One automaton pass over ``text[start:end]`` for the metric phrases, the count-region forms
    (``(form index, start, end)`` relative to ``start``), the item words and the dates' relative words.

    The forms' leftmost-longest matches are read off their every occurrence: the first start at or
    after the end of the match before, the longest form there. The occurrences are those of the one scan
    shared with the start words (:func:`..body_words.body_hits`), sorted here (copies: that scan's lists
    are kept for the start words' turn).
    """
    found = body_hits(text, start, end)
    metric = sorted(found.metric)
    region = sorted(found.regions)
    relative = found.relative
    longest: dict[int, tuple[int, int]] = {}  # by start, the longest form there (sorted: the last)
    for s, e, k in region:
        longest[s] = (e, k)
    hits: list[tuple[int, int, int]] = []
    pos = start
    for s, (e, k) in longest.items():
        if s >= pos:
            hits.append((k, s - start, e - start))
            pos = e
    return _new_reader_hits((metric, hits, list(found.items), sorted(set(relative)) if relative else []))


#: ``ReaderHits(...)`` given the fields as one tuple, by ``tuple.__new__`` (see :data:`_new_mention`).
_new_reader_hits = functools.partial(tuple.__new__, ReaderHits)


def _home_region(mentions: list[_Mention]) -> _Region | None:
    """The article's own city or province: the province-level unit named most often (重庆市 on ties)."""
    votes = _home_votes(mentions)
    if not votes:
        return None
    return max(votes, key=lambda r: (votes[r], r.name == "重庆市"))


def _home_votes(mentions: list[_Mention]) -> dict[_Region, int]:
    """How often each province-level unit is named, a district counting for its city or province."""
    # Counted by the voted region's (name, code), a tuple of strings hashed in C: a region is a dataclass
    # whose hash and equality are Python-level calls, asked twice a mention in a dict of regions. Every
    # voted region is no zone, so (name, code) tells them apart as their equality does; the dict keeps the
    # order in which each region was first voted for (ties are settled by it).
    counted: dict[tuple[str, str | None], list[Any]] = {}
    for m in mentions:
        voted = _vote_key(m.region.name, m.region.code) if m.region is not None else None
        if voted is not None:
            entry = counted.get(voted[0])
            if entry is None:
                counted[voted[0]] = [voted[1], 1]
            else:
                entry[1] += 1
    return {region: n for region, n in counted.values()}


@functools.cache
def _vote_key(name: str, code: str | None) -> tuple[tuple[str, str | None], _Region] | None:
    """:func:`_vote_of` the region ``name`` (``code``), with its (name, code) as a key; None when it votes for none."""
    region = _vote_of(name, code)
    return None if region is None else ((region.name, region.code), region)


@functools.cache
def _vote_of(name: str, code: str | None) -> _Region | None:
    """The province-level unit a mention of the region ``name`` (``code``) votes for (itself, or the
    city or province of a district), None when it votes for none."""
    gaz = load_gazetteer()
    area = gaz.get(name)
    if area is not None and area.kind not in ("city", "province"):
        parent = gaz.get(area.parent) if area.parent else None
        if parent is None or parent.kind not in ("city", "province"):
            return None
        return _Region(parent.name, parent.code)
    if area is None and not (code and code.endswith("0000")):
        return None
    return _Region(name, code)


def _city_in(mentions: list[_Mention], home: _Region | None) -> _Region | None:
    """When ``home`` is a province (not a municipality), the prefecture-level city of it the mentions name
    most (a district counting for its city): whose 我市/全市 a notice of that city means. None otherwise."""
    if home is None or not home.code or not home.code.endswith("0000") or home.name.endswith("市"):
        return None
    votes = {r: n for r, n in _home_votes(mentions).items() if r.code and r.code != home.code and r.code[:2] == home.code[:2]}
    return max(votes, key=lambda r: votes[r]) if votes else None


def _prefecture_code(home: _Region | None) -> str | None:
    """The code of ``home`` when it is a prefecture-level unit (440700; not 440000 or 440783), else None."""
    code = home.code if home is not None else None
    return code if code and code.endswith("00") and not code.endswith("0000") else None


def _county_of(r: _Region, code: str) -> bool:
    """Whether ``r`` is a county-level unit of the prefecture-level unit coded ``code`` (440783 of 440700)."""
    own = r.code
    return own is not None and own != "" and not own.endswith("00") and own[:4] == code[:4]


def _county_city_in(mentions: list[_Mention], home: _Region | None) -> _Region | None:
    """When ``home`` is a prefecture-level city, the county-level city of it (东兴市 of 防城港市) the mentions
    name more often than the home itself, and three times as often as its other units together: the
    article is about that city (its 全市/我市, its counts with no area)."""
    code = _prefecture_code(home)
    if code is None:
        return None
    named: dict[_Region, int] = {}
    for m in mentions:
        r = m.region
        if r is not None and r.code and r.code[:4] == code[:4] and r.code != code:
            named[r] = named.get(r, 0) + 1
    own = sum(1 for m in mentions if m.region is not None and m.region.code == code)
    best = max(named, key=lambda r: named[r]) if named else None
    if best is None or not best.name.endswith("市") or named[best] <= max(own, 2):
        return None
    # The article is about that one city, not one of a list of its prefecture's units (大冶市 in a 黄石 notice
    # naming each district in turn): the others are named far less, together.
    others = sum(named.values()) - named[best]
    return best if named[best] >= 3 * others else None


#: The longest line that signs a notice with its issuing body (什邡市卫生健康局).
_SIGNATURE_LINE = 24


def _signed_by_county(text: str, mentions: list[_Mention], home: _Region | None) -> _Region | None:
    """The county-level unit of ``home`` (a prefecture-level city) whose government body signs the notice on a
    line of its own, the body's last place named (…德阳市累计…12例(绵竹市5例、…)。(new line) 什邡市卫生健康局
    (new line) 2020年2月6日): whose notice it is, though its body names the city and its units."""
    code = _prefecture_code(home)
    if code is None or not mentions:
        return None
    m = mentions[-1]
    r = m.region
    if r is None or not _county_of(r, code):
        return None
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if text[line_start : m.start].strip() or len(line) > _SIGNATURE_LINE:
        return None
    return r if _OFFICIAL_BODY.search(line) else None


def _sourced_from_county(outlet: str | None, home: _Region | None) -> _Region | None:
    """The county-level unit of ``home`` (a prefecture-level city) whose government body is the article's source
    (来源 |开平市新型冠状病毒肺炎疫情防控指挥部办公室 under a 江门 account's repost): whose notice it is, its 我市
    that unit's. None otherwise."""
    code = _prefecture_code(home)
    if code is None or not outlet or not _OFFICIAL_BODY.search(outlet):
        return None
    named = _mentions_in(outlet, 0, len(outlet))
    r = named[0].region if named and named[0].start == 0 else None
    return r if r is not None and _county_of(r, code) else None


def _taiwan_home(mentions: list[_Mention]) -> _Region | None:
    """台湾省 when most of the places named (the country aside) are Taiwan's, else None."""
    taiwan: _Region | None = None
    inside = outside = 0
    for region, n in _home_votes(mentions).items():
        if region.name == "全国":
            continue
        province = _province_of(region)
        if province is not None and province.name == "台湾省":
            taiwan, inside = province, inside + n
        else:
            outside += n
    return taiwan if inside > outside else None


def _article_home(doc: Doc, body: list[_Mention]) -> _Region | None:
    """Whose 本市/全市/我市 the article means.

    In order: the province-level unit the headline names (a notice headed 11月25日上海新增… is about
    上海市 even when its body never names it; a headline naming several is decided by the body), the one
    an issuing government body is of (上海市卫生健康委员会 — not a newspaper's, 北京青年报 reports on
    anywhere), the one the body names most, the one the whole page names most, and 重庆市.
    """
    body_home = _home_region(body)
    # 【…西藏新增1例疑似病例】1月28日0-24时，31个省（区、市）报告…: a notice that opens with the
    # provinces reporting to the NHC is the country's, whatever province its headline names in passing.
    headline = _HEADLINE.search(doc.text, doc.body[0], doc.body[1])
    numbered: dict[int, bool] = {}  # line start → whether the line has a digit (asked once a line)
    opening = next((m for m in body if not (headline and headline.start() <= m.start < headline.end())
                    and _in_line_with_number(doc.text, m.start, numbered)), None)  # not a caption (在北京首都國際機場)
    if opening is not None and opening.region is not None and opening.region.name == "全国":
        # (國內COVID-19確診22日新增78例本土個案 in a report whose places are Taiwan's: the island's 國內)
        taiwan = _taiwan_home(body)
        return taiwan if taiwan is not None else opening.region
    # The headline, an issuing body, then the places the body names (a district counting for its
    # city and province): a city when the article is about one city of its province.
    # doc.text is blank outside the body, so it names the same places as the body alone; asked with
    # the whole text, the gazetteer reuses the analysis it made for the body's mentions.
    titled = _mentions_in(doc.title, 0, len(doc.title)) if doc.title else []
    if titled and all(m.region is not None and m.region.name == "全国" for m in titled):
        # 国家卫健委:新增确诊病例总数连续16天下降, 全国新增确诊病例1771例: the country's figures, whatever
        # provinces the body names.
        return titled[0].region
    home = article_home(doc.text, doc.title, doc.outlet)
    if home is not None:
        return _Region(home.name, home.code)
    if doc.title:
        title = _home_votes(titled)  # (the headline's mentions, found above)
        if title:
            best = max(title.values())
            tied = [r for r, n in title.items() if n == best]
            if len(tied) == 1:
                return tied[0]
            if body_home in tied:
                return body_home
    if doc.outlet and _OFFICIAL_BODY.search(doc.outlet):
        outlet = _home_region(_mentions_in(doc.outlet, 0, len(doc.outlet)))
        if outlet is not None:
            return outlet
    return body_home or _home_region(_area_mentions(doc, whole=True)) or _default_home()


#: Words a district's own notice writes right after its name (綦江区无新增…, 綦江区累计报告…).
_SUBJECT_OF_COUNTS = std_compile(r"\s*(?:无新增|新增|累计|现有|报告|共有|共)")


def _home_county(body: list[_Mention], text: str) -> _Region | None:
    """The county-level unit the mentions name most often (their first when tied), for 我县/全县/本县; not
    one named only as where a case is registered or comes from (其中1例户籍宜城市，常住九集; 武汉籍2例: 南漳县's
    notice, whose own name stands in its signature)."""
    counts: dict[_Region, int] = {}
    for m in body:
        r = m.region
        if r is not None and r.code and not r.code.endswith("00"):
            if _ORIGIN_BEFORE.search(text, max(0, m.start - 3), m.start) or text.startswith("籍", m.end):
                continue
            counts[r] = counts.get(r, 0) + 1
    return max(counts, key=lambda r: counts[r]) if counts else None  # (dicts keep the order of first mention)


#: Before a place that is only where a case is registered or comes from (户籍宜城市, 籍贯, 来自).
_ORIGIN_BEFORE = std_compile(r"(?:户籍|籍贯|户口|来自)(?:为|是|在)?$")


def _district_home(body: list[_Mention], title: str | None, text: str) -> _Region | None:
    """The district or county a district's own notice is about: the one area its body names, twice
    or more, and nothing else, with its name in the headline (3月17日,綦江新冠肺炎疫情情况 …綦江区累计…:
    累计追踪到密切接触者1556人 is 綦江区's). A city's notice of one district's cases (病例1—病例4，居住于
    普陀区) names the city in its headline, not the district."""
    places = [m.region for m in body if m.region is not None and m.region.name not in (HOME_PROVINCE, HOME_AUTONOMOUS, HOME_COUNTY)]
    named = set(places)  # (我区 and 全省 stand for the home: no area of their own here)
    if len(named) != 1 or len(places) < 2:
        return None
    (region,) = named
    if _is_top([region]):
        return None
    if not title:
        # A notice with no headline (8月31日0—24时,渝中区新增本土确诊病例4例,…): its first place is the subject of its
        # first counts.
        first = next(m for m in body if m.region is not None and m.region == region)
        if not _SUBJECT_OF_COUNTS.match(text, first.end):
            return None
    elif region.name[:2] not in title:
        return None
    # …as the subject of its counts (not only where listed cases live: 病例1—病例4，居住于普陀区).
    if not any(m.region == region and _SUBJECT_OF_COUNTS.match(text, m.end) for m in body):
        return None
    return region


#: After a county's name in a headline: the count it states (鸡东县新增1例确诊病例).
_HEADLINE_COUNT_AFTER = std_compile(r"\s*(?:再|又)?(?:新增|新发现|发现|报告|通报|累计)(?:本土|本地)?\s*\d+\s*(?:例|名|宗)")


def _title_counted_district(title: str | None, home: _Region | None) -> _Region | None:
    """The one district or county of ``home`` the headline names, when the headline states its count right after
    it (黑龙江省鸡东县新增1例确诊病例、2例无症状感染者): the notice is that county's, though its body names the
    city as often (鸡西市疾病预防控制中心复核阳性)."""
    found = _title_districts(title, home)
    if not title or len({m.region for m in found}) != 1 or not any(_HEADLINE_COUNT_AFTER.match(title, m.end) for m in found):
        return None
    return found[0].region


def _title_districts(title: str | None, home: _Region | None) -> list[_Mention]:
    """The headline's mentions of the districts and counties of ``home`` (a unit with a code)."""
    if not title or home is None or not home.code:
        return []
    return [m for m in _mentions_in(title, 0, len(title))
            if m.region is not None and m.region.code and not m.region.code.endswith("00") and _contains(home.code, m.region.code)]


def _title_district(title: str | None, home: _Region | None) -> _Region | None:
    """The one district or county of ``home`` the headline names (蕪湖市繁昌區:新增報告13例感染者): whose
    notice it is, when its body says 我区/全区."""
    found = {m.region for m in _title_districts(title, home)}
    return found.pop() if len(found) == 1 else None


def _in_line_with_number(text: str, pos: int, seen: dict[int, bool]) -> bool:
    """Whether the line holding ``pos`` has a digit (a line that can state a count); ``seen`` keeps
    the answer for each line start, so that many mentions on one long line cost one reading of it."""
    start = text.rfind("\n", 0, pos) + 1
    if start not in seen:
        end = text.find("\n", pos)
        seen[start] = _DIGIT.search(text, start, end if end >= 0 else len(text)) is not None
    return seen[start]


_DIGIT = std_compile(r"\d")


def _province_of(region: _Region | None) -> _Region | None:
    """The province-level unit of an article's home (itself when it is one)."""
    if region is None:
        return None
    gaz = load_gazetteer()
    area = (gaz.by_code(region.code) if region.code else None) or gaz.get(region.name)
    province = gaz.province_of(area) if area is not None else None
    return _Region(province.name, province.code) if province is not None else region


def _default_home() -> _Region | None:
    """The corpus is about Chongqing: 全市/我市 in an article that names no province-level unit is 重庆市."""
    area = load_gazetteer().get(DEFAULT_HOME)
    return _Region(area.name, area.code) if area is not None else None


def _is_top(regions: list[_Region]) -> bool:
    """Whether ``regions`` is one city, province or country (not a district or a part of a city)."""
    if len(regions) != 1 or regions[0].zone:
        return False
    area = load_gazetteer().get(regions[0].name)
    # A region the gazetteer does not hold comes from count_regions.tsv: 全国 or a province.
    return area is None or area.kind in ("city", "province", "country")


def _short_forms(text: str) -> list[_Region] | None:
    """Regions of a bracketed item written in short forms (沙坪坝27例, 渝中、江北各2例)."""
    gaz = load_gazetteer()
    parts = _LIST_SEP.split(text.strip(" ,，;；()（）"))
    regions = []
    for p in parts:
        area = gaz.by_short.get(p.strip())
        if area is None:
            return None
        regions.append(_Region(area.name, area.code))
    return regions or None


#: An outbreak's name in quotes around a place: “奉化区5.1疫情”, “8·09”丰都-渝北疫情 is not (no quote around).
_OUTBREAK_OPEN = std_compile(r"“[^”\n]{0,12}$")
_OUTBREAK_CLOSE = std_compile(r"[^“”\n]{0,12}?疫情”")


#: A bracket right after a place that says whose unit it is: (防城港市下辖县级市), （隶属于…）.
_JURISDICTION_NOTE = std_compile(r"[(（][^()（）\n]{0,12}?(?:下辖|所辖|代管|隶属)[^()（）\n]{0,10}[)）]")


def _in_jurisdiction_note(text: str, start: int, end: int) -> bool:
    """Whether the place ``text[start:end]`` is named in a bracket saying whose unit the place before it is."""
    open_at = max(text.rfind("(", max(0, start - 12), start), text.rfind("（", max(0, start - 12), start))
    return open_at >= 0 and (m := _JURISDICTION_NOTE.match(text, open_at)) is not None and m.end() >= end


def _in_outbreak_name(text: str, start: int, end: int) -> bool:
    """Whether the place ``text[start:end]`` is named inside a quoted outbreak's name (宁波市“奉化区5.1疫情”
    新增1例…): the outbreak's, not the area of the counts after it."""
    return (_OUTBREAK_OPEN.search(text, max(0, start - 12), start) is not None
            and _OUTBREAK_CLOSE.match(text, end) is not None)


def _count_areas(text: str, areas: list[_Mention]) -> list[_Mention]:
    """The area mentions that can be a count's area: not a place inside a quoted outbreak's name (宁波市
    “奉化区5.1疫情”新增1例…), nor one in a note on whose unit the area before it is (东兴市(防城港市下辖县级市)69例)."""
    if "疫情”" in text:
        areas = [a for a in areas if not _in_outbreak_name(text, a.start, a.end)]
    if "辖" in text or "隶属" in text:
        areas = [a for a in areas if not _in_jurisdiction_note(text, a.start, a.end)]
    return areas
