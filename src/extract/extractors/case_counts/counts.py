"""The counts the reader finds, and the state in force while it reads (dates, areas)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypedDict

from ...models import Change
from .regions import _Region


@dataclass
class _Count:
    """A count found in the text, before it becomes records."""

    start: int
    end: int
    value: int
    metric: str
    scope: str
    measure: str
    qualifier: str
    regions: list[_Region]
    each: bool
    date: dt.date | None
    hours: tuple[int, int] | None
    until: int | None  # 截至11月3日24时: the hour a running total or current count is stated at
    dated: bool
    depth: int
    explicit: bool  # its own metric phrase (can be the total of a breakdown)
    sub: bool  # a breakdown item (its area does not become the area in force)
    parent: _Count | None = None
    label: str | None = None
    change: Change | None = None
    children: list[_Count] = field(default_factory=list)
    zero: bool = False
    suffix: bool = False  # its metric is written after it (含11例由无症状感染者转为确诊病例)
    rest: int = 0  # bracketed items with no area of their own (其他区县209例, 其余3923例)
    incomplete: bool = False  # a bracketed item could not be read
    boxed: bool = False  # written in brackets after its area (北京（26宗）)


@dataclass
class _State:
    """What is in force while reading: the date (with its hour window) and the area."""

    date: dt.date | None = None
    hours: tuple[int, int] | None = None
    dated: bool = False
    here: bool = False  # the date was written in the paragraph being read (not carried over)
    region: list[_Region] | None = None
    top: list[_Region] | None = None  # the last city, province or country counts were given for
    since: bool = False  # the date in force ends a running total (截至11月3日24时)
    until: int | None = None  # its hour (24)
    span: bool = False  # the date in force closes a range of days (5月13日至26日24时)



class _When(TypedDict):
    date: dt.date | None
    hours: tuple[int, int] | None
    until: int | None
    dated: bool


def _when(state: _State) -> _When:
    """The date fields of a count read while ``state`` is in force."""
    return {"date": state.date, "hours": state.hours, "until": state.until, "dated": state.dated}
