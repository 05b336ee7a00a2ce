"""models.district and models.evidence assemble the records their validators make, and validate the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from extract.models import District, Evidence, district, evidence
from extract.pipeline import extract_text

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [*sorted((ROOT / "data" / "raw").glob("*.txt")), *sorted((ROOT / "tests" / "dev" / "articles").glob("*.txt"))]
_FIELDS = ("article_id", "name", "code", "kind", "mentions", "prefecture", "prefecture_code", "province", "province_code")


def _same(ours: BaseModel, theirs: BaseModel) -> None:
    assert type(ours) is type(theirs) and ours == theirs
    assert list(ours.__dict__.items()) == list(theirs.__dict__.items())
    assert ours.__pydantic_fields_set__ == theirs.__pydantic_fields_set__
    assert ours.__pydantic_extra__ == theirs.__pydantic_extra__ and ours.__pydantic_private__ == theirs.__pydantic_private__
    assert ours.model_dump_json() == theirs.model_dump_json()


def _validated(fields: list[object]) -> District:
    values = dict(zip(_FIELDS, fields))
    mentions = values["mentions"]
    values["mentions"] = [m.model_dump() if isinstance(m, Evidence) else m for m in mentions]  # type: ignore[attr-defined]
    return District(**values, count=len(mentions))  # type: ignore[arg-type]


def test_the_records_of_real_texts() -> None:
    seen = 0
    for path in TEXTS:
        for record in extract_text(path.read_text(encoding="utf-8"), article_id=path.stem).districts:
            fields = [getattr(record, f) for f in _FIELDS]
            fields[4] = [evidence(m.start, m.end, m.text) for m in record.mentions]
            for ours, theirs in zip(fields[4], record.mentions):
                _same(ours, Evidence(start=theirs.start, end=theirs.end, text=theirs.text))
            _same(district(*fields), _validated(fields))  # type: ignore[arg-type]
            seen += 1
    assert seen > 50


_GOOD = ["a", "武汉市", "420100", "city", [Evidence(start=0, end=2, text="武汉")], "武汉市", "420100", "湖北省", "420000"]


@pytest.mark.parametrize(("at", "value"), [
    (2, None), (5, None), (6, None), (7, None), (8, None), (3, "village"), (2, "42010"), (2, "4201000"), (2, "42010x"),
    (2, "٤٢٠١٠٠"), (6, "４２０１００"), (8, 420000), (4, []), (0, None), (1, 5), (3, ["city"]),
    (4, [{"start": 0, "end": 2, "text": "武汉"}]), (4, [{"start": 3, "end": 2, "text": ""}]),
])
def test_other_values_are_validated(at: int, value: object) -> None:
    fields = list(_GOOD)
    fields[at] = value
    try:
        expected = _validated(fields)
    except ValidationError as error:
        with pytest.raises(ValidationError) as ours:
            district(*fields)  # type: ignore[arg-type]
        assert ours.value.errors(include_context=False) == error.errors(include_context=False)
    else:
        _same(district(*fields), expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(("start", "end", "text"), [
    (0, 0, ""), (3, 7, "四个字"), (-1, 2, "x"), (5, 2, "x"), (True, 2, "x"), (1.0, 2, "x"), ("1", 2, "x"), (0, 1, 5),
])
def test_evidence(start: object, end: object, text: object) -> None:
    try:
        expected = Evidence(start=start, end=end, text=text)  # type: ignore[arg-type]
    except ValidationError as error:
        with pytest.raises(ValidationError) as ours:
            evidence(start, end, text)  # type: ignore[arg-type]
        assert ours.value.errors(include_context=False) == error.errors(include_context=False)
    else:
        _same(evidence(start, end, text), expected)  # type: ignore[arg-type]
