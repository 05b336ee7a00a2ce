"""Per-case lists (病例1—病例510，居住于浦东新区): one summed count per area, with every item's evidence.

Sentences are from real notices (Shanghai 2022, Beijing 2020 press conferences; see each case's
source); where a list names districts of another city, the national gazetteer resolves them.
"""

from __future__ import annotations

import pytest

from extract.pipeline import extract_text

SHANGHAI_0424 = (
    "2022年4月24日0—24时，新增本土新冠肺炎确诊病例2472例，含846例由无症状感染者转为确诊病例。新增治愈出院2449例。\n"
    "病例1—病例510，居住于浦东新区，\n"
    "病例511—病例683，居住于黄浦区，\n"
    "病例684—病例803，居住于徐汇区，\n"
)


def _listed(text: str, published: str) -> list[tuple[str, str, str, int, int]]:
    out = extract_text(text, published)
    return [
        (c.region, c.metric, c.scope, c.value, len(c.summed_items))
        for c in out.case_counts
        if c.summed
    ]


def test_ranges_give_one_count_per_district() -> None:
    """Shanghai notice of 2022-04-25 (corpus 145): 病例1—病例510，居住于浦东新区."""
    assert _listed(SHANGHAI_0424, "2022-04-25") == [
        ("浦东新区", "confirmed", "local", 510, 1),
        ("黄浦区", "confirmed", "local", 173, 1),
        ("徐汇区", "confirmed", "local", 120, 1),
    ]


def test_summed_record_keeps_every_item_and_the_window() -> None:
    text = (
        "2022年3月16日0—24时，新增本土新冠肺炎确诊病例8例。\n"
        "病例1，男，49岁，居住于闵行区江川路街道，为此前报告的本土无症状感染者。\n"
        "病例2，女，32岁，居住于黄浦区顺昌路612弄，病例3，女，35岁，居住于徐汇区田林八村，均系本市报告本土无症状感染者的密切接触者。\n"
        "病例4，男，38岁，居住于嘉定区崇教路，病例5，女，78岁，居住于嘉定区桃园新村。\n"
    )
    out = extract_text(text, "2022-03-17")
    summed = [c for c in out.case_counts if c.summed]
    by_area = {c.region: c for c in summed}
    assert {k: v.value for k, v in by_area.items()} == {"闵行区": 1, "黄浦区": 1, "徐汇区": 1, "嘉定区": 2}
    jd = by_area["嘉定区"]
    assert [e.text[:3] for e in jd.summed_items] == ["病例4", "病例5"]
    # the record's evidence is the list's stretch from its first item to its last
    assert (jd.evidence.start, jd.evidence.end) == (jd.summed_items[0].start, jd.summed_items[-1].end)
    assert jd.evidence.text.startswith("病例4") and jd.evidence.text.endswith("居住于嘉定区")
    assert jd.period_start is not None and jd.period_start.isoformat() == "2022-03-16T00:00:00"
    for c in summed:
        for e in c.summed_items:
            assert text[e.start : e.end] == e.text


def test_asymptomatic_list_and_numbers_not_counted_twice() -> None:
    text = (
        "2022年4月24日0—24时，新增本土无症状感染者16983例。\n"
        "无症状感染者1—无症状感染者4，居住于普陀区，\n"
        "无症状感染者3、无症状感染者5，居住于普陀区，\n"
    )
    assert _listed(text, "2022-04-25") == [("普陀区", "asymptomatic", "local", 5, 2)]


@pytest.mark.parametrize(
    "text",
    [
        # Beijing 2020-06-14 (corpus 125): a case who only works somewhere gives no area.
        "6月13日0时至7时，北京新增确诊病例8例。病例2，某男，27岁，宁夏泾源人，工作单位为北京新发地市场。",
        # A case number inside prose is no list item.
        "6月13日，北京新增确诊病例8例，其中病例3为外地来京人员。",
    ],
)
def test_items_without_residence_give_nothing(text: str) -> None:
    assert _listed(text, "2020-06-14") == []


def test_a_huge_list_stays_linear() -> None:
    body = "".join(f"病例{i}，居住于浦东新区，\n" for i in range(1, 10_001))
    out = _listed("2022年4月24日0—24时，新增本土新冠肺炎确诊病例10000例。\n" + body, "2022-04-25")
    assert out == [("浦东新区", "confirmed", "local", 10_000, 10_000)]


def test_residence_clause_names_the_most_specific_area() -> None:
    """Jilin notice of 2020-05-22 (corpus 122) and Dalian notice of 2020-07-25 (corpus 128)."""
    jilin = (
        "5月21日0-24时，全省新增本地确诊病例2例（吉林市）。\n"
        "病例1，女，1978年出生，系5月10日吉林省通报的舒兰市确诊病例9的密切接触者。住址为吉林市丰满区。\n"
        "病例2，男，1962年出生，系5月14日吉林省通报的吉林市丰满区确诊病例的密切接触者。住址为吉林市丰满区。\n"
    )
    assert [(r, v) for r, _, _, v, _ in _listed(jilin, "2020-05-22")] == [("丰满区", 2)]
    dalian = (
        "7月24日0时至15时，大连市新增确诊病例9例。\n"
        "1.患者4：高某，男，49岁，系7月22日确诊患者石某的密切接触者，居住地为公司公寓（甘井子区大连湾北街）。\n"
        "2.患者5：景某，女，46岁，系7月22日确诊患者石某的密切接触者，居住地为甘井子区大连湾街道。\n"
    )
    out = extract_text(dalian, "2020-07-25")
    summed = [(c.region, c.value, str(c.date)) for c in out.case_counts if c.summed]
    assert summed == [("甘井子区", 2, "2020-07-24")]  # the notice's day, not the contact's 7月22日


def test_items_numbered_in_chinese_read_as_their_numbers() -> None:
    # 患者一 … 患者九十九 (a 2020 notice's per-case list): every numeral up to 九十九 reads as its number.
    from extract.extractors.dates import parse_cn_int

    digits = "一二三四五六七八九"
    for k in range(1, 100):
        tens, ones = divmod(k, 10)
        written = (("" if tens == 1 else digits[tens - 1]) + "十" if tens else "") + (digits[ones - 1] if ones else "")
        assert parse_cn_int(written) == k, written
