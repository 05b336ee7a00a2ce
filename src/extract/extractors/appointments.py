"""Appointments: posts conferred on or removed from named people.

The forms of Xinhua / 新闻联播 reports of NPC Standing Committee sessions, State
Council meetings and personnel news:

- ``任命甲为X``, ``任命甲、乙为X``, chained ``任命甲为X，乙为Y，丙为Z``, with several
  posts ``任命丁为A、B、C``; ``甲获任命为X``;
- ``免去甲的X职务``, ``免去甲、乙的X职务``, ``免去其X职务`` (其: the person just named);
- ``甲兼任X``, ``甲接任X``, ``甲出任X``, ``甲改任X``, ``甲当选X``: the post is conferred.

In the strong forms (任命 … 为, 免去 … 的) a name is whatever stands between the
verb and 为/的 (2–4 Han characters, or a name with a middle dot such as
雪克来提·扎克尔), so names without a Han surname (巴特尔, 巴音朝鲁) are read
too; after the weak verbs (兼任, 接任 …) the name must start with a surname and
stand clear of the words before it. A post must end with a post word of the
title lexicon (部长, 副主任委员, 行政长官 …), so 任命的国务院部长 or 免去职务
alone give nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import regex

from ..anchored import matches_at
from .officials import APPOINTMENT_VERBS, Title, find_titles, load_lexicon
from .title_finder import _title_is_official
from .person_names import _name_options
from .start_words import gate_starts, holds

__all__ = ["Appointment", "find_appointments"]

Action = Literal["conferred", "removed"]


@dataclass(frozen=True, slots=True)
class Appointment:
    """One person given or relieved of one post.

    Attributes:
        name, name_start: the person as written (Simplified) and where.
        title: the post, a :class:`~extract.extractors.officials.Title` spanning it as written.
        action: ``conferred`` or ``removed``.
        start, end: the clause (verb … post) it was read from.
    """

    name: str
    name_start: int
    title: Title
    action: Action
    start: int
    end: int


#: A name inside a strong form: Han characters, or two parts joined by a middle dot.
_STRONG_NAME = regex.compile(r"\p{Han}{2,4}|\p{Han}{1,8}[·•・‧]\p{Han}{1,10}")
_NAME_SEP = regex.compile(r"、")
#: Characters no name in a list contains (a clause, not a name: 任命的国务院部长).
#: 和/与/及 join two names only between two parts of two characters or more (胡和平 is one name).
_NOT_IN_NAME = regex.compile(r"[的为了是在其等由将对以从向把被]|(?<=\p{Han}{2})[和与及](?=\p{Han}{2})|" + APPOINTMENT_VERBS)
_APPOINT = regex.compile(r"任命(?!书|案|的)|增补(?!的)")
_REMOVE = regex.compile(r"免去")
#: ``国务院港澳办主任张晓明被免去职务``: the post is the title before the name, unless
#: one is written between 免去 and 职务.
_PASSIVE_REMOVE = regex.compile(r"被免去(?:其)?|被免职")
#: ``邓宗良、舒启明不再担任X``: a post given up.
_GIVE_UP = regex.compile(r"不再(?:兼任|担任)")
#: Words after which a name before a weak verb stands clear (同意夏宝龙不再兼任…).
_CLEAR_WORD = regex.compile(r"(?:同意|决定|关于|批准)$")
#: Weak verbs: the post after them is conferred (兼任, 接任 …).
_TAKE_UP = regex.compile(r"(?:获任命为|被任命为|兼任|接任|出任|改任|升任|当选为|当选|继任)")
#: What may end a post: punctuation, 职务, 的 (任命甲为X的国务院令), a date (，于…), a bracket.
_POST_END = regex.compile(r"[,，。;；:：、!！?？\n()（）“”\"]|职务|的|于|$|兼|\s")
_MAX_POST = 40
#: 任命|甲、乙为 and 免去|甲、乙的: the names before 为 / 的 (checked piece by piece afterwards).
_NAMES_THEN_WEI = regex.compile(r"[^为,，。;；\n]{2,30}?为")
_NAMES_THEN_DE = regex.compile(r"[^的,，。;；\n]{2,30}?的")
_COMMA = regex.compile(r"[,，]")
_NOT_POST_TEXT = regex.compile(r"[^\p{Han}()（）\d]")
_HAN = regex.compile(r"\p{Han}")
#: At most this many names in one list before a weak verb (a bound for hostile input).
_MAX_LIST = 30


def _names(text: str, start: int, end: int, strong: bool) -> list[tuple[str, int]] | None:
    """The names of ``text[start:end]`` separated by 、, or ``None`` if a piece is not a name."""
    out: list[tuple[str, int]] = []
    pos = start
    lex = load_lexicon()
    while True:
        sep = _NAME_SEP.search(text, pos, end)
        piece_end = sep.start() if sep else end
        piece = text[pos:piece_end]
        if strong:
            ok = _STRONG_NAME.fullmatch(piece) is not None and not _NOT_IN_NAME.search(piece)
        else:
            ok = len(piece) in _name_options(text, pos, lex)
        if not ok or piece in lex.cues["not_name"]:
            return None
        out.append((piece, pos))
        if sep is None:
            return out
        pos = sep.end()


def _posts(text: str, start: int, limit: int) -> list[Title]:
    """Posts written from ``start``: ``X``, ``X、Y`` or ``X兼Y``, each ending at a post word."""
    out: list[Title] = []
    pos = start
    titles = find_titles(text, start, min(len(text), limit))
    i = 0
    while i < len(titles):
        # The first post word followed by an end: 香港特别行政区第六任行政长官|的国务院令.
        t = titles[i]
        if t.start < pos:
            i += 1
            continue
        if _POST_END.match(text, t.end) is None:
            i += 1
            continue
        span_text = text[pos : t.end]
        if not span_text or _NOT_POST_TEXT.search(span_text):
            break
        org = span_text[: len(span_text) - len(text[t.org_end : t.end])] or None
        official = (
            any(x.official for x in titles[: i + 1] if x.start >= pos)
            or t.official
            or _title_is_official(org, t.post, load_lexicon())
        )
        out.append(Title(pos, t.end, t.org_end, span_text, org, t.post, official))
        i += 1
        if text.startswith(("、", "兼"), t.end):
            pos = t.end + 1
            continue
        break
    return out


def _weak_name_before(text: str, end: int) -> list[tuple[str, int]] | None:
    """Names (one, or a 、 list) that end right before a weak verb and stand clear of the words before."""
    lex = load_lexicon()
    found: list[tuple[str, int]] = []
    while len(found) < _MAX_LIST:
        pick = None
        for n in (3, 2, 4):
            s = end - n
            if s < 0 or n not in _name_options(text, s, lex):
                continue
            before = text[s - 1] if s > 0 else ""
            # Clear of the words before: punctuation, 由/将 …, or the end of a title (秘书长夏宝龙兼任).
            if (
                before == ""
                or not _HAN.match(before)
                or before in "由将并已也长记员席理官"
                or _CLEAR_WORD.search(text, max(0, s - 2), s)
            ):
                pick = (text[s:end], s)
                break
        if pick is None or pick[0] in lex.cues["not_name"] or pick[0] in lex.level_forms:
            break
        found.insert(0, pick)
        if pick[1] > 0 and text[pick[1] - 1] == "、":
            end = pick[1] - 1
            continue
        break
    return found or None


def find_appointments(text: str, start: int = 0, end: int | None = None) -> list[Appointment]:
    """Every appointment and removal written in ``text[start:end]``, in order.

    >>> [(a.name, a.title.text, a.action) for a in find_appointments("决定免去傅政华的司法部部长职务，任命唐一军为司法部部长")]
    [('傅政华', '司法部部长', 'removed'), ('唐一军', '司法部部长', 'conferred')]
    """
    end = len(text) if end is None else end
    out: list[Appointment] = []
    last_person: tuple[str, int] | None = None
    # A pattern scans only a text with a word that each of its matches has: _APPOINT 任命 or 增补,
    # _REMOVE 免去, _PASSIVE_REMOVE 被免, _TAKE_UP 任 or 当选 (兼任, 接任 …), _GIVE_UP 不再. (Not a bare 免:
    # most bodies hold one, in 免疫 or 免费, and each of those two patterns then scanned the body for nothing.)
    # (Each word's presence is read from the scan the officials' title finder made of the text: start_words.holds.)
    has_appoint = holds(text, "任命", start, end) or holds(text, "增补", start, end)
    has_remove = holds(text, "免去", start, end)
    has_passive = holds(text, "被免", start, end)
    has_take_up = text.find("任", start, end) >= 0 or holds(text, "当选", start, end)
    has_give_up = holds(text, "不再", start, end)
    # Strong forms, in text order.
    events = sorted(
        ([(m.start(), m.end(), "conferred") for m in _APPOINT.finditer(text, start, end)] if has_appoint else [])
        + ([(m.start(), m.end(), "removed") for m in _REMOVE.finditer(text, start, end)] if has_remove else [])
    )
    for vs, ve, action in events:
        if action == "conferred":
            pos = ve
            while True:
                m = _NAMES_THEN_WEI.match(text, pos, end)
                if m is None:
                    break
                names = _names(text, pos, m.end() - 1, strong=True)
                posts = _posts(text, m.end(), min(end, m.end() + _MAX_POST)) if names else []
                if not names or not posts:
                    break
                for name, ns in names:
                    out.extend(Appointment(name, ns, p, "conferred", vs, posts[-1].end) for p in posts)
                last_person = names[-1]
                # 任命甲为X，乙为Y: the chain goes on after a comma.
                nxt = _COMMA.match(text, posts[-1].end)
                if nxt is None:
                    break
                pos = nxt.end()
        else:
            if text.startswith("其", ve) and last_person is not None:
                names = [last_person]
                post_start = ve + 1
            else:
                m = _NAMES_THEN_DE.match(text, ve, end)
                # 免去王毅兼任的外交部部长职务: the post held concurrently.
                names_end = m.end() - 1 - (2 if m and text.endswith("兼任", 0, m.end() - 1) else 0) if m else ve
                names = _names(text, ve, names_end, strong=True) if m else None
                post_start = m.end() if m else ve
                if not names:
                    # 免去沈中阳政协第十三届全国委员会常务委员职务: no 的 after the name.
                    names, post_start = _name_then_post(text, ve, end)
            if not names:
                continue
            posts = _posts(text, post_start, min(end, post_start + _MAX_POST))
            if not posts or not text.startswith("职务", posts[-1].end) and not text.startswith(("、", "，", ","), posts[-1].end):
                continue
            for name, ns in names:
                out.extend(Appointment(name, ns, p, "removed", vs, posts[-1].end) for p in posts)
            last_person = names[-1]
    # Weak forms: 甲兼任X, 甲接任X (conferred); 甲不再担任X (the post is given up).
    # (_TAKE_UP.finditer, tried only where one of its words starts: 任 of 主任, 责任 … is common.)
    weak: list[tuple[Iterator[regex.Match[str]], Action]] = []
    if has_take_up:
        weak.append((matches_at(_TAKE_UP, text, _take_up_starts(text, start, end), end), "conferred"))
    if has_give_up:
        weak.append((_GIVE_UP.finditer(text, start, end), "removed"))
    for found, kind in weak:
        for m in found:
            names = _weak_name_before(text, m.start())
            if not names:
                continue
            posts = _posts(text, m.end(), min(end, m.end() + _MAX_POST))
            for name, ns in names:
                out.extend(Appointment(name, ns, p, kind, ns, p.end) for p in posts if p.official)
    if has_passive:
        out.extend(_passive_removals(text, start, end))
    out.sort(key=lambda a: (a.start, a.name_start))
    return out


#: The characters before 任 in a _TAKE_UP word (获任命为, 被任命为, 兼任, 接任, 出任, 改任, 升任, 继任).
_BEFORE_REN = frozenset("获被兼接出改升继")


def _take_up_starts(text: str, start: int, end: int) -> list[int]:
    """Where a :data:`_TAKE_UP` match in ``text[start:end]`` can start, in order: every one of its words
    is one of :data:`_BEFORE_REN` then 任, or 当选 (a 任 of 主任, 责任, 任务 … starts none of them)."""
    out = []
    q = text.find("任", start + 1, end)
    while q >= 0:
        if text[q - 1] in _BEFORE_REN:
            out.append(q - 1)
        q = text.find("任", q + 1, end)
    out += gate_starts(text, "当选", start, end)
    return sorted(out)


def _name_then_post(text: str, pos: int, end: int) -> tuple[list[tuple[str, int]] | None, int]:
    """A surname-led name directly followed by a post that ends in 职务 (免去甲X职务)."""
    for n in sorted(_name_options(text, pos, load_lexicon()), reverse=True):
        posts = _posts(text, pos + n, min(end, pos + n + _MAX_POST))
        if posts and posts[0].start == pos + n and text.startswith("职务", posts[-1].end):
            return [(text[pos : pos + n], pos)], pos + n
    return None, pos


#: A clause's start, and a name opening it with the reason it was removed (陈占云因防控不力…被免去).
_CLAUSE_START = regex.compile(r"[,，;；。:：\n]")
_BECAUSE = regex.compile(r"因|由于")


def _removed_for_a_reason(text: str, m: regex.Match[str], start: int, end: int) -> list[Appointment]:
    """``陈占云因防控不力被免去额济纳旗旗委书记职务``: the posts written after 免去 are removed from the name
    that opens the clause, when a reason (因…) stands between them."""
    if m.group() == "被免职":
        return []
    cs = start
    for b in _CLAUSE_START.finditer(text, max(start, m.start() - 40), m.start()):
        cs = b.end()
    lex = load_lexicon()
    for n in sorted(_name_options(text, cs, lex), reverse=True):
        if _BECAUSE.match(text, cs + n):
            posts = _posts(text, m.end(), min(end, m.end() + _MAX_POST))
            if posts and text.startswith("职务", posts[-1].end):
                return [Appointment(text[cs : cs + n], cs, p, "removed", p.start, posts[-1].end) for p in posts if p.official]
    return []


def _passive_removals(text: str, start: int, end: int) -> list[Appointment]:
    """``X张晓明被免去职务`` / ``被免职``: the titles right before the name are removed
    (or the post written after 免去, when there is one: 被免去市长职务)."""
    out: list[Appointment] = []
    for m in _PASSIVE_REMOVE.finditer(text, start, end):
        titles = find_titles(text, max(start, m.start() - 60), m.start())
        if not titles or titles[-1].end < m.start() - 4:
            # 陈占云因防控不力被免去额济纳旗旗委书记职务: a name opening the clause, its reason, the post.
            out.extend(_removed_for_a_reason(text, m, start, end))
            continue
        # The name stands between the last title and 被: 主任|张晓明|被免去.
        last = titles[-1]
        name = text[last.end : m.start()]
        if not (2 <= len(name) <= 4) or len(name) not in _name_options(text, last.end, load_lexicon()):
            continue
        posts = _posts(text, m.end(), min(end, m.end() + _MAX_POST)) if m.group() != "被免职" else []
        if not (posts and text.startswith("职务", posts[-1].end)):
            chain = [last]
            for t in reversed(titles[:-1]):
                if text[t.end : chain[0].start] in ("", "、", "兼"):
                    chain.insert(0, t)
                else:
                    break
            posts = [t for t in chain if t.official]
        out.extend(Appointment(name, last.end, p, "removed", p.start, m.end()) for p in posts)
    return out
