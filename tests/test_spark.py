"""The pipeline on Spark (local[2]) gives exactly the records the command line writes.

One SparkSession for the module. Skipped only when Spark cannot start here (no
pyspark, no Java), with the reason; with ``EXTRACT_SPARK_REQUIRED=1`` (as
``.ci/run`` sets) that is a failure instead, so CI cannot skip it silently.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from extract.cli import main as cli_main
from extract.models import RECORD_TYPES

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
CORPUS = ROOT.parent / "shared" / "corpus" / "texts"  # ../shared/corpus/texts in CI


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    try:
        from pyspark.sql import SparkSession

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers run this venv's Python
        session = (SparkSession.builder.master("local[2]").appName("extract-tests")
                   .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", "2")
                   .getOrCreate())
        session.sparkContext.setLogLevel("ERROR")
    except Exception as e:  # noqa: BLE001 - ImportError, no Java, gateway failures
        reason = f"Spark cannot start here: {type(e).__name__}: {str(e).strip()[:300]}"
        print(reason, file=sys.stderr)
        if os.environ.get("EXTRACT_SPARK_REQUIRED") == "1":
            pytest.fail(reason + " (EXTRACT_SPARK_REQUIRED=1)")
        pytest.skip(reason)
    yield session
    session.stop()


def _cli(inputs: list[str], out: Path) -> dict[str, list[dict[str, Any]]]:
    cli_main([*inputs, "--out", str(out), "--jobs", "1"])
    return {name: [orjson.loads(line) for line in (out / f"{name}.jsonl").read_bytes().splitlines()]
            for name in RECORD_TYPES}


def _spark_json(spark: Any, inputs: list[str], out: Path) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    from extract.spark.cli import main as spark_main

    status = spark_main([*inputs, str(out), "--format", "json"], spark=spark)
    records = {}
    for name in RECORD_TYPES:
        files = sorted(glob.glob(str(out / name / "part-*.json")))
        records[name] = [orjson.loads(line) for f in files for line in Path(f).read_bytes().splitlines()]
    return status, records


def _by_record(records: list[dict[str, Any]]) -> list[bytes]:
    return sorted(orjson.dumps(r, option=orjson.OPT_SORT_KEYS) for r in records)


def test_spark_writes_what_the_cli_writes(spark: Any, tmp_path: Path) -> None:
    inputs = [str(RAW)] + ([str(CORPUS)] if CORPUS.is_dir() else [])
    if not CORPUS.is_dir():
        print(f"{CORPUS} is absent: comparing on data/raw only", file=sys.stderr)
    want = _cli(inputs, tmp_path / "cli")
    status, got = _spark_json(spark, inputs, tmp_path / "spark")
    assert status == (1 if want["errors"] else 0)
    assert len(want["articles"]) >= (5 + 150 if CORPUS.is_dir() else 5)
    for name in RECORD_TYPES:
        assert len(got[name]) == len(want[name]), name
        # same fields in the same order, then the same records (same ids, same values)
        fields = list(RECORD_TYPES[name].model_fields)
        assert all(list(r) == fields for r in got[name] + want[name]), name
        assert _by_record(got[name]) == _by_record(want[name]), f"{name}: Spark and the CLI disagree"


def test_frames_have_the_schemas_derived_from_the_models(spark: Any) -> None:
    from extract.spark import _run, spark_schemas
    from extract.spark.cli import read_inputs

    frames = _run(read_inputs(spark, [str(RAW)]))
    schemas = spark_schemas()
    for name, frame in frames.items():
        assert frame.schema == schemas[name], name
    rows = frames["case_counts"].where("value = 53 AND region = '重庆市'").collect()
    assert rows and rows[0]["date"] == dt.date(2022, 12, 1) and rows[0]["period_end"] == "2022-12-01T12:00:00"


def test_bad_articles_become_error_rows_and_each_article_is_extracted_once(spark: Any) -> None:
    from extract.spark import _inputs, _run, extract_frames

    good = (RAW / "002_4761cb3ac2f44e57.txt").read_text(encoding="utf-8")
    rows = [
        (1, good, dt.date(2022, 12, 1), "https://example.org/1"),
        (2, None, None, None),                      # no text
        (3, "   \n ", None, None),                  # only white space
        (4, good, None, None),
        (None, good, None, None),                   # no id
    ]
    df = spark.createDataFrame(rows, "doc long, body string, day date, link string").repartition(2)
    frames = extract_frames(df, text="body", id="doc", published="day", url="link")
    articles = {r["article_id"]: r for r in frames["articles"].collect()}
    assert set(articles) == {"1", "4"}
    assert articles["1"]["published"] == dt.date(2022, 12, 1) and articles["1"]["url"] == "https://example.org/1"
    assert articles["1"]["source"] == "<dataframe>"
    errors = [(r["article_id"], r["error"]) for r in frames["errors"].collect()]
    assert sorted(errors, key=str) == sorted([(None, "missing_id"), ("2", "missing_text"), ("3", "empty")], key=str)
    assert frames["case_counts"].where("article_id = '1'").count() > 0

    # An article over the time limit is an error row; the others in its batch are extracted;
    # all six frames come from one pass (the accumulator counts articles extracted).
    counter = spark.sparkContext.accumulator(0)
    # (b takes seconds: far over the limit however fast the pipeline gets; a takes milliseconds)
    df = spark.createDataFrame([("a", good), ("b", good * 2000)], "id string, text string").coalesce(1)
    from pyspark.sql import functions as F

    frames = _run(_inputs(df, {"article_id": F.col("id"), "text": F.col("text"), "source": F.lit("t")}),
                  timeout=1.0, counter=counter)
    counts = {name: frame.count() for name, frame in frames.items()}
    assert counter.value == 2, "the pipeline ran more than once per article"
    assert [r["article_id"] for r in frames["articles"].collect()] == ["a"]
    assert [(r["article_id"], r["error"]) for r in frames["errors"].collect()] == [("b", "timeout")]
    assert counts["case_counts"] > 0

    with pytest.raises(TypeError, match="unknown column roles"):
        extract_frames(df, headline="title")


def test_jsonl_and_parquet_inputs(spark: Any, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = sorted(RAW.glob("*.txt"))[:4]
    lines = [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": "2022-12-01"} for p in texts]
    src = tmp_path / "in"
    src.mkdir()
    (src / "batch.jsonl").write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines[:2]) + b"{not json\n")
    pq.write_table(pa.Table.from_pylist(lines[2:]), src / "more.parquet")
    (tmp_path / "all.jsonl").write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))

    want = _cli([str(tmp_path / "all.jsonl")], tmp_path / "cli")
    status, got = _spark_json(spark, [str(src)], tmp_path / "spark")
    assert status == 1
    assert [e["error"] for e in got["errors"]] == ["bad_json"]
    assert got["errors"][0]["source"] == f"{src}/batch.jsonl"
    sources = {a["article_id"]: a.pop("source") for a in got["articles"]}
    assert sources == {x["id"]: f"{src}/{'batch.jsonl' if i < 2 else 'more.parquet'}" for i, x in enumerate(lines)}
    for a in want["articles"]:
        a.pop("source")
    for name in ("articles", "case_counts", "districts", "meetings", "officials"):
        assert _by_record(got[name]) == _by_record(want[name]), name
