"""The command line end to end: files written, exit statuses, determinism, stdin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from extract.cli import main

FILES = ["articles", "case_counts", "districts", "meetings", "officials", "errors"]
TEXT = "12月1日0—12时,重庆市新增本土确诊病例53例;新增本土无症状感染者2239例。"


def read(out: Path, name: str) -> list[dict]:
    return [orjson.loads(x) for x in (out / f"{name}.jsonl").read_bytes().splitlines()]


def test_all_files_written_and_exit_0(tmp_path: Path, raw_dir: Path) -> None:
    assert main([str(raw_dir), "--out", str(tmp_path / "o"), "--jobs", "1"]) == 0
    for name in FILES:
        assert (tmp_path / "o" / f"{name}.jsonl").exists()
    assert len(read(tmp_path / "o", "articles")) == 5
    assert not list((tmp_path / "o").glob(".*.tmp"))


def test_output_independent_of_jobs_and_runs(tmp_path: Path, raw_dir: Path) -> None:
    main([str(raw_dir), "--out", str(tmp_path / "a"), "--jobs", "1"])
    main([str(raw_dir), "--out", str(tmp_path / "b"), "--jobs", "2"])
    main([str(raw_dir), "--out", str(tmp_path / "c"), "--jobs", "2"])
    for name in FILES:
        a = (tmp_path / "a" / f"{name}.jsonl").read_bytes()
        assert a == (tmp_path / "b" / f"{name}.jsonl").read_bytes() == (tmp_path / "c" / f"{name}.jsonl").read_bytes()


def test_errors_give_exit_1_and_every_input_lands(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(TEXT, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (src / "batch.jsonl").write_bytes(b'{"id": "j1", "text": "' + TEXT.encode() + b'"}\n{oops\n')
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out), "--jobs", "1"]) == 1
    ids = [a["article_id"] for a in read(out, "articles")]
    errors = [(e["source"].rsplit("/", 1)[-1], e["error"]) for e in read(out, "errors")]
    assert ids == ["j1", "good"]  # batch.jsonl sorts before good.txt
    assert errors == [("batch.jsonl:2", "bad_json"), ("binary.txt", "binary"), ("empty.txt", "empty")]


@pytest.mark.parametrize("argv", [["/no/such/path"], [], ["x", "--jobs", "0"], ["x", "--bogus"]])
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        code = main([*argv, "--out", str(tmp_path / "o")])
        raise SystemExit(code)
    assert e.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("extract: error:") and "\n" not in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_stdin_jsonl_and_summary_line(tmp_path: Path) -> None:
    line = orjson.dumps({"id": "s1", "text": TEXT, "published": "2022-12-01"}) + b"\n"
    proc = subprocess.run(
        [sys.executable, "-m", "extract", "-", "--out", str(tmp_path / "o")],
        input=line, capture_output=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert read(tmp_path / "o", "articles")[0]["article_id"] == "s1"
    summary = proc.stderr.decode().strip().splitlines()[-1]
    assert summary.startswith("extract: 1 articles") and "errors" in summary


def test_help_is_fast_to_import() -> None:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "extract", "--help"], capture_output=True, check=True)
    assert b"dateparser" not in proc.stderr and b"pydantic" not in proc.stderr
