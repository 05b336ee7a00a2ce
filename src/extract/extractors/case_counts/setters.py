"""Which date mentions of a notice set the date in force for the counts after them, and what each stands for.

A date compared with (较29日), one a period starts from (11月15日起, 自6月11日…以来), one in the bracket after a
count (为4月1日外省返疆人员) or one inside the sentence a reporting window opens (3月4日、5日两批乘包机…) tells when
something happened, not the day the counts are of.
"""

from __future__ import annotations

import datetime as dt

from ...anchored import std_compile
from ...document import Doc
from ..dates import DateMention, resolve_relative
from .lexicon import _SKIP_DATE_AFTER, _SKIP_DATE_BEFORE

#: What ends a statement a reporting window opens; what makes a later date in it a date of counts too.
_STATEMENT_END = std_compile(r"[。!?！？\n]")
_UNTIL_BEFORE = std_compile(r"(?:截至|截止|至|到)\s*$")
#: The 以来 closing a since-phrase a few words after its day (自6月11日…发生疫情以来).
_SINCE_LATER = std_compile(r"[,，]?[^,，。;；\n]{1,20}?以来")  # (自4月20日,云南出现本土病例以来)
#: Before the day a case's own event fell on (发病日介于…, 确诊日为…): a description of the cases.
_DESCRIBED_DAY_BEFORE = std_compile(
    r"(?:(?:发病|确诊|死亡|入境|采样|检测|出院)日期?\s*(?:介于|为|在|是)?|介于)\s*(?:今年|去年|今\s*[(（]\d{4}[)）]\s*年)?\s*$"  # (发病日介于今年3月14日, 介於今(2021)年5月20日)
)
_RANGE_GAP = std_compile(r"\s*(?:至|到|—+|–|-|~|～)\s*")
#: An open bracket right after a count, up to a date written in it (1例(为4月1日…).
_CASE_NOTE_BEFORE = std_compile(r"\d\s*[例人名宗]\s*[(（][^()（）\n]{0,30}$")


def _date_setters(doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
    """Date mentions that set the date in force (not 较29日, not 11月15日起)."""
    text = doc.text
    out: list[DateMention] = []
    described_end = -1  # where the last day describing the cases ends (the range's other end may follow)
    for m in mentions:
        if _SKIP_DATE_BEFORE.search(text, max(0, m.start - 3), m.start):
            continue
        if _SKIP_DATE_AFTER.match(text, m.end) and m.hours is None:
            continue
        if m.hours is None and (_DESCRIBED_DAY_BEFORE.search(text, max(0, m.start - 14), m.start)
                                or described_end >= 0 and _RANGE_GAP.fullmatch(text, described_end, m.start)):
            # 发病日介于6月14日至21日, 入境日介于5月22日至5月23日 (Taiwan's CDC): when the cases fell ill or came in
            described_end = m.end
            continue
        if m.hours is None and text[m.start - 1 : m.start] == "自" and _SINCE_LATER.match(text, m.end):
            continue  # 自6月11日新发地批发市场发生疫情以来: when a running total starts, not the day of counts
        if m.hours is None and _CASE_NOTE_BEFORE.search(text, max(0, m.start - 40), m.start):
            # 高新区1例(为4月1日外省返疆人员): a day in the bracket after a count tells about its cases.
            continue
        if (m.hours is None and m.relative is None and out and out[-1].hours is not None
                and not _STATEMENT_END.search(text, out[-1].end, m.start)
                and not _UNTIL_BEFORE.search(text, max(0, m.start - 3), m.start)):
            # 3月7日20时至3月8日20时，3月4日、5日两批乘包机…加3月2日专门转到兰州2人共计311人中，新增4例: a day
            # written inside the sentence a reporting window opens tells when something happened, not
            # the day the counts are of.
            continue
        out.append(m)
    return out


def _written_dates(setters: list[DateMention], published: dt.date | None) -> list[dt.date | None]:
    """For each date setter, the date it stands for when read in text order (relative words chained)."""
    out: list[dt.date | None] = []
    last: dt.date | None = None
    for m in setters:
        last = resolve_relative(m, published, last) if m.relative is not None else m.date
        out.append(last)
    return out
