"""Benchmark: records/s and peak memory of ``python -m extract series`` at 1M and 10M records.

Generates N synthetic ``case_counts.jsonl`` records (and N/20 ``articles.jsonl`` records:
each article states 20 counts) shaped like real output — 1,000 days, 200 regions, 4
metrics, 2 measures, a tenth of them in a 0—12时 window, one in twenty off by one (so
there are conflicts to resolve and explain), 1% ``超过`` figures, a cumulative figure now
and then going down, articles from a health commission, a newspaper and unknown outlets.
The generation is DuckDB ``COPY … TO … (FORMAT json)`` and is not timed.

Then runs ``python -m extract series DIR`` in a fresh process and reports the wall time,
records/s (input case-count records per second of the whole command: reading the JSONL,
grouping, ranking, checks, events, writing all five files) and the peak RSS of that
process (``wait4``).

Usage::

    .venv/bin/python bench/series_bench.py                    # N = 1,000,000 and 10,000,000
    .venv/bin/python bench/series_bench.py --n 100000         # a quick look

Needs the ``extract[series]`` extra. Files go to a temporary folder, removed at the end
unless ``--keep``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_GENERATE = """
COPY (
  WITH g AS (SELECT i, hash(i) AS h FROM range({n}) t(i)),
  r AS (
    SELECT i, h,
           DATE '2020-01-01' + CAST(h % 1000 AS INTEGER) AS date,
           CAST((h // 1000) % 200 AS INTEGER) AS k,
           ['confirmed', 'asymptomatic', 'infections', 'deaths'][CAST((h // 200000) % 4 AS INTEGER) + 1] AS metric,
           CASE WHEN (h // 800000) % 5 = 0 THEN 'cumulative' ELSE 'new' END AS measure,
           (h // 4000000) % 10 = 0 AS half_day
    FROM g)
  SELECT 'a' || (i // 20) AS article_id, date,
         CASE WHEN k = 0 THEN '重庆市' ELSE '区县' || k END AS region,
         CASE WHEN k = 0 THEN '500000' ELSE CAST(500100 + k AS VARCHAR) END AS region_code,
         metric, 'local' AS scope, measure,
         CAST(hash(date, k, metric, measure) % 500 AS BIGINT)
           + CASE WHEN i % 20 = 7 THEN 1 ELSE 0 END AS value,
         CASE WHEN i % 100 = 3 THEN 'over' ELSE 'exact' END AS qualifier,
         CASE WHEN half_day THEN date::TIMESTAMP END AS period_start,
         CASE WHEN half_day THEN date::TIMESTAMP + INTERVAL 12 HOUR END AS period_end,
         NULL AS change, '确诊病例' AS label,
         {{'start': 100, 'end': 115, 'text': '重庆市新增本土确诊病例189例'}} AS evidence
  FROM r
) TO '{dir}/case_counts.jsonl' (FORMAT json);
COPY (
  SELECT 'a' || j AS article_id, 'in/a' || j || '.txt' AS source, md5(j::VARCHAR) AS sha256, NULL AS title,
         ['重庆市卫生健康委员会', '重庆日报', NULL][CAST(j % 3 AS INTEGER) + 1] AS outlet,
         CAST(DATE '2020-01-01' + CAST(j % 1000 AS INTEGER) AS VARCHAR) AS published, NULL AS url,
         'simplified' AS script, 'utf-8' AS encoding, {{'start': 0, 'end': 2000}} AS body, '0.1.0' AS extractor_version
  FROM range({articles}) t(j)
) TO '{dir}/articles.jsonl' (FORMAT json);
"""


def generate(folder: Path, n: int) -> None:
    import duckdb

    folder.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(_GENERATE.format(n=n, articles=(n + 19) // 20, dir=folder))
    (folder / "meetings.jsonl").write_text("", encoding="utf-8")
    con.close()


def run(folder: Path) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds, peak RSS in bytes and the summary line of ``python -m extract series folder``."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "extract", "series", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    err = proc.stderr.read() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"extract series failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, err.strip().splitlines()[-1]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", default="1000000,10000000", help="record counts, comma-separated")
    p.add_argument("--workdir", help="where to generate (default: a temporary folder)")
    p.add_argument("--keep", action="store_true", help="keep the generated files")
    args = p.parse_args()
    base = Path(args.workdir or tempfile.mkdtemp(prefix="series-bench-"))
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.1f}")
    print(f"{'records':>12} {'input MB':>9} {'wall s':>8} {'CPU s':>8} {'records/s':>11} {'peak RSS MB':>12}  summary")
    try:
        for n in (int(x) for x in args.n.split(",")):
            folder = base / f"n{n}"
            generate(folder, n)
            size = sum(f.stat().st_size for f in folder.glob("*.jsonl")) / 1e6
            wall, cpu, rss, summary = run(folder)
            print(f"{n:>12,} {size:>9.0f} {wall:>8.1f} {cpu:>8.1f} {n / wall:>11,.0f} {rss / 1e6:>12.0f}  {summary} "
                  f"(load average after: {os.getloadavg()[0]:.1f})", flush=True)
            if not args.keep:
                shutil.rmtree(folder)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
