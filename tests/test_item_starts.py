"""A per-case list's items tried where the reader's automaton found an item word are the items its scan finds."""

from __future__ import annotations

import random
from pathlib import Path

from extract.extractors.case_counts import case_lists
from extract.extractors.case_counts.item_words import ITEM_WORDS, NOUNS
from extract.extractors.case_counts.regions import reader_hits

ROOT = Path(__file__).resolve().parents[1]


def _spans(items: list[tuple[object, int, int]]) -> list[tuple[int, int, int, int]]:
    return [(m.start(), m.end(), a, b) for m, a, b in items]  # type: ignore[attr-defined]


def _check(text: str, start: int, end: int) -> int:
    words = reader_hits(text, start, end).items
    want = _spans(case_lists._items(text, start, end))
    assert _spans(case_lists._items(text, start, end, words)) == want, (text, start, end)
    return len(want)


def test_item_words_are_the_nouns_and_the_ordinal() -> None:
    assert set(ITEM_WORDS) == {*NOUNS, "第"} and case_lists._NOUNS is NOUNS


def test_items_from_item_words_on_real_texts() -> None:
    rng = random.Random(31)
    found = 0
    for folder in (ROOT / "data" / "raw", ROOT / "tests" / "realdev" / "articles", ROOT / "tests" / "dev" / "articles"):
        for path in sorted(folder.glob("*")):
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, IsADirectoryError):
                continue
            found += _check(text, 0, len(text))
            for _ in range(3):
                a = rng.randint(0, len(text))
                _check(text, a, rng.randint(a, len(text)))
    assert found > 0


def test_items_from_item_words_on_random_strings() -> None:
    rng = random.Random(37)
    pieces = [*NOUNS, "第", "例", "病例12", "，病例3", "\n第4例", "1", "23", "４", " ", "\u3000", "\n", "\x1c", "—", "至", "、", "，", "和", "区", "境外输入",
              "本土", "：", "：", "人", "名", ".5", "病", "确诊"]
    found = 0
    for _ in range(40000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        a = rng.randint(0, len(text))
        found += _check(text, a, rng.randint(a, len(text)))
    assert found > 150
