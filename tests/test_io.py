"""Reading inputs: encodings, input kinds, sidecars, JSONL lines, error records, ids."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import orjson
import pytest

from extract.errors import InputProblem, UsageError
from extract.io import RawDoc, decode, iter_inputs
from extract.models import InputError

TEXT = "12月1日0—12時,重慶市新增本土確診病例53例;新增本土無症狀感染者2239例。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("big5"), "big5"),
        (normalized := "12月1日0—12时,重庆市新增本土确诊病例53例;新增本土无症状感染者2239例。".encode("gb18030"), "gb18030"),
    ],
)
def test_decode_detects_encoding(data: bytes, encoding: str) -> None:
    text, enc = decode(data)
    assert enc == encoding
    assert "53例" in text


def test_gb18030_and_big5_are_told_apart() -> None:
    simplified = "重庆市新增本土确诊病例53例,新增本土无症状感染者2239例,中心城区社会面发现感染者75人。"
    traditional = "重慶市新增本土確診病例53例,新增本土無症狀感染者2239例,中心城區社會面發現感染者75人。"
    assert decode(simplified.encode("gb18030")) == (simplified, "gb18030")
    assert decode(traditional.encode("big5")) == (traditional, "big5")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n", "empty"),
        (bytes(range(256)) * 8, "undecodable"),
        (b"\x00\x01\x02\x03abc\x00\x00\x05" * 50, "binary"),
        ("重庆市新增".encode()[:-1] + b"\xff\xfe\xfd", "undecodable"),
    ],
)
def test_decode_errors(data: bytes, code: str) -> None:
    with pytest.raises(InputProblem) as e:
        decode(data)
    assert e.value.code == code


def items(*paths: str | Path) -> list[RawDoc | InputError]:
    return list(iter_inputs([str(p) for p in paths]))


def test_folder_recursive_sorted_ids_and_sidecar(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2022-12-01", "url": "http://e.x/1"}', encoding="utf-8")
    (tmp_path / "notes.md").write_text("# 标题\n\n正文", encoding="utf-8")
    got = items(tmp_path)
    assert [g.article_id for g in got] == ["a", "b/z", "notes"]
    assert got[2].kind == "markdown"
    assert isinstance(got[0], RawDoc) and got[0].meta == {"published": "2022-12-01", "url": "http://e.x/1"}
    assert items(tmp_path / "a.txt")[0].article_id == "a"


def test_jsonl_lines_and_their_errors(tmp_path: Path) -> None:
    lines = [
        orjson.dumps({"id": "x1", "text": TEXT, "published": "2022-12-01"}),
        b"{not json",
        b"[1, 2]",
        orjson.dumps({"text": TEXT}),
        orjson.dumps({"id": "x2"}),
        orjson.dumps({"id": "x3", "text": 42}),
        orjson.dumps({"id": 7, "text": TEXT}),
        orjson.dumps({"id": "x1", "text": TEXT}),
        orjson.dumps({"id": "x4", "text": TEXT, "published": "yesterday"}),
        b"",
    ]
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join(lines))
    got = items(path)
    summary = [(g.article_id, g.error if isinstance(g, InputError) else "ok") for g in got]
    assert summary == [
        ("x1", "ok"),
        (None, "bad_json"),
        (None, "not_object"),
        (None, "missing_id"),
        ("x2", "missing_text"),
        ("x3", "bad_field"),
        ("7", "ok"),
        ("x1", "duplicate_id"),
        ("x4", "ok"),  # an unreadable date is a warning on the article, not its loss
    ]
    assert got[1].source.endswith("batch.jsonl:2")


def test_broken_sidecar_is_reported_and_article_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('[20221201]', encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.meta.json").write_text("{broken", encoding="utf-8")
    got = items(tmp_path)
    assert [(type(g).__name__, g.article_id) for g in got] == [
        ("InputError", "a"), ("RawDoc", "a"), ("InputError", "b"), ("RawDoc", "b")
    ]
    assert all(g.error == "bad_sidecar" for g in got if isinstance(g, InputError))


def test_symlink_loop_and_dangling_link(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    got = items(tmp_path)
    assert [(type(g).__name__, g.article_id) for g in got] == [("InputError", "dangling"), ("RawDoc", "sub/a")]
    assert got[0].error == "dangling_symlink"


def test_colliding_ids_across_inputs_are_namespaced(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "two" / "a.txt").write_text(TEXT, encoding="utf-8")
    got = items(tmp_path / "one", tmp_path / "two")
    assert [g.article_id for g in got] == ["a", "two/a"]
    assert all(isinstance(g, RawDoc) for g in got)
    # Given as two single files, the same rule applies: the later one is namespaced by its folder.
    got = items(tmp_path / "one" / "a.txt", tmp_path / "two" / "a.txt")
    assert [g.article_id for g in got] == ["a", "two/a"]


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        items(tmp_path / "nope")
