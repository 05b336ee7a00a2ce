"""Converting only what OpenCC can change (``data/opencc_hk2s.tsv``) gives OpenCC's own answer."""

from __future__ import annotations

import functools
import re

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import normalize as nm
from extract.errors import ResourceError
from extract.opencc_data import trusted_rows
from extract.resources import read_data, tsv_rows

_ROWS = [row for _, row in tsv_rows(read_data("opencc_hk2s.tsv"), "opencc_hk2s.tsv", ("kind", "name", "value"))]
_CHARS = {row["name"]: row["value"] for row in _ROWS if row["kind"] == "chars"}
_VERSION = next(row["value"] for row in _ROWS if row["kind"] == "version")


@functools.cache
def _hk2s() -> nm._Converter:
    converter: nm._Converter = opencc.OpenCC("hk2s")
    return converter


def test_the_sets_are_used_with_the_opencc_they_were_read_from() -> None:
    # With another OpenCC the file is not trusted (the conversion is then whole, as before).
    assert (nm._hk2s_sets() is not None) == (opencc.__version__ == _VERSION)


@pytest.mark.skipif(opencc.__version__ != _VERSION, reason="the sets are for another OpenCC")
def test_free_characters_change_alone_and_the_others_do_not() -> None:
    hk2s = _hk2s()
    free = _CHARS["free"]
    converted = hk2s.convert("\n".join(free)).split("\n")
    assert all(len(c) == 1 and c != ch for ch, c in zip(free, converted))
    # A context character that no entry changes is given back, alone and in runs.
    steady = "".join(sorted(set(_CHARS["context"]) - set(_CHARS["changing"])))
    assert hk2s.convert(steady) == steady
    assert hk2s.convert("\n".join(steady)) == "\n".join(steady)


#: Phrases OpenCC converts as phrases (乾燥 → 干燥, while 乾 alone is a free character, 乾隆 stays), a
#: Hong Kong variant in a phrase, and their pieces; with ideographic description characters and NUL.
_PIECES = ["乾燥", "乾隆", "乾", "燥", "隆", "意志消沈", "憑藉", "慰藉", "深沈", "衞生", "隨着", "着", "户口", "户",
           "台風", "台", "覆蓋", "覆", "吃", "喫", "⿰", "⿰國語", "\x00", "\n", "，", "。", " ", "1", "a", "國", "语"]


_WHOLE = set(_CHARS["free"]) | {"\x00", "\u31ef", *map(chr, range(0x2FF0, 0x3000))}


@st.composite
def _texts(draw: st.DrawFn) -> str:
    context, changing, free = (st.sampled_from(sorted(_CHARS[k])) for k in ("context", "changing", "free"))
    beyond = st.characters(min_codepoint=0x10000, max_codepoint=0x2FFFF)
    parts = draw(st.lists(st.one_of(st.sampled_from(_PIECES), context, changing, beyond, free, st.characters(codec="utf-8")),
                          max_size=40))
    text = "".join(parts)
    # Half the texts without the characters that have a text converted whole (else few would not be).
    return text if draw(st.booleans()) else "".join(ch for ch in text if ch not in _WHOLE)


@pytest.mark.skipif(opencc.__version__ != _VERSION, reason="the sets are for another OpenCC")
@settings(max_examples=500, deadline=None)
@given(_texts())
def test_fast_conversion_is_opencc_conversion(text: str) -> None:
    sets = nm._hk2s_sets()
    assert sets is not None
    text = nm._SURROGATE.sub("\ufffd", text)
    fast = nm._fast_convert(text, _hk2s(), sets)
    if fast is None:  # converted whole: a free character, NUL or ⿰
        assert any(ch in _WHOLE for ch in text)
    else:
        assert not any(ch in _WHOLE for ch in text)
        assert fast == _hk2s().convert(text)


def test_whole_conversion_without_the_sets(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["乾燥的户口本", "重慶市新增本土確診病例53例", "a\x00乾燥b\n乾隆", "⿰國語 隨着", "台風吃飯"]
    expected = [nm.normalize(t) for t in texts]
    monkeypatch.setattr(nm, "_hk2s_sets", lambda: None)
    assert [nm.normalize(t) for t in texts] == expected


def _with_data(monkeypatch: pytest.MonkeyPatch, text: str) -> nm._Hk2sSets | None:
    import extract.opencc_data

    monkeypatch.setattr(extract.opencc_data, "read_data", lambda name: text)
    nm._hk2s_sets.cache_clear()
    try:
        return nm._hk2s_sets()
    finally:
        monkeypatch.undo()
        nm._hk2s_sets.cache_clear()


def test_another_dictionary_or_version_is_not_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    data = read_data("opencc_hk2s.tsv")
    sha = next(row["value"] for row in _ROWS if row["name"] == "TSPhrases.ocd2")
    assert _with_data(monkeypatch, data.replace(sha, "0" * 64)) is None
    assert _with_data(monkeypatch, data.replace(f"version\topencc\t{_VERSION}", "version\topencc\t0.0.1")) is None
    assert _with_data(monkeypatch, data.replace("TSPhrases.ocd2", "Missing.ocd2")) is None


def test_a_broken_data_file_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    data = read_data("opencc_hk2s.tsv")
    with pytest.raises(ResourceError, match="unknown or repeated"):
        _with_data(monkeypatch, data + "chars\tfree\t乾\n")
    with pytest.raises(ResourceError, match="no OpenCC version"):
        _with_data(monkeypatch, data.replace(f"version\topencc\t{_VERSION}\n", ""))
    free_line = next(line for line in data.splitlines() if line.startswith("chars\tfree\t"))
    with pytest.raises(ResourceError, match="free ones"):
        _with_data(monkeypatch, data.replace(free_line, free_line + "一"))  # 一 is a context character
    with pytest.raises(ResourceError, match="BMP"):
        _with_data(monkeypatch, data.replace(free_line, free_line + "\U00020000"))


@pytest.mark.skipif(opencc.__version__ != _VERSION, reason="the file is for another OpenCC")
def test_the_simplified_only_ranges_are_opencc_s2t() -> None:
    rows = trusted_rows("opencc_s2t.tsv", ("ranges",))
    assert rows is not None
    assert nm._read_ranges(rows["ranges", "simplified_only"], "t") == nm._simplified_only_ranges()
    assert nm._simplified_only_class().findall("发这个國语") == ["发", "这", "个", "语"]


@pytest.mark.parametrize("value", ["4e00-4dff", "4e00 4e00", "4e00-4e05 4e03", "d7ff-e000", "001f", "zz", "4e00-"])
def test_bad_ranges_fail_loudly(value: str) -> None:
    with pytest.raises(ResourceError):
        nm._read_ranges(value, "t")


def test_the_script_class_is_the_simplified_only_and_the_asked_characters() -> None:
    # detect_script reads both kinds in one pass: the merged class finds exactly what the two found.
    every = "".join(map(chr, range(0x110000)))
    asked = nm._ASKED.findall(every)
    assert re.compile("[" + nm._ASKED_RANGES + "]").findall(every) == asked
    assert "\t" not in asked and "\n" not in asked and "\ud800" in asked and "\U00020000" in asked
    simplified_only = nm._simplified_only_class().findall(every)
    assert nm._script_class().findall(every) == sorted(simplified_only + asked)
