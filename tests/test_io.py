"""Reading inputs: encodings, input kinds, sidecars, JSONL lines, error records, ids."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import orjson
import pytest

from extract.errors import InputProblem, UsageError
from extract.inputs.decoding import decode_bytes
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
        (bytes(range(256)) * 8, "binary"),  # decodes (leniently), but full of control characters
        (b"\x00\x01\x02\x03abc\x00\x00\x05" * 50, "binary"),
        ("重庆市".encode() + b"\xff\xfe\xfd\x80\x80\x80\x80\x80\x80\x80", "undecodable"),  # mostly junk
        (b"caf\xe9 cr\xe8me br\xfbl\xe9e na\xefve d\xe9j\xe0 vu", "undecodable"),  # Latin-1 French: not Chinese
    ],
)
def test_decode_errors(data: bytes, code: str) -> None:
    with pytest.raises(InputProblem) as e:
        decode(data)
    assert e.value.code == code


# ---------------------------------------------------------------- nothing a person could read is lost

HK = "衞生署公布,港島綫沿線着力防疫。12月1日0—12時,重慶市新增本土確診病例53例,新增本土無症狀感染者2239例。"
TW = "裏面的恒常防疫費用€500元。重慶市新增本土確診病例53例,新增本土無症狀感染者2239例。"
SIMP = "12月1日0—12时,重庆市新增本土确诊病例53例;新增本土无症状感染者2239例。渝中区、江北区各新增感染者10例。"
U8 = SIMP.encode()
CUT = len(SIMP[:20].encode())  # a character boundary inside the text
GBK = SIMP.encode("gbk")
GCUT = len(SIMP[:20].encode("gbk"))


def _lines(text: str, end: str) -> bytes:
    return text.replace("。", "。" + end).encode()


# (case, bytes, expected text, encoding, warning codes, byte offsets the warnings name)
REPAIRS = [
    ("big5hkscs 衞 綫 着", HK.encode("big5hkscs"), HK, "big5hkscs", [], []),
    ("cp950 裏 恒 €", TW.encode("cp950"), TW, "cp950", [], []),
    ("plain big5 stays big5", HK.replace("衞", "衛").replace("綫", "線").replace("着", "著").encode("big5"),
     HK.replace("衞", "衛").replace("綫", "線").replace("着", "著"), "big5", [], []),
    ("stray \\xff in UTF-8", U8[:CUT] + b"\xff" + U8[CUT:], SIMP[:20] + "\ufffd" + SIMP[20:], "utf-8", ["invalid_bytes"], [CUT]),
    ("Latin-1 é in UTF-8", U8[:CUT] + b"caf\xe9 " + U8[CUT:], SIMP[:20] + "caf\ufffd " + SIMP[20:], "utf-8",
     ["invalid_bytes"], [CUT + 3]),
    ("UTF-8 cut inside its last character", U8[:-2], SIMP[:-1] + "\ufffd", "utf-8", ["truncated_input"], [len(U8) - 3]),
    ("GBK cut inside its last character", SIMP.encode("gbk")[:-1], SIMP[:-1] + "\ufffd", "gb18030", ["truncated_input"],
     [len(SIMP.encode("gbk")) - 2]),
    ("Big5 cut inside its last character", HK.encode("big5hkscs")[:-1], HK[:-1] + "\ufffd", "big5hkscs",
     ["truncated_input"], [len(HK.encode("big5hkscs")) - 2]),
    ("UTF-16 with an odd last byte", SIMP.encode("utf-16") + b"\x00", SIMP + "\ufffd", "utf-16", ["truncated_input"],
     [len(SIMP.encode("utf-16"))]),
    ("GBK with a stray byte and a cut tail", GBK[:GCUT] + b"\xff" + GBK[GCUT:-1],
     SIMP[:20] + "\ufffd" + SIMP[20:-1] + "\ufffd", "gb18030", ["invalid_bytes", "truncated_input"], [GCUT]),
    ("CRLF", _lines(SIMP, "\r\n"), SIMP.replace("。", "。\r\n"), "utf-8", [], []),
    ("lone CR", _lines(SIMP, "\r"), SIMP.replace("。", "。\r"), "utf-8", [], []),
    ("CRLF in GB18030", SIMP.replace("。", "。\r\n").encode("gb18030"), SIMP.replace("。", "。\r\n"), "gb18030", [], []),
]


@pytest.mark.parametrize(("data", "text", "encoding", "codes", "offsets"), [r[1:] for r in REPAIRS], ids=[r[0] for r in REPAIRS])
def test_readable_text_is_decoded_and_repairs_are_warned(data: bytes, text: str, encoding: str, codes: list[str],
                                                          offsets: list[int]) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (text, encoding)
    assert [code for code, _ in decoded.warnings] == codes
    for (code, message), offset in zip(decoded.warnings, offsets):
        assert f"byte offset{'(s)' if code == 'invalid_bytes' else ''} {offset}" in message, message
    # one U+FFFD per undecodable sequence, nothing else lost
    assert decoded.text.count("\ufffd") == len(offsets) + (codes == ["invalid_bytes", "truncated_input"])


def test_mostly_undecodable_names_the_byte_and_the_closest_encoding() -> None:
    data = "重慶市".encode("big5") + bytes([0x80, 0xFF] * 40)
    with pytest.raises(InputProblem) as e:
        decode(data)
    assert e.value.code == "undecodable"
    assert "byte offset 6 (0x80" in e.value.message and "big5" in e.value.message and "gb18030," not in e.value.message


@pytest.mark.parametrize(("data", "clean"), [
    (HK.encode("big5hkscs"), HK.encode()),
    (U8[:CUT] + b"\xff" + U8[CUT:], U8),
    ((SIMP * 3).encode("gbk")[:-1], (SIMP * 3).encode()),
    (_lines(SIMP, "\r\n"), _lines(SIMP, "\n")),
    (_lines(SIMP, "\r"), _lines(SIMP, "\n")),
], ids=["hkscs", "stray", "gbk_cut", "crlf", "cr"])
def test_repaired_inputs_give_articles_with_honest_evidence(data: bytes, clean: bytes) -> None:
    """The records of a repaired text are those of the clean text; evidence indexes the decoded text."""
    from extract.io import process

    want_records = process(RawDoc(article_id="a", source="a.txt", data=clean))
    got = process(RawDoc(article_id="a", source="a.txt", data=data))
    assert got.case_counts
    assert [(c.metric, c.value) for c in got.case_counts] == [(c.metric, c.value) for c in want_records.case_counts]
    assert [d.name for d in got.districts] == [d.name for d in want_records.districts]
    for c in got.case_counts:
        assert got.text[c.evidence.start:c.evidence.end] == c.evidence.text
    want = {code for code, _ in decode_bytes(data).warnings}
    assert {w.code for w in got.article.warnings} >= want


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
