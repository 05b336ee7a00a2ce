"""The line kinds _split_lines gives through its shortcut (a line holding no string of _Quiet and starting
with a prefix at which only the dateline and the masthead can match, _plain_prefix) are the kinds the whole
chain of tests gives; the prefix test (_Rules.may_open, partial matches of the first two characters) never
refuses a line some rule matches."""

from __future__ import annotations

import random

from extract.article_lines import _CREDIT, _SOURCE, _classify, _junk_rules, _plain_prefix, _quiet, _Quiet, _split_lines
from extract.normalize import Normalized, normalize

#: Pieces that open rules filed by first character or resemble them (中 of 字号大中小, 第…页, 以上…仅代表, 来源:,
#: 数据:, a bare number, a bullet before 专题:) and plain words starting with the same characters.
_PIECES = [*"^|>/:【】[]()（） 12345.•·-©图文摄中大小第一上下新本今以发最内关\u3000\tA", "中国", "中心城区", "第二", "第2页", "第 3 页",
           "以上", "以上内容仅代表作者观点", "本文评论仅代表个人观点", "来源:", "来源", "来自", "数据:", "数据显示", "资料图", "素材",
           "专题:", "专题: 抗疫", "• 专题:疫情", "上一篇:", "上海", "下一篇", "下午", "新增确诊病例3例", "新闻精选", "相关阅读", "最新评论",
           "最新消息", "关于我们", "关于做好", "字号", "大中小", "分享到", "分享", "收藏", "返回顶部", "浏览:12", "阅读次数 3", "点击",
           "2020年1月2日", "2022-11-21 08:46", "3.5", "10月26日", "当前位置:首页", "当前", "联系我们", "电话:023-1234567",
           "记者 王强", "编辑:李明", "重庆日报", "中央社 CNA", "A+", "A-", "。", "\n", "\n  \n", " "]


def _texts(real_texts: list[str]) -> list[str]:
    rng = random.Random(1511)
    made = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    return [normalize(t).text for t in real_texts] + made


def test_split_lines_kinds_are_the_whole_chains(real_texts: list[str]) -> None:
    rules = _junk_rules()
    plain = 0
    for text in _texts(real_texts):
        lines = _split_lines(Normalized(original=text, text=text, script="simplified"))
        assert [ln.text for ln in lines] == [raw.strip() for raw in text.split("\n") if raw.strip()]
        for line in lines:
            assert line.kind == _classify(line.text, rules, None), line.text
            assert text[line.start : line.end] == line.text
        plain += sum(1 for ln in lines if _plain_prefix(_quiet_of(), rules, ln.text[:2]))
    assert plain > 1000  # the shortcut was taken


def _quiet_of() -> _Quiet:
    quiet = _quiet()
    assert quiet is not None
    return quiet


def test_a_plain_prefix_opens_no_rule(real_texts: list[str]) -> None:
    """Where _plain_prefix says a line's first two characters open no rule, no junk rule filed by first
    character or without a prefilter, no credit and no 来源: line matches the line."""
    rules, quiet = _junk_rules(), _quiet_of()
    refused = 0
    for text in _texts(real_texts):
        for line in filter(None, (raw.strip() for raw in text.split("\n"))):
            if not _plain_prefix(quiet, rules, line[:2]):
                continue
            refused += 1
            for r in (rules.drop, rules.end):
                for rule in (*r.by_first.get(line[0], ()), *r.always):
                    found = rule.pattern.match(line) if rule.anchored else rule.pattern.search(line)
                    assert found is None, (line, rule.pattern.pattern)
            assert _CREDIT.search(line) is None and _SOURCE.match(line) is None, line
    assert refused > 1000


def test_prefixes_that_open_rules_are_not_plain() -> None:
    rules, quiet = _junk_rules(), _quiet_of()
    for prefix in ("字号", "大", "中", "第2", "第 ", "以上", "本文", "来源", "数据", "资料", "• ", "专题", "上一", "相关", "12", "3.", "A+"):
        assert not _plain_prefix(quiet, rules, prefix), prefix
    for prefix in ("中国", "第二", "新冠", "上海", "下午", "今年", "发生", "最后", "重庆", "我市"):
        assert _plain_prefix(quiet, rules, prefix), prefix


def test_byline_start_opens_as_its_str_test_says(real_texts: list[str]) -> None:
    """_may_open_byline holds wherever _BYLINE_START matches (its openings after a bracket and blanks, a
    reporter's word within the first 15 characters), on real lines and random strings of its pieces."""
    from extract.article_lines import _BYLINE_START, _may_open_byline

    rng = random.Random(23)
    pieces = [*"(（[【 \u3000\t\x1c/:甲乙丙丁文图摄", "摄影", "作者", "编辑", "责任编辑", "责编", "审核", "校对", "监制", "策划", "编审",
              "主编", "记者", "通讯员", "实习生", "本报", "本网", "本台", "北京青年报", "重庆日报", "高语阳", "。", "a"]
    lines = [ln.strip() for t in real_texts for ln in normalize(t).text.split("\n") if ln.strip()]
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))).strip() for _ in range(20000)]
    matched = 0
    for line in filter(None, lines):
        if _BYLINE_START.search(line) is not None:
            matched += 1
            assert _may_open_byline(line), line
    assert matched > 2000
