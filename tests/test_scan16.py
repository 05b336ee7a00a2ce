"""Scans of a text as UTF-16 bytes (extract.scan16) report what the automaton for ``str`` reports: the
officials' and meetings' start words on real texts and on random strings built to hold words at odd
byte offsets, characters beyond the basic plane and lone surrogates."""

from __future__ import annotations

import random

import ahocorasick_rs
import pytest

from extract import scan16
from extract.extractors import start_words


def _both(ac: ahocorasick_rs.AhoCorasick, ac16: ahocorasick_rs.BytesAhoCorasick | None, text: str) -> None:
    try:
        want = sorted(ac.find_matches_as_indexes(text, overlapping=True))
    except UnicodeEncodeError:  # (a lone surrogate: the str scan refuses the text, and so does this one)
        with pytest.raises(UnicodeEncodeError):
            scan16.occurrences(ac, ac16, text)
        return
    assert sorted(scan16.occurrences(ac, ac16, text)) == want, text


def test_start_words_as_utf16_are_the_str_scan(real_texts: list[str]) -> None:
    auto = start_words._automaton()
    assert auto.automaton16 is not None
    for text in real_texts:
        _both(auto.automaton, auto.automaton16, text)


def test_odd_offsets_astral_characters_and_surrogates() -> None:
    rnd = random.Random(31)
    words = ["书记", "市长", "召开", "委", "会", "\u4e66", "ab", "\u0100\u0200"]
    ac = ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.DFA)
    ac16 = scan16.automaton16(words, ahocorasick_rs.Implementation.DFA)
    assert ac16 is not None
    # Characters whose UTF-16 bytes, read across a boundary, spell a word's code unit: 书 is U+4E66, so
    # U+xx4E followed by U+66xx holds b"\x66\x4e" at an odd offset.
    pieces = words + ["\u664e", "\u4e4e", "\u6666", "\u0100", "\u0002", "a", "b", "。", " ", "\U0001f600", "\ud800"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 20)))
        _both(ac, ac16, text)
    assert scan16.automaton16(["\U0001f600"]) is None
