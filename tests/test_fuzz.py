"""A small run of ``bench/fuzz.py``: mutated, re-encoded, junk-injected real texts never crash the
pipeline, never time out, and every evidence span slices the text to its quote."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def fuzz():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("extract_bench_fuzz", ROOT / "bench" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_fuzz_cases_land(fuzz) -> None:  # type: ignore[no-untyped-def]
    corpus = fuzz.CORPUS if fuzz.CORPUS.is_dir() else ROOT / "data" / "raw"
    texts = fuzz._load(corpus)
    outcomes: Counter[str] = Counter()
    for index in range(60):
        data, kind, meta, label = fuzz.make_case(texts, 2026, index)
        outcome, detail = fuzz.check(data, kind, meta, 20.0)
        assert outcome not in ("crash", "timeout", "offsets"), (index, label, detail)
        outcomes[outcome] += 1
    assert outcomes["article"] >= 45  # most mutated texts are still articles


def test_chinese_utf16_without_bom_is_read() -> None:
    from extract.inputs.decoding import decode_bytes

    text = "12月1日0—12时，重庆市新增本土确诊病例53例；\n新增本土无症状感染者2239例。\n渝中区、江北区各新增感染者10例。\n"
    for codec in ("utf-16-le", "utf-16-be"):
        decoded = decode_bytes(text.encode(codec))
        assert (decoded.text, decoded.encoding) == (text, codec)


def test_a_relative_date_beyond_the_calendar_is_no_date() -> None:
    """Found by the fuzzer: a relative date thousands of years away raised OverflowError."""
    import datetime as dt

    from extract.extractors.dates import DateMention, resolve_relative

    far = DateMention(start=0, end=2, date=None, relative=("article", 10**7))
    assert resolve_relative(far, dt.date(2022, 12, 1), None) is None
    near = DateMention(start=0, end=2, date=None, relative=("article", -1))
    assert resolve_relative(near, dt.date(2022, 12, 1), None) == dt.date(2022, 11, 30)
