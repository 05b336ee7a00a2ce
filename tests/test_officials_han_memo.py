"""Officials' cheaper checks, held against what they replace: ``person_names.han_only`` against the
regex module's fullmatch of Han characters and bracketed Han runs; the memoised ``_name_options`` against
its reading of the text itself, at every position of random strings of surnames, months, days and stop
characters; the appointments' narrower gates against the patterns they guard."""

from __future__ import annotations

import random

import regex

from extract.extractors import appointments
from extract.extractors.officials_lexicon import load_lexicon
from extract.extractors.person_names import _name_options, _options_at, han_only

_HAN_OR_BRACKETED = regex.compile(r"(?:\p{Han}|\(\p{Han}{1,6}\))*")

_PIECES = ("市", "卫生健康委", "(", ")", "(指挥部)", "(一二三四五六七)", "指挥部", "A", "1", "、", "，", " ", "\u3000",
           "𠀋", "〇", "々", "·", "\n", "（", "）", "陈", "司马", "欧阳")


def test_han_only_is_the_fullmatch() -> None:
    rng = random.Random(2317)
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 8)))
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert han_only(text, start, end) == (_HAN_OR_BRACKETED.fullmatch(text, start, end) is not None), (
                    text, start, end)


_NAME_PIECES = ("陈", "林", "郑", "王", "李", "范", "徐", "司马", "欧阳", "月", "日", "三", "3", "份", "新", "敏尔", "的",
                "在", "说", "、", "，", "华", "前", "今", "是", "为", "书记", " ")


def test_name_options_memo_is_the_reading_of_the_text() -> None:
    lex = load_lexicon()
    rng = random.Random(1723)
    for _ in range(4000):
        text = "".join(rng.choice(_NAME_PIECES) for _ in range(rng.randint(1, 9)))
        for pos in range(len(text) + 2):
            assert _name_options(text, pos, lex) == _options_at(text, pos, lex), (text, pos)
    lex.name_options_memo.clear()
    assert _name_options("林郑月娥说", 0, lex) == (2, 3, 4) and _name_options("李月3日", 0, lex) == ()


def test_appointment_gates_hold_every_match() -> None:
    rng = random.Random(4131)
    pieces = ("免", "去", "被", "免去", "被免", "免职", "其", "疫", "费", "被免去其", "市长", "、")
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        if appointments._REMOVE.search(text):
            assert "免去" in text
        if appointments._PASSIVE_REMOVE.search(text):
            assert "被免" in text


def test_titles_and_mentions_stay_immutable_values() -> None:
    from extract.extractors.officials import PersonMention, Title, _merge_titles, find_titles

    t = Title(0, 4, 2, "市委书记", "市委", "书记", True)
    assert t == Title(0, 4, 2, "市委书记", "市委", "书记", True) and hash(t) == hash(Title(*t))
    assert repr(t) == "Title(start=0, end=4, org_end=2, text='市委书记', organization='市委', post='书记', official=True)"
    m = PersonMention(0, 7, 4, 7, "陈敏尔", (t,))
    try:
        m.name = "x"  # type: ignore[misc]
    except AttributeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("a mention is immutable")
    assert [x.text for x in find_titles("市委副书记、市长胡衡华讲话")] == ["市委副书记", "市长"]
    assert _merge_titles(["市长"]) == ["市长"] and _merge_titles(["市长", "重庆市长", "市长"]) == ["重庆市长"]
