"""meetings._may_be_ordinal_after (the str test before _ORDINAL_AFTER) against the pattern's partial matches
on every code point, and the ordinal read after a name with and without the test on random strings."""

from __future__ import annotations

import random

from extract.extractors import meetings


def test_no_match_starts_where_the_gate_says_none_can() -> None:
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        char = chr(cp)
        if not meetings._may_be_ordinal_after(char, 0):
            assert meetings._ORDINAL_AFTER.match(char, partial=True) is None, hex(cp)
    assert not meetings._may_be_ordinal_after("会议", 2)  # (the end of the text: no match there)
    assert meetings._ORDINAL_AFTER.match("会议", 2) is None


def test_gated_match_is_the_match() -> None:
    rnd = random.Random(18)
    pieces = ["第", "65", "十三", "场", "次", "(", ")", "（", "）", " ", "\u3000", "\n", "会", "新闻发布会", "。"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 10)))
        pos = rnd.randrange(0, len(text) + 1)
        want = meetings._ORDINAL_AFTER.match(text, pos)
        got = meetings._ORDINAL_AFTER.match(text, pos) if meetings._may_be_ordinal_after(text, pos) else None
        assert (got and got.span()) == (want and want.span()), (text, pos)
