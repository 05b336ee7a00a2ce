"""The reader's bare metric starts (metric phrases outside brackets that name no place where cases were
found, 隔离管控中发现): found_metric_at is asked only of a body that holds 中发现 after its start, which
every phrase it holds for ends with. The starts are those of the filter asked of every start, on the
case-count examples and on texts of found-where phrases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from extract.document import Doc
from extract.extractors.case_counts.lexicon import load_metric_lexicon
from extract.extractors.case_counts.paragraphs import _outside_brackets
from extract.extractors.case_counts.reader import _Reader
from extract.normalize import normalize

CASES = json.loads((Path(__file__).parent / "cases" / "case_counts.json").read_text(encoding="utf-8"))["cases"]


def _doc(text: str) -> Doc:
    norm = normalize(text).text
    return Doc(article_id="t", original=text, text=norm, body=(0, len(text)), published=dt.date(2022, 12, 1))


def test_found_where_phrases_hold_the_gate_word() -> None:
    lex = load_metric_lexicon()
    assert [p for p in lex.metric if p.endswith("中发现")], "the lexicon names found-where phrases"
    assert all("中发现" in p for p in lex.metric if p.endswith("中发现"))


def test_bare_metric_starts_are_the_filtered_starts() -> None:
    texts = [c["text"] for c in CASES] + [
        "12月1日0—24时，新增本土确诊病例5例，其中3例在隔离管控中发现，2例在社会面筛查中发现。",
        "新增无症状感染者10例（隔离管控中发现8例），核酸筛查中发现2例，累计确诊病例30例。",
    ]
    indexed = 0
    for text in texts:
        reader = _Reader(_doc(text))
        if reader.idle:
            continue
        start, end = reader.doc.body
        want = [p for p in _outside_brackets(reader.text, reader.metric_starts, start, end) if not reader.found_metric_at(p)]
        assert reader.bare_metric_starts == want, text
        indexed += 1
    assert indexed > 10
