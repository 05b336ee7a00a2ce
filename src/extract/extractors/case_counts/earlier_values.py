"""A count's value on the earlier day it is compared with, written in brackets after that day:
三亚8月21日报告感染者数472例，较20日(692例)减少220例 — 692 on the 20th, the same area's and kind's."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from ...anchored import std_compile
from ...resources import compiled_on_first_use
from .counts import _Count
from .lexicon import CHANGE_DIRECTIONS

if TYPE_CHECKING:  # the reader imports this module: its type is for the checker only
    from .reader import _Reader

__all__ = ["earlier_value", "redate_by_change"]

#: Between a count and the bracket: the day it is compared with (，较20日 / 比前一日).
_COMPARED = compiled_on_first_use(lambda: std_compile(r"\s*[,，]?\s*(?:较|比)(?P<ref>[^,，;；。()（）\d]{0,4}\d{1,2}[^,，;；。()（）\d]{0,4}|前一日|前一天|昨日|昨天)\s*$"))
#: After the bracketed number: the bracket closes and the change is said (…)减少220例).
_CHANGE_AFTER = compiled_on_first_use(lambda: std_compile(rf"\s*[)）]\s*(?:{CHANGE_DIRECTIONS})"))


def earlier_value(r: _Reader, target: _Count | None, opened: int, num_start: int, number_end: int, value: int) -> _Count | None:
    """The count of ``target``'s area and kind on the day it is compared with, when the number
    ``text[num_start:number_end]`` stands alone in the bracket opened at ``opened`` right after that day
    (``，较20日(692例)减少220例``); None otherwise."""
    text = r.text
    if (target is None or target.depth != 0 or target.date is None or target.end > opened
            or text[opened + 1 : num_start].strip() or not _CHANGE_AFTER.match(text, number_end)):
        return None
    compared = _COMPARED.search(text, target.end, opened)
    if compared is None or compared.start() != target.end:
        return None
    day = r.vs_date(compared.start("ref"), compared.end("ref"), target.date)
    if day is None or day >= target.date:
        return None
    return dataclasses.replace(target, start=num_start, end=number_end, value=value, date=day, hours=None, until=None,
                               dated=True, change=None, children=[], parent=None, qualifier="exact")


def redate_by_change(r: _Reader, count: _Count) -> None:
    """Date a new count by the day its change is against when its own sentence writes no date and the day in
    force is two or more days after that one (今(24)日…11月24日0—14时…。从中心城区来看，11个区共报告新增感染者
    6778例，较22日增加603例: the 23rd's count, compared with the 22nd's), in place."""
    change = count.change
    if change is None or change.vs_date is None or count.date is None or count.measure != "new":
        return
    if (count.date - change.vs_date).days < 2:
        return
    i = bisect.bisect_left(r.date_starts, r.sentence_start)
    if i < len(r.dates) and r.dates[i].start < count.start:
        return  # (its sentence dates it)
    count.date, count.hours, count.dated = change.vs_date + dt.timedelta(days=1), None, True
