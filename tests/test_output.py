"""The committed sample output, the schemas and the evidence offsets."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from extract.cli import main
from extract.models import RECORD_TYPES
from extract.io import decode
from extract.schema import schema_documents

ROOT = Path(__file__).resolve().parents[1]


def test_schemas_match_models() -> None:
    for name, data in schema_documents().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"{path} missing: run python -m extract schema"
        assert path.read_bytes() == data, f"{path} is stale: run python -m extract schema"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Run exactly as the README does (from the repository root, on data/raw):
    # `source` records the input path as given.
    out = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        main(["data/raw", "--out", str(out), "--jobs", "1"])
    return out


def test_committed_output_matches_a_fresh_run(fresh: Path) -> None:
    for name in RECORD_TYPES:
        committed = ROOT / "data" / "out" / f"{name}.jsonl"
        assert committed.read_bytes() == (fresh / f"{name}.jsonl").read_bytes(), (
            f"data/out/{name}.jsonl is stale: run python -m extract data/raw"
        )


def test_records_validate_and_evidence_holds(fresh: Path) -> None:
    originals = {}
    for line in (fresh / "articles.jsonl").read_bytes().splitlines():
        a = RECORD_TYPES["articles"].model_validate_json(line)
        src = ROOT / a.source

        originals[a.article_id] = decode(src.read_bytes())[0]
        body = a.body
        assert 0 <= body.start <= body.end <= len(originals[a.article_id])
    for name, model in RECORD_TYPES.items():
        for line in (fresh / f"{name}.jsonl").read_bytes().splitlines():
            record = model.model_validate_json(line)
            raw = orjson.loads(line)
            evidences = []
            if "evidence" in raw:
                evidences.append(raw["evidence"])
            if isinstance(raw.get("mentions"), list):  # districts: every mention is evidence
                evidences += raw["mentions"]
            for ev in evidences:
                assert originals[raw["article_id"]][ev["start"] : ev["end"]] == ev["text"], (name, record)


def test_schema_files_are_json() -> None:
    for path in (ROOT / "schemas").glob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["$schema"].startswith("https://json-schema.org/")


def test_lines_are_the_json_of_the_records_dumped() -> None:
    # dumps() writes pydantic-core's JSON: byte for byte what orjson makes of model_dump(mode="json"),
    # on records of every type (Chinese, control characters, dates and instants, nested evidence).
    import datetime as dt

    from pydantic import BaseModel

    from extract.models import Article, Evidence, Span
    from extract.pipeline import extract_text
    from extract.write import dumps

    raw = sorted(Path(__file__).parents[1].joinpath("data", "raw").glob("*.txt"))[:3]
    records: list[BaseModel] = []
    for path in raw:
        result = extract_text(path.read_text(encoding="utf-8"), article_id=path.stem)
        records += [result.article, *result.case_counts, *result.districts, *result.meetings, *result.officials]
    odd = "".join(map(chr, range(0x30))) + "\x7f\u2028\ufeff\U0001F600\"\\/重慶"
    records.append(Evidence(start=0, end=len(odd), text=odd))
    for at in (dt.datetime(2022, 3, 1, 8, 5, 0, 120), dt.datetime(2022, 3, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))):
        records.append(Article(article_id="x", source="s", sha256="0" * 64, published=at.date(), published_at=at,
                               format="text", script="simplified", encoding="utf-8", body=Span(start=0, end=0),
                               extractor_version="1"))
    assert len(records) > 10
    for record in records:
        assert dumps(record) == orjson.dumps(record.model_dump(mode="json")) + b"\n"
    with pytest.raises(TypeError):  # a lone surrogate fails as it did with orjson
        dumps(Evidence(start=0, end=1, text="\ud800"))


def test_dumps_writes_what_orjson_writes_of_the_model_dump() -> None:
    """write.dumps serialises with pydantic directly: the same bytes as orjson over model_dump(mode="json")."""
    from extract.models import Evidence
    from extract.pipeline import extract_text
    from extract.write import dumps

    text = "".join(map(chr, range(0x30))) + "\x7f\x80\x9f\xa0\u2028\u2029\ufeff\U0001f600é中\"\\/"
    result = extract_text(f"标题{text}\n2022年11月21日 08:46 来源:重庆日报\n11月20日0—24时,重庆市新增本土确诊病例5例。{text}",
                          meta={"url": "http://x/\t"}, article_id="a\tb")
    records = [Evidence(start=0, end=len(text), text=text), result.article, *result.case_counts, *result.districts]
    assert result.case_counts and result.article.published_at is not None
    for record in records:
        assert dumps(record) == orjson.dumps(record.model_dump(mode="json")) + b"\n"
    with pytest.raises(TypeError):  # a lone surrogate: orjson's error, as before
        dumps(Evidence(start=0, end=1, text="\ud800"))
