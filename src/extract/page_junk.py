"""Page-junk rules (``data/page_junk.tsv``): the lines to drop wherever they stand and the lines a
body ends before, compiled once and filed so that a line is tried only on the rules that can match it
(:class:`_Rules`); :mod:`.article` classifies every line with them."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from .errors import ResourceError
from .prefilter import first_chars, must_have, tokens
from .resources import read_data, tsv_rows


class _Rule(NamedTuple):
    """One junk rule (or an alternation of those without a prefilter) and its prefilter."""

    pattern: regex.Pattern[str]
    anchored: bool  # matched at the line's start, else searched
    must: re.Pattern[str] | None  # finds a string every match holds (prefilter.must_have), for a gated rule
    #: For an anchored rule without a prefilter: whether a match may start with a character
    #: (:func:`_may_start`), filled as lines starting with it come.
    starts: dict[str, bool] | None = None
    #: For a gated rule: the strings ``must`` finds (a line holding none of them cannot match).
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Rules:
    """One action's rules, each searched alone (a rule starting ``^`` fails at once elsewhere; one
    alternation of the anchored rules made the ``regex`` module try every rule at every position).
    A rule anchored at the line's start (``^…``, each top-level alternative of it) is filed by the
    characters a match can start with (:func:`prefilter.first_chars`): a line is tried only on the
    rules its first character may start. Any other rule is tried only on a line holding one of the
    strings every match of it holds (:func:`prefilter.must_have`, found by the standard engine's
    literal search), and ``gate`` (those strings of every such rule) skips them all at once. Rules
    for which the pattern gives neither are joined in alternations (matched at 0 / searched)."""

    by_first: dict[str, tuple[_Rule, ...]]
    gated: tuple[_Rule, ...]  # the other rules with a ``must`` set
    gate: re.Pattern[str] | None  # any string of the ``must`` sets of ``gated``
    always: tuple[_Rule, ...]  # the rules without a prefilter, tried on every line
    #: The strings ``gate`` finds, as written (for a caller scanning a whole text for them at once).
    gate_words: tuple[str, ...] = ()
    #: The gated rules by each of their strings (a rule under each string of its ``must`` set).
    by_word: dict[str, tuple[_Rule, ...]] = field(default_factory=dict)

    def any_always(self, line: str) -> bool:
        """Whether a rule without a prefilter matches (all that can when the prefilters reject the line)."""
        for r in self.always:
            if r.starts is not None:
                first = line[:1]
                may = r.starts.get(first)
                if may is None:
                    may = r.starts[first] = _may_start(r.pattern, first)
                if not may:
                    continue
            if (r.pattern.match(line) if r.anchored else r.pattern.search(line)) is not None:
                return True
        return False

    def may_always(self, first: str) -> bool:
        """Whether a rule without a prefilter may match a line starting with ``first``: false for most
        first characters (the one such rule, a bare number, starts with a digit), so a caller skips
        :meth:`any_always` at once."""
        for r in self.always:
            if r.starts is None:
                return True
            may = r.starts.get(first)
            if may is None:
                may = r.starts[first] = _may_start(r.pattern, first)
            if may:
                return True
        return False

    def may_open(self, prefix: str) -> bool:
        """Whether a rule filed by first character or without a prefilter may match a line starting with
        ``prefix`` (its first characters): each of them matches at a line's start only (or is searched,
        and then may), so a line starting with a prefix of which no match can start (a partial match of
        the prefix is a prefix of some match) fails them all. Most lines starting with a character a rule
        starts with go on as none does (中国 against 中 of the font-size widgets, 第二 against 第…页)."""
        for rule in self.by_first.get(prefix[:1], ()):
            if rule.pattern.match(prefix, partial=True) is not None:
                return True
        for r in self.always:
            if r.starts is None or r.pattern.match(prefix, partial=True) is not None:
                return True
        return False

    def any_found(self, line: str, found: Collection[str]) -> bool:
        """:meth:`any` for a line in which ``found`` are all the gate's strings it holds (the caller's
        scan found them): only the gated rules of those strings are tried (:attr:`by_word`)."""
        for rule in self.by_first.get(line[:1], ()):
            if (rule.pattern.match(line) if rule.anchored else rule.pattern.search(line)) is not None:
                return True
        by_word = self.by_word
        for word in found:
            for rule in by_word.get(word, ()):
                if rule.pattern.search(line) is not None:
                    return True
        return self.any_always(line)

    def any_ungated(self, line: str) -> bool:
        """:meth:`any` for a line that holds none of the gate's strings: only the rules filed by its
        first character and those without a prefilter can match."""
        for rule in self.by_first.get(line[:1], ()):
            if (rule.pattern.match(line) if rule.anchored else rule.pattern.search(line)) is not None:
                return True
        return self.any_always(line)

    def any(self, line: str) -> bool:
        gated = self.gated if self.gate is not None and self.gate.search(line) else ()
        for rules in (self.by_first.get(line[:1], ()), gated, self.always):
            for rule in rules:
                if rule.must is not None and rule.must.search(line) is None:
                    continue
                if (rule.pattern.match(line) if rule.anchored else rule.pattern.search(line)) is not None:
                    return True
        return False


def _may_start(pattern: regex.Pattern[str], first: str) -> bool:
    """Whether a match of ``pattern`` at a line's start can begin with ``first`` (its first character):
    a partial match of ``first`` alone is a prefix of some match. Most lines start with no digit, so
    the one rule with no prefilter (a bare number) need not be tried on them."""
    return pattern.match(first, partial=True) is not None


@dataclass(frozen=True)
class _JunkRules:
    drop: _Rules
    end: _Rules

    def drops(self, line: str) -> bool:
        return self.drop.any(line)

    def ends(self, line: str) -> bool:
        return self.end.any(line)


def _alternatives(pattern: str) -> list[str]:
    """``pattern`` split at each ``|`` outside every group and character class."""
    depth, cut = 0, 0
    out = []
    for start, _, kind in tokens(pattern):
        if kind != "char":
            continue
        c = pattern[start]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[cut:start])
            cut = start + 1
    out.append(pattern[cut:])
    return out


#: An inline flag (?m), (?w) … could make ``^`` match elsewhere than at the start.
_INLINE_FLAG = regex.compile(r"\(\?[a-zA-Z^-]")


def _anchored(pattern: str) -> str | None:
    """``pattern`` to match at a line's start when every top-level alternative of it starts with
    ``^`` (searching ``^a|^b`` tries every position in vain after the first), else ``None``."""
    alternatives = _alternatives(pattern)
    if _INLINE_FLAG.search(pattern) or not all(alt.startswith("^") for alt in alternatives):
        return None
    if len(alternatives) == 1:
        return pattern[1:]
    return "|".join(f"(?:{alt[1:]})" for alt in alternatives)


def _compile(patterns: list[str]) -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.I)


def _rules(patterns: list[str], compiled: list[regex.Pattern[str]]) -> _Rules:
    """``compiled``: each of ``patterns`` compiled (IGNORECASE), searched alone as the data file says."""
    starts = [_anchored(p) for p in patterns]
    if any(_INLINE_FLAG.search(p) for p in patterns):  # a flag would reach the other rules of an alternation
        return _Rules({}, (), None, tuple(_split_rules(patterns, starts)))
    by_first: dict[str, list[_Rule]] = {}
    others: list[_Rule] = []
    plain: list[str] = []
    plain_starts: list[str | None] = []
    words: list[str] = []  # the strings of the gate, as written
    for p, start, pattern in zip(patterns, starts, compiled):
        first = first_chars(p, regex.I) if start is not None else None
        must = must_have(p, regex.I)
        if first is None and must is None:
            plain.append(p)
            plain_starts.append(start)
            continue
        if first is not None:  # searched: a rule alone starting ^ fails as fast as matched at 0
            for ch in first:
                by_first.setdefault(ch, []).append(_Rule(pattern, False, None))
        else:
            fewest = _fewest(must)
            words.extend(fewest)
            others.append(_Rule(pattern, False, re.compile("|".join(map(re.escape, fewest))), words=fewest))
    strings = [r.must.pattern for r in others if r.must is not None]
    gate = re.compile("|".join(strings)) if strings else None
    by_word: dict[str, list[_Rule]] = {}
    for rule in others:
        for word in rule.words:
            by_word.setdefault(word, []).append(rule)
    return _Rules({ch: tuple(rs) for ch, rs in by_first.items()}, tuple(others), gate, tuple(_split_rules(plain, plain_starts)),
                  tuple(words), {w: tuple(rs) for w, rs in by_word.items()})


def _fewest(strings: frozenset[str] | None) -> tuple[str, ...]:
    """``strings`` without those holding another one of them (found with it), in order; () for None."""
    if strings is None:
        return ()
    return tuple(sorted(s for s in strings if not any(t != s and t in s for t in strings)))


def _split_rules(patterns: list[str], starts: list[str | None]) -> list[_Rule]:
    """The rules without a prefilter as two alternations: those anchored at the line's start, the others."""
    anchored = [a for a in starts if a is not None]
    anywhere = [p for p, a in zip(patterns, starts) if a is None]
    return [_Rule(_compile(ps), ps is anchored, None, {} if ps is anchored else None) for ps in (anchored, anywhere) if ps]


@functools.cache
def _junk_rules() -> _JunkRules:
    patterns: dict[str, list[str]] = {"drop": [], "end": []}
    compiled: dict[str, list[regex.Pattern[str]]] = {"drop": [], "end": []}
    for lineno, row in tsv_rows(read_data("page_junk.tsv"), "page_junk.tsv", ("kind", "action", "pattern")):
        if row["action"] not in ("drop", "end"):
            raise ResourceError(f"page_junk.tsv:{lineno}: action must be drop or end")
        try:
            compiled[row["action"]].append(regex.compile(row["pattern"], regex.I))
        except regex.error as e:
            raise ResourceError(f"page_junk.tsv:{lineno}: bad pattern: {e}") from None
        patterns[row["action"]].append(row["pattern"])
    return _JunkRules(_rules(patterns["drop"], compiled["drop"]), _rules(patterns["end"], compiled["end"]))
