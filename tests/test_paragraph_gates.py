"""The str gates before the reader's paragraph patterns: each says no only where the pattern finds nothing."""

from __future__ import annotations

import random

from extract.extractors.case_counts.events import _may_hold_zero
from extract.extractors.case_counts.lexicon import _SECTION, _zero_re
from extract.extractors.case_counts.paragraphs import _may_name_section

_PIECES = ["无", "症", "状", "感染者", "新增", "报告", "未", "没有", "零", "尚", "暂", "确诊病例", "疑似", "死亡", "本土", "本地",
           "境外", "输入", "病例", "，", "。", "一、", "情况", " ", "3", "例", "有", "并", "重症", "在院", "新冠肺炎", "(COVID-19)",
           "转为确诊", "密切接触者", "清零", "全市", "疫情"]


def _random_texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 14))) for _ in range(n)]


def test_zero_gate_says_no_only_where_the_pattern_finds_nothing() -> None:
    pattern = _zero_re()
    for text in _random_texts(20000, 1):
        for start, end in ((0, len(text)), (1, max(1, len(text) - 1))):
            if not _may_hold_zero(text, start, end):
                assert list(pattern.finditer(text, start, end)) == [], text


def test_zero_gate_on_its_cases() -> None:
    assert not _may_hold_zero("新增本土无症状感染者3例", 0, 12)
    assert _may_hold_zero("无新增确诊病例", 0, 7)
    assert _may_hold_zero("暂无疑似病例", 0, 6)
    assert not _may_hold_zero("新增3例无", 0, 4)


def test_section_gate_says_no_only_where_the_pattern_does_not_match() -> None:
    for text in _random_texts(20000, 2):
        if not _may_name_section(text, 0, len(text)):
            assert _SECTION.fullmatch(text, 0, len(text)) is None, text
    assert _may_name_section("境外输入病例情况", 0, 8)
    assert not _may_name_section("三、密切接触者", 0, 7)
