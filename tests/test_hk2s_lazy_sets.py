"""normalize._hk2s_sets compiles at once only the two patterns a Simplified text's conversion asks
(first, run); nine_free, whole and changing on first use. Each is the pattern of the first way, which
compiled all five with the sets (the classes written character by character, each escaped alone)."""

from __future__ import annotations

import re

import pytest

import extract.normalize as nm
from extract.opencc_data import trusted_rows


def _first_way() -> dict[str, str]:
    rows = trusted_rows("opencc_hk2s.tsv", ("chars",))
    if rows is None:  # pragma: no cover - another OpenCC
        pytest.skip("the OpenCC sets are not trusted with the installed OpenCC")
    chars = {key: value for (_, key), value in rows.items()}

    def cls(cs: str, extra: str = "") -> str:
        return "[" + "".join(map(re.escape, cs)) + extra + "]"

    beyond = "\U00010000-\U0010ffff"
    free = cls(chars["free"])
    return {
        "whole": cls(chars["free"], "\x00\u2ff0-\u2fff\u31ef"),
        "first": cls(chars["free"] + chars["changing"], "\x00\u2ff0-\u2fff\u31ef\ud800-\udfff" + beyond),
        "changing": cls(chars["changing"], beyond),
        "run": cls(chars["context"], beyond) + "*",
        "nine_free": f"(?:[^{free[1:-1]}]*+{free}){{{nm._FREE_STEP}}}",
        "free": chars["free"],
    }


def test_the_patterns_are_those_of_the_first_way() -> None:
    expected = _first_way()
    sets = nm._hk2s_sets()
    assert sets is not None
    for name in ("whole", "first", "changing", "run", "nine_free"):
        assert getattr(sets, name).pattern == expected[name], name
    unit = "\x00\u31ef" + "".join(map(chr, range(0x2FF0, 0x3000)))
    assert sets.whole_chars == frozenset(expected["free"] + unit + "".join(map(chr, range(0xD800, 0xE000))))


def test_only_first_and_run_are_compiled_with_the_sets() -> None:
    sets = nm._hk2s_sets()
    assert sets is not None
    fresh = nm._Hk2sSets(sets._free, sets._changing, "甲乙")
    assert not {"whole", "changing", "nine_free"} & set(vars(fresh))
    assert fresh.nine_free is fresh.nine_free and "nine_free" in vars(fresh)
