"""The pipeline on Apache Spark: one pass over the articles, six DataFrames out.

::

    from extract.spark import extract_frames
    frames = extract_frames(df, text="body", id="doc_id", published="pub_date", url="link")
    frames["case_counts"].groupBy("region").sum("value").show()

Each article is extracted once, inside the executors (``mapInArrow``), by the
same code the command line runs (:func:`extract.io.process` →
:func:`extract.pipeline.extract_text`). The executors emit one row per article
holding all of its records; the six frames are views of that one result,
persisted, so asking for all six does not run the pipeline six times. Resources
(gazetteer, lexicons, OpenCC) load once per Python worker process, which Spark
reuses from task to task. An article that cannot be extracted — undecodable,
empty, over the time limit, or one that makes an extractor raise — becomes a
row of ``errors``; it never fails the job.

Needs the optional extra: ``pip install 'extract[spark]'`` (pyspark ≥ 3.5, Java 17+).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..models import RECORD_TYPES, ArticleExtraction, ErrorCode, InputError
from .schema import arrow_schema, model_type, spark_schema, to_arrow_value

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import Column, DataFrame

__all__ = ["INPUT_COLUMNS", "META_COLUMNS", "bundle_type", "extract_frames", "spark_schema", "spark_schemas"]

#: Metadata an input row may carry beside its text, as in a JSONL line or a sidecar.
META_COLUMNS = ("published", "url", "title", "outlet")
#: Default time limit per article, in seconds (as the command line's ``--timeout``).
DEFAULT_TIMEOUT = 30.0

#: The columns of the frame the executors read (see :func:`_inputs`): every way an
#: article can arrive — a text, the raw bytes of a file, or one JSONL line.
INPUT_COLUMNS = {
    "article_id": "string", "source": "string", "text": "string", "data": "binary", "line": "binary",
    "published": "string", "url": "string", "title": "string", "outlet": "string",
    "sidecar": "binary", "sidecar_source": "string",
}

#: The record lists of one article's extraction (every record type but the article and errors).
_LISTS = [name for name in RECORD_TYPES if name in ArticleExtraction.model_fields and name != "article"]


def spark_schemas() -> dict[str, Any]:
    """Record type (``articles``, ``case_counts`` …) → its ``StructType``."""
    return {name: spark_schema(model) for name, model in RECORD_TYPES.items()}


@functools.cache
def bundle_type() -> dict[str, Any]:
    """What the executors emit per input row: every record it gives, as arrays by type.

    ``articles`` is an array of zero or one article (an article that fails gives none)
    so that exploding it keeps the Article fields' nullability.
    """
    fields = [{"name": name, "type": {"type": "array", "elementType": model_type(model), "containsNull": False},
               "nullable": False, "metadata": {}} for name, model in RECORD_TYPES.items()]
    return {"type": "struct", "fields": fields}


# ---------------------------------------------------------------- in the executors


def _error(row: dict[str, Any], code: ErrorCode, message: str, source: str | None = None) -> InputError:
    return InputError(source=source or row.get("source") or "<dataframe>", article_id=row.get("article_id"),
                      error=code, message=message)


def _raw(row: dict[str, Any], errors: list[InputError]) -> Any:
    """The :class:`~extract.io.RawDoc` of one input row, or None (with the reason in ``errors``)."""
    from ..errors import InputProblem
    from ..io import KINDS, RawDoc, _check_meta, parse_jsonl_line, parse_sidecar

    if row.get("line") is not None:
        item = parse_jsonl_line(row["line"], row.get("source") or "<dataframe>")
        if isinstance(item, InputError):
            errors.append(item)
            return None
        return item
    if not row.get("article_id"):
        errors.append(_error(row, "missing_id", "the row has no usable id (a non-empty string or integer)"))
        return None
    meta: dict[str, Any] = {}
    if row.get("sidecar") is not None:
        source = row.get("sidecar_source") or ""
        try:
            meta = parse_sidecar(row["sidecar"], source.rsplit("/", 1)[-1])
        except InputProblem as e:  # the article is still read, without its sidecar (as the CLI does)
            errors.append(_error(row, e.code, e.message, source=source))
    try:
        meta = {**_check_meta({k: row.get(k) for k in META_COLUMNS}, "row"), **meta}
    except InputProblem as e:
        errors.append(_error(row, e.code, e.message))
        return None
    if row.get("data") is not None:
        # A file's bytes: read as the CLI reads a file of that extension (.html a page, .md Markdown).
        name = str(row["source"]).rsplit("/", 1)[-1]
        ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        kind = KINDS.get(ext, "auto")
        return RawDoc(article_id=row["article_id"], source=row["source"], data=row["data"], meta=meta,
                      kind=kind if kind in ("auto", "html", "markdown") else "auto")
    if row.get("text") is None:
        errors.append(_error(row, "missing_text", "the row has no text"))
        return None
    return RawDoc(article_id=row["article_id"], source=row["source"], data=row["text"], meta=meta)


def _extract_row(row: dict[str, Any], timeout: float | None) -> dict[str, list[Any]]:
    """Every record of one input row, shaped for Arrow; never raises."""
    from ..errors import InputProblem
    from ..io import process

    types = {f["name"]: f["type"]["elementType"] for f in bundle_type()["fields"]}
    errors: list[InputError] = []
    out: dict[str, list[Any]] = {name: [] for name in RECORD_TYPES}
    raw = None
    try:
        raw = _raw(row, errors)
        if raw is not None:
            result = process(raw, timeout)
            out["articles"] = [to_arrow_value(result.article.model_dump(), types["articles"])]
            for name in _LISTS:
                out[name] = [to_arrow_value(r.model_dump(), types[name]) for r in getattr(result, name)]
    except InputProblem as e:
        errors.append(InputError(source=raw.source, article_id=raw.article_id, error=e.code, message=e.message)
                      if raw is not None else _error(row, e.code, e.message))
        out.update({name: [] for name in RECORD_TYPES if name != "errors"})
    except Exception as e:  # noqa: BLE001 - one article must never fail the job
        errors.append(_error(row, "extraction_failed", f"{type(e).__name__}: {e}"[:500]))
        out.update({name: [] for name in RECORD_TYPES if name != "errors"})
    out["errors"] = [to_arrow_value(e.model_dump(), types["errors"]) for e in errors]
    return out


@functools.cache
def _warm() -> None:
    """Load every resource (gazetteer, lexicons, OpenCC, date parser) once in this Python worker.

    Spark reuses its Python workers from task to task, so this runs once per
    worker process; the first article's time limit then measures only the article.
    """
    from ..pipeline import extract_text

    extract_text("12月1日0—12时，重庆市新增本土确诊病例53例，其中渝中区3例。", published="2022-12-01")


def _extract_batches(batches: Iterator[Any], timeout: float | None, counter: Any = None) -> Iterator[Any]:
    """The ``mapInArrow`` function: Arrow batches of input rows in, batches of bundles out."""
    import pyarrow as pa

    _warm()
    schema = arrow_schema(bundle_type())
    for batch in batches:
        rows = batch.to_pylist()
        bundles = [_extract_row(row, timeout) for row in rows]
        if counter is not None:
            counter.add(len(rows))
        try:
            yield pa.RecordBatch.from_pylist(bundles, schema=schema)
        except Exception:  # noqa: BLE001 - find the row Arrow refuses; it becomes an error row
            yield pa.RecordBatch.from_pylist([_checked(b, row, schema) for b, row in zip(bundles, rows)], schema=schema)


def _checked(bundle: dict[str, Any], row: dict[str, Any], schema: Any) -> dict[str, Any]:
    import pyarrow as pa

    try:
        pa.RecordBatch.from_pylist([bundle], schema=schema)
        return bundle
    except Exception as e:  # noqa: BLE001
        error = _error(row, "extraction_failed", f"records cannot be stored in Arrow: {type(e).__name__}: {e}"[:500])
        errors_type = bundle_type()["fields"][-1]["type"]["elementType"]
        return {**{name: [] for name in RECORD_TYPES}, "errors": [to_arrow_value(error.model_dump(), errors_type)]}


# ---------------------------------------------------------------- on the driver


def _inputs(df: DataFrame, columns: dict[str, Column]) -> DataFrame:
    """``df`` as the executors read it: every column of :data:`INPUT_COLUMNS`, missing ones null."""
    from pyspark.sql import functions as F

    return df.select(*[(columns[name] if name in columns else F.lit(None)).cast(kind).alias(name)
                       for name, kind in INPUT_COLUMNS.items()])


def _bundles(inputs: DataFrame, timeout: float | None = DEFAULT_TIMEOUT, counter: Any = None) -> DataFrame:
    """One persisted row per input row of an :data:`INPUT_COLUMNS` frame, holding all its records."""
    from pyspark import StorageLevel
    from pyspark.sql.types import StructType

    limit = timeout or None
    bundles = inputs.mapInArrow(lambda batches: _extract_batches(batches, limit, counter),
                                StructType.fromJson(bundle_type()))
    return bundles.persist(StorageLevel.MEMORY_AND_DISK)


def _frames(bundles: DataFrame) -> dict[str, DataFrame]:
    """The six record frames: views of the one persisted result."""
    from pyspark.sql import functions as F

    return {name: bundles.select(F.explode(name).alias("r")).select("r.*") for name in RECORD_TYPES}


def _run(inputs: DataFrame, timeout: float | None = DEFAULT_TIMEOUT, counter: Any = None) -> dict[str, DataFrame]:
    """Extract every row of an :data:`INPUT_COLUMNS` frame; the six record frames."""
    return _frames(_bundles(inputs, timeout, counter))


def extract_frames(df: DataFrame, text: str = "text", id: str = "id", published: str | None = None,  # noqa: A002
                   *, timeout: float | None = DEFAULT_TIMEOUT, **columns: str) -> dict[str, DataFrame]:
    """Extract every article of ``df``; one DataFrame per record type.

    Args:
        df: one row per article.
        text: the column holding the article: a string, or the raw bytes of a
            file (binary; its encoding is detected as for ``.txt`` files).
        id: the column holding the article id (a string or an integer; cast to string).
        published: the column holding the article's date (an ISO string, a date or
            a timestamp), which wins over what the text says; None: found in the text.
        timeout: seconds one article may take (None or 0: no limit); over it, an ``errors`` row.
        **columns: more metadata columns by role: ``url``, ``title``, ``outlet``
            (as in a JSONL line), and ``source`` (what ``articles.source`` and
            ``errors.source`` say; default ``<dataframe>``).

    Returns:
        ``{"articles", "case_counts", "districts", "meetings", "officials", "errors"}`` →
        DataFrame whose schema is :func:`spark_schema` of the record model. All six are
        views of one persisted result (computed on the first action, then reused);
        ``spark.catalog.clearCache()`` or the end of the session frees it.

    Raises:
        TypeError: an unknown keyword (a role other than url, title, outlet, source).
        KeyError / AnalysisException: a named column is not in ``df``.
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import BinaryType

    unknown = sorted(set(columns) - {"url", "title", "outlet", "source"})
    if unknown:
        raise TypeError(f"extract_frames() got unknown column roles {unknown}; known: url, title, outlet, source")
    body = "data" if isinstance(df.schema[text].dataType, BinaryType) else "text"
    mapping: dict[str, Column] = {"article_id": F.col(id), body: F.col(text)}
    if published is not None:
        mapping["published"] = F.col(published)
    for role, name in columns.items():
        mapping[role] = F.col(name)
    if "source" not in mapping:
        mapping["source"] = F.lit("<dataframe>")
    return _run(_inputs(df, mapping), timeout)
