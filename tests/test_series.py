"""The consolidated series (issue 13): one fact, many sources.

Table tests run real notice sentences through ``python -m extract`` (a .txt and its sidecar
per article) and then ``extract.series`` on the output folder; the consistency checks use
output records written directly, since they are about what several articles say together.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("duckdb", reason="the series step needs the extract[series] extra")

import extract  # noqa: E402
from extract.cli import main as cli_main  # noqa: E402
from extract.series.api import MissingExtra  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

NOTICE = {"outlet": "重庆市卫生健康委员会", "published": "2022-12-02"}
NEWS = {"outlet": "重庆日报", "published": "2022-12-02"}
HK = {"outlet": "香港文汇报", "published": "2022-12-02"}


def _run(tmp_path: Path, articles: dict[str, tuple[str, dict[str, str]]]) -> Path:
    """Extract the articles (name → text, sidecar) into tmp_path/out and return it."""
    src = tmp_path / "in"
    src.mkdir()
    for name, (text, meta) in articles.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
        (src / f"{name}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    assert cli_main([str(src), "--out", str(out), "--jobs", "1", "--progress", "never"]) == 0
    return out


def _rows(result, **key):  # type: ignore[no-untyped-def]
    return [r for r in result.rows if all(r[k] == v for k, v in key.items())]


CITY_CONFIRMED = {"region": "重庆市", "metric": "confirmed", "scope": "local", "measure": "new"}

# (case id, articles, expected status, expected chosen value, expected rule, values kept)
RULE_CASES = [
    ("same figure in a notice and a news report",
     {"a": ("12月1日0—24时,重庆市新增本土确诊病例189例。", NOTICE),
      "b": ("12月1日0—24时,重庆市新增本土确诊病例189例。", NEWS)},
     "agreed", 189, None, None),
    ("exact over 超过",
     {"a": ("12月1日0—24时,重庆市新增本土确诊病例超过180例。", NEWS),
      "b": ("12月1日0—24时,重庆市新增本土确诊病例189例。", NEWS)},
     "conflict", 189, "exact_over_approximate", {180, 189}),
    ("the health commission's notice over a news report",
     {"a": ("12月1日0—24时,重庆市新增本土确诊病例189例。", NOTICE),
      "b": ("12月1日0—24时,重庆市新增本土确诊病例198例。", {**NEWS, "published": "2022-12-03"})},
     "conflict", 189, "notice_over_repost", {189, 198}),
    ("the later publication corrects the earlier one",
     {"a": ("12月1日0—24时,重庆市新增本土确诊病例189例。", NEWS),
      "b": ("12月1日0—24时,重庆市新增本土确诊病例191例。", {**NEWS, "published": "2022-12-03"})},
     "conflict", 191, "later_publication", {189, 191}),
    ("the value more articles state",
     {"a": ("12月1日0—24时,重庆市新增本土确诊病例189例。", NEWS),
      "b": ("12月1日0—24时,重庆市新增本土确诊病例189例。", NEWS),
      "c": ("12月1日0—24时,重庆市新增本土确诊病例198例。", NEWS)},
     "conflict", 189, "more_sources", {189, 198}),
]


@pytest.mark.parametrize(("articles", "status", "value", "rule", "values"),
                         [c[1:] for c in RULE_CASES], ids=[c[0] for c in RULE_CASES])
def test_one_fact_many_sources(tmp_path, articles, status, value, rule, values):  # type: ignore[no-untyped-def]
    result = extract.series(_run(tmp_path, articles))
    rows = _rows(result, date=__import__("datetime").date(2022, 12, 1), **CITY_CONFIRMED)
    assert len(rows) == 1, rows
    row = rows[0]
    assert (row["status"], row["value"], row["rule"]) == (status, value, rule)
    assert row["n_articles"] == len(articles)
    assert row["article_ids"] == sorted(articles)
    if values is None:
        assert result.conflicts == []
    else:
        (conflict,) = result.conflicts
        assert {v["value"] for v in conflict["values"]} == values
        chosen = [v for v in conflict["values"] if v["chosen"]]
        assert [v["value"] for v in chosen] == [value]
        assert conflict["rule"] == rule and conflict["why"]
        # every value keeps the articles and the evidence that state it
        for v in conflict["values"]:
            assert v["evidence"] and all(e["text"] for e in v["evidence"])
            assert sorted(e["article_id"] for e in v["evidence"]) == v["article_ids"]


def test_traditional_repost_and_simplified_original_are_two_sources_of_one_fact(tmp_path):  # type: ignore[no-untyped-def]
    out = _run(tmp_path, {
        "original": ("12月1日0—24时,重庆市新增本土确诊病例189例、本土无症状感染者6347例。", NOTICE),
        "repost": ("12月1日0—24時,重慶市新增本土確診病例189例、本土無症狀感染者6347例。", HK),
    })
    result = extract.series(out)
    assert [(r["metric"], r["value"], r["status"], r["n_articles"]) for r in result.rows] == [
        ("asymptomatic", 6347, "agreed", 2), ("confirmed", 189, "agreed", 2)]
    assert all(r["article_ids"] == ["original", "repost"] for r in result.rows)


def test_a_half_day_window_and_the_whole_day_are_two_rows_never_summed(tmp_path):  # type: ignore[no-untyped-def]
    out = _run(tmp_path, {
        "noon": ("12月1日0—12时,重庆市新增本土确诊病例53例。", NEWS),
        "day": ("12月1日0—24时,重庆市新增本土确诊病例189例。", NOTICE),
    })
    result = extract.series(out)
    assert [(r["period"], r["value"], r["status"], r["daily"]) for r in result.rows] == [
        ("00:00-12:00", 53, "single", False), ("day", 189, "single", True)]
    assert result.conflicts == []


def test_shipped_sample_keeps_189_and_53_apart(tmp_path):  # type: ignore[no-untyped-def]
    result = extract.series(ROOT / "data" / "out", out=tmp_path)
    rows = _rows(result, date=__import__("datetime").date(2022, 12, 1), **CITY_CONFIRMED)
    assert sorted((r["period"], r["value"], r["daily"]) for r in rows) == [
        ("00:00-12:00", 53, False), ("day", 189, True)]
    assert all(r["value"] != 242 for r in result.rows)
    # the figure both sample articles repeat is one row with two sources
    (hub,) = _rows(result, region="中心城区", metric="infections")
    assert (hub["value"], hub["status"], hub["n_articles"]) == (5522, "agreed", 2)
    with (tmp_path / "series.csv").open(encoding="utf-8") as f:
        written = list(csv.DictReader(f))
    assert len(written) == len(result.rows) and written[0]["date"] <= written[-1]["date"]
    assert (tmp_path / "series.parquet").stat().st_size > 0


# --- consistency checks, from output records --------------------------------------------------

def _count(article_id: str, date: str, region: str, code: str | None, value: int, *, measure: str = "new",
           change: dict | None = None) -> dict:  # type: ignore[type-arg]
    return {"article_id": article_id, "date": date, "region": region, "region_code": code, "metric": "confirmed",
            "scope": "local", "measure": measure, "value": value, "qualifier": "exact", "period_start": None,
            "period_end": None, "change": change, "label": "确诊病例",
            "evidence": {"start": 0, "end": 1, "text": "例"}}


def _write_run(folder: Path, counts: list[dict], meetings: list[dict] | None = None) -> Path:  # type: ignore[type-arg]
    folder.mkdir(parents=True, exist_ok=True)
    ids = sorted({c["article_id"] for c in counts} | {m["article_id"] for m in meetings or []})
    arts = [{"article_id": i, "source": f"{i}.txt", "sha256": i * 4, "published": "2022-12-02", "script": "simplified",
             "encoding": "utf-8", "body": {"start": 0, "end": 1}, "extractor_version": "0"} for i in ids]
    for name, lines in (("articles", arts), ("case_counts", counts), ("meetings", meetings or [])):
        (folder / f"{name}.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                              encoding="utf-8")
    return folder


CHECK_CASES = [
    ("districts over the city total", "breakdown_exceeds_total",
     [_count("a", "2022-12-01", "重庆市", "500000", 10), _count("b", "2022-12-01", "沙坪坝区", "500106", 7),
      _count("c", "2022-12-01", "渝中区", "500103", 6)]),
    ("a cumulative figure going down", "cumulative_decreased",
     [_count("a", "2022-11-30", "重庆市", "500000", 1200, measure="cumulative"),
      _count("b", "2022-12-01", "重庆市", "500000", 1100, measure="cumulative")]),
    ("较前一日 disagreeing with the previous day", "change_disagrees",
     [_count("a", "2022-11-30", "重庆市", "500000", 150),
      _count("b", "2022-12-01", "重庆市", "500000", 189, change={"delta": 20, "vs_date": "2022-11-30"})]),
]
CONSISTENT = [
    _count("a", "2022-12-01", "重庆市", "500000", 13), _count("b", "2022-12-01", "沙坪坝区", "500106", 7),
    _count("c", "2022-12-01", "渝中区", "500103", 6),
    _count("a", "2022-11-30", "重庆市", "500000", 1200, measure="cumulative"),
    _count("b", "2022-12-01", "重庆市", "500000", 1213, measure="cumulative"),
    _count("d", "2022-11-30", "重庆市", "500000", 169),
    _count("e", "2022-12-02", "重庆市", "500000", 189, change={"delta": 176, "vs_date": "2022-12-01"}),
]


@pytest.mark.parametrize(("code", "counts"), [c[1:] for c in CHECK_CASES], ids=[c[0] for c in CHECK_CASES])
def test_consistency_checks_warn_and_never_correct(tmp_path, code, counts):  # type: ignore[no-untyped-def]
    result = extract.series(_write_run(tmp_path / "run", counts))
    assert [w["code"] for w in result.warnings] == [code]
    assert result.warnings[0]["message"] and len(result.warnings[0]["article_ids"]) >= 2
    # the figures themselves are as stated
    assert sorted(r["value"] for r in result.rows) == sorted(c["value"] for c in counts)
    flagged = [r for r in result.rows if r["warnings"]]
    assert flagged and all(r["warnings"] == [code] for r in flagged)


def test_consistent_figures_raise_no_warning(tmp_path):  # type: ignore[no-untyped-def]
    assert extract.series(_write_run(tmp_path / "run", CONSISTENT)).warnings == []


def test_same_article_in_two_runs_is_one_source(tmp_path):  # type: ignore[no-untyped-def]
    counts = [_count("a", "2022-12-01", "重庆市", "500000", 189), _count("b", "2022-12-01", "重庆市", "500000", 189)]
    one = _write_run(tmp_path / "one", counts)
    two = _write_run(tmp_path / "two", counts[:1])
    result = extract.series([one, two], out=tmp_path / "merged")
    assert [(r["n_articles"], r["status"]) for r in result.rows] == [(2, "agreed")]


# --- events across articles -------------------------------------------------------------------

def _meeting(article_id: str, name: str, *, chair: str | None = None, speakers: list[str] | None = None) -> dict:  # type: ignore[type-arg]
    return {"article_id": article_id, "date": "2022-11-20", "type": "special_meeting", "name": name,
            "organizer": None, "ordinal": None, "expanded": False, "chair": chair, "speakers": speakers or [],
            "attendees": [], "evidence": {"start": 0, "end": len(name), "text": name}}


def test_one_meeting_reported_by_two_articles_is_one_event(tmp_path):  # type: ignore[no-untyped-def]
    run = _write_run(tmp_path / "run", [], [
        _meeting("a", "市新冠肺炎疫情防控工作专题汇报会", chair="李明清", speakers=["陈敏尔", "胡衡华"]),
        _meeting("b", "重庆市疫情防控工作专题汇报会", speakers=["陈敏尔"]),
        _meeting("c", "市委常委会"),
    ])
    result = extract.series(run)
    assert len(result.events) == 2
    (event,) = [e for e in result.events if e["n_articles"] == 2]
    assert (event["chair"], event["speakers"], event["article_ids"], event["disagreement"]) == (
        "李明清", "胡衡华、陈敏尔", "a b", "")
    assert event["name"] == "市新冠肺炎疫情防控工作专题汇报会"


def test_two_chairs_for_one_event_are_a_disagreement(tmp_path):  # type: ignore[no-untyped-def]
    run = _write_run(tmp_path / "run", [], [
        _meeting("a", "市疫情防控工作专题会议", chair="李明清"), _meeting("b", "市新冠肺炎疫情防控工作专题会议", chair="陈敏尔")])
    (event,) = extract.series(run).events
    assert event["disagreement"] == "chair: 李明清 | 陈敏尔"


# --- filters, command line, optional extras ---------------------------------------------------

def test_filters_keep_only_what_is_asked(tmp_path):  # type: ignore[no-untyped-def]
    result = extract.series(ROOT / "data" / "out", out=tmp_path, region="500000", metric=["confirmed", "asymptomatic"],
                            date_from="2022-12-01")
    assert result.rows and {(r["region"], r["metric"]) for r in result.rows} <= {
        ("重庆市", "confirmed"), ("重庆市", "asymptomatic")}
    assert all(str(r["date"]) >= "2022-12-01" for r in result.rows)


def test_cli_writes_beside_the_run_and_is_deterministic(tmp_path, capsys):  # type: ignore[no-untyped-def]
    for target in ("a", "b"):
        assert cli_main(["series", str(ROOT / "data" / "out"), "--out", str(tmp_path / target)]) == 0
    assert "agreed" in capsys.readouterr().err
    for name in ("series.csv", "conflicts.jsonl", "series_warnings.jsonl", "events.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.parametrize("argv", [["series", "/nonexistent/folder"], ["series", ".", "--from", "yesterday"],
                                  ["series", "data/out", "--plot", "chart.pdf"],
                                  ["series", "data/out", "--metric", "confirm"]])
def test_cli_usage_errors_exit_2(argv, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    assert cli_main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("extract series: error:") and "Traceback" not in err


def test_missing_duckdb_says_how_to_install_it(monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(MissingExtra, match=r"pip install 'extract\[series\]'"):
        extract.series(ROOT / "data" / "out")
    assert cli_main(["series", str(ROOT / "data" / "out")]) == 2
    assert "pip install 'extract[series]'" in capsys.readouterr().err


def test_rules_are_data_and_validated() -> None:
    from extract.errors import ResourceError
    from extract.series.rules import load_rules

    names = [r.rule for r in load_rules() if r.stage == "fact"]
    assert names[:3] == ["exact_over_approximate", "notice_over_repost", "later_publication"]
    bad = "stage\torder\trule\tcolumn\tprefer\twhy\nfact\t1\tx\tqualifier\texact,roughly\twhy\n"
    with pytest.raises(ResourceError, match=r"series_rules.tsv:2: .*roughly"):
        load_rules(bad)


def test_an_unnumbered_local_press_conference_joins_the_days_numbered_one(tmp_path):  # type: ignore[no-untyped-def]
    # the shipped sample: 000 reports 重庆市政府疫情防控新闻发布会 on 2022-12-01, 002 the 第155场 one
    events = extract.series(ROOT / "data" / "out", out=tmp_path).events
    (conf,) = [e for e in events if str(e["date"]) == "2022-12-01" and e["type"] == "press_conference"]
    assert (conf["ordinal"], conf["n_articles"], conf["speakers"]) == (155, 2, "李畔、涂兴永")
    assert conf["article_ids"] == "000_7452ed3e741612d2 002_4761cb3ac2f44e57"


def test_a_national_press_conference_stays_apart_from_the_citys(tmp_path):  # type: ignore[no-untyped-def]
    national = {**_meeting("b", "国务院联防联控机制新闻发布会"), "type": "press_conference"}
    local = {**_meeting("a", "第155场新冠肺炎疫情防控工作新闻发布会"), "type": "press_conference", "ordinal": 155}
    assert len(extract.series(_write_run(tmp_path / "run", [], [local, national])).events) == 2


def test_series_works_on_output_records_only() -> None:
    """The series never re-reads or re-extracts articles: no pipeline, io, extractors in its imports."""
    from test_layers import PKG, imported_modules

    for path in (PKG / "series").glob("*.py"):
        assert not imported_modules(path) & {"pipeline", "io", "extractors", "article", "normalize", "write"}, path
