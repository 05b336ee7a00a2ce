"""Issue 12's "Done when" tables, completed: every field name the README lists for each role, the
date forms through the CLI, an output folder nested deep inside an input (refused), a later INPUT's ids."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from extract.cli import main
from extract.io import InputError, RawDoc, iter_inputs

TEXT = "12月1日0—12时,重庆市新增本土确诊病例53例;新增本土无症状感染者2239例。"

# The README's table ("Crawled records"), written out here so that a name dropped from the code fails.
NAMES = {
    "text": ["text", "content", "body", "正文", "article", "内容", "html", "summary", "CONTENT"],
    "id": ["id", "doc_id", "docid", "uuid", "_id", "article_id", "编号", "DocID"],
    "published": ["published", "pub_time", "publish_time", "pubtime", "pubdate", "publish_date", "published_at",
                  "date", "datetime", "time", "时间", "发布时间", "日期", "PubTime"],
    "title": ["title", "headline", "标题", "Title"],
    "url": ["url", "link", "href", "source_url", "链接", "网址", "URL"],
    "outlet": ["outlet", "source", "site", "sitename", "site_name", "media", "publisher", "infosource", "来源", "媒体", "Source"],
}
VALUES = {"text": TEXT, "id": "r7", "published": "2022/12/01", "title": "标题一", "url": "http://x.cn/1", "outlet": "重庆日报"}
DEFAULT = {"text": "text", "id": "id", "published": "published", "title": "title", "url": "url", "outlet": "outlet"}


def items(*paths: str | Path) -> list[RawDoc | InputError]:
    return list(iter_inputs([str(p) for p in paths]))


def run(*args: str | Path) -> int:
    return main([*map(str, args), "--jobs", "1", "--progress", "never"])


def read(out: Path, name: str) -> list[dict]:
    return [orjson.loads(x) for x in (out / f"{name}.jsonl").read_bytes().splitlines()]


@pytest.mark.parametrize(("role", "name"), [(r, n) for r, ns in NAMES.items() for n in ns])
def test_every_listed_field_name_is_recognised(tmp_path: Path, role: str, name: str) -> None:
    record = {(name if r == role else DEFAULT[r]): v for r, v in VALUES.items()}
    (tmp_path / "b.jsonl").write_bytes(orjson.dumps(record) + b"\n")
    (got,) = items(tmp_path / "b.jsonl")
    assert isinstance(got, RawDoc), got
    seen = {"text": got.data, "id": got.article_id, **got.meta}
    assert seen[role] == VALUES[role]


@pytest.mark.parametrize(
    ("value", "published", "published_at"),
    [
        ("2022/11/24", "2022-11-24", None),
        ("2022年11月24日", "2022-11-24", None),
        ("20221124", "2022-11-24", None),
        (1669256768, "2022-11-24", "2022-11-24T10:26:08+08:00"),
        ("2022-11-24 10:26", "2022-11-24", "2022-11-24T10:26:00+08:00"),
        ("2022-11-23T20:00:00Z", "2022-11-24", "2022-11-24T04:00:00+08:00"),
        ("", None, None),
    ],
)
def test_date_forms_through_the_cli(tmp_path: Path, value: object, published: str | None, published_at: str | None) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_bytes(orjson.dumps({"doc_id": "a", "content": TEXT, "pub_time": value}) + b"\n")
    assert run(tmp_path / "in", "--out", tmp_path / "out") == 0
    (art,) = read(tmp_path / "out", "articles")
    assert (art["published"], art["published_at"]) == (published, published_at)
    assert art["warnings"] == [] or published is None


def test_an_output_folder_deep_inside_an_input_is_refused(tmp_path: Path) -> None:
    (tmp_path / "in" / "day1").mkdir(parents=True)
    (tmp_path / "in" / "day1" / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "in" / "day1" / "results"
    assert run(tmp_path / "in", "--out", out) == 2  # a usage error: it would lie among the inputs
    assert not out.exists()
    assert run(tmp_path / "in" / "day1" / "a.txt", "--out", out) == 0  # a file INPUT has no folder to lie in


def test_a_later_inputs_ids_are_namespaced_by_its_name(tmp_path: Path) -> None:
    for day in ("day1", "day2"):
        (tmp_path / day).mkdir()
        (tmp_path / day / "001.txt").write_text(TEXT, encoding="utf-8")
    got = items(tmp_path / "day1", tmp_path / "day2")
    assert [g.article_id for g in got if isinstance(g, RawDoc)] == ["001", "day2/001"]
    assert [g.article_id for g in items(tmp_path / "day2", tmp_path / "day1") if isinstance(g, RawDoc)] == ["001", "day1/001"]
