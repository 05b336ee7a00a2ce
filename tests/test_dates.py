"""The shared date resolver: absolute, bare-day, relative and window mentions, with a pinned reference date."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from extract.extractors.dates import find_dates, parse_cn_int, resolve_month_day, resolve_relative, window

REF = dt.date(2022, 12, 1)
D = dt.date

# (text, reference date, [(date, hours)] for the non-relative mentions in order)
FIND_CASES = [
    ("12月1日0—12时,重庆市新增本土确诊病例53例", REF, [(D(2022, 12, 1), (0, 12))]),
    # 漯河 notice of 2020-03-29 (corpus 116): days after the anchor, in its month, up to the article.
    ("3月21日从郑州返回，22日、23日在家。截至29日中午12:00", D(2020, 3, 29),
     [(D(2020, 3, 21), None), (D(2020, 3, 22), None), (D(2020, 3, 23), None), (D(2020, 3, 29), None)]),
    ("3月21日新增5例,较19日增加2例", D(2020, 3, 22), [(D(2020, 3, 21), None), (D(2020, 3, 19), None)]),
    # 眾新聞 of Wednesday 2020-01-22 (corpus 149) and Thursday 2020-02-06 (corpus 024): weekdays.
    ("國務院總理李克強周二到青海紅十字醫院", D(2020, 1, 22), [(D(2020, 1, 21), None)]),
    ("截至周三午夜，大理州累計確診8宗", D(2020, 2, 6), [(D(2020, 2, 5), None)]),
    ("上周五召开会议", D(2020, 1, 22), [(D(2020, 1, 17), None)]),
    ("每周一例会，一周年", D(2020, 1, 22), []),
    ("2022年11月30日0—24时,全市新增", REF, [(D(2022, 11, 30), (0, 24))]),
    ("11月30日0时至24时,全市新增", REF, [(D(2022, 11, 30), (0, 24))]),
    ("11月14日0-18时,重庆市新增", D(2022, 11, 15), [(D(2022, 11, 14), (0, 18))]),
    ("十一月十四日,渝北区龙山街道", D(2022, 11, 15), [(D(2022, 11, 14), None)]),
    ("二〇二二年十一月十四日", None, [(D(2022, 11, 14), None)]),
    ("11月30日,中心城区共报告新增感染者5522例,较29日减少863例", REF, [(D(2022, 11, 30), None), (D(2022, 11, 29), None)]),
    ("12月1日0—12时……较29日减少1208例", REF, [(D(2022, 12, 1), (0, 12)), (D(2022, 11, 29), None)]),
    ("11月29日,全市新增7792例;30日,全市新增6584例", REF, [(D(2022, 11, 29), None), (D(2022, 11, 30), None)]),
    ("11月30日至2日", REF, [(D(2022, 11, 30), None), (D(2022, 12, 2), None)]),
    ("12月31日,全市新增", D(2023, 1, 2), [(D(2022, 12, 31), None)]),
    ("11月30号,全市新增", REF, [(D(2022, 11, 30), None)]),
    ("11月30日,全市新增", None, [(None, None)]),
    # A bare day with no month written before it: the article's month, or the one before.
    ("据市卫健委通报,8日全市新增本土感染者2051例,较7日减少406例", D(2022, 12, 9), [(D(2022, 12, 8), None), (D(2022, 12, 7), None)]),
    ("截至27日,本轮疫情累计报告感染者超过5万例", D(2022, 11, 28), [(D(2022, 11, 27), None)]),
    ("29日,全市新增", D(2022, 12, 2), [(D(2022, 11, 29), None)]),
    ("8日,全市新增", None, []),
    # A bare day right after a place or a person, before what happened that day.
    ("仅渝中区二十一日就新增感染者一千余例", D(2022, 11, 22), [(D(2022, 11, 21), None)]),
    ("市长唐良智15日主持召开市政府常务会议", D(2022, 11, 16), [(D(2022, 11, 15), None)]),
    ("市委书记15日在调度会上强调", D(2022, 11, 16), [(D(2022, 11, 15), None)]),
    ("市卫健委9日通报", D(2022, 12, 10), [(D(2022, 12, 9), None)]),
    # A relative day with its day of the month in brackets (Macau, Taiwan and wire reports).
    ("昨(21)日本澳新增確診病例2例", D(2022, 7, 22), [(D(2022, 7, 21), None)]),
    ("今（8）日下午召开发布会", D(2020, 3, 8), [(D(2020, 3, 8), None)]),
    ("昨(1)日新增", D(2022, 8, 1), [(D(2022, 8, 1), None)]),  # a repost dated a day late: the written day wins
    ("今(31)日公布", D(2022, 7, 22), []),  # a day the word cannot name: no date
    ("截至今日(22日)零时,本港过去一日新增", D(2022, 12, 22), [(D(2022, 12, 22), None)]),
    # A day of the first lunar month (新华社 and 廣東省委 reports of 2020, held-out 5 and 22): from that year's 春节.
    ("正月初一,我再次主持召开中央政治局常委会会议", D(2020, 2, 15), [(D(2020, 1, 25), None)]),
    ("农历大年初一,习近平总书记主持召开", D(2020, 1, 27), [(D(2020, 1, 25), None)]),
    ("除夕夜,首批医疗队出发;正月十五元宵节", D(2022, 2, 20), [(D(2022, 1, 31), None), (D(2022, 2, 15), None)]),
    ("初三学生返校", D(2020, 2, 15), []),  # a school year, not a day: the month must be written
    # Not dates: durations and counts of days.
    ("报告数量连续3日下降,近7日累计,30日内", REF, []),
    ("连续五日新增下降,近三日新增感染者,第3日报告,每2日通报,已持续10日新增", REF, []),
    ("该区3日内新增,隔离满7日报告", REF, []),
    ("13月40日", REF, []),
]


@pytest.mark.parametrize("text,ref,expected", FIND_CASES, ids=[c[0][:14] for c in FIND_CASES])
def test_find_dates(text: str, ref: dt.date | None, expected: list) -> None:
    got = [(m.date, m.hours) for m in find_dates(text, ref) if m.relative is None]
    assert got == expected


def test_mention_spans_cover_the_window() -> None:
    text = "李畔通报称,12月1日0—12时,重庆市"
    (m,) = find_dates(text, REF)
    assert text[m.start : m.end] == "12月1日0—12时"
    assert (m.month, m.day, m.year_written) == (12, 1, False)


@pytest.mark.parametrize(
    "text,context,expected",
    [
        ("昨日,全市新增", None, D(2022, 11, 30)),
        ("今日0-24时", None, D(2022, 12, 1)),
        ("当天,全市新增", D(2022, 11, 28), D(2022, 11, 28)),
        ("当晚,重庆市先后召开", D(2022, 11, 11), D(2022, 11, 11)),
        ("次日,全市新增", D(2022, 11, 28), D(2022, 11, 29)),
        ("第二天,12月1日", D(2022, 11, 30), D(2022, 12, 1)),
        ("较前一日增加", D(2022, 11, 30), D(2022, 11, 29)),
        ("同日,全市新增", D(2022, 11, 28), D(2022, 11, 28)),
    ],
)
def test_relative(text: str, context: dt.date | None, expected: dt.date) -> None:
    rel = [m for m in find_dates(text, REF) if m.relative is not None]
    assert rel, text
    assert resolve_relative(rel[0], REF, context) == expected


def test_relative_without_anchor_is_none() -> None:
    (m,) = find_dates("当天,全市新增", None)
    assert resolve_relative(m, None, None) is None


def test_relative_window() -> None:
    (m,) = find_dates("今日0时至15时,北京新增", REF)
    assert m.hours == (0, 15)


def test_relative_inside_full_date_is_not_separate() -> None:
    assert [m.relative for m in find_dates("12月1日当天", REF)] == [None, ("context", 0)]


@pytest.mark.parametrize(
    "ref,month,day,expected",
    [
        (D(2023, 1, 2), 12, 31, D(2022, 12, 31)),
        (D(2022, 11, 14), 11, 15, D(2022, 11, 15)),
        (D(2022, 12, 1), 11, 30, D(2022, 11, 30)),
        (D(2022, 12, 1), 1, 5, D(2022, 1, 5)),
        (None, 11, 30, None),
        (D(2024, 3, 1), 2, 29, D(2024, 2, 29)),
        (D(2022, 12, 20), 1, 5, D(2023, 1, 5)),
    ],
)
def test_resolve_month_day_prefers_the_past(ref, month, day, expected) -> None:
    assert resolve_month_day(ref, month, day) == expected


@pytest.mark.parametrize(
    "s,expected",
    [("十四", 14), ("一千二百", 1200), ("两千", 2000), ("二〇二二", 2022), ("1,208", 1208), ("3万", 30000),
     ("十", 10), ("二十三", 23), ("一万零五", 10005), ("abc", None), ("", None)],
)
def test_parse_cn_int(s: str, expected: int | None) -> None:
    assert parse_cn_int(s) == expected


def test_window() -> None:
    assert window(D(2022, 12, 1), (0, 12)) == (dt.datetime(2022, 12, 1, 0), dt.datetime(2022, 12, 1, 12))
    assert window(D(2022, 12, 1), (0, 24))[1] == dt.datetime(2022, 12, 2, 0)
    assert window(D(2022, 12, 1), (12, 6)) == (None, None)
    assert window(None, (0, 12)) == (None, None)
    assert window(D(2022, 12, 1), None) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "较1日" * 100_000, "12月1日、" * 50_000 + "至2日" * 50_000, "1" * 300_000 + "日", "当天" * 100_000,
        "区十九日新增" * 50_000, "十" * 300_000 + "日新增",
    ],
    ids=["bare-days", "dates-then-bare", "digits", "relatives", "named-days", "numeral-run"],
)
def test_hostile_input_is_linear(text: str) -> None:
    t0 = time.process_time()
    find_dates(text, REF)
    assert time.process_time() - t0 < 10


def test_relative_words_gate_every_relative_date() -> None:
    """_find_dates looks for relative dates only in a text holding a relative word (_RELATIVE_WORD): every
    _RELATIVE match starts with one, so a text without any has none."""
    from extract.extractors.dates import _RELATIVE, _RELATIVE_WORD, _RELATIVE_WORDS

    for word in _RELATIVE_WORDS:
        for text in (word, f"{word}0-12时", f"截至{word}"):
            m = _RELATIVE.search(text)
            assert m is not None and _RELATIVE_WORD.match(text, m.start()) is not None, text
    assert _RELATIVE_WORD.search("11月30日新增确诊病例3例") is None


def test_spaces_start_skips_the_engine_only_where_no_space_stands() -> None:
    """_spaces_start answers at once when the character before is no str.isspace space: sound because
    every character \\s matches in the regex engine is one (prefilter.SPACES is that set, tested there)."""
    from extract.extractors.dates import _spaces_start
    from extract.prefilter import SPACES

    assert all(ch.isspace() for ch in SPACES)
    text = "截至 \u3000\t11月30日，新增"
    for lo in range(len(text)):
        for pos in range(lo, len(text) + 1):
            expected = pos
            while expected > lo and text[expected - 1] in SPACES:
                expected -= 1
            assert _spaces_start(text, lo, pos) == expected, (lo, pos)


@pytest.mark.parametrize(
    "text,through",
    [
        ("3月1日—24日,累计报告", D(2022, 3, 24)),
        ("8月6日—11日12时,此轮疫情累计报告确诊病例45例", D(2022, 8, 11)),  # 万宁市 (held-out 11): an hour on the last day
        ("3月7日—8日20时至9日20时", None),  # the second day opens an hour window of its own
    ],
)
def test_range_of_days_ends_on_its_last_day(text: str, through: dt.date | None) -> None:
    first = find_dates(text, D(2022, 8, 13) if "8月" in text else D(2022, 3, 25))[0]
    assert first.through == through


@pytest.mark.parametrize("row", ["2020\t2020-03-25", "2020\t2021-01-25", "2020\tsoon"])
def test_spring_festival_table_rejects_a_wrong_row(row: str) -> None:
    from extract.errors import ResourceError
    from extract.extractors.lunar_days import parse_spring_festivals

    with pytest.raises(ResourceError, match=r"spring_festivals.tsv:2"):
        parse_spring_festivals("year\tdate\n" + row + "\n")
