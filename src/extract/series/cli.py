"""``python -m extract series OUT_DIR... [options]``: the consolidated daily series of one or more runs.

Exit status: 0 written; 2 usage error or a missing optional dependency (one line saying how to install it).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

__all__ = ["main"]

_DESCRIPTION = (
    "Consolidate the case counts of one or more extract runs into one daily series: one row per "
    "(date, region, region_code, metric, scope, measure, period) with the chosen value, its sources and a status "
    "(agreed, single, conflict). Reads case_counts.jsonl, articles.jsonl and meetings.jsonl of each OUT_DIR; writes "
    "series.csv, series.parquet, conflicts.jsonl, series_warnings.jsonl and events.csv into --out "
    "(default: the first OUT_DIR). Needs DuckDB: pip install 'extract[series]'; --plot needs matplotlib: "
    "pip install 'extract[plot]'."
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"extract series: error: {message} (see --help)", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m extract series", description=_DESCRIPTION)
    p.add_argument("runs", nargs="+", metavar="OUT_DIR", help="output folder of an extract run")
    p.add_argument("--out", metavar="DIR", help="where to write (default: the first OUT_DIR)")
    p.add_argument("--region", action="append", metavar="NAME|CODE", help="keep this region (repeat or comma-separate)")
    p.add_argument("--metric", action="append", metavar="METRIC", help="keep this metric (confirmed, asymptomatic …)")
    p.add_argument("--scope", action="append", metavar="SCOPE", help="keep this scope (local, imported, unspecified)")
    p.add_argument("--measure", action="append", metavar="MEASURE", help="keep this measure (new, cumulative, current)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first date kept (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last date kept (YYYY-MM-DD)")
    p.add_argument("--plot", metavar="FILE", help="also draw the chosen series into FILE.png, FILE.svg or FILE.html")
    p.add_argument("--by", choices=("region",), help="with --plot: one panel per region")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``extract series``; returns the exit status."""
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    from ..errors import ExtractError
    from .api import series

    started = time.perf_counter()
    try:
        result = series(args.runs, out=args.out, region=args.region, metric=args.metric, scope=args.scope,
                        measure=args.measure, date_from=args.date_from, date_to=args.date_to, plot=args.plot,
                        by=args.by, collect=False)
    except ExtractError as e:
        print(f"extract series: error: {e}", file=sys.stderr)
        return 2
    c = result.counts
    where = result.files["series.csv"].parent
    plot = f", plot {result.files['plot']}" if "plot" in result.files else ""
    print(f"extract series: {c['records']} dated case counts -> {c['rows']} rows ({c['agreed']} agreed, "
          f"{c['single']} single, {c['conflict']} conflict), {c['warnings']} warnings, {c['events']} events "
          f"in {time.perf_counter() - started:.2f} s -> {where}{plot}", file=sys.stderr)
    return 0
