"""Who holds a meeting: the organisation patterns of :mod:`extract.extractors.meetings`, walked
over the lexicon's word sets instead of compiled into alternations of thousands of words.
"""

from __future__ import annotations

import functools

import ahocorasick_rs
import regex

from .officials_lexicon import load_lexicon

# (国务院联防联控机制)11月29日下午|召开: a date or time of day may stand between.
_WHEN_END = regex.compile(r"(?:\d{1,2}月\d{1,2}日)?(?:上午|下午|晚上|晚间|当晚|当天)?$")
_HAN_UP_TO_10 = regex.compile(r"\p{Han}{0,10}")


def _ends_by_start(automaton: ahocorasick_rs.AhoCorasick | None, text: str) -> dict[int, list[int]]:
    """Position → ends of the automaton's words that start there, longest first (one pass)."""
    out: dict[int, list[int]] = {}
    if automaton is not None:
        for _, s, e in automaton.find_matches_as_indexes(text, overlapping=True):
            out.setdefault(s, []).append(e)
        for ends in out.values():
            if len(ends) > 1:
                ends.sort(reverse=True)
    return out


_NONE: list[int] = []


class _OrgMatch:
    """The organisation patterns, walked over word sets instead of compiled.

    ``leading`` is what ``(?:LEVEL)*(?:\\p{Han}{0,10}?(?:ORG))+`` matches at the start of a
    name, ``trailing`` what ``(?:LEVEL)+(?:\\p{Han}{0,10}?(?:ORG))*(?=WHEN$)`` finds first in a
    clause, LEVEL and ORG being the alternations of the lexicon's level and organisation words,
    longest first. The walk tries the choices in the order the regex engine backtracks through
    them (more words before fewer, longer words before shorter, fewer characters before an
    organisation word before more), so it finds the same match; compiling the alternation of
    thousands of level words took over a second in each process. The level and organisation
    words at every position are found in one automaton pass each (the lexicon's
    ``level_automaton`` and ``unit_automaton``: every occurrence, overlapping), and each
    position's outcome is memoised: linear in the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.memo: dict[tuple[int, int], int | None] = {}

    # Each word table is built when first read: a name with no organisation word has no leading
    # match, a clause with no level word no trailing one, whatever the other table holds.
    @functools.cached_property
    def level_ends(self) -> dict[int, list[int]]:
        return _ends_by_start(load_lexicon().level_automaton, self.text)

    @functools.cached_property
    def org_ends(self) -> dict[int, list[int]]:
        return _ends_by_start(load_lexicon().unit_automaton, self.text)

    def _levels(self, pos: int) -> list[int]:
        """Ends of the level words at ``pos``, longest first."""
        return self.level_ends.get(pos, _NONE)

    def _org_steps(self, pos: int) -> list[int]:
        han = _HAN_UP_TO_10.match(self.text, pos)
        most = han.end() - pos if han is not None else 0
        out: list[int] = []
        org_ends = self.org_ends
        for p in range(pos, pos + most + 1):
            ends = org_ends.get(p)
            if ends is not None:
                out += ends
        return out

    def _levels_then_orgs(self, pos: int) -> int | None:
        """(?:LEVEL)*(?:H{0,10}?ORG)+ from ``pos``: its end, or None."""
        key = (0, pos)
        if key not in self.memo:
            end = None
            for q in self._levels(pos):
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
            for q in self._levels(pos):
                if (end := self._levels_then_when(q)) is not None:
                    break
            if end is None:
                end = self._orgs_then_when(pos)
            self.memo[key] = end
        return self.memo[key]

    def leading(self) -> str | None:
        if not self.org_ends:
            return None  # (?:H{0,10}?ORG)+ needs an organisation word
        end = self._levels_then_orgs(0)
        return None if end is None else self.text[:end]

    def trailing(self) -> str | None:
        if not self.level_ends:
            return None  # (?:LEVEL)+ needs a level word
        for start in range(len(self.text) + 1):
            for q in self._levels(start):
                if (end := self._levels_then_when(q)) is not None:
                    return self.text[start:end]
        return None


@functools.lru_cache(maxsize=1024)
def leading_org(name: str) -> str | None:
    """``_OrgMatch(name).leading()``, memoised on the name: every mention of a meeting has its
    organisation read from its name, and an article (and the corpus) names the same few meetings
    again and again (市委常委会, 新闻发布会), each read building the name's word tables anew."""
    return _OrgMatch(name).leading()
