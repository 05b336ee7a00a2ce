"""``extract.series(...)``: the consolidated daily series of one or more runs, written beside them."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError

__all__ = ["SeriesResult", "series", "MissingExtra", "connect"]

INSTALL_SERIES = "pip install 'extract[series]'"


class MissingExtra(UsageError):
    """An optional dependency (DuckDB, matplotlib) is not installed; the message says how to install it."""


@dataclass(frozen=True)
class SeriesResult:
    """What ``series`` wrote and found.

    Attributes:
        files: output name (``series.csv``, ``conflicts.jsonl`` …) → path written.
        counts: rows, agreed, single, conflict, warnings, events, records (dated case counts read), undated.
        rows / conflicts / warnings / events: the written records as dicts (empty with ``collect=False``).
    """

    files: dict[str, Path]
    counts: dict[str, int]
    rows: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


#: DuckDB's memory limit unless EXTRACT_SERIES_MEMORY says otherwise: past it, tables and
#: operators spill to a scratch database on disk, so 10M records fit in a few GB of RAM.
DEFAULT_MEMORY = "3GB"


def connect(scratch: Path) -> Any:
    """A DuckDB connection on a scratch database in ``scratch``, or :class:`MissingExtra`.

    Environment: ``EXTRACT_SERIES_MEMORY`` (DuckDB's ``memory_limit``, default 3GB),
    ``EXTRACT_SERIES_THREADS`` (default: all cores).
    """
    try:
        import duckdb
    except ImportError:
        raise MissingExtra(f"the series step needs DuckDB, which is not installed: {INSTALL_SERIES}") from None
    con = duckdb.connect(str(scratch / "series.duckdb"))
    memory = os.environ.get("EXTRACT_SERIES_MEMORY", DEFAULT_MEMORY)
    try:
        con.execute(f"SET memory_limit = '{memory.replace(chr(39), '')}'")
        threads = os.environ.get("EXTRACT_SERIES_THREADS")
        if threads:
            con.execute(f"SET threads = {int(threads)}")
    except (duckdb.Error, ValueError) as e:
        con.close()
        raise UsageError(f"EXTRACT_SERIES_MEMORY/EXTRACT_SERIES_THREADS: {e}") from None
    con.execute(f"SET temp_directory = '{str(scratch / 'spill').replace(chr(39), chr(39) * 2)}'")
    con.execute("SET preserve_insertion_order = false")
    return con


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [x.strip() for item in items for x in item.split(",") if x.strip()]


def _vocabulary(value: str | Sequence[str] | None, name: str) -> list[str]:
    """The values of a --metric/--scope/--measure filter, checked against the contract's vocabulary."""
    from typing import get_args

    from .. import models

    known = get_args({"metric": models.Metric, "scope": models.Scope, "measure": models.Measure}[name])
    values = _as_list(value)
    unknown = [v for v in values if v not in known]
    if unknown:
        raise UsageError(f"--{name} takes {', '.join(known)}; not {', '.join(unknown)}")
    return values


def _as_date(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} takes a date as YYYY-MM-DD, not {value!r}") from None


def series(
    runs: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    out: str | os.PathLike[str] | None = None,
    region: str | Sequence[str] | None = None,
    metric: str | Sequence[str] | None = None,
    scope: str | Sequence[str] | None = None,
    measure: str | Sequence[str] | None = None,
    date_from: str | dt.date | None = None,
    date_to: str | dt.date | None = None,
    plot: str | os.PathLike[str] | None = None,
    by: str | None = None,
    collect: bool = True,
) -> SeriesResult:
    """Consolidate the case counts of one or more output folders into one daily series.

    Reads ``case_counts.jsonl``, ``articles.jsonl`` and ``meetings.jsonl`` of each run and writes
    ``series.csv``, ``series.parquet``, ``conflicts.jsonl``, ``series_warnings.jsonl`` and
    ``events.csv`` into ``out`` (default: the first run's folder).

    Args:
        runs: output folder(s) of ``python -m extract``.
        out: where to write (default: the first run).
        region: keep these regions (names or 6-digit codes; a list or comma-separated).
        metric / scope / measure: keep these values (a list or comma-separated).
        date_from / date_to: keep dates in this closed range (ISO dates).
        plot: also draw the chosen series into this ``.png``, ``.svg`` or ``.html`` file.
        by: ``"region"`` for small multiples, one panel per region.
        collect: return the written records as dicts too (off for very large runs).

    Raises:
        UsageError: a missing folder or file, a bad option; ``MissingExtra`` when DuckDB
            (or, for ``plot``, matplotlib) is not installed.
    """
    from .outputs import Filters

    paths = [Path(runs)] if isinstance(runs, (str, os.PathLike)) else [Path(r) for r in runs]
    if not paths:
        raise UsageError("series needs at least one output folder")
    for p in paths:
        if not p.is_dir():
            raise UsageError(f"{p}: not a folder (give the --out folder of an extract run)")
        _roll_forward(p)
        if not (p / "case_counts.jsonl").is_file():
            raise UsageError(f"{p}: no case_counts.jsonl (is this the --out folder of an extract run?)")
    if by not in (None, "region"):
        raise UsageError(f"--by takes 'region', not {by!r}")
    if plot is not None and Path(plot).suffix.lower() not in (".png", ".svg", ".html"):
        raise UsageError(f"--plot writes .png, .svg or .html, not {Path(plot).suffix or 'a file without extension'}")
    filters = Filters(regions=_as_list(region), metrics=_vocabulary(metric, "metric"),
                      scopes=_vocabulary(scope, "scope"), measures=_vocabulary(measure, "measure"),
                      date_from=_as_date(date_from, "--from"), date_to=_as_date(date_to, "--to"))
    if plot is not None:
        from .plot import require_matplotlib

        require_matplotlib()
    with tempfile.TemporaryDirectory(prefix="extract-series-") as scratch:
        return _run(connect(Path(scratch)), paths, out, filters, plot, by, collect)


def _run(con: Any, paths: list[Path], out: Any, filters: Any, plot: Any, by: str | None, collect: bool) -> SeriesResult:
    from .engine import build, load_runs
    from .events import build_events
    from .outputs import collect_rows, write_outputs

    try:
        load_runs(con, paths)
        build(con)
        build_events(con)
        target = Path(out) if out is not None else paths[0]
        target.mkdir(parents=True, exist_ok=True)
        files, counts = write_outputs(con, target, filters)
        result = SeriesResult(files=files, counts=counts)
        if collect or plot is not None:
            rows, conflicts, warnings, events = collect_rows(con, filters)
            result = SeriesResult(files=files, counts=counts, rows=rows, conflicts=conflicts,
                                  warnings=warnings, events=events)
        if plot is not None:
            from .plot import draw

            files["plot"] = draw(result.rows, result.warnings, Path(plot), by=by, filters=filters)
        return result
    finally:
        con.close()


def _roll_forward(folder: Path) -> None:
    """Complete the output swap of an extract run killed while it swapped (``.commit``, see ``journal.recover``)."""
    from ..journal import JOURNAL, recover

    try:
        recover(folder)
    except OSError as e:
        raise UsageError(f"{folder}: an extract run was killed while putting its output in place and the "
                         f"swap cannot be completed ({e.strerror or e}); its files may be a mix of two runs, "
                         f"see {folder / JOURNAL}") from None
