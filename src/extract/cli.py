"""The command line: ``python -m extract INPUT... [--out DIR] [--jobs N]``.

Exit status: 0 when every input was extracted, 1 when the run finished but some
inputs went to ``errors.jsonl``, 2 for usage errors (one line, no traceback).
``python -m extract schema [--dir schemas]`` writes the JSON Schemas.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from concurrent.futures import Future, ProcessPoolExecutor

    from .io import RawDoc
    from .models import InputError

__all__ = ["DEFAULT_TIMEOUT", "main", "work"]

#: What a worker returns for one input: its output lines, or an error record.
Result = tuple["dict[str, bytes] | None", "InputError | None"]

#: Seconds one article may take by default: generous (a seed article takes ~10 ms).
DEFAULT_TIMEOUT = 30.0

_DESCRIPTION = (
    "Extract dated case counts, districts, meetings and officials from Chinese news articles "
    "(.txt, .md and .html files with optional NAME.meta.json sidecars; .jsonl, .json, .csv and "
    ".parquet batches of crawled records; any of them .gz; folders searched recursively; or - for "
    "JSONL on stdin). Writes articles, case_counts, districts, meetings, officials and errors .jsonl "
    "files into --out."
)
_EPILOG = "Exit status: 0 all extracted, 1 some inputs in errors.jsonl, 2 usage error,\n" \
          "3 no input was found at all. A run that reads no article leaves an existing output as it was.\n" \
          "Other command: python -m extract schema [--dir DIR] writes the JSON Schemas."


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise SystemExit(_usage_exit(message))


def _usage_exit(message: str) -> int:
    print(f"extract: error: {message} (see --help)", file=sys.stderr)
    return 2


def _jobs(value: str) -> int:
    if value == "all":
        return os.cpu_count() or 1
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number or 'all', not {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return n


def _seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--timeout takes a number of seconds, not {value!r}") from None
    if not n >= 0 or n == float("inf"):  # also refuses nan
        raise argparse.ArgumentTypeError("--timeout must be a finite number of seconds, 0 or more")
    return n


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m extract", description=_DESCRIPTION, epilog=_EPILOG,
                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a file (.txt .md .html .jsonl .json .csv .parquet, optionally .gz), a folder, or - (JSONL on stdin)")
    p.add_argument("--out", default="data/out", metavar="DIR", help="output folder (default: data/out)")
    p.add_argument("--jobs", type=_jobs, default=os.cpu_count() or 1, metavar="N",
                   help="worker processes, or 'all' (default: all cores); output order does not depend on it")
    p.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"wall-clock limit per article; one that takes longer goes to errors.jsonl "
                        f"as 'timeout' (default: {DEFAULT_TIMEOUT:g}; 0: no limit)")
    p.add_argument("--fields", default=None, metavar="ROLE=FIELD,...",
                   help="which record field holds what, for JSONL/JSON/CSV inputs whose names are not recognised, "
                        "e.g. text=content,published=pub_time (roles: text, id, published, title, url, outlet)")
    p.add_argument("--with-text", action="store_true",
                   help="write the text evidence offsets index into articles.jsonl (always done for HTML inputs)")
    p.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress bar on stderr (default: auto, when stderr is a terminal)")
    p.add_argument("--version", action="version", version=f"extract {_version()}")
    return p


def _version() -> str:
    from . import __version__

    return __version__


def _schema_main(argv: Sequence[str]) -> int:
    p = _Parser(prog="python -m extract schema", description="Write the JSON Schema of every record type.")
    p.add_argument("--dir", default="schemas", help="folder to write into (default: schemas)")
    args = p.parse_args(argv)
    from .schema import write_schemas

    for path in write_schemas(args.dir):
        print(path)
    return 0


def work(raw: RawDoc, timeout: float | None = None, with_text: bool = False) -> tuple[dict[str, bytes] | None, InputError | None]:
    """Process one input in a worker: serialised output lines, or an error record.

    Args:
        raw: the input as read.
        timeout: seconds allowed (``SIGALRM`` in this process); over it, an error ``timeout``.
        with_text: put the text evidence indexes into the article record.
    """
    from .errors import InputProblem
    from .io import process
    from .models import InputError
    from .write import serialize

    try:
        return serialize(process(raw, timeout, with_text)), None
    except InputProblem as e:
        return None, InputError(source=raw.source, article_id=raw.article_id, error=e.code, message=e.message)
    except Exception as e:  # noqa: BLE001 - one article must never stop the run
        return None, InputError(source=raw.source, article_id=raw.article_id, error="extraction_failed",
                                message=f"{type(e).__name__}: {e}"[:500])


def _results(items: Iterator[RawDoc | InputError], jobs: int, timeout: float | None = None,
             with_text: bool = False) -> Iterator[Result]:
    """Results in input order; with jobs > 1, a bounded window of pending work."""
    from .models import InputError

    if jobs <= 1:
        for item in items:
            yield (None, item) if isinstance(item, InputError) else work(item, timeout, with_text)
        return
    pool = _Pool(jobs, timeout, with_text)
    window: deque[tuple[RawDoc | InputError, Future[Result] | None]] = deque()
    limit = jobs * 8  # bounded: memory does not grow with the corpus
    try:
        for item in items:
            window.append((item, None) if isinstance(item, InputError) else (item, pool.submit(item)))
            while len(window) >= limit:
                yield pool.settle(*window.popleft())
        while window:
            yield pool.settle(*window.popleft())
    finally:
        pool.shutdown()


class _Pool:
    """A process pool that survives a worker dying (segfault, out-of-memory kill).

    When a worker dies, every pending future fails with ``BrokenProcessPool``
    and it is unknown which input killed it. A fresh pool takes over; each
    input whose future failed is run again, alone, so only an input that
    kills a worker a second time becomes an error record (``worker_crashed``).
    """

    def __init__(self, jobs: int, timeout: float | None, with_text: bool = False) -> None:
        self.jobs, self.timeout, self.with_text = jobs, timeout, with_text
        self._pool = _executor(jobs)

    def submit(self, raw: RawDoc) -> Future[Result]:
        return self._pool.submit(work, raw, self.timeout, self.with_text)

    def settle(self, item: RawDoc | InputError, future: Future[Result] | None) -> Result:
        from concurrent.futures.process import BrokenProcessPool

        from .models import InputError

        if isinstance(item, InputError) or future is None:
            return None, item if isinstance(item, InputError) else None
        try:
            return future.result()
        except BrokenProcessPool:
            pass
        if getattr(self._pool, "_broken", True):
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = _executor(self.jobs)
        alone = _executor(1)
        try:
            return alone.submit(work, item, self.timeout, self.with_text).result()
        except BrokenProcessPool:
            return None, InputError(source=item.source, article_id=item.article_id, error="worker_crashed",
                                    message="the worker process died while processing this input (twice)")
        finally:
            alone.shutdown(wait=False, cancel_futures=True)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _executor(jobs: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["schema"]:
        return _schema_main(argv[1:])
    if argv[:1] == ["series"]:  # the consolidated series of earlier runs: src/extract/series/cli.py
        from .series.cli import main as series_main

        return series_main(argv[1:])
    args = _parser().parse_args(argv)
    from .errors import UsageError
    from .io import iter_inputs
    from .write import OutputWriter, dumps

    started = time.perf_counter()
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    articles = errors = 0
    first_errors: list[str] = []
    try:
        from .inputs.records import parse_fields

        items = iter_inputs(args.inputs, fields=parse_fields(args.fields), exclude=[args.out])
        first = next(items, None)  # surfaces a usage error before any file is touched
        with OutputWriter(args.out) as out:
            stream = items if first is None else _chain(first, items)
            last_tick = 0.0
            shown = 0
            for lines, error in _results(stream, args.jobs, args.timeout or None, args.with_text):
                if error is not None:
                    out.write("errors", dumps(error))
                    errors += 1
                    if articles == 0 and shown < 5:  # a run that reads nothing says why
                        shown += 1
                        first_errors.append(f"  {error.source}: {error.error}: {error.message}")
                if lines is not None:
                    for name, data in lines.items():
                        out.write(name, data)
                    articles += 1
                if show and (now := time.perf_counter()) - last_tick > 0.1:
                    last_tick = now
                    print(f"\r  {articles} articles, {errors} errors, {now - started:.1f} s", end="", file=sys.stderr)
            kept = articles == 0 and (Path(args.out) / "articles.jsonl").exists()
            if kept:
                out.discard()  # nothing was read: the previous output stays as it was
    except UsageError as e:
        return _usage_exit(str(e))
    except KeyboardInterrupt:
        print("\nextract: interrupted; previous output left as it was", file=sys.stderr)
        return 130
    elapsed = time.perf_counter() - started
    if show:
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    if articles == 0:
        where = f"the previous output in {args.out} was left as it was" if kept else f"errors written to {args.out}"
        print(f"extract: no article could be read from {' '.join(args.inputs)} ({errors} errors); {where}", file=sys.stderr)
        for line in first_errors:
            print(line, file=sys.stderr)
        return 1 if errors else 3
    c = out.counts
    print(
        f"extract: {articles} articles, {c['case_counts']} case counts, {c['districts']} districts, "
        f"{c['meetings']} meetings, {c['officials']} officials, {errors} errors in {elapsed:.2f} s -> {args.out}",
        file=sys.stderr,
    )
    return 1 if errors else 0


def _chain(first, rest):  # type: ignore[no-untyped-def]
    yield first
    yield from rest
