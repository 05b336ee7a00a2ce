"""The 月 and named-day 日 anchors of dates are asked of the engine only where the character after them can
open what their look-ahead needs (dates._ANCHOR_OPENS_BY_ID): held here to the anchor patterns on every code
point of the basic plane (and digits beyond it), and the dates found to the ungated search on random texts."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from extract.extractors import dates as d

_TAILS = {
    id(d._DATE_ANCHOR): ["", "日", "1日", "十日", "3 日", "号"],
    id(d._NAMED_DAY_ANCHOR): ["", "午在", "午5时召开", "间在", "上在", "晨在", "晚在", "就", "增", "告", "报", "现", "诊", "持", "开", "行", "席",
                              "示", "调", "出", "绍", "往", "到", "入", "研", "查", "队", "布", "计", "日", "天", "集",
                              "见", "察", "加", "望", "问", "时表示", "点半新增", "新增"],
}


def _opens(anchor: object, ch: str) -> bool:
    return ch in d._ANCHOR_OPENS_BY_ID[id(anchor)] or ch.isdecimal() or ch > "\uffff"


@pytest.mark.parametrize("anchor", [d._DATE_ANCHOR, d._NAMED_DAY_ANCHOR])
def test_anchor_opens_with_its_characters_only(anchor) -> None:
    head = "月" if anchor is d._DATE_ANCHOR else "日"
    tails = _TAILS[id(anchor)]
    for cp in [*range(0x10000), 0x11F50, 0x1D7CE, 0x20000]:
        ch = chr(cp)
        if _opens(anchor, ch) or 0xD800 <= cp < 0xE000:
            continue
        for tail in tails:
            assert anchor.match(head + ch + tail) is None, (head, ch, tail)
    # (the tails complete a match after each of the set's characters but blanks: each one is tested)
    for ch in d._ANCHOR_OPENS_BY_ID[id(anchor)] - d.SPACES - set("\x1c\x1d\x1e\x1f"):
        assert any(anchor.match(head + ch + tail) is not None for tail in tails), ch


_PIECES = ["3月", "12月", "5日", "1日", "十九日", "日", "月", "，", "。", "新增", "召开", "下午", "3时", "至", "较", "区",
           "陈敏尔", "20日", " ", "年", "2022年", "份", "以来", "在", "表示", "号", "又"]


def test_found_dates_as_ungated(monkeypatch) -> None:
    rng = random.Random(19)
    texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30))) for _ in range(1500)]
    ref = dt.date(2022, 3, 25)
    gated = [d._find_dates(t, ref, 0, len(t)) for t in texts]
    d._find_dates.cache_clear()
    monkeypatch.setattr(d, "_ANCHOR_OPENS_BY_ID", {})
    assert [d._find_dates(t, ref, 0, len(t)) for t in texts] == gated
    d._find_dates.cache_clear()
