"""models.district and models.evidence assemble the records their validators make, and validate the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from extract.models import District, Evidence, district, evidence
from extract.pipeline import extract_text
from fast_records import built_as_validated, same_record

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [*sorted((ROOT / "data" / "raw").glob("*.txt")), *sorted((ROOT / "tests" / "dev" / "articles").glob("*.txt"))]
_FIELDS = ("article_id", "name", "code", "kind", "mentions", "prefecture", "prefecture_code", "province", "province_code")




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
                same_record(ours, Evidence(start=theirs.start, end=theirs.end, text=theirs.text))
            same_record(district(*fields), _validated(fields))  # type: ignore[arg-type]
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
    built_as_validated(district, lambda: _validated(fields), fields)


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
        same_record(evidence(start, end, text), expected)  # type: ignore[arg-type]
