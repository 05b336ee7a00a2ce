"""The date finder's bare days: _bare_days finds the 日 of both of its patterns once (and 号 apart) and
hands them to _anchored; its matches are those of the two anchored searches finding their own
characters (char_positions of 日号 and of 日), on random strings of the patterns' pieces."""

from __future__ import annotations

import random
from collections.abc import Iterator

from extract.anchored import AnyMatch
from extract.extractors import dates


def _bare_days_finding_their_own(text: str, start: int, end: int) -> Iterator[AnyMatch]:
    """_bare_days as it was: each anchored search looks for its own characters."""
    last_end = -1
    merged = sorted(
        [*dates._anchored(dates._BARE_DAY, text, start, end, dates._BARE_DAY_ANCHOR, dates._bare_day_starts),
         *dates._anchored(dates._NAMED_DAY, text, start, end, dates._NAMED_DAY_ANCHOR, dates._day_starts)],
        key=lambda m: m.start(),
    )
    for m in merged:
        if m.start() >= last_end:
            last_end = m.end()
            yield m


def test_shared_positions_give_the_same_matches() -> None:
    rng = random.Random(21)
    pieces = ["1", "2", "9", "十九", " ", "\u3000", "\n", "日", "号", "月", "3月", "较", "至", "截至", "、", "，", "和",
              "在", "新增", "当", "内", "以来", "区", "陈敏尔", "上午", "10时", "召开", "通报", "(", "）"]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        got = [(m.start(), m.end(), m.group()) for m in dates._bare_days(text, start, end)]
        want = [(m.start(), m.end(), m.group()) for m in _bare_days_finding_their_own(text, start, end)]
        assert got == want, (text, start, end)
        found += len(got)
    assert found > 30


def test_anchor_chars_by_identity() -> None:
    assert dates._anchor_chars(dates._DATE_ANCHOR) == "月"
    assert dates._anchor_chars(dates._BARE_DAY_ANCHOR) == "日号"
    assert dates._anchor_chars(dates._NAMED_DAY_ANCHOR) == "日"
