"""Patterns tried only where a match can start find what a scan at every character finds.

For speed, some patterns are not run with ``finditer`` but matched only at candidate positions:
the meeting pattern where one of its start words is (``start_words.MEETING_START_WORDS``), the
post pattern where a modifier or post word starts (``start_words.post_matches``), the date and
named-day patterns in the run of digits before a 月 or 日. These tests hold each against its plain ``finditer`` on the real
texts of the repository and on random strings made of the words and characters the patterns
are about, in random windows: a new alternative that starts with a word the candidate list
lacks fails here.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
import regex

from extract.anchored import char_positions
from extract.extractors import dates, meetings, start_words
from extract.extractors.case_counts.paragraphs import _GOES_ON_AT_END, _goes_on
from extract.extractors.officials import load_lexicon

ROOT = Path(__file__).resolve().parents[1]

# Words and characters the patterns are made of, with filler and separators.
_MEETING_WORDS = [
    "召开", "举行", "要召开", "将举行", "电视电话会议", "视频会议", "视频调度会", "新闻发布会", "发布会",
    "新闻通气会", "吹风会", "记者见面会", "记者招待会", "记者会", "政治局常务委员会", "政治局常委会",
    "政治局", "关于", "工作", "会议", "上", "扩大", "市委常委会", "委常委会", "委员会", "五届二次全会",
    "第3次", "全会", "全体会议", "市委全会", "领导小组", "(指挥部)", "指挥部", "第二次", "专题", "调度",
    "汇报会", "研究", "部署", "指导组", "督导组", "工作组", "督查组", "派出", "成立", "督导检查", "检查",
    "防疫", "代表团", "审议", "常务会议", "常委会", "常务委员会", "座谈会", "推进会", "部署会", "动员会",
    "工作会议", "工作会", "联席会议", "党组", "会", "组", "2月3日", "昨天", "下午", "，", "。", "、", " ", "\n",
    "的", "在", "市", "区", "县", "省", "陈敏尔", "精神", "纪要",
]
_DATE_WORDS = [
    *"0123456789〇零一二两三四五六七八九十百千万亿年元月日号时点至到—-~",
    " ", "  ", "\u3000", "\t", "\n", "１", "٣", "2022年", "二〇二二年 ", "十一", "元", "二十三", "十九", "陈敏尔",
    "，", "。", "较", "截至", "在", "就", "新增", "市", "他", "主持",
    "召开", "上午", "连续", "第", "每", "周", "内", "以来", "比", "、", "（", "截止", "以内", "左右",
]

# Every way a date or a named day can start before its 月 or 日.
_DATE_CASES = [
    "陈敏尔二十三日主持会议", "区十九日新增", "市 二十三  日在", "胡衡华3日主持", "市卫健委12 日通报", "2022年 11月3日",
    "二〇二二 年 十一 月 三 日", "元月20日", "据2022年1月1日0—24时", "1 1月", "2022年\n\n12月1日", "十二月三十一日",
    "较29日", "截至 3 号", "7日", "、12日0—24时", "至30日内",
]




def _random_texts(words: list[str], n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(words) for _ in range(rnd.randrange(1, 30))) for _ in range(n)]


def _windows(text: str, rnd: random.Random) -> list[tuple[int, int]]:
    out = [(0, len(text))]
    for _ in range(3):
        s = rnd.randrange(0, len(text) + 1)
        out.append((s, rnd.randrange(s, len(text) + 1)))
    return out


def _spans(matches: object) -> list[tuple[tuple[int, int], ...]]:
    return [m.regs for m in matches]  # type: ignore[attr-defined]




def test_meeting_starts_find_every_meeting_match(real_texts: list[str]) -> None:
    rnd = random.Random(1)
    checked = 0
    for text in real_texts + _random_texts(_MEETING_WORDS, 3000, 2):
        for s, e in _windows(text, rnd):
            starts = meetings._meeting_starts(text, s, e)
            want = _spans(meetings._MEETING.finditer(text, s, e))
            assert _spans(meetings._meeting_matches(text, starts, s, e)) == want, (text, s, e)
            checked += len(want)
    assert checked > 500  # the strings do name meetings


def test_post_matches_are_the_post_pattern_matches(real_texts: list[str]) -> None:
    lex = load_lexicon()
    words = [*lex.modifiers, *lex.posts, "会", "委员会", "小组", "市委", "陈敏尔", "、", "，", " ", "的"]
    rnd = random.Random(3)
    checked = 0
    for text in real_texts + _random_texts(words, 2000, 4):
        for s, e in _windows(text, rnd):
            want = _spans(lex.post_pattern.finditer(text, s, e))
            assert _spans(start_words.post_matches(text, s, e)) == want, (text, s, e)
            checked += len(want)
    assert checked > 500


def test_unit_words_are_the_longest_org_words(real_texts: list[str]) -> None:
    lex = load_lexicon()
    words = [*lex.orgs, "市", "区", "(", ")", "，", "卫生健康"]
    rnd = random.Random(5)
    for text in real_texts[:10] + _random_texts(words, 2000, 6):
        for s, e in _windows(text, rnd):
            want = {m.start(): m.end() for m in lex.unit_pattern.finditer(text, s, e, overlapped=True)}
            assert lex.unit_words(text, s, e) == want, (text, s, e)


@pytest.mark.parametrize(
    ("pattern", "anchor", "starts"),
    [
        (dates._DATE, "月", dates._date_starts),
        (dates._NAMED_DAY, "日", dates._day_starts),
        # The anchors whose following text allows a match (what the extractor uses).
        (dates._DATE, dates._DATE_ANCHOR, dates._date_starts),
        (dates._NAMED_DAY, dates._NAMED_DAY_ANCHOR, dates._day_starts),
        (dates._BARE_DAY, dates._BARE_DAY_ANCHOR, dates._bare_day_starts),
    ],
)
def test_date_anchors_find_every_date_match(
    real_texts: list[str],
    pattern: regex.Pattern[str],
    anchor: str | regex.Pattern[str],
    starts: Callable[[str, int, int], Iterable[int]],
) -> None:
    rnd = random.Random(7)
    checked = 0
    for text in _DATE_CASES + real_texts + _random_texts(_DATE_WORDS, 4000, 8):
        for s, e in _windows(text, rnd):
            want = _spans(pattern.finditer(text, s, e))
            assert _spans(dates._anchored(pattern, text, s, e, anchor, starts)) == want, (text, s, e)
            checked += len(want)
    assert checked > 50


def _is_org_reference(text: str, start: int, end: int, lex: object) -> bool:
    """officials._is_org as first written: from each reached position, every word starting within a unit's length."""
    from extract.extractors import title_finder as officials  # (the title finder, split from officials)

    assert isinstance(lex, officials.Lexicon)
    if (text[end - 1] not in lex.org_last_chars and text[end - 1] != ")") or not officials._HAN_ONLY.fullmatch(text, start, end):
        return False
    reach = {start}
    frontier = [start]
    levels = lex.level_words(text, start, end)
    while frontier:
        p = frontier.pop()
        e = levels.get(p)
        if e is not None and e not in reach:
            reach.add(e)
            frontier.append(e)
    words = set(lex.unit_words(text, start, end).items())
    words |= {(i, i + 1) for i in range(start, end) if text[i] in lex.orgs}
    words |= {(m.start(), m.end()) for m in officials._BRACKETED.finditer(text, start, end)
              if lex.unit_pattern.fullmatch(text, m.start() + 1, m.end() - 1)}
    reached = set(reach)
    for p in range(start, end + 1):
        if p in reached:
            reached.update(we for ws, we in words if p <= ws <= p + officials._MAX_UNIT)
    return end in reached


def test_is_org_walk_equals_the_reachability_over_every_unit_length() -> None:
    from extract.extractors import title_finder as officials  # (the title finder, split from officials)

    lex = load_lexicon()
    words = [*sorted(lex.orgs), *sorted(lex.level_forms)[:200], "市", "区", "(", ")", "卫生健康", "工作", "啊", "啊" * 5, "啊" * 10]
    rnd = random.Random(9)
    found = 0
    for _ in range(20000):
        text = "".join(rnd.choice(words) for _ in range(rnd.randrange(1, 8)))
        s = rnd.randrange(0, len(text))
        e = rnd.randrange(s + 1, len(text) + 1)
        want = _is_org_reference(text, s, e, lex)
        assert officials._is_org(text, s, e, lex) == want, (text, s, e)
        found += want
    assert found > 1000


def test_last_clause_break_searched_backwards_is_the_last_of_a_scan() -> None:
    from extract.extractors.case_counts import lexicon

    rnd = random.Random(11)
    chars = ",，;；。!！?？:：\n[]【】|#(（)）啊字 "
    for _ in range(20000):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randrange(0, 50)))
        s = rnd.randrange(0, len(text) + 1)
        e = rnd.randrange(s, len(text) + 1)
        last = None
        for last in lexicon._CLAUSE_BREAK.finditer(text, s, e):  # noqa: B007 — keep the last
            pass
        found = lexicon._last(lexicon._CLAUSE_BREAK, text, s, e)
        assert (found.span() if found else None) == (last.span() if last else None), (text, s, e)
        lo = max(0, e - 40)
        want = lo
        for m in meetings._CLAUSE_BREAK.finditer(text, lo, e):
            want = m.end()
        assert meetings._clause_start(text, e) == want, (text, e)

def test_char_positions_are_every_place_of_the_characters_in_order() -> None:
    text = "3月1日、2日至5号，较29日"
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert char_positions(text, "日号", start, end) == [i for i in range(start, end) if text[i] in "日号"]
    assert char_positions("", "日", 0, 0) == []


def test_date_anchors_found_by_their_characters_are_the_scans() -> None:
    """An anchor pattern is one character with look-arounds: matched where the character stands, it finds
    what its scan finds (the look-behinds see the text before the window, as in the scan)."""
    rng = random.Random(7)
    alphabet = "月日号较至、，1 2十三新增报告在于\n"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        for anchor, chars in dates._ANCHOR_CHARS.items():
            found = [q for q in char_positions(text, chars, start, end) if anchor.match(text, q, end)]
            assert found == [m.start() for m in anchor.finditer(text, start, end)], (text, start, end)


def test_goes_on_is_the_search_it_gates() -> None:
    rng = random.Random(11)
    alphabet = list("其中如下:：—、;；。 \n\t\u3000\x1c\x85a例")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        tail = rng.randint(0, len(text))
        stop = rng.randint(tail, len(text))
        assert _goes_on(text, tail, stop) == (_GOES_ON_AT_END.search(text, tail, stop) is not None), (text, tail, stop)
