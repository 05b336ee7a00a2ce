"""Inputs as they come (issue 12): HTML pages, Markdown, crawled records, dates, ids, odd folders."""

from __future__ import annotations

import datetime as dt
import gzip
import time
from pathlib import Path

import orjson
import pytest

from extract import extract_text
from extract.cli import main
from extract.inputs.dates import CST, parse_published_value
from extract.inputs.markdown import blank_markdown
from extract.io import RawDoc, iter_inputs
from extract.models import InputError

CORPUS = Path("/work/shared/corpus/texts")
if not CORPUS.exists():
    CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "texts"
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not here")

TEXT = "12月1日0—12时,重庆市新增本土确诊病例53例;新增本土无症状感染者2239例。"


def items(*paths: str | Path, **kw: object) -> list[RawDoc | InputError]:
    return list(iter_inputs([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def read(out: Path, name: str) -> list[dict]:
    return [orjson.loads(x) for x in (out / f"{name}.jsonl").read_bytes().splitlines()]


def run(*args: str | Path) -> int:
    return main([*map(str, args), "--jobs", "1", "--progress", "never"])


# ---------------------------------------------------------------- saved web pages


@needs_corpus
@pytest.mark.parametrize(
    ("name", "title", "outlet", "published", "first", "absent"),
    [
        ("051_meeting_zhongshan_20190227", "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作", "中山网", "2019-03-06",
         "2019年2月27日下午", ["现在位置", "打印本页"]),
        ("089_pressconf_hubei_20200229", "国务院联防联控机制:湖北和武汉要严格管控防输出", "网易", "2020-02-29",
         "(原标题", ["热点新闻", "全国新增确诊病例427例", "网友评论"]),
        ("132_news_wuhan_20201004", "外媒眼中的武汉长假:蓬勃发展,欢声笑语", "长江网", "2020-10-04",
         "长江网10月4日讯", ["首页"]),
        ("148_news_national_20200103", "新年伊始,习近平的重要文章谈了啥?", "澎湃新闻", "2020-01-03",
         "【编前语】", ["字号", "4009-20-4009", "关键词"]),
    ],
)
def test_corpus_pages_give_title_date_outlet_and_a_clean_body(
    tmp_path: Path, name: str, title: str, outlet: str, published: str, first: str, absent: list[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / f"{name}.html").write_bytes((CORPUS / f"{name}.html").read_bytes())
    assert run(tmp_path / "in", "--out", tmp_path / "out") == 0
    (art,) = read(tmp_path / "out", "articles")
    assert (art["article_id"], art["format"], art["title"], art["outlet"], art["published"]) == (name, "html", title, outlet, published)
    body = art["text"][art["body"]["start"] : art["body"]["end"]]
    assert body.replace("（", "(").startswith(first)
    for junk in absent:
        assert junk not in body
    for rec in read(tmp_path / "out", "case_counts"):  # evidence indexes the converted text
        assert art["text"][rec["evidence"]["start"] : rec["evidence"]["end"]] == rec["evidence"]["text"]


def _page(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_重庆日报网</title>
<script>var tracker = "新增本土确诊病例999例";</script><style>p {{ margin: 0 }}</style></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/a">时政</a> | <a href="/b">社会</a> | <a href="/c">财经</a></div>
<div class="article"><h1>{title}</h1>{body}</div>
<div class="footer"><p>版权所有 重庆日报网 未经授权不得转载</p></div></body></html>"""


def _records(result, drop=("evidence", "record_id", "article_id")) -> dict[str, list[dict]]:  # type: ignore[no-untyped-def]
    out = {}
    for kind in ("case_counts", "districts", "meetings", "officials"):
        rows = []
        for r in getattr(result, kind):
            d = r.model_dump(mode="json", exclude=set(drop))
            d.pop("mentions", None) if kind == "districts" else None
            rows.append(d)
        out[kind] = rows
    return out


def test_an_article_saved_as_html_gives_the_same_records_as_its_text(seed_texts: dict[str, str]) -> None:
    seed = extract_text(seed_texts["002_4761cb3ac2f44e57"], published="2022-12-01")
    body = seed.text[seed.article.body.start : seed.article.body.end]
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    title = seed.article.title or "重庆市新冠肺炎疫情防控工作新闻发布会"
    as_text = extract_text(title + "\n" + "\n".join(paragraphs), published="2022-12-01")
    as_html = extract_text(_page(title, paragraphs), published="2022-12-01", format="auto")
    assert as_html.article.format == "html" and as_text.article.format == "text"
    assert as_html.article.title == as_text.article.title
    assert _records(as_html) == _records(as_text)
    assert as_text.case_counts, "the seed article has counts to compare"
    for c in as_html.case_counts:
        assert as_html.text[c.evidence.start : c.evidence.end] == c.evidence.text
    assert "999" not in as_html.text  # scripts never reach the text


def test_html_inside_a_record_field_and_html_looking_txt(tmp_path: Path) -> None:
    html = "<p>2022年12月1日0—12时,重庆市新增本土确诊病例53例。</p><p>其中沙坪坝区27例。</p>"
    (tmp_path / "b.jsonl").write_bytes(orjson.dumps({"id": "h1", "content": html}) + b"\n")
    (tmp_path / "page.txt").write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    assert run(tmp_path / "b.jsonl", tmp_path / "page.txt", "--out", tmp_path / "out") == 0
    arts = {a["article_id"]: a for a in read(tmp_path / "out", "articles")}
    assert {a["format"] for a in arts.values()} == {"html"}
    counts = read(tmp_path / "out", "case_counts")
    assert sorted((c["article_id"], c["value"]) for c in counts if c["region"] == "重庆市") == [("h1", 53), ("page", 53)]
    assert all("<p>" not in c["evidence"]["text"] for c in counts)


# ---------------------------------------------------------------- hostile pages


@pytest.mark.parametrize(
    ("name", "data", "outcome"),
    [
        ("huge.html", ("<html><head><title>重庆新增病例_重庆日报网</title></head><body><div class='nav'><ul>"
                       + '<li><a href="/news/2022/12/01/item-000000.html" title="相关新闻">相关新闻标题</a></li>\n' * 200_000
                       + "</ul></div><div><p>12月1日,重庆市新增本土确诊病例53例。</p></div></body></html>").encode(), "article"),
        ("deep.html", ("<html><body>" + "<div>" * 200_000 + "重庆市新增本土确诊病例53例" + "</div>" * 200_000 + "</body></html>").encode(), None),
        ("broken.html", "<html><body><p>未闭合<div><b>重庆市新增本土<p>确诊病例53例</td></tr><<>>&&;</body".encode(), "article"),
        ("script.html", ("<html><head><script>" + "var x = '新增5例';" * 20_000 + "</script></head><body><script>a()</script></body></html>").encode(), "empty"),
        ("binary.html", bytes(range(256)) * 400, "binary"),
        ("nul.htm", b"<html>\x00\x00\x01\x02" * 5000, "binary"),
    ],
)
def test_hostile_pages_end_as_an_article_or_an_error_in_bounded_time(tmp_path: Path, name: str, data: bytes, outcome: str | None) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(data)
    t0 = time.perf_counter()
    status = run(tmp_path / "in", "--out", tmp_path / "out", "--timeout", "60")
    assert time.perf_counter() - t0 < 60
    arts, errs = read(tmp_path / "out", "articles"), read(tmp_path / "out", "errors")
    assert len(arts) + len(errs) == 1
    got = "article" if arts else errs[0]["error"]
    assert status == (0 if arts else 1)
    if outcome is not None:
        assert got == outcome
    else:  # deep nesting: read or refused, never a crash
        assert got in ("article", "empty")


# ---------------------------------------------------------------- Markdown


@needs_corpus
@pytest.mark.parametrize(
    ("name", "title", "outlet", "published"),
    [
        ("072_news_jinjiang_20200209", "被声讨的“晋江毒王”:感到很抱歉,可我没撒谎 | 深度报道", "北青深一度", "2020-02-09"),
        ("093_news_wuhan_20200305", "特稿|复阳疑云:新冠患者出院后死亡事件始末", "财新网", "2020-03-05"),
        ("024_news_chongqing_20200206", "【武汉肺炎大爆发】咁都得?! 云南大理拦途扣下送往重庆口罩「应急征用」", "众新闻", "2020-02-06"),
    ],
)
def test_markdown_reposts_give_front_matter_metadata_and_a_clean_body(name: str, title: str, outlet: str, published: str) -> None:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    r = extract_text(text)
    assert r.article.format == "markdown"
    assert (r.article.title, r.article.outlet, str(r.article.published)) == (title, outlet, published)
    body = text[r.article.body.start : r.article.body.end]
    assert not body.startswith(("---", "title:", "layout:"))
    for e in [*(c.evidence for c in r.case_counts), *(o.evidence for o in r.officials)]:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    ("markdown", "kept"),
    [
        ("### 标题 ###", "标题"),
        ("**编辑/石爱华 宋建华**", "编辑/石爱华 宋建华"),
        ("市委书记[陈敏尔](https://example.cn/a?b=1)主持", "市委书记 陈敏尔 主持"),
        ("~~[原文](https://archive.li/x)~~已删除", "原文 已删除"),
        ("![图片说明](https://i.loli.net/a.jpg)正文", "正文"),
        ("> 引用的话", "引用的话"),
        ("- 列表项", "列表项"),
        ("<figcaption>图注</figcaption>", "图注"),
    ],
)
def test_markdown_markup_is_blanked_in_place(markdown: str, kept: str) -> None:
    blanked = blank_markdown(markdown)
    assert len(blanked) == len(markdown)
    assert " ".join(blanked.split()) == kept


def test_markdown_link_keeps_the_official_and_the_title_loses_its_hashes() -> None:
    text = "# 重庆召开疫情防控工作会议\n\n12月1日,市委书记[陈敏尔](https://www.cq.gov.cn/ld/cmr)主持召开会议,研究部署疫情防控工作。\n\n**编辑/张三**"
    r = extract_text(text, format="markdown")
    assert r.article.title == "重庆召开疫情防控工作会议"
    assert "陈敏尔" in [o.name for o in r.officials]


# ---------------------------------------------------------------- crawled records


@pytest.mark.parametrize("text_key", ["text", "content", "body", "正文", "article", "Content"])
@pytest.mark.parametrize("id_key", ["id", "doc_id", "uuid", "docid"])
@pytest.mark.parametrize("date_key", ["published", "pub_time", "publish_time", "date", "时间", "pubDate"])
def test_field_name_variants(tmp_path: Path, text_key: str, id_key: str, date_key: str) -> None:
    record = {id_key: "r1", text_key: TEXT, date_key: "2022/12/01 10:26", "标题": "标题一", "link": "http://x.cn/1", "来源": "重庆日报"}
    (tmp_path / "b.jsonl").write_bytes(orjson.dumps(record) + b"\n")
    (got,) = items(tmp_path / "b.jsonl")
    assert isinstance(got, RawDoc) and got.article_id == "r1" and got.data == TEXT
    assert got.meta == {"published": "2022/12/01 10:26", "title": "标题一", "url": "http://x.cn/1", "outlet": "重庆日报"}


@pytest.mark.parametrize(
    ("record", "error", "mentions"),
    [
        ({"id": "a", "txt": TEXT}, "missing_text", "content"),
        ({"identifier": "a", "text": TEXT}, "missing_id", "doc_id"),
    ],
)
def test_missing_fields_name_what_was_looked_for(tmp_path: Path, record: dict, error: str, mentions: str) -> None:
    (tmp_path / "b.jsonl").write_bytes(orjson.dumps(record) + b"\n")
    (got,) = items(tmp_path / "b.jsonl")
    assert isinstance(got, InputError) and got.error == error and mentions in got.message and "--fields" in got.message


def test_explicit_field_mapping(tmp_path: Path) -> None:
    (tmp_path / "b.jsonl").write_bytes(orjson.dumps({"key": 9, "txt": TEXT, "when": "20221201", "content": "wrong"}) + b"\n")
    out = tmp_path / "out"
    assert run(tmp_path / "b.jsonl", "--out", out, "--fields", "text=txt,id=key,published=when") == 0
    (art,) = read(out, "articles")
    assert (art["article_id"], art["published"]) == ("9", "2022-12-01")
    assert run(tmp_path / "b.jsonl", "--out", out, "--fields", "colour=red") == 2


def test_csv_json_and_gzip_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(f"doc_id,content,pub_time\nc1,\"{TEXT}\",2022年12月1日\nc2,\"{TEXT}\",1669860000\n", encoding="utf-8-sig")
    (tmp_path / "b.json").write_bytes(orjson.dumps({"data": [{"id": "j1", "text": TEXT}]}))
    with gzip.open(tmp_path / "c.JSONL.GZ", "wb") as f:
        f.write(orjson.dumps({"id": "g1", "text": TEXT}) + b"\n")
    with gzip.open(tmp_path / "d.txt.gz", "wb") as f:
        f.write(TEXT.encode("gb18030"))
    (tmp_path / "e.gz").write_bytes(b"not gzip at all")
    got = items(tmp_path)
    assert [(g.article_id, type(g).__name__) for g in got] == [
        ("c1", "RawDoc"), ("c2", "RawDoc"), ("j1", "RawDoc"), ("g1", "RawDoc"), ("d", "RawDoc"), ("e", "InputError")
    ]
    assert got[0].source.endswith("a.csv:2") and got[1].meta["published"] == "1669860000"
    assert got[-1].error == "undecodable"


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "day", "at"),
    [
        ("2022-11-24", "2022-11-24", None),
        ("2022/11/24", "2022-11-24", None),
        ("2022.11.24", "2022-11-24", None),
        ("2022年11月24日", "2022-11-24", None),
        ("2022年11月24日 10时26分", "2022-11-24", "2022-11-24T10:26:00+08:00"),
        ("20221124", "2022-11-24", None),
        ("202211241026", "2022-11-24", "2022-11-24T10:26:00+08:00"),
        ("2022-11-24 10:26:08", "2022-11-24", "2022-11-24T10:26:08+08:00"),
        ("2022-11-24T10:26:08+08:00", "2022-11-24", "2022-11-24T10:26:08+08:00"),
        ("2022-11-23T20:00:00Z", "2022-11-24", "2022-11-24T04:00:00+08:00"),
        ("2022/11/24 10:26 北京时间", "2022-11-24", "2022-11-24T10:26:00+08:00"),
        (1669256768, "2022-11-24", "2022-11-24T10:26:08+08:00"),
        ("1669256768000", "2022-11-24", "2022-11-24T10:26:08+08:00"),
        (20221124, "2022-11-24", None),
        ("Thu, 24 Nov 2022 10:26:08 +0800", "2022-11-24", "2022-11-24T10:26:08+08:00"),
        (dt.date(2022, 11, 24), "2022-11-24", None),
        ("yesterday", None, None),
        ("2022-13-45", None, None),
        ("", None, None),
        (True, None, None),
    ],
)
def test_published_in_every_common_form(value: object, day: str | None, at: str | None) -> None:
    got = parse_published_value(value)
    assert (got.date.isoformat() if got else None) == day
    assert (got.at.isoformat() if got and got.at else None) == at
    if got and got.at:
        assert got.at.utcoffset() == CST.utcoffset(None)


@pytest.mark.parametrize("bad", ["yesterday", "2022-13-45", "下周"])
def test_an_unreadable_date_is_a_warning_in_the_cli_the_sidecar_and_the_api(tmp_path: Path, bad: str) -> None:
    text = "2022年11月30日,重庆市新增本土确诊病例53例。"
    r = extract_text(text, published=bad)
    assert "unreadable_published" in [w.code for w in r.article.warnings]
    assert [c.date for c in r.case_counts] == [dt.date(2022, 11, 30)]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "in" / "a.meta.json").write_text(orjson.dumps({"published": bad}).decode(), encoding="utf-8")
    (tmp_path / "in" / "b.jsonl").write_bytes(orjson.dumps({"id": "b", "text": text, "pub_time": bad}) + b"\n")
    assert run(tmp_path / "in", "--out", tmp_path / "out") == 0
    arts = read(tmp_path / "out", "articles")
    assert len(arts) == 2
    for art in arts:
        assert art["published"] is None and "unreadable_published" in [w["code"] for w in art["warnings"]]


def test_the_year_rule_dates_counts_from_a_full_date_in_the_text() -> None:
    r = extract_text("据市卫健委通报,2022年11月23日0—24时,重庆市新增本土确诊病例53例。")
    assert r.article.published is None
    assert [c.date for c in r.case_counts] == [dt.date(2022, 11, 23)]
    undated = extract_text("11月23日0—24时,重庆市新增本土确诊病例53例。")
    assert [c.date for c in undated.case_counts] == [None]
    assert "undated_counts" in [w.code for w in undated.article.warnings]


# ---------------------------------------------------------------- ids and folders


def test_ids_are_namespaced_only_when_they_collide(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.jsonl").write_bytes(b"".join(orjson.dumps({"id": i, "text": TEXT}) + b"\n" for i in (1, 2)))
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "x.html").write_text(f"<html><body><p>{TEXT}</p></body></html>", encoding="utf-8")
    got = items(tmp_path)
    assert [g.article_id for g in got] == ["1", "2", "b/1", "b/2", "x", "x.txt"]  # x.html comes first
    assert [g.article_id for g in items(tmp_path)] == [g.article_id for g in got]  # stable
    # the same id twice inside one file is a true duplicate
    (tmp_path / "c.jsonl").write_bytes(orjson.dumps({"id": "k", "text": TEXT}) + b"\n" + orjson.dumps({"id": "k", "text": TEXT}) + b"\n")
    dup = items(tmp_path / "c.jsonl")
    assert isinstance(dup[1], InputError) and dup[1].error == "duplicate_id"


def test_unknown_types_are_reported_and_extensions_match_in_any_case(tmp_path: Path) -> None:
    (tmp_path / "A.TXT").write_text(TEXT, encoding="utf-8")
    (tmp_path / "B.Html").write_text(f"<html><body><p>{TEXT}</p></body></html>", encoding="utf-8")
    (tmp_path / "c.MD").write_text(f"# 标题\n\n{TEXT}", encoding="utf-8")
    (tmp_path / "noext").write_text(TEXT, encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "SOURCES.tsv").write_text("a\tb\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    got = items(tmp_path)
    summary = [(g.article_id, g.kind) if isinstance(g, RawDoc) else (Path(g.source).name, g.error) for g in got]
    assert summary == [("A", "auto"), ("B", "html"), ("SOURCES.tsv", "unsupported_type"), ("c", "markdown"),
                       ("noext", "auto"), ("report.pdf", "unsupported_type")]


def test_an_output_folder_inside_the_input_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert run(tmp_path, "--out", tmp_path / "out") == 2  # it would be read back by the next run
    assert not (tmp_path / "out").exists()
    assert run(tmp_path, "--out", tmp_path.parent / f"{tmp_path.name}-out") == 0
    assert [a["article_id"] for a in read(tmp_path.parent / f"{tmp_path.name}-out", "articles")] == ["a"]


def test_a_run_that_reads_nothing_leaves_the_previous_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    assert run(tmp_path / "good", "--out", out) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (tmp_path / "empty").mkdir()
    assert run(tmp_path / "empty", "--out", out) == 3
    (tmp_path / "odd").mkdir()
    (tmp_path / "odd" / "x.pdf").write_bytes(b"%PDF")
    assert run(tmp_path / "odd", "--out", out) == 1
    assert "x.pdf: unsupported_type" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


# ---------------------------------------------------------------- ETL-friendly output


def test_record_ids_schema_version_and_text_on_request(tmp_path: Path, raw_dir: Path) -> None:
    out1, out2 = tmp_path / "o1", tmp_path / "o2"
    assert run(raw_dir, "--out", out1) == 0
    assert main([str(raw_dir), "--out", str(out2), "--jobs", "2", "--with-text", "--progress", "never"]) == 0
    for name in ("articles", "case_counts", "districts", "meetings", "officials"):
        a, b = read(out1, name), read(out2, name)
        ids = [r["record_id"] for r in a]
        assert all(ids) and len(set(ids)) == len(ids), name
        assert ids == [r["record_id"] for r in b], name  # deterministic whatever --jobs
    arts = read(out2, "articles")
    assert {a["schema_version"] for a in arts} == {"1.1.0"}
    assert all(a["text"] for a in arts) and all(a["text"] is None for a in read(out1, "articles"))
    texts = {a["article_id"]: a["text"] for a in arts}
    for c in read(out2, "case_counts"):
        assert texts[c["article_id"]][c["evidence"]["start"] : c["evidence"]["end"]] == c["evidence"]["text"]
        assert c["region_code"] is None or isinstance(c["region_code"], str)


def test_pinyin_of_content_farms_is_removed_and_the_text_given() -> None:
    # Reposts of the 重庆市卫健委 notices on content-farm sites print pinyin after characters
    # (時(shí), 無(wú), 區(qū)): read without it, with a warning, and the text evidence indexes given.
    text = ("2022年9月30日重慶市新冠肺炎疫情情況\n"
            "9月29日0—24時(shí),重慶市無(wú)新增本土確診病例,新增本土無(wú)癥狀感染者2例(江北區(qū)),"
            "在隔離管控人員中發(fā)現(xiàn)。\n")
    r = extract_text(text, "2022-09-30")
    assert [w.code for w in r.article.warnings] == ["pinyin_removed"]
    assert r.article.text is not None and "(shí)" not in r.article.text and r.text == r.article.text
    got = {(c.region, c.metric, c.value) for c in r.case_counts}
    assert {("重庆市", "confirmed", 0), ("重庆市", "asymptomatic", 2), ("江北区", "asymptomatic", 2)} <= got
    for c in r.case_counts:
        assert r.article.text[c.evidence.start : c.evidence.end] == c.evidence.text
    plain = extract_text("重慶市無新增本土確診病例(CNA)(de)", "2022-09-30")
    assert plain.article.warnings == [] and plain.article.text is None


def test_hard_wrapped_forum_posts_are_read_as_paragraphs() -> None:
    # A PTT repost of a 中央社 report, wrapped at 76 columns inside words (生產|建設兵團, 陜西|1例):
    # the breaks inside sentences are removed, with a warning, and the text evidence indexes given.
    text = ("[新聞] 中國新增78例本土確診 內蒙占54例\n\n"
            "作者: someone   2021-12-03 11:53:54\n"
            "(中央社台北3日電)中國最近的本土疫情似有擴大趨勢,官方今天通報,新增78例本土\n"
            "確診,涉及6省市,其中內蒙古占54例,北京和上海也有病例。\n"
            "據中國國家衛生健康委員會官網,2日零至24時,31個省(自治區、直轄市)和新疆生產\n"
            "建設兵團報告新增確診病例93例,其中本土病例78例,分別是內蒙古54例(均在呼倫貝爾\n"
            "市)、黑龍江11例、雲南9例、上海1例(均在浦東新區)、北京1例(在海淀區)、陜西\n"
            "2例;另有境外移入15例(上海7例,廣西4例,廣東4例)。\n")
    r = extract_text(text, "2021-12-03")
    assert [w.code for w in r.article.warnings] == ["lines_unwrapped"]
    assert r.article.text is not None and "新疆生產建設兵團" in r.article.text and r.text == r.article.text
    got = {(c.region, c.scope, c.value) for c in r.case_counts if str(c.date) == "2021-12-02"}
    assert {("全国", "unspecified", 93), ("陕西省", "local", 2), ("呼伦贝尔市", "local", 54), ("全国", "imported", 15)} <= got
    for c in r.case_counts:
        assert r.article.text[c.evidence.start : c.evidence.end] == c.evidence.text
    # Lines of a notice are its paragraphs, whatever their length: nothing is joined.
    notice = "\n".join(["12月1日0—24时，重庆市新增本土确诊病例53例、本土无症状感染者1209例，其中万州区3例、涪陵区4例"] * 4)
    assert extract_text(notice, "2022-12-02").article.warnings == []


def test_error_records_have_ids_and_enum_codes() -> None:
    e = InputError(source="x.pdf", error="unsupported_type", message="m")
    assert e.record_id and e.record_id.startswith("e_")
    assert InputError.model_validate_json(e.model_dump_json()) == e
    with pytest.raises(ValueError):
        InputError(source="x", error="made_up", message="m")


# ---------------------------------------------------------------- properties

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from extract.inputs.prepare import blank_markup, sniff  # noqa: E402

_PIECES = [*"#*_~[]()!<>-:|`\\/ \n\t重庆市新增本土确诊病例53例。abc12", "http://t.cn/x", "](https://a.cn/b)", "---\n",
           "**", "~~", "2022年11月23日", "<p>", "</p>", "title: 标题\n"]
_MARKUP = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)
_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(_MARKUP)
def test_blanking_keeps_length_and_line_breaks(text: str) -> None:
    for blanked in (blank_markdown(text), blank_markup(text, True), blank_markup(text, False)):
        assert len(blanked) == len(text)
        assert [i for i, ch in enumerate(blanked) if ch == "\n"] == [i for i, ch in enumerate(text) if ch == "\n"]
        assert all(b == t or b == " " for b, t in zip(blanked, text))


@_FAST
@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=True), st.none(), st.booleans()))
def test_any_published_value_is_read_or_refused_never_raises(value: object) -> None:
    got = parse_published_value(value)
    assert got is None or (1900 <= got.date.year <= 2100 and (got.at is None or got.at.date() == got.date))


@_FAST
@given(_MARKUP)
def test_any_text_in_any_format_extracts_with_grounded_evidence(text: str) -> None:
    assert sniff(text) in ("text", "markdown", "html")
    for fmt in ("auto", "markdown", "text"):
        r = extract_text(text, format=fmt)
        for c in r.case_counts:
            assert r.text[c.evidence.start : c.evidence.end] == c.evidence.text
