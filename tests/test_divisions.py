"""The national gazetteer (issue 10): generated data, every 2022 code, former names, homonyms in real sentences."""

from __future__ import annotations

import importlib.util
import sys
from importlib import resources
from pathlib import Path

import pytest

from extract import extract_text
from extract.gazetteer import find_areas, find_places, load_gazetteer
from extract.home_region import article_home
from extract.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
AREACODES = ROOT.parent / "shared" / "data" / "areacodes"
GAZ = load_gazetteer()


def norm(text: str) -> str:
    return normalize(text).text


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not AREACODES.is_dir(), reason="../shared/data/areacodes not available")
def test_committed_divisions_are_what_the_script_generates() -> None:
    fresh = _script().build(AREACODES)
    committed = resources.files("extract").joinpath("data/divisions.tsv").read_text(encoding="utf-8")
    assert committed == fresh, "run: python scripts/build_gazetteer.py"


@pytest.mark.skipif(not AREACODES.is_dir(), reason="../shared/data/areacodes not available")
def test_every_2022_unit_is_in_the_gazetteer() -> None:
    lines = (AREACODES / "2022.txt").read_text(encoding="utf-8").split("\n")
    listed = dict(line.split() for line in lines if line.strip())
    assert len(listed) == 3210
    assert {c: GAZ.by_code(c).name for c in listed} == listed  # type: ignore[union-attr]


def _written(code: str) -> tuple[str, str]:
    """(prefix, name): the unit's name with its parent written right before it (宁波市江北区)."""
    area = GAZ.by_code(code)
    assert area is not None
    parent = GAZ.areas[area.parent] if area.parent else None
    prefix = parent.name if parent is not None and parent.kind != "country" else ""
    return prefix, area.name


def test_every_code_round_trips_through_a_sentence() -> None:
    codes = sorted(a.code for a in GAZ.areas.values() if a.code and a.level)
    assert len(codes) == 3210
    failures = []
    for code in codes:
        prefix, name = _written(code)
        sentence = f"据通报,{prefix}{name}新增本土确诊病例1例。"
        start = sentence.index(name, 3 + len(prefix))
        got = [m.area.code for m in find_areas(sentence) if m.start == start and m.form == name]
        if got != [code]:
            failures.append((code, name, got))
    assert failures == []


def test_every_former_name_maps_to_its_successor() -> None:
    former = [(a, code) for a in GAZ.areas.values() for code in a.former_codes]
    assert len(former) > 100
    for area, code in former:
        if code == area.code or GAZ.by_code(code).code != code:  # type: ignore[union-attr]
            assert GAZ.by_code(code) is area  # a code no unit of 2022 bears leads to its successor
    failures = []
    for area in GAZ.areas.values():
        if not area.level or not area.former_codes:
            continue
        parent = GAZ.areas[area.parent].name if area.parent and area.parent != "全国" else ""
        for alias in area.aliases:
            if alias.endswith(("县", "区", "市", "旗")) and alias != area.name:
                got = [m.area.id for m in find_areas(f"据{parent}{alias}通报,新增1例。") if m.form == alias]
                if got != [area.id]:
                    failures.append((alias, area.id, got))
    assert failures == []


# (id, sentence from ../shared/corpus or the same kind of notice, expected [(form, code)] for the forms listed)
HOMONYMS = [
    ("市中区_济南_枣庄",  # 060_notice_shandong_20200129
     "济南市11例(市中区8例、历城区2例、天桥区1例),枣庄市8例(市中区5例、薛城区2例、滕州市1例)",
     [("市中区", "370103"), ("市中区", "370402")]),
    ("河北区_天津", "陈某某,男,78岁,居住于天津市河北区。", [("天津市", "120000"), ("河北区", "120105")]),  # 057
    ("城区_阳泉_晋城",  # 074_notice_shanxi_20200209
     "晋城市8例(城区3例、泽州县5例),阳泉市4例(城区2例、盂县2例)",
     [("城区", "140502"), ("城区", "140302")]),
    ("新城区_呼和浩特", "其中:呼和浩特市新城区2例,包头市5例(昆都仑区3例、土右旗2例)", [("新城区", "150102")]),  # 063
    ("朝阳区_北京_siblings", "东城区12例、西城区53例、朝阳区58例、海淀区64例", [("朝阳区", "110105")]),  # 085
    ("朝阳区_长春_parent", "长春市朝阳区新增本土确诊病例2例。", [("朝阳区", "220104")]),
    ("江北区_宁波_parent", "宁波市江北区新增1例。", [("江北区", "330205")]),
    ("江北区_重庆_default", "江北区2000多名党员干部下沉社区。", [("江北区", "500105")]),
    ("鼓楼区_南京_siblings", "南京市新增病例分布在鼓楼区、秦淮区和江宁区。", [("鼓楼区", "320106")]),
    ("鼓楼区_福州_siblings", "鼓楼区、台江区、仓山区实行静默管理。", [("鼓楼区", "350102")]),
    ("鼓楼区_alone_ambiguous", "鼓楼区新增2例。", [("鼓楼区", None)]),
    ("吉林省_吉林市", "吉林省吉林市新增本土病例5例。", [("吉林省", "220000"), ("吉林市", "220200")]),
    ("吉林_is_the_province", "吉林新增本土确诊病例3例。", [("吉林", "220000")]),
    ("河北_not_河北区", "河北新增本土病例2例,天津河北区新增1例。", [("河北", "130000"), ("河北区", "120105")]),
    ("former_name_2020_text", "梁平县、开县新增病例。", [("梁平县", "500155"), ("开县", "500154")]),
    ("short_forms_in_a_list", "海淀、朝阳、丰台等区加强管控。", [("海淀", "110108"), ("朝阳", "110105"), ("丰台", "110106")]),
    ("short_form_before_suffix", "浦东一带居民足不出户。", [("浦东", "310115")]),
]  # fmt: skip


@pytest.mark.parametrize(("case_id", "sentence", "expected"), HOMONYMS, ids=[c[0] for c in HOMONYMS])
def test_homonyms_resolve_from_context(case_id: str, sentence: str, expected: list[tuple[str, str | None]]) -> None:
    forms = {f for f, _ in expected}
    got = [(m.form, m.area.code) for m in find_areas(norm(sentence)) if m.form in forms]
    assert got == expected


def test_home_region_places_a_homonym() -> None:
    text = norm("朝阳区新增2例,均为隔离管控人员。")
    assert [m.area.code for m in find_places(text, home="北京市")] == ["110105"]
    assert [m.area.code for m in find_places(text, home="长春市")] == ["220104"]
    assert [(m.area.code, m.area.ambiguous) for m in find_areas(text)] == [(None, True)]


NOT_PLACES = [
    ("generic_words", "加快中心城区和老城区改造,建设示范县,提高县级医院能力。"),
    ("street_named_after_city", "南京路步行街和北京东路沿线商铺恢复营业。"),
    ("generic_name_without_its_city", "城区各小区实行封闭管理,郊区农村加强巡查。"),
    ("foreign_countries", "自英国伦敦出发,经俄罗斯莫斯科转机后抵达。"),
    ("newspapers", "香港文汇报讯(记者 孟冰)"),
]


@pytest.mark.parametrize(("case_id", "sentence"), NOT_PLACES, ids=[c[0] for c in NOT_PLACES])
def test_words_that_are_not_places(case_id: str, sentence: str) -> None:
    assert [m.form for m in find_areas(norm(sentence)) if m.area.level != "province"] == []


def test_district_records_say_where_they_belong_and_warn_when_ambiguous() -> None:
    text = "武汉市卫健委通报\n\n12月1日,武汉市江岸区新增2例,江汉区新增1例。鼓楼区新增1例。"
    result = extract_text(text, published="2022-12-02")
    records = {r.name: r for r in result.districts}
    jiangan = records["江岸区"]
    assert (jiangan.code, jiangan.prefecture, jiangan.prefecture_code) == ("420102", "武汉市", "420100")
    assert (jiangan.province, jiangan.province_code) == ("湖北省", "420000")
    assert records["武汉市"].prefecture_code == "420100" and records["武汉市"].province_code == "420000"
    gulou = records["鼓楼区"]
    assert gulou.code is None and gulou.province is None
    (warning,) = [w for w in result.article.warnings if w.code == "ambiguous_place"]
    assert warning.evidence is not None and warning.evidence.text == "鼓楼区"


def test_chongqing_districts_belong_to_the_municipality() -> None:
    (record,) = extract_text("据通报,沙坪坝区新增27例。", published="2022-12-01").districts
    assert (record.prefecture, record.province, record.province_code) == (None, "重庆市", "500000")


@pytest.mark.parametrize(
    ("title", "body", "home"),
    [
        ("武汉市新增本土感染者12例", "江汉区、武昌区各新增6例。", "武汉市"),  # headline names the city
        (None, "上海市卫健委通报:浦东新区、闵行区各新增1例。", "上海市"),
        (None, "沙坪坝区、渝中区、江北区各新增2例,浙江援渝医疗队抵达。", "重庆市"),
        (None, "北京新增3例,上海新增3例。", None),  # a national round-up has no home
    ],
)
def test_article_home(title: str | None, body: str, home: str | None) -> None:
    area = article_home(norm(body), norm(title) if title else None)
    assert (area.name if area else None) == home


def test_hong_kong_districts_have_no_code() -> None:
    found = [(m.area.name, m.area.code, m.area.parent) for m in find_areas(norm("香港沙田区、元朗区及东区出现个案。"))]
    assert found == [
        ("香港特别行政区", "810000", "全国"),
        ("沙田区", None, "香港特别行政区"),
        ("元朗区", None, "香港特别行政区"),
        ("东区", None, "香港特别行政区"),
    ]


def test_generated_rows_are_areas_like_validated_ones() -> None:
    from extract.areas import Area

    for area in (GAZ.areas["宁波市江北区"], GAZ.by_code("110105"), GAZ.by_code("652900")):
        assert area is not None
        again = Area.model_validate(area.model_dump())
        assert again == area and again.model_dump() == area.model_dump() and hash(again.id) == hash(area.id)
        assert area.model_fields_set == again.model_fields_set | area.model_fields_set
