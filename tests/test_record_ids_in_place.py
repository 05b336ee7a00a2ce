"""Record ids set in place (the pipeline's records) are the ids with_record_ids gives in copies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import extract
from extract.models import ArticleExtraction, CaseCount, Evidence, record_hash
from extract.record_ids import _count_text, _text, with_new_record_ids, with_record_ids

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))


def _without_ids(result: ArticleExtraction) -> dict[str, list[object]]:
    return {name: [r.model_copy(update={"record_id": None}) for r in getattr(result, name)]
            for name in ("case_counts", "districts", "meetings", "officials")}


@pytest.mark.parametrize("path", SEEDS[:6], ids=lambda p: p.stem)
def test_in_place_ids_are_with_record_ids(path: Path) -> None:
    result = extract.extract_text(path.read_text(encoding="utf-8"), article_id=path.stem)
    bare = _without_ids(result)
    copied = with_record_ids(result.model_copy(update=_without_ids(result)))
    fresh = with_new_record_ids(path.stem, *bare.values())  # type: ignore[arg-type]
    for name, records in fresh.items():
        theirs = getattr(copied, name)
        assert records == theirs == getattr(result, name)
        for ours, other in zip(records, theirs):
            assert ours.__dict__ == other.__dict__ and list(ours.__dict__) == list(other.__dict__)
            assert ours.__pydantic_fields_set__ == other.__pydantic_fields_set__
            assert ours.model_dump_json() == other.model_dump_json()


def test_a_record_listed_twice_gets_two_ids() -> None:
    count = CaseCount(article_id="a", date=dt.date(2020, 2, 1), region="武汉市", metric="confirmed", value=3,
                      evidence=Evidence(start=0, end=2, text="武汉"))
    fresh = with_new_record_ids("a", [count, count], [], [], [])["case_counts"]
    key = ("a", "c", count.date, count.region, count.metric, count.scope, count.measure, None, None)
    assert [c.record_id for c in fresh] == ["c_" + record_hash(*key, 1), "c_" + record_hash(*key, 2)]
    assert fresh[0] is count and fresh[1] is not count and fresh[1].model_copy(update={"record_id": None}) == count.model_copy(update={"record_id": None})


@pytest.mark.parametrize("part", [None, dt.date(2020, 1, 2), dt.date(999, 12, 31), dt.datetime(2020, 1, 2, 12),
                                  dt.datetime(2020, 1, 2, 0, 0, 0, 5), dt.datetime(2020, 1, 2, 8, tzinfo=dt.timezone(dt.timedelta(hours=8))),
                                  dt.datetime(2020, 1, 2, tzinfo=dt.UTC), 3, "武汉"])
def test_text_is_str(part: object) -> None:
    assert _text(part) == str(part) and _text(part) == str(part)  # (a second time from the memo)


def test_an_aware_moment_is_spelt_in_its_own_zone() -> None:
    utc = dt.datetime(2020, 1, 2, tzinfo=dt.UTC)
    cst = utc.astimezone(dt.timezone(dt.timedelta(hours=8)))
    assert utc == cst and _text(utc) == str(utc) and _text(cst) == str(cst)


def test_count_text_is_what_record_hash_joins() -> None:
    key = (dt.date(2020, 2, 1), "武汉市、孝感市", "other", "local", "new", dt.datetime(2020, 1, 31), dt.datetime(2020, 2, 1))
    text = _count_text("x/1", key, 2)
    assert text == "\x1f".join(map(str, ("x/1", "c", *key, 2)))
    assert record_hash("x/1", "c", *key, 2) == __import__("hashlib").sha256(text.encode()).hexdigest()[:16]
