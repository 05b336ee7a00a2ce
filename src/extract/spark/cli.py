"""``python -m extract.spark INPUT... OUTPUT [--format parquet|json]`` (or through ``spark-submit``).

Reads what the command line reads — ``.txt`` files (with their ``NAME.meta.json``
sidecars), ``.jsonl`` batches — and also Parquet files with the JSONL columns
(``id``, ``text``, ``published``, ``url``, ``title``, ``outlet``), from local
paths or any file system Spark knows (``hdfs://``, ``s3a://`` …). Writes one
dataset per record type: ``OUTPUT/articles``, ``OUTPUT/case_counts`` …

The records equal the CLI's for the same ``.txt`` inputs, ``source`` included.
Differences: a JSONL record's ``source`` is the file's path without ``:LINE``
(Spark's line reader does not number lines); a Parquet row's is the file's
path; files whose names start with ``_`` or ``.`` are skipped (Spark's rule); a
repeated article id is not reported.

Exit status: 0 every input was extracted, 1 some went to ``errors``, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["main", "read_inputs", "write_frames"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"extract.spark: error: {message} (see --help)", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m extract.spark",
                description="Extract case counts, districts, meetings and officials from Chinese news articles "
                            "with Apache Spark; writes OUTPUT/articles, OUTPUT/case_counts … "
                            "(the same records as python -m extract).",
                epilog="Exit status: 0 all extracted, 1 some inputs in errors, 2 usage error.")
    p.add_argument("paths", nargs="+", metavar="INPUT... OUTPUT",
                   help="folders or .txt/.jsonl/.parquet files (local or any Hadoop file system), then the output folder")
    p.add_argument("--format", choices=("parquet", "json"), default="parquet", help="output format (default: parquet)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="wall-clock limit per article (default: 30; 0: none)")
    p.add_argument("--timing", action="store_true",
                   help="also print the seconds taken to start the session and after it (bench/spark.py)")
    p.add_argument("--master", metavar="URL",
                   help="Spark master when run without spark-submit, e.g. local[2] (default: Spark's own)")
    return p


def _hadoop(spark: SparkSession, path: str) -> tuple[str, bool] | None:
    """The fully qualified URI of ``path`` and whether it is a folder; None when it does not exist."""
    jvm: Any = spark.sparkContext._jvm  # py4j's view of the JVM: untyped
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    fs = hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if not fs.exists(hpath):
        return None
    return fs.makeQualified(hpath).toString(), fs.getFileStatus(hpath).isDirectory()


def _given(path: str) -> str:
    """``path`` as the CLI would print it: local paths as ``pathlib`` spells them."""
    return path.rstrip("/") if "://" in path else str(Path(path))


def read_inputs(spark: SparkSession, paths: Sequence[str]) -> DataFrame:
    """One row per article (or JSONL line) under ``paths``, in the executors' input columns.

    Raises:
        FileNotFoundError: a path does not exist.
    """
    from functools import reduce

    from pyspark.sql import functions as F

    from . import INPUT_COLUMNS, _inputs

    parts: list[DataFrame] = []
    for path in paths:
        found = _hadoop(spark, path)
        if found is None:
            raise FileNotFoundError(f"no such file or directory: {path}")
        uri, is_dir = found
        given = _given(path)
        kinds = ("txt", "jsonl", "parquet") if is_dir else \
            ("jsonl",) if path.endswith(".jsonl") else ("parquet",) if path.endswith(".parquet") else ("txt",)
        for kind in kinds:
            frame = _read_kind(spark, uri, given, kind, is_dir)
            if frame is not None:
                parts.append(frame)
    frames = [_inputs(p, {c: F.col(c) for c in p.columns}) for p in parts]
    if not frames:
        return spark.createDataFrame([], ", ".join(f"{k} {v}" for k, v in INPUT_COLUMNS.items()))
    return reduce(lambda a, b: a.unionByName(b), frames)


def _read_kind(spark: SparkSession, uri: str, given: str, kind: str, is_dir: bool) -> DataFrame | None:
    """The articles of one kind of file under ``uri``, or None when Spark finds none."""
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    root = _local(uri)

    def inside(column: str) -> Any:
        # the path relative to the INPUT folder (a file alone: its name); readers spell
        # local paths file:/x or file:///x, so both sides drop the scheme first
        if is_dir:
            return F.substring(F.regexp_replace(F.col(column), "^file:/+", "/"), len(root) + 2, 1 << 30)
        return F.element_at(F.split(F.col(column), "/"), -1)

    def rel(column: str, suffix: str) -> Any:
        # article_id: the relative path without the suffix (a file alone: its stem)
        return F.regexp_replace(inside(column), F.lit(re.escape(suffix) + "$"), F.lit(""))

    def display(column: str) -> Any:
        # source: as the CLI prints it (the INPUT as given, then the relative path)
        return F.concat(F.lit(given + "/"), inside(column)) if is_dir else F.lit(given)

    options = {"recursiveFileLookup": "true"} if is_dir else {}
    if kind == "txt":
        reader = spark.read.format("binaryFile").options(**options)
        texts = (reader.option("pathGlobFilter", "*.{txt,TXT,html,htm,HTML,HTM,md,MD}") if is_dir else reader).load(uri)
        texts = texts.select(F.col("path"), F.col("content").alias("data"))
        sidecars = spark.read.format("binaryFile").options(**options).option("pathGlobFilter", "*.meta.json")
        side_uri = uri if is_dir else uri[: -len(".txt")] + ".meta.json" if uri.endswith(".txt") else uri + ".meta.json"
        try:
            side = sidecars.load(side_uri) if is_dir or _exists(spark, side_uri) else None
        except AnalysisException:
            side = None
        key = F.regexp_replace(F.col("path"), _DOC_SUFFIX, "")
        texts = texts.withColumn("key", key)
        if side is not None:
            side = side.select(F.regexp_replace(F.col("path"), r"\.meta\.json$", "").alias("key"),
                               F.col("content").alias("sidecar"), F.col("path").alias("sidecar_path"))
            texts = texts.join(F.broadcast(side), "key", "left")  # sidecars are small: the texts do not move
        else:
            texts = texts.withColumn("sidecar", F.lit(None).cast("binary")).withColumn("sidecar_path", F.lit(None).cast("string"))
        sidecar_source = F.when(F.col("sidecar_path").isNotNull(),
                                display("sidecar_path") if is_dir else F.lit(_sidecar_given(given)))
        return texts.select(F.regexp_replace(inside("path"), _DOC_SUFFIX, "").alias("article_id"), display("path").alias("source"),
                            "data", "sidecar", sidecar_source.alias("sidecar_source"))
    if kind == "jsonl":
        reader = spark.read.options(**options)
        lines = (reader.option("pathGlobFilter", "*.jsonl") if is_dir else reader).format("text").load(uri)
        lines = lines.where(F.trim(F.col("value")) != "").withColumn("path", F.input_file_name())
        return lines.select(display("path").alias("source"), F.encode(F.col("value"), "UTF-8").alias("line"))
    try:
        reader = spark.read.options(**options)
        rows = (reader.option("pathGlobFilter", "*.parquet") if is_dir else reader).parquet(uri)
    except AnalysisException:  # no Parquet files there
        return None
    cols = {"article_id": F.col("id"), "text": F.col("text")}
    for name in ("published", "url", "title", "outlet"):
        if name in rows.columns:
            cols[name] = F.col(name)
    rows = rows.withColumn("_path", F.input_file_name())
    return rows.select(*[c.alias(n) for n, c in cols.items()], display("_path").alias("source"))


#: The article files the CLI reads from a folder besides JSONL and Parquet: text, web pages, Markdown.
_DOC_SUFFIX = r"(?i)\.(?:txt|html?|md)$"


def _local(uri: str) -> str:
    """``file:/x`` and ``file:///x`` as ``/x``; other URIs unchanged."""
    return re.sub("^file:/+", "/", uri)


def _sidecar_given(given: str) -> str:
    stem = given[: -len(".txt")] if given.endswith(".txt") else given
    return stem + ".meta.json"


def _exists(spark: SparkSession, uri: str) -> bool:
    return _hadoop(spark, uri) is not None


def write_frames(frames: dict[str, DataFrame], output: str, fmt: str = "parquet") -> None:
    """Write each record type to ``OUTPUT/NAME`` (overwriting it)."""
    for name, frame in frames.items():
        writer = frame.write.mode("overwrite")
        if fmt == "json":
            # As the CLI writes them: null fields kept, datetimes without a fraction of a second.
            writer = writer.option("ignoreNullFields", "false").option("timestampNTZFormat", "yyyy-MM-dd'T'HH:mm:ss")
        writer.format(fmt).save(f"{output.rstrip('/')}/{name}")


def _counts(bundles: DataFrame) -> dict[str, int]:
    """Records per type, in one job over the persisted result."""
    from pyspark.sql import functions as F

    from ..models import RECORD_TYPES

    row = bundles.select(*[F.coalesce(F.sum(F.size(name)), F.lit(0)).alias(name) for name in RECORD_TYPES]).first()
    assert row is not None  # an aggregate without grouping has one row
    return {name: int(row[name]) for name in RECORD_TYPES}


_OPEN_COST = "spark.sql.files.openCostInBytes"


def _session(master: str | None) -> SparkSession:
    from pyspark.sql import SparkSession

    if not os.environ.get("PYSPARK_GATEWAY_PORT"):  # not under spark-submit: workers run this Python
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("extract")
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def main(argv: Sequence[str] | None = None, spark: SparkSession | None = None) -> int:
    """Run the Spark entry point; returns the exit status."""
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if len(args.paths) < 2:
        _parser().error("give at least one INPUT and the OUTPUT folder")
    *inputs, output = args.paths
    from . import _bundles, _frames

    started = time.perf_counter()
    spark = spark or _session(args.master)
    if not spark.sparkContext.getConf().contains(_OPEN_COST):
        # Articles are small files: at Spark's default cost of opening a file (4 MB) a
        # million 10 kB articles make 30,000 tasks; at 64 kB, about 600 of 128 MB.
        spark.conf.set(_OPEN_COST, str(64 * 1024))
    up = time.perf_counter()
    try:
        bundles = _bundles(read_inputs(spark, inputs), args.timeout or None)
    except FileNotFoundError as e:
        print(f"extract.spark: error: {e} (see --help)", file=sys.stderr)
        return 2
    write_frames(_frames(bundles), output, args.format)
    c = _counts(bundles)
    bundles.unpersist()
    print(f"extract.spark: {c['articles']} articles, {c['case_counts']} case counts, {c['districts']} districts, "
          f"{c['meetings']} meetings, {c['officials']} officials, {c['errors']} errors "
          f"in {time.perf_counter() - started:.2f} s -> {output}", file=sys.stderr)
    if args.timing:
        print(f"extract.spark: session: {up - started:.2f} s, after the session: {time.perf_counter() - up:.2f} s",
              file=sys.stderr)
    return 1 if c["errors"] else 0
