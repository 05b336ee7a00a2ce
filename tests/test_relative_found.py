"""The dates' relative words found by the case-count reader's automaton pass (``regions.reader_hits``)
are every occurrence of every word, and ``find_dates`` given them (``relative_words_found``) finds what
it finds by its own search: on the real texts of the repository, in random windows, and on random
strings of relative words, their pieces, hour windows and filler."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from extract.extractors import dates
from extract.extractors.case_counts.regions import reader_hits

ROOT = Path(__file__).resolve().parents[1]
REF = dt.date(2022, 4, 2)


def _every(text: str, start: int, end: int) -> list[int]:
    return sorted({i for w in dates._RELATIVE_WORDS for i in range(start, end - len(w) + 1) if text.startswith(w, i)})


def _both(text: str, start: int, end: int) -> None:
    starts = reader_hits(text, start, end).relative
    assert starts == _every(text, start, end), text
    dates._found_relative.clear()
    own = dates._find_dates.__wrapped__(text, REF, start, end)
    dates.relative_words_found(text, start, end, starts)
    assert dates._find_dates.__wrapped__(text, REF, start, end) == own, text
    dates._found_relative.clear()


def test_real_texts(gated_texts: list[str]) -> None:
    rng = random.Random(5)
    for text in gated_texts:
        _both(text, 0, len(text))
        for _ in range(3):
            a = rng.randint(0, len(text))
            _both(text, a, rng.randint(a, len(text)))


def test_random_strings() -> None:
    rng = random.Random(6)
    words = list(dates._RELATIVE_WORDS)
    fillers = ["0-24时", "凌晨0时至24时", " ", "，", "日", "天", "3月1日", "一", "前", "当", "12"]
    for _ in range(2000):
        parts = []
        for _ in range(rng.randint(1, 8)):
            w = rng.choice(words)
            r = rng.random()
            parts.append(w if r < 0.4 else w[: rng.randint(1, len(w))] if r < 0.6 else rng.choice(fillers))
        text = "".join(parts)
        _both(text, 0, len(text))
        a = rng.randint(0, len(text))
        _both(text, a, rng.randint(a, len(text)))


def test_other_text_searches() -> None:
    # Starts handed in for another text (or window) are not used.
    dates.relative_words_found("别的", 0, 2, [])
    assert [d.relative for d in dates.find_dates("昨日新增", REF)] == [("article", -1)]
    dates._found_relative.clear()
