"""The shared helpers of anchored scans: what they find is what the scans they replace find."""

from __future__ import annotations

import random

from extract.anchored import char_positions
from extract.extractors import dates
from extract.extractors.case_counts.paragraphs import _GOES_ON_AT_END, _goes_on


def test_char_positions_are_every_place_of_the_characters_in_order() -> None:
    text = "3月1日、2日至5号，较29日"
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert char_positions(text, "日号", start, end) == [i for i in range(start, end) if text[i] in "日号"]
    assert char_positions("", "日", 0, 0) == []


def test_date_anchors_found_by_their_characters_are_the_scans() -> None:
    """An anchor pattern is one character with look-arounds: matched where the character stands, it finds
    what its scan finds (the look-behinds see the text before the window, as in the scan)."""
    rng = random.Random(7)
    alphabet = "月日号较至、，1 2十三新增报告在于\n"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        for anchor, chars in dates._ANCHOR_CHARS.items():
            found = [q for q in char_positions(text, chars, start, end) if anchor.match(text, q, end)]
            assert found == [m.start() for m in anchor.finditer(text, start, end)], (text, start, end)


def test_goes_on_is_the_search_it_gates() -> None:
    rng = random.Random(11)
    alphabet = list("其中如下:：—、;；。 \n\t\u3000\x1c\x85a例")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        tail = rng.randint(0, len(text))
        stop = rng.randint(tail, len(text))
        assert _goes_on(text, tail, stop) == (_GOES_ON_AT_END.search(text, tail, stop) is not None), (text, tail, stop)
