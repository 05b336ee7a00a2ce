"""The date finder's cheaper steps: DateMention as a named tuple keeps the frozen dataclass's fields,
defaults, value equality, hash and immutability; _may_end_bare_day, reading each character once, answers
as its first version on random strings of its pieces."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from extract.extractors import dates
from extract.extractors.dates import DateMention


def _may_end_bare_day_first(text: str, q: int) -> bool:
    """_may_end_bare_day as it was (each test indexing the text again)."""
    k = q - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k >= 0 and text[k] in dates._UNITS_OF_TWENTIES and k > 0 and text[k - 1] in "廿卅":
        k -= 2
    elif k >= 0 and text[k] in "廿卅":
        k -= 1
    elif k < 0 or not text[k].isdigit():
        return False
    else:
        k -= 1
        if k >= 0 and text[k].isdigit():
            k -= 1
    while k >= 0 and text[k].isspace():
        if text[k] in dates._BARE_DAY_BEFORE_CHARS:
            return True
        k -= 1
    return k < 0 or text[k] in dates._BARE_DAY_BEFORE_CHARS


def test_bare_day_precheck_is_the_first_version() -> None:
    rng = random.Random(30)
    pieces = ["1", "2", "9", "١", "²", " ", "\u3000", "\n", "\t", "\x1c", "日", "号", "月", "较", "至", "截至", "截止",
              "、", "，", "(", "（", "和", "在", "廿", "卅", "四", "一", "十", "当", ""]
    trues = 0
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        for q in range(len(text)):
            got = dates._may_end_bare_day(text, q)
            assert got == _may_end_bare_day_first(text, q), (text, q)
            trues += got
    assert trues > 1000


def test_date_mention_value_semantics() -> None:
    m = DateMention(3, 9, dt.date(2022, 12, 1), 12, 1, hours=(0, 24))
    assert (m.start, m.end, m.date, m.month, m.day, m.relative, m.hours, m.year_written, m.through) == (
        3, 9, dt.date(2022, 12, 1), 12, 1, None, (0, 24), False, None)
    assert DateMention._fields == ("start", "end", "date", "month", "day", "relative", "hours", "year_written", "through")
    same = DateMention(start=3, end=9, date=dt.date(2022, 12, 1), month=12, day=1, hours=(0, 24))
    assert m == same and hash(m) == hash(same) and len({m, same}) == 1
    assert m != DateMention(3, 9, dt.date(2022, 12, 1), 12, 1)
    assert repr(DateMention(0, 2, None)) == (
        "DateMention(start=0, end=2, date=None, month=None, day=None, relative=None, hours=None, "
        "year_written=False, through=None)")
    with pytest.raises(AttributeError):
        m.start = 4  # type: ignore[misc]
