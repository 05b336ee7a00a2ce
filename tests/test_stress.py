"""Hostile input: every input ends in articles.jsonl or errors.jsonl, with no traceback and no hang.

The corpus is generated in ``tmp_path`` (nothing big lives in the repository). Each
case names the file(s) it writes and what must come out: ``"article"`` (a line in
articles.jsonl, with the encoding when one is given), an error code, or a set of
acceptable outcomes where the contract allows more than one (a huge article may be
extracted or stopped by ``--timeout``; both are bounded and reported).
"""

from __future__ import annotations

import codecs
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from extract.cli import main

SEED = "12月1日0—12时,重庆市新增本土确诊病例53例;新增本土无症状感染者2239例。渝中区、江北区、沙坪坝区各新增感染者10例。"
TRAD = "12月1日0—12時,重慶市新增本土確診病例53例;新增本土無症狀感染者2239例。"
FILES = ["articles", "case_counts", "districts", "meetings", "officials", "errors"]
#: A generous ceiling for one process: the largest input here is 5 MB.
MAX_RSS_MB = 1500

Outcome = str | frozenset[str]
ARTICLE = "article"
BIG = frozenset({ARTICLE, "timeout"})


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return make


def _jsonl(name: str, *lines: bytes) -> Callable[[Path], None]:
    return _write(name, b"\n".join(lines) + b"\n")


def _dumps(obj: object) -> bytes:
    return orjson.dumps(obj)


# (case id, maker, {article_id: expected outcome}, encoding of the article if any)
CASES: list[tuple[str, Callable[[Path], None], dict[str, Outcome], str | None]] = [
    ("empty", _write("empty.txt", b""), {"empty": "empty"}, None),
    ("whitespace", _write("blank.txt", b" \t\r\n\xe3\x80\x80\n"), {"blank": "empty"}, None),
    ("binary", _write("bin.txt", bytes(range(256)) * 64), {"bin": "binary"}, None),
    ("mostly_undecodable", _write("junk.txt", TRAD.encode("big5")[:12] + bytes([0x80, 0xFF]) * 200), {"junk": "undecodable"}, None),
    ("nul_bytes", _write("nul.txt", b"\x00" * 4096), {"nul": "binary"}, None),
    # Readable text is never lost: repaired bytes are U+FFFD and a warning (see WARNED)
    ("truncated_utf8", _write("trunc.txt", (SEED * 3).encode()[:-1]), {"trunc": ARTICLE}, "utf-8"),
    ("truncated_gbk", _write("gbcut.txt", (SEED * 3).encode("gbk")[:-1]), {"gbcut": ARTICLE}, "gb18030"),
    ("stray_ff_utf8", _write("ff.txt", SEED.encode() + b"\xff" + SEED.encode()), {"ff": ARTICLE}, "utf-8"),
    ("latin1_e_in_utf8", _write("e.txt", SEED.encode() + b"caf\xe9 " + SEED.encode()), {"e": ARTICLE}, "utf-8"),
    ("big5hkscs", _write("hk.txt", ("衞生署:港島綫着力防疫。" + TRAD).encode("big5hkscs")), {"hk": ARTICLE}, "big5hkscs"),
    ("cp950", _write("tw.txt", ("裏面恒常費用€5。" + TRAD).encode("cp950")), {"tw": ARTICLE}, "cp950"),
    ("crlf", _write("crlf.txt", SEED.replace("。", "。\r\n").encode()), {"crlf": ARTICLE}, "utf-8"),
    ("lone_cr", _write("cr.txt", SEED.replace("。", "。\r").encode()), {"cr": ARTICLE}, "utf-8"),
    ("gb18030", _write("gb.txt", SEED.encode("gb18030")), {"gb": ARTICLE}, "gb18030"),
    ("big5", _write("b5.txt", TRAD.encode("big5")), {"b5": ARTICLE}, "big5"),
    ("utf16_bom", _write("u16.txt", SEED.encode("utf-16")), {"u16": ARTICLE}, "utf-16"),
    ("utf16_bom_odd_length", _write("u16odd.txt", SEED.encode("utf-16") + b"\x00"), {"u16odd": ARTICLE}, "utf-16"),
    ("utf8_bom", _write("bom.txt", codecs.BOM_UTF8 + SEED.encode()), {"bom": ARTICLE}, "utf-8-sig"),
    ("control_chars_few", _write("ctl.txt", (SEED * 5 + "\x07\x1b[0m\x0c").encode()), {"ctl": ARTICLE}, "utf-8"),
    ("control_chars_many", _write("ctlmany.txt", ("\x01\x02\x03\x1b" * 500 + SEED).encode()), {"ctlmany": "binary"}, None),
    ("digits_300k", _write("digits.txt", b"1" * 300_000), {"digits": BIG}, "utf-8"),
    ("dunhao_200k", _write("dunhao.txt", "、".encode() * 200_000), {"dunhao": ARTICLE}, "utf-8"),
    ("parens_deep", _write("parens.txt", ("(" * 20_000 + "（" * 20_000 + SEED + "）" * 20_000 + ")" * 20_000).encode()),
     {"parens": ARTICLE}, "utf-8"),
    ("brackets_unbalanced", _write("unbal.txt", ("【《“(" * 30_000 + SEED).encode()), {"unbal": ARTICLE}, "utf-8"),
    ("line_5mb", _write("long.txt", (SEED.replace("。", ",") * 30_000)[: 5 * 1024 * 1024 // 3].encode()),
     {"long": BIG}, None),
    ("many_short_lines", _write("lines.txt", ("例\n" * 50_000).encode()), {"lines": BIG}, "utf-8"),
    ("lone_surrogate_escape_jsonl", _jsonl("sur.jsonl", b'{"id": "s", "text": "\\ud800 ' + SEED.encode() + b'"}'),
     {"sur.jsonl:1": "bad_json"}, None),
    ("jsonl_malformed", _jsonl(
        "bad.jsonl",
        b"{not json",
        b"[1, 2, 3]",
        b'"a string"',
        _dumps({"text": SEED}),
        _dumps({"id": "no_text"}),
        _dumps({"id": "int_text", "text": 42}),
        _dumps({"id": "list_text", "text": ["a"]}),
        _dumps({"id": True, "text": SEED}),
        _dumps({"id": "", "text": SEED}),
        _dumps({"id": "blank_text", "text": "   "}),
        _dumps({"id": "bad_date", "text": SEED, "published": "2022-13-45"}),
        _dumps({"id": "num_date", "text": SEED, "published": 20221201}),
        _dumps({"id": "ok", "text": SEED}),
        _dumps({"id": "ok", "text": SEED}),
        b"\xff\xfe not utf-8",
        b"{" * 5000,
        b"{\"id\": " + b"9" * 40 + b", \"text\": \"x\"}",
    ), {
        "bad.jsonl:1": "bad_json", "bad.jsonl:2": "not_object", "bad.jsonl:3": "not_object",
        "bad.jsonl:4": "missing_id", "no_text": "missing_text", "int_text": "bad_field", "list_text": "bad_field",
        "bad.jsonl:8": "missing_id", "bad.jsonl:9": "missing_id", "blank_text": "empty",
        # an unreadable date is a warning on the article, a number is read as a date
        "bad_date": ARTICLE, "num_date": ARTICLE, "ok": ARTICLE, "bad.jsonl:14": "duplicate_id",
        "bad.jsonl:15": "bad_json", "bad.jsonl:16": "bad_json", "bad.jsonl:17": "missing_id",
    }, None),
    ("jsonl_bom", _write("bomj.jsonl", codecs.BOM_UTF8 + _dumps({"id": "bomj", "text": SEED}) + b"\n"), {"bomj": ARTICLE}, None),
    ("jsonl_no_final_newline_crlf", _write("crlf.jsonl", _dumps({"id": "crlf1", "text": SEED}) + b"\r\n"
                                           + _dumps({"id": "crlf2", "text": SEED})), {"crlf1": ARTICLE, "crlf2": ARTICLE}, None),
]


#: case id → the warning codes its article must carry (every other article of the cases carries neither).
WARNED = {"truncated_utf8": ["truncated_input"], "truncated_gbk": ["truncated_input"], "stray_ff_utf8": ["invalid_bytes"],
          "latin1_e_in_utf8": ["invalid_bytes"], "utf16_bom_odd_length": ["truncated_input"]}


def _sidecar_cases() -> list[tuple[str, Callable[[Path], None], dict[str, Outcome], str | None]]:
    def sidecar(name: str, meta: bytes) -> Callable[[Path], None]:
        def make(folder: Path) -> None:
            (folder / f"{name}.txt").write_text(SEED, encoding="utf-8")
            (folder / f"{name}.meta.json").write_bytes(meta)

        return make

    def link_sidecar(name: str, target: str) -> Callable[[Path], None]:
        def make(folder: Path) -> None:
            (folder / f"{name}.txt").write_text(SEED, encoding="utf-8")
            os.symlink(folder / target, folder / f"{name}.meta.json")

        return make

    def dir_sidecar(folder: Path) -> None:
        (folder / "sdir.txt").write_text(SEED, encoding="utf-8")
        (folder / "sdir.meta.json").mkdir()

    both = frozenset({"bad_sidecar+article"})
    return [
        ("sidecar_not_json", sidecar("s1", b"{broken"), {"s1": both}, None),
        ("sidecar_list", sidecar("s2", b"[1]"), {"s2": both}, None),
        # A wrong value is a warning on the article (bad_metadata, unreadable_published), never its loss.
        ("sidecar_wrong_types", sidecar("s3", b'{"published": 20221201, "title": ["x"]}'), {"s3": ARTICLE}, None),
        ("sidecar_bad_date", sidecar("s4", b'{"published": "yesterday"}'), {"s4": ARTICLE}, None),
        ("sidecar_binary", sidecar("s5", bytes(range(256))), {"s5": both}, None),
        ("sidecar_empty", sidecar("s6", b""), {"s6": both}, None),
        ("sidecar_ok_extra_keys", sidecar("s7", b'{"published": "2022-12-01", "x": {"y": 1}}'), {"s7": ARTICLE}, None),
        ("sidecar_dangling", link_sidecar("s8", "nowhere.json"), {"s8": both}, None),
        ("sidecar_loop", link_sidecar("s9", "s9.meta.json"), {"s9": both}, None),
        ("sidecar_is_folder", dir_sidecar, {"sdir": both}, None),
    ]


def _link_cases() -> list[tuple[str, Callable[[Path], None], dict[str, Outcome], str | None]]:
    def dangling(folder: Path) -> None:
        os.symlink(folder / "missing.txt", folder / "dangling.txt")

    def self_loop(folder: Path) -> None:
        os.symlink(folder / "selfloop.txt", folder / "selfloop.txt")

    def dir_loop(folder: Path) -> None:
        (folder / "sub").mkdir()
        (folder / "sub" / "inner.txt").write_text(SEED, encoding="utf-8")
        os.symlink(folder, folder / "sub" / "up")

    def fifo(folder: Path) -> None:
        os.mkfifo(folder / "fifo.txt")

    def fifo_jsonl(folder: Path) -> None:
        os.mkfifo(folder / "fifo.jsonl")

    def dev_zero(folder: Path) -> None:
        os.symlink("/dev/zero", folder / "zero.txt")

    cases = [
        ("dangling_symlink", dangling, {"dangling": "dangling_symlink"}, None),
        ("symlink_self_loop", self_loop, {"selfloop": "symlink_loop"}, None),
        ("folder_symlink_loop", dir_loop, {"sub/inner": ARTICLE}, None),
    ]
    if hasattr(os, "mkfifo"):
        cases += [("fifo_txt", fifo, {"fifo": "not_a_file"}, None), ("fifo_jsonl", fifo_jsonl, {"fifo.jsonl": "not_a_file"}, None)]
    if os.path.exists("/dev/zero"):
        cases.append(("dev_zero_as_txt", dev_zero, {"zero": "not_a_file"}, None))
    return cases


def _name_cases() -> list[tuple[str, Callable[[Path], None], dict[str, Outcome], str | None]]:
    names = {"space": "with space.txt", "unicode": "重庆 通报①.txt", "dash": "-leading-dash.txt", "quote": "it's \"q\".txt"}
    cases = [(f"name_{k}", _write(v, SEED.encode()), {v[:-4]: ARTICLE}, "utf-8") for k, v in names.items()]

    def newline(folder: Path) -> None:
        (folder / "new\nline.txt").write_bytes(SEED.encode())

    def not_utf8(folder: Path) -> None:
        with open(os.path.join(os.fsencode(folder), b"bad\xff\xfename.txt"), "wb") as f:
            f.write(SEED.encode())

    cases += [("name_newline", newline, {"new\nline": ARTICLE}, "utf-8"),
              ("name_not_utf8", not_utf8, {"bad\\xff\\xfename": ARTICLE}, "utf-8")]
    return cases


ALL = CASES + _sidecar_cases() + _link_cases() + _name_cases()


def _outcomes(out: Path) -> tuple[dict[str, str], dict[str, dict]]:
    """article_id (or source basename, for errors without an id) → outcome; and the articles by id."""
    articles = {a["article_id"]: a for a in map(orjson.loads, (out / "articles.jsonl").read_bytes().splitlines())}
    got: dict[str, str] = dict.fromkeys(articles, ARTICLE)
    for e in map(orjson.loads, (out / "errors.jsonl").read_bytes().splitlines()):
        key = e["article_id"] if e["article_id"] is not None and e["error"] != "duplicate_id" else e["source"].rsplit("/", 1)[-1]
        if e["error"] == "bad_sidecar" and key in articles:
            got[key] = "bad_sidecar+article"
        else:
            assert key not in got or got[key] == ARTICLE and e["error"] == "bad_sidecar", (key, e)
            got[key] = e["error"]
    return got, articles


def _check(out: Path, expected: dict[str, Outcome], encoding: str | None) -> None:
    got, articles = _outcomes(out)
    assert set(got) == set(expected)
    for key, want in expected.items():
        assert got[key] in want if isinstance(want, frozenset) else got[key] == want, (key, got[key])
        if encoding and got[key] == ARTICLE:
            assert articles[key]["encoding"] == encoding
    # whatever came out is complete JSON, line by line
    for name in FILES:
        for line in (out / f"{name}.jsonl").read_bytes().splitlines():
            assert isinstance(orjson.loads(line), dict)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every case in its own folder (so cases cannot interfere), built once."""
    root = tmp_path_factory.mktemp("hostile")
    for case_id, make, _, _ in ALL:
        folder = root / case_id
        folder.mkdir()
        try:
            make(folder)
        except (OSError, ValueError) as e:  # e.g. a file system that refuses a newline in a name
            (folder / "SKIP").write_text(str(e))
    return root


@pytest.mark.parametrize(("case_id", "expected", "encoding"), [(c, x, e) for c, _, x, e in ALL], ids=[c[0] for c in ALL])
def test_every_hostile_input_lands(corpus: Path, tmp_path: Path, case_id: str, expected: dict[str, Outcome],
                                   encoding: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    folder = corpus / case_id
    if (folder / "SKIP").exists():
        pytest.skip(f"the file system refused this case: {(folder / 'SKIP').read_text()}")
    out = tmp_path / "out"
    status = main([str(folder), "--out", str(out), "--jobs", "1", "--timeout", "2", "--progress", "never"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    got, articles = _outcomes(out)
    assert status == (0 if all(v == ARTICLE for v in got.values()) else 1)
    _check(out, expected, encoding)
    for article in articles.values():
        codes = [w["code"] for w in article["warnings"] if w["code"] in ("invalid_bytes", "truncated_input")]
        assert codes == WARNED.get(case_id, []), (case_id, article["warnings"])


def test_whole_hostile_corpus_in_parallel_subprocess(corpus: Path, tmp_path: Path) -> None:
    """All cases at once, two workers, a fresh interpreter: exit 1, no traceback, bounded memory."""
    folders = sorted(p for p in corpus.iterdir() if not (p / "SKIP").exists())
    out = tmp_path / "out"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(
        [sys.executable, "-m", "extract", *map(str, folders), "--out", str(out), "--jobs", "2", "--timeout", "2"],
        capture_output=True, check=False, timeout=300,
    )
    peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    assert proc.returncode == 1, proc.stderr.decode()[-2000:]
    assert b"Traceback" not in proc.stderr
    assert proc.stderr.decode().strip().splitlines()[-1].startswith("extract: ")
    assert peak_mb < MAX_RSS_MB
    # every case's input is there; ids are unique across the folders except where a case says otherwise
    got, _ = _outcomes(out)
    for case_id, _, expected, _ in ALL:
        if (corpus / case_id / "SKIP").exists():
            continue
        for key in expected:
            assert key in got, (case_id, key)


def test_dash_path_on_the_command_line(tmp_path: Path) -> None:
    """A file whose name starts with a dash is read after ``--``, not taken for an option."""
    (tmp_path / "-x.txt").write_text(SEED, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "extract", "--out", str(tmp_path / "o"), "--jobs", "1", "--", "-x.txt"],
                          cwd=tmp_path, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert orjson.loads((tmp_path / "o" / "articles.jsonl").read_bytes().splitlines()[0])["article_id"] == "-x"


def test_jsonl_line_over_the_limit_is_skipped_not_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.io

    monkeypatch.setattr(extract.io, "MAX_BYTES", 1000)
    path = tmp_path / "big.jsonl"
    path.write_bytes(_dumps({"id": "a", "text": SEED}) + b"\n" + _dumps({"id": "huge", "text": "例" * 5000}) + b"\n"
                     + _dumps({"id": "b", "text": SEED}) + b"\n")
    out = tmp_path / "o"
    assert main([str(path), "--out", str(out), "--jobs", "1"]) == 1
    got, _ = _outcomes(out)
    assert got == {"a": ARTICLE, "b": ARTICLE, "big.jsonl:2": "too_large"}


def test_txt_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.io

    monkeypatch.setattr(extract.io, "MAX_BYTES", 1000)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_bytes(SEED.encode() * 20)
    out = tmp_path / "o"
    assert main([str(tmp_path / "in"), "--out", str(out), "--jobs", "1"]) == 1
    assert _outcomes(out)[0] == {"big": "too_large"}


def test_stdin_garbage(tmp_path: Path) -> None:
    data = b"\x00\xff garbage\n" + _dumps({"id": "in", "text": SEED}) + b"\n[]\n"
    proc = subprocess.run([sys.executable, "-m", "extract", "-", "--out", str(tmp_path / "o")],
                          input=data, capture_output=True, check=False)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    assert _outcomes(tmp_path / "o")[0] == {"-:1": "bad_json", "in": ARTICLE, "-:3": "not_object"}


# ---------------------------------------------------------------- the per-article wall-clock guard

HANG = "HANG-FOREVER"


def _hanging_extract_text(original: Callable[..., object]) -> Callable[..., object]:
    """extract_text, except that an article containing HANG spins forever in Python code."""

    def extract_text(text: str, *args: object, **kwargs: object) -> object:
        while HANG in text:
            pass
        return original(text, *args, **kwargs)

    return extract_text


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_timeout_becomes_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    import multiprocessing

    import extract.pipeline

    if jobs != "1" and multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched function reaches the workers only when they are forked")
    monkeypatch.setattr(extract.pipeline, "extract_text", _hanging_extract_text(extract.pipeline.extract_text))
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SEED, encoding="utf-8")
    (src / "b.txt").write_text(SEED + HANG, encoding="utf-8")
    (src / "c.txt").write_text(SEED, encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out), "--jobs", jobs, "--timeout", "0.3"]) == 1
    assert _outcomes(out)[0] == {"a": ARTICLE, "b": "timeout", "c": ARTICLE}
    error = orjson.loads((out / "errors.jsonl").read_bytes())
    assert error["source"].endswith("b.txt") and "0.3 s" in error["message"]


def test_timeout_in_the_python_api_and_handler_restored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import signal

    import extract
    import extract.pipeline

    monkeypatch.setattr(extract.pipeline, "extract_text", _hanging_extract_text(extract.pipeline.extract_text))
    (tmp_path / "a.txt").write_text(SEED + HANG, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SEED, encoding="utf-8")
    before = signal.getsignal(signal.SIGALRM)
    got = list(extract.extract_path(tmp_path, timeout=0.2))
    assert [getattr(g, "error", ARTICLE) for g in got] == ["timeout", ARTICLE]
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_no_timeout_by_default_in_the_api(tmp_path: Path) -> None:
    """Without ``timeout`` the API installs no alarm (a notebook's own handlers are left alone)."""
    import signal

    import extract

    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    sentinel = signal.signal(signal.SIGALRM, signal.SIG_IGN)
    try:
        assert len(list(extract.extract_path(tmp_path))) == 1
        assert signal.getsignal(signal.SIGALRM) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGALRM, sentinel)


@pytest.mark.parametrize("value", ["-1", "abc", "nan", "inf"])
def test_bad_timeout_is_a_usage_error(tmp_path: Path, value: str) -> None:
    with pytest.raises(SystemExit) as e:
        main([str(tmp_path), "--timeout", value, "--out", str(tmp_path / "o")])
    assert e.value.code == 2


def test_a_worker_that_dies_is_an_error_record_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed on one article (segfault, OOM killer) costs that article, not the run."""
    import multiprocessing

    import extract.pipeline

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched function reaches the workers only when they are forked")
    original = extract.pipeline.extract_text

    def dying(text: str, *args: object, **kwargs: object) -> object:
        if "DIE" in text:
            os._exit(139)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(extract.pipeline, "extract_text", dying)
    src = tmp_path / "in"
    src.mkdir()
    for name in "abcdef":
        (src / f"{name}.txt").write_text(SEED + ("DIE" if name == "c" else ""), encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out), "--jobs", "2"]) == 1
    got = _outcomes(out)[0]
    assert got == {"a": ARTICLE, "b": ARTICLE, "c": "worker_crashed", "d": ARTICLE, "e": ARTICLE, "f": ARTICLE}


def test_long_list_of_districts_on_one_line(tmp_path: Path) -> None:
    """Regression: article._PHOTO was quadratic on a long 、-list (16,000 characters took ~13 s)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "list.txt").write_text("渝中区、" * 4000 + "等区新增感染者1例。", encoding="utf-8")
    out = tmp_path / "out"
    status = main([str(tmp_path / "in"), "--out", str(out), "--jobs", "1", "--timeout", "2"])
    assert _outcomes(out)[0] == {"list": ARTICLE}
    assert status == 0
