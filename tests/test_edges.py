"""Usage edges (one line on stderr, exit 2) and hostile web pages (an article or an error record,
no traceback, bounded time)."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import orjson
import pytest

from extract.cli import main

SEED = "12月1日0—12时,重庆市新增本土确诊病例53例;新增本土无症状感染者2239例。渝中区、江北区、沙坪坝区各新增感染者10例。"


def _one_line_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str], words: str) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("extract: error:") and "\n" not in err and "Traceback" not in err, err
    assert words in err, err


@pytest.fixture()
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED, encoding="utf-8")
    return folder


def test_out_that_is_a_file(src: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (src.parent / "taken").write_text("mine")
    _one_line_exit_2([str(src), "--out", str(src.parent / "taken")], capsys, "is a file, not a folder")
    assert (src.parent / "taken").read_text() == "mine"


@pytest.mark.parametrize("exists", [True, False])
def test_out_that_cannot_be_written(src: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                    exists: bool) -> None:
    out = src.parent / "ro"
    out.mkdir()
    target = out if exists else out / "sub"
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == out else real(p, mode, **kw))
    # (as root, chmod cannot make a folder unwritable: the permission check is what is tested)
    _one_line_exit_2([str(src), "--out", str(target)], capsys, "not writable")
    assert not (out / "articles.jsonl").exists() and not (out / "sub").exists()


@pytest.mark.parametrize("where", ["in", "in/", "./in", "in/../in"])
def test_out_that_is_an_input_folder(src: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                     where: str) -> None:
    monkeypatch.chdir(src.parent)
    _one_line_exit_2([str(src / "a.txt"), "in", "--out", where], capsys, "is the input folder in")
    assert sorted(p.name for p in src.rglob("*")) == ["a.txt"]  # nothing written into the input


@pytest.mark.parametrize("where", ["in/out", "in/deeper/out", "./in/out", "in/../in/x"])
def test_out_inside_an_input_folder(src: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                    where: str) -> None:
    monkeypatch.chdir(src.parent)
    _one_line_exit_2(["in", "--out", where], capsys, "is inside the input folder in")
    assert sorted(p.name for p in src.rglob("*")) == ["a.txt"]  # nothing written into the input


def test_out_beside_the_input_is_fine(src: Path) -> None:
    assert main([str(src), "--out", str(src.parent / "out"), "--jobs", "1"]) == 0


# ---------------------------------------------------------------- hostile pages


def _outcome(out: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    read = lambda name: [orjson.loads(x) for x in (out / f"{name}.jsonl").read_bytes().splitlines()]  # noqa: E731
    return read("articles"), read("errors")


def _page(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / f"{name}.html").write_bytes(data)
    return folder


def _run_page(tmp_path: Path, name: str, data: bytes, limit: float, *extra: str) -> tuple[list, list]:  # type: ignore[type-arg]
    folder = _page(tmp_path, name, data)
    started = time.monotonic()
    status = main([str(folder), "--out", str(tmp_path / f"{name}-out"), "--jobs", "1", "--with-text", *extra])
    assert time.monotonic() - started < limit
    articles, errors = _outcome(tmp_path / f"{name}-out")
    assert len(articles) + len(errors) == 1 and status == (0 if articles else 1)
    return articles, errors


def test_a_20_mb_page_is_bounded(tmp_path: Path) -> None:
    block = f"<div class='nav'><a href='/x'>首页</a></div><p>{SEED}</p>\n"
    page = "<html><head><title>通报</title></head><body>" + block * (20_000_000 // len(block.encode())) + "</body></html>"
    articles, errors = _run_page(tmp_path, "big", page.encode(), 15.0, "--timeout", "2")
    assert articles or errors[0]["error"] == "timeout"


def test_tags_nested_100k_deep_keep_their_text(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 100_000 + f"<p>{SEED}</p>" + "</div>" * 100_000 + "</body></html>"
    articles, _ = _run_page(tmp_path, "nested", page.encode(), 15.0)
    text = articles[0]["text"]
    assert SEED in text
    cases = [orjson.loads(x) for x in (tmp_path / "nested-out" / "case_counts.jsonl").read_bytes().splitlines()]
    assert {c["value"] for c in cases} >= {53, 2239}
    assert all(text[c["evidence"]["start"]:c["evidence"]["end"]] == c["evidence"]["text"] for c in cases)


def test_broken_markup(tmp_path: Path) -> None:
    page = f"<html><body><p>{SEED}<div><span><<>>&&;<p <b>{SEED}</i></table><td><!--{SEED}"
    articles, _ = _run_page(tmp_path, "broken", page.encode(), 15.0)
    assert SEED in articles[0]["text"]


def test_a_page_that_is_all_script(tmp_path: Path) -> None:
    page = "<html><head><script>" + f"var s='{SEED}';" * 20_000 + "</script></head><body><script>go()</script></body></html>"
    _, errors = _run_page(tmp_path, "script", page.encode(), 15.0)
    assert errors[0]["error"] == "empty"


def test_a_binary_file_named_html(tmp_path: Path) -> None:
    data = random.Random(12).randbytes(200_000)
    _, errors = _run_page(tmp_path, "binary", data, 15.0)
    assert errors[0]["error"] in ("binary", "undecodable")
