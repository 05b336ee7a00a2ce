"""reference_date finds where a full date's part can start from the separator after its year (str.find
of 年 - / .), not by a search of the engine over the whole body: it gives the date the search gave, on
random strings of the pattern's pieces (blanks, digits, separators, other characters) and windows."""

from __future__ import annotations

import datetime as dt
import random

from extract.extractors import dates


def _reference_date_searching(text: str, start: int, end: int) -> dt.date | None:
    """reference_date of an undated article as it was: _FULL_DATE_PART searched for from the last try on."""
    pos = start
    while (part := dates._FULL_DATE_PART.search(text, pos, end)) is not None:
        m = dates._FULL_DATE.match(text, part.start(), end)
        if m is None:
            pos = part.start() + 1
            continue
        try:
            return dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        except ValueError:
            pos = m.end()
    return None


def _starts_searching(text: str, start: int, end: int) -> list[int]:
    """Every place in ``text[start:end]`` where _FULL_DATE_PART matches."""
    return [p for p in range(start, end) if dates._FULL_DATE_PART.match(text, p, end) is not None]


def test_separator_starts_find_every_part() -> None:
    rng = random.Random(30)
    pieces = ["19", "20", "2", "0", "1", "9", "3", "12", "31", "99", "年", "月", "日", "-", "/", ".", " ", "\u3000",
              "\n", "\t", "\x1c", "２", "٣", "新增", "，", "a"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        parts = _starts_searching(text, start, end)
        starts = dates._full_date_starts(text, start, end)
        assert set(parts) <= set(starts), (text, start, end)
        assert starts == sorted(set(starts))
        assert dates.reference_date(text, None, start, end) == _reference_date_searching(text, start, end), (text, start, end)


def test_written_dates() -> None:
    for text, want in [
        ("2020年1月28日0—24时，…截至1月28日24时", dt.date(2020, 1, 28)),
        ("截至1月28日24时", None),
        ("发布于 2022 - 11 - 30 ，另 2023.2.29 与 2021/2/3", dt.date(2022, 11, 30)),
        ("2023.2.29 与 2021/2/3", dt.date(2021, 2, 3)),
        ("12020年1月2日 与 2019年13月1日", None),
    ]:
        assert dates.reference_date(text, None) == want == _reference_date_searching(text, 0, len(text)), text
