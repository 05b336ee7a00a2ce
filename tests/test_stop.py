"""A run that stops cleanly: Ctrl-C and SIGTERM end every worker and the parent within seconds,
leaving the previous output as it was; CLI edges that are one-line usage errors, not tracebacks."""

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
TEXT = "12月1日0—12时,重庆市新增本土确诊病例53例;新增本土无症状感染者2239例。"
#: Each stop must end the whole process group within this many seconds.
LIMIT = 5.0

posix = pytest.mark.skipif(not hasattr(os, "killpg") or not os.path.isdir("/proc"), reason="POSIX with /proc only")


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.jsonl"))}


def _living(group: int) -> list[int]:
    """Processes of the process group ``group`` that are not zombies (a zombie has ended)."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
        if int(fields[2]) == group and fields[0] != "Z":
            pids.append(int(entry))
    return pids


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory, seed_texts: dict[str, str]) -> Path:
    """A batch far too big to finish before the signal."""
    path = tmp_path_factory.mktemp("stop") / "big.jsonl"
    texts = list(seed_texts.values())
    with path.open("wb") as f:
        for i in range(3000):
            f.write(orjson.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}) + b"\n")
    return path


@posix
@pytest.mark.parametrize(("signum", "trials"), [(signal.SIGINT, 5), (signal.SIGTERM, 3)], ids=["ctrl_c", "sigterm"])
def test_a_stopped_run_ends_every_process_within_seconds(tmp_path: Path, raw_dir: Path, big: Path, signum: int,
                                                         trials: int) -> None:
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "extract", str(raw_dir), "--out", str(out), "--jobs", "1"],
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    before = _snapshot(out)
    for trial in range(trials):
        proc = subprocess.Popen([sys.executable, "-m", "extract", str(big), "--out", str(out), "--jobs", "2"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        try:
            deadline = time.monotonic() + 30
            while not list(out.glob(".articles.*.tmp")):  # the run has started writing
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline
                time.sleep(0.01)
            time.sleep(0.1 * trial)  # early, then well into extraction with both workers busy
            os.killpg(proc.pid, signum)  # as a terminal's Ctrl-C does: the whole group
            sent = time.monotonic()
            try:
                proc.wait(timeout=LIMIT)
            except subprocess.TimeoutExpired:
                pytest.fail(f"trial {trial}: still running {LIMIT} s after the signal; alive: {_living(proc.pid)}")
            while _living(proc.pid) and time.monotonic() - sent < LIMIT:  # the workers, reaped by the parent
                time.sleep(0.05)
            assert not _living(proc.pid), f"trial {trial}: workers left running"
        finally:
            if proc.poll() is None or _living(proc.pid):
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        err = proc.stderr.read().decode() if proc.stderr else ""
        assert proc.returncode == 128 + signum, (trial, proc.returncode, err)
        assert "Traceback" not in err and "interrupted; previous output left as it was" in err
        assert _snapshot(out) == before  # byte for byte
        assert not list(out.glob(".*.tmp"))  # the stopped run cleaned up after itself


def test_out_naming_a_file_is_one_line_and_exit_2(tmp_path: Path, raw_dir: Path) -> None:
    (tmp_path / "taken").write_text("mine")
    proc = subprocess.run([sys.executable, "-m", "extract", str(raw_dir), "--out", str(tmp_path / "taken")],
                          capture_output=True, check=False)
    assert proc.returncode == 2
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "is a file, not a folder" in lines[0], lines
    assert (tmp_path / "taken").read_text() == "mine"


def test_out_below_a_file_is_one_line_and_exit_2(tmp_path: Path, raw_dir: Path) -> None:
    from extract.cli import main

    (tmp_path / "taken").write_text("mine")
    assert main([str(raw_dir), "--out", str(tmp_path / "taken" / "sub")]) == 2


def test_empty_stdin_leaves_the_previous_output(tmp_path: Path, raw_dir: Path) -> None:
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "extract", str(raw_dir), "--out", str(out), "--jobs", "1"], check=True,
                   capture_output=True)
    before = _snapshot(out)
    proc = subprocess.run([sys.executable, "-m", "extract", "-", "--out", str(out)], input=b"", capture_output=True,
                          check=False)
    assert proc.returncode == 3 and b"Traceback" not in proc.stderr
    assert _snapshot(out) == before and len(before["articles.jsonl"].splitlines()) == 5


def test_text_piped_to_dash_is_one_error_saying_jsonl(tmp_path: Path) -> None:
    text = (TEXT + "\n\n" + TEXT + "\n").encode() * 30  # 60 non-blank lines of an article, not JSONL
    proc = subprocess.run([sys.executable, "-m", "extract", "-", "--out", str(tmp_path / "o")], input=text,
                          capture_output=True, check=False)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    errors = [orjson.loads(x) for x in (tmp_path / "o" / "errors.jsonl").read_bytes().splitlines()]
    assert len(errors) == 1
    assert errors[0]["source"] == "-" and "JSONL" in errors[0]["message"] and "give its path" in errors[0]["message"]
    assert "standard input (-) is read as JSONL" in proc.stderr.decode()


def test_a_broken_line_in_jsonl_on_stdin_is_still_its_own_error(tmp_path: Path) -> None:
    data = b"not json\n" + orjson.dumps({"id": "a", "text": TEXT}) + b"\n{broken\n" + orjson.dumps({"id": "b", "text": TEXT})
    proc = subprocess.run([sys.executable, "-m", "extract", "-", "--out", str(tmp_path / "o")], input=data,
                          capture_output=True, check=False)
    assert proc.returncode == 1
    errors = [orjson.loads(x) for x in (tmp_path / "o" / "errors.jsonl").read_bytes().splitlines()]
    assert [(e["source"], e["error"]) for e in errors] == [("-:1", "bad_json"), ("-:3", "bad_json")]
    assert len((tmp_path / "o" / "articles.jsonl").read_bytes().splitlines()) == 2
