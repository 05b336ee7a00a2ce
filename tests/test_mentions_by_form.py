"""regions._gazetteer_mentions keeps what a form says of its area (region, proper prefix of the name) by
the form, the area looked at by identity; _joined_parents returns the mentions as they are when none
starts where another ends. Held here to the versions that read the area's fields for every mention and
walked every mention, on random texts of places, homonyms (鼓楼区, 朝阳区 with and without their cities),
short forms, facilities and outbreak names."""

from __future__ import annotations

import random

from extract.extractors.case_counts import regions as r
from extract.gazetteer import find_areas


def _gazetteer_first(text: str, start: int, end: int) -> list[r._Mention]:
    found: list[r._Mention] = []
    for m in find_areas(text, start, end):
        if text.startswith("疫情", m.end) and text[m.start - 1 : m.start] in r._QUOTE_CLOSE:
            continue
        name = m.area.name
        if m.form != name and name.startswith(m.form) and r._facility_after(text, m.end):
            continue
        found.append(r._Mention(m.start, m.end, r._region(name, m.area.code)))
    return found


def _joined_first(mentions: list[r._Mention]) -> list[r._Mention]:
    out: list[r._Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == m.start and prev.region is not None and m.region is not None
                and r._contains(prev.region.code, m.region.code)):
            out[-1] = r._Mention(prev.start, m.end, m.region)
            continue
        out.append(m)
    return out


_PIECES = ["重庆", "重庆市", "渝中区", "渝中", "万州", "江津", "沙坪坝", "南京", "禄口国际机场", "武汉", "火车站", "医院", "大学",
           "呼和浩特市", "玉泉区", "河南省", "信阳市", "北京市", "南京市", "福州市", "鼓楼区", "朝阳区", "长春市", "朝阳",
           "新增", "3例", "、", "，", "。", "\n", " ", "“11·01”", "”", "疫情", "在", "学", "场"]


def test_gazetteer_mentions_and_joins_as_first_version() -> None:
    rng = random.Random(3920)
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text) // 4)
        end = rng.randint(start, len(text))
        got = r._gazetteer_mentions(text, start, end)
        assert got == _gazetteer_first(text, start, end), (text, start, end)
        assert all(type(m) is r._Mention for m in got)
        assert r._joined_parents(got) == _joined_first(got), text
