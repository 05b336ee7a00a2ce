"""detect_script's shortcut: a text holding at least nine free characters (each one a Traditional-only
character of its conversion) for each Simplified-only one is Traditional without counting the differences."""

from __future__ import annotations

import re

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import normalize as nm
from extract.resources import read_data, tsv_rows

_ROWS = [row for _, row in tsv_rows(read_data("opencc_hk2s.tsv"), "opencc_hk2s.tsv", ("kind", "name", "value"))]
_FREE = next(row["value"] for row in _ROWS if row["kind"] == "chars" and row["name"] == "free")
_FREE_CLASS = re.compile(nm._char_class(_FREE))


def _sets() -> nm._Hk2sSets:
    sets = nm._hk2s_sets()
    if sets is None:  # pragma: no cover - another OpenCC: the shortcut is off
        pytest.skip("the OpenCC sets are not trusted with the installed OpenCC")
    return sets


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_FREE[:40] + "重庆两区一例，\n 12abc\x00\U00020000\ud800"), max_size=300),
       st.integers(0, 40))
def test_free_at_least_counts_the_free_characters(text: str, simp: int) -> None:
    assert nm._free_at_least(_sets(), text, simp) == (len(_FREE_CLASS.findall(text)) >= 9 * simp)


def _script_by_count(original: str) -> str:
    """detect_script's rule with every difference counted (the shortcut off)."""
    sample = original[: nm._SCRIPT_SAMPLE]
    converted = nm._convert(original, nm._TO_SIMPLIFIED)[: nm._SCRIPT_SAMPLE]
    trad = nm._differences(sample, converted)
    if not trad:
        return "simplified"
    found = nm._script_class().findall(sample)
    asked = nm._ASKED.findall("".join(found))
    table = nm._simplified_only(asked)
    simp = len(found) - len(asked) + sum(1 for ch in asked if table[ch])
    share = trad / (trad + simp)
    return "traditional" if share >= 0.9 else "simplified" if share <= 0.1 else "mixed"


def test_the_shortcut_keeps_every_script_of_real_texts(real_texts: list[str], gated_texts: list[str]) -> None:
    s2t = opencc.OpenCC("s2t")
    for text in [*real_texts, *gated_texts]:
        for variant in (text, s2t.convert(text), text[: len(text) // 2] + s2t.convert(text[len(text) // 2 :])):
            assert nm.normalize(variant).script == _script_by_count(variant)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet=st.sampled_from("重慶庆兩两區区確确診诊无無例新增后後发發,12\n"), max_size=30),
                          st.integers(1, 80)), max_size=4))
def test_the_shortcut_keeps_the_script_near_the_bounds(parts: list[tuple[str, int]]) -> None:
    text = "".join(chunk * times for chunk, times in parts)
    assert nm.normalize(text).script == _script_by_count(text)
