"""When a meeting happened: the dates of a story's mentions, and of those that state none.

- every date of the body resolved, relative ones (当晚, 第二天) against the date in
  force — which a count's date (11月23日全市新增…) or a period bound (截至…) does not move;
- a transcript's header (时间：2020-03-26) dates the transcript's 今天;
- a mention with no date of its own takes, after 会后/随后, the day of the event it
  follows, else that of an earlier (or, for a headline or lead, later) dated mention of
  the same event, else — for a held meeting — the last date of its paragraph or the
  article's date; 近日/日前 date it only as recent (no day).

The small patterns here are literal text, classes and quantifiers, compiled with the standard engine
(:func:`extract.anchored.std_compile`: the same meaning, a third of the regex module's set-up per call).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from ..anchored import std_compile
from ..document import Doc
from ..models import MeetingType
from . import dates as dates_mod
from .start_words import holds

_ISO_DATE = std_compile(r"(20\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


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


# A transcript's header: 时间：2020-03-26 嘉宾：….
_HEADER_DAY = std_compile(r"(?:时间|日期)\s*[:：]\s*(20\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_HEADER_REACH = 200


def _transcript_day(doc: Doc, ref: dt.date | None) -> dt.date | None:
    """The day a transcript's header states (``时间：2020-03-26``), published up to a week
    later: 今天 in the transcript is that day. Else ``ref``."""
    s = doc.body[0]
    e = min(doc.body[1], s + _HEADER_REACH)
    if doc.text.find("时间", s, e) < 0 and doc.text.find("日期", s, e) < 0:
        return _lead_day(doc, s, e, ref)  # (every match opens with its label: most bodies have none near their start)
    m = _HEADER_DAY.search(doc.text, s, e)
    if m is None:
        return _lead_day(doc, s, e, ref)
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return ref
    return day if ref is None or 0 <= (ref - day).days <= 7 else ref


#: A transcript's lead: the day the press conference was held (7月19日,文县人民政府新闻办公室举行…第三场新闻发布会).
_LEAD_DAY = std_compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日\s*[,，]?[^。\n\d]{0,40}?(?:举行|召开)[^。\n]{0,40}?新闻发布会")


def _lead_day(doc: Doc, s: int, e: int, ref: dt.date | None) -> dt.date | None:
    """The day a transcript's lead says its press conference was held, the page published up to a week later
    (今天的新闻发布会 in it is that day's); else ``ref``. A transcript is a text with its host's label (主持人)."""
    if ref is None or doc.text.find("发布会", s, e) < 0 or not holds(doc.text, "主持人", s, doc.body[1]):
        return ref  # (a transcript gives its host's words: a report of several days' events is no transcript)
    m = _LEAD_DAY.search(doc.text, s, e)
    if m is None:
        return ref
    try:
        day = dt.date(ref.year, int(m.group(1)), int(m.group(2)))
    except ValueError:
        return ref
    return day if 0 < (ref - day).days <= 7 else ref


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
        people: (name, role) pairs known from the mention itself (the leader of an inspection).
        leader: who leads an inspection ("" for other meetings and for companions:
            殷勇一同调研 joins the inspection in force).
        place: where an inspection goes (渝中区 in 到渝中区调研), if written.
        cited: cited with its day (传达2月6日全省…会议精神): an event of its own, but the people of
            the sentence take part in the meeting that cites it.
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
    leader: str = ""
    place: str | None = None
    cited: bool = False

    def went(self, name: str) -> bool:
        """Whether ``name`` is one of the people the mention itself names (市委书记李强，…龚正分别前往…检查)."""
        return any(name == person for person, _ in self.people)


_RANGE_GAP = std_compile(r"\s*(?:至|到|—+|-|~|～|、)\s*")  # 9月10日、9月11日 too: one visit over two days
# (督导检查中，刘阳春先后到…村: during the visit just told, on its day)
_SEQUENCE = std_compile(r"随后|随即|其后|之后|此后|会后|结束后|同日|同一天|紧接着|接着|其间"
                        r"|(?:调研|检查|督导|督查|视察|考察|暗访)(?:检查|调研|督导|指导)?(?:中|期间|过程中)(?=\s*[,，])")
_NOT_SCENE_BEFORE = std_compile(r"(?:自|从|截至|截止|到|至|较|比)\s*$")
# A date that a count is reported for (11月23日全市新增本土感染者近8000例), not a day the story is on.
_DATA_AFTER = std_compile(r"[^,，;；。:：\n]{0,12}?(?:新增|累计|报告|现有|发现|确诊|感染者|病例|无症状)")
_NOT_SCENE_AFTER = std_compile(r"\s*(?:起|以来|开始|之前|以前|以后|之后|前|后|止|为止)")


@dataclass(frozen=True)
class _Dates:
    """Resolved date mentions of a document, searchable by position in O(log n)."""

    starts: list[int]
    ends: list[int]
    values: list[dt.date]

    def last(self, lo: int, hi: int) -> dt.date | None:
        """The last date lying inside ``[lo, hi)``."""
        i = bisect.bisect_right(self.starts, hi) - 1
        while i >= 0 and self.starts[i] >= lo:
            if self.ends[i] <= hi:
                return self.values[i]
            i -= 1
        return None

    def first(self, lo: int, hi: int) -> dt.date | None:
        """The first date starting inside ``[lo, hi]``."""
        i = bisect.bisect_left(self.starts, lo)
        return self.values[i] if i < len(self.starts) and self.starts[i] <= hi else None

    def without(self, ends: set[int]) -> _Dates:
        """The same dates but those ending at one of ``ends``."""
        keep = [i for i, e in enumerate(self.ends) if e not in ends]
        return _Dates([self.starts[i] for i in keep], [self.ends[i] for i in keep], [self.values[i] for i in keep])

    def within(self, lo: int, hi: int) -> set[dt.date]:
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return set(self.values[i:j])


def _resolved_dates(doc: Doc, ref: dt.date | None) -> _Dates:
    """Every date of the body resolved, relative ones (当晚, 第二天) against the date in force."""
    starts: list[int] = []
    ends: list[int] = []
    values: list[dt.date] = []
    context: dt.date | None = None
    text = doc.text
    for m in dates_mod.find_dates(text, ref, *doc.body):
        d = dates_mod.resolve_relative(m, ref, context) if m.relative else m.date
        if d is not None:
            # 自12月6日起 / 截至11月30日 bound a period; they are not the day the
            # story is on, so 当天 after them still means the day before.
            # Nor is a reporting window (12月4日0—24时).
            # A count's date inside a story (会议指出，11月23日全市新增…) does not move
            # the story's day either: 当晚 after it is still the meeting's evening.
            if (
                m.hours is None
                and not (_NOT_SCENE_BEFORE.search(text, max(0, m.start - 3), m.start) or _NOT_SCENE_AFTER.match(text, m.end))
                and (context is None or not _DATA_AFTER.match(text, m.end))
            ):
                context = d
            if ends and _RANGE_GAP.fullmatch(text, ends[-1], m.start):
                d = values[-1]  # 11月22日至23日: a multi-day event is dated by its first day
            starts.append(m.start)
            ends.append(m.end)
            values.append(d)
    return _Dates(starts, ends, values)


_YEAR = std_compile(r"((?:19|20)\d\d)\s*年")


def _other_year(text: str, start: int, end: int, ref: dt.date | None) -> bool:
    """Whether ``text[start:end]`` states a year other than the article's (2013年10月，…)."""
    if ref is None:
        return False
    return any(int(m.group(1)) != ref.year for m in _YEAR.finditer(text, start, end))


def _date_unstated(
    mentions: list[MeetingMention],
    dates: _Dates,
    doc: Doc,
    ref: dt.date | None,
    paragraphs: list[tuple[int, int]] | None = None,
) -> None:
    """Give a date to mentions whose sentence states none (in place).

    An anaphoric mention (发布会上还说, a headline) takes the date of the nearest
    earlier — else later — dated mention of its type; a held meeting with no
    dated twin takes the last date of its paragraph, else the article's date.
    ``paragraphs`` are :func:`_paragraphs` of the body, when the caller has them.
    """
    dated: dict[str, list[MeetingMention]] = {}
    for m in mentions:
        if m.date is not None:
            dated.setdefault(m.type, []).append(m)
    dated_starts = {k: [t.start for t in v] for k, v in dated.items()}
    text = doc.text
    if paragraphs is None:
        paragraphs = _paragraphs(text, *doc.body)
    para_starts = [s for s, _ in paragraphs]
    previous: dt.date | None = None  # the day of the last dated mention before m
    previous_m: MeetingMention | None = None  # that mention
    recent: set[tuple[str, str]] = set()  # (type, leader) of events dated only 近日/日前
    for m in mentions:
        if m.date is not None:
            if m.held:
                previous, previous_m = m.date, m
            continue
        p = bisect.bisect_right(para_starts, m.start) - 1
        sequel = _SEQUENCE.search(text, max(paragraphs[p][0] if p >= 0 else 0, m.start - 30), m.start)
        # A later dated twin dates a headline or lead, not a mention after the story's
        # day was written (今天（5月23日）…在参加辽宁代表团审议时说 … 郭声琨22日参加…审议).
        later = p <= 0 or dates.last(doc.body[0], m.start) is None
        twin = (
            None
            if sequel and previous is not None
            else _nearest_twin(m, dated.get(m.type, []), dated_starts.get(m.type, []), later)
        )
        if sequel and previous is not None:
            # 会后，陈某来到…检查: the day of the meeting it follows, not the last date written.
            m.date = previous
        elif twin is not None:
            m.date = twin.date
        elif m.held and _RECENTLY.search(text, max(paragraphs[p][0] if p >= 0 else 0, m.start - 40), m.start):
            m.date = None  # 近日，重庆市…举行…发布会: some recent day, not the article's
            recent.add((m.type, m.leader))
        elif m.held and m.leader and (m.type, m.leader) in recent:
            m.date = None  # 日前，李克强在重庆考察 … 李克强来到…公司: the same recent visit
        elif m.held:
            # 随后，尹力主持召开…: a sequence word carries the date in force across paragraphs.
            lo = 0 if sequel else paragraphs[p][0]
            m.date = dates.last(lo, m.start) if p >= 0 else None
            # (12月25日，赵福龙实地调研…。(new paragraph) 赵福龙、孟令选先后到…现场察看: a paragraph that states no
            # day goes on with the story's day in force, the last held event's, not the article's)
            m.date = m.date or (previous if p > 0 and _goes_on(previous_m, m) else None) or ref
        if m.held and m.date is not None:
            previous, previous_m = m.date, m
            if sequel or twin is not None:
                # 会后，钱国峰先后来到…检查 … 陈文波、李婷婷一同检查: dated now, a twin for the mentions after it
                i = bisect.bisect_left(dated_starts.setdefault(m.type, []), m.start)
                dated_starts[m.type].insert(i, m.start)
                dated.setdefault(m.type, []).insert(i, m)


def _goes_on(before: MeetingMention | None, m: MeetingMention) -> bool:
    """Whether the undated inspection ``m`` tells more of the visit ``before`` (the last held event, dated):
    that one named no place, this one does, and the same official went on both (12月25日，赵福龙实地调研
    疫情防控工作。(new paragraph) 赵福龙、孟令选先后到县人民医院…等地，…现场察看 — not 陈敏尔在渝中区调研时
    强调 after his visit to 沙坪坝区: another visit)."""
    return (
        before is not None
        and m.type == before.type == "inspection"
        and before.place is None
        and m.place is not None
        and (m.went(before.leader) or before.went(m.leader))
    )


# Words that date an event only as "recently": it keeps no day.
_RECENTLY = std_compile(r"近日|日前|近期|前不久|此前")

#: How many dated mentions of its type an undated one looks through, each way, for its twin
#: (bounded so that thousands of inspections stay linear).
_TWIN_REACH = 16


def _nearest_twin(
    m: MeetingMention, dated: list[MeetingMention], starts: list[int], later: bool = True
) -> MeetingMention | None:
    """The nearest earlier dated mention that may be the same event as ``m``, else (if
    ``later``) the nearest later one."""
    i = bisect.bisect_left(starts, m.start)
    for j in range(i - 1, max(-1, i - 1 - _TWIN_REACH), -1):
        if _same_event(m, dated[j]):
            return dated[j]
    for j in range(i, min(len(dated), i + _TWIN_REACH) if later else i):
        if _same_event(m, dated[j]):
            return dated[j]
    return None


def _same_event(m: MeetingMention, twin: MeetingMention) -> bool:
    """Whether an undated mention may be the dated ``twin`` mentioned again: not when
    another official leads it (蔡奇在京调研 is not 胡衡华到沙坪坝区检查) or it goes elsewhere.

    >>> a = MeetingMention(0, 1, "inspection", "", None, leader="蔡奇", place="京")
    >>> _same_event(a, MeetingMention(0, 1, "inspection", "", None, leader="胡衡华", place="沙坪坝区"))
    False
    >>> _same_event(a, MeetingMention(0, 1, "inspection", "", None, leader="蔡奇"))
    True
    """
    if m.leader and twin.leader and m.leader != twin.leader and not twin.went(m.leader):
        # (市委书记李强，市委副书记、市长龚正分别前往…检查 … 李强来到中心检查: one of the officials who went)
        return False
    if m.place and m.place[0] in _LOCAL_LEVELS:
        return True  # 屈谦到云阳督导检查 … 屈谦一行到县人民医院: "the county's hospital", a place of the visit
    return not (m.place and twin.place and m.place not in twin.place and twin.place not in m.place)


#: A place named by its level alone (县人民医院, 区疾控中心) is the local one: inside the place visited.
_LOCAL_LEVELS = frozenset("县区市镇乡")


_PARA = std_compile(r"\n+")


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans between the runs of line breaks in ``text[start:end]`` (those of ``_PARA.finditer``
    around them: a run at an end leaves an empty span there). Found with ``str.find``: a regex
    match object per line break cost more than the search."""
    out = []
    pos = start
    find = text.find
    brk = find("\n", start, end)
    while brk >= 0:
        out.append((pos, brk))
        pos = brk + 1
        while pos < end and text[pos] == "\n":
            pos += 1
        brk = find("\n", pos, end)
    out.append((pos, end))
    return out


def _bare_day_before(text: str, pos: int, day: int) -> bool:
    """Whether the day is written without its month (22日) in the 40 characters before ``pos``."""
    word = f"{day}日"
    lo = max(0, pos - 40)
    at = text.find(word, lo, pos + len(word))
    while at >= 0:
        if at == 0 or not (text[at - 1].isdigit() or text[at - 1] == "月"):
            return True
        at = text.find(word, at + 1, pos + len(word))
    return False
