"""_loud_lines scans a text of the basic plane as UTF-16-LE bytes: the lines and strings it finds are those
the scan of the UTF-8 bytes finds, on real texts and random strings built to spell the strings at odd byte
offsets (the high byte of one character and the low byte of the next), with characters beyond the plane and
lone surrogates."""

from __future__ import annotations

import random

from extract.article_lines import _loud_lines, _quiet
from extract.normalize import normalize


def _misaligned(word: str, rng: random.Random) -> str | None:
    """Characters whose UTF-16-LE bytes hold ``word``'s at an odd offset, or None (a surrogate on the way)."""
    data = bytes([rng.randrange(256)]) + word.encode("utf-16-le") + bytes([rng.randrange(256)])
    chars = [chr(data[i] | data[i + 1] << 8) for i in range(0, len(data), 2)]
    return None if any(0xD800 <= ord(c) < 0xE000 for c in chars) else "".join(chars)


def test_utf16_scan_finds_what_the_utf8_scan_finds(real_texts: list[str]) -> None:
    quiet = _quiet()
    assert quiet is not None and quiet.automaton16 is not None
    utf8 = quiet._replace(automaton16=None)
    rng = random.Random(16)
    odd = [m for w in quiet.words for _ in range(3) if (m := _misaligned(w, rng)) is not None]
    pieces = [*quiet.words, *odd, *"\n \u3000\t甲乙。", "\n\n", "𠀀", "新增确诊病例"]
    texts = [normalize(t).text for t in real_texts]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(4000)]
    scanned16 = 0
    for text in texts:
        got, want = _loud_lines(quiet, text), _loud_lines(utf8, text)
        assert got == want, text
        scanned16 += "𠀀" not in text
    assert scanned16 > 2000
    assert _loud_lines(quiet, "\ud800记者") is None  # a lone surrogate: each line is searched
    assert _loud_lines(quiet, "𠀀记者\n/") == {0: {"记者"}, 1: {"/"}}  # beyond the plane: the UTF-8 scan
