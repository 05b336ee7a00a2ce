"""The case counts' cleared zeros: a paragraph is scanned by cleared_re only when may_be_cleared says
a match can end there (a metric phrase, one of the links, then 清零); it must say so wherever the
pattern finds one, on random strings of metric words, links, policy words and filler."""

from __future__ import annotations

import random

from extract.extractors.case_counts.lexicon import cleared_re, load_metric_lexicon, metric_occurrences
from extract.extractors.case_counts.zeros import may_be_cleared

_PIECES = ("清零", "清", "零", "已", "已经", "全部", "均已", "已全部", "动态", "社会面", "力争", "，", "。", "本土", "现有",
           "在院", "新冠肺炎", "甲", " ", "\n")


def _gate(text: str, start: int, end: int) -> bool:
    lex = load_metric_lexicon()
    ends = frozenset(e for _, e in metric_occurrences(text, 0, len(text), lex))
    return may_be_cleared(text, start, end, ends)


def test_gate_holds_wherever_the_pattern_matches() -> None:
    rng = random.Random(17)
    words = sorted(load_metric_lexicon().metric)
    pattern = cleared_re()
    matched = 0
    for _ in range(8000):
        pieces = [rng.choice(words) if rng.random() < 0.3 else rng.choice(_PIECES) for _ in range(rng.randint(1, 12))]
        text = "".join(pieces)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        found = list(pattern.finditer(text, start, end))
        if found:
            matched += 1
            assert _gate(text, start, end), (text, start, end)
        elif "清零" not in text[start:end]:
            assert not _gate(text, start, end)
    assert matched > 40


def test_policy_words_are_not_scanned() -> None:
    assert not _gate("坚持动态清零总方针，力争社会面清零。", 0, 18)
    text = "黑河市爱辉区新冠肺炎确诊病例清零，在院确诊病例全部清零"
    assert _gate(text, 0, len(text))
    assert len(list(cleared_re().finditer(text))) == 2
