"""Areas and their counts written respectively: 吉林、福建、辽宁等地本土确诊病例分别为1902、110和67例.

The reader reads one of the numbers as a count of the areas together (the list before the metric);
when 分别 opens a series of as many numbers as the count has areas, each area gets its own number
(the series in the areas' order), with the count's metric, scope, measure and day.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ...anchored import std_compile

from .day_series import series_items

if TYPE_CHECKING:
    from .reader import _Reader

#: What opens the series: 分别 with its verb, right before the first number.
_RESPECTIVELY = std_compile(r"分别\s*(?:为|是|达到?|有|报告|新增|增加)?\s*[:：]?\s*")
#: One number of the series (1,902 with a thousands separator), its unit optional but on the last.
_ITEM = std_compile(r"(?<![\d,])(\d{1,3}(?:,\d{3})+|\d+)(?![\d,]\d)\s*(例|人|名|宗)?")
_ITEM_SEP = std_compile(r"\s*(?:[、,，]|和|及|以及)\s*")
#: The series must follow 分别 within this many characters of the count's clause.
_REACH = 40


def region_series(reader: _Reader, first: int, p_start: int, p_end: int) -> None:
    """Replace each count of ``reader.counts[first:]`` (a paragraph's) that holds several areas and
    closes a 分别 series of as many numbers with one count per area."""
    text = reader.text
    if text.find("分别", p_start, p_end) < 0:
        return
    k = first
    while k < len(reader.counts):
        c = reader.counts[k]
        k += 1
        if len(c.regions) < 2 or c.each or c.zero or c.children or c.parent is not None:
            continue
        lead = None
        for m in _RESPECTIVELY.finditer(text, max(c.start, c.end - _REACH - 60), c.end):
            lead = m
        if lead is None:
            continue
        items = series_items(text, lead.end(), p_end, _ITEM, _ITEM_SEP)
        if len(items) != len(c.regions) or not items[-1].group(2) or not any(it.end() == c.end for it in items):
            continue
        series = [
            dataclasses.replace(c, end=item.end(), value=int(item.group(1).replace(",", "")), regions=[region], children=[])
            for region, item in zip(c.regions, items)
        ]
        reader.counts[k - 1 : k] = series
        k += len(series) - 1
