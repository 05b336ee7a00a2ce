"""Properties over arbitrary input (hypothesis): no exception, grounded evidence, valid JSONL.

For any text, ``extract.extract_text`` returns; every evidence satisfies
``text[start:end] == evidence.text``; every output line validates against its
Pydantic model (``model_validate_json``) and against the keys of ``schemas/``;
lines round-trip. Arbitrary Unicode rarely looks like news, so a second strategy
splices and mutates the seed articles, where the extractors do find records.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import orjson
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import extract
from extract.errors import InputProblem
from extract.io import RawDoc, _iter_jsonl_lines, decode
from extract.models import RECORD_TYPES, ArticleExtraction, InputError
from extract.write import serialize

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "raw").glob("*.txt"))]
SCHEMAS = {name: orjson.loads((ROOT / "schemas" / f"{name}.schema.json").read_bytes()) for name in RECORD_TYPES}

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters the extractors care about: the seeds' own, digits, numerals, the
# punctuation of dates and lists, Traditional forms and full-width variants.
ALPHABET = sorted(set("".join(SEEDS)) | set("0123456789〇零一二三四五六七八九十百千万年月日时号例人、,，。;；:：()（）—-~～\n\t 　０１２３重慶區縣確診無症狀"))


@st.composite
def seed_like(draw: st.DrawFn) -> str:
    """A seed article cut, spliced with another, with characters and numbers changed."""
    a, b = draw(st.sampled_from(SEEDS)), draw(st.sampled_from(SEEDS))
    i, j = sorted(draw(st.tuples(st.integers(0, len(a)), st.integers(0, len(a)))))
    k = draw(st.integers(0, len(b)))
    text = a[i:j] + b[k : k + draw(st.integers(0, 400))]
    for _ in range(draw(st.integers(0, 6))):
        pos = draw(st.integers(0, len(text)))
        text = text[:pos] + draw(st.text(alphabet=ALPHABET, max_size=12)) + text[pos + draw(st.integers(0, 5)) :]
    return text


def _walk(value: Any, original: str, path: str = "") -> int:
    """Check every span in a dumped record; returns how many evidence objects were seen."""
    seen = 0
    if isinstance(value, dict):
        if value.keys() == {"start", "end", "text"}:
            assert 0 <= value["start"] <= value["end"] <= len(original), path
            assert original[value["start"] : value["end"]] == value["text"], path
            return 1
        if value.keys() == {"start", "end"}:
            assert 0 <= value["start"] <= value["end"] <= len(original), path
        for k, v in value.items():
            seen += _walk(v, original, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            seen += _walk(v, original, f"{path}[{i}]")
    return seen


def _check_lines(result: ArticleExtraction, text: str) -> None:
    for name, blob in serialize(result).items():
        model = RECORD_TYPES[name]
        schema = SCHEMAS[name]
        for line in blob.splitlines():
            obj = orjson.loads(line)
            assert set(schema.get("required", [])) <= obj.keys() <= schema["properties"].keys()
            record = model.model_validate_json(line)
            assert orjson.dumps(record.model_dump(mode="json")) == line  # the line round-trips byte for byte
            _walk(obj, text)
            assert obj.get("article_id") == result.article.article_id


def _check(text: str) -> None:
    result = extract.extract_text(text)
    assert result.article.body.start <= result.article.body.end <= len(text)
    _walk(result.model_dump(mode="json"), text)
    _check_lines(result, text)
    # the nested extraction round-trips too
    assert ArticleExtraction.model_validate_json(result.model_dump_json()) == result


@FAST
@given(st.text())
@example("")
@example("\x00\ud7ff\U0010ffff")
@example("重慶市\r\n\u2028新增1例\u0085")
def test_arbitrary_unicode(text: str) -> None:
    _check(text)


@FAST
@given(st.text(alphabet=ALPHABET, max_size=600))
def test_news_alphabet(text: str) -> None:
    _check(text)


@FAST
@given(seed_like())
def test_spliced_seeds(text: str) -> None:
    _check(text)


def test_seeds_as_they_are() -> None:
    """The strategies above start from the seeds; the seeds themselves yield grounded records."""
    total = 0
    for text in SEEDS:
        result = extract.extract_text(text)
        total += _walk(result.model_dump(mode="json"), text)
        _check_lines(result, text)
    assert total > 0


@FAST
@given(st.binary(max_size=2000))
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe")
@example(b"\xff\xfe\x00")
def test_decode_any_bytes(data: bytes) -> None:
    """Any bytes decode to text or raise InputProblem, nothing else."""
    try:
        text, enc = decode(data)
    except InputProblem as e:
        assert e.code in {"empty", "binary", "undecodable"}
    else:
        assert text.strip() and enc


_JSON_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=False),
                        st.text(max_size=20), st.lists(st.integers(-(2**63), 2**63 - 1), max_size=2))
_JSON_OBJECTS = st.dictionaries(st.sampled_from(["id", "text", "published", "url", "title", "outlet", "x"]), _JSON_VALUES)
_JSONL_LINES = st.one_of(st.binary(max_size=80), st.builds(orjson.dumps, _JSON_OBJECTS))


@FAST
@given(st.lists(_JSONL_LINES, max_size=8))
def test_jsonl_lines_never_raise(lines: list[bytes]) -> None:
    """Any JSONL content gives one RawDoc or InputError per non-blank line, each writable as JSON."""
    blob = b"\n".join(line.replace(b"\n", b" ") for line in lines)
    got = list(_iter_jsonl_lines(io.BytesIO(blob), "t.jsonl"))
    # a UTF-8 BOM opening the file is no content (a file of only a BOM has no line to read)
    assert len(got) == sum(1 for line in blob.removeprefix(b"\xef\xbb\xbf").split(b"\n") if line.strip())
    for item in got:
        assert isinstance(item, (RawDoc, InputError))
        if isinstance(item, InputError):
            assert InputError.model_validate_json(orjson.dumps(item.model_dump(mode="json"))) == item


def _sentences_by_definition(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences as iter_sentences defines them, spelled out: cut after every run of 。!?; and line
    breaks (a run that starts with a line break is not part of the sentence), blank pieces dropped."""
    out, pos, i = [], start, start
    marks = "。!?;！？；\n"
    while i < end:
        if text[i] in marks:
            j = i
            while j < end and text[j] in marks:
                j += 1
            cut = i if text[i] == "\n" else j
            if text[pos:cut].strip():
                out.append((pos, cut))
            pos = i = j
        else:
            i += 1
    if text[pos:end].strip():
        out.append((pos, end))
    return out


@FAST
@given(st.text(alphabet="。!?;！？；\n \t　\x85甲乙a", max_size=30), st.data())
def test_sentences_are_cut_after_marks_and_line_breaks(text: str, data: st.DataObject) -> None:
    from extract.document import iter_sentences

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert list(iter_sentences(text, start, end)) == _sentences_by_definition(text, start, end)
    assert list(iter_sentences(text)) == _sentences_by_definition(text, 0, len(text))


@FAST
@given(st.text(alphabet="\n\n \t甲乙。", max_size=30), st.data())
def test_blank_outside_blanks_each_character_outside_the_spans(text: str, data: st.DataObject) -> None:
    """blank_outside, spelled out: a character in some span is kept, any other but a line break is a space."""
    from extract.document import blank_outside

    bounds = st.integers(0, len(text))
    keep = data.draw(st.lists(st.tuples(bounds, bounds).map(sorted).map(tuple), max_size=6))
    kept = {i for s, e in keep for i in range(s, e)}
    assert blank_outside(text, keep) == "".join(
        ch if i in kept or ch == "\n" else " " for i, ch in enumerate(text)
    )
