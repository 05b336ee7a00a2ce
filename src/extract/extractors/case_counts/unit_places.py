"""Where a count number can end: the places the count pattern is tried at, found from its units.

:func:`.lexicon.count_places` scans the body backwards with the regex engine for a numeral, an
over-after qualifier (多, 余), blanks and a unit (例, 人, 名, 宗, 和, 及): ~180 instructions a character.
A unit stands ~20 times in a body; each is found by ``str.find`` and the few characters before it are
read in Python. The places are the same (tests/test_unit_places.py compares both).
"""

from __future__ import annotations

import functools

import regex

from ...anchored import std_compile
from ...prefilter import SPACES
from ..dates import CN_NUM
from .lexicon import count_places as scanned_places
from .lexicon import load_metric_lexicon

#: The characters that end a match of the count pattern's candidate (lexicon._count_candidate_re).
_UNITS = "例人名宗和及"
_CHINESE_NUMERALS = frozenset(CN_NUM)
#: A numeral of the candidate pattern: a digit of the regex engine (it knows the digits of newer Unicode
#: versions than str.isdecimal does: those are astral) or a Chinese numeral.
_NUMERAL = std_compile(rf"[\d{CN_NUM}]")


def _is_numeral(ch: str) -> bool:
    """Whether ``ch`` is a numeral of the candidate pattern, ``[\\d{CN_NUM}]`` (tested on every code point)."""
    return ch in _CHINESE_NUMERALS or ch.isdecimal() or (ch > "\uffff" and _NUMERAL.match(ch) is not None)


@functools.cache
def _qualifiers() -> frozenset[str] | None:
    """The over-after qualifiers (多, 余), when each is one character that is no unit, numeral or blank
    (else None: the pattern's scan is used)."""
    words = [p for p, v in load_metric_lexicon().qualifier.items() if v == "over_after"]
    if any(len(w) != 1 or regex.match(rf"[\d\s{CN_NUM}{_UNITS}]", w) for w in words):
        return None
    return frozenset(words)


def count_places(text: str, start: int, end: int) -> list[int]:
    """:func:`.lexicon.count_places`: the start of each match of the count candidate in ``text[start:end]``
    (the numeral before a unit, its qualifier and blanks), ascending.

    Read back from each unit: blanks (the engine's ``\\s``), at most one qualifier, then a numeral. A
    match holds one unit, its last character, so the matches are one per unit at most and never overlap.
    """
    qualifiers = _qualifiers()
    if qualifiers is None:
        return scanned_places(text, start, end)
    out: list[int] = []
    find = text.find
    for unit in _UNITS:
        u = find(unit, start, end)
        while u >= 0:
            k = u - 1
            while k >= start and text[k] in SPACES:
                k -= 1
            if k >= start:
                ch = text[k]
                if ch in qualifiers:
                    if k > start and _is_numeral(text[k - 1]):
                        out.append(k - 1)
                elif _is_numeral(ch):
                    out.append(k)
            u = find(unit, u + 1, end)
    out.sort()
    return out
