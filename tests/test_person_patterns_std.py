"""The officials' and meetings' per-name patterns compiled with the standard engine (anchored.std_compile:
the lexicon's post, cue and by-line patterns, the meetings' role patterns, the meeting dates' small
patterns) find what the ``regex`` module finds with the same source; the per-name fast paths answer as
the patterns they stand for (person_names._punct_or_end, and the Han test of names)."""

from __future__ import annotations

import random
import re

import regex

from extract.extractors import meeting_dates, meetings, person_names
from extract.extractors.officials_lexicon import load_lexicon


def _spans(m: re.Match[str] | regex.Match[str] | None) -> object:
    return None if m is None else [m.span(i) for i in range(m.re.groups + 1)]


def _std_patterns() -> list[re.Pattern[str]]:
    lex = load_lexicon()
    roles = meetings._role_patterns()
    return [lex.post_pattern, lex.follow_pattern, lex.not_official_pattern, *roles.values(),
            *(p for p in vars(meeting_dates).values() if isinstance(p, re.Pattern))]


def _pieces(source: str) -> list[str]:
    """The pattern's words and characters, and filler: random strings of them meet its branches."""
    words = sorted(set(re.findall(r"[^\x00-\x7f|()?:*+\[\]\\$]+", source)))[:400]
    return words + ["人", "会", "，", "。", "\n", " ", "\u3000", "1", "2022", "12", "-", "年", "月", "日", "张三", "：", "/"]


def test_std_patterns_answer_as_the_regex_module(real_texts: list[str]) -> None:
    rnd = random.Random(21)
    patterns = _std_patterns()
    assert len(patterns) >= 16
    for std in patterns:
        theirs = regex.compile(next(src for src, _, p in _registered() if p is std))
        pieces = _pieces(theirs.pattern)
        texts = [t[:3000] for t in real_texts[:30]]
        texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 30))) for _ in range(400)]
        for text in texts:
            for _ in range(40):
                pos = rnd.randrange(len(text) + 1)
                end = rnd.randrange(pos, len(text) + 1)
                for name in ("match", "search", "fullmatch"):
                    assert _spans(getattr(std, name)(text, pos, end)) == _spans(getattr(theirs, name)(text, pos, end)), (
                        theirs.pattern[:80], name, text[pos:end])
            assert [_spans(m) for m in std.finditer(text)] == [_spans(m) for m in theirs.finditer(text)]


def _registered() -> list[tuple[str, bool, re.Pattern[str]]]:
    from extract.anchored import STD_PATTERNS

    return STD_PATTERNS


def test_punct_or_end_is_the_pattern() -> None:
    memo = person_names._HanMemo()
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for pos in range(len(text) + 2):
        want = person_names._PUNCT_OR_END.match(text, pos) is not None
        assert (pos >= len(text) or not memo[text[pos]]) == want, hex(ord(text[pos])) if pos < len(text) else pos
    assert person_names._punct_or_end(text, len(text)) and person_names._punct_or_end("张三", 2)
    assert person_names._punct_or_end("张三,", 2) and not person_names._punct_or_end("张三说", 2)


def test_han_names_are_the_han_run_pattern(real_texts: list[str]) -> None:
    rnd = random.Random(22)
    for text in real_texts:
        for _ in range(200):
            pos = rnd.randrange(len(text) + 1)
            cand = text[pos : pos + rnd.randrange(1, 5)]
            if cand:
                want = person_names._HAN_RUN.fullmatch(cand) is not None
                assert all(map(person_names._IS_HAN.__getitem__, cand)) == want, cand
