"""The one automaton pass shared by the case counts' reader and the start words (extract.extractors.body_words)
finds for each what its own automaton found: reader_hits and start_words._scan against scans by an
automaton of each word set alone (for ``str``), on real texts, random windows and random strings (words at
odd byte offsets, characters beyond the basic plane, blank margins), asked in either order and twice."""

from __future__ import annotations

import functools
import random

import ahocorasick_rs

from extract.extractors import body_words, start_words
from extract.extractors.case_counts.regions import ReaderHits, _metric_region_words, reader_hits

DFA = ahocorasick_rs.Implementation.DFA


@functools.cache
def _reader_ac() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(_metric_region_words()[0], implementation=DFA)


@functools.cache
def _start_ac() -> tuple[ahocorasick_rs.AhoCorasick, list[tuple[bool, int, int]]]:
    kinds = start_words.start_word_kinds()
    return ahocorasick_rs.AhoCorasick(list(kinds), implementation=DFA), list(kinds.values())


def _reader_alone(text: str, start: int, end: int) -> ReaderHits:
    """reader_hits as its own automaton found them (the version before the shared scan)."""
    kinds = _metric_region_words()[1]
    metric, region, items, relative = [], [], [], []
    for w, s, e in _reader_ac().find_matches_as_indexes(text[start:end], overlapping=True):
        is_metric, k, is_item, is_relative = kinds[w]
        s += start
        e += start
        if is_metric:
            metric.append((s, e))
        if k >= 0:
            region.append((s, e, k))
        if is_item:
            items.append((s, e))
        if is_relative:
            relative.append(s)
    longest: dict[int, tuple[int, int]] = {}
    for s, e, k in sorted(region):
        longest[s] = (e, k)
    hits, pos = [], start
    for s, (e, k) in longest.items():
        if s >= pos:
            hits.append((k, s - start, e - start))
            pos = e
    return ReaderHits(sorted(metric), hits, items, sorted(set(relative)))


def _start_alone(text: str) -> start_words._Scan:
    """start_words._scan as its own automaton found them over the whole text."""
    ac, kinds = _start_ac()
    posts, meetings, gates = [], [], {}
    for k, s, e in ac.find_matches_as_indexes(text, overlapping=True):
        is_post, meeting, gate = kinds[k]
        if is_post:
            posts.append((s, e))
        if meeting >= 0:
            meetings.append((meeting, s, e))
        if gate >= 0:
            gates.setdefault(gate, []).append(s)
    posts.sort()
    meetings.sort(key=lambda t: t[1])
    return start_words._Scan([s for s, _ in posts], [e for _, e in posts], meetings, {g: sorted(v) for g, v in gates.items()})


def _check(text: str, start: int, end: int, reader_first: bool) -> None:
    start_words._scan.cache_clear()
    if reader_first:
        assert reader_hits(text, start, end) == _reader_alone(text, start, end), (text, start, end)
        assert start_words._scan(text) == _start_alone(text), text
    else:
        assert start_words._scan(text) == _start_alone(text), text
        assert reader_hits(text, start, end) == _reader_alone(text, start, end), (text, start, end)
    # Asked again (answered from the last scan): the same, and the lists handed out are the caller's own.
    again = reader_hits(text, start, end)
    assert again == _reader_alone(text, start, end)
    again.metric.append((-1, -1))
    again.items.append((-1, -1))
    assert reader_hits(text, start, end) == _reader_alone(text, start, end)


def test_real_texts(gated_texts: list[str]) -> None:
    rng = random.Random(11)
    for text in gated_texts[:120]:
        stripped = text.strip()
        margin = text.find(stripped[:1]) if stripped else 0
        padded = "   \n" + text + "\n  "
        # The reader's span as an article's body is: the part between the blank margins.
        _check(padded, 4 + margin, 4 + margin + len(stripped), reader_first=True)
        for _ in range(2):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            _check(text, a, b, reader_first=rng.random() < 0.5)


def test_random_strings() -> None:
    rng = random.Random(12)
    words = [*_metric_region_words()[0][:200], *list(start_words.start_word_kinds())[:200]]
    fillers = ["，", "例", "。", "\n", " ", "𠀀", "1", "a", "中", "\u4e00\u0100", "\u664e", "\u4e4e"]
    for _ in range(3000):
        text = "".join(rng.choice(words) if rng.random() < 0.6 else rng.choice(fillers) for _ in range(rng.randint(0, 12)))
        inner = text.strip()
        a = text.find(inner[:1]) if inner else 0
        if rng.random() < 0.5:
            _check(text, a, a + len(inner), reader_first=rng.random() < 0.5)
        else:
            b = rng.randint(0, len(text))
            _check(text, min(a, b), max(a, b), reader_first=rng.random() < 0.5)


def test_one_automaton_holds_both_word_sets() -> None:
    words = body_words.merged_words()
    n = body_words.reader_count()
    assert words[:n] == _metric_region_words()[0]
    assert set(words) == set(_metric_region_words()[0]) | set(start_words.start_word_kinds())
    assert len(words) == len(set(words))
