"""_convert finds what has a text converted whole (a free character, NUL, ⿰…, a lone surrogate) in the scan
for the changing characters, and lets OpenCC's binding find a surrogate: the answer is OpenCC's own, of the
text with its surrogates as U+FFFD, as when the text was encoded and searched beforehand."""

from __future__ import annotations

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import normalize as nm
from extract.resources import read_data, tsv_rows

_ROWS = [row for _, row in tsv_rows(read_data("opencc_hk2s.tsv"), "opencc_hk2s.tsv", ("kind", "name", "value"))]
_CHARS = {row["name"]: row["value"] for row in _ROWS if row["kind"] == "chars"}
_HK2S = opencc.OpenCC("hk2s")


def _reference(text: str) -> str:
    """OpenCC's whole conversion of the text with its surrogates replaced (the old way)."""
    text = nm._SURROGATE.sub("\ufffd", text)
    out = _HK2S.convert(text)
    if len(out) == len(text):
        return out
    return "".join(nm._convert_line(_HK2S, line) for line in text.splitlines(keepends=True))


_PIECES = [*_CHARS["changing"][:30], *_CHARS["context"][:30], *_CHARS["free"][:30], "\x00", "⿰", "\u31ef", "\ud800",
           "\udfff", "\U00020000", "\n", "重庆", "乾燥", "乾隆", "後", "发", "，", "a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_the_conversion_is_opencc_of_the_encodable_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert nm._convert(text, nm._TO_SIMPLIFIED) == _reference(text)


@pytest.mark.parametrize("text", ["甲\ud800乙", "\udfff", "重庆\ud800後", "乾燥\ud800", "\ud800\x00"])
def test_a_lone_surrogate_has_the_text_converted_whole(text: str) -> None:
    sets = nm._hk2s_sets()
    if sets is None:  # pragma: no cover - another OpenCC
        pytest.skip("the OpenCC sets are not trusted with the installed OpenCC")
    assert nm._fast_convert(text, _HK2S, sets) is None
    assert nm._convert(text, nm._TO_SIMPLIFIED) == _reference(text)


def test_real_texts_convert_as_before(real_texts: list[str], gated_texts: list[str]) -> None:
    for text in [*real_texts, *gated_texts]:
        for variant in (text, opencc.OpenCC("s2t").convert(text)):
            assert nm._convert(variant, nm._TO_SIMPLIFIED) == _reference(variant)
