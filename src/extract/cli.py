"""The command line: ``python -m extract INPUT... [--out DIR] [--jobs N]``.

Exit status: 0 when every input was extracted, 1 when the run finished but some
inputs went to ``errors.jsonl``, 2 for usage errors (one line, no traceback).
``python -m extract schema [--dir schemas]`` writes the JSON Schemas.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Self

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
             with_text: bool = False) -> Generator[Result, None, None]:
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
    except BaseException:  # interrupted (Ctrl-C, SIGTERM) or closed early: stop the workers now
        pool.terminate()
        raise
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
        with _signals_blocked():  # workers are forked here: see _worker_init
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
        alone = self._alone = _executor(1)
        try:
            with _signals_blocked():
                future = alone.submit(work, item, self.timeout, self.with_text)
            return future.result()
        except BrokenProcessPool:
            return None, InputError(source=item.source, article_id=item.article_id, error="worker_crashed",
                                    message="the worker process died while processing this input (twice)")
        finally:
            self._alone = None
            alone.shutdown(wait=False, cancel_futures=True)

    _alone: ProcessPoolExecutor | None = None

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def terminate(self, grace: float = 1.0) -> None:
        """Stop every worker now (SIGTERM, then SIGKILL after ``grace`` seconds); pending work is dropped.

        ``shutdown(wait=True)`` would wait for the articles in progress (up to ``--timeout``
        each) and can wait forever on a worker idle on the call queue; an interrupted run
        must end within seconds.
        """
        executors = [e for e in (self._pool, self._alone) if e is not None]
        procs = [p for e in executors for p in list((getattr(e, "_processes", None) or {}).values())]
        for p in procs:
            with contextlib.suppress(Exception):
                p.terminate()
        for e in executors:
            with contextlib.suppress(Exception):
                e.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + grace
        for p in procs:
            with contextlib.suppress(Exception):
                p.join(max(0.0, deadline - time.monotonic()))
                if p.is_alive():
                    p.kill()
                    p.join(0.5)


_STOP_SIGNALS = {s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if s is not None}
#: Inside :func:`_signals_blocked` (workers being forked) and the :class:`_Stop` of the run in progress.
_FORKING = [0]
_ACTIVE: list[_Stop] = []


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """SIGINT and SIGTERM held while workers are forked; delivered when the block ends.

    A signal that lands inside ``fork`` would raise in an at-fork hook, where the exception
    is only printed, or in the new worker before :func:`_worker_init` has run.
    """
    # A signal that arrived just before the block has its Python handler run inside it: the
    # handler defers while _FORKING is set, and the check after the block acts on it.
    _FORKING[0] += 1
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS) if hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        if previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        _FORKING[0] -= 1
    for stop in _ACTIVE:
        stop.check()


def _worker_init() -> None:
    """In each worker: Ctrl-C is the parent's to handle (it stops the workers), SIGTERM ends the worker.

    A forked worker inherits the parent's handlers (the parent's must not run here) and its
    blocked signals (see :func:`_signals_blocked`): the handlers are set, then the signals let in.
    It also inherits a garbage collector paused for the parent's start-up (:func:`_collector_paused`),
    turned back on here.
    """
    if _PAUSED[0]:
        gc.enable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def _executor(jobs: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)


class _Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM in the parent: the run stops, the previous output stays as it was."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Stop:
    """SIGINT and SIGTERM handlers for one run (main thread only; restored afterwards).

    The first signal raises :class:`_Interrupted` where the parent is, unless the output is
    being put in place (``defer``): then the run finishes putting it in place and stops after.
    A second signal while stopping is ignored (stopping is already under way).
    """

    SIGNALS = tuple(sorted(_STOP_SIGNALS))

    def __init__(self) -> None:
        self.received: int | None = None
        self.defer = False
        self.raised = False
        self._previous: dict[int, object] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.raised:
            return  # stopping is under way
        if self.received is None:
            self.received = signum
        if self.defer or _FORKING[0]:
            return
        if _in_finalizer(frame):
            # An exception raised in a __del__ is only printed, never seen: ask again in a moment.
            timer = threading.Timer(0.02, os.kill, (os.getpid(), signum))
            timer.daemon = True
            timer.start()
            return
        self.raised = True
        raise _Interrupted(self.received)

    def check(self) -> None:
        """Raise now for a signal that was deferred, or whose exception something swallowed."""
        if self.received is not None and not self.defer and not _FORKING[0] and not self.raised:
            self.raised = True
            raise _Interrupted(self.received)

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """A signal in the block is acted on after it (imports: an exception raised inside a
        module's initialisation can leave a C extension half set up)."""
        before, self.defer = self.defer, True
        try:
            yield
        finally:
            self.defer = before
        self.check()

    def __enter__(self) -> Self:
        if threading.current_thread() is threading.main_thread():
            for sig in self.SIGNALS:
                self._previous[sig] = signal.signal(sig, self._handle)
            _ACTIVE.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        if self in _ACTIVE:
            _ACTIVE.remove(self)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]


def _in_finalizer(frame: FrameType | None, depth: int = 40) -> bool:
    """Whether ``frame`` runs inside a ``__del__`` (or a weakref/gc callback), where an exception is lost."""
    while frame is not None and depth > 0:
        if frame.f_code.co_name in ("__del__", "_remove", "_releaseLock", "_acquireLock"):
            return True
        frame, depth = frame.f_back, depth - 1
    return False


def _exit_code(signum: int) -> int:
    return 128 + signum


def _exit_now(code: int) -> None:
    """As a program, after an interruption: end the process now, skipping the interpreter's exit.

    The workers are stopped and this run's temporary files removed; the interpreter's exit
    handlers would only wait on the pool's queue threads (or print a harmless race of
    ``concurrent.futures`` closing its wake-up pipe), and the run must end at once, every time.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def _check_out(out: str, inputs: Sequence[str] = ()) -> None:
    """``--out`` must be a folder that can be written, or a path where one can be made, outside every INPUT folder.

    Nothing is created here: a usage error found later (a missing INPUT) leaves no folder behind.

    Raises:
        UsageError: it is a file, lies below a file, cannot be written, or is (or is inside) an INPUT folder.
    """
    from .errors import UsageError

    path = Path(out)
    resolved = path.resolve()
    for given in inputs:
        if given == "-" or not os.path.isdir(given):
            continue
        folder = Path(given).resolve()
        if resolved == folder:
            raise UsageError(f"--out {out} is the input folder {given}: the output would be written among "
                             f"the inputs and nothing read; choose another folder")
        if resolved.is_relative_to(folder):
            # A later run over the same INPUT would meet the output files among its inputs.
            raise UsageError(f"--out {out} is inside the input folder {given}: the output would be written among "
                             f"the inputs; choose a folder outside it")
    if path.exists() and not path.is_dir():
        raise UsageError(f"--out {out} is a file, not a folder")
    existing = path if path.exists() else next((p for p in path.absolute().parents if p.exists()), None)
    if existing is None:
        return
    if not existing.is_dir():
        raise UsageError(f"--out {out} cannot be created: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        what = "is not writable" if existing == path else f"cannot be created: {existing} is not writable"
        raise UsageError(f"--out {out} {what}")


#: Whether the cyclic garbage collector is off for the start-up only (see :func:`_collector_paused`).
_PAUSED = [False]


@contextlib.contextmanager
def _collector_paused() -> Iterator[Callable[[], None]]:
    """The cyclic garbage collector held off while the run starts up; yields the function that turns
    it back on (called once the first result is in; the block's end also does).

    Starting up (the imports, some 400 compiled patterns, the gazetteer and lexicons built for the
    first article) allocates a few hundred thousand objects that live to the end and makes almost no
    cyclic garbage (~700 objects in a 6-article run), yet it set off ~180 collections, each walking
    the young objects allocated so far (~50 M instructions of a 6-article run of ~4,150 M). Nothing
    else changes: the collector only ever frees unreachable cycles.
    """
    paused = gc.isenabled()
    gc.disable()
    _PAUSED[0] = paused

    def resume() -> None:
        if _PAUSED[0]:
            _PAUSED[0] = False
            gc.enable()

    try:
        yield resume
    finally:
        resume()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Called as a program (``argv`` None), an interrupted run (Ctrl-C: 130, SIGTERM: 143) ends
    the process as soon as its workers are stopped (see :func:`_exit_now`).
    """
    as_program = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["schema"]:
        return _schema_main(argv[1:])
    if argv[:1] == ["series"]:  # the consolidated series of earlier runs: src/extract/series/cli.py
        from .series.cli import main as series_main

        return series_main(argv[1:])
    with _Stop() as stop, _collector_paused() as loaded:
        try:
            return _run(_parser().parse_args(argv), stop, loaded)
        except BaseException as e:  # also an interruption that surfaced wrapped in another error
            if isinstance(e, SystemExit) or (stop.received is None and not isinstance(e, KeyboardInterrupt)):
                raise
            code = _exit_code(stop.received or signal.SIGINT)
        print("\nextract: interrupted; previous output left as it was", file=sys.stderr)
        if as_program:
            _exit_now(code)
        return code


def _run(args: argparse.Namespace, stop: _Stop, loaded: Callable[[], None] = lambda: None) -> int:
    """One run; ``loaded`` is called when the first result is in (see :func:`_collector_paused`)."""
    from .errors import UsageError
    from .io import iter_inputs
    from .write import OutputWriter, dumps

    started = time.perf_counter()
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    articles = errors = 0
    first_errors: list[str] = []
    with stop.deferred():
        from . import pipeline  # noqa: F401 - the heavy imports, before any work
        from .inputs.records import parse_fields
    try:
        _check_out(args.out, args.inputs)
        items = iter_inputs(args.inputs, fields=parse_fields(args.fields), exclude=[args.out])
        first = next(items, None)  # surfaces a usage error before any file is touched
        try:
            writer = OutputWriter(args.out)
        except OSError as e:
            raise UsageError(f"--out {args.out} cannot be written: {e.strerror or e}") from None
        with writer as out, contextlib.ExitStack() as stack:
            stream = items if first is None else _chain(first, items)
            last_tick = 0.0
            shown = 0
            results = _results(stream, args.jobs, args.timeout or None, args.with_text)
            stack.callback(results.close)  # on an interruption here: the workers are stopped at once
            for lines, error in results:
                loaded()
                stop.check()
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
            stop.defer = True  # the files are put in place whole; a signal now waits until they are
    except UsageError as e:
        return _usage_exit(str(e))
    if stop.received is not None:  # arrived while the output was put in place: it is complete
        print("\nextract: interrupted after the output was written", file=sys.stderr)
        return _exit_code(stop.received)
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


def _chain(first: RawDoc | InputError, rest: Iterator[RawDoc | InputError]) -> Iterator[RawDoc | InputError]:
    yield first
    yield from rest
