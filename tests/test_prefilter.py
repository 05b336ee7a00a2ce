"""The character prefilters (extract.prefilter) against the regex engine itself."""

from __future__ import annotations

import array
import random
import sys

import regex

from extract.prefilter import _ASCII_FOLDS, SPACES, first_chars, must_have, tokens
from extract.resources import read_data, tsv_rows

_ALL = array.array("I", range(sys.maxunicode + 1)).tobytes().decode(f"utf-32-{sys.byteorder[0]}e", "surrogatepass")


def test_spaces_are_what_the_regex_engine_calls_white_space() -> None:
    assert frozenset(regex.findall(r"\s", _ALL)) == SPACES == frozenset(regex.findall(r"\s", _ALL, regex.I))


def test_case_variants_cover_what_ignorecase_matches() -> None:
    for letter in "abcdefghijklmnopqrstuvwxyzAPCKIS":
        assert set(regex.findall(letter, _ALL, regex.I)) <= set(letter.lower() + letter.upper() + _ASCII_FOLDS.get(letter.lower(), "")), letter
    rows = [row["pattern"] for _, row in tsv_rows(read_data("page_junk.tsv"), "page_junk.tsv", ("kind", "action", "pattern"))]
    for ch in {c for p in rows for c in p if c.lower() == c == c.upper() and c.casefold() == c}:
        assert regex.findall(regex.escape(ch), _ALL, regex.I) == [ch], ch


def test_sets_of_small_patterns() -> None:
    assert must_have(r"ab?c") == frozenset(["a"]) or must_have(r"ab?c") == frozenset(["c"])
    assert must_have(r"(?:电话|传真)\s*[::]") == frozenset(["电话", "传真"])
    assert must_have(r"[^a]+") is None and must_have(r"x*") is None and must_have(r"\d+") is None
    assert must_have(r"[[:alpha:]]") is None and must_have(r"(?:ab){e<=1}") is None and must_have(r"\p{Han}") is None
    spellings = must_have(r"版权|Copyright", regex.I) or frozenset()
    assert {s.lower() for s in spellings} == {"版权", "copyr"} and len(spellings) == 1 + 2**5
    assert first_chars(r"^[【\[]?(?:字号|字体)") == frozenset("【[字")
    assert first_chars(r"^a?") is None and first_chars(r"^.b") is None and first_chars(r"^(?=a)a") is None
    assert first_chars(r"^\s*a") == SPACES | {"a"}


def test_prefilters_never_reject_a_match() -> None:
    """Every match holds one of the must_have strings and starts with one of the first_chars."""
    rows = [row["pattern"] for _, row in tsv_rows(read_data("page_junk.tsv"), "page_junk.tsv", ("kind", "action", "pattern"))]
    rng = random.Random(7)
    pieces = [*"^|>/:：【】[] 12aAcC©()»→｜上下第共页", "当前位置", "字号", "大中小", "打开APP", "版权所有", "Copyright", "(c) 2020",
              "电话:023-1234567", "上一篇:", "浏览 12", "返回顶部", "分享到", "网友评论", "相关阅读", "联系我们"]
    lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(5000)]
    for p in rows:
        pattern = regex.compile(p, regex.I)
        must, first = must_have(p, regex.I), first_chars(p, regex.I)
        for line in lines:
            for m in pattern.finditer(line, overlapped=True):
                if must is not None:
                    assert any(s in m.group() for s in must), (p, line)
                if first is not None and m.group():
                    assert m.group()[0] in first, (p, line)


def test_tokens_cover_the_pattern_and_split_it_where_the_engine_does() -> None:
    """tokens() reads each pattern whole, in order; the junk rules' top-level alternatives it finds are
    the alternatives the engine matches (a line matching the pattern matches one of them)."""
    from extract.page_junk import _alternatives

    rows = [row["pattern"] for _, row in tsv_rows(read_data("page_junk.tsv"), "page_junk.tsv", ("kind", "action", "pattern"))]
    rng = random.Random(11)
    made = ["".join(rng.choice([*"ab|()[]^.*?", "\\p{Han}", "\\d", "[^]]", "\\|"]) for _ in range(rng.randint(0, 10)))
            for _ in range(3000)]
    for p in rows + made:
        spans = [(s, e) for s, e, _ in tokens(p)]
        ends = [0, *[e for _, e in spans]]
        assert [s for s, _ in spans] == ends[:-1] and ends[-1] == len(p), p
    for p in rows:
        assert "|".join(_alternatives(p)) == p
        whole = regex.compile(p, regex.I)
        parts = [regex.compile(a, regex.I) for a in _alternatives(p)]
        for line in ["当前位置: 首页 > 新闻", "版权所有 © 2020", "上一篇:重庆新增", "字号 大 中 小", "重庆市新增本土确诊病例53例"]:
            assert bool(whole.search(line)) == any(a.search(line) for a in parts), (p, line)
