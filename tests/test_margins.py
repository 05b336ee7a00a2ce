"""The whole-text scans read the text between its blank margins (extract.margins): they find what a scan
of the whole text finds, at the same offsets."""

from __future__ import annotations

import random
from pathlib import Path

from extract import gazetteer
from extract.extractors import start_words
from extract.gazetteer import _occurrences, load_gazetteer
from extract.margins import blank_free, inner_text

ROOT = Path(__file__).resolve().parents[1]
_BLANKS = ["", " ", "\n", "  \n ", "\u3000", "\t", " " * 300 + "\n"]


def _padded(texts: list[str]) -> list[str]:
    rnd = random.Random(7)
    out = []
    for text in texts:
        out.append(text)
        out.append(rnd.choice(_BLANKS) + text + rnd.choice(_BLANKS))
        s = rnd.randrange(0, len(text) + 1)
        out.append(rnd.choice(_BLANKS) + text[s : s + rnd.randrange(0, 400)] + rnd.choice(_BLANKS))
    return out + ["", " ", "\n\n", " 重庆 ", "重庆"]


def test_inner_text_is_the_stripped_text_and_where_it_starts(real_texts: list[str]) -> None:
    for text in _padded(real_texts[:10]):
        inner, shift = inner_text(text)
        assert inner == text.strip()
        if inner:
            assert text[shift : shift + len(inner)] == inner
            assert not text[:shift].strip()


def test_scan_words_hold_no_blank() -> None:
    gaz = load_gazetteer()
    assert blank_free([*gaz.candidates, *gaz.short_candidates, *gaz.traps])
    assert start_words._automaton().blank_free
    assert not blank_free(["重庆", "重 庆"])


def test_gazetteer_occurrences_as_in_the_whole_text(real_texts: list[str]) -> None:
    gaz = load_gazetteer()
    ac, kinds = gaz.scan_automaton
    texts = _padded(real_texts)
    inner = [_occurrences(gaz, text) for text in texts]
    saved = list(gazetteer._BLANK_FREE)
    try:
        gazetteer._BLANK_FREE[:] = [gaz, False]  # as if a word held a blank: the whole text is scanned
        whole = [_occurrences(gaz, text) for text in texts]
    finally:
        gazetteer._BLANK_FREE[:] = saved
    assert inner == whole
    for text, (_, _, traps) in zip(texts, inner):
        assert traps == sorted((s, e) for k, s, e in ac.find_matches_as_indexes(text, overlapping=True) if kinds[k][2])


def test_start_word_scan_as_in_the_whole_text(real_texts: list[str]) -> None:
    ac = start_words._automaton().automaton
    is_post = start_words._automaton().post
    for text in _padded(real_texts):
        scan = start_words._scan(text)
        whole = ac.find_matches_as_indexes(text, overlapping=True)
        assert scan.post_starts == sorted(s for k, s, _ in whole if is_post[k])
        assert sorted(scan.meetings) == sorted(
            (start_words._automaton().meeting[k], s, e) for k, s, e in whole if start_words._automaton().meeting[k] >= 0
        )
