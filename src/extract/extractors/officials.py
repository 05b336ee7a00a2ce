"""Officials: persons holding party, government or people's-congress posts.

A title is built as ``[level] [organisation unit]* [modifier] post`` from the
lexicon in ``data/titles.tsv`` (市 | 卫生健康委 | 副主任; 江北区 | 政府 | 副区长);
a name is 2–4 Han characters starting with a surname of ``data/surnames.txt``
and ending where a cue word of ``data/person_cues.tsv`` (介绍, 说, 出席 …) or
punctuation begins. Two finding steps, then one deciding step:

1. titled mentions: a chain of titles (市委副书记、市长) followed by a name, or
   a bare post after a name (陈敏尔书记, 习近平总书记);
2. later mentions: every occurrence of an established name in the body;
3. a person is an official when one of their titles is a party, government,
   congress or CPPCC post, or a generic post (主任) in a government body.

By-lines (记者 X, 编辑 X) never make officials. Runs on ``doc.text`` (Simplified,
junk blanked), so Traditional input needs nothing special.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

import regex

from ..anchored import std_compile
from ..document import Doc
from ..gazetteer import find_areas  # (the posts of a county or district start with its name)
from ..models import Official, OfficialAppointment, official

if TYPE_CHECKING:
    from .appointments import Appointment

__all__ = [
    "APPOINTMENT_VERBS",
    "Lexicon",
    "PersonMention",
    "Title",
    "extract",
    "find_mentions",
    "find_titles",
    "load_lexicon",
    "read_name",
]

from .officials_lexicon import (  # the lexicon, in its own module
    Lexicon,
    load_lexicon,
)
from .person_names import _IS_HAN, _day_in_name, _name_before, _name_options, _punct_or_end, han_only, read_name
from .start_words import post_matches  # (where a post may start: one scan shared with the meetings extractor)
from .title_finder import (  # (titles in running text: split off, see there)
    _AREA_POSTS, Title, _HELD_POST_BEFORE, _MAX_ORG, _title_is_official, find_titles,
)


class PersonMention(NamedTuple):
    """A person named in the text with the titles written next to the name (a named tuple, as :class:`Title`).

    Attributes:
        start, end: span of the titles and the name together.
        name_start, name_end: span of the name alone.
        name: the name (Simplified).
        titles: the titles written with this mention (may be empty for a list member).
    """

    start: int
    end: int
    name_start: int
    name_end: int
    name: str
    titles: tuple[Title, ...]


#: What may follow the last name of a list before the others (张晓轩及各相关工作专班负责人).
_LIST_END = ("及", "和", "以及")


def _whole_item(text: str, pos: int, name: str, lex: Lexicon) -> str:
    """A listed name cut short by a cue word inside it is the whole item between two 、 when that is a
    name's length (…副指挥长黄平林、阿刘时布、胡强强: a Yi name of four, not 阿刘 + 时)."""
    end = pos + len(name)
    if text.startswith("、", end) or _punct_or_end(text, end):
        return name
    sep = text.find("、", end, pos + 5)
    if sep < 0 or not han_only(text, pos, sep) or text[pos:sep] in lex.cues["not_name"]:
        return name
    return text[pos:sep]
def _listed_item(text: str, pos: int, lex: Lexicon) -> str | None:
    """A list's next member that :func:`read_name` does not read for a character names seldom hold
    (县领导…、张天龙、庞胜前、常乐参加会议: 前): the whole item up to the next 、 or a cue word, when it is
    a surname and one or two characters more."""
    for n in (3, 2):
        item = text[pos : pos + n]
        if (len(item) == n and item[0] in lex.surnames and han_only(text, pos, pos + n) and item not in lex.cues["not_name"]
                and (text.startswith("、", pos + n) or lex.follow_pattern.match(text, pos + n) is not None)):
            return item
    return None


#: Bare posts that may follow a name: 陈敏尔书记, 习近平总书记, 胡衡华市长.
_POST_AFTER_NAME = frozenset(
    {
        "总书记", "书记", "副书记", "省长", "副省长", "市长", "副市长", "区长", "县长", "主席", "副主席",
        "总理", "副总理", "国务委员", "委员长", "副委员长", "部长", "副部长", "主任", "副主任", "局长",
        "行政长官", "特首", "司长", "院长", "检察长",
    }
)


#: Posts written after a name only with the body before the name (旅游局传播及对外关系厅刘凤池厅长).
_POST_AFTER_ORG_NAME = frozenset(
    {"厅长", "副厅长", "处长", "副处长", "署长", "副署长", "副局长", "科长", "医务主任", "协调员"}
)
#: The body written right before such a name, from the start of its clause.
_ORG_BEFORE_NAME = regex.compile(r"(?:^|(?<=[、,，;；。:：\s]))(?P<org>[^、,，;；。:：\s()（）\d]{2,24}?(?:局|厅|处|署|中心|办公室|委员会|委|办|医院|部))$")


def _post_after_name(text: str, first: Title, lex: Lexicon) -> PersonMention | None:
    """A name written before its bare post: 张三主任, or, Macau's way, the body, the name, the post
    (卫生局疾病预防及控制中心传染病防控处梁亦好处长, 仁伯爵综合医院罗奕龙医务主任); ``None`` when there is none."""
    before = _name_before(text, first.start, lex, ())
    body_first = False
    if before is None:
        # 旅游局执照及监察厅陈露厅长: a two-character name right after the body, taken with the body only.
        before, body_first = _name_before(text, first.start, lex, (), after_body=True), True
    if before is None or _is_byline(text, first.start - len(before), lex):
        return None
    s = first.start - len(before)
    org = _ORG_BEFORE_NAME.search(text, max(0, s - _MAX_ORG), s)
    if org is None and body_first:
        return None
    if org is not None:
        o = org.group("org")
        official = first.official or _title_is_official(o, first.post, lex)
        title = Title(org.start("org"), first.end, first.start, o + first.text, o, first.post, official)
        return PersonMention(org.start("org"), first.end, s, first.start, before, (title,))
    if first.post in _POST_AFTER_NAME:
        return PersonMention(s, first.end, s, first.start, before, (first,))
    return None


def _org_name_post(text: str, first: Title, lex: Lexicon) -> bool:
    """Whether a bare post closes a body + name before it (治安警察局公共关系处李德辉处长、旅游局…): the 、
    after it then starts the next such item, not a title of the same person."""
    if first.organization is not None or first.post not in _POST_AFTER_ORG_NAME and first.post not in _POST_AFTER_NAME:
        return False
    mention = _post_after_name(text, first, lex)
    return mention is not None and mention.titles[0].organization is not None




def _place_tail(text: str, title: Title) -> bool:
    """Whether a bare area post is the end of a place name and the start of another word."""
    return (
        title.organization is None
        and title.text in _AREA_POSTS
        and title.start > 0
        and _IS_HAN[text[title.start - 1]]
        and text[title.start - 1] not in "兼"
    )


def _name_before_bare_post(text: str, first: Title, lex: Lexicon) -> PersonMention | None:
    """The name before a bare area post that looked like a place's tail (林右昌市長也公布確診者足跡: not
    林右昌市 + 长): when a cue word follows the post and the name with the post's first character is no
    place (重庆市长寿区, 万州区长滩镇 are places)."""
    if first.post not in _POST_AFTER_NAME or lex.follow_pattern.match(text, first.end) is None:
        return None
    mention = _post_after_name(text, first, lex)
    if mention is None or mention.titles[0].organization is not None:
        return None
    place = mention.name + text[first.start]
    if any(m.end == len(place) for m in find_areas(place, 0, len(place))):
        return None
    return mention


def _is_byline(text: str, pos: int, lex: Lexicon) -> bool:
    return lex.not_official_pattern.search(text, max(0, pos - 6), pos) is not None


def find_mentions(doc: Doc) -> list[PersonMention]:
    """Titled person mentions in the document body, in order (one per name occurrence)."""
    lex = load_lexicon()
    text = doc.text
    titles = find_titles(text, *doc.body)
    title_starts = {t.start for t in titles}
    mentions: list[PersonMention] = []
    unsure: list[tuple[int, int, tuple[Title, ...]]] = []  # (title start, name start, chain)
    i = 0
    while i < len(titles):
        # Gather a chain: titles separated by nothing or 、 (市委副书记、市长).
        chain = [titles[i]]
        while i + 1 < len(titles):
            gap = text[chain[-1].end : titles[i + 1].start].strip(" \u3000")  # (市委常委、 常务副市长: a stray blank)
            if gap in ("", "、", "兼"):
                i += 1
                chain.append(titles[i])
            else:
                break
        i += 1
        first, last = chain[0], chain[-1]
        if _is_byline(text, first.start, lex) or text.startswith(("记者", "编辑"), last.end):
            continue
        if _place_tail(text, first):
            if len(chain) == 1 and (named := _name_before_bare_post(text, first, lex)) is not None:
                mentions.append(named)  # 林右昌市長也公布: a name, then its post, then a cue word
            continue
        # Some outlets set the name off by one space: 市卫健委副主任 李畔.
        pos = last.end + 1 if text[last.end : last.end + 1] == " " else last.end
        name = read_name(text, pos)
        if name is None and text.startswith("的", pos) and _HELD_POST_BEFORE.search(text, max(0, first.start - 3), first.start):
            # 接替调任国务院港澳办主任的张晓明: a post held, then the person.
            pos += 1
            name = read_name(text, pos)
        if name is None and last.official:
            name = _name_without_surname(text, pos, lex)
        if name is None and text.startswith("、", last.end) and not (len(chain) == 1 and _org_name_post(text, first, lex)):
            link = _unknown_link(text, last.end + 1, lex)
            if link is not None:
                chain.append(link)
                pos = link.end
                name = read_name(text, pos)
        if name is not None:
            mentions.append(PersonMention(first.start, pos + len(name), pos, pos + len(name), name, tuple(chain)))
            # A list after one title: 市领导张三、李四.
            pos += len(name)
            while text.startswith(("、", ",", "，"), pos):
                comma = text[pos] != "、"
                nxt = read_name(text, pos + 1) or (None if comma else _listed_item(text, pos + 1, lex))
                # (副县长杜江天、张晓轩及各相关工作专班负责人: a "title" read from the name on, over 及, is no title)
                if nxt is None or pos + 1 in title_starts and not text.startswith(_LIST_END, pos + 1 + len(nxt)):
                    break
                if comma and not text.startswith((",", "，", "、"), pos + 1 + len(nxt)):
                    break  # (副县长孙菁菁,黄旺,回彬,吕振,各乡镇…参加会议: names a comma joins only in a run of them)
                nxt = _whole_item(text, pos + 1, nxt, lex)
                pos += 1
                mentions.append(PersonMention(pos, pos + len(nxt), pos, pos + len(nxt), nxt, tuple(chain)))
                pos += len(nxt)
            continue
        if len(chain) == 1 and first.organization is None and (first.post in _POST_AFTER_NAME or first.post in _POST_AFTER_ORG_NAME):
            after_name = _post_after_name(text, first, lex)
            if after_name is not None:
                mentions.append(after_name)
                continue
        if _name_options(text, pos, lex):
            unsure.append((first.start, pos, tuple(chain)))
    mentions += _confirm_by_repetition(text, doc.body, unsure, lex, {m.name for m in mentions})
    mentions += _roster_mentions(text, *doc.body, mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions


#: What a post written right after a name on a roster line starts with: the level of its body
#: (李畔|市卫生健康委副主任, 马然希|市委宣传部副部长) or a place (任伯平|永川区人民政府副区长).
_ROSTER_POST_START = std_compile(r"[市区县省州旗镇乡]|自治|国家|国务院|中央|全国")  # (words: re, same meaning)
#: Marks of running text: a roster line has none (its posts are joined by 、 or a comma only).
_ROSTER_NOT = std_compile(r"[。；;：:！!？?（）()\d]")  # (a class: re; \d the regex module's, see std_compile)
#: The longest roster line (周发春 国务院联防联控机制医疗救治专家组成员、重医附一院重症医学科主任、主任医师).
_ROSTER_LONGEST = 60
#: A two-character name padded to the width of three (李   畔 市卫生健康委副主任), as rosters align them.
_PADDED_NAME = regex.compile(r"(\p{Han})[ \u3000]{1,4}(\p{Han})(?=[ \u3000])")


def _unpadded(name: str) -> str:
    """A roster's name without the spaces that pad it (李   畔 → 李畔)."""
    return name.replace(" ", "").replace("\u3000", "")


def _roster_names(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(name end, post start)`` of each way ``text[start:end]`` reads as a roster line's name and posts,
    shortest name first (the post starts at a level word or a place; no running-text marks)."""
    if end - start > _ROSTER_LONGEST or end - start < 5 or _ROSTER_NOT.search(text, start, end):
        return
    padded = _PADDED_NAME.match(text, start, end) if text[start + 1 : start + 2] in (" ", "\u3000") else None
    if padded is not None and padded.group(1) in load_lexicon().surnames:
        pos = padded.end()
        while pos < end and text[pos] in " \u3000":
            pos += 1
        if _ROSTER_POST_START.match(text, pos) or any(a.start == 0 for a in find_areas(text[pos:end], short=False)):
            yield padded.end(), pos
        return
    for n in _name_options(text, start, load_lexicon()):
        pos = start + n + (1 if text[start + n : start + n + 1] == " " else 0)
        if _ROSTER_POST_START.match(text, pos) or any(a.start == 0 for a in find_areas(text[pos:end], short=False)):
            yield start + n, pos


def roster_name(line: str) -> str | None:
    """The name a roster line starts with, whatever its posts (罗飞市疾控中心主任医师 → 罗飞)."""
    return next((_unpadded(line[:e]) for e, _ in _roster_names(line, 0, len(line))), None)


def roster_line(text: str, start: int, end: int) -> PersonMention | None:
    """The person a roster line ``text[start:end]`` names: the name, then nothing but posts.

    Press-conference reports list their speakers so, under 发布人 or 主持人, with or without a space
    after the name. The name is the shortest that leaves a post starting at a level word or a place.

    >>> m = roster_line("李畔市卫生健康委副主任", 0, 11)
    >>> m.name, [t.text for t in m.titles]
    ('李畔', ['市卫生健康委副主任'])
    >>> roster_line("任伯平永川区人民政府副区长", 0, 13).name
    '任伯平'
    >>> roster_line("李畔介绍有关情况", 0, 8) is None
    True
    """
    for name_end, pos in _roster_names(text, start, end):
        titles = find_titles(text, pos, end)
        if not titles or titles[0].start != pos or titles[-1].end != end or not any(t.official for t in titles):
            continue
        if any(text[a.end : b.start] not in ("", "、", ",", "，") for a, b in zip(titles, titles[1:])):
            continue
        return PersonMention(start, end, start, name_end, _unpadded(text[start:name_end]), tuple(titles))
    return None


def _roster_mentions(text: str, start: int, end: int, taken: list[PersonMention]) -> list[PersonMention]:
    """:func:`roster_line` on every line of ``text[start:end]`` no mention found already covers."""
    out: list[PersonMention] = []
    surnames = load_lexicon().surnames
    # The lines after the first that open with a surname, blanks aside (~1 in 8 of a body's ~22 lines): one
    # search finds them, where a walk over every line cost ~4 K instructions a line.
    later = (m.start() + 1 for m in _roster_opening().finditer(text, start, end))
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        e = end if nl < 0 else nl
        s, line_end = pos, e
        while s < line_end and text[s] in " \t\u3000":
            s += 1
        if s == line_end or text[s] not in surnames:
            pos = next(later, end)  # a blank line, or one that starts with no surname (most lines): no roster line
            continue
        while line_end > s and text[line_end - 1] in " \t\u3000":
            line_end -= 1
        if 5 <= line_end - s <= _ROSTER_LONGEST and not any(m.start < line_end and s < m.end for m in taken):
            m = roster_line(text, s, line_end)
            if m is not None:
                out.append(m)
        pos = next(later, end)
    return out


@functools.cache
def _roster_opening() -> re.Pattern[str]:
    """A line break, blanks and a surname: where a later line that may be a roster line opens."""
    return re.compile("\n[ \t\u3000]*[" + "".join(sorted(map(re.escape, load_lexicon().surnames))) + "]")


def _name_without_surname(text: str, pos: int, lex: Lexicon) -> str | None:
    """A name with no Han surname right after an official title (自治区主席布小林出席,
    巴特尔主持, 岱庆格日乐参加): 2–5 characters, none of them a stop character, no title or cue word
    inside, ended by a cue word of two characters or more (never by punctuation
    alone, so 市长也表示 or 局长称 give nobody)."""
    run = _HAN_RUN.match(text, pos, pos + 5)
    if run is None or run.end() - pos < 2 or lex.follow_pattern.match(text, pos) is not None:
        return None
    # (副市长岱庆格日乐参加座谈会: a Mongolian name of five, never one that opens with a Han surname: 陈敏尔冒雨来到)
    for n in (3, 2, 4, 5) if text[pos] not in lex.surnames else (3, 2, 4):
        cand = text[pos : pos + n]
        if pos + n > run.end():
            continue
        if any(ch in lex.cues["stopchar"] and not _day_in_name(text, pos + k) for k, ch in enumerate(cand)) or cand in lex.cues["not_name"]:
            continue  # (日 inside a name, not a day: 岱庆格日乐)
        if lex.post_pattern.search(cand) or lex.unit_pattern.search(cand) or lex.level_prefix(cand) or _APPOINTING.search(cand):
            continue  # (市委书记免去陈敏尔介绍: an appointment's verb, no name)
        if any(lex.follow_pattern.match(text, p) for p in range(pos + 1, pos + n)):
            continue
        cue = lex.follow_pattern.match(text, pos + n)
        if cue is not None and cue.end() - cue.start() >= 2:
            return cand
    return None


#: Longest unknown link in a title chain (省应对疫情工作领导小组总指挥 is 13).
_MAX_LINK = 24
_HAN_RUN = regex.compile(r"\p{Han}+")
#: An appointment's verbs (兼任, 任命, 免去, 决定): never inside a name (also the appointments' lists of names).
APPOINTMENT_VERBS = r"[兼接出改升继]任|任命|免去|决定"
#: Words never inside a name with no surname: an appointment's (免去陈敏尔, 任命李畔, 职务), a day's (当晚陈敏尔).
_APPOINTING = regex.compile(APPOINTMENT_VERBS + r"|职务|职位|当晚|当天|当日|今天|今日|昨天|昨日")


def _unknown_link(text: str, start: int, lex: Lexicon) -> Title | None:
    """A chain link the lexicon cannot parse (市委书记、|省应对疫情工作领导小组总指挥|黄某主持):
    a Han run naming an organisation (an org word in it) right before a name that a
    cue word ends. Kept as written; it makes nobody an official on its own.

    >>> lex = load_lexicon()
    >>> _unknown_link("省委书记、省应对疫情工作领导小组总指挥黄建国主持会议", 5, lex).text
    '省应对疫情工作领导小组总指挥'
    >>> _unknown_link("市委书记、各区县主要负责同志出席", 5, lex) is None
    True
    """
    run = _HAN_RUN.match(text, start, min(len(text), start + _MAX_LINK + 4))
    if run is None:
        return None
    for p in range(start + 2, min(run.end(), start + _MAX_LINK + 1)):
        if read_name(text, p) is None:
            continue
        if any(m.start() < p < m.end() for m in post_matches(text, max(start, p - 4), min(run.end(), p + 4))):
            continue  # 居委会主|任覃怡: the name would start inside a post (主任覃怡)
        org = lex.unit_pattern.search(text, start, p)
        if org is None or org.end() == p:
            return None  # no organisation, or no post after it
        return Title(start, p, org.end(), text[start:p], text[start : org.end()], text[org.end() : p], False)
    return None


#: At most this many unsure names are checked for repetition (each check scans the body).
_MAX_UNSURE = 200


def _confirm_by_repetition(
    text: str, body: tuple[int, int], unsure: list[tuple[int, int, tuple[Title, ...]]], lex: Lexicon, sure: set[str]
) -> list[PersonMention]:
    """Names after a title that no cue word ends (市委书记陈敏尔看望…), kept when the
    same name occurs again in the body: the longest option seen at least twice — or a name read
    for sure elsewhere that starts there (巴音朝鲁、省长… then 省委书记巴音朝鲁在…: not 巴音朝)."""
    counts: dict[str, int] = {}
    out = []
    for title_start, pos, chain in unsure:
        known = next((name for name in sure if text.startswith(name, pos)), None)
        if known is not None:
            out.append(PersonMention(title_start, pos + len(known), pos, pos + len(known), known, chain))
            continue
        options = sorted(_name_options(text, pos, lex), reverse=True)
        for n in options:
            cand = text[pos : pos + n]
            if cand not in counts:
                if len(counts) >= _MAX_UNSURE:
                    break
                counts[cand] = text.count(cand, *body)
            if counts[cand] >= 2:
                out.append(PersonMention(title_start, pos + n, pos, pos + n, cand, chain))
                break
    return out


#: An occurrence of a name: ``(start, end, name)``.
NameHit = tuple[int, int, str]


@functools.lru_cache(maxsize=4)
def name_hits(text: str, names: frozenset[str], start: int, end: int) -> tuple[tuple[NameHit, ...], bool]:
    """Every occurrence of each of ``names`` in ``text[start:end]`` (a name's own found left to right, each
    search going on after the last hit, as the greedy walks of :func:`_occurrences` and
    ``meetings._known_occurrences`` find them), by start; and whether two of them overlap.

    When none overlap, no span is claimed twice, so those walks keep every hit whatever order the names
    are taken in: they read it from here (one search of the body for the officials and the meetings
    extractors, which ask for the same names). When some do, the walk decides (its order matters).
    """
    hits = []
    find = text.find
    for name in names:
        n = len(name)
        pos = find(name, start, end)
        while pos != -1:
            hits.append((pos, pos + n, name))
            pos = find(name, pos + n, end)
    hits.sort()
    # (Sorted by start, two spans overlap only if some span overlaps the next one.)
    clash = any(hits[i + 1][0] < hits[i][1] for i in range(len(hits) - 1))
    return tuple(hits), clash


def _occurrences(text: str, names: list[str], start: int, end: int) -> dict[str, list[int]]:
    """Start offsets of every occurrence of each name; longer names claim their span first."""
    hits, clash = name_hits(text, frozenset(names), start, end)
    found: dict[str, list[int]] = {name: [] for name in names}
    for pos, _, name in hits if not clash else claimed_hits(text, names, start, end):  # (all kept: see name_hits)
        found[name].append(pos)
    return found


def claimed_hits(text: str, names: Iterable[str], start: int, end: int) -> list[NameHit]:
    """The occurrences of ``names`` in ``text[start:end]`` that no longer name's claims (the longest names
    claim their spans first; of equal length, the first given), by start."""
    taken: set[int] = set()
    out: list[NameHit] = []
    for name in sorted(names, key=len, reverse=True):
        pos = text.find(name, start, end)
        while pos != -1:
            if not taken.intersection(range(pos, pos + len(name))):
                out.append((pos, pos + len(name), name))
                taken.update(range(pos, pos + len(name)))
            pos = text.find(name, pos + len(name), end)
    out.sort()
    return out


def _merge_titles(titles: Iterable[str]) -> list[str]:
    """Titles in order of appearance, without repeats or titles contained in another one."""
    uniq = list(dict.fromkeys(titles))
    if len(uniq) == 1:
        return uniq  # (most officials have one title: no pair to compare)
    return [t for t in uniq if not any(t != u and t in u for u in uniq)]


@functools.cache
def _find_appointments() -> Callable[[str, int, int], list[Appointment]]:
    """:func:`~extract.extractors.appointments.find_appointments`, imported once on first use (it builds
    on this module's title finder, so it cannot be imported at the top; an import per article is not free)."""
    from .appointments import find_appointments

    return find_appointments


def extract(doc: Doc) -> list[Official]:
    """Officials named in the article body, in order of first mention.

    Args:
        doc: the normalised document.

    Returns:
        One :class:`Official` per person holding an official post; ``mentions``
        counts every occurrence of the name in the body.
    """
    mentions = find_mentions(doc)
    appointed: dict[str, list[OfficialAppointment]] = {}
    for a in _find_appointments()(doc.text, *doc.body):
        ne = a.name_start + len(a.name)
        mentions.append(PersonMention(a.name_start, ne, a.name_start, ne, a.name, (a.title,)))
        record = OfficialAppointment(title=a.title.text, action=a.action, evidence=doc.evidence(a.start, a.end))
        if all((r.title, r.action) != (record.title, record.action) for r in appointed.get(a.name, [])):
            appointed.setdefault(a.name, []).append(record)
    mentions.sort(key=lambda m: m.start)
    by_name: dict[str, list[PersonMention]] = {}
    for m in mentions:
        by_name.setdefault(m.name, []).append(m)
    people = [n for n, ms in by_name.items() if any(t.official for m in ms for t in m.titles)]
    if not people:
        return []
    hits = _occurrences(doc.text, people, *doc.body)
    out = []
    for name in sorted(people, key=lambda n: min([*hits[n], by_name[n][0].name_start])):
        ms = by_name[name]
        titles = _merge_titles(t.text for m in ms for t in m.titles)
        org = next((t.organization for m in ms for t in m.titles if t.organization and t.official), None)
        first_hit = min([*hits[name], ms[0].name_start])
        titled = next((m for m in ms if m.name_start == first_hit), None)
        span = (titled.start, titled.end) if titled else (first_hit, first_hit + len(name))
        out.append(official(  # (assembled from checked values: see extract.models.official)
            doc.article_id, name, titles, org, doc.evidence(*span), max(1, len(hits[name])), appointed.get(name, []),
        ))
    return out
