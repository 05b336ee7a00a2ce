"""The reader's one automaton pass (``regions.reader_hits``) finds what its two passes found:
every occurrence of every metric phrase (``lexicon.metric_occurrences``) and the leftmost-longest
count-region forms (``regions._extra_region_ac``), on the real texts of the repository and on random
strings made of metric phrases, region forms (and pieces of them) and filler, in random windows."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from extract.extractors.case_counts.lexicon import load_metric_lexicon, metric_occurrences
from extract.extractors.case_counts.regions import _extra_region_ac, reader_hits

ROOT = Path(__file__).resolve().parents[1]


def metric_and_region_hits(text: str, start: int, end: int) -> tuple[object, object]:
    """The pass's first two answers: the metric phrases and the count-region forms."""
    hits = reader_hits(text, start, end)
    return hits.metric, hits.regions


def _two_passes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int, int]]]:
    automaton, _ = _extra_region_ac()
    return metric_occurrences(text, start, end, load_metric_lexicon()), list(automaton.find_matches_as_indexes(text[start:end]))


def test_real_texts(gated_texts: list[str]) -> None:
    rng = random.Random(1)
    for text in gated_texts:
        assert metric_and_region_hits(text, 0, len(text)) == _two_passes(text, 0, len(text))
        for _ in range(5):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            assert metric_and_region_hits(text, a, b) == _two_passes(text, a, b)


@pytest.mark.parametrize("seed", range(8))
def test_random_strings(seed: int) -> None:
    rng = random.Random(seed)
    words = sorted(load_metric_lexicon().metric) + _extra_region_ac()[1]
    pieces = words + [w[: rng.randint(1, len(w))] for w in words] + [w[1:] for w in words if len(w) > 1]
    pieces += list("，。、和及1例0人区市县省新增") + [" ", "\n"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        assert metric_and_region_hits(text, a, b) == _two_passes(text, a, b), text
        assert metric_and_region_hits(text, 0, len(text)) == _two_passes(text, 0, len(text)), text
