"""Regex on hot paths: a pattern's scan tried only where a match can start (the extractors' anchored
scans), and groups read by number."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import regex


def matches_at(pattern: regex.Pattern[str], text: str, starts: Iterable[int], end: int) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text, s, end)`` when every match can only start at one of ``starts``.

    ``starts`` are ascending positions at or after ``s`` (an automaton's hits, the words a pattern's
    alternatives begin with); as in a scan, a match hides the starts it covers. The pattern sees the
    whole text, so its lookbehinds behave as in ``finditer``.
    """
    pos = -1
    match = pattern.match
    for p in starts:
        if p >= end:
            break
        if p < pos:
            continue
        m = match(text, p, end)
        if m is not None:
            pos = m.end()
            yield m


def char_positions(text: str, chars: str, start: int, end: int) -> list[int]:
    """Every position in ``text[start:end]`` holding one of the characters ``chars``, ascending.

    One ``str.find`` loop per character: a search for one character costs a small fraction of an
    engine's scan of the text for a class of characters, and most bodies hold the few characters a
    rare pattern's matches start with (or end their first part with) a handful of times at most.
    """
    out: list[int] = []
    find = text.find
    for ch in chars:
        q = find(ch, start, end)
        while q >= 0:
            out.append(q)
            q = find(ch, q + 1, end)
    if len(chars) > 1:
        out.sort()
    return out


@functools.cache
def group_numbers(pattern: regex.Pattern[str], *names: str) -> tuple[int, ...] | None:
    """The numbers of the groups ``names`` of ``pattern``, ``None`` when it lacks one of them.

    A match finds a group by its number several times faster than by its name (the regex module looks
    a name up through a copy of the pattern's table of names): patterns read for every date or count
    number of every article are read by number.
    """
    index = pattern.groupindex
    return tuple(index[n] for n in names) if all(n in index for n in names) else None
