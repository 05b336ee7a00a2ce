"""models.case_count assembles the record CaseCount(...) validates, and validates what it cannot vouch for."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from extract.models import CaseCount, Change, Evidence, case_count
from extract.pipeline import extract_text
from fast_records import built_as_validated, same_record

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [*sorted((ROOT / "data" / "raw").glob("*.txt")), *sorted((ROOT / "tests" / "dev" / "articles").glob("*.txt"))]
_FIELDS = ("article_id", "date", "region", "region_code", "metric", "scope", "measure", "value", "qualifier",
           "period_start", "period_end", "change", "label", "evidence")




def test_the_records_of_real_texts() -> None:
    seen = 0
    for path in TEXTS:
        for record in extract_text(path.read_text(encoding="utf-8"), article_id=path.stem).case_counts:
            fields = [getattr(record, f) for f in _FIELDS]
            ours = case_count(*fields)  # type: ignore[arg-type]
            same_record(ours, CaseCount(**dict(zip(_FIELDS, fields))))
            seen += 1
    assert seen > 20


_GOOD = ("a", dt.date(2020, 2, 1), "武汉市", "420100", "confirmed", "local", "new", 3, "exact",
         dt.datetime(2020, 2, 1), dt.datetime(2020, 2, 2), Change(delta=-2, vs_date=None), "确诊病例",
         Evidence(start=0, end=2, text="武汉"))


@pytest.mark.parametrize("nulls", list(itertools.product([False, True], repeat=6)))
def test_optional_fields(nulls: tuple[bool, ...]) -> None:
    fields = list(_GOOD)
    for i, null in zip((1, 3, 9, 10, 11, 12), nulls):
        if null:
            fields[i] = None
    same_record(case_count(*fields), CaseCount(**dict(zip(_FIELDS, fields))))  # type: ignore[arg-type]


class _Str(str):
    pass


@pytest.mark.parametrize(("at", "value"), [
    (4, "cases"), (5, "foreign"), (6, "daily"), (8, "roughly"), (7, -1), (7, True), (7, 2.0), (7, "3"), (0, None),
    (2, 5), (3, 420100), (1, "2020-02-01"), (1, dt.datetime(2020, 2, 1)), (9, "2020-02-01T00:00:00"),
    (11, {"delta": 1}), (12, 7), (13, {"start": 0, "end": 2, "text": "武汉"}), (13, {"start": 2, "end": 0, "text": ""}),
    (4, _Str("confirmed")), (2, _Str("武汉市")), (4, ["confirmed"]),
])
def test_other_values_are_validated(at: int, value: object) -> None:
    fields = list(_GOOD)
    fields[at] = value
    built_as_validated(case_count, lambda: CaseCount(**dict(zip(_FIELDS, fields))), fields)  # type: ignore[arg-type]
