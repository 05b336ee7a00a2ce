"""_split_lines looks up the strings of _Quiet each line holds by the offset at which the line starts
(_loud_starts: a match's line starts after the last line break before it). On real texts and random
strings of the strings, blanks and line breaks, with characters beyond the basic plane (the UTF-8 scan),
each line's set is the strings a search of the line finds, and no other key is given."""

from __future__ import annotations

import random

from extract.article_lines import _loud_starts, _quiet
from extract.normalize import normalize


def _by_search(words: tuple[str, ...], text: str) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    pos = 0
    for line in text.split("\n"):
        found = {w for w in words if w in line}
        if found:
            out[pos] = found
        pos += len(line) + 1
    return out


def test_loud_starts_are_the_lines_a_search_finds(real_texts: list[str]) -> None:
    quiet = _quiet()
    assert quiet is not None and quiet.automaton16 is not None
    rng = random.Random(31)
    pieces = [*quiet.words, *"\n \u3000\t甲乙。", "\n\n", "  \n", "𠀀", "新增确诊病例"]
    texts = [normalize(t).text for t in real_texts]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        assert _loud_starts(quiet, text) == _by_search(quiet.words, text), text
    assert _loud_starts(quiet, "\ud800记者") is None  # a lone surrogate: each line is searched
