"""unit_places.count_places finds the places the count candidate's backward scan finds."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import regex

from extract.extractors.case_counts import lexicon, unit_places
from extract.extractors.dates import CN_NUM


ROOT = Path(__file__).resolve().parents[1]




def test_numerals_are_the_pattern_class() -> None:
    cls = regex.compile(rf"[\d{CN_NUM}]")
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        assert unit_places._is_numeral(ch) == (cls.match(ch) is not None), hex(cp)


def test_places_are_the_scans() -> None:
    rng = random.Random(23)
    alphabet = ["1", "2", "٣", "十", "两", "千", "多", "余", "例", "人", "名", "宗", "和", "及", " ", "\u3000", "\n",
                "\x1c", "新增", "病例", "，", "、", "万余人", "上千"]
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert unit_places.count_places(text, start, end) == lexicon.count_places(text, start, end), (text, start, end)


def test_places_are_the_scans_on_real_texts(real_texts: list[str]) -> None:
    rng = random.Random(29)
    for text in real_texts:
        for _ in range(5):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            assert unit_places.count_places(text, start, end) == lexicon.count_places(text, start, end)
        assert unit_places.count_places(text, 0, len(text)) == lexicon.count_places(text, 0, len(text))
