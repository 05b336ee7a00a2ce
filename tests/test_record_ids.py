"""Record ids: the copies with_record_ids makes are the copies pydantic's model_copy makes."""

from __future__ import annotations

from pathlib import Path

import pytest

import extract
from extract.models import record_hash
from extract.record_ids import _updated, with_record_ids

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS[:4], ids=lambda p: p.stem)
def test_record_ids_copy_as_model_copy_does(path: Path) -> None:
    result = extract.extract_text(path.read_text(encoding="utf-8"), article_id=path.stem)
    again = with_record_ids(result)  # ids from the ids already there: the same keys, the same ids
    assert again == result
    records = [result.article, *result.case_counts, *result.districts, *result.meetings, *result.officials]
    assert len(records) > 1
    for record in [result, *records]:
        update = {"record_id": "x_" + record_hash(path.stem)}
        ours, theirs = _updated(record, update), record.model_copy(update=update)
        assert type(ours) is type(theirs) and ours == theirs
        assert ours.__dict__ == theirs.__dict__ and ours.__pydantic_fields_set__ == theirs.__pydantic_fields_set__
        assert ours.__pydantic_extra__ == theirs.__pydantic_extra__ and ours.__pydantic_private__ == theirs.__pydantic_private__
        assert ours.model_dump_json() == theirs.model_dump_json()
