"""Throughput of the Spark entry point on ``local[2]`` beside ``python -m extract --jobs 2``.

Replicates a folder of real articles (default ``../shared/corpus/texts``) K times
into ``copyNN/`` folders, then times, each in a fresh process on the same files:

- ``python -m extract CORPUS --jobs 2`` (JSONL out);
- ``python -m extract.spark CORPUS OUT --master local[2]`` (Parquet out), end to end
  (JVM start and session included), and the part after the session is up (from the
  ``--timing`` line that this script asks the entry point for);

and checks that both found the same number of records of each type.

Usage::

    .venv/bin/python bench/spark.py                  # 188 articles × 11 = 2068
    .venv/bin/python bench/spark.py --copies 3 --texts data/raw
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def replicate(texts: Path, folder: Path, copies: int) -> int:
    n = 0
    for k in range(copies):
        dest = folder / f"copy{k:02d}"
        shutil.copytree(texts, dest, ignore=shutil.ignore_patterns("*.html", "*.md", "*.tsv"))
        n += sum(1 for _ in dest.rglob("*.txt"))
    return n


def timed(cmd: list[str]) -> tuple[float, str]:
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return wall, done.stderr


def counts(summary: str) -> dict[str, int]:
    line = [x for x in summary.splitlines() if re.match(r"extract(\.spark)?: \d+ articles", x)][-1]
    return {k.replace(" ", "_"): int(v) for v, k in re.findall(r"(\d+) (articles|case counts|districts|meetings|officials|errors)", line)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--texts", type=Path, default=ROOT.parent / "shared" / "corpus" / "texts")
    p.add_argument("--copies", type=int, default=11)
    p.add_argument("--workdir", type=Path)
    args = p.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="extract-spark-bench-"))
    corpus = work / "corpus"
    try:
        n = replicate(args.texts, corpus, args.copies)
        mb = sum(f.stat().st_size for f in corpus.rglob("*.txt")) / 1e6
        print(f"corpus: {n} articles, {mb:.1f} MB ({args.copies} copies of {args.texts}); load average "
              f"{os.getloadavg()[0]:.1f}", flush=True)
        cli_wall, cli_err = timed([sys.executable, "-m", "extract", str(corpus), "--out", str(work / "cli"),
                                   "--jobs", "2", "--progress", "never"])
        spark_wall, spark_err = timed([sys.executable, "-m", "extract.spark", str(corpus), str(work / "spark"),
                                       "--master", "local[2]", "--timing"])
        inner = float(re.search(r"after the session: ([\d.]+) s", spark_err).group(1))
        session = float(re.search(r"session: ([\d.]+) s", spark_err).group(1))
        if counts(cli_err) != counts(spark_err):
            sys.exit(f"record counts differ:\n  cli   {counts(cli_err)}\n  spark {counts(spark_err)}")
        print(f"{'run':<42} {'wall s':>8} {'articles/s':>11}")
        print(f"{'extract --jobs 2':<42} {cli_wall:8.2f} {n / cli_wall:11.0f}")
        print(f"{'extract.spark local[2], end to end':<42} {spark_wall:8.2f} {n / spark_wall:11.0f}")
        print(f"{'extract.spark local[2], after the session':<42} {inner:8.2f} {n / inner:11.0f}"
              f"   (session start {session:.1f} s)")
        print(f"records: {counts(cli_err)}; load average after {os.getloadavg()[0]:.1f}")
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
