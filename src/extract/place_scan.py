"""Finding where a text names the gazetteer's words: every full form, short form and trap word.

:mod:`extract.gazetteer` decides between the mentions found here (homonyms, generic terms, short
forms in place context); this module only finds them, in one overlapping scan of one automaton
(over the text's UTF-16-LE bytes when it can), and drops the matches a trap word vetoes
(召开县委, 隆重庆祝, 《重庆日报》).
"""

from __future__ import annotations

from bisect import bisect_left
from operator import itemgetter
from typing import Any

from .areas import Gazetteer
from .margins import blank_free, inner_text
from .scan16 import utf16_of

#: (start, end, form) matches of a set of words.
Spans = list[tuple[int, int, str]]


def _occurrences(gaz: Gazetteer, text: str) -> tuple[Spans, Spans, list[tuple[int, int]]]:
    """The leftmost-longest (start, end, form) matches of the full forms and of the short forms (each
    set on its own, as a leftmost-longest automaton of it finds them), and every trap word's span,
    sorted: all from one overlapping scan of one automaton (:attr:`Gazetteer.scan_automaton`, or for a
    text of the basic plane :attr:`Gazetteer.scan_automaton16`, see :func:`_scan`).

    The occurrences are put in order once, by start and longest first at one start (:func:`_in_order`),
    and the three sets' leftmost-longest matches picked in that one walk (a set's match is its first
    occurrence starting at or after the end of its match before), rather than each set gathered, sorted
    and walked on its own. The walk reads the scan's own offsets (byte offsets of the UTF-16-LE form
    when ``halved``: twice the character offsets, compared alike) and halves only those it keeps."""
    kinds = gaz.scan_words[1]
    counted_forms = gaz.counted
    inner, shift = _inner_text(gaz, text)
    found, halved = _scan(gaz, inner)
    odd = half = 1 if halved else 0  # (an odd byte offset: the high byte of one character and the low byte of the next, no occurrence)
    forms: Spans = []
    shorts: Spans = []
    counted: Spans = []
    traps: list[tuple[int, int]] = []
    form_end = short_end = counted_end = 0  # where each set's last match ends (the scan's offsets)
    for k, s, e in _in_order(found):
        if s & odd:
            continue
        form, short, trap = kinds[k]
        if form is not None and s >= form_end:
            form_end = e
            forms.append(((s >> half) + shift, (e >> half) + shift, form))
        if short is not None:
            if short in counted_forms:
                if s >= counted_end:
                    counted_end = e
                    counted.append(((s >> half) + shift, (e >> half) + shift, short))
            elif s >= short_end:
                short_end = e
                shorts.append(((s >> half) + shift, (e >> half) + shift, short))
        if trap:
            traps.append(((s >> half) + shift, (e >> half) + shift))
    traps.sort()
    if counted:
        # A short form matched only with a count (庆云) never takes the place of another one (重庆云阳).
        return forms, _without_overlaps(shorts, counted), traps
    return forms, shorts, traps


#: An occurrence's start, read in C (the sort key of :func:`_in_order`).
_START = itemgetter(1)


def _in_order(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The ``(word index, start, end)`` occurrences of an overlapping scan sorted by start, the longest
    first at one start (the order of (start, -end); no two share both, the scan's words being distinct).

    The scan reports each occurrence where it ends, so in ascending order of end; reversed, the ends
    descend, and a stable sort by the start alone (an int key read in C, compared by the list sort's
    fast path) keeps them descending at each start. Sorting (start, -end, index) tuples built for the
    purpose compared them element by element, a third of the Python part's cost (~33 occurrences a text)."""
    return sorted(reversed(found), key=_START)


def _scan(gaz: Gazetteer, text: str) -> tuple[list[tuple[int, int, int]], bool]:
    """Every occurrence ``(word index, start, end)`` of a scan word in ``text``, and whether its offsets
    are byte offsets into the UTF-16-LE form (twice the character offsets; those at an odd byte offset
    are no occurrence) rather than character offsets.

    The automaton for ``str`` reads the text's UTF-8 form, which CPython builds for the string (three
    bytes a Han character, ~10 instructions each) and maps every byte offset it reports back to a
    character offset; the UTF-16-LE form is a copy of two bytes a character, a third fewer bytes for the
    automaton, and its offsets are halved in the caller's loop (:mod:`extract.scan16`). A text with a
    character beyond the basic plane or a lone surrogate is scanned by the automaton for ``str``."""
    ac16 = gaz.scan_automaton16
    if ac16 is not None and (data := utf16_of(text)) is not None:
        return ac16.find_matches_as_indexes(data, overlapping=True), True
    return gaz.scan_automaton[0].find_matches_as_indexes(text, overlapping=True), False


def _inner_text(gaz: Gazetteer, text: str) -> tuple[str, int]:
    """``text`` without its blank margins and where that part starts (:func:`extract.margins.inner_text`),
    when no word of the scan holds white space (checked once per gazetteer), else ``(text, 0)``.
    About a fifth of an article's bytes are the blanked margins, read at ~40 instructions a byte by
    this automaton."""
    if _BLANK_FREE[0] is not gaz:
        _BLANK_FREE[:] = [gaz, blank_free([*gaz.candidates, *gaz.short_candidates, *gaz.traps])]
    return inner_text(text) if _BLANK_FREE[1] else (text, 0)


#: The gazetteer whose scan words were checked for white space, and the answer.
_BLANK_FREE: list[Any] = [None, False]


def _without_overlaps(spans: Spans, extra: Spans) -> Spans:
    """``spans`` and the ``extra`` spans that overlap none of them, in text order (both lists in text order,
    neither overlapping itself)."""
    out = list(spans)
    i, n = 0, len(spans)
    for span in extra:
        while i < n and spans[i][1] <= span[0]:
            i += 1
        if i < n and spans[i][0] < span[1]:
            continue
        out.append(span)
    out.sort()
    return out


def _unvetoed(spans: Spans, traps: list[tuple[int, int]]) -> Spans:
    """The matches (in text order, not overlapping) no trap word vetoes (``spans`` itself when none is).

    A trap word vetoes a match it overlaps unless the match contains it whole
    (重庆日报社 contains 重庆日报: not a place either way; 重庆市委 is fine).
    A text has a few trap words and a few times as many matches: each trap word looks up the matches
    it overlaps (those starting before its end, back to the first ending after its start: the matches
    never overlap, so their ends rise with their starts) instead of each match walking the trap words."""
    vetoed: set[int] = set()
    for trap_start, trap_end in traps:
        j = bisect_left(spans, (trap_end,)) - 1  # the last match starting before the trap word's end
        while j >= 0 and spans[j][1] > trap_start:
            if not (spans[j][0] <= trap_start and trap_end <= spans[j][1]):
                vetoed.add(j)
            j -= 1
    if not vetoed:
        return spans
    return [span for j, span in enumerate(spans) if j not in vetoed]
