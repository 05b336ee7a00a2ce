"""The case-count patterns compiled by the standard ``re`` module (``anchored.std_compile``) find what
the ``regex`` module finds with the same source.

``std_compile`` writes ``\\s`` and ``\\d`` out as the ``regex`` module's members and refuses what the
engines read otherwise; these tests hold the two classes against every code point, and every pattern
it made against ``regex.compile`` of its source: ``match``, ``search``, ``fullmatch`` and ``finditer``
with random windows, on the real texts of the repository and on random strings made of the pattern's
own characters, digits, blanks of both engines' kinds and a few others. Spans of all groups compared.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import regex

import extract.extractors.case_counts  # noqa: F401  (compiles the patterns)
import extract.pipeline  # noqa: F401  (every module that may use std_compile)
from extract.anchored import _DIGIT, _DIGIT_CHARS, _SPACE, _SPACE_CHARS, _SPACE_OUTSIDE, STD_PATTERNS, AnyMatch, std_compile
from extract.extractors.case_counts import lexicon, zeros

# The patterns compiled on first use (the lexicon's alternations and the patterns built from them).
_LEX = lexicon.load_metric_lexicon()
for _lazy in (_LEX.metric_re, _LEX.scope_re, _LEX.measure_re, _LEX.not_count_re, lexicon._count_candidate_re(),
              lexicon._count_lead_re(), lexicon._heading_re(), lexicon.paired_count_re(),
              lexicon._coordinated_item_re(), lexicon._outcome_gap_re(), zeros._joined_metric(), lexicon._count_re()):
    assert isinstance(_lazy, re.Pattern)

ROOT = Path(__file__).resolve().parents[1]

# Characters the engines may read differently, and filler.
_EDGE = ["\x1c", "\x1f", "\u3000", "\xa0", "\n", "\t", " ", "\U00010d41", "\u0661", "٣", "a", "_", "。", "，", ",", "；",
         "（", "）", "(", ")", "：", "、", "0", "1", "5", "9", "一", "二", "十", "例", "人", "名", "宗", "日", "月", "时"]


def _spans(m: AnyMatch | None) -> object:
    if m is None:
        return None
    return [m.span(i) for i in range(m.re.groups + 1)]


def _real_texts() -> list[str]:
    files = sorted((ROOT / "tests" / "realdev" / "articles").glob("*.txt"))[:6]
    files += sorted((ROOT / "tests" / "dev" / "articles").glob("*.txt"))[:4]
    return [f.read_text(encoding="utf-8")[:1500] for f in files]


def _alphabet(source: str) -> list[str]:
    """The pattern's own characters and the runs of its non-ASCII text (the words of an alternation),
    with the edge characters and filler."""
    own = sorted({c for c in source if not c.isascii()} | {c for c in source if c in ",;:()[]-.!?"})
    words = sorted(set(re.findall(r"[^\x00-\x7f]{2,}", source)))
    return own + words + _EDGE


def test_classes_are_the_regex_modules() -> None:
    for std, theirs in ((rf"[{_SPACE}]", r"\s"), (rf"[{_DIGIT}]", r"\d")):
        a, b = re.compile(std), regex.compile(theirs)
        assert all((a.match(chr(c)) is None) == (b.match(chr(c)) is None) for c in range(0x110000)), theirs


def test_written_forms_are_the_regex_modules() -> None:
    # What std_compile writes: \s outside a class as a negated class of the standard category, the
    # members inside one as the characters themselves.
    forms = ((_SPACE_OUTSIDE, r"\s"), (f"[{_SPACE_CHARS}]", r"\s"), (f"[{_DIGIT_CHARS}]", r"\d"),
             (f"[^{_SPACE_CHARS}]", r"\S"), (f"[^{_DIGIT_CHARS}]", r"\D"))
    for std, theirs in forms:
        a, b = re.compile(std), regex.compile(theirs)
        assert all((a.match(chr(c)) is None) == (b.match(chr(c)) is None) for c in range(0x110000)), theirs
    for verbose in (False, True):
        a, b = std_compile(r"[x\s]\s[\d]\d", verbose=verbose), regex.compile(r"[x\s]\s[\d]\d")
        for text in ("x 1\U00016130", "\x1c\x1c11", "\u3000\t\U0001e5fa٣", "x\x1f11"):
            assert _spans(a.match(text)) == _spans(b.match(text)), (verbose, text)


@pytest.mark.parametrize("bad", [r"\w+", r"\bx", r"\p{Han}", r"(?r)a", r"(?>a)", r"a++", r"x{1,2}+", r"[[a]b]", r"(?i)a"])
def test_refuses_what_the_engines_read_otherwise(bad: str) -> None:
    with pytest.raises(ValueError):
        std_compile(bad)


def test_case_count_patterns_are_converted() -> None:
    assert len(STD_PATTERNS) > 120


def _compare(std: re.Pattern[str], theirs: regex.Pattern[str], text: str, pos: int, end: int) -> None:
    for name in ("match", "search", "fullmatch"):
        got = _spans(getattr(std, name)(text, pos, end))
        want = _spans(getattr(theirs, name)(text, pos, end))
        assert got == want, (theirs.pattern, name, text, pos, end)


@pytest.mark.parametrize("k", range(len(STD_PATTERNS)), ids=lambda k: str(k))
def test_same_matches_as_regex(k: int) -> None:
    source, verbose, std = STD_PATTERNS[k]
    theirs = regex.compile(source, regex.VERBOSE if verbose else 0)
    rng = random.Random(k)
    for text in _real_texts():
        assert [_spans(m) for m in std.finditer(text)] == [_spans(m) for m in theirs.finditer(text)]
        for pos in range(0, len(text), 3):
            end = min(len(text), pos + rng.randint(0, 60))
            _compare(std, theirs, text, pos, end)
    alphabet = _alphabet(source)
    for _ in range(600):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert [_spans(m) for m in std.finditer(text)] == [_spans(m) for m in theirs.finditer(text)], (source, text)
        pos = rng.randint(0, len(text))
        end = rng.randint(pos, len(text))
        _compare(std, theirs, text, pos, end)
        _compare(std, theirs, text, 0, len(text))


def test_count_pattern_as_it_was_written_for_regex() -> None:
    """``_count_re`` writes its variable look-behinds (``(?<![\\d.]|\\d,)``) as two fixed ones for ``re``:
    the pattern with them as they were, compiled by ``regex``, finds the same."""
    std = lexicon._count_re()
    source = next(src for src, _, p in STD_PATTERNS if p is std)
    old = source.replace(r"(?<![\d.])(?<!\d,)", r"(?<![\d.]|\d,)").replace(r"(?<![\d.第])(?<!\d,)", r"(?<![\d.第]|\d,)")
    assert old != source
    theirs = regex.compile(old, regex.VERBOSE)
    rng = random.Random(7)
    for text in _real_texts():
        assert [_spans(m) for m in std.finditer(text)] == [_spans(m) for m in theirs.finditer(text)]
    alphabet = _alphabet(source) + ["1,2", "1.5", "第", "万", "1", "22"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert [_spans(m) for m in std.finditer(text)] == [_spans(m) for m in theirs.finditer(text)], text
        for pos in range(len(text) + 1):
            _compare(std, theirs, text, pos, len(text))
