"""write.dumps writes a record model's line with orjson: the bytes pydantic's serializer writes."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from pydantic import BaseModel

from extract.models import Article, ArticleWarning, CaseCount, Change, Evidence, Span
from extract.pipeline import extract_text
from extract.write import _orjson_line, dumps

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [*sorted((ROOT / "data" / "raw").glob("*.txt")), *sorted((ROOT / "tests" / "dev" / "articles").glob("*.txt"))[:12]]


def _pydantic_line(record: BaseModel) -> bytes:
    return record.__pydantic_serializer__.to_json(record) + b"\n"


def _records(path: Path) -> list[BaseModel]:
    result = extract_text(path.read_text(encoding="utf-8"), article_id=path.stem, with_text=True)
    return [result.article, *result.case_counts, *result.districts, *result.meetings, *result.officials]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_orjson_writes_the_records_as_pydantic_does(path: Path) -> None:
    for record in _records(path):
        assert _orjson_line(record) is not None
        assert dumps(record) == _pydantic_line(record)


_ZONES = [None, dt.UTC, dt.timezone(dt.timedelta(hours=8)), dt.timezone(dt.timedelta(hours=-5, minutes=-30)),
          dt.timezone(dt.timedelta(hours=5, minutes=30, seconds=15)), dt.timezone(dt.timedelta(0), "X")]


def test_dates_and_moments_as_pydantic_writes_them() -> None:
    rng = random.Random(7)
    evidence = Evidence(start=0, end=2, text="武汉")
    for _ in range(2000):
        day = dt.date(rng.choice([1, 5, 999, 1000, 2020, 9999]), rng.randint(1, 12), rng.randint(1, 28))
        at = dt.datetime(rng.choice([1, 999, 2020, 9999]), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
                         rng.randint(0, 59), rng.choice([0, 5, 59]), rng.choice([0, 0, 1, 500000, 999999]),
                         tzinfo=rng.choice(_ZONES))
        naive = at.replace(tzinfo=None)
        records: list[BaseModel] = [
            Article(article_id="a", source="s", sha256="0" * 64, published=day, published_at=at, script="mixed",
                    encoding="utf-8", body=Span(start=1, end=2), extractor_version="1",
                    warnings=[ArticleWarning(code="change_mismatch", message="m", evidence=evidence)]),
            CaseCount(article_id="a", date=day, region="武汉市", metric="deaths", value=rng.randint(0, 10**12),
                      period_start=naive, period_end=naive, change=Change(delta=-rng.randint(0, 99), vs_date=day),
                      evidence=evidence, summed=True, summed_items=[evidence, evidence]),
        ]
        for record in records:
            assert dumps(record) == _pydantic_line(record), record


def test_a_subclass_in_a_field_of_its_base_is_written_by_pydantic() -> None:
    article = Article(article_id="a", source="s", sha256="0" * 64, script="simplified", encoding="utf-8",
                      body=Evidence(start=0, end=2, text="武汉"), extractor_version="1")
    assert _orjson_line(article) is None
    assert dumps(article) == _pydantic_line(article) and b'"body":{"start":0,"end":2},' in dumps(article)


def test_control_characters_and_a_lone_surrogate() -> None:
    odd = "".join(map(chr, range(0x30))) + "\x7f\x80\x9f\xa0\u2028\u2029\ufeff\U0001f600é中\"\\/"
    count = CaseCount(article_id=odd, date=None, region=odd, metric="other", value=1, label=odd,
                      evidence=Evidence(start=0, end=len(odd), text=odd))
    assert dumps(count) == _pydantic_line(count)
    bad = count.model_copy(update={"label": "\ud800"})
    assert _orjson_line(bad) is None
    with pytest.raises(TypeError):  # a lone surrogate: orjson's error, as before
        dumps(bad)
