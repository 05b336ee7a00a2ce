"""regions._mentions_in's kept answers: the count-region forms' regions made once by form index
(_form_regions), the overlap walk skipped when no mention overlaps the one before (_none_overlapping), and
the last text asked without hits answered again from memory (a copy). Held here to the first version of
tests/test_mentions_in_steps.py, with and without the reader's hits, asked twice in a row and in turn."""

from __future__ import annotations

import random

from extract.extractors.case_counts import regions as r

from test_mentions_in_steps import _PIECES, _first_version

_MORE = [*_PIECES, "全省", "我区", "全县", "本县", "我市", "两江新区", "重庆高新区", "高新区3例、", "沙坪坝区12例"]


def _text(rng: random.Random) -> tuple[str, int, int]:
    text = "".join(rng.choice(_MORE) for _ in range(rng.randint(0, 14)))
    start = rng.randint(0, len(text) // 4)
    return text, start, rng.randint(start, len(text))


def test_kept_answers_as_first_version() -> None:
    rng = random.Random(4120)
    for _ in range(3000):
        text, start, end = _text(rng)
        expected = _first_version(text, start, end)
        first = r._mentions_in(text, start, end)
        assert first == expected, (text, start, end)
        first.append(r._Mention(0, 0, None))  # (the caller's list: the kept answer is not changed)
        assert r._mentions_in(text, start, end) == expected, (text, start, end)
        hits = r.reader_hits(text, start, end).regions
        assert r._mentions_in(text, start, end, hits) == expected, (text, start, end)


def test_overlap_check_as_walk() -> None:
    rng = random.Random(41)
    for _ in range(20000):
        spans = sorted(((s := rng.randint(0, 30)), s + rng.randint(0, 5)) for _ in range(rng.randint(0, 6)))
        spans.sort(key=lambda se: se[1], reverse=True)
        spans.sort(key=lambda se: se[0])
        mentions = [r._Mention(s, e, None) for s, e in spans]
        if r._none_overlapping(mentions):
            assert r._longest_of_overlaps(mentions) == mentions, spans
