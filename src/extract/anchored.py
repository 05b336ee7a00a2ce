"""A pattern's scan tried only where a match can start (the extractors' anchored scans)."""

from __future__ import annotations

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
