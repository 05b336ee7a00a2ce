"""The reader's automaton pass over UTF-16-LE bytes (``regions._occurrences``) finds every occurrence
the automaton for ``str`` finds, and no other: on the real texts of the repository, in random windows,
and on random strings built to hold the words at odd byte offsets (the high byte of one character and
the low byte of the next spelling a word's code units), beyond the basic plane and with lone surrogates."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from extract.extractors.case_counts.regions import _metric_region_ac, _metric_region_words, _occurrences

ROOT = Path(__file__).resolve().parents[1]


def _by_str(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    return sorted(_metric_region_ac()[0].find_matches_as_indexes(text[start:end], overlapping=True))


def test_real_texts(gated_texts: list[str]) -> None:
    rng = random.Random(3)
    for text in gated_texts:
        assert sorted(_occurrences(text, 0, len(text))) == _by_str(text, 0, len(text))
        for _ in range(5):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            assert sorted(_occurrences(text, a, b)) == _by_str(text, a, b)


def _misaligned(word: str, rng: random.Random) -> str:
    """Characters whose UTF-16-LE bytes hold ``word``'s bytes at an odd offset (when they decode)."""
    data = bytes([rng.randrange(256)]) + word.encode("utf-16-le") + bytes([rng.randrange(256)])
    try:
        return data.decode("utf-16-le")
    except UnicodeDecodeError:
        return ""


def test_random_strings() -> None:
    rng = random.Random(4)
    words = _metric_region_words()[0]
    fillers = ["，", "例", "。", "\n", " ", "𠀀", "1", "a", "中"]
    traps = 0
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 8)):
            w = rng.choice(words)
            r = rng.random()
            if r < 0.3:
                trap = _misaligned(w, rng)
                traps += bool(trap)
                parts.append(trap)
            elif r < 0.5:
                parts.append(w[: rng.randint(1, len(w))])
            elif r < 0.8:
                parts.append(w)
            else:
                parts.append(rng.choice(fillers))
        text = "".join(parts)
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        assert sorted(_occurrences(text, a, b)) == _by_str(text, a, b), text
        assert sorted(_occurrences(text, 0, len(text))) == _by_str(text, 0, len(text)), text
    assert traps > 100


def test_lone_surrogate() -> None:
    # The automaton for str refuses a lone surrogate; so does the pass (through it).
    with pytest.raises(Exception) as by_str:
        _by_str("确诊病例\ud800", 0, 5)
    with pytest.raises(type(by_str.value)):
        _occurrences("确诊病例\ud800", 0, 5)
