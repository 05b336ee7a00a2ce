"""One automaton pass over an article's body for both the case counts' reader and the start words.

The case counts' reader (:func:`.case_counts.regions.reader_hits`: metric phrases, count-region forms,
item words, relative days) and the officials'/meetings' start words (:mod:`.start_words`: posts,
meeting words, gate words) each scanned the same characters — the body's span, which is the blanked
text's part between its margins — with an automaton of their own (~60 K instructions an article for
the second pass over ~2.7 KB of UTF-16 bytes), and each walked its occurrences in Python. Their words
are put in one DFA here (the reader's first, in its order: a word index below the reader's count is
the reader's own), the span is scanned once and its occurrences are sorted out for both in one walk
(:func:`body_hits`), kept for the last span asked: the reader asks first, the start words' scan of
the same text and span a moment later.

An overlapping scan reports every occurrence of every word, by end, the longest first at one end,
whatever other words the automaton holds: each caller's occurrences, in the order it saw them, are
those of the one scan with the other's words left out.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

import ahocorasick_rs

from ..scan16 import automaton16, utf16_span

__all__ = ["BodyHits", "body_hits", "doubled_occurrences", "merged_automaton16", "merged_words", "reader_count"]

#: What a word is to the reader: whether a metric phrase, its count-region form index (-1: none), whether
#: an item word, whether a relative word (see ``case_counts.regions._metric_region_words``).
ReaderKind = tuple[bool, int, bool, bool]
#: What a word is to the start words: whether a modifier or post word, its index among the meeting words
#: and among the gate words (-1: none; see :mod:`.start_words`).
StartKind = tuple[bool, int, int]


class _Merged(NamedTuple):
    words: list[str]  # the reader's words (in its order), then the start words it lacks
    reader_count: int  # words[:reader_count] are the reader's
    kinds: list[tuple[ReaderKind | None, StartKind | None]]  # by word: what it is to each (None: not its word)
    automaton16: ahocorasick_rs.BytesAhoCorasick | None  # (see extract.scan16; None beyond the basic plane)


@functools.cache
def _merged() -> _Merged:
    # (imported here: both modules read their occurrences from this one)
    from .case_counts.regions import _metric_region_words
    from .start_words import start_word_kinds

    reader, reader_kinds = _metric_region_words()
    start_kinds = start_word_kinds()
    words = list(dict.fromkeys([*reader, *start_kinds]))
    kinds = [(reader_kinds[i] if i < len(reader) else None, start_kinds.get(w)) for i, w in enumerate(words)]
    return _Merged(words, len(reader), kinds, automaton16(words, ahocorasick_rs.Implementation.DFA))


@functools.cache
def _merged_str() -> ahocorasick_rs.AhoCorasick:
    """The merged words in an automaton for ``str`` (a span beyond the basic plane only: built when first needed)."""
    return ahocorasick_rs.AhoCorasick(_merged().words, implementation=ahocorasick_rs.Implementation.DFA)


def merged_words() -> list[str]:
    """The words of the one automaton, by index (the reader's first)."""
    return _merged().words


def merged_automaton16() -> ahocorasick_rs.BytesAhoCorasick | None:
    """The one automaton, over UTF-16-LE bytes (None when a word lies beyond the basic plane)."""
    return _merged().automaton16


def reader_count() -> int:
    """How many of :func:`merged_words` are the reader's (its word indexes: those below)."""
    return _merged().reader_count


def doubled_occurrences(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Every occurrence ``(word index, 2 * start, 2 * end)`` of a word of :func:`merged_words` in
    ``text[start:end]`` (offsets relative to ``start``, doubled), overlapping ones too, as the scan
    reports them; when scanned as UTF-16-LE bytes (:func:`~extract.scan16.utf16_span`: the body's bytes
    are those the article's line analysis encoded) also the matches at an odd byte offset (the high byte
    of one character and the low byte of the next spelling a word's code units), no occurrences, which
    the caller drops."""
    ac16 = _merged().automaton16
    data = utf16_span(text, start, end) if ac16 is not None else None
    if ac16 is None or data is None:  # (a character beyond the basic plane, or a lone surrogate)
        found = _merged_str().find_matches_as_indexes(text[start:end], overlapping=True)
        return [(w, s << 1, e << 1) for w, s, e in found]
    return ac16.find_matches_as_indexes(data, overlapping=True)


class BodyHits(NamedTuple):
    """The occurrences in ``text[start:end]`` (text offsets), as the scan reports them (by end): the reader's
    metric phrases (start, end), count-region forms (start, end, form index), item words (start, end) and
    relative words' starts; the start words' modifier and post words (start, end), meeting words (index,
    start, end) and each gate word's starts by its index. (Read only: the callers sort copies.)"""

    metric: list[tuple[int, int]]
    regions: list[tuple[int, int, int]]
    items: list[tuple[int, int]]
    relative: list[int]
    posts: list[tuple[int, int]]
    meetings: list[tuple[int, int, int]]
    gates: dict[int, list[int]]


def body_hits(text: str, start: int, end: int) -> BodyHits:
    """:class:`BodyHits` of ``text[start:end]``: one scan (:func:`doubled_occurrences`) walked once, each
    occurrence's offsets halved once and its kinds for both callers read from one entry. The last text
    and span asked are answered again (the start words ask for the span the reader asked for)."""
    key = (text, start, end)
    if _LAST[0] == key:  # (the same text object: compared by identity)
        last: BodyHits = _LAST[1]
        return last
    kinds = _merged().kinds
    metric: list[tuple[int, int]] = []
    regions: list[tuple[int, int, int]] = []
    items: list[tuple[int, int]] = []
    relative: list[int] = []
    posts: list[tuple[int, int]] = []
    meetings: list[tuple[int, int, int]] = []
    gates: dict[int, list[int]] = {}
    for w, s, e in doubled_occurrences(text, start, end):
        if s & 1:
            continue  # (a word's code units spelt by the bytes of two characters: no occurrence)
        for_reader, for_starts = kinds[w]
        s = start + (s >> 1)
        e = start + (e >> 1)
        if for_reader is not None:
            is_metric, k, is_item, is_relative = for_reader
            if is_metric:
                metric.append((s, e))
            if k >= 0:
                regions.append((s, e, k))
            if is_item:
                items.append((s, e))
            if is_relative:
                relative.append(s)
        if for_starts is not None:
            is_post, meeting, gate = for_starts
            if is_post:
                posts.append((s, e))
            if meeting >= 0:
                meetings.append((meeting, s, e))
            if gate >= 0:
                gates.setdefault(gate, []).append(s)
    hits = _new_body_hits((metric, regions, items, relative, posts, meetings, gates))
    _LAST[:] = (key, hits)
    return hits


#: ``BodyHits(...)`` given the fields as one tuple (``tuple.__new__``: no Python-level ``__new__`` frame).
_new_body_hits = functools.partial(tuple.__new__, BodyHits)

#: The last text and span :func:`body_hits` was asked, and its answer.
_LAST: list[Any] = [None, None]
