"""Benchmark: throughput, memory, cold start and parallel speed-up of ``python -m extract``.

Generates a corpus of N seed-like articles from ``data/raw/*.txt`` (paragraphs
shuffled, numbers and dates changed, some converted to Traditional, some saved as
GB18030, most in JSONL batches and the rest as .txt files in folders), then times:

- a **floor** over the same corpus, in this process: read + decode, OpenCC t2s,
  one regex pass, one JSON line per article — what any pipeline must at least do;
- ``python -m extract CORPUS --jobs 1`` and ``--jobs all``, each in a fresh process,
  with the peak RSS of the largest process (``wait4``) and of the whole process
  tree (sampled from /proc every 20 ms);
- the cold start of ``python -m extract --help`` (median of 7).

Usage::

    .venv/bin/python bench/run.py                      # N=2000, about a minute on 2 cores
    .venv/bin/python bench/run.py --n 500 --rss 1000,10000,100000   # RSS as N grows (jobs all)
    .venv/bin/python bench/run.py --profile            # where one process spends its time

Nothing is written to the repository: the corpus and outputs go to a temporary
folder (or ``--workdir``), removed at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
PY = sys.executable

_NUMBER = re.compile(r"\d+")
_MONTH_DAY = re.compile(r"(1[0-2]|[1-9])月([1-3]?\d)日")


# ---------------------------------------------------------------- corpus


def _variants(n: int, seed: int) -> Iterator[tuple[str, str]]:
    """(id, text) of ``n`` seed-like articles, generated one at a time."""
    import opencc

    s2t = opencc.OpenCC("s2t")
    seeds = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    rng = random.Random(seed)
    for i in range(n):
        lines = seeds[i % len(seeds)].split("\n")
        head, body = lines[:4], lines[4:]
        # shuffle paragraphs in the body, keep the header (title, outlet, date)
        cut = len(body) * 3 // 4
        middle = body[:cut]
        rng.shuffle(middle)
        text = "\n".join(head + middle + body[cut:])
        # change numbers, keeping their length class; shift month/day
        text = _NUMBER.sub(lambda m: str(rng.randint(1, 10 ** min(len(m.group()), 4))) if len(m.group()) <= 4
                           and not m.group().startswith("20") else m.group(), text)
        text = _MONTH_DAY.sub(lambda m: f"{rng.randint(10, 12)}月{rng.randint(1, 28)}日", text)
        if rng.random() < 0.2:
            text = s2t.convert(text)
        yield f"b{i:07d}", text


@dataclass
class Corpus:
    path: Path
    articles: int
    bytes: int
    jsonl: int
    txt: int
    gb18030: int


def make_corpus(folder: Path, n: int, seed: int = 2022) -> Corpus:
    """Write ``n`` articles under ``folder``: 70% JSONL batches of 1000, 30% .txt in folders of 500."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    size = jsonl = txt = gb = 0
    batch = None
    batch_lines = 0
    for aid, text in _variants(n, seed):
        if rng.random() < 0.7:
            if batch is None or batch_lines >= 1000:
                if batch is not None:
                    batch.close()
                batch = (folder / f"batch{jsonl:07d}.jsonl").open("wb")
                batch_lines = 0
            line = orjson.dumps({"id": aid, "text": text}) + b"\n"
            batch.write(line)
            batch_lines += 1
            jsonl += 1
            size += len(line)
        else:
            sub = folder / f"txt{txt // 500:04d}"
            sub.mkdir(exist_ok=True)
            if rng.random() < 0.1:
                try:
                    data = text.encode("gb18030")
                    gb += 1
                except UnicodeEncodeError:
                    data = text.encode("utf-8")
            else:
                data = text.encode("utf-8")
            (sub / f"{aid}.txt").write_bytes(data)
            txt += 1
            size += len(data)
    if batch is not None:
        batch.close()
    return Corpus(folder, n, size, jsonl, txt, gb)


# ---------------------------------------------------------------- measuring


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants (Linux /proc), in KiB."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status", "rb") as f:
                for line in f:
                    if line.startswith(b"VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", "rb") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


@dataclass
class Run:
    seconds: float
    cpu: float  # user + system seconds of the whole process tree
    rss_largest_mb: float
    rss_tree_mb: float | None
    status: int


def run_extract(args: list[str]) -> Run:
    """Run ``python -m extract ARGS``; wall time, peak RSS of the largest process and of the tree."""
    started = time.perf_counter()
    proc = subprocess.Popen([PY, "-m", "extract", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, _tree_rss_kb(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    have_proc = os.path.isdir(f"/proc/{proc.pid}")
    if have_proc:
        sampler.start()
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    if have_proc:
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: extract failed ({proc.returncode}): {err.decode()[-2000:]}")
    # ru_maxrss of a waited child covers it and the descendants it waited for (KiB on Linux)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024, peak_tree / 1024 if have_proc else None, proc.returncode)


def _iter_corpus(folder: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".jsonl":
            with path.open("rb") as f:
                for line in f:
                    obj = orjson.loads(line)
                    yield obj["id"], obj["text"]
        elif path.suffix == ".txt":
            data = path.read_bytes()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("gb18030")
            yield path.stem, text


def run_floor(folder: Path, out: Path) -> tuple[float, float]:
    """Read + decode, OpenCC t2s, one regex pass, one JSON line per article; wall and CPU seconds."""
    import opencc
    import regex

    started, cpu = time.perf_counter(), time.process_time()
    t2s = opencc.OpenCC("t2s")
    pattern = regex.compile(r"(\d+)例")
    with out.open("wb") as f:
        for aid, text in _iter_corpus(folder):
            simplified = t2s.convert(text)
            counts = [m.group(1) for m in pattern.finditer(simplified)]
            f.write(orjson.dumps({"id": aid, "n": len(counts), "first": counts[:1]}) + b"\n")
    return time.perf_counter() - started, time.process_time() - cpu


def cold_start(repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([PY, "-m", "extract", "--help"], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


#: (label, file suffix, function) of the pipeline's stages, for the profile summary.
STAGES = [
    ("io.decode (encoding detection)", "extract/io.py", "decode"),
    ("normalize.normalize (OpenCC t2s, width)", "extract/normalize.py", "normalize"),
    ("normalize.detect_script (changed and Simplified-only characters)", "extract/normalize.py", "detect_script"),
    ("article.analyse_article (lines, junk, by-lines)", "extract/article.py", "analyse_article"),
    ("  of which article._bylines", "extract/article.py", "_bylines"),
    ("document.blank_outside", "extract/document.py", "blank_outside"),
    ("extractors.case_counts.extract", "extractors/case_counts/__init__.py", "extract"),
    ("extractors.districts.extract", "extractors/districts.py", "extract"),
    ("extractors.officials.extract", "extractors/officials.py", "extract"),
    ("extractors.meetings.extract", "extractors/meetings.py", "extract"),
    ("write.serialize (model_dump + orjson)", "extract/write.py", "serialize"),
]


def profile(folder: Path, limit: int) -> None:
    """cProfile one process over the first ``limit`` articles; top functions by own time."""
    import cProfile
    import pstats

    from extract.io import RawDoc, process
    from extract.write import serialize

    docs = []
    for aid, text in _iter_corpus(folder):
        docs.append(RawDoc(article_id=aid, source=aid, data=text.encode("utf-8")))  # decoded like a .txt
        if len(docs) >= limit:
            break
    serialize(process(docs[0]))  # load resources outside the profile
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        serialize(process(d))
    prof.disable()
    stats = pstats.Stats(prof)
    total = sum(v[2] for v in stats.stats.values())  # type: ignore[attr-defined]
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:25]  # type: ignore[attr-defined]
    print(f"\nprofile: {len(docs)} articles, {total:.2f} s of own time in one process\n")
    print("by stage (cumulative share):")
    for label, suffix, name in STAGES:
        cum = sum(v[3] for (f, _, n), v in stats.stats.items() if f.endswith(suffix) and n == name)  # type: ignore[attr-defined]
        print(f"  {cum / total:6.1%}  {label}")
    print()
    print(f"{'own %':>6} {'cum %':>6} {'calls':>8}  function")
    for (file, line, name), (_, calls, own, cum, _) in rows:
        where = file.replace(str(ROOT) + "/", "")
        where = where.split("site-packages/")[-1]
        print(f"{own / total:6.1%} {cum / total:6.1%} {calls:8d}  {where}:{line}({name})")


# ---------------------------------------------------------------- main


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=2000, help="articles in the corpus (default 2000: about a minute on 2 cores)")
    p.add_argument("--rss", default="", metavar="N1,N2,...",
                   help="also run --jobs all on corpora of these sizes and print peak RSS as N grows")
    p.add_argument("--profile", action="store_true", help="print where one process spends its time (cProfile)")
    p.add_argument("--workdir", type=Path, help="where to write the corpus and outputs (default: a temporary folder)")
    p.add_argument("--keep", action="store_true", help="keep the work folder")
    args = p.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="extract-bench-"))
    jobs_all = os.cpu_count() or 1
    try:
        t = time.perf_counter()
        corpus = make_corpus(work / f"corpus{args.n}", args.n)
        mb = corpus.bytes / 1e6
        print(f"corpus: {corpus.articles} articles, {mb:.1f} MB ({corpus.jsonl} in JSONL, {corpus.txt} .txt of which "
              f"{corpus.gb18030} GB18030; ~20% Traditional), generated in {time.perf_counter() - t:.1f} s; "
              f"{jobs_all} cores, Python {sys.version.split()[0]}")

        load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        floor, floor_cpu = run_floor(corpus.path, work / "floor.jsonl")
        runs = {j: run_extract([str(corpus.path), "--out", str(work / f"out{j}"), "--jobs", str(j), "--progress", "never"])
                for j in sorted({1, jobs_all})}
        same = all((work / "out1" / f).read_bytes() == (work / f"out{jobs_all}" / f).read_bytes()
                   for f in os.listdir(work / "out1") if f.endswith(".jsonl"))
        cold = cold_start()

        print()
        load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"{'run':<20}{'wall s':>8}{'articles/s':>12}{'MB/s':>7}{'CPU s':>8}{'CPU ms/article':>16}"
              f"{'peak RSS largest':>18}{'peak RSS tree':>15}")
        print(f"{'floor (1 process)':<20}{floor:8.2f}{args.n / floor:12.0f}{mb / floor:7.2f}{floor_cpu:8.2f}"
              f"{floor_cpu / args.n * 1000:16.2f}{'-':>18}{'-':>15}")
        for j, r in runs.items():
            tree = f"{r.rss_tree_mb:.0f} MB" if r.rss_tree_mb is not None else "n/a"
            print(f"{f'extract --jobs {j}':<20}{r.seconds:8.2f}{args.n / r.seconds:12.0f}{mb / r.seconds:7.2f}{r.cpu:8.2f}"
                  f"{r.cpu / args.n * 1000:16.2f}{r.rss_largest_mb:15.0f} MB{tree:>15}")
        print()
        one = runs[1].seconds
        print(f"load average (1 min) before/after: {load_before:.2f} / {load_after:.2f}  "
              f"(above 0.5 means other processes share the cores: wall figures are pessimistic)")
        print(f"pipeline / floor, one process:  {one / floor:.1f}x wall, {runs[1].cpu / floor_cpu:.1f}x CPU   (issue 15 target <= 10x)")
        if jobs_all > 1:
            print(f"speed-up --jobs {jobs_all} vs 1:       {one / runs[jobs_all].seconds:.2f}x  (ideal {jobs_all}x)")
        print(f"cold start (--help, median):    {cold * 1000:.0f} ms (target < 500 ms)")
        print(f"same bytes with --jobs 1 and {jobs_all}:  {'yes' if same else 'NO'}")

        if args.rss:
            print(f"\npeak RSS as N grows (--jobs {jobs_all}):")
            print(f"{'N':>9}{'MB':>9}{'seconds':>9}{'articles/s':>12}{'peak RSS largest':>18}{'peak RSS tree':>15}")
            for n in (int(x) for x in args.rss.split(",") if x.strip()):
                c = make_corpus(work / f"rss{n}", n, seed=n)
                r = run_extract([str(c.path), "--out", str(work / f"rss_out{n}"), "--jobs", str(jobs_all), "--progress", "never"])
                tree = f"{r.rss_tree_mb:.0f} MB" if r.rss_tree_mb is not None else "n/a"
                print(f"{n:9d}{c.bytes / 1e6:9.1f}{r.seconds:9.1f}{n / r.seconds:12.0f}{r.rss_largest_mb:15.0f} MB{tree:>15}",
                      flush=True)
                shutil.rmtree(c.path, ignore_errors=True)
                shutil.rmtree(work / f"rss_out{n}", ignore_errors=True)

        if args.profile:
            profile(corpus.path, min(args.n, 500))
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
