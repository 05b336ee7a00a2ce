"""place_scan._occurrences puts the scan's occurrences in order by one stable sort on the start (the
scan's report, reversed) and walks the scan's own offsets, halving only what it keeps; this holds it to
the version that sorted (start, -end, index) tuples of halved offsets, on real texts and on random
strings of gazetteer words, trap words, odd byte offsets and characters beyond the basic plane."""

from __future__ import annotations

import random

from extract import place_scan
from extract.gazetteer import load_gazetteer
from extract.place_scan import Spans, _inner_text, _scan, _without_overlaps


def _reference(text: str) -> tuple[Spans, Spans, list[tuple[int, int]]]:
    """The walk as first written: halved offsets, (start, -end, index) tuples sorted."""
    gaz = load_gazetteer()
    kinds = gaz.scan_words[1]
    inner, shift = _inner_text(gaz, text)
    found, halved = _scan(gaz, inner)
    if halved:
        hits = sorted([(s >> 1, -(e >> 1), k) for k, s, e in found if not s & 1])
    else:
        hits = sorted([(s, -e, k) for k, s, e in found])
    forms: Spans = []
    shorts: Spans = []
    counted: Spans = []
    traps: list[tuple[int, int]] = []
    form_end = short_end = counted_end = 0
    for s, negative_end, k in hits:
        form, short, trap = kinds[k]
        if form is not None and s >= form_end:
            form_end = -negative_end
            forms.append((s + shift, form_end + shift, form))
        if short is not None:
            if short in gaz.counted:
                if s >= counted_end:
                    counted_end = -negative_end
                    counted.append((s + shift, counted_end + shift, short))
            elif s >= short_end:
                short_end = -negative_end
                shorts.append((s + shift, short_end + shift, short))
        if trap:
            traps.append((s + shift, shift - negative_end))
    traps.sort()
    if counted:
        return forms, _without_overlaps(shorts, counted), traps
    return forms, shorts, traps


def test_in_order_is_start_then_longest_first(real_texts: list[str]) -> None:
    gaz = load_gazetteer()
    for text in real_texts:
        found, _ = _scan(gaz, text)
        assert place_scan._in_order(found) == sorted(found, key=lambda o: (o[1], -o[2], o[0]))


def test_occurrences_match_the_tuple_sort_on_real_texts(real_texts: list[str]) -> None:
    gaz = load_gazetteer()
    for text in real_texts:
        assert place_scan._occurrences(gaz, text) == _reference(text)


def _odd(word: str, rnd: random.Random) -> str:
    """Characters whose UTF-16-LE bytes spell ``word`` from an odd offset, or "" (a surrogate)."""
    b = word.encode("utf-16-le")
    units = [rnd.randrange(0x20, 0x100) | b[0] << 8]
    units += [b[i + 1] << 8 | b[i] for i in range(1, len(b) - 1, 2)]
    units.append(rnd.randrange(0x4E, 0x9F) << 8 | b[-1])
    return "" if any(0xD800 <= u <= 0xDFFF for u in units) else "".join(map(chr, units))


def test_occurrences_match_the_tuple_sort_on_random_texts() -> None:
    gaz = load_gazetteer()
    rnd = random.Random(39)
    words = gaz.scan_words[0]
    sample = rnd.sample(words, 400) + list(gaz.traps)[:60] + list(gaz.counted)[:40]
    pieces = ["", "、", "1例", " ", "\n", "　", "市", "区", "\U0001f600"]
    for _ in range(3000):
        parts = []
        for _ in range(rnd.randrange(0, 10)):
            word = rnd.choice(sample)
            parts.append(rnd.choice([word, word, word[:-1], _odd(word, rnd), rnd.choice(pieces)]))
        text = "".join(parts)
        assert place_scan._occurrences(gaz, text) == _reference(text), text
