"""meetings._sentences_with_starts (sentences found by bisection) against the walk over every sentence it
replaced in find_meeting_mentions, on random sentences (with gaps between them) and random starts."""

from __future__ import annotations

import random

from extract.extractors.meetings import _sentences_with_starts


def _walk(sentences: tuple[tuple[int, int], ...], starts: list[int]) -> list[tuple[int, int, int]]:
    out = []
    i, n = 0, len(starts)
    for ss, se in sentences:
        while i < n and starts[i] < ss:
            i += 1
        if i == n:
            break
        if starts[i] >= se:
            continue
        out.append((ss, se, i))
    return out


def _random_case(rng: random.Random) -> tuple[tuple[tuple[int, int], ...], list[int]]:
    spans = []
    pos = rng.randrange(3)
    for _ in range(rng.randrange(12)):
        pos += rng.randrange(3)  # a gap (blank sentences, runs of line breaks) or none
        end = pos + 1 + rng.randrange(6)
        spans.append((pos, end))
        pos = end
    starts = sorted(rng.sample(range(pos + 4), rng.randrange(min(pos + 4, 10))))
    return tuple(spans), starts


def test_same_as_walking_every_sentence() -> None:
    rng = random.Random(24)
    for _ in range(20000):
        sentences, starts = _random_case(rng)
        assert list(_sentences_with_starts(sentences, starts)) == _walk(sentences, starts), (sentences, starts)


def test_edges() -> None:
    assert list(_sentences_with_starts((), [1, 2])) == []
    assert list(_sentences_with_starts(((0, 3),), [])) == []
    assert list(_sentences_with_starts(((0, 3), (5, 8)), [3, 4, 8])) == []
    assert list(_sentences_with_starts(((0, 3), (5, 8)), [4, 5, 6])) == [(5, 8, 1)]
