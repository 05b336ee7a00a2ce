"""Meetings: party committee sessions, leading-group meetings, press conferences …

Finding, then deciding:

1. meeting mentions: a meeting word (市委常委会, 领导小组会议, 第155场新闻发布会,
   专题汇报会, 电视电话会议 …) typed by the first alternative that matches, and
   inspections (an official + 调研/检查/督导 in one clause);
2. each mention gets a date: one written in its sentence before it (第二天，12月1日，…;
   当晚 resolved against the date in force), else — for an anaphoric mention
   (发布会上还说, 原标题 …) — the date of an earlier or later dated mention of the same
   type, else the last date of its paragraph, else the article's date;
3. mentions with the same (date, type) are one meeting;
4. roles: an official followed by 主持 is the chair, by 讲话/强调/指出/介绍 … a
   speaker, by 出席/参加 an attendee. A sentence without a meeting word belongs to
   the meeting in force (会上，…) unless it states another date (陈敏尔曾于11月13日称).

Dates come from the shared resolver :mod:`extract.extractors.dates`.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

import regex

from ..document import Doc, iter_sentences
from ..models import Meeting, MeetingType, Official
from . import dates as dates_mod
from .officials import _alt, load_lexicon

__all__ = ["MeetingMention", "extract", "find_meeting_mentions", "reference_date"]

_CN = "一二三四五六七八九十百零〇两"

# Order matters: the first alternative that matches at a position types the mention.
_MEETING = regex.compile(
    rf"""
    (?P<video_conference>电视电话会议?|视频会议|视频调度会议?)
    |(?P<press_conference>新闻发布会|发布会|新闻通气会|吹风会|记者见面会)
    |(?P<party_committee>
        (?:政治局常委会|政治局)(?:召开)?(?:扩大)?会议?        # 中央政治局(常委会)会议
        |委常委会(?:(?:召开)?(?:扩大)?会议)?                     # 市委常委会(扩大)会议; not 人大常委会
        |委(?:员会)?[第届次\d{_CN}]{{1,10}}全(?:体会议|会)       # 市委五届二次全会
        |[省市区县]委全会)
    |(?P<leading_group>(?:领导小组|指挥部)(?:召开)?(?:第?[\d{_CN}]+次)?(?:全体|扩大)?(?:会议|会(?![商谈见同])))
    |(?P<special_meeting>专题(?:调度|汇报|研究|部署|工作)?会议?|调度会议?|汇报会)
    |(?P<other>常务会议|常委会(?:第[\d{_CN}]+次)?会议|座谈会|推进会|部署会|动员会|工作会议|联席会议|党组(?:扩大)?会议)
    """,
    regex.VERBOSE,
)
# What follows a meeting word when it is cited, not held: 市委常委会会议精神.
_CITED = regex.compile(r"精神|纪要|决策部署|议定事项|部署要求")
# Words after which a meeting's name starts (12月1日召开的|重庆市政府……发布会).
_NAME_LEFT_STOP = regex.compile(r"召开|举行|主持|出席|参加|在|的|于|先后|并|分别|上午|下午|晚上|当晚|今天|昨天|、")
_HELD = regex.compile(r"召开|举行|召集|主持")
_HELD_AFTER = regex.compile(r"\s*(?:上|召开|举行|中|时)")
_ORDINAL = regex.compile(rf"第\s*(?P<n>\d+|[{_CN}]+)\s*(?P<unit>场|次)")
_CLAUSE_BREAK = regex.compile(r"[,，;；。!！?？:：\n]")
_AT_MEETING = regex.compile(r"会上|会议上|在会上|会议指出|会议强调|会议要求")
_INSPECTION = regex.compile(
    r"""(?:同志)?(?:率队|带队|一行)?
    (?:[^,，;；。:：\n]{0,24}?)
    (?P<verb>调研检查|检查调研|调研督导|督导检查|调研|检查|督导|督查|视察|暗访|察看|实地查看)
    (?![站组点员])""",
    regex.VERBOSE,
)
# A name as the object of study, not a speaker: 深入学习贯彻习近平总书记……重要指示精神.
_CITED_PERSON = regex.compile(r"(?:贯彻|学习|落实|按照|根据|遵照|传达|关于|领会|践行|遵循|依据)(?:好|了)?\s*$")
_ISO_DATE = regex.compile(r"(20\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


@functools.cache
def _role_patterns() -> dict[str, regex.Pattern[str]]:
    cues = load_lexicon().cues
    return {
        # 主持人 is a TV host, not a chair.
        "chair": regex.compile(rf"(?:{_alt(cues['chair'])})(?!人)"),
        "speaker": regex.compile(rf"(?:{_alt(cues['speaker'])})"),
        "attendee": regex.compile(rf"(?:{_alt(cues['attendee'])})"),
    }


def reference_date(doc: Doc) -> dt.date | None:
    """The article's date: ``doc.published``, else the first year-month-day written in the original.

    A fallback for articles whose date the article stage did not find (the page
    header ``2022-11-21 08:46`` is outside the body, so it is read from ``original``).

    >>> from extract.document import Doc
    >>> reference_date(Doc("a", "日期:2022-11-27 浏览", "", (0, 0)))
    datetime.date(2022, 11, 27)
    """
    if doc.published is not None:
        return doc.published
    for m in _ISO_DATE.finditer(doc.original):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


@dataclass
class MeetingMention:
    """One mention of a meeting in the text.

    Attributes:
        start, end: span of the meeting's name (the evidence).
        type: meeting type.
        name: name as written, Simplified (召开/举行 inside it dropped).
        date: resolved date, or ``None`` when the sentence states none.
        organizer, ordinal, expanded: as written.
        held: whether the text says it was held (召开, 在…上, a date) rather than citing it.
    """

    start: int
    end: int
    type: MeetingType
    name: str
    date: dt.date | None
    organizer: str | None = None
    ordinal: int | None = None
    expanded: bool = False
    held: bool = False
    people: list[tuple[str, str]] = field(default_factory=list)  # (name, role)


def _resolved_dates(doc: Doc, ref: dt.date | None) -> list[tuple[int, int, dt.date | None]]:
    out: list[tuple[int, int, dt.date | None]] = []
    context: dt.date | None = None
    for m in dates_mod.find_dates(doc.text, ref, *doc.body):
        d = dates_mod.resolve_relative(m, ref, context) if m.relative else m.date
        if d is not None:
            context = d
        out.append((m.start, m.end, d))
    return out


def _clause_start(text: str, pos: int, limit: int = 40) -> int:
    lo = max(0, pos - limit)
    start = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        start = m.end()
    return start


def _organizer(text: str, name_start: int, clause_start: int, name: str) -> str | None:
    lex = load_lexicon()
    m = regex.match(rf"(?:{_alt(lex.level_forms)})*(?:\p{{Han}}{{0,10}}?(?:{_alt(lex.orgs)}))+", name)
    if m and not _MEETING.match(name, m.end() - 3 if m.end() >= 3 else 0):
        org = m.group()
        # 重庆市委常委会: the organiser is 重庆市委, not the session itself.
        for suffix in ("常委会", "领导小组", "指挥部"):
            if org.endswith(suffix) and suffix != "领导小组" and suffix != "指挥部":
                org = org[: -len(suffix)]
        return org or None
    # 市政府新闻办|举行|第155场……
    before = text[clause_start:name_start]
    hm = None
    for hm in _HELD.finditer(before):
        pass
    if hm is not None:
        cand = before[: hm.start()]
        om = regex.search(rf"(?:{_alt(lex.level_forms)})+(?:\p{{Han}}{{0,10}}?(?:{_alt(lex.orgs)}))*$", cand)
        if om:
            return om.group()
    return None


def find_meeting_mentions(doc: Doc, ref: dt.date | None) -> list[MeetingMention]:
    """Meeting-word mentions in the body, with the date written in their sentence (if any)."""
    text = doc.text
    dates = _resolved_dates(doc, ref)
    out: list[MeetingMention] = []
    for ss, se in doc.sentences():
        for m in _MEETING.finditer(text, ss, se):
            kind = next(k for k, v in m.groupdict().items() if v is not None)
            ks, ke = m.span()
            if kind == "party_committee" and text[ks : ks + 1] == "委":
                # 市人大常委会 / 市政协常委会 are not party committees; 委 came from 人大?
                pass
            after = text[ke : ke + 6]
            if _CITED.match(after):
                continue
            cs = _clause_start(text, ks)
            left = cs
            for lm in _NAME_LEFT_STOP.finditer(text, cs, ks):
                left = lm.end()
            name_start = left
            name = regex.sub(r"召开|举行", "", text[name_start:ke])
            ordinal = None
            om = _ORDINAL.search(name)
            if om and (om.group("unit") == "场") == (kind == "press_conference"):
                ordinal = dates_mod.parse_cn_int(om.group("n"))
            prior = [d for d in dates if ss <= d[0] and d[1] <= ks and d[2] is not None]
            date = prior[-1][2] if prior else None
            if date is None:
                # 市委常委会于11月20日召开: a date right after the meeting word.
                nxt = [d for d in dates if ke <= d[0] <= ke + 2 and d[1] <= se and d[2] is not None]
                date = nxt[0][2] if nxt else None
            held = (
                date is not None
                or _HELD.search(text, cs, ks) is not None
                or _HELD_AFTER.match(text, ke) is not None
                or _HELD.match(text, ke) is not None
            )
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
                )
            )
    return out


def _known_occurrences(doc: Doc, names: list[str]) -> list[tuple[int, str]]:
    """(offset, name) for every occurrence of an official's name in the body, longest names first."""
    taken: set[int] = set()
    out: list[tuple[int, str]] = []
    s, e = doc.body
    for name in sorted(names, key=len, reverse=True):
        pos = doc.text.find(name, s, e)
        while pos != -1:
            if not taken.intersection(range(pos, pos + len(name))):
                out.append((pos, name))
                taken.update(range(pos, pos + len(name)))
            pos = doc.text.find(name, pos + len(name), e)
    return sorted(out)


def _roles(text: str, start: int, end: int) -> set[str]:
    """Roles stated in ``text[start:end]`` (what follows a name up to the next name)."""
    pats = _role_patterns()
    return {role for role, p in pats.items() if p.search(text, start, end)}


def _inspections(doc: Doc, occurrences: list[tuple[int, str]], dates: list[tuple[int, int, dt.date | None]]) -> list[MeetingMention]:
    text = doc.text
    speak = _role_patterns()["speaker"]
    out = []
    for pos, name in occurrences:
        ne = pos + len(name)
        m = _INSPECTION.match(text, ne)
        if m is None or speak.search(text, ne, m.start("verb")):
            continue
        ss = max((s for s, _ in iter_sentences(text, max(doc.body[0], pos - 200), ne) if s <= pos), default=pos)
        prior = [d for d in dates if ss <= d[0] and d[1] <= pos and d[2] is not None]
        out.append(
            MeetingMention(
                start=pos,
                end=m.end(),
                type="inspection",
                name=text[ne : m.end()].strip(),
                date=prior[-1][2] if prior else None,
                held=True,
            )
        )
    return out


def extract(doc: Doc, officials: list[Official]) -> list[Meeting]:
    """Meetings held in the article body, one per (date, type).

    Args:
        doc: the normalised document.
        officials: the article's officials (roles are resolved against their names).

    Returns:
        Meetings in order of first mention.
    """
    text = doc.text
    ref = reference_date(doc)
    dates = _resolved_dates(doc, ref)
    names = [o.name for o in officials]
    occurrences = _known_occurrences(doc, names)
    mentions = find_meeting_mentions(doc, ref) + _inspections(doc, occurrences, dates)
    mentions.sort(key=lambda m: m.start)
    if not mentions:
        return []

    # Dates for mentions whose sentence states none.
    paragraphs = [(s, e) for s, e in _paragraphs(text, *doc.body)]
    for i, m in enumerate(mentions):
        if m.date is not None:
            continue
        same = [o for o in mentions if o.type == m.type and o.date is not None]
        before = [o for o in same if o.start < m.start]
        after = [o for o in same if o.start > m.start]
        if before or after:
            m.date = (before[-1] if before else after[0]).date
            continue
        if not m.held:
            continue
        para = next(((s, e) for s, e in paragraphs if s <= m.start < e), (m.start, m.start))
        in_para = [d for d in dates if para[0] <= d[0] and d[1] <= m.start and d[2] is not None]
        m.date = in_para[-1][2] if in_para else ref
    held = [m for m in mentions if m.held or any(o.type == m.type and o.held for o in mentions)]
    keyed: dict[tuple[dt.date | None, str], MeetingMention] = {}
    owner: list[tuple[int, tuple[dt.date | None, str]]] = []  # (mention start, key), in text order
    for m in held:
        key = (m.date, m.type)
        if key not in keyed:
            keyed[key] = m
        else:
            first = keyed[key]
            first.expanded = first.expanded or m.expanded
            first.ordinal = first.ordinal or m.ordinal
            first.organizer = first.organizer or m.organizer
        owner.append((m.start, key))

    roles = _assign_roles(doc, occurrences, owner, keyed, dates, officials)
    out = []
    for key, m in keyed.items():
        r = roles.get(key, {})
        chair = next((n for n, rs in r.items() if "chair" in rs), None)
        speakers = [n for n, rs in r.items() if "speaker" in rs]
        attendees = [n for n, rs in r.items() if "attendee" in rs and "speaker" not in rs and "chair" not in rs]
        out.append(
            Meeting(
                article_id=doc.article_id,
                date=m.date,
                type=m.type,
                name=m.name,
                organizer=m.organizer,
                ordinal=m.ordinal,
                expanded=m.expanded,
                chair=chair,
                speakers=speakers,
                attendees=attendees,
                evidence=doc.evidence(m.start, m.end),
            )
        )
    return out


_PARA = regex.compile(r"\n+")


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _PARA.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def _assign_roles(
    doc: Doc,
    occurrences: list[tuple[int, str]],
    owner: list[tuple[int, tuple[dt.date | None, str]]],
    keyed: dict[tuple[dt.date | None, str], MeetingMention],
    dates: list[tuple[int, int, dt.date | None]],
    officials: list[Official],
) -> dict[tuple[dt.date | None, str], dict[str, set[str]]]:
    text = doc.text
    titled_at = {o.name: o.evidence.start for o in officials if o.evidence.text != o.name}
    introduced: dict[str, tuple[dt.date | None, str]] = {}
    out: dict[tuple[dt.date | None, str], dict[str, set[str]]] = {}
    sentences = list(doc.sentences())
    si = 0
    for idx, (pos, name) in enumerate(occurrences):
        while si < len(sentences) and sentences[si][1] <= pos:
            si += 1
        if si >= len(sentences):
            break
        ss, se = sentences[si]
        if _CITED_PERSON.search(text, max(ss, pos - 6), pos):
            continue
        # Role text: after the name up to the next name in the sentence.
        nxt = next((p for p, _ in occurrences[idx + 1 :] if p < se), se)
        rs = _roles(text, pos + len(name), nxt)
        if not rs and nxt < se and regex.fullmatch(r"[、和与及\s]*", text[pos + len(name) : nxt]):
            # 胡衡华张轩出席: a list shares the role of its last member.
            for p, n in occurrences[idx + 1 :]:
                if p >= se:
                    break
                after = next((q for q, _ in occurrences if q > p and q < se), se)
                rs = _roles(text, p + len(n), after)
                if rs:
                    break
        if not rs:
            continue
        in_sentence = [k for s, k in owner if ss <= s < se]
        key: tuple[dt.date | None, str] | None
        if in_sentence:
            # The meeting word nearest after the name, else the last one before it.
            after_name = [k for s, k in owner if pos <= s < se]
            key = after_name[0] if after_name else in_sentence[-1]
        else:
            before = [k for s, k in owner if s < ss]
            current = before[-1] if before else None
            titled = titled_at.get(name) is not None and any(
                ss <= titled_at[name] < se for _ in (0,)
            )
            if current is None:
                key = None
            elif _AT_MEETING.search(text, ss, se) or titled:
                key = current
            elif name in introduced:
                key = introduced[name]
            else:
                key = current
            if key is not None:
                stated = {d[2] for d in dates if ss <= d[0] < se and d[2] is not None}
                if stated and key[0] not in stated:
                    key = None
        if key is None:
            continue
        introduced.setdefault(name, key)
        out.setdefault(key, {}).setdefault(name, set()).update(rs)
    return out
