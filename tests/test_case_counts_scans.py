"""The case-count reader's fast scans find exactly what the plain pattern scans they replace find.

Counts, metric phrases and headings are looked for only where they can start (an automaton, a
necessary number-then-unit place); these properties compare them with ``finditer`` over texts
made of the characters and phrases those patterns turn on.
"""

from __future__ import annotations

import pytest

from extract.extractors.case_counts.lexicon import (
    _CLOSE,
    _OPEN,
    _count_candidate_re,
    _count_re,
    _heading_re,
    count_matches,
    count_places,
    heading_matches,
    load_metric_lexicon,
    metric_occurrences,
    metric_starts,
)
from extract.extractors.case_counts.furniture import _FURNITURE, _HAN, is_furniture
from extract.extractors.case_counts.paragraphs import _outside_brackets

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies

LEX = load_metric_lexicon()
PIECES = [
    *"0123456789,. \u3000\n\t第次员口数均万千百上几两一二三十零〇亿中:：,，",
    "超过", "逾", "多于", "将近", "约", "左右", "多", "余", "例", "人", "名", "宗", "和", "及",
    "当中", "之中", "本土", "新冠肺炎", "境外输入",
    *sorted(LEX.metric)[:40],
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _window(text: str, a: int, b: int) -> tuple[int, int]:
    start = min(a, len(text))
    return start, min(max(start, b), len(text))


@hypothesis.settings(max_examples=400, deadline=None, database=None)
@hypothesis.given(TEXTS, st.integers(0, 12), st.integers(0, 200))
def test_count_matches_are_the_pattern_scan(text: str, a: int, b: int) -> None:
    start, end = _window(text, a, b)
    plain = [(m.span(), m.groups()) for m in _count_re().finditer(text, start, end)]
    assert [(m.span(), m.groups()) for m in count_matches(text, start, end)] == plain
    # With the places of the whole text, found once (as the reader does for its paragraphs).
    places = count_places(text, 0, len(text))
    assert places == [m.start() for m in _count_candidate_re().finditer(text)]
    assert count_places(text, start, end) == [m.start() for m in _count_candidate_re().finditer(text, start, end)]
    assert [(m.span(), m.groups()) for m in count_matches(text, start, end, places)] == plain


@hypothesis.settings(max_examples=300, deadline=None, database=None)
@hypothesis.given(TEXTS, st.integers(0, 12), st.integers(0, 200))
def test_metric_and_heading_scans_are_the_pattern_scans(text: str, a: int, b: int) -> None:
    start, end = _window(text, a, b)
    assert metric_starts(text, start, end, LEX) == [m.start() for m in LEX.metric_re.finditer(text, start, end)]
    plain = [(m.span(), m.span("metric")) for m in _heading_re().finditer(text, start, end)]
    assert [(m.span(), m.span("metric")) for m in heading_matches(text, start, end, LEX)] == plain
    # Read off one overlapping scan shared by both (as the reader does).
    occurrences = metric_occurrences(text, start, end, LEX)
    assert metric_starts(text, start, end, LEX, occurrences) == [m.start() for m in LEX.metric_re.finditer(text, start, end)]
    assert [(m.span(), m.span("metric")) for m in heading_matches(text, start, end, LEX, occurrences)] == plain


@pytest.mark.parametrize(
    "text",
    ["新增本土确诊病例中,沙坪坝区20例", "超过 8,000例和3例无症状感染者", "约两千人次", "第3例", "无症状感染者中：1.2万例"],
)
def test_scans_on_sentences(text: str) -> None:
    assert [m.span() for m in count_matches(text, 0, len(text))] == [m.span() for m in _count_re().finditer(text)]
    assert [m.span() for m in heading_matches(text, 0, len(text), LEX)] == [m.span() for m in _heading_re().finditer(text)]


FURNITURE_PIECES = [*"图编 \u3000\t\x1c\x85。!？\n", "责任编辑", "来源", "新增确诊病例", "a" * 7, "记者张三"]


@hypothesis.settings(max_examples=400, deadline=None, database=None)
@hypothesis.given(st.lists(st.sampled_from(FURNITURE_PIECES), max_size=30).map("".join))
def test_furniture_check_is_the_pattern(text: str) -> None:
    # (a line without a Chinese character is furniture too: a bilingual notice's English lines)
    assert is_furniture(text, 0, len(text)) == (_HAN.search(text) is None or _FURNITURE.fullmatch(text) is not None)


def _outside_brackets_by_scan(text: str, starts: list[int], start: int, end: int) -> list[int]:
    """The positions no bracket of their line encloses, by one scan of every bracket and line break."""
    out, depth, k = [], 0, start
    for pos in starts:
        while k < pos:
            ch = text[k]
            depth = 0 if ch == "\n" else depth + 1 if ch in _OPEN else max(0, depth - 1) if ch in _CLOSE else depth
            k += 1
        if depth == 0:
            out.append(pos)
    return out


@hypothesis.settings(max_examples=400, deadline=None, database=None)
@hypothesis.given(st.lists(st.sampled_from([*"(（)）【】\n a确"]), max_size=40).map("".join), st.integers(0, 12), st.integers(0, 60))
def test_outside_brackets_is_the_scan(text: str, a: int, b: int) -> None:
    start, end = _window(text, a, b)
    starts = [i for i in range(start, end) if text[i] == "确"]
    assert _outside_brackets(text, starts, start, end) == _outside_brackets_by_scan(text, starts, start, end)
