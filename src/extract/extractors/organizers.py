"""Who holds a meeting: the organisation patterns of :mod:`extract.extractors.meetings`, walked
over the lexicon's word sets instead of compiled into alternations of thousands of words.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .officials import load_lexicon

# (国务院联防联控机制)11月29日下午|召开: a date or time of day may stand between.
_WHEN_END = regex.compile(r"(?:\d{1,2}月\d{1,2}日)?(?:上午|下午|晚上|晚间|当晚|当天)?$")
_HAN_UP_TO_10 = regex.compile(r"\p{Han}{0,10}")


@dataclass(frozen=True)
class _Words:
    words: frozenset[str]
    lengths: tuple[int, ...]  # longest first
    first: frozenset[str] | None  # the characters they start with (None: the empty word is one)
    by_first: dict[str, tuple[int, ...]]  # first character -> lengths of the words it starts, longest first

    @classmethod
    def of(cls, words: frozenset[str]) -> _Words:
        first = None if "" in words else frozenset(w[0] for w in words)
        by_first: dict[str, set[int]] = {}
        for w in words:
            if w:
                by_first.setdefault(w[0], set()).add(len(w))
        lengths = {ch: tuple(sorted(ns, reverse=True)) for ch, ns in by_first.items()}
        return cls(words, tuple(sorted({len(w) for w in words}, reverse=True)), first, lengths)


@functools.cache
def _org_words() -> tuple[_Words, _Words]:
    lex = load_lexicon()
    return _Words.of(frozenset(lex.level_forms)), _Words.of(frozenset(lex.orgs))


class _OrgMatch:
    """The organisation patterns, walked over word sets instead of compiled.

    ``leading`` is what ``(?:LEVEL)*(?:\\p{Han}{0,10}?(?:ORG))+`` matches at the start of a
    name, ``trailing`` what ``(?:LEVEL)+(?:\\p{Han}{0,10}?(?:ORG))*(?=WHEN$)`` finds first in a
    clause, LEVEL and ORG being the alternations of the lexicon's level and organisation words,
    longest first. The walk tries the choices in the order the regex engine backtracks through
    them (more words before fewer, longer words before shorter, fewer characters before an
    organisation word before more), so it finds the same match; compiling the alternation of
    thousands of level words took over a second in each process. Each position's outcome is
    memoised: linear in the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.levels, self.orgs = _org_words()
        self.memo: dict[tuple[int, int], int | None] = {}
        self.org_words: dict[int, list[int]] = {}  # ends of the org words at a position (a step's walk asks again)

    def _words(self, pos: int, words: _Words) -> list[int]:
        """Ends of the words at ``pos``, longest first."""
        t = self.text
        if words.first is None:  # the empty word too: every length
            return [pos + n for n in words.lengths if pos + n <= len(t) and t[pos : pos + n] in words.words]
        # Only the lengths of the words that start with the character at ``pos``.
        lengths = words.by_first.get(t[pos : pos + 1])
        if lengths is None:
            return []
        size = len(t)
        return [pos + n for n in lengths if pos + n <= size and t[pos : pos + n] in words.words]

    def _org_steps(self, pos: int) -> list[int]:
        han = _HAN_UP_TO_10.match(self.text, pos)
        most = han.end() - pos if han is not None else 0
        out: list[int] = []
        for p in range(pos, pos + most + 1):
            ends = self.org_words.get(p)
            if ends is None:
                ends = self.org_words[p] = self._words(p, self.orgs)
            out += ends
        return out

    def _levels_then_orgs(self, pos: int) -> int | None:
        """(?:LEVEL)*(?:H{0,10}?ORG)+ from ``pos``: its end, or None."""
        key = (0, pos)
        if key not in self.memo:
            end = None
            for q in self._words(pos, self.levels):
                if (end := self._levels_then_orgs(q)) is not None:
                    break
            if end is None and (steps := self._org_steps(pos)):
                end = steps[0]
                while steps := self._org_steps(end):
                    end = steps[0]
            self.memo[key] = end
        return self.memo[key]

    def _orgs_then_when(self, pos: int) -> int | None:
        """(?:H{0,10}?ORG)*(?=WHEN$) from ``pos``: its end, or None."""
        key = (1, pos)
        if key not in self.memo:
            end = None
            for q in self._org_steps(pos):
                if (end := self._orgs_then_when(q)) is not None:
                    break
            if end is None and _WHEN_END.match(self.text, pos) is not None:
                end = pos
            self.memo[key] = end
        return self.memo[key]

    def _levels_then_when(self, pos: int) -> int | None:
        """(?:LEVEL)*(?:H{0,10}?ORG)*(?=WHEN$) from ``pos``: its end, or None."""
        key = (2, pos)
        if key not in self.memo:
            end = None
            for q in self._words(pos, self.levels):
                if (end := self._levels_then_when(q)) is not None:
                    break
            if end is None:
                end = self._orgs_then_when(pos)
            self.memo[key] = end
        return self.memo[key]

    def leading(self) -> str | None:
        end = self._levels_then_orgs(0)
        return None if end is None else self.text[:end]

    def trailing(self) -> str | None:
        for start in range(len(self.text) + 1):
            for q in self._words(start, self.levels):
                if (end := self._levels_then_when(q)) is not None:
                    return self.text[start:end]
        return None
