"""Overlapping automaton scans of a text as UTF-16-LE bytes: character offsets without a UTF-8 mapping.

The automaton for ``str`` (``ahocorasick_rs.AhoCorasick``) reads the text's UTF-8 form (three bytes a Han
character) and maps every byte offset it reports back to a character offset. A text of the basic plane
is two bytes a character in UTF-16: scanned so by the same words so encoded, a byte offset is twice a
character offset, and a third fewer bytes are read. A word may also match at an odd byte offset (the
high byte of one character and the low byte of the next spell one of its code units): no occurrence,
dropped; the scan reports every occurrence (overlapping), so none is lost. A text with a character
beyond the plane (four bytes) or a lone surrogate is scanned by the automaton for ``str``.
(The case counts' reader does the same for its words: ``case_counts.regions._occurrences``.)
"""

from __future__ import annotations

from collections.abc import Sequence

import ahocorasick_rs

__all__ = ["automaton16", "occurrences", "utf16_of", "utf16_span"]


def automaton16(words: Sequence[str], implementation: ahocorasick_rs.Implementation | None = None) -> ahocorasick_rs.BytesAhoCorasick | None:
    """``words`` encoded in UTF-16-LE in one automaton (same order: the same word indexes), or ``None``
    when one of them lies beyond the basic plane (then only the automaton for ``str`` serves)."""
    encoded = [w.encode("utf-16-le", "surrogatepass") for w in words]
    if any(len(b) != 2 * len(w) for b, w in zip(encoded, words)):
        return None
    return ahocorasick_rs.BytesAhoCorasick(encoded, implementation=implementation)


def occurrences(
    ac: ahocorasick_rs.AhoCorasick, ac16: ahocorasick_rs.BytesAhoCorasick | None, text: str
) -> list[tuple[int, int, int]]:
    """Every occurrence ``(word index, start, end)`` of a word in ``text`` (overlapping ones too), as
    ``ac.find_matches_as_indexes(text, overlapping=True)`` reports them; ``ac16`` is
    :func:`automaton16` of the same words."""
    if ac16 is not None and (data := utf16_of(text)) is not None:
        return [(k, s >> 1, e >> 1) for k, s, e in ac16.find_matches_as_indexes(data, overlapping=True) if not s & 1]
    return ac.find_matches_as_indexes(text, overlapping=True)


def utf16_of(text: str) -> bytes | None:
    """``text``'s UTF-16-LE bytes when every character is of the basic plane (two bytes each: a byte offset is
    twice a character offset), else ``None`` (a character beyond it, or a lone surrogate).

    A text encoded a moment ago is answered from :data:`_RECENT` (compared in C: identity, length, then the
    characters): an article's body is scanned three times over (the case counts' reader, the gazetteer, the
    start words), each with its own copy of the same characters, and encoding costs ~14 instructions a
    character (~20 K a bench body) where the comparison costs a few hundred."""
    for seen, data in _RECENT:
        if seen == text:
            return data
    data = _encoded(text)
    _remember(text, data)
    return data


def utf16_span(text: str, start: int, end: int) -> bytes | None:
    """:func:`utf16_of` of ``text[start:end]``; when ``text`` itself was encoded a moment ago (the article's
    line analysis encodes its whole text before the case counts' reader asks for the body), its bytes are
    sliced (a copy) instead of the span's characters encoded again."""
    span = text[start:end]
    for seen, data in _RECENT:
        if seen == span:
            return data
    for seen, data in _RECENT:
        if seen == text and data is not None:
            spanned: bytes | None = data[2 * start : 2 * end] if start >= 0 and end >= 0 else _encoded(span)
            break
    else:
        spanned = _encoded(span)
    _remember(span, spanned)
    return spanned


def _encoded(text: str) -> bytes | None:
    """:func:`utf16_of`, encoded."""
    try:
        data = text.encode("utf-16-le")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    return data if len(data) == 2 * len(text) else None


#: The last few texts encoded, newest first, with their encodings (see :func:`utf16_of`). Three: an article's
#: whole text, its body, and a headline or an outlet asked of the gazetteer between two scans of the body.
_RECENT: list[tuple[str, bytes | None]] = []
_RECENT_SIZE = 3


def _remember(text: str, data: bytes | None) -> None:
    """Keep ``text`` and its encoding in :data:`_RECENT`, the oldest dropped."""
    _RECENT.insert(0, (text, data))
    del _RECENT[_RECENT_SIZE:]
