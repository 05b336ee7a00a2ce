"""Meetings: party committee sessions, leading-group meetings, press conferences …

Finding, then deciding:

1. meeting mentions: a meeting word (市委常委会, 领导小组会议, 第155场新闻发布会,
   专题汇报会, 电视电话会议 …) typed by the first alternative that matches, and
   inspections (an official who 来到/前往/到 a place — a list of places, set off by a
   comma or not — to 调研/检查/督导/看望; 一同/陪同 join the leader's inspection);
2. each mention gets a date: one written in its sentence before it (第二天，12月1日，…;
   当晚/次日 resolved against the day the story is on, which a count's date —
   11月23日全市新增… — does not move), else, after 会后/随后, the day of the event
   it follows, else — for an anaphoric mention (发布会上还说, 原标题 …) — the date of an
   earlier or later dated mention of the same type, else the last date of its
   paragraph, else the article's date;
3. mentions with the same (date, type) are one meeting;
4. roles: an official followed by 主持 is the chair, by 讲话/强调/指出/介绍/汇报 … a
   speaker, by 出席/参加/陪同 an attendee. A sentence without a meeting word belongs to
   the meeting in force (会上，…) unless it states another date (陈敏尔曾于11月13日称).

Dates come from the shared resolver :mod:`extract.extractors.dates`; step 2 lives in
:mod:`extract.extractors.meeting_dates`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import operator
import re
from collections.abc import Iterator

import regex

from ..anchored import AnyMatch, matches_at, std_compile
from ..document import Doc, iter_sentences
from ..models import Meeting, Official, meeting
from ..normalize import to_simplified
from . import dates as dates_mod
from .meeting_dates import (
    MeetingMention,
    _bare_day_before,
    _date_unstated,
    _Dates,
    _other_year,
    _paragraphs,
    _resolved_dates,
    _transcript_day,
    reference_date,
)
from .cited_names import (
    _CARRIED_OUT, _CITED, _CITED_INSPECTION, _CITED_JOINED, _CITED_PERSON, _DATED_NAME, _cited_after, _cited_titled,
)
from .meeting_rosters import host_speaks, roster_people, speaker_label
from .officials import claimed_hits, name_hits
from .member_lists import _invited, _is_list_gap
from .officials_lexicon import load_lexicon
from .organizers import _OrgMatch, leading_org
from .meeting_roles import _find_role, _role_patterns, _role_words
from .start_words import HELD_BEFORE, MEETING_START_WORDS, holds, meeting_words

__all__ = ["MeetingMention", "extract", "find_meeting_mentions", "reference_date"]

_CN = "一二三四五六七八九十百零〇两"
_ONE_DAY = dt.timedelta(days=1)

# Order matters: the first alternative that matches at a position types the mention.
# A match is tried only where an alternative can start (start_words.MEETING_START_WORDS).
_MEETING = regex.compile(
    rf"""
    (?P<video_conference>(?:电视电话会议?|电视会议|视频会议|视频工作会议)(?!室)|视频会(?=后|上))  # 在省、市…视频会后 (not 在指挥部视频会议室: a room)
    |(?P<press_conference>新闻发布会|发布会|新闻释出会|新闻通气会|吹风会|记者见面会|记者招待会|记者会|会见传媒|简报会)  # 新闻释出会: 新聞發布會 as a Taiwan-vocabulary conversion writes it; 会见传媒: the Hong Kong government's; 简报会: its daily health briefing
    |(?P<party_committee>
        (?:政治局常务委员会|政治局常委会)关于[^,，。;；:：\n]{{1,24}}?会议   # 在政治局常委会关于…工作会议上
        |(?:政治局常务委员会|政治局常委会)(?=上|开会)                 # 在政治局常委会上, 在政治局常委会开会的讲话
        |(?:政治局常务委员会|政治局常委会|政治局)(?:召开)?(?:扩大)?会议?  # 中央政治局(常委会)会议
        |(?:政治局常务委员会|政治局常委会|政治局|委常委会)(?P<when>(?:\d{{1,2}}月\d{{1,2}}日|昨天|昨日|今天|今日|昨|今)(?:上午|下午|晚上|晚间|晚)?)召开(?:扩大)?会议
                                                                # 中共中央政治局常务委员会2月3日召开会议
        |委常委(?:\(?扩大\)?)?会议                                # 省委常委会议暨省…领导小组会议
        |委常委会(?:(?:召开)?(?:\(?扩大\)?)?会议)?              # 市委常委会(扩大)会议; not 人大常委会
        |(?<=[省市区县]委召开)常委会(?:\(?扩大\)?)?会议         # 市委召开常委会(扩大)会议
        |委(?:员会)?[第届次\d{_CN}]{{1,10}}全(?:体会议|会)       # 市委五届二次全会
        |[省市区县]委全会
        |(?<=[省市区县州盟])委会议(?!室)                              # 主持召开2022年第8次区委会议 (not 区委会议室)
        |(?:盟委|(?<=[省市区县州])委)委员(?:\(?扩大\)?)?会议)       # 盟委委员会议 (Inner Mongolia's 盟: a prefecture)
    |(?P<leading_group>(?:领导小组(?:\(指挥部\))?|指挥部|疫情指挥中心)(?:召开)?(?:疫情防控(?:工作)?(?=第))?(?:(?:\d{{4}}年度?)?第?[\d{_CN}]+次)?(?:全体|扩大|专题|例|工作|(?<=领导小组)汇报){{0,2}}(?:会议|会(?![商谈见同]))
        # (…联合指挥部疫情防控工作第39次例会: its subject before its number; …联防联控领导小组汇报会: the group's;
        # …领导小组全体扩大会议: two words before 会议)
        |领导小组视频(?:调度)?会议?  # 唐良智主持召开领导小组视频调度会议: the group's meeting, held by video
        |领导小组(?:指挥部)?召开视频(?:调度)?会议?)  # 省…领导小组指挥部召开视频调度会议: the same, the group holding it
    |(?P<special_meeting>专题(?:调度|汇报|研究|部署|工作)?(?:扩大)?会(?:议|(?![商谈见同]))
        |视频调度(?:工作)?会议?  # 视频调度会议 is a 调度会 held by video (three annotators in four: special_meeting)
        |调度例?会议?|调度工作会议?|汇报会|会商会(?:议)?|研判会(?:议)?  # 疫情防控日调度工作会议; 全市疫情防控工作研判会
        |(?:推进|部署)会议?                                        # …核酸检测工作部署会: one task's meeting
        |(?<=召开)会议(?=\s*[,，]\s*专题(?:研究|部署))  # 主持召开会议，专题研究疫情防控相关工作
        |(?<=召开)会议(?=\s*调度)                        # 连夜召开会议调度呼和浩特市…疫情防控工作
        |(?<=召开)会议(?=\s*听取[^,，。;；\n]{{1,30}}?汇报))  # 紧急主持召开会议听取百色市疫情防控工作进展情况汇报
    |(?P<inspection>(?:指导组|督导组|督查组)对[^,，。;；:：\n]{{1,40}}?(?:进行了|开展了)(?:督导检查|检查指导|督导|督查|检查)
                                  # (派出第二十二督导组对我省…工作进行了督导: sent, and it was done)
        |(?<!(?:派出|派驻|成立|组建)\p{{Han}}{{0,6}})(?:指导组|督导组|工作组|督查组|检查组)
        [^,，。;；:：\n]{{0,20}}?(?:[,，]\s*(?:实地|现场|通过[^,，。;；:：\n]{{1,30}}?方式|(?:来|到|赴)[^,，。;；:：\n]{{1,12}}?))?(?:督导检查|检查指导|调研指导|督导|督查|检查)(?![组站点员]))  # 中央指导组在武汉督导检查; 率…督查组来芜，实地检查; …督导组来巴彦淖尔市，通过调阅台账…等方式督导; 率省第十二督导检查组，来我市督导
    |(?P<other>(?<=[^要将应须拟需、,，;；\s](?:召开|举行))(?:(?!视频|电视|电话|调度|专题|汇报|部署会|推进会|常委|常务|领导小组|指挥部|发布|新闻|记者|政治局|全会|全体|扩大|会|的)\p{{Han}}){{1,8}}会议
                                                                # 许勤召开防疫会议: a meeting named by its subject
                                                                # (held by someone: not 要召开…, not 报到、召开组团会议)
        |代表团(?:参加)?审议|代表团全体会议|全体(?:扩大)?会议|常务会议|常委会(?:召开)?(?:第[\d{_CN}]+次)?会议|常务委员会(?:第[\d{_CN}]+次)?会议|座谈会|动员会|工作会议|工作会(?=上|召开|\s*[,，。])|联席会议|党组(?:扩大)?会议)
    """,
    regex.VERBOSE,
)
#: The meeting types, one top-level group of _MEETING each.
_KINDS = frozenset(k for k in _MEETING.groupindex if k != "when")
# Words after which a meeting's name starts (12月1日召开的|重庆市政府……发布会).
_NAME_LEFT_STOP = std_compile(r"召开|举行|主持|出席|参加|在|的|于|从|先后|并|分别|上午|下午|晚上|当晚|今天|昨天|、|(?:传达|学习|贯彻|落实)了?|\d{1,2}月\d{1,2}日")
_HELD = std_compile(r"召开|举行|召集|主持")
# 记者从…发布会获悉: the reporter was there, so it was held.
_HELD_AFTER = std_compile(r"\s*(?:上|召开|举行|中|时|获悉|了解到|得知|通报)")  # (…今(13)晚发布会通报，…)
_ORDINAL = std_compile(rf"第\s*(?P<n>\d+|[{_CN}]+)\s*(?P<unit>场|次)")
#: After a meeting's name heading a transcript: its time line's label (新闻发布会 (new line) 时间:2022年8月11日20:30).
_TIME_LABEL = std_compile(r"\s*(?:时间|日期)\s*[:：]\s*")

_ORDINAL_AFTER = regex.compile(rf"\s*(?:[(（]\s*第\s*(?P<n>\d+|[{_CN}]+)\s*(?P<unit>场|次)\s*[)）]|第\s*(?P<n>\d+|[{_CN}]+)\s*(?P<unit>场)(?![\p{{Han}}]))")  # 系列新闻发布会第65场


def _may_be_ordinal_after(text: str, pos: int) -> bool:
    """Whether an :data:`_ORDINAL_AFTER` match may start at ``pos`` (after a meeting's name): it opens with
    blanks (``\\s``, each of which ``str.isspace`` holds) and then a bracket or 第, so the character at ``pos``
    is one of those. Most names are followed by another word: the ``regex`` module (~3 K instructions of
    set-up a call) is not asked there."""
    char = text[pos : pos + 1]
    return char in ("(", "（", "第") or char.isspace()


# A headline's tags and brackets end a name too: [视频]|中共中央政治局常务委员会会议, #话题#|【…|.
_CLAUSE_BREAK = regex.compile(r"[,，;；。!！?？:：\n\[\]【】|#]")
_CLAUSE_BREAK_LAST = regex.compile(r"(?r)" + _CLAUSE_BREAK.pattern)
#: Up to the end of the last clause break (an empty match where there is none): ``_CLAUSE_BREAK_LAST``'s
#: answer with the standard engine (a reverse search needs the ``regex`` module, whose call costs ~3x the set-up).
_UP_TO_LAST_BREAK = std_compile(r"(?:[^,，;；。!！?？:：\n\[\]【】|#]*[,，;；。!！?？:：\n\[\]【】|#])*")
_AT_MEETING = std_compile(r"会上|会议上|在会上|会议指出|会议强调|会议要求")
# An official inspecting: 陈敏尔在中心城区调研检查, 尹力到朝阳区检查调研, 龚正率队督导.
# Without a verb of motion the inspection verb must follow the name at once, so
# 陈敏尔对做好疫情防控检查工作提出要求 is not an inspection.
# The place may be a list (到A医院、B街道社区卫生服务中心调研) and be set off by a
# comma when it ends like a place (来到A街道、B街道，检查…; 前往A方舱医院和B隔离点，实地检查…).
# A day may stand between the name and the motion (李克强周二到青海…医院; 昨天赴…调研),
# and a visit to an institution with no verb at all is an inspection too
# (國務院總理李克強周二到青海紅十字醫院，他對醫護人員說…).
_INSPECTION = regex.compile(
    r"""(?:同志)?(?:(?:[,，、][^,，。;；\n]{0,30}?)?等)?(?:率队|带队|一行(?:[\d一二三四五六七八九十]+人)?)?
    (?:(?:带领|率领)[^,，。;；:：\n]{1,24}?(?=赴|到|前往|深入|来到))?  # 高瑞军带领四位处级包联干部赴…督导
    (?:以[^,，。;；\n]{1,12}?方式\s*[,，]?\s*)?  # 李睿以“四不两直”方式，在中心城区暗访检查
    (?P<when>\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?|周[一二三四五六日天]|星期[一二三四五六日天]|昨天|昨日|今天|今日|当天|日前|近日)?
    (?:上午|下午|晚上|晚间)?
    (?:(?:连续|一连)\s*[\d一二三四五六七八九十两]{1,2}\s*[天日]\s*)?  # 孙春兰连续三天在扬州市调研指导
    (?:(?:(?P<go>(?:先后|分别|专程|专门|亲自|再次|冒雨|连夜|一到)?(?:在|赶赴|赶到|赶往|到|赴|前往|深入|来到|走进|走访))(?P<place>[^,，;；。:：\n]{1,60}?)
         (?:(?<=[区县市镇乡村道院心点站场所园厂校馆司港口舱店局委室楼地线处河])\s*[,，]\s*
            (?:[^,，。;；:：\n]{2,40}?(?:汇报|情况)\s*[,，]\s*)?)?  # 深入…指挥部办公室，视频连线听取…汇报，督导调度
         (?:进行|开展)?(?:实地|现场|随机|先后|深入|重点)?
      |(?:冒雨|专程|实地|现场|随机|先后|再次|(?P<companion>一同|一起|陪同))?)
    (?P<verb>调研检查|检查调研|调研督导|督导检查|检查指导|调研指导|考察调研|调研考察|调研|考察|检查|督导|督查|视察|暗访|察看|实地查看|看望慰问|看望|慰问)
    (?![站组点员团])
    |(?P<go>(?:先后|专程|连夜)?(?:到|来到|前往|赴|走进))
     (?P<place>[^,，;；。:：\n]{2,30}?(?:医院|社区|村|街道|企业|公司|工厂|学校|基地|市场|口岸|机场|码头|方舱|隔离点|车站))
     (?=\s*[,，。]))""",
    regex.VERBOSE,
)
#: The CJK ideographs an _INSPECTION match can start with (the first characters of 同志, 率队, 一行, 以…方式,
#: its days, 上午/下午/晚上, 连续, its verbs of motion and inspection, 冒雨/实地/陪同 …, 、/等 of a list).
#: Most names are followed by another ideograph, none of these: the pattern is not tried there.
#: tests/test_inspection_gate.py holds the set against the pattern's partial matches on every code point.
_INSPECTION_FIRST_HAN = frozenset("一上下专亲今以先再冒分到前同周在实察带当慰日星昨晚暗来检深率现看督等考视调走赴赶近连陪随")


def _may_inspect(char: str) -> bool:
    """Whether an _INSPECTION match can start with ``char`` (the character after a name; ``""`` at the
    end): a CJK ideograph must be one of :data:`_INSPECTION_FIRST_HAN`, any other character is tried."""
    return char in _INSPECTION_FIRST_HAN or not ("\u4e00" <= char <= "\u9fff")


#: A word each inspection verb of _INSPECTION holds (调研检查 holds 调研, 实地查看 itself …), and the verbs
#: of motion of its visit to a named institution with no inspection verb (到/来到, 前往, 赴, 走进).
_INSPECTION_WORDS = ("调研", "检查", "考察", "督导", "督查", "视察", "暗访", "察看", "实地查看", "看望", "慰问",
                     "到", "前往", "赴", "走进")
#: Characters no part of an _INSPECTION match before its verb holds (every class of it leaves them out).
_INSPECTION_STOPS = "。;；"
_INSPECTION_LOOK = 200


def _may_inspect_at(text: str, pos: int) -> bool:
    """Whether an _INSPECTION match can start at ``pos`` (after a name): it starts with a character
    :func:`_may_inspect` allows, and an inspection verb or a visit's verb of motion comes before the
    next 。 or ; (陈敏尔在…调研, 李克强周二到…医院 — not 陈敏尔在会上强调). Most names followed by 在 say
    where they spoke, and a failing try of the pattern reads up to 60 characters of place at every length."""
    if not _may_inspect(text[pos : pos + 1]):
        return False
    # (Read within _INSPECTION_LOOK characters, so a text of no stops costs no scan to its end per name.)
    stop = look = min(len(text), pos + _INSPECTION_LOOK)
    for mark in _INSPECTION_STOPS:
        at = text.find(mark, pos, stop)
        if at >= 0:
            stop = at
    if any(text.find(word, pos, stop) >= 0 for word in _INSPECTION_WORDS):
        return True
    return stop == look < len(text)  # no stop within reach, and more text: the pattern is asked
# The person acted at another event: 习近平总书记在庆祝…大会上发表重要讲话，强调….
_AT_OTHER_EVENT = std_compile(r"[^,，。;；]{0,12}?在[^,，。;；]{2,40}?(?:大会|会议|座谈会|发布会|会)上")
# A scene of its own: the person speaks to a reporter, not at the meeting in force.
_INTERVIEW = regex.compile(r"接受[^,，。;；]{0,16}?(?:采访|专访|访问)|(?:对|向)\p{Han}{0,8}?记者(?:表示|说|称|透露)")
def _clause_start(text: str, pos: int, limit: int = 40) -> int:
    lo = max(0, pos - limit)
    # _CLAUSE_BREAK_LAST.search(text, lo, pos), the last break of the window: where it ends, else lo
    m = _UP_TO_LAST_BREAK.match(text, lo, pos)
    assert m is not None  # (…)* always matches
    return m.end()


_HELD_WORD = std_compile(r"召开|举行")
_CLAUSE_MARK = std_compile(r"[,，;；]")


def _organizer(text: str, name_start: int, clause_start: int, name: str) -> str | None:
    """Who holds the meeting: the organisation the name starts with, or the subject of 举行/召开.

    >>> _organizer("", 0, 0, "市政府新闻办第139场新冠肺炎疫情防控工作新闻发布会")
    '市政府新闻办'
    >>> t = "市政府新闻办举行第155场新闻发布会"
    >>> _organizer(t, 8, 0, t[8:])
    '市政府新闻办'
    """
    org = leading_org(name)
    if org is not None:
        # 重庆市委常委会: the organiser is 重庆市委, not the session itself.
        if org.endswith("常委会") and len(org) > 3:
            org = org[:-3]
        return org
    before = text[clause_start:name_start]
    hm = None
    for hm in _HELD.finditer(before):  # noqa: B007 - the loop keeps the last match
        pass
    if hm is not None:
        return _OrgMatch(before[: hm.start()]).trailing()
    return None


def _when(word: str, ref: dt.date | None) -> dt.date | None:
    """The day of 昨(天)/今(天) before 召开 (北京市委常委会昨召开会议); ``None`` for a written date."""
    if ref is None or word[0] not in "昨今":
        return None
    return ref - dt.timedelta(days=1) if word[0] == "昨" else ref


# Announced, planned or called off, not held: 定于…召开, 原定今早由国家统计局发布的…记者会.
#: Of those, the words that set a day: a meeting set for a day the article has reached was held.
_SET_FOR = frozenset({"定于", "将于", "拟于", "计划于"})
_FUTURE_SOURCE = r"定于|将于|拟于|明年|下周|计划于|原定|原计划|即将|(?:将要|将)(?:召开|举行)|同意\S{0,12}召开|不(?:召开|举行)|取消|停办"
#: Literal words and a class: compiled with the standard engine, the same meaning (\S written as [^\s],
#: whose members std_compile writes out; tests/test_meeting_clause_std.py compares it with the regex module's).
_FUTURE = std_compile(_FUTURE_SOURCE.replace(r"\S", r"[^\s]"))


#: The index of 委 among :data:`~.start_words.MEETING_START_WORDS` (where a _MEETING match can start).
_WEI = MEETING_START_WORDS.index("委")
# Every alternative that starts with 委 goes on with one of these (委常委会, 委员会, 委第…/委五届…全会, 区委会议).
_AFTER_WEI = std_compile(rf"[常员第届次会\d{_CN}]")


@functools.cache
def _after_wei(char: str) -> bool:
    """Whether a :data:`_MEETING` match starting with 委 can go on with ``char``: 委常委会, 委员会,
    委五届二次全会, 区委会议 can, the 委 of 卫健委, 委托 cannot (half of all candidate starts are a 委)."""
    return _AFTER_WEI.match(char) is not None


def _meeting_starts(text: str, start: int, end: int) -> list[int]:
    """The positions in ``text[start:end]`` where a :data:`_MEETING` match may start, in order."""
    lo = max(0, start - 2)  # a 召开 just before ``start``
    after = len(HELD_BEFORE)
    n = len(text)
    return sorted({
        e if i < after else s
        for i, s, e in meeting_words(text, lo, end)
        if i != _WEI or (e < n and _after_wei(text[e]))
    })


def _meeting_matches(text: str, starts: list[int], ss: int, se: int) -> Iterator[regex.Match[str]]:
    """``_MEETING.finditer(text, ss, se)``, trying only the ``starts`` (see :func:`_meeting_starts`)."""
    return matches_at(_MEETING, text, itertools.islice(starts, bisect.bisect_left(starts, ss), None), se)


def _sentences_with_starts(sentences: tuple[tuple[int, int], ...], starts: list[int]) -> Iterator[tuple[int, int, int]]:
    """``(ss, se, i)`` for each of the (ascending) ``sentences`` that holds one of the (ascending) ``starts``,
    ``starts[i]`` being its first. Each such sentence is found by bisection (a body has ~28 sentences, a
    meeting word in ~3 of them), not by walking them all."""
    i, n = 0, len(starts)
    at = 0  # the sentence read next
    while i < n:
        # The first sentence ending after starts[i]: the starts before its start lie between sentences.
        at = bisect.bisect_right(sentences, starts[i], at, key=_END)
        if at == len(sentences):
            return
        ss, se = sentences[at]
        at += 1
        while i < n and starts[i] < ss:
            i += 1
        if i < n and starts[i] < se:
            yield ss, se, i


def find_meeting_mentions(doc: Doc, ref: dt.date | None, dates: _Dates | None = None) -> list[MeetingMention]:
    """Meeting-word mentions in the body, with the date written in their sentence (if any)."""
    text = doc.text
    dates = dates or _resolved_dates(doc, ref)
    out: list[MeetingMention] = []
    starts = _meeting_starts(text, *doc.body)
    if not starts:
        return out  # no meeting word in the body (its sentences are not split for nothing)
    for ss, se, i in _sentences_with_starts(tuple(doc.sentences()), starts):
        # _meeting_matches(text, starts, ss, se), from the start already found
        for m in matches_at(_MEETING, text, itertools.islice(starts, i, None), se):
            # The type's group spans the whole match (each top-level alternative is one), so it closes last.
            kind = m.lastgroup if m.lastgroup in _KINDS else next(k for k, v in m.groupdict().items() if v is not None)
            ks, ke = m.span()
            after = text[ke : ke + 6]
            cited = bool(_CITED.match(after) or (after.startswith("要求") and _CARRIED_OUT.search(text, max(ss, ks - 40), ks))
                         or (_CITED_JOINED.match(text, ke) and _CARRIED_OUT.search(text, max(ss, ks - 40), ks)))
            if cited and not _DATED_NAME.search(text, max(ss, ks - 30), ks):
                continue  # (传达2月6日全省…会议精神: a meeting cited with its day was held that day)
            cs = _clause_start(text, ks)
            future = _FUTURE.search(text, cs, ks)
            if future is not None and future.group() not in _SET_FOR:
                continue  # 会议同意明年1月9日召开…全体会议: announced, not held
            left = cs
            for lm in _NAME_LEFT_STOP.finditer(text, cs, ks):
                left = lm.end()
            name_start = left
            raw = text[name_start:ke]
            when = m.group("when")
            if when:  # 政治局常务委员会|2月3日|召开会议: the date is not part of the name
                raw = text[name_start : m.start("when")] + text[m.end("when") : ke]
            name = _HELD_WORD.sub("", raw).strip()
            ordinal = None
            # 新闻发布会（第139场）: the ordinal in brackets after the name.
            om = _ORDINAL.search(name) or (_ORDINAL_AFTER.match(text, ke) if _may_be_ordinal_after(text, ke) else None)
            if om and (om.group("unit") == "场") == (kind == "press_conference"):
                ordinal = dates_mod.parse_cn_int(om.group("n"))
            date = _when(when, ref) if when else None
            date = date or (dates.first(m.start("when"), m.end("when")) if when else dates.last(ss, ks))
            if date is None:
                # 市委常委会于11月20日召开: a date right after the meeting word.
                date = dates.first(ke, min(se, ke + 2))
            if date is None and kind == "press_conference" and text.startswith("\n", ke):
                # 第三场新闻发布会 (new line) 时间:2022年8月11日20:30: a transcript's heading and its time line
                # (a date line is page furniture, outside the body: read in the original). Under another
                # meeting's headline it is the page's date line (…召开第20次工作调度会 (new line) 时间:2021-12-31).
                window = to_simplified(doc.original[ke : ke + 40])
                if (label := _TIME_LABEL.match(window)) is not None:
                    date = dates_mod.reference_date(window, None, label.end(), label.end() + 12)
            if future is not None and (date is None or ref is None or date > ref
                                       or dates.first(future.end(), ks) is None):
                # 定于…召开 is announced, not held — unless the day it names has come by the article's
                # (新闻办公室定于2020年2月21日上午召开新闻发布会, heading that day's transcript).
                continue
            held = (
                date is not None
                or _HELD.search(text, cs, ke) is not None
                or _HELD_AFTER.match(text, ke) is not None
                or _HELD.match(text, ke) is not None
                or text[name_start - 1 : name_start] == "在"  # 昨晚亦在新闻发布会透露
                or text[name_start - 2 : name_start] in ("出席", "参加")  # 曹雪涛出席…调度会议并讲话
                or (ordinal is not None and kind == "press_conference")  # …第九场新闻发布会发言稿: numbered, so held
            ) and not (date is None and _other_year(text, ss, ks, ref))
            out.append(
                MeetingMention(
                    start=name_start,
                    end=ke,
                    type=kind,  # type: ignore[arg-type]
                    name=name,
                    date=date,
                    organizer=_organizer(text, name_start, cs, name),
                    ordinal=ordinal,
                    expanded="扩大" in m.group(),
                    held=held,
                    cited=cited,
                )
            )
    return out


Occurrence = tuple[int, int, str]  # (start, end, name): a name, or a pronoun standing for one


_PRONOUN = regex.compile(r"(?<=^|[,;。!?:\s“”\"])[他她](?![们])")
#: How far back a pronoun looks for its person (他强调 after 市委书记陈敏尔出席会议并讲话。).
_PRONOUN_REACH = 120


def _known_occurrences(doc: Doc, names: list[str]) -> list[Occurrence]:
    """Every occurrence of an official's name in the body (longest names first), and
    every clause-initial 他/她, standing for the official named just before it."""
    s, e = doc.body
    hits, clash = name_hits(doc.text, frozenset(names), s, e)  # (the officials extractor's search)
    out: list[Occurrence] = list(hits) if not clash else claimed_hits(doc.text, names, s, e)
    if not out:
        return out
    starts = [o[0] for o in out]
    for m in _pronouns(doc.text, s, e):
        i = bisect.bisect_left(starts, m.start()) - 1
        # A cited name is nobody 他 can stand for: 贯彻落实好习近平总书记…的重要指示精神。他走进….
        while i >= 0 and _is_cited(doc.text, out[i][0], out[i][1]):
            i -= 1
        if i >= 0 and m.start() - out[i][1] <= _PRONOUN_REACH:
            out.append((m.start(), m.end(), out[i][2]))
    return sorted(out)


def _pronouns(text: str, start: int, end: int) -> list[regex.Match[str]]:
    """``_PRONOUN.finditer(text, start, end)``, tried only at each 他 and 她 (a match is that one
    character; its lookbehind sees the text before, as in the scan)."""
    match = _PRONOUN.match
    out = []
    for ch in "他她":
        q = text.find(ch, start, end)
        while q >= 0:
            if (m := match(text, q, end)) is not None:
                out.append(m)
            q = text.find(ch, q + 1, end)
    out.sort(key=lambda m: m.start())
    return out


def _is_cited(text: str, pos: int, end: int) -> bool:
    """Whether the name at ``text[pos:end]`` is cited, not acting (落实习近平…, 习近平新时代…)."""
    return bool(_CITED_PERSON.search(text, max(0, pos - 6), pos) or _cited_after(text, end))


#: How far after a host's label the conference it opens may be named (中共儋州市委宣传部副部长李敏清：…欢迎参加…发布会).
_HOST_REACH = 160
#: How far after a name its verb may be (陈敏尔主持召开专题会议，……强调).
_ROLE_REACH = 80


#: Speaker verbs that, after 主持召开…会议, say what the meeting did rather than what its chair said.
_MEETING_ACTS = frozenset(("部署", "安排部署", "安排布置", "要求"))


def _meeting_acts_only(text: str, chaired: int, speaker: AnyMatch, end: int) -> bool:
    """Whether the speaker verbs after a chair's 主持召开…会议 (from ``speaker``, the first, to ``end``)
    are all the meeting's acts: 对…进行安排部署 is; …进行调度部署，强调… has the chair speaking."""
    if speaker.group() not in _MEETING_ACTS or "会" not in text[chaired : speaker.start()]:
        return False
    pattern = _role_patterns()["speaker"]
    return all(m.group() in _MEETING_ACTS for m in pattern.finditer(text, speaker.end(), end) if m.group("skip") is None)


def _roles(text: str, start: int, end: int) -> tuple[set[str], int, bool]:
    """Roles stated in ``text[start:end]`` (what follows a name up to the next name),
    where the first role verb ends (``start`` when there is none), and whether the
    only role is reported speech (说, 介绍 — not 讲话, 致辞, which are taking part)."""
    end = min(end, start + _ROLE_REACH)
    automaton, roles_of, skips = _role_words()
    if automaton is None or end <= start:
        return set(), start, False
    # One pass over the window's words: where each role's verbs start, and where a no-role word does
    # (a role's pattern is tried at both: a ``skip`` match steps over a no-role word).
    verbs_at: dict[str, list[int]] = {}
    skips_at: list[int] = []
    for i, s, _ in automaton.find_matches_as_indexes(text[start:end], overlapping=True):
        if skips[i]:
            skips_at.append(s)
        for role in roles_of[i]:
            verbs_at.setdefault(role, []).append(s)
    if not verbs_at:
        return set(), start, False  # no role verb in the window: no pattern can find a role
    found: dict[str, re.Match[str]] = {}
    for role, pattern in _role_patterns().items():
        starts = verbs_at.get(role)
        if starts is None:
            continue
        # _find_role(pattern, text, start, end), the pattern tried only where one of its words starts (in
        # order, as matches_at tries them: a skip match steps over the starts it covers). Most windows
        # hold one word: no sort.
        if skips_at:
            starts = starts + skips_at
        if len(starts) > 1:
            starts = sorted(set(starts))
        covered = 0
        for s in starts:
            if s >= covered and (m := pattern.match(text, start + s, end)) is not None:
                if m.group("skip") is None:
                    found[role] = m
                    break
                covered = m.end() - start
    if "chair" in found and "speaker" in found and _meeting_acts_only(text, found["chair"].end(), found["speaker"], end):
        del found["speaker"]  # 钱国峰主持召开…调度会议，对…进行安排部署: the meeting deploys, its chair is no speaker
    reported = set(found) == {"speaker"} and found["speaker"].group() not in load_lexicon().cues["participation"]
    return set(found), min((m.end() for m in found.values()), default=start), reported


def _inspections(doc: Doc, occurrences: list[Occurrence], dates: _Dates, day: dt.date | None) -> list[MeetingMention]:
    """Inspections led by the officials of ``occurrences``; ``day`` is :func:`reference_date` of ``doc``."""
    text = doc.text
    speak = _role_patterns()["speaker"]
    out = []
    for idx, (pos, ne, name) in enumerate(occurrences):
        m = _INSPECTION.match(text, ne) if _may_inspect_at(text, ne) else None
        if m is None or _find_role(speak, text, ne, m.start("verb") if m.group("verb") else m.end()):
            continue
        if _CARRIED_OUT.search(text, max(doc.body[0], pos - 40), pos) and _CITED_INSPECTION.match(text, m.end()):
            continue  # 贯彻落实…陈润儿在银川调研疫情防控工作中提出的…要求: an earlier visit cited for its requirements
        # The officials listed before the leader go too: 吉林省委书记景俊海、省长韩俊赴舒兰调研.
        people = [(name, "attendee")]
        j, head = idx - 1, pos
        while j >= 0 and occurrences[j][2] != name and _is_list_gap(text, occurrences[j][1], head):
            people.insert(0, (occurrences[j][2], "attendee"))
            head = occurrences[j][0]
            j -= 1
        ss = max((s for s, _ in iter_sentences(text, max(doc.body[0], pos - 200), ne) if s <= pos), default=pos)
        date = dates.first(m.start("when"), m.end("when")) if m.group("when") else dates.last(ss, pos)
        if date is None and _other_year(text, ss, pos, day):
            continue  # 2013年10月，夏宝龙视察: a story from another year, with no day to date it
        out.append(
            MeetingMention(
                start=pos,
                end=m.end(),
                type="inspection",
                name=text[m.start("go") if m.group("go") else m.start("verb") : m.end()].strip(),
                date=date,
                held=True,
                people=people,
                leader="" if m.group("companion") else name,
                place=m.group("place"),
            )
        )
    return out


#: (date, type, leader): inspections by different leaders are different events.
Key = tuple[dt.date | None, str, str]


def extract(doc: Doc, officials: list[Official]) -> list[Meeting]:
    """Meetings held in the article body, one per (date, type) — and per leader for inspections.

    The official leading an inspection is an attendee of it unless a verb gives
    them another role (陈敏尔在中心城区调研检查…时强调 makes him a speaker).

    Args:
        doc: the normalised document.
        officials: the article's officials (roles are resolved against their names).

    Returns:
        Meetings in order of first mention.
    """
    day = reference_date(doc)
    ref = _transcript_day(doc, day)
    dates = _resolved_dates(doc, ref)
    occurrences = _known_occurrences(doc, [o.name for o in officials])
    mentions = find_meeting_mentions(doc, ref, dates) + _inspections(doc, occurrences, dates, day)
    if not mentions:
        return []
    mentions.sort(key=lambda m: m.start)
    # 县疫情防控工作领导小组会议暨指挥部调度会议, 专题会暨领导小组会议: one meeting held as both, of the first kind.
    # (…视频会议暨…联合指挥部疫情防控工作第39次例会: the one meeting is numbered by its second name.)
    joined = [i for i in range(1, len(mentions))
              if mentions[i].start <= mentions[i - 1].end < mentions[i].end and _JOINED_AS_ONE.match(doc.text, mentions[i - 1].end)]
    for i in joined:
        mentions[i - 1].ordinal = mentions[i - 1].ordinal or mentions[i].ordinal
    mentions = [m for i, m in enumerate(mentions) if i not in joined] if joined else mentions
    paragraphs = _paragraphs(doc.text, *doc.body)
    _date_unstated(mentions, dates, doc, ref, paragraphs)
    held_types = {m.type for m in mentions if m.held}
    keyed: dict[Key, MeetingMention] = {}
    owner: list[tuple[int, Key]] = []  # (mention start, key), in text order
    key_of: dict[int, Key] = {}  # id(mention) -> key
    inspection_in_force: dict[dt.date | None, Key] = {}
    for m in mentions:
        if m.type not in held_types or (m.date is None and not m.held):
            continue
        if ref is not None and m.date is not None and m.date > ref and not (
                m.date == ref + _ONE_DAY and _bare_day_before(doc.text, m.start, m.date.day)):
            # 会议定于2023年1月9日召开: announced, not held yet (a bare next day may be held: a report written
            # abroad, a day behind China — 上海市22日上午召开记者会表示 in one of 3月21日).
            continue
        key: Key = (m.date, m.type, m.leader)
        if m.type == "inspection":
            in_force = inspection_in_force.get(m.date)
            if m.leader and in_force is not None and (keyed[in_force].went(m.leader) or m.went(keyed[in_force].leader)):
                # 李强…分别前往…检查 … 李强来到中心检查: one of the officials who went; 赵福龙实地调研… 赵福龙、孟令选先后到…:
                # the day's leader among those who went on
                key = in_force
            elif m.leader:
                inspection_in_force[m.date] = key
            else:  # a companion (一同调研) joins the inspection of that day
                key = inspection_in_force.get(m.date, key)
        key_of[id(m)] = key
        first = keyed.setdefault(key, m)
        if first is not m:
            first.expanded = first.expanded or m.expanded
            first.ordinal = first.ordinal or m.ordinal
            first.organizer = first.organizer or m.organizer
        if not first.cited:
            # (nobody in the story takes part in a meeting it cites: 传达2月6日…会议精神, 梳理…会议提出的意见)
            owner.append((m.start, key))

    # The day a cited meeting was held (传达2月6日…会议精神) sets no scene of its own for the roles.
    cited_days = {m.start for m in mentions if m.cited}
    role_dates = dates.without(cited_days) if cited_days else dates
    roles = _assign_roles(doc, occurrences, owner, role_dates, officials, paragraphs)
    conferences = [k for k in keyed if k[1] == "press_conference"]
    if len(conferences) == 1:
        # 主持人 / 发布人 with the post and name of each below (a report of the conference's roster).
        for person, role in roster_people(doc):
            roles.setdefault(conferences[0], {}).setdefault(person, set()).add(role)
        if host_speaks(doc):
            # 曹斌主持新闻发布会 … 主持人: (new line) 各位媒体朋友: 大家下午好!…: the chair's own words follow the label.
            for rs in roles.get(conferences[0], {}).values():
                if "chair" in rs:
                    rs.add("speaker")
    for m in mentions:
        for person, role in m.people:  # the leader of an inspection
            if id(m) in key_of:
                roles.setdefault(key_of[id(m)], {}).setdefault(person, set()).add(role)
    out = []
    for key, m in keyed.items():
        r = roles.get(key, {})
        chair = next((n for n, rs in r.items() if "chair" in rs), None)
        speakers = [n for n, rs in r.items() if "speaker" in rs]
        attendees = [n for n, rs in r.items() if "attendee" in rs and "speaker" not in rs and "chair" not in rs]
        out.append(meeting(  # (assembled from checked values: see extract.models.meeting)
            doc.article_id, m.date, m.type, m.name, m.organizer, m.ordinal, m.expanded, chair, speakers, attendees,
            doc.evidence(m.start, m.end),
        ))
    return out


#: Between two names of one meeting held as both (…领导小组会议暨指挥部调度会议).
_JOINED_AS_ONE = regex.compile(r"\s*暨\s*")


def _assign_roles(
    doc: Doc,
    occurrences: list[Occurrence],
    owner: list[tuple[int, Key]],
    dates: _Dates,
    officials: list[Official],
    paragraphs: list[tuple[int, int]],
) -> dict[Key, dict[str, set[str]]]:
    """Roles of officials at each meeting, from the verbs after their names.

    A name in a sentence with a meeting word belongs to that meeting (the one
    after the name, else the last one before it). Elsewhere it belongs to the
    meeting in force (the last one mentioned), except that a bare later mention
    of a person with reported speech only (说, 介绍 — not 出席, 主持, 讲话), outside
    the paragraph of the meeting in force and not in the sentence right after
    it, goes back to the meeting where they were introduced (李畔说 after another
    meeting's paragraph); a sentence stating another date belongs to no meeting.
    """
    text = doc.text
    owner_starts = [s for s, _ in owner]
    introduced: dict[str, Key] = {}
    out: dict[Key, dict[str, set[str]]] = {}
    sentences = tuple(doc.sentences())
    para_starts = [p for p, _ in paragraphs]
    # An interview has 接受 and 采访/专访/访问 (接受…采访) or 记者 and its verb (对…记者表示) in it:
    # most bodies have neither and are not scanned.
    bs, be = doc.body
    # (接受 and the reporter's words are read from the scan of the start words: start_words.holds.)
    maybe_interview = (
        holds(text, "接受", bs, be) and any(text.find(w, bs, be) >= 0 for w in ("采访", "专访", "访问"))
    ) or any(holds(text, w, bs, be) for w in ("记者表示", "记者说", "记者称", "记者透露"))
    interviews = [m.start() for m in _INTERVIEW.finditer(text, bs, be)] if maybe_interview else []
    si = 0
    invited_after = -1  # where the last name of a list of invited guests ends
    last_said: dict[str, tuple[int, Key]] = {}  # name → the sentence and meeting of its last role
    for idx, (pos, name_end, name) in enumerate(occurrences):
        si = bisect.bisect_right(sentences, pos, si, key=_END)  # the first sentence ending after pos
        if si >= len(sentences):
            break
        ss, se = sentences[si]
        if (_CITED_PERSON.search(text, max(ss, pos - 6), pos) or _cited_after(text, name_end)
                or _cited_titled(text, max(ss, pos - 20), pos)):
            continue
        if text.startswith("的", name_end):
            continue  # 武汉市长周先旺的讲话: the person is not the subject of what follows
        nxt = occurrences[idx + 1][0] if idx + 1 < len(occurrences) and occurrences[idx + 1][0] < se else se
        if (label := speaker_label(text, pos, name_end)) is not None:
            # A transcript's speaker label speaks at the meeting in force (the press conference).
            # (the host who opens it, 我们现在举办…新闻发布会, chairs it and speaks)
            rs, verb_end, reported = ({"chair", "speaker"} if label == "host" else {label}), name_end + 1, False
        else:
            rs, verb_end, reported = _roles(text, name_end, nxt)
        j, end = idx + 1, name_end
        while not rs and nxt < se and _is_list_gap(text, end, nxt):
            # 胡衡华张轩出席; 市卫生健康委主任邬惊雷，市商务委副主任刘敏……介绍:
            # a list shares the role of its last member.
            _, end, _ = occurrences[j]
            nxt = occurrences[j + 1][0] if j + 1 < len(occurrences) and occurrences[j + 1][0] < se else se
            rs, verb_end, reported = _roles(text, end, nxt)
            j += 1
        if not rs and _invited(text, ss, pos, invited_after):
            # 我们特别邀请到…周紫霄女士，广州市人民政府副市长黎明女士，…: the guests a press conference
            # invited speak at it.
            rs, verb_end, reported, end = {"speaker"}, name_end, False, name_end
            invited_after = name_end
            guest = True
        else:
            guest = False
        if not rs:
            continue
        lo, hi = bisect.bisect_left(owner_starts, ss), bisect.bisect_left(owner_starts, se)
        if lo == hi and _AT_OTHER_EVENT.match(text, end, verb_end):
            continue  # 习近平总书记在庆祝…大会上发表重要讲话: another event, not a meeting of this story
        key: Key | None
        if lo < hi:
            k = bisect.bisect_left(owner_starts, pos, lo, hi)
            if "chair" in rs and k < hi and owner_starts[k] < verb_end:
                # 刘宁赶赴百色市实地检查指导…，紧急主持召开会议听取…汇报: he chairs the meeting after the verb,
                # not the inspection between his name and it.
                k = max(k, bisect.bisect_left(owner_starts, verb_end, lo, hi))
            key = owner[k][1] if k < hi else owner[hi - 1][1]
        elif lo == 0:
            # (…李敏清：大家下午好!欢迎参加…第二十三场新闻发布会: the host opens the conference named next)
            key = owner[0][1] if label == "host" and owner and owner_starts[0] - pos <= _HOST_REACH else None
        else:
            current = owner[lo - 1][1]
            titled = not _BARE_NAME_BEFORE.fullmatch(text, max(ss, pos - 1), pos) if pos > ss else False
            # The meeting just announced is in force in the rest of its paragraph and in
            # the sentence after it: 电视电话会议召开。胡衡华出席并讲话 is that meeting's.
            announced = owner_starts[lo - 1]
            same_para = bisect.bisect_right(para_starts, announced) == bisect.bisect_right(para_starts, pos)
            near = same_para or (si > 0 and sentences[si - 1][0] <= announced < sentences[si - 1][1])
            at_meeting = _AT_MEETING.search(text, ss, se) is not None
            if interviews and bisect.bisect_left(interviews, announced) < bisect.bisect_left(interviews, pos):
                key = None  # 周先旺昨晚接受新华社专访…表示: an interview, not the meeting in force
            elif (
                current[1] == "press_conference"
                and not (at_meeting or titled or same_para or not reported or (near and text[pos - 1 : pos] == "请"))
                and name not in introduced
            ):
                # 李克强对医护人员称, a paragraph away: not a speaker at the press conference (首先,请庞军先生介绍 in the
                # sentence after the host named it: the guest the host invites is)
                key = None
            elif at_meeting or titled or name not in introduced or not reported or near:
                key = current
            elif (last := last_said.get(name)) is not None and last[0] >= si - 1:
                key = last[1]  # 刘存磊在讲话中指出…。他要求…: goes on at the meeting of the sentence before
            else:
                # Reported speech far from any new meeting (李畔说 a paragraph later)
                # goes back to the meeting where the speaker was introduced.
                key = introduced[name]
            # A date before the verb sets another scene (11月27日，陈敏尔表示; 陈敏尔曾于
            # 11月13日称); one after it is what the speaker reports (李畔介绍，12月1日0—12时…).
            # (今天我们邀请的是…: the day a guest is invited on is the press conference's, whatever the
            # transcript's page date makes of 今天)
            stated = dates.within(ss, verb_end) if not guest else ()
            if key is not None and stated and key[0] not in stated:
                key = None
        if key is None:
            continue
        introduced.setdefault(name, key)
        last_said[name] = (si, key)
        out.setdefault(key, {}).setdefault(name, set()).update(rs)
    return out


#: A span's end (sentences are ``(start, end)``, their ends ascending).
_END = operator.itemgetter(1)
# A name preceded by a title ends a title word (长, 记, 人, 任 …); a bare name
# follows punctuation or a clause-level word.
_BARE_NAME_BEFORE = std_compile(r"[^长记人任员席理官]")
