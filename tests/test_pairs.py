"""The press's ``新增N+M`` shorthand: confirmed N and asymptomatic M, whatever the numbers."""

from __future__ import annotations

import pytest

from extract.pipeline import extract_text

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies


@hypothesis.settings(max_examples=60, deadline=None, database=None)
@hypothesis.given(st.integers(0, 999_999), st.integers(0, 999_999), st.sampled_from(["上海市", "吉林省", "河北省"]),
                  st.sampled_from(["+", "＋", " + "]))
def test_pair_gives_confirmed_and_asymptomatic(confirmed: int, asymptomatic: int, place: str, plus: str) -> None:
    text = (f"标题\n\n4月5日0-24时,31个省报告新增本土确诊病例1383例、本土无症状感染者19089例。\n\n"
            f"其中,{place}新增{confirmed}{plus}{asymptomatic}。\n")
    found = {(c.region, c.metric, c.scope, c.value) for c in extract_text(text, "2022-04-06").case_counts}
    assert (place, "confirmed", "local", confirmed) in found
    assert (place, "asymptomatic", "local", asymptomatic) in found


@pytest.mark.parametrize("text", [
    "其中,上海市新增311+16766例。",  # a unit after the second number: not the shorthand
    "核酸检测点新增1+1模式。",  # no day in force
])
def test_not_a_pair(text: str) -> None:
    records = extract_text("标题\n\n" + text + "\n", "2022-04-06").case_counts
    assert not [c for c in records if c.value in (311, 16766, 1)]
