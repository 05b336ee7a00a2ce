"""The full dates' tries (_date_tries): the matches found trying only the starts it gives (and with no
look-ahead check of each gated 月 first, see _anchored) are those found trying every start of
_date_starts after the check, on random strings of the pattern's pieces (years, blanks,
months of one to three digits, Chinese numerals, full-width digits)."""

from __future__ import annotations

import random

from extract.extractors import dates

_PIECES = ["1", "2", "9", "0", "12", "911", "２", "十", "十一", "二", "元", "〇", "2022", "二〇二二", "年", " ", "\u3000", "\n",
           "月", "日", "号", "5日", "30号", "0—24时", "，", "截至", "至", "较", "新增", "区", "12月", "3月", "月5日", "月 1日",
           "11月30日", "年1"]


def _spans(text: str, start: int, end: int, starts: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group())
            for m in dates._anchored(dates._DATE, text, start, end, dates._DATE_ANCHOR, starts)]  # type: ignore[arg-type]


def test_tries_find_what_every_start_finds() -> None:
    rng = random.Random(40)
    found = 0
    for _ in range(60000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        want = _spans(text, start, end, dates._date_starts)
        assert _spans(text, start, end, dates._date_tries) == want, (text, start, end)
        found += len(want)
    assert found > 1000


def test_tries_of_common_shapes() -> None:
    assert dates._date_tries("，12月5日", 0, 3) == [1]
    assert dates._date_tries("2022年12月5日", 0, 7) == [0, 5]
    assert dates._date_tries("截至911月", 0, 5) == [3]
    assert dates._date_tries("3月", 0, 1) == [0]
