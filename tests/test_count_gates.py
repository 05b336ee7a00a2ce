"""read_count asks its small patterns only where the character after (or before) the number can open (or
close) a match, or where str.find finds a word every match holds (count_gates): held here to the patterns
on every code point of the basic plane, on the digits beyond it, and on random strings of their pieces."""

from __future__ import annotations

import random

import pytest

from extract.extractors.case_counts import count_context as ctx
from extract.extractors.case_counts import count_gates as gate
from extract.extractors.case_counts import counting as c
from extract.extractors.case_counts import lexicon as lex

#: Each opening set, its pattern, whether a digit may open a match, and texts that complete a match
#: after the pattern's first character (so that only the first character decides).
_OPENINGS = [
    (gate.NO_COUNT_OPENS, c._NO_COUNT_AFTER, True, ["以下", "下", "内", "集性疫情", "情", "件", "岁", "5岁", "性"]),
    (gate.CONVERSION_OPENS, lex._CONVERSION_AFTER, False, ["转为确诊病例", "为确诊病例", "断为确诊病例", "诊为确诊"]),
    (gate.PATIENTS_OPENS, c._PATIENTS_OUTCOME, False, ["者出院", "者陆续治愈出院", "患者死亡", "人出院", "诊新冠肺炎的病人出院", "型冠状病毒感染的肺炎患者治愈出院"]),
    (gate.PATIENTS_OPENS, c._PATIENTS_IN_HOSPITAL, False, ["者在定点医院治疗", "人分别于18间公立医院留医", "诊病人在医院治疗", "冠肺炎患者在定点医院治疗"]),
    (gate.BARE_SCOPE_OPENS, c._BARE_SCOPE_AFTER, False, ["土，", "外输入。", "本土、"]),
    (gate.IN_HOSPITAL_OPENS, lex._IN_HOSPITAL, False, ["在定点医院进行隔离治疗", "定点医院治疗", "院治疗"]),
    (gate.ONGOING_OPENS, lex._ONGOING, False, ["在", "接受", "正在"]),
    (gate.INFECTION_PARTS_OPENS, c._INFECTION_PARTS, False, ["确诊病例14", "其中确诊3"]),
    (gate.FOUND_IN_OPENS, lex._FOUND_IN, False, ["在隔离管控人员中发现", "隔离管控中发现", "于社区发现", "社区发现"]),
    (gate.SCOPE_PART_OPENS, lex._SCOPE_PART, False, ["为境外输入病例", "境外输入病例", "土，", "外输入，", "地输入，", "入，"]),
    (gate.SUBSET_OPENS, lex._SUBSET_AFTER, True, ["为", "系", "在", "自", "于", "岁", "子", "核", "复核", "3岁", "北京病例有关"]),
    (gate.AMONG_OPENS, c._AMONG_AFTER, False, ["中", "当中"]),
    (gate.WARD_OPENS, c._WARD_AFTER, False, ["院", "住院治疗", "在院"]),
]


def _digit_ok(ch: str) -> bool:
    return ch.isdecimal() or ch > "\uffff"


@pytest.mark.parametrize("opens, pattern, digits, tails", _OPENINGS)
def test_no_match_opens_with_another_character(opens, pattern, digits, tails) -> None:
    match = pattern.fullmatch if pattern is c._WARD_AFTER else pattern.match
    points = [*range(0x10000), 0x1D7CE, 0x11F50, 0x1E4F0, 0x20000]
    for cp in points:
        ch = chr(cp)
        if ch in opens or (digits and _digit_ok(ch)) or 0xD800 <= cp < 0xE000:
            continue
        for tail in ("", *tails):
            assert match(ch + tail) is None, (pattern.pattern, ch, tail)
            assert match("例" + ch + tail, 1) is None, (pattern.pattern, ch, tail)
    # (the tails complete a match after every character of the set but the blanks: they test each one)
    for ch in opens - gate._BLANKS:
        assert any(match(ch + tail) is not None for tail in tails), (pattern.pattern, ch)


def test_no_change_closes_with_another_character() -> None:
    heads = ["较前一日增加", "比昨日减少了", "较上日增加报告", "与前日相比多", "较前日下降", "较昨日"]
    for cp in range(0x10000):
        ch = chr(cp)
        if ch in gate.CHANGE_CLOSES or 0xD800 <= cp < 0xE000:
            continue
        for head in heads:
            text = head + ch + "5例"
            assert lex._CHANGE.search(text, 0, len(head) + 1) is None, (head, ch)
    assert lex._CHANGE.search("较前一日增加 5例", 0, 7) is not None  # (the gate lets blanks through)


#: Patterns asked only where str.find finds one of the words every match of theirs holds.
_HOLDINGS = [
    (c._FOUND_WHERE, ["中发现"]),
    (c._UNDER_OBSERVATION, ["观察"]),
    (ctx._ALL_SINCE, ["共", "计"]),
    (lex._SUM_WORD, ["计", "合共"]),
    (ctx._TREATED_BEFORE, ["治"]),
    (lex._CLAUSE_SEMI, [";", "；"]),
]
_PIECES = ["在", "密切接触者", "排查", "中发现", "中", "发现", "尚在", "医学观察", "观察", "目前", "共", "计", "合", "总", "合共",
           "正在", "定点医院", "治疗", "的", "治", ";", "；", "，", " ", "3", "例", "其中", "病例", "新增", "隔离"]


@pytest.mark.parametrize("pattern, words", _HOLDINGS)
def test_holding_words_on_random_strings(pattern, words) -> None:
    rng = random.Random(33)
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 10)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        holds = any(text.find(w, lo, hi) >= 0 for w in words)
        if not holds:
            assert pattern.search(text, lo, hi) is None, (pattern.pattern, text, lo, hi)


def test_parts_opening_holds_its_word() -> None:
    rng = random.Random(34)
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES + ["：", ":", "通报"]) for _ in range(rng.randint(0, 10)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        if text.find("其中", lo, hi) < 0:
            assert c._PARTS_OPENING.match(text, lo, hi) is None, (text, lo, hi)
