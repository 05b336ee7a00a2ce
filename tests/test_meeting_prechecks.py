"""The meetings extractor asks two Unicode-property patterns only when a word they need is near
(cited_names._cited_after, cited_names._cited_titled): the answers are the patterns' own."""

from __future__ import annotations

import random
from pathlib import Path

from extract.extractors import cited_names

ROOT = Path(__file__).resolve().parents[1]
_PIECES = ["同志", "新时代", "思想", "为核心", "重要讲话", "重要指示", "重要", "贯彻", "学习", "落实", "遵照", "传达",
           "领会", "好", "了", " ", "省委书记", "市长", "主任", "陈敏尔", "习近平", "社会主义", "，", "。", "的", "在", "a1"]


def _texts(real: list[str]) -> list[str]:
    out = list(real)
    rnd = random.Random(11)
    return out + ["".join(rnd.choice(_PIECES) for _ in range(rnd.randrange(1, 25))) for _ in range(3000)]


def test_prechecked_patterns_answer_as_the_patterns(real_texts: list[str]) -> None:
    rnd = random.Random(12)
    hits = 0
    for text in _texts(real_texts):
        positions = range(len(text) + 1) if len(text) < 200 else [rnd.randrange(len(text) + 1) for _ in range(300)]
        for pos in positions:
            want = cited_names._CITED_AFTER.match(text, pos) is not None
            assert cited_names._cited_after(text, pos) == want, (text, pos)
            lo = max(0, pos - rnd.randrange(0, 30))
            titled = cited_names._CITED_TITLED.search(text, lo, pos) is not None
            assert cited_names._cited_titled(text, lo, pos) == titled, (text, lo, pos)
            hits += want + titled
    assert hits > 100
