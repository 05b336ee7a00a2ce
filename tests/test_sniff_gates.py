"""The format sniff and the pinyin strip skip their searches on texts that cannot match (str tests first):
both answer as the searches asked every time do, on random texts of the patterns' pieces."""

from __future__ import annotations

import random

from extract.inputs.html import looks_like_html
from extract.inputs.markdown import front_matter, looks_like_markdown
from extract.inputs.prepare import _PINYIN, _TONE_MARK, sniff, strip_pinyin

_PIECES = [
    "---", "\ufeff---", "---\n", "title: 标题\n", "...", "#", "# ", "### 标题\n", "#话题#", ">", "> ", "<", "<p>", "</p>",
    "<html>", "<!DOCTYPE html>", "<br/>", "](", "[链接](https://x.cn/1)", "](/a)", "**", "**粗体**", "~~", "~~删~~",
    "![", "![图](a.png)", "[", "]", "*", "~", "!", "\n", " ", "\t", "\u3000", "重庆新增18例", "。", "(", "（", ")", "）",
    "shí", "wú", "de", "CNA", "ü", "ǚ", "a", "時", "無", "x", "時(shí)", "無（wú）", "(de)", "(sh", "í)",
]


def _reference_sniff(text: str) -> str:
    """:func:`sniff` as first written: every search asked."""
    if front_matter(text[:20000])[1]:
        return "markdown"
    if looks_like_html(text):
        return "html"
    if looks_like_markdown(text):
        return "markdown"
    return "text"


def _reference_strip(text: str) -> tuple[str, int]:
    if _TONE_MARK.search(text) is None:
        return text, 0
    return _PINYIN.subn("", text)


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_sniff_as_every_search() -> None:
    for text in _texts(1, 4000):
        assert sniff(text) == _reference_sniff(text), text


def test_sniff_reads_the_head_only() -> None:
    filler = "正文" * 10000
    for tail in ("<p>a</p><p>b</p>", "# 标题\n[a](https://x.cn)", ""):
        text = filler + tail
        assert sniff(text) == _reference_sniff(text) == "text"
    for text in ("   # 标题\n正文", "\n\n### 标题\n正文", "\u3000# 标题\n正文", "\x1c# 标题\n正文"):
        assert sniff(text) == _reference_sniff(text), repr(text)


def test_strip_pinyin_as_the_search() -> None:
    for text in _texts(2, 4000):
        assert strip_pinyin(text) == _reference_strip(text), text
    for text in ("時(shí)", "無（wú）新增", "時(ǚ)", "病例（de）", "(shí)", "時(", "時（"):
        assert strip_pinyin(text) == _reference_strip(text), text
