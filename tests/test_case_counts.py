"""Case counts: a table of real-style sentences → the complete set of expected records.

Cases live in ``cases/case_counts.json`` (shorthand described there). Each case
runs the extractor on the whole text as the body of a normalised document, so
the table tests this extractor alone, not the body detector.
"""

from __future__ import annotations

import importlib.util
import datetime as dt
import json
import time
from pathlib import Path

import pytest

from extract.document import Doc
from extract.errors import ResourceError
from extract.extractors import case_counts
from extract.normalize import normalize

CASES = json.loads((Path(__file__).parent / "cases" / "case_counts.json").read_text(encoding="utf-8"))["cases"]


def make_doc(text: str, published: str | None, title: str | None = None, outlet: str | None = None) -> Doc:
    norm = normalize(text).text  # as the pipeline reads it
    assert len(norm) == len(text)
    return Doc(
        article_id="t",
        original=text,
        text=norm,
        body=(0, len(text)),
        published=dt.date.fromisoformat(published) if published else None,
        title=title,
        outlet=outlet,
    )


def parse_expected(s: str) -> tuple[object, ...]:
    parts = s.split("|") + [""] * 3
    date, region, metric, scope, measure, value, qualifier, hours, change = parts[:9]
    day = dt.date.fromisoformat(date) if date else None
    start = end = None
    if hours:
        # H1-H2: a window on the record's day; -H: only its end (截至…H时, for running totals);
        # H1~H2 with H1 < 0: a window from the evening before (3月7日20时至3月8日20时 is -4~20).
        h1s, h2s = hours.split("~") if "~" in hours else hours.split("-")
        assert day is not None
        base = dt.datetime(day.year, day.month, day.day)
        start = base + dt.timedelta(hours=int(h1s)) if h1s else None
        end = base + dt.timedelta(hours=int(h2s))
    ch = None
    if change:
        delta, vs = change.split("@")
        ch = (int(delta), dt.date.fromisoformat(vs))
    return (day, region, metric, scope, measure, int(value), qualifier or "exact", start, end, ch)


def as_tuple(r: case_counts.CaseCount) -> tuple[object, ...]:
    ch = (r.change.delta, r.change.vs_date) if r.change else None
    return (r.date, r.region, r.metric, r.scope, r.measure, r.value, r.qualifier, r.period_start, r.period_end, ch)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_sentence(case: dict) -> None:
    doc = make_doc(case["text"], case["published"], case.get("title"), case.get("outlet"))
    records, warnings = case_counts.extract(doc)
    got = sorted(map(as_tuple, records), key=repr)
    want = sorted(map(parse_expected, case["expected"]), key=repr)
    assert got == want
    for r in records:
        assert doc.original[r.evidence.start : r.evidence.end] == r.evidence.text
        assert r.article_id == "t"
    if "warnings" in case:
        assert sorted(w.code for w in warnings) == sorted(case["warnings"])


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_breakdown_item_records_are_in_text_order() -> None:
    doc = make_doc("11月14日，全市新增本土确诊病例9例（巴南区7例，渝中区2例）。", "2022-11-15")
    records, _ = case_counts.extract(doc)
    assert [r.region for r in records] == ["重庆市", "巴南区", "渝中区"]
    assert records[1].region_code == "500113"
    assert records[1].evidence.text == "巴南区7例"


def test_label_keeps_metric_phrase_simplified() -> None:
    doc = make_doc("11月30日，重慶市新增本土確診病例53例。", "2022-12-01")
    (record,), _ = case_counts.extract(doc)
    assert record.label == "确诊病例"
    assert record.evidence.text == "重慶市新增本土確診病例53例"


def test_joined_region_has_no_code() -> None:
    doc = make_doc("11月30日，全市新增感染者6584例，其中渝中区、江北区等2区共报告300例。", "2022-12-01")
    records, _ = case_counts.extract(doc)
    joined = [r for r in records if "、" in r.region]
    assert [(r.region, r.region_code) for r in joined] == [("渝中区、江北区", None)]


def test_metric_lexicon_is_valid_and_complete() -> None:
    lex = case_counts.load_metric_lexicon()
    assert lex.metric["社会面感染者"] == "community_infections"
    assert lex.scope["境外输入"] == "imported"
    assert set(lex.metric.values()) >= {
        "confirmed", "asymptomatic", "infections", "asymptomatic_to_confirmed", "community_infections",
        "deaths", "recovered", "released_from_observation", "close_contacts",
    }
    regions = case_counts.load_count_regions()
    assert regions["全市"] == ("@home", None)


def test_bad_metric_row_is_reported_with_line(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = "# comment\nkind\tphrase\tvalue\nmetric\t确诊病例\tconfirmd\n"

    monkeypatch.setattr(case_counts.lexicon, "read_data", lambda name: bad)
    case_counts.load_metric_lexicon.cache_clear()
    try:
        with pytest.raises(ResourceError, match=r"metrics.tsv:3: \[value\]|metrics.tsv:3: .*confirmd"):
            case_counts.load_metric_lexicon()
    finally:
        case_counts.load_metric_lexicon.cache_clear()


# Hostile inputs as (make(n), n): a text of about n repeated units. Speed is bench/'s to measure; here
# only the growth: CPU time on the full input stays near 16 × that on a sixteenth of it (quadratic
# work would be 256 ×). CPU time, not wall-clock time, so a loaded machine does not fail it.
_HOSTILE = {
    "digits": (lambda n: "1" * n + "例", 300_000),
    "area-list": (lambda n: "渝中区、" * n + "未报告社会面感染者", 50_000),
    "enumeration-commas": (lambda n: "、" * n + "新增感染者5例", 200_000),
    "brackets": (lambda n: "(" * n + "全市新增感染者5例" + ")" * n, 100_000),
    "changes": (lambda n: "较29日减少" * n, 30_000),
    "many-counts": (lambda n: "11月30日，全市新增感染者" + "5例，" * n, 50_000),
    "headings": (lambda n: "11月30日，" + "新增本土确诊病例中，" * n + "沙坪坝区5例、" * n, 20_000),
    "attributions": (lambda n: "11月30日，全市新增死亡病例1例" + "，为本土病例，在北京" * n, 20_000),
    "same-day-paragraphs": (lambda n: "11月30日，全市新增感染者5例。\n" + "当日治愈出院本土确诊病例2例。\n" * n, 20_000),
    "outcome-words": (lambda n: "11月30日，全市" + "治愈出院本土" * n + "确诊病例5例", 50_000),
    "sums": (lambda n: "11月30日，全市新增本土感染者5例，" + "合计新增感染者5例，" * n, 50_000),
    "running-list": (lambda n: "11月30日，全市累计本土确诊病例5例，" + "治愈出院5例，" * n, 50_000),
    "sentences": (lambda n: "11月30日，沙坪坝区新增感染者5例。" * n, 30_000),
    "area-brackets": (lambda n: "至周五上午，各地確診累計宗數如下：" + "北京（26宗），" * n, 30_000),
    "severities-in-hospital": (lambda n: "11月30日，在院的49例确诊病例中，" + "重型2例，" * n, 30_000),
    "scope-topic": (lambda n: "11月30日，境外输入现有确诊病例5例。" + "累计确诊病例5例。" * n, 30_000),
    "captions": (lambda n: "在北京首都國際機場" * n + "\n全国新增确诊病例5例", 30_000),
    "heading-notes": (lambda n: "11月30日，确诊病例中，" + "沙坪坝区5例（含境外输入病例1例）、" * n, 20_000),
}


@pytest.mark.parametrize("name", list(_HOSTILE))
def test_hostile_input_stays_linear(name: str) -> None:
    make, n = _HOSTILE[name]

    def cpu(text: str) -> float:
        doc = make_doc(text, "2022-12-01")
        t0 = time.process_time()
        case_counts.extract(doc)  # never raises
        return time.process_time() - t0

    small, large = cpu(make(n // 16)), cpu(make(n))
    assert large < 64 * small + 2


TOKENS = [
    "11月30日", "12月1日0—12时", "30日", "较29日减少", "较前一日增加", "昨日", "当天", "次日", "全市", "我市", "重庆市",
    "渝中区", "沙坪坝", "两江新区", "中心城区", "秀山县", "朝阳区", "该县", "北京", "新增", "本土", "境外输入", "累计",
    "现有", "截至", "确诊病例", "无症状感染者", "感染者", "社会面", "病例", "死亡", "治愈出院", "密切接触者", "转为确诊病例",
    "其中", "含", "各", "等4区共报告", "治愈出院", "解除医学观察", "出院", "疑似病例", "中,", "为本土病例", "在北京",
    "当日", "同日", "未报告", "和", "、", ",", "，", ";", "。", "\n", "(", ")", "（", "）", "例", "人", "名",
    "1", "27", "4,191", "1.2万", "两千", "上千", "超过", "约", "多", "左右", "0", "%", " ",
]


@pytest.mark.filterwarnings("ignore")
def test_random_token_soup_never_breaks_the_contract() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    @hypothesis.settings(max_examples=300, deadline=None, database=None)
    @hypothesis.given(st.lists(st.sampled_from(TOKENS), max_size=60), st.sampled_from([None, "2022-12-01", "2023-01-02"]))
    def run(tokens: list[str], published: str | None) -> None:
        text = "".join(tokens)
        doc = make_doc(text, published)
        records, warnings = case_counts.extract(doc)
        for r in records:
            assert text[r.evidence.start : r.evidence.end] == r.evidence.text
            assert r.value >= 0
            assert r.region
            if r.date is not None and doc.published is not None:
                assert r.date <= doc.published + dt.timedelta(days=1)
            if r.period_start is not None:
                assert r.period_end is not None and r.period_start < r.period_end
        for w in warnings:
            assert w.code in {"breakdown_sum_mismatch", "change_mismatch", "list_count_mismatch"}
        assert case_counts.extract(doc) == (records, warnings)  # deterministic

    run()


def _countries_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_countries", Path(__file__).resolve().parents[1] / "scripts" / "build_countries.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(importlib.util.find_spec("babel") is None, reason="babel (CLDR) not installed")
def test_committed_countries_are_what_the_script_generates() -> None:
    assert _countries_script().main(["--check"]) == 0, "run: python scripts/build_countries.py"


def test_country_names_are_checked_when_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    from extract.extractors.case_counts import lexicon

    monkeypatch.setattr(lexicon, "read_data", lambda name: "# head\n西班牙\nSpain\n")
    lexicon.load_countries.cache_clear()
    try:
        with pytest.raises(ResourceError, match="countries.txt:3"):
            lexicon.load_countries()
    finally:
        lexicon.load_countries.cache_clear()
