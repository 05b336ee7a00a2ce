"""Character prefilters for regular expressions: cheap necessary conditions for a match.

Derived from a pattern's syntax tree (the standard library's parser; the ``regex`` module's
version-0 syntax is the same for the constructs handled here), never written by hand, so a
rule edited in a data file keeps a sound prefilter or gets none:

- :func:`must_have`: a set of strings one of which every match contains (so a text
  containing none of them cannot match anywhere);
- :func:`first_chars`: the characters a non-empty match can start with (so a pattern
  matched at a line's start cannot match a line starting with anything else).

Either is ``None`` when the pattern gives no such set (a negated class, ``.``, ``\\w``, an
optional part, ``\\d`` or ``\\w``, a construct not analysed here, a cased letter of another script under
IGNORECASE): no prefilter, the pattern is always tried. ``tests/test_prefilter.py`` checks the
sets against the ``regex`` engine itself.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["first_chars", "must_have", "tokens"]

#: The standard library's regular-expression parser (``re._parser`` since Python 3.11).
_p: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

#: A class spelled by ranges wider than this is not worth a set.
_MAX_SET = 4096
#: The characters beside its two cases that may match an ASCII letter under IGNORECASE:
#: KELVIN SIGN, LATIN SMALL LETTER LONG S, dotted capital I and dotless small i.
_ASCII_FOLDS = {"k": "\u212a", "s": "\u017f", "i": "\u0130\u0131"}
_FLAGS_OK = re.IGNORECASE | re.UNICODE | re.VERBOSE | re.MULTILINE | re.DOTALL


class _Give(Exception):
    """The pattern gives no set."""


def _cased(ch: str, ignorecase: bool) -> frozenset[str]:
    """``ch`` and what may match it under ``ignorecase``."""
    if not ignorecase or (ch.lower() == ch == ch.upper() and ch.casefold() == ch):
        return frozenset(ch)
    if ch.isascii() and ch.isalpha():
        return frozenset(ch.lower() + ch.upper() + _ASCII_FOLDS.get(ch.lower(), ""))
    raise _Give


#: Every character ``\\s`` matches in the ``regex`` engine (Unicode White_Space; the test checks it).
SPACES = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def _class(items: list[tuple[Any, Any]], ignorecase: bool) -> frozenset[str]:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out |= _cased(chr(av), ignorecase)
        elif op is _c.RANGE and av[1] - av[0] < _MAX_SET:
            for code in range(av[0], av[1] + 1):
                out |= _cased(chr(code), ignorecase)
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            out |= SPACES  # no cased letter among them
        else:  # NEGATE, \d, \w (their Unicode sets are the regex module's own), a wide range …
            raise _Give
    return frozenset(out)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two sets of strings: the longer shortest string, then fewer strings."""
    if a is None or b is None:
        return a if b is None else b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


#: At most this many spellings of a run of literals under IGNORECASE (Copyright has 6**9).
_MAX_SPELLINGS = 64


def _must(seq: Any, ic: bool) -> frozenset[str] | None:
    """Strings one of which every match of the sequence ``seq`` contains, or None."""
    best: frozenset[str] | None = None
    run: frozenset[str] = frozenset()  # consecutive literals: a match holds them together (each spelling)
    for op, av in seq:
        if op is _c.LITERAL:
            try:
                chars = _cased(chr(av), ic)
            except _Give:
                chars = frozenset()
            if chars:
                if run and len(run) * len(chars) <= _MAX_SPELLINGS:
                    run = frozenset(r + c for r in run for c in chars)
                else:
                    best, run = _better(best, run or None), chars
                continue
        best, run = _better(best, run or None), frozenset()
        found: frozenset[str] | None = None
        try:
            if op is _c.IN:
                found = _class(av, ic)
            elif op is _c.BRANCH:
                alts = [_must(alt, ic) for alt in av[1]]
                if all(a is not None for a in alts):
                    found = frozenset().union(*alts)  # type: ignore[arg-type]
            elif op is _c.SUBPATTERN:
                found = _must(av[3], _flags(ic, av[1], av[2]))
            elif op is _c.ATOMIC_GROUP:
                found = _must(av, ic)
            elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
                found = _must(av[2], ic)
        except _Give:
            found = None
        best = _better(best, found)
    return _better(best, run or None)


def _first(seq: Any, ic: bool) -> tuple[frozenset[str], bool]:
    """The chars a match of ``seq`` can start with, and whether it can match empty; raises _Give."""
    out: set[str] = set()
    for op, av in seq:
        if op is _c.AT:
            continue  # zero width
        if op is _c.LITERAL:
            return frozenset(out | _cased(chr(av), ic)), False
        if op is _c.IN:
            return frozenset(out | _class(av, ic)), False
        if op is _c.BRANCH:
            nullable = False
            for alt in av[1]:
                chars, empty = _first(alt, ic)
                out |= chars
                nullable = nullable or empty
        elif op is _c.SUBPATTERN:
            chars, nullable = _first(av[3], _flags(ic, av[1], av[2]))
            out |= chars
        elif op is _c.ATOMIC_GROUP:
            chars, nullable = _first(av, ic)
            out |= chars
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            if av[1] == 0:
                continue
            chars, nullable = _first(av[2], ic)
            out |= chars
            nullable = nullable or av[0] == 0
        else:  # ANY, NOT_LITERAL, look-arounds, back-references …
            raise _Give
        if not nullable:
            return frozenset(out), False
    return frozenset(out), True


def _flags(ic: bool, add: int, remove: int) -> bool:
    if (add | remove) & ~_FLAGS_OK:
        raise _Give
    return bool(add & re.IGNORECASE) or (ic and not remove & re.IGNORECASE)


#: Syntax the ``regex`` module reads otherwise than the standard parser without an error:
#: POSIX classes ([[:alpha:]]), fuzzy constraints ({e<=1}), version-1 set operations.
_REGEX_ONLY = re.compile(r"\[:\^?[A-Za-z]+:\]|\{[^\d,]|V1|&&|--|~~|\|\|")


def tokens(pattern: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, kind)`` of each token of ``pattern``, read as the parsers read it: ``escape`` (a
    backslash and the character after it), ``property`` (``\\p{Han}``, ``\\pL``; ``broken`` when its
    brace never closes), ``class_open`` (``[``, ``[^``, ``[]``, ``[^]``: the characters that open a class
    and may not close it), ``class`` (a character inside a class, its closing ``]`` included) and ``char``."""
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and pattern[i + 1 : i + 2] in ("p", "P"):
            end = pattern.find("}", i) + 1 if pattern.startswith("{", i + 2) else i + 3
            yield (i, end, "property") if end > i else (i, i + 2, "broken")
            i = max(end, i + 2)
        elif c == "\\":
            yield i, i + 2, "escape"
            i += 2
        elif in_class:
            in_class = c != "]"
            yield i, i + 1, "class"
            i += 1
        elif c == "[":
            in_class = True
            skip = 1 + pattern.startswith("^", i + 1)
            skip += pattern.startswith("]", i + skip)
            yield i, i + skip, "class_open"
            i += skip
        else:
            yield i, i + 1, "char"
            i += 1


def _loosen(pattern: str) -> str | None:
    """``pattern`` with each Unicode property outside a class (``\\p{Han}``, which the standard parser
    does not know) made any character: it matches more, so what it must hold the original must hold.
    None for a property inside a class."""
    out, in_class = [], False
    for start, end, kind in tokens(pattern):
        if kind in ("property", "broken"):
            if in_class or kind == "broken":
                return None
            out.append("(?s:.)")
            continue
        if kind == "class_open":
            in_class = True
        elif kind == "class":
            in_class = pattern[start] != "]"
        out.append(pattern[start:end])
    return "".join(out)


@functools.lru_cache(maxsize=64)  # first_chars and must_have of one pattern parse it once
def _parse(pattern: str, flags: int) -> tuple[Any, bool] | None:
    if "\\p" in pattern or "\\P" in pattern:
        loose = _loosen(pattern)
        if loose is None:
            return None
        pattern = loose
    if flags & ~int(_FLAGS_OK) or _REGEX_ONLY.search(pattern):
        return None
    try:
        tree = _p.parse(pattern, flags & int(_FLAGS_OK))
    except (re.error, OverflowError, RecursionError):
        return None
    every = tree.state.flags
    if every & ~int(_FLAGS_OK):
        return None
    return tree, bool(every & re.IGNORECASE)


def must_have(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """A set of strings one of which every match of ``pattern`` contains, or None.

    >>> sorted(must_have(r"(?:电话|传真)\\s*[::]"))
    ['传真', '电话']
    >>> sorted({s.lower() for s in must_have(r"打开APP|下载APP|Copyright", re.I)})  # each spelling
    ['copyr', '下载app', '打开app']
    >>> must_have(r"^[^。]{1,20}(?:>|/)?$") is None
    True
    """
    parsed = _parse(pattern, flags)
    if parsed is None:
        return None
    try:
        return _must(parsed[0], parsed[1])
    except (_Give, RecursionError):
        return None


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or None (also when it can match empty).

    >>> first_chars(r"^[【\\[]?(?:字号|字体)") == frozenset("【[字")
    True
    """
    parsed = _parse(pattern, flags)
    if parsed is None:
        return None
    try:
        chars, nullable = _first(parsed[0], parsed[1])
    except (_Give, RecursionError):
        return None
    return None if nullable else chars
