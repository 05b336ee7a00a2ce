"""Titles in running text: ``[level] [organisation unit]* [modifier] post`` read from the officials'
lexicon (市 | 卫生健康委 | 副主任; 江北区 | 政府 | 副区长), where a post's organisation starts, and whether the
title is an official's. Split from :mod:`.officials` (at its line limit), which reads the names after them."""

from __future__ import annotations

from typing import NamedTuple

import regex

from ..gazetteer import load_gazetteer  # (the posts of a county or district start with its name)
from .officials_lexicon import NON_OFFICIAL_ORGS, OFFICIAL_POSTS, Lexicon, load_lexicon
from .person_names import _HAN_OR_BRACKETED, _IS_HAN, han_only
from .start_words import post_matches  # (where a post may start: one scan shared with the meetings extractor)
# --- finding titles ----------------------------------------------------------

#: How far back from a post an organisation may start (市住建委安全管理总站 is 10).
_MAX_ORG = 24
#: The disease's full name in a 2020 body's name (市应对新型冠状病毒肺炎疫情应急指挥部, 重庆市应对新型冠状病毒
#: 感染的肺炎疫情工作领导小组): where it lies in the span, an organisation and a unit may be this much longer.
_DISEASE = "冠状病毒"
_DISEASE_EXTRA = 10
#: A clause boundary: an organisation never spans one — except a bracketed
#: second name of the same body: 区疫情防控工作领导小组(指挥部)组长.
# Nor a 的 or an appointment verb: 免去傅政华的|司法部部长, 任命唐一军为|司法部部长.
_CLAUSE_BREAK = regex.compile(
    r"[^\p{Han}A-Za-z0-9()]|\((?!\p{Han}{1,6}\))|(?<!\(\p{Han}{1,6})\)|(?<!病毒感染)的|任命|免去|决定|[兼接出改升继]任|当选|(?<=\p{Han}{2})为|就|针对"
)
#: A character every match of _CLAUSE_BREAK's other alternatives holds (a bracket, 的, 任 of 任命 and
#: 兼任 …, 免, 决, 当, 为, 就, 针): after the last mark of a span, one with none of them holds no break.
_BREAK_CHARS = frozenset("()的任免决当为就针")
#: The first alternative of _CLAUSE_BREAK, the last one in a span.
_LAST_MARK = regex.compile(r"(?r)[^\p{Han}A-Za-z0-9()]")
_BRACKETED = regex.compile(r"\(\p{Han}{1,6}\)")


#: Posts that begin with an area word: 区长, 县长 …; written bare right after a Han
#: character they end a place name instead (长宁区|长宁路, 吉林省|长春市).
_AREA_POSTS = frozenset({"省长", "市长", "区长", "县长", "州长", "镇长", "乡长"})


class Title(NamedTuple):
    """A title found in the text: ``text[start:end]`` is the title as written.

    A named tuple, not a frozen dataclass: ~3.5 titles and two mentions an article, and a frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__`` (~11 K instructions a title, ~3.6 K so).

    Attributes:
        start, end: span of the whole title (organisation included).
        org_end: where the organisation part ends and the post begins.
        text: the title as written (Simplified).
        organization: the organisation part, or ``None`` for a bare post.
        post: the post word (书记, 副主任 …).
        official: whether holding this title makes a person an official.
    """

    start: int
    end: int
    org_end: int
    text: str
    organization: str | None
    post: str
    official: bool


def _org_start(text: str, post_start: int, lex: Lexicon) -> int:
    """Where the organisation before a post starts (``post_start`` when there is none)."""
    if post_start <= 0 or (text[post_start - 1] not in lex.org_last_chars and text[post_start - 1] != ")"):
        return post_start  # no organisation can end here: the common, fast case
    lo = post_start - _MAX_ORG if post_start > _MAX_ORG else 0
    if text.find(_DISEASE, max(0, lo - _DISEASE_EXTRA), post_start) >= 0:
        lo = max(0, lo - _DISEASE_EXTRA)
    # The last punctuation mark (or other character no word has) is a break that the scan reaches
    # (no longer break covers it: they are all Han) and matches alone: the scan after it is all that counts.
    mark = _LAST_MARK.search(text, lo, post_start)
    clause = lo if mark is None else mark.end()
    if not _BREAK_CHARS.isdisjoint(text[clause:post_start]):  # (most spans hold none: no scan)
        for m in _CLAUSE_BREAK.finditer(text, clause, post_start):
            clause = m.end()
    if clause >= post_start:
        return post_start
    # An organisation starts at a level word (市, 江北区 …) when it has one — the
    # leftmost that parses, so 据|重庆市卫健委 — else at the clause start (政法委, 蓝黛科技公司).
    # Every try ends at ``post_start``: the word tables of the clause serve them all.
    level_ends = lex.level_words(text, clause, post_start)
    tables = (level_ends, _unit_ends(text, clause, post_start, lex))
    for s in sorted(level_ends):
        if _is_org(text, s, post_start, lex, tables):
            # A place the lexicon does not know before an area word: 、|丰台|区副区长.
            if text[s] in "省市区县镇乡州" and 1 <= s - clause <= 4 and not _NOT_PLACE.search(text[clause:s]) and not any(
                ch in lex.cues["stopchar"] or lex.follow_pattern.match(text, i) for i, ch in enumerate(text[clause:s], clause)
            ):
                return clause
            return s
    if text[clause] not in lex.org_start_block and _is_org(text, clause, post_start, lex, tables):
        return clause
    return post_start


def _unit_ends(text: str, start: int, end: int, lex: Lexicon) -> dict[int, list[int]]:
    """Start → ends of the unit-ending words in ``text[start:end]``: the longest org word at each
    position, a one-character org word, and a bracketed other name (领导小组|(指挥部))."""
    # One automaton pass finds every org word (each is in it): the longest at each position, and
    # a one-character one (an org word of one character at ``i`` is ``text[i] in lex.orgs``).
    ends_at: dict[int, list[int]] = {}
    if lex.unit_automaton is not None:
        longest: dict[int, int] = {}
        single: list[int] = []
        for _, s, e in lex.unit_automaton.find_matches_as_indexes(text[start:end], overlapping=True):
            if e > longest.get(s, -1):
                longest[s] = e
            if e - s == 1:
                single.append(s)
        for s, e in longest.items():
            ends_at[start + s] = [start + e]
        for s in single:
            if longest[s] != s + 1:
                ends_at[start + s].append(start + s + 1)
    if text.find("(", start, end) >= 0:
        for m in _BRACKETED.finditer(text, start, end):
            if lex.unit_pattern.fullmatch(text, m.start() + 1, m.end() - 1):
                ends_at.setdefault(m.start(), []).append(m.end())
    return ends_at


#: What an unknown place before an area word never is: 由|市委书记, 新任|省委书记, 原|市长, 会议由|省委副书记.
_NOT_PLACE = regex.compile(r"^[原前时现曾]|[由据经兼受]|任|会议|会上|请")  # (受县委书记江夏委托: 受 is no place; 邀请|市卫生健康委主任)
_JOIN = regex.compile(r"[和与及、]")
_HAN_ONLY = _HAN_OR_BRACKETED  # (what han_only answers: Han characters and bracketed Han runs)
#: Characters of an organisation unit before its org word (卫生健康|委, 安全管理|总站).
_MAX_UNIT = 10


def _is_org(
    text: str, start: int, end: int, lex: Lexicon, tables: tuple[dict[int, int], dict[int, list[int]]] | None = None
) -> bool:
    """Whether ``text[start:end]`` is ``[level]* [unit]*``, a unit being ≤10 Han + an org word.

    A reachability pass over at most ``_MAX_ORG`` positions instead of a
    backtracking regex, so no input can make it explode. ``tables`` are the level words
    and :func:`_unit_ends` of a span that ends at ``end`` and starts at or before ``start``
    (only positions from ``start`` on are read, and a word ending by ``end`` is in both).
    """
    if (text[end - 1] not in lex.org_last_chars and text[end - 1] != ")") or not han_only(text, start, end):
        return False
    reach = {start}
    frontier = [start]
    levels, ends_at = tables if tables is not None else (lex.level_words(text, start, end), _unit_ends(text, start, end, lex))
    while frontier:  # levels: 重庆市 | 江北区 | 中共中央 …
        p = frontier.pop()
        e = levels.get(p)
        if e is not None and e not in reach:
            reach.add(e)
            frontier.append(e)
    # A unit: up to _MAX_UNIT characters, then an org word; so the word at ``ws`` extends the reach
    # when a reached position lies in [ws - _MAX_UNIT, ws]: the last one at or before it does. Word
    # ends lie after their starts, so one walk in position order sees every reached position in time.
    reached = reach
    longest = _MAX_UNIT + _DISEASE_EXTRA if text.find(_DISEASE, start, end) >= 0 else _MAX_UNIT
    last = -longest - 1  # the last reached position so far
    for p in range(start, end + 1):
        if p in reached:
            last = p
        we_list = ends_at.get(p)
        if we_list is not None and p - last <= longest:
            reached.update(we_list)
    return end in reached


def _title_is_official(org: str | None, post: str, lex: Lexicon) -> bool:
    """Whether a post in an organisation is an official's (memoised per lexicon: an
    organisation and a post word are short, and articles name the same few again)."""
    memo = lex.official_memo
    key = (org, post)
    official = memo.get(key)
    if official is None:
        if len(memo) >= _OFFICIAL_MEMO_SIZE:
            memo.clear()
        official = memo[key] = _post_is_official(org, post, lex)
    return official


_OFFICIAL_MEMO_SIZE = 4096


def _post_is_official(org: str | None, post: str, lex: Lexicon) -> bool:
    kind = lex.posts[post]
    org_kinds = {lex.orgs[m.group()] for m in lex.unit_pattern.finditer(org or "")}
    if kind in ("company",):
        return False
    if org_kinds & {"media"}:
        return False
    if kind in OFFICIAL_POSTS:
        # A party post in a company (党委书记) is a party post; a department
        # post (站长) in a company is not.
        return kind == "party" or "company" not in org_kinds
    # generic post (主任, 院长): official in a government body only.
    if org is None:
        return False
    return not (org_kinds & NON_OFFICIAL_ORGS)


def find_titles(text: str, start: int = 0, end: int | None = None) -> list[Title]:
    """Every title in ``text[start:end]``, in order.

    >>> [(t.text, t.organization, t.post) for t in find_titles("市委副书记、市长胡衡华讲话")]
    [('市委副书记', '市委', '副书记'), ('市长', None, '市长')]
    >>> [t.text for t in find_titles("重庆市委常委会召开扩大会议")]
    []
    """
    lex = load_lexicon()
    end = len(text) if end is None else end
    found: list[Title] = []
    for m in post_matches(text, start, end):
        ps = m.start()
        s = max(_org_start(text, ps, lex), start)
        if found and s < found[-1].end:
            # The organisation cannot reach into the previous title: it starts after the
            # name and conjunction between them (政务司司长张建宗和|卫生署署长), if one parses.
            s = ps
            joins = [j.end() for j in _JOIN.finditer(text, found[-1].end, ps)]
            if joins and joins[-1] < ps and _is_org(text, joins[-1], ps, lex):
                s = joins[-1]
        if s == ps and found and found[-1].end < ps and _is_org(text, found[-1].end, ps, lex):
            s = found[-1].end  # 指挥中心指挥官|卫福部部长陈时中: a body and its post right after another title
        post = m.group("post")
        if s == ps and post in _AREA_POSTS and (k := _contracted_place(text, ps, max(start, found[-1].end if found else start))):
            s = ps - k  # 香坊区长赵罡: 香坊区's 区长, the place's last character the post's first
        org = text[s:ps] or None
        if org is None and post in ("部长", "部长助理") and (k := _contracted_ministry(text, ps, found[-1].end if found else start, lex)):
            # 外交部长王毅, 內政部長徐國勇: the ministry's 部 is the post's first character
            s = ps - k
            found.append(Title(s, m.end(), ps, text[s : m.end()], text[s : ps + 1], post, True))
            continue
        if org is None and post in _ORG_ONLY_POSTS:
            continue  # 负责人 says nothing without the body it heads
        found.append(Title(s, m.end(), ps, text[s : m.end()], org, post, _title_is_official(org, post, lex)))
    return found


def _contracted_ministry(text: str, post_start: int, lo: int, lex: Lexicon) -> int:
    """The length of the ministry's name before 部长 that shares its 部 (外交|部长, 内政|部长, 卫福|部长), or 0."""
    for k in (2, 3, 4):
        s = post_start - k
        if s < lo:
            break
        if _is_org(text, s, post_start + 1, lex) and (s == 0 or not _IS_HAN[text[s - 1]] or text[s - 1] in "国省市区县的、和及与兼"):
            return k
    return 0


#: Posts that are a title only with their body written before them (市疫情防控专项小组负责人).
_ORG_ONLY_POSTS = frozenset({"负责人"})


#: After the 长 of a place's last character: a street or place named with it (长江路, 长生桥镇).
_STREET_AFTER = regex.compile(r"\p{Han}{1,3}?(?:路|街|大道|巷|桥|镇|村|乡|社区|小区|湾|坝|广场|公园|号)")


def _contracted_place(text: str, post_start: int, lo: int) -> int:
    """The length of the place stem before an area post that shares its last character (香坊|区长 for
    香坊区区长, 五常|市长), 0 when none: the stem and the post's first character name a county-level unit,
    and no place name begins at the post's second character (吉林|省长春市 is 吉林省 and 长春市)."""
    gaz = load_gazetteer()
    for k in (2, 3, 4):
        s = post_start - k
        if s < lo:
            break
        area = gaz.by_form.get(text[s : post_start + 1])
        if area is not None and area.level == "county" and area.name.endswith(text[post_start]):
            nxt = text[post_start + 1 : post_start + 4]
            if any(nxt[:n] in gaz.by_form for n in (2, 3)) or _STREET_AFTER.match(text, post_start + 1):
                return 0  # (家住渝北区长江路: 渝北区's 长江路)
            return k
    return 0


#: A verb of holding a post before a title that 的 joins to a name (时任X的甲, 调任X的乙).
_HELD_POST_BEFORE = regex.compile(r"(?:时任|现任|曾任|调任|升任|出任|改任|接任|兼任|担任|原任)$")


# --- mentions and officials ----------------------------------------------------
