"""A run killed with SIGKILL leaves the previous complete files, or none: never a truncated one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

FILES = ["articles", "case_counts", "districts", "meetings", "officials", "errors"]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not hasattr(os, "killpg"), reason="POSIX only")


def _big_corpus(folder: Path, seeds: dict[str, str], n: int = 4000) -> Path:
    """A JSONL batch far too big to finish before the kill (the seeds, over and over)."""
    path = folder / "big.jsonl"
    texts = list(seeds.values())
    with path.open("wb") as f:
        for i in range(n):
            f.write(orjson.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}) + b"\n")
    return path


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.jsonl"))}


def _kill_mid_run(inputs: list[str], out: Path, jobs: str) -> None:
    """Start a run in its own process group, wait until it is writing, SIGKILL the whole group."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "extract", *inputs, "--out", str(out), "--jobs", jobs],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not list(out.glob(".articles.*.tmp")):  # the run has opened its temporary files
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        time.sleep(0.6)  # well into extraction: workers busy, temporary files being filled
        assert proc.poll() is None, "the run ended before it could be killed"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_killed_run_leaves_previous_complete_files(tmp_path: Path, raw_dir: Path, seed_texts: dict[str, str], jobs: str) -> None:
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "extract", str(raw_dir), "--out", str(out), "--jobs", "1"],
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    before = _snapshot(out)
    assert set(before) == {f"{name}.jsonl" for name in FILES}

    _kill_mid_run([str(_big_corpus(tmp_path, seed_texts))], out, jobs)

    assert _snapshot(out) == before  # byte for byte: the killed run replaced nothing


def test_killed_first_run_leaves_no_output_file(tmp_path: Path, seed_texts: dict[str, str]) -> None:
    out = tmp_path / "out"
    _kill_mid_run([str(_big_corpus(tmp_path, seed_texts))], out, "2")
    assert _snapshot(out) == {}  # no *.jsonl at all, so no consumer can read a partial one


def test_run_after_a_kill_completes(tmp_path: Path, raw_dir: Path, seed_texts: dict[str, str]) -> None:
    """The next run completes and removes the temporary files the killed run left behind."""
    out = tmp_path / "out"
    _kill_mid_run([str(_big_corpus(tmp_path, seed_texts))], out, "1")
    assert len(list(out.glob(".*.tmp"))) == len(FILES)  # a killed process cannot clean up after itself
    (out / ".notes.tmp").write_text("not ours")
    done = subprocess.run([sys.executable, "-m", "extract", str(raw_dir), "--out", str(out), "--jobs", "1"],
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    articles = [orjson.loads(x) for x in (out / "articles.jsonl").read_bytes().splitlines()]
    assert len(articles) == len(seed_texts)
    assert [p.name for p in out.glob(".*.tmp")] == [".notes.tmp"]  # only files named like ours are removed
    for name in FILES:
        for line in (out / f"{name}.jsonl").read_bytes().splitlines():
            orjson.loads(line)


def test_temporary_files_of_a_live_run_are_left_alone(tmp_path: Path, raw_dir: Path) -> None:
    """Two runs into one folder: the second must not delete the first one's temporary files."""
    live = tmp_path / "out" / f".articles.{os.getppid()}.abcd.tmp"  # our parent process is alive
    live.parent.mkdir()
    live.write_bytes(b"{}\n")
    from extract.cli import main

    assert main([str(raw_dir), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    assert live.exists()
