"""The gazetteer's scan of a text as UTF-16-LE bytes (gazetteer._scan) finds what the automaton for
``str`` finds: on real texts and on random strings built to spell gazetteer words at odd byte offsets,
with characters beyond the basic plane and lone surrogates (which go the ``str`` way)."""

from __future__ import annotations

import random

import pytest

from extract import gazetteer
from extract.gazetteer import load_gazetteer


def _found(text: str) -> list[tuple[int, int, int]]:
    """The occurrences ``gazetteer._scan`` reports, as character offsets."""
    found, halved = gazetteer._scan(load_gazetteer(), text)
    if not halved:
        return sorted(found)
    return sorted((k, s >> 1, e >> 1) for k, s, e in found if not s & 1)


def _want(text: str) -> list[tuple[int, int, int]]:
    return sorted(load_gazetteer().scan_automaton[0].find_matches_as_indexes(text, overlapping=True))


def test_scan16_is_built_and_same_words() -> None:
    gaz = load_gazetteer()
    assert gaz.scan_automaton16 is not None
    assert len(gaz.scan_words[0]) == len(gaz.scan_words[1])


def test_utf16_scan_is_the_str_scan_on_real_texts(real_texts: list[str]) -> None:
    for text in real_texts:
        assert _found(text) == _want(text)


def _odd(word: str, rnd: random.Random) -> str:
    """Characters whose UTF-16-LE bytes spell ``word`` from an odd offset (high byte of one character,
    low byte of the next), or "" when one of them would be a surrogate."""
    b = word.encode("utf-16-le")
    units = [rnd.randrange(0x20, 0x100) | b[0] << 8]
    units += [b[i + 1] << 8 | b[i] for i in range(1, len(b) - 1, 2)]
    units.append(rnd.randrange(0x4E, 0x9F) << 8 | b[-1])
    return "" if any(0xD800 <= u <= 0xDFFF for u in units) else "".join(map(chr, units))


def test_odd_offsets_astral_characters_and_surrogates() -> None:
    rnd = random.Random(41)
    words = load_gazetteer().scan_words[0]
    sample = rnd.sample(words, 300)
    pieces = ["", "、", "1例", " ", "\n", "a", "\U0001f600"]
    for _ in range(3000):
        parts = []
        for _ in range(rnd.randrange(0, 8)):
            word = rnd.choice(sample)
            parts.append(rnd.choice([word, _odd(word, rnd), _odd(word, rnd) + word, rnd.choice(pieces)]))
        text = "".join(parts)
        assert _found(text) == _want(text), text
    odd = "".join(_odd(w, rnd) for w in sample[:50])
    assert _found(odd) == _want(odd)
    found, halved = gazetteer._scan(load_gazetteer(), odd)
    assert halved and any(s & 1 for _, s, _ in found)  # the scan met words at odd offsets, and dropped them
    with pytest.raises(UnicodeEncodeError):  # a lone surrogate: the str scan refuses it, as before
        _found("重庆\ud800")
