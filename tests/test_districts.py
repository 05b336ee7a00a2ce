"""Districts extractor (issue 4): real-style sentences → (article, area) records, plus negatives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extract import extract_text
from extract.document import Doc
from extract.extractors import districts
from extract.normalize import normalize

CASES = json.loads((Path(__file__).parent / "cases" / "districts.json").read_text(encoding="utf-8"))
SHARED = Path(__file__).resolve().parents[2] / "shared"


def doc_of(text: str) -> Doc:
    """A document whose body is the whole text (no headline, no junk)."""
    return Doc(article_id="t", original=text, text=normalize(text).text, body=(0, len(text)))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_district_records(case: dict[str, Any]) -> None:
    records = districts.extract(doc_of(case["text"]))
    got = [[r.name, r.kind, r.code, [m.text for m in r.mentions]] for r in records]
    assert got == case["expected"]
    for r in records:
        assert r.count == len(r.mentions) and r.article_id == "t"
        assert all(case["text"][m.start : m.end] == m.text for m in r.mentions)


def test_only_the_body_is_searched() -> None:
    text = "重庆日报\n渝中区新增1例。\n相关阅读:江北区新闻"
    doc = Doc(article_id="t", original=text, text=normalize(text).text, body=(5, 13))
    assert [r.name for r in districts.extract(doc)] == ["渝中区"]


def test_evidence_points_into_the_traditional_original() -> None:
    text = "據通報,沙坪壩區新增27例,沙坪壩區疫情趨穩。"
    (record,) = districts.extract(doc_of(text))
    assert record.name == "沙坪坝区" and record.count == 2
    assert [(m.start, m.end, m.text) for m in record.mentions] == [(4, 8, "沙坪壩區"), (14, 18, "沙坪壩區")]


def test_whole_article_through_the_pipeline() -> None:
    article = (
        "重庆:中心城区疫情形势趋稳\n"
        "2022-12-01 来源:重庆日报\n\n"
        "12月1日,重庆市新增本土确诊病例189例。除了渝中区、梁平区等少数个别的区县有一定的社会面感染者之外,"
        "其他区县发现社会面感染者都是个位数。中心城区和梁平区,按照分区分类的思路逐步放开。\n"
    )
    result = extract_text(article, published="2022-12-01")
    names = [r.name for r in result.districts]
    assert names[-4:] == ["重庆市", "渝中区", "梁平区", "中心城区"]
    assert all(r.article_id == "article" for r in result.districts)


def _gold() -> dict[str, dict[str, Any]]:
    path = SHARED / "eval" / "gold" / "seeds.jsonl"
    return {g["article_id"]: g for g in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="shared seeds not available")
def test_seed_articles_quality_gate() -> None:
    # Same keys as ../shared/eval/score.py: code if both have one, else name; optional gold neither counts.
    tp = fp = fn = 0
    for aid, gold in _gold().items():
        text = (SHARED / "seeds" / f"{aid}.txt").read_text(encoding="utf-8")
        out = {r.code or r.name for r in extract_text(text, published="2022-12-01", article_id=aid).districts}
        required = {g["code"] or g["name"] for g in gold["districts"] if not g["optional"]}
        optional = {g["code"] or g["name"] for g in gold["districts"] if g["optional"]}
        tp += len(out & required)
        fp += len(out - required - optional)
        fn += len(required - out)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.97, (tp, fp, fn)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # 监利市's meeting report (held-out 24, names changed): 吕梁 of the official 吕梁斌 is no 吕梁市.
        ("2月22日,我市召开疫情防控工作调度会,荆州市副市长、监利市委书记韩明,市领导俞亮、朱斌、吕梁斌参加会议。",
         ["荆州市", "监利市"]),
        # 政治局委员、新疆维吾尔自治区党委书记陈全国 (corpus 193): 全国 of his name is not the country.
        ("政治局委员、新疆维吾尔自治区党委书记陈全国在参加新疆代表团审议时说,要做好疫情防控工作。",
         ["新疆维吾尔自治区"]),
    ],
)
def test_a_place_inside_an_officials_name_is_no_mention(text: str, places: list[str]) -> None:
    result = extract_text(text, published="2022-02-22")
    assert [r.name for r in result.districts] == places
