"""Normalisation: Traditional → Simplified, full-width → half-width, offsets exact."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalize import _convert, normalize, to_simplified

CASES = [
    # (original, normalised) — real phrases from the seeds and notices
    ("重慶市新增本土確診病例53例", "重庆市新增本土确诊病例53例"),
    ("沙坪壩區27例，墊江縣18例", "沙坪坝区27例,垫江县18例"),
    ("１２月１日０—１２時", "12月1日0—12时"),
    ("陳敏爾在市新冠肺炎疫情防控工作專題彙報會上強調", "陈敏尔在市新冠肺炎疫情防控工作专题汇报会上强调"),
    ("萬盛經開區、兩江新區", "万盛经开区、两江新区"),
    ("（不含由無症狀感染者轉確診病例的55例）", "(不含由无症状感染者转确诊病例的55例)"),
    ("全角空格\u3000之后", "全角空格 之后"),
    ("已经是简体的文字不变。", "已经是简体的文字不变。"),
]


@pytest.mark.parametrize(("original", "expected"), CASES)
def test_to_simplified(original: str, expected: str) -> None:
    assert to_simplified(original) == expected


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("重慶市新增本土確診病例53例,新增本土無症狀感染者2239例。", "traditional"),
        ("重庆市新增本土确诊病例53例,新增本土无症状感染者2239例。", "simplified"),
        ("重慶市新增本土確診病例53例。重庆市新增本土无症状感染者2239例,治愈出院。", "mixed"),
        ("12345 abc", "simplified"),
        ("重慶市新增１２例，（不含）：", "traditional"),  # full-width forms are not a script
        ("重庆市新增１２例，（不含）：", "simplified"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert normalize(text).script == script


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalisation_preserves_length_and_evidence(text: str) -> None:
    norm = normalize(text)
    assert len(norm.text) == len(text)
    for start in range(0, len(text), 3):
        end = min(len(text), start + 5)
        ev = norm.evidence(start, end)
        assert text[ev.start : ev.end] == ev.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("重慶兩區縣萬盛經開確診無症狀１２３，：（）　\n例新增")))
def test_normalised_chars_align(text: str) -> None:
    # Character i of the normalised text is the conversion of character i alone.
    norm = normalize(text)
    for a, b in zip(text, norm.text):
        assert b == to_simplified(a) or len(to_simplified(a)) != 1


_S2T = None


def _script_by_definition(original: str) -> str:
    """detect_script's rule computed character by character: Traditional-only characters (those the
    conversion changed) against Simplified-only ones (those ``s2t`` changes), over the sample."""
    import opencc

    global _S2T
    _S2T = _S2T or opencc.OpenCC("s2t")
    sample = original[:20_000]
    converted = _convert(original, "hk2s")[:20_000]
    trad = sum(a != b for a, b in zip(sample, converted))
    simp = sum(_S2T.convert(ch) != ch for ch in sample)
    if not trad:
        return "simplified"
    share = trad / (trad + simp)
    return "traditional" if share >= 0.9 else "simplified" if share <= 0.1 else "mixed"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet=st.sampled_from("重慶庆兩两區区確确診诊无無例新增,12\n"), max_size=30),
                          st.integers(1, 80)), max_size=4))
def test_detect_script_follows_its_rule(parts: list[tuple[str, int]]) -> None:
    # Long texts too: the count may stop early (at 9 Traditional-only characters for each Simplified-only one).
    text = "".join(chunk * times for chunk, times in parts)
    assert normalize(text).script == _script_by_definition(text)


def test_differences_counts_the_positions_that_differ() -> None:
    """_differences (UTF-16 words, UTF-32 when a character is beyond the BMP) counts as a comparison of
    each position does, lone surrogates included."""
    import random

    from extract.normalize import _differences

    rng = random.Random(3)
    chars = "甲乙丙丁重慶庆a\U00020000\U00020001\ud800\udc00"
    for _ in range(20000):
        a = "".join(rng.choice(chars) for _ in range(rng.randint(0, 30)))
        b = "".join(rng.choice(chars) for _ in range(rng.randint(0, 30)))
        assert _differences(a, b) == sum(x != y for x, y in zip(a, b)), (a, b)
