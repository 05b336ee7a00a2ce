"""start_words.holds and gate_starts (the gate words read from the shared start-word scan) against
``str.find`` over the same span, on real texts and on random strings spelling the gate words."""

from __future__ import annotations

import random

from extract.extractors import start_words
from extract.extractors.start_words import GATE_WORDS, gate_starts, holds


def _finds(text: str, word: str, start: int, end: int) -> list[int]:
    out = []
    q = text.find(word, start, end)
    while q >= 0:
        out.append(q)
        q = text.find(word, q + len(word), end)
    return out


def _check(text: str, start: int, end: int) -> None:
    for word in GATE_WORDS:
        assert holds(text, word, start, end) == (text.find(word, start, end) >= 0), (text, word, start, end)
        assert gate_starts(text, word, start, end) == _finds(text, word, start, end), (text, word, start, end)


def test_gates_are_the_finds_on_real_texts(real_texts: list[str]) -> None:
    rnd = random.Random(7)
    for text in real_texts:
        _check(text, 0, len(text))
        for _ in range(5):
            a, b = sorted(rnd.randrange(0, len(text) + 1) for _ in range(2))
            _check(text, a, b)


def test_gates_are_the_finds_on_random_strings() -> None:
    rnd = random.Random(29)
    pieces = [*GATE_WORDS, "任", "命", "记者", "者说", "人", "主持", "发布", "免", "被", "书记", "市长", "委", "召开",
              " ", "\n", "。", "\U0001f600", "a"]  # (no lone surrogate: the scan takes none, see test_scan16)
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 16)))
        start, end = sorted(rnd.randrange(0, len(text) + 2) for _ in range(2))
        _check(text, start, end)
        start_words._scan.cache_clear()
