"""meetings' clause start and _FUTURE with the standard engine against their regex-module forms."""

from __future__ import annotations

import random

import regex

from extract.extractors import meetings

_PIECES = ("，", ",", "；", ";", "。", "!", "！", "?", "？", ":", "：", "\n", "[", "]", "【", "】", "|", "#", " ", "\u3000",
           "\x1c", "\x1f", "甲", "乙", "定于", "将于", "将", "召开", "举行", "同意", "明年", "下周", "原定", "即将",
           "会议", "12月3日", "将要")


def _texts() -> list[str]:
    rng = random.Random(11)
    out = ["", "会议", "市委常委会召开会议，研究部署", "会议同意明年1月9日召开全体会议", "同意\x1c召开"]
    out += ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 30))) for _ in range(4000)]
    return out


def test_clause_start_matches_the_reverse_search() -> None:
    for text in _texts():
        for pos in range(len(text) + 1):
            for limit in (3, 40):
                lo = max(0, pos - limit)
                m = meetings._CLAUSE_BREAK_LAST.search(text, lo, pos)
                assert meetings._clause_start(text, pos, limit) == (lo if m is None else m.end()), (text, pos)


def test_future_matches_its_regex_form() -> None:
    old = regex.compile(meetings._FUTURE_SOURCE)
    for text in _texts():
        for start in range(0, len(text) + 1, 3):
            a, b = meetings._FUTURE.search(text, start), old.search(text, start)
            assert (a and (a.span(), a.group())) == (b and (b.span(), b.group())), text
