"""Spellings chosen to make a process's start cheaper mean what they replace.

Each pattern here is written so that the standard ``re`` compiler does less work at import; it is
held against the spelling it replaced on every code point.
"""

from __future__ import annotations

import re

from extract import normalize as nm


def _members(pattern: re.Pattern[str]) -> list[int]:
    return [c for c in range(0x110000) if pattern.match(chr(c)) is not None]


def test_normalize_classes_are_the_negated_ones() -> None:
    assert _members(nm._NOT_BULK) == _members(re.compile("[^\x20-\ud7ff\ue000-\uffff]"))
    assert _members(nm._ASKED) == _members(re.compile("[^\t\n\r\x20-\ud7ff\ue000-\uffff]"))
