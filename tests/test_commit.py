"""The output set swaps whole: a run killed at any point leaves the previous set or the new one.

The run is forked from this process (the package is already imported, so a trial takes a
fraction of a second) and killed with SIGKILL at each step of the swap (after the journal is
written, between any two renames, before the journal is deleted), and at random moments of a
whole run. After :func:`extract.journal.recover` (which the next run and the series step call
before they read) the folder is, byte for byte, the previous complete set or the new one.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from extract import write
from extract.cli import main

FILES = [f"{name}.jsonl" for name in ("articles", "case_counts", "districts", "meetings", "officials", "errors")]
STEPS = ["journal", *(f"rename {i}" for i in range(1, 7)), "renamed", "done"]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="POSIX only")


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.jsonl"))}


def _run(args: list[str]) -> None:
    assert main([*args, "--jobs", "1", "--progress", "never"]) in (0, 1)


@pytest.fixture(scope="module")
def sets(tmp_path_factory: pytest.TempPathFactory, raw_dir: Path) -> tuple[list[str], dict[str, bytes], list[str], dict[str, bytes]]:
    """Two runs whose six files all differ: the previous output, and the one that replaces it."""
    base = tmp_path_factory.mktemp("sets")
    old_in, new_in = base / "old", base / "new"
    old_in.mkdir()
    new_in.mkdir()
    texts = sorted(raw_dir.glob("*.txt"))
    for p in texts[:2]:
        (old_in / p.name).write_bytes(p.read_bytes())
    (old_in / "bad.txt").write_bytes(b"")  # an error record, so errors.jsonl differs too
    for p in texts[2:]:
        (new_in / p.name).write_bytes(p.read_bytes())
    (new_in / "nothing.txt").write_bytes(b"   \n")
    _run([str(old_in), "--out", str(base / "o1")])
    _run([str(new_in), "--out", str(base / "o2")])
    old, new = _snapshot(base / "o1"), _snapshot(base / "o2")
    assert set(old) == set(new) == set(FILES)
    assert all(old[f] != new[f] for f in FILES)
    return [str(old_in)], old, [str(new_in)], new


def _forked(args: list[str], step: str | None = None) -> int:
    """Run ``extract`` in a forked child, SIGKILLed at ``step`` of the swap if given; returns its pid."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 99
        try:
            if step is not None:
                write._step_hook = lambda name: os.kill(os.getpid(), signal.SIGKILL) if name == step else None
            code = main([*args, "--jobs", "1", "--progress", "never"])
        finally:
            os._exit(code)
    return pid


def _prepare(tmp_path: Path, name: str, old_args: list[str], old: dict[str, bytes]) -> Path:
    out = tmp_path / name
    _run([*old_args, "--out", str(out)])
    assert _snapshot(out) == old
    return out


def test_killed_between_any_two_steps_of_the_swap(tmp_path: Path, sets) -> None:  # type: ignore[no-untyped-def]
    old_args, old, new_args, new = sets
    for step in STEPS:
        out = _prepare(tmp_path, step.replace(" ", "_"), old_args, old)
        pid = _forked([*new_args, "--out", str(out)], step)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, step
        journal = (out / write.JOURNAL).exists()
        assert journal == (step != "done"), step  # committed from "journal" on, until it is deleted
        if step == "rename 6" or step == "renamed":
            assert _snapshot(out) == new  # all renamed, the journal not yet deleted
        assert write.recover(out) == journal
        assert _snapshot(out) == new, step  # rolled forward: the whole new set
        assert not (out / write.JOURNAL).exists()
        assert not list(out.glob(".*.tmp")), step  # no temporary file left once rolled forward


def test_the_next_run_rolls_forward_first(tmp_path: Path, sets, raw_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """A run that reads nothing after a run killed mid-swap: the killed run's set is completed, then kept."""
    old_args, old, new_args, new = sets
    out = _prepare(tmp_path, "o", old_args, old)
    _, status = os.waitpid(_forked([*new_args, "--out", str(out)], "rename 3"), 0)
    assert os.WIFSIGNALED(status)
    assert _snapshot(out) != old and _snapshot(out) != new  # a mix, until rolled forward
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert main([str(empty), "--out", str(out), "--jobs", "1"]) == 3  # read nothing: replaces nothing
    assert _snapshot(out) == new
    assert not (out / write.JOURNAL).exists()


def test_the_series_step_rolls_forward_before_it_reads(tmp_path: Path, sets) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("duckdb")
    from extract.series.api import series

    old_args, old, new_args, new = sets
    out = _prepare(tmp_path, "o", old_args, old)
    _, status = os.waitpid(_forked([*new_args, "--out", str(out)], "rename 2"), 0)
    assert os.WIFSIGNALED(status)
    series(out, out=tmp_path / "series")
    assert _snapshot(out) == new
    assert not (out / write.JOURNAL).exists()


def test_killed_at_random_moments(tmp_path: Path, sets) -> None:  # type: ignore[no-untyped-def]
    """SIGKILL at 12 moments spread over a whole run (reading, extracting, writing, swapping)."""
    old_args, old, new_args, new = sets
    started = time.monotonic()
    _run([*new_args, "--out", str(tmp_path / "timing")])
    took = time.monotonic() - started
    rng = random.Random(15)
    seen = set()
    for i in range(12):
        out = _prepare(tmp_path, f"t{i}", old_args, old)
        pid = _forked([*new_args, "--out", str(out)])
        time.sleep(rng.uniform(0, took * 1.1))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        write.recover(out)
        got = _snapshot(out)
        assert got in (old, new), i
        seen.add("new" if got == new else "old")
    assert "old" in seen  # the kills did land inside the runs
