"""The gazetteer's cheap checks before its context patterns: a pattern is asked only next to a character
one of its matches starts (or, before a short form, ends) with. Each set is held against its pattern on
every code point of the basic plane (a partial match of the character alone: it can start a match), and
the analysis with the checks against the analysis asking every pattern, on real texts and random strings."""

from __future__ import annotations

import random
from pathlib import Path

import regex

from extract import gazetteer as g

_BMP = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]


def _starters(pattern: str, verbose: bool = False) -> set[str]:
    """Every code point of the basic plane a match of ``pattern`` can start with."""
    compiled = regex.compile(pattern, regex.VERBOSE if verbose else 0)
    return {c for c in _BMP if compiled.match(c, partial=True) is not None}


def _allowed(starters: set[str], first: frozenset[str]) -> set[str]:
    """The starters the cheap check would wrongly skip (none may be)."""
    return {c for c in starters if c not in first and not c.isdigit()}


def test_start_sets_cover_every_match() -> None:
    assert not _allowed(_starters(g._PLACE_SUFFIX.pattern, verbose=True), g._SUFFIX_FIRST)
    assert not _allowed(_starters(g._COUNT_AFTER.pattern), g._COUNT_FIRST)
    assert not _allowed(_starters(g._LIST_TAIL.pattern), g._LIST_TAIL_FIRST)
    assert not _allowed(_starters(g._ZERO_AFTER.pattern), g._ZERO_FIRST)
    assert not _allowed(_starters(g._COUNTED_AFTER.pattern), g._COUNTED_FIRST)
    assert _starters(g._FOUND_THERE_AFTER.pattern) == {"在"}
    assert not _allowed(_starters(g._STREET_AFTER.pattern), g._STREET_FIRST)


def test_locative_end_set_covers_every_match() -> None:
    # A match ends right before the short form: its last character is the one before the form.
    words = "在到赴去来自前往抵达位于途经返回回到驰援支援援助奔赴地处"
    for c in _BMP:
        if c not in g._LOCATIVE_LAST:
            text = words + c
            assert g._LOCATIVE_BEFORE.search(text, len(text) - 2, len(text)) is None, c


def _words() -> list[str]:
    gaz = g.load_gazetteer()
    return [*gaz.candidates, *gaz.short_candidates, *gaz.traps]


_CONTEXT = [
    *"、，,。(（)）在到赴去的和及与等各新增报告例人名宗镇乡区县路街村0123456789一二三四五六七八九十",
    "高新区", "街道", "片区", "工业园", "新增3例", "等4区", "等地", "在隔离人员中发现", "再增一例", "病例(",
    "来自", "前往", "驰援", "均已连续多日零新增", "无新增", "北京路", "一村", "示范", "、莲花", "88例、",
]


def _analysis(text: str) -> list[tuple[int, int, str, str, str]]:
    g._forms.cache_clear()  # (found afresh, with the checks as they stand)
    return [(m.start, m.end, m.area.id, m.form, m.how) for m in g._analysed.__wrapped__(text, None)[0]]


def test_analysis_matches_pattern_answers_on_random_strings(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rnd = random.Random(20)
    words = _words()
    texts = [
        "".join(rnd.choice(words) if rnd.random() < 0.45 else rnd.choice(_CONTEXT) for _ in range(rnd.randint(1, 24)))
        for _ in range(1500)
    ]
    here = Path(__file__).parent
    texts += [p.read_text(encoding="utf-8") for p in sorted((here / "dev" / "articles").glob("*.txt"))[:20]]
    fast = [_analysis(t) for t in texts]
    # Every set holding every character: each pattern is asked everywhere, as before the checks.
    class _All(frozenset):  # type: ignore[type-arg]
        def __contains__(self, item: object) -> bool:
            return True

    for name in ("_SUFFIX_FIRST", "_COUNT_FIRST", "_LIST_TAIL_FIRST", "_ZERO_FIRST", "_COUNTED_FIRST", "_LOCATIVE_LAST", "_STREET_FIRST"):
        monkeypatch.setattr(g, name, _All())
    assert [_analysis(t) for t in texts] == fast
