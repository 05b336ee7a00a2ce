"""The case counts' poster lines: a short line is matched by _OPEN_LINE only when _may_be_open_line says
it can be an open one (it holds 日, or ends, blanks aside, with 新增, 报告 or 累计); it must say so
wherever the pattern matches, on random lines of the pattern's pieces."""

from __future__ import annotations

import random

from extract.extractors.case_counts.paragraphs import _OPEN_LINE, _may_be_open_line

_PIECES = ("2022年", "3月", "12月", "5日", "日", "0时", "至", "24时", "武汉市", "全市", "新增", "报告", "累计", "新", "增",
           " ", "\t", "\u3000", "，", "。", ":", "3", "例", "号")


def test_gate_holds_wherever_the_pattern_matches() -> None:
    rng = random.Random(21)
    matched = 0
    for _ in range(20000):
        line = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 8)))
        text = line + "\n下一行"
        nl = len(line)
        if _OPEN_LINE.match(text, 0, nl + 1) is not None:
            matched += 1
            assert _may_be_open_line(text, 0, nl), line
    assert matched > 100


def test_other_lines_are_not_matched() -> None:
    text = "图片来源：新华社\n"
    assert not _may_be_open_line(text, 0, text.index("\n"))
    text = "武汉市新增\u3000\n"
    assert _may_be_open_line(text, 0, text.index("\n"))
