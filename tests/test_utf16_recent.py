"""The UTF-16-LE bytes of a text answered from the last texts encoded (``scan16.utf16_of``, ``utf16_span``)
are those of encoding it afresh, whatever was encoded before (equal texts as other objects, texts of the
same length, spans of a text encoded whole, characters beyond the basic plane, lone surrogates); and the
case counts' reader's one pass (``regions.reader_hits``, halving the scan's offsets in its own loop) finds
what the version that took halved triples from ``_occurrences`` found."""

from __future__ import annotations

import random

from extract import scan16
from extract.extractors.case_counts.regions import ReaderHits, _metric_region_ac, _metric_region_words, _occurrences, reader_hits
from extract.scan16 import utf16_of, utf16_span


def _fresh(text: str) -> bytes | None:
    try:
        data = text.encode("utf-16-le")
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 * len(text) else None


def _random_text(rng: random.Random) -> str:
    alphabet = ["确", "诊", "病", "例", "，", "1", " ", "\n", "a", "𠀀", "\ud800", "重", "庆"]
    weights = [8, 8, 8, 8, 4, 4, 2, 2, 2, 1, 1, 4, 4]
    return "".join(rng.choices(alphabet, weights, k=rng.randint(0, 12)))


def test_answers_match_fresh_encoding() -> None:
    rng = random.Random(7)
    pool = [_random_text(rng) for _ in range(60)]
    for _ in range(20000):
        text = rng.choice(pool)
        if rng.random() < 0.3:
            text = "".join(list(text))  # an equal text, another object
        if rng.random() < 0.5:
            assert utf16_of(text) == _fresh(text), text
        else:
            a = rng.randint(-3, len(text) + 2)
            b = rng.randint(-3, len(text) + 2)
            assert utf16_span(text, a, b) == _fresh(text[a:b]), (text, a, b)
    assert len(scan16._RECENT) <= scan16._RECENT_SIZE


def test_span_of_text_encoded_whole() -> None:
    text = "8月31日0—24时,渝中区新增本土确诊病例4例。" * 3
    assert utf16_of(text) == _fresh(text)
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1, 7):
            assert utf16_span(text, a, b) == _fresh(text[a:b])
    # A character beyond the basic plane outside the span: the span is still of the plane.
    wide = "𠀀" + text
    assert utf16_of(wide) is None
    assert utf16_span(wide, 1, len(wide)) == _fresh(text)


def _reader_hits_by_triples(text: str, start: int, end: int) -> ReaderHits:
    """reader_hits as written before its loop halved the scan's offsets itself."""
    kinds = _metric_region_ac()[1]
    metric: list[tuple[int, int]] = []
    region: list[tuple[int, int, int]] = []
    items: list[tuple[int, int]] = []
    relative: list[int] = []
    for w, s, e in _occurrences(text, start, end):
        is_metric, k, is_item, is_relative = kinds[w]
        if is_metric:
            metric.append((start + s, start + e))
        if k >= 0:
            region.append((s, e, k))
        if is_item:
            items.append((start + s, start + e))
        if is_relative:
            relative.append(start + s)
    metric.sort()
    region.sort()
    longest: dict[int, tuple[int, int]] = {}
    for s, e, k in region:
        longest[s] = (e, k)
    hits: list[tuple[int, int, int]] = []
    pos = 0
    for s, (e, k) in longest.items():
        if s >= pos:
            hits.append((k, s, e))
            pos = e
    return ReaderHits(metric, hits, items, sorted(set(relative)))


def test_reader_hits_real_texts(gated_texts: list[str]) -> None:
    rng = random.Random(5)
    for text in gated_texts:
        utf16_of(text)  # (as the line analysis does first: the body's bytes are then sliced)
        found = reader_hits(text, 0, len(text))
        assert found == _reader_hits_by_triples(text, 0, len(text))
        assert type(found) is ReaderHits
        for _ in range(3):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            assert reader_hits(text, a, b) == _reader_hits_by_triples(text, a, b)


def test_reader_hits_random_strings() -> None:
    rng = random.Random(6)
    words = _metric_region_words()[0]
    fillers = ["，", "例", "。", "\n", " ", "𠀀", "1", "a", "中", "\u4e00\u0100"]
    for _ in range(2000):
        text = "".join(rng.choice(words) if rng.random() < 0.6 else rng.choice(fillers) for _ in range(rng.randint(0, 10)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        assert reader_hits(text, a, b) == _reader_hits_by_triples(text, a, b), text
