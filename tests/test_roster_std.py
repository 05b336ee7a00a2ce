"""The roster line patterns compiled with re (officials._ROSTER_NOT, _ROSTER_POST_START) against their
regex-module compilation, and the padded-name precheck (a blank right after the first character)."""

from __future__ import annotations

import random

import regex

from extract.extractors import officials

_PIECES = ("李", "畔", " ", "\u3000", "市", "区", "自治", "国家", "国务院", "中央", "全国", "。", "；", ";", "：", ":", "！",
           "!", "？", "?", "（", "）", "(", ")", "1", "٣", "\U00016130", "、", "，", "副主任", "卫生健康委")


def _texts() -> list[str]:
    rng = random.Random(3)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 12))) for _ in range(4000)]


def test_std_roster_patterns_match_their_regex_forms() -> None:
    for pattern in (officials._ROSTER_NOT, officials._ROSTER_POST_START):
        old = regex.compile(
            r"[。；;：:！!？?（）()\d]" if pattern is officials._ROSTER_NOT else r"[市区县省州旗镇乡]|自治|国家|国务院|中央|全国"
        )
        for text in _texts():
            for pos in range(len(text) + 1):
                a, b = pattern.search(text, pos), old.search(text, pos)
                assert (a and a.span()) == (b and b.span()), (text, pos)
                a, b = pattern.match(text, pos), old.match(text, pos)
                assert (a and a.span()) == (b and b.span()), (text, pos)


def test_a_padded_name_has_a_blank_second() -> None:
    for text in _texts():
        for pos in range(len(text) + 1):
            if officials._PADDED_NAME.match(text, pos, len(text)) is not None:
                assert text[pos + 1 : pos + 2] in (" ", "\u3000")
