"""Regex on hot paths: a pattern's scan tried only where a match can start (the extractors' anchored
scans), and groups read by number."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import overload

import regex

#: A compiled pattern of either engine, and its match (the extractors use both; see :func:`std_compile`).
AnyPattern = re.Pattern[str] | regex.Pattern[str]
AnyMatch = re.Match[str] | regex.Match[str]

#: The members of the ``regex`` module's ``\s`` and ``\d``, written for a class of either engine: the
#: standard ``\s`` also holds U+001C–U+001F, and the ``regex`` module's ``\d`` holds the digits of newer
#: Unicode versions (tests/test_anchored.py compares both with every code point).
_SPACE = r"\t-\r\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_DIGIT = (r"\d\U00010d40-\U00010d49\U000116d0-\U000116e3\U00011bf0-\U00011bf9\U00011de0-\U00011de9"
          r"\U00011f50-\U00011f59\U00016130-\U00016139\U00016d70-\U00016d79\U0001ccf0-\U0001ccf9"
          r"\U0001e4f0-\U0001e4f9\U0001e5f1-\U0001e5fa")
#: The same members as the class's characters themselves (not escapes): what :func:`std_compile` writes,
#: for the standard parser reads a character several times faster than an escape (\d stays one).
_SPACE_CHARS = _SPACE.encode("ascii").decode("unicode_escape")
_DIGIT_CHARS = r"\d" + _DIGIT[2:].encode("ascii").decode("unicode_escape")
#: The ``regex`` module's ``\s`` outside a class: the standard ``\s`` but U+001C–U+001F. A negated class of
#: the standard category compiles in a small fraction of the time of the members' class (~350 of them in
#: the package's patterns: a class of characters beyond Latin-1 is built as a 64 K bitmap at compile time).
_SPACE_OUTSIDE = r"[^\S\x1c-\x1f]"
#: Escapes whose meaning differs between the engines or exists in one only.
_UNSAFE_ESCAPES = frozenset("wWbBpPXmMGKLNSDAZ")
#: Group openings both engines read alike (non-capturing, named, lookarounds, comments).
_SAFE_GROUPS = ("(?:", "(?P<", "(?P=", "(?=", "(?!", "(?<=", "(?<!", "(?#")


def std_compile(source: str, *, verbose: bool = False) -> re.Pattern[str]:
    r"""``source`` (written for the ``regex`` module) compiled by the standard ``re`` module, meaning the same.

    A call of a small pattern costs the ``regex`` module about three times the instructions of ``re``
    (its set-up per call); the hot small patterns of the case counts are literal text, classes and
    quantifiers, which both engines read alike, save ``\s`` and ``\d``: they are written out as the
    ``regex`` module's members. Anything else one engine reads otherwise (``\w``, ``\b``, Unicode
    properties, reverse, atomic or possessive matching, flags) raises ``ValueError``. ``verbose``: the
    source is written with ``VERBOSE`` (blanks and ``#`` comments outside classes are not matched).
    """
    out: list[str] = []
    in_class = False
    first = 0  # where the open class's members start (a "]" there is a member)
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            e = source[i + 1]
            if e in _UNSAFE_ESCAPES:
                raise ValueError(f"\\{e} differs between re and regex: {source!r}")
            if e == "s":
                out.append(_SPACE_CHARS if in_class else _SPACE_OUTSIDE)
            elif e == "d":
                out.append(_DIGIT_CHARS if in_class else f"[{_DIGIT_CHARS}]")
            else:
                out.append(source[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "[" or source.startswith(("--", "&&", "||", "~~"), i):
                raise ValueError(f"a set operation or nested set: {source!r}")
            if c == "]" and i != first:
                in_class = False
        elif c == "[" and source.startswith(_SPACE_OUTSIDE, i):
            # What this function writes for \s, read again (a compiled pattern's text in a larger
            # source): the same members in either engine.
            out.append(_SPACE_OUTSIDE)
            i += len(_SPACE_OUTSIDE)
            continue
        elif c == "[":
            in_class = True
            first = i + 2 if source.startswith("^", i + 1) else i + 1
        elif c == "(" and source.startswith("(?", i) and not source.startswith(_SAFE_GROUPS, i):
            raise ValueError(f"a group only one engine reads alike: {source!r}")
        elif c in "*+?}" and source.startswith("+", i + 1):
            raise ValueError(f"a possessive quantifier: {source!r}")
        out.append(c)
        i += 1
    compiled = re.compile("".join(out), re.VERBOSE if verbose else 0)
    STD_PATTERNS.append((source, verbose, compiled))
    return compiled


#: Every pattern :func:`std_compile` made, with its source and whether it is verbose (tests compare
#: each with the ``regex`` module's).
STD_PATTERNS: list[tuple[str, bool, re.Pattern[str]]] = []


@overload
def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int], end: int) -> Iterator[re.Match[str]]: ...
@overload
def matches_at(pattern: regex.Pattern[str], text: str, starts: Iterable[int], end: int) -> Iterator[regex.Match[str]]: ...
def matches_at(pattern: AnyPattern, text: str, starts: Iterable[int], end: int) -> Iterator[AnyMatch]:
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
def group_numbers(pattern: AnyPattern, *names: str) -> tuple[int, ...] | None:
    """The numbers of the groups ``names`` of ``pattern``, ``None`` when it lacks one of them.

    A match finds a group by its number several times faster than by its name (the regex module looks
    a name up through a copy of the pattern's table of names): patterns read for every date or count
    number of every article are read by number. (Cached by the pattern: for one of the standard ``re``
    module, whose hash covers its whole program, cache the answer by identity instead, see
    ``case_counts.lexicon.count_groups``.)
    """
    index = pattern.groupindex
    return tuple(index[n] for n in names) if all(n in index for n in names) else None
