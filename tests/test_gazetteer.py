"""The gazetteer: data integrity, every form from every script, traps, homonyms, short forms (issue 4)."""

from __future__ import annotations

import functools
from importlib import resources

import ahocorasick_rs
import hypothesis
import pytest
from hypothesis import strategies as st

from extract.errors import ResourceError
from extract.gazetteer import Area, _occurrences, find_areas, find_mentions, load_gazetteer, parse_gazetteer
from extract.normalize import normalize

GAZ = load_gazetteer()

# GB/T 2260 (民政部, 2022 edition), typed in independently of data/gazetteer.tsv.
CHONGQING_CODES = {
    "万州区": "500101", "涪陵区": "500102", "渝中区": "500103", "大渡口区": "500104",
    "江北区": "500105", "沙坪坝区": "500106", "九龙坡区": "500107", "南岸区": "500108",
    "北碚区": "500109", "綦江区": "500110", "大足区": "500111", "渝北区": "500112",
    "巴南区": "500113", "黔江区": "500114", "长寿区": "500115", "江津区": "500116",
    "合川区": "500117", "永川区": "500118", "南川区": "500119", "璧山区": "500120",
    "铜梁区": "500151", "潼南区": "500152", "荣昌区": "500153", "开州区": "500154",
    "梁平区": "500155", "武隆区": "500156",
    "城口县": "500229", "丰都县": "500230", "垫江县": "500231", "忠县": "500233",
    "云阳县": "500235", "奉节县": "500236", "巫山县": "500237", "巫溪县": "500238",
    "石柱土家族自治县": "500240", "秀山土家族苗族自治县": "500241",
    "酉阳土家族苗族自治县": "500242", "彭水苗族土家族自治县": "500243",
}  # fmt: skip

# Former names that old notices still use → today's unit.
FORMER_NAMES = {
    "双桥区": "大足区",
    "大足县": "大足区",
    "万盛区": "万盛经开区",
    "綦江县": "綦江区",
    "梁平县": "梁平区",
    "武隆县": "武隆区",
    "开县": "开州区",
    "璧山县": "璧山区",
    "江津市": "江津区",
}


def chongqing_units() -> list[Area]:
    return [a for a in GAZ.areas.values() if a.parent == "重庆市"]


def norm(text: str) -> str:
    return normalize(text).text


@functools.cache
def to_traditional(text: str, config: str) -> str:
    import opencc

    return opencc.OpenCC(config).convert(text)


# --- data integrity -------------------------------------------------------------


def test_codes_are_unique_six_digit() -> None:
    codes = [a.code for a in GAZ.areas.values() if a.code is not None]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 6 and c.isdigit() for c in codes)


def test_chongqing_38_units_with_their_codes() -> None:
    units = {a.name: a for a in chongqing_units() if a.kind in ("district", "county", "autonomous_county")}
    assert {n: a.code for n, a in units.items()} == CHONGQING_CODES
    kinds = [a.kind for a in units.values()]
    assert (kinds.count("district"), kinds.count("county"), kinds.count("autonomous_county")) == (26, 8, 4)
    assert all(a.code.startswith("50") for a in units.values() if a.code)  # type: ignore[union-attr]


def test_city_zones_and_macro_regions_present() -> None:
    assert GAZ.get("重庆市") is not None and GAZ.get("重庆市").code == "500000"  # type: ignore[union-attr]
    assert GAZ.get("全国").kind == "country"  # type: ignore[union-attr]
    for zone in ("两江新区", "重庆高新区", "万盛经开区"):
        assert GAZ.get(zone).kind == "functional_zone"  # type: ignore[union-attr]
    for region in ("中心城区", "主城新区", "渝东北", "渝东南", "主城都市区"):
        area = GAZ.get(region)
        assert area is not None and area.kind == "macro_region" and area.code is None
        assert area.members and all(m in GAZ.areas for m in area.members)
    centre = {a.name for a in GAZ.members(GAZ.get("中心城区"))}  # type: ignore[arg-type]
    assert centre == {"渝中区", "大渡口区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "渝北区",
                      "巴南区", "两江新区", "重庆高新区"}  # fmt: skip
    # The four regions partition the 38 units plus the zones.
    parts = ["主城新区", "渝东北", "渝东南"]
    covered = centre | {a.name for p in parts for a in GAZ.members(GAZ.get(p))}  # type: ignore[arg-type]
    assert set(CHONGQING_CODES) <= covered


def test_count_region_makes_no_record() -> None:
    area = GAZ.get("中心城区以外区县")
    assert area is not None and not area.report


@pytest.mark.parametrize(("former", "today"), sorted(FORMER_NAMES.items()))
def test_former_names_map_to_todays_unit(former: str, today: str) -> None:
    (m,) = find_areas(norm(f"据重庆市通报,{former}新增病例。"))[1:]
    assert (m.form, m.area.id) == (former, today)


def test_sources_are_named_at_the_top_of_the_data_files() -> None:
    data = resources.files("extract").joinpath("data")
    for name in ("gazetteer.tsv", "place_traps.tsv"):
        head = data.joinpath(name).read_text(encoding="utf-8")[:3000]
        assert "Sources:" in head, name


# --- every entry round-trips from Simplified, Traditional and short forms --------

def _here(area: Area) -> bool:
    """Chongqing's areas and the province-level units (every division: tests/test_divisions.py)."""
    return area.id in ("全国", "重庆市") or area.parent == "重庆市" or area.level == "province"


# Every form of every row (homonyms elsewhere are resolved by context: see MATCHING_CASES).
FORMS = [(a.id, f) for a in GAZ.areas.values() if _here(a) for f in a.forms if GAZ.candidates[f][0] is a]
SHORTS = [(a.id, f) for a in GAZ.areas.values() if _here(a) for f in a.short]


@pytest.mark.parametrize("config", ["none", "s2t", "s2tw", "s2hk"])
@pytest.mark.parametrize(("area_id", "form"), FORMS, ids=[f for _, f in FORMS])
def test_every_form_round_trips(area_id: str, form: str, config: str) -> None:
    sentence = f"重庆市卫生健康委通报,{form}报告新增感染者。"
    if config != "none":
        sentence = to_traditional(sentence, config)
    found = [(m.area.id, m.end - m.start) for m in find_areas(norm(sentence)) if m.start > 3]
    assert found[:1] == [(area_id, len(form))]


@pytest.mark.parametrize("config", ["none", "s2t"])
@pytest.mark.parametrize(("area_id", "short"), SHORTS, ids=[f for _, f in SHORTS])
def test_every_short_form_round_trips_in_context(area_id: str, short: str, config: str) -> None:
    sentence = f"11月14日,{short}新增12例,北碚区、{short}等区县新增病例。"
    if config != "none":
        sentence = to_traditional(sentence, config)
    found = [(m.area.id, m.form) for m in find_areas(norm(sentence)) if m.how == "short"]
    assert found == [(area_id, short), (area_id, short)]


@pytest.mark.parametrize(("area_id", "short"), SHORTS, ids=[f for _, f in SHORTS])
def test_bare_short_form_without_context_is_not_a_place(area_id: str, short: str) -> None:
    assert find_areas(norm(f"他说{short}很好看。")) == []


# --- matching in real sentences --------------------------------------------------

# (id, sentence, expected [(form, area id)] from find_areas)
MATCHING_CASES = [
    ("bulletin_traditional",
     "11月14日0-18時,重慶市新增本土確診病例97例(沙坪壩區27例,墊江縣18例,涪陵區、江北區各2例,萬盛經開區、酉陽縣各1例)。",
     [("重庆市", "重庆市"), ("沙坪坝区", "沙坪坝区"), ("垫江县", "垫江县"), ("涪陵区", "涪陵区"),
      ("江北区", "江北区"), ("万盛经开区", "万盛经开区"), ("酉阳县", "酉阳土家族苗族自治县")]),
    ("enumeration_of_shorts", "渝中、江北、南岸等区已经有序解封。",
     [("渝中", "渝中区"), ("江北", "江北区"), ("南岸", "南岸区")]),
    ("enumeration_with_number", "其中九龙坡、渝中等4区共报告3930例。", [("九龙坡", "九龙坡区"), ("渝中", "渝中区")]),
    ("autonomous_counties", "石柱、秀山、酉阳、彭水四个自治县均未报告社会面感染者。",
     [("石柱", "石柱土家族自治县"), ("秀山", "秀山土家族苗族自治县"), ("酉阳", "酉阳土家族苗族自治县"),
      ("彭水", "彭水苗族土家族自治县")]),
    ("short_with_count", "新增确诊病例中,沙坪坝27例,九龙坡6例。", [("沙坪坝", "沙坪坝区"), ("九龙坡", "九龙坡区")]),
    ("short_before_place_suffix", "早晨8点,璧山高新区的蓝黛科技集团股份有限公司生产车间内。", [("璧山", "璧山区")]),
    ("short_after_locative", "在沙坪坝,志愿者们每天上门服务。", [("沙坪坝", "沙坪坝区")]),
    ("longer_place_credits_district", "十一月十四日,渝北區龍山街道龍山路社區,工作人員向居民了解情況。", [("渝北区", "渝北区")]),
    ("functional_zone_full_names", "西部科学城重庆高新区、万盛经济技术开发区组织企业复工。",
     [("西部科学城重庆高新区", "重庆高新区"), ("万盛经济技术开发区", "万盛经开区")]),
    ("short_zone_in_list", "九龙坡区、高新区、沙坪坝区实行分区分类防控。",
     [("九龙坡区", "九龙坡区"), ("高新区", "重庆高新区"), ("沙坪坝区", "沙坪坝区")]),
    ("macro_regions", "会上,中心城區各區,主城新區、渝東北片區、渝東南片區部分區縣黨委主要負責同志發言。",
     [("中心城区", "中心城区"), ("主城新区", "主城新区"), ("渝东北片区", "渝东北"), ("渝东南片区", "渝东南")]),
    ("macro_region_long_names", "主城都市区和渝东北三峡库区城镇群、渝东南武陵山区城镇群协同发展。",
     [("主城都市区", "主城都市区"), ("渝东北三峡库区城镇群", "渝东北"), ("渝东南武陵山区城镇群", "渝东南")]),
    ("count_region_longest_match", "中心城区以外区县,11月30日共报告新增感染者1062例,其中梁平区报告新增422例。",
     [("中心城区以外区县", "中心城区以外区县"), ("梁平区", "梁平区")]),
    ("homonym_prefixed_by_other_city", "据宁波市江北区通报,新增确诊病例1例。",
     [("宁波市", "宁波市"), ("江北区", "宁波市江北区")]),
    ("homonym_city_named_earlier", "宁波发布通报,江北区新增确诊病例2例。", [("宁波", "宁波市"), ("江北区", "宁波市江北区")]),
    ("homonym_province_alone_does_not_move_it", "浙江援渝医疗队抵达江北区。", [("浙江", "浙江省"), ("江北区", "江北区")]),
    ("homonym_former_name_elsewhere", "承德市双桥区召开会议。", [("承德市", "承德市"), ("双桥区", "承德市双桥区")]),
    ("homonym_defaults_to_chongqing", "江北区2000多名党员干部下沉社区。", [("江北区", "江北区")]),
    ("enumeration_closed_by_region", "万州、开州、云阳等渝东北区县未报告社会面感染者。",
     [("万州", "万州区"), ("开州", "开州区"), ("云阳", "云阳县"), ("渝东北", "渝东北")]),
    ("comma_is_not_a_list_without_counts", "他去了秀山,渝中区的朋友来接他。", [("渝中区", "渝中区")]),
    ("generic_short_form_needs_a_list", "位于高新区的企业有序复工。", []),
    ("traps_guard_other_places_too", "要加快建成都市圈,北京时间12月1日。", []),
    ("generic_term_alone_is_home", "中心城区社会面清零攻坚取得阶段性胜利。", [("中心城区", "中心城区")]),
    ("generic_term_after_home", "重庆市中心城区全域协同防控。", [("重庆市", "重庆市"), ("中心城区", "中心城区")]),
    # 重庆日报 on the 113th press conference (held-out 10): outbreaks named after where they began.
    ("outbreaks_named_after_places", "与“8·05”九龙坡疫情、“8·12”丰都-渝北疫情、“8·14”璧山疫情有关。",
     [("九龙坡", "九龙坡区"), ("丰都", "丰都县"), ("渝北", "渝北区"), ("璧山", "璧山区")]),
    # 华龙网 on a 万州区 press conference of 2020-03-08 (held-out 9): the whole of a district.
    # 泗县 notice of 2022-06-28 (held-out 10): a two-character county name before one of its own bodies.
    ("county_before_its_own_body", "泗县新冠肺炎疫情防控应急指挥部通告", [("泗县", "泗县")]),
    ("short_before_whole", "截至目前,万州全区累计报告确诊病例121例。", [("万州", "万州区")]),
]  # fmt: skip

NEGATIVE_CASES = [
    ("meeting_verb", "会议要求,要召开县委常委会研究部署。"),
    ("celebration", "各地隆重庆祝建党节。"),
    ("newspaper", "据《重庆日报》报道。"),
    ("photo_credit", "记者 崔力 摄/视觉重庆"),
    ("food_and_heritage", "涪陵榨菜和大足石刻闻名全球。"),
    ("common_words", "长寿老人在南岸边散步,前往江北机场。"),
    ("other_city_centre", "成都市中心城区全面恢复线下教学。"),
    ("other_city_centre_no_suffix", "成都发布通报,成都中心城区全面恢复线下教学。"),
    ("other_city_street", "青岛市重庆南路沿线商铺恢复营业。"),
    ("straddled_country", "要健全国家应急管理体系。"),
    ("national_body", "全国人大常委会副委员长出席。"),
    ("river_bank_is_not_a_province", "黄河南岸的村庄。"),
    ("other_citys_new_area", "南京江北新区加快建设。"),
    ("city_only_as_pronoun", "全市社会面清零攻坚战取得阶段性胜利,我市疫情形势趋稳向好。"),
    ("county_name_in_a_snack", "沙县小吃和县委食堂。"),
]


@pytest.mark.parametrize(("case_id", "sentence", "expected"), MATCHING_CASES, ids=[c[0] for c in MATCHING_CASES])
def test_matching_real_sentences(case_id: str, sentence: str, expected: list[tuple[str, str]]) -> None:
    text = norm(sentence)
    matches = find_areas(text)
    assert [(m.form, m.area.id) for m in matches] == expected
    assert all(text[m.start : m.end] == m.form for m in matches)


@pytest.mark.parametrize(("case_id", "sentence"), NEGATIVE_CASES, ids=[c[0] for c in NEGATIVE_CASES])
def test_negatives_find_no_chongqing_area(case_id: str, sentence: str) -> None:
    chongqing = GAZ.areas["重庆市"]
    found = [
        m.area.id
        for m in find_mentions(norm(sentence))
        if m.area.report and (m.area is chongqing or chongqing in GAZ.ancestors(m.area) or m.area.kind == "country")
    ]
    assert found == []


def test_window_is_decided_with_the_whole_text_in_view() -> None:
    text = norm("宁波发布通报。江北区新增确诊病例2例。")
    start = text.index("江北区")
    (m,) = find_areas(text, start, len(text))
    assert m.area.id == "宁波市江北区"


def test_short_forms_can_be_left_out() -> None:
    assert [m.form for m in find_areas(norm("渝中、江北区"), short=False)] == ["江北区"]


def test_nested_parent_is_a_mention_of_the_parent() -> None:
    found = [(m.form, m.area.id, m.how) for m in find_mentions(norm("重庆两江新区直管区范围内"))]
    assert found == [("重庆", "重庆市", "nested"), ("重庆两江新区", "两江新区", "form")]
    assert [m.how for m in find_areas(norm("重庆两江新区"))] == ["form"]


# --- the loader rejects bad data ------------------------------------------------

HEADER = "id\tname\tcode\tkind\tparent\taliases\tshort\tmembers\treport\tanchor\n"
TOP = "全国\t全国\t\tcountry\t\t\t\t\tyes\tno\n重庆市\t重庆市\t500000\tcity\t全国\t重庆\t\t\tyes\tno\n"


@pytest.mark.parametrize(
    ("rows", "traps", "message"),
    [
        ("渝中区\t渝中区\t50010\tdistrict\t重庆市\t\t\t\tyes\tno\n", "", "[code]"),
        ("渝中区\t渝中区\t500103\tdistrict\t重庆市\t\t\t\tmaybe\tno\n", "", "[report]"),
        ("渝中区\t渝中区\t500103\tward\t重庆市\t\t\t\tyes\tno\n", "", "[kind]"),
        ("渝中区\t渝中区\t500103\tdistrict\t四川省\t\t\t\tyes\tno\n", "", "unknown id 四川省"),
        ("渝中区\t渝中区\t500000\tdistrict\t重庆市\t\t\t\tyes\tno\n", "", "duplicate codes 500000"),
        ("重庆市\t重庆市\t500001\tcity\t全国\t\t\t\tyes\tno\n", "", "duplicate id"),
        ("渝中区\t渝中区\t500103\tdistrict\t重庆市\t重庆\t\t\tyes\tno\n", "", "already names 重庆市"),
        ("渝中区\t渝中区\t500103\tdistrict\t重庆市\n", "", "expected 10 columns"),
        ("", "word\tform\n召开\t重庆\n", "does not overlap"),
        ("", "word\tform\n召开\t开县\n", "not a gazetteer form"),
    ],
)
def test_loader_rejects_bad_rows(rows: str, traps: str, message: str) -> None:
    with pytest.raises(ResourceError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_gazetteer(HEADER + TOP + rows, traps)


def test_loader_accepts_a_new_province_as_data() -> None:
    rows = (
        "四川省\t四川省\t510000\tprovince\t全国\t四川\t\t\tyes\tno\n"
        "成都市\t成都市\t510100\tcity\t四川省\t成都\t\t\tyes\tno\n"
        "成都市中心城区\t中心城区\t\tmacro_region\t成都市\t\t\t\tyes\tyes\n"
        "中心城区\t中心城区\t\tmacro_region\t重庆市\t\t\t\tyes\tyes\n"
    )
    gaz = parse_gazetteer(HEADER + TOP + rows)
    assert [a.id for a in gaz.candidates["中心城区"]] == ["成都市中心城区", "中心城区"]
    assert [a.id for a in gaz.ancestors(gaz.areas["成都市中心城区"])] == ["成都市", "四川省", "全国"]


# The analysis scans the text once for full forms, short forms and trap words together; each set's
# matches must be what that set's own automaton finds (leftmost-longest forms, every trap span).
_SCAN_WORDS = sorted({*load_gazetteer().candidates, *load_gazetteer().short_candidates, *load_gazetteer().traps})
_SCAN_PIECES = st.one_of(
    st.sampled_from(_SCAN_WORDS),
    st.sampled_from(_SCAN_WORDS).map(lambda w: w[:-1] or w),
    st.sampled_from(_SCAN_WORDS).map(lambda w: w[1:] or w),
    st.sampled_from(["、", "新增", "市", "区", "县", "重庆", "江北", "日报", " ", "\n", "等"]),
)


def _leftmost_longest_of(words: list[str], text: str) -> list[tuple[int, int, str]]:
    ac = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return [(s, e, words[k]) for k, s, e in ac.find_matches_as_indexes(text)]


@hypothesis.settings(max_examples=300, deadline=None, database=None)
@hypothesis.given(st.lists(_SCAN_PIECES, max_size=12).map("".join))
def test_one_scan_finds_what_each_automaton_finds(text: str) -> None:
    gaz = load_gazetteer()
    forms, shorts, traps = _occurrences(gaz, text)
    ac, keys = gaz.automaton
    assert forms == [(s, e, keys[k]) for k, s, e in ac.find_matches_as_indexes(text)]
    # The short forms: the leftmost-longest matches of the ordinary ones, and those of the counted-only
    # ones (文昌, 庆云) that overlap none of them.
    ordinary = _leftmost_longest_of([f for f in gaz.short_candidates if f not in gaz.counted], text)
    counted = [c for c in _leftmost_longest_of(sorted(gaz.counted), text)
               if not any(s < c[1] and c[0] < e for s, e, _ in ordinary)]
    assert shorts == sorted(ordinary + counted)
    trap_ac = gaz.trap_automaton
    assert trap_ac is not None
    assert traps == sorted((s, e) for _, s, e in trap_ac.find_matches_as_indexes(text, overlapping=True))
