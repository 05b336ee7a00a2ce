"""officials._org_start scans a span for _CLAUSE_BREAK only when it holds one of _BREAK_CHARS: the
answers are those of the scan asked every time, on random strings of the pattern's pieces and org words."""

from __future__ import annotations

import random

import pytest

from extract.extractors import title_finder as officials  # (the title finder, split from officials)
from extract.extractors.title_finder import _CLAUSE_BREAK, _org_start, load_lexicon

_PIECES = ("市", "区", "重庆", "卫生健康委", "政府", "副主任", "市长", "的", "任命", "免去", "决定", "当选", "兼任",
           "接任", "为", "就", "针对", "(", ")", "(指挥部)", "指挥部", "领导小组", "病毒感染", "新型冠状病毒", "，", "、",
           " ", "A", "1", "陈敏尔", "据")


class _NeverDisjoint:
    """A stand-in for _BREAK_CHARS that sends every span to the scan."""

    def isdisjoint(self, _: object) -> bool:
        return False


def test_break_chars_cover_every_break_but_the_marks() -> None:
    for piece in ("任命", "免去", "决定", "兼任", "接任", "出任", "改任", "升任", "继任", "当选", "针对", "就", "(", ")"):
        assert not officials._BREAK_CHARS.isdisjoint(piece)
    assert not officials._BREAK_CHARS.isdisjoint("的") and not officials._BREAK_CHARS.isdisjoint("为")
    # A Han, Latin or digit run without those characters holds no break.
    assert _CLAUSE_BREAK.search("重庆市卫生健康委副主任AB12") is None


def test_org_start_same_with_and_without_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = load_lexicon()
    rng = random.Random(1816)
    texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(1500)]
    fast = [[_org_start(t, p, lex) for p in range(len(t) + 1)] for t in texts]
    monkeypatch.setattr(officials, "_BREAK_CHARS", _NeverDisjoint())
    slow = [[_org_start(t, p, lex) for p in range(len(t) + 1)] for t in texts]
    assert fast == slow
    assert sum(a != p for row in fast for p, a in enumerate(row)) > 1000  # organisations found, not just none
