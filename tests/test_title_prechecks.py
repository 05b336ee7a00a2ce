"""_title_candidate asks each of its patterns only where a str test says a match may be: the answers are
those of asking every pattern, on real lines and random strings of the patterns' own characters."""

from __future__ import annotations

import random

from extract.article import (
    _CAPTION, _COLUMN_LABEL, _EDITOR, _EDITOR_WORDS, _HAN_CHARS, _NAV_ROW, _POSTED_AT, _SECTION_FIRSTS, _SECTION_HEADING,
    _SENTENCE_MARK, _not_headline, _title_candidate,
)
from extract.article_lines import _Line
from extract.normalize import normalize

_PIECES = [*"摄图影 /:：、,，。()（）\u3000\t\x1c\xa0一二三十1２5.．ab甲乙丙", "摄影", "图片来源", "示意图", "资料图片", "编辑", "责任编辑",
           "审核 ", "编审:", "校对", "发布于", "发布于 2020-06-16", "发布于2021年3", "专题", "热点", "正文", "新冠肺炎", "重庆新增18例",
           "(抗击新冠肺炎)", "一、", "(二)", "3. ", "12、", "原标题", "——"]


def _whole_chain(line: _Line) -> bool:
    t = line.text
    n = len(t)
    return (
        line.kind == "content"
        and 5 <= n <= 160
        and (n <= 80 or _SENTENCE_MARK.search(t) is None)
        and not t.endswith(("。", ";", ":"))
        and "。" not in t
        and not t.startswith(("——", "--", "原标题"))
        and (not t.startswith(("(", "（")) or _COLUMN_LABEL.match(t) is not None)
        and _CAPTION.search(t) is None
        and _EDITOR.match(t) is None
        and _POSTED_AT.search(t) is None
        and _HAN_CHARS.search(t) is not None
        and _SECTION_HEADING.match(t) is None
        and _NAV_ROW.fullmatch(t) is None
        and not _not_headline(t)
    )


def test_title_candidate_is_the_whole_chain(real_texts: list[str]) -> None:
    rng = random.Random(11)
    lines = [ln.strip() for t in real_texts for ln in normalize(t).text.split("\n") if ln.strip()]
    lines += ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12))).strip() for _ in range(20000)]
    seen = 0
    for t in filter(None, lines):
        # Each str test holds wherever its pattern matches.
        assert _CAPTION.search(t) is None or "摄" in t or "图" in t, t
        assert _EDITOR.match(t) is None or t.startswith(_EDITOR_WORDS), t
        assert _POSTED_AT.search(t) is None or "发布于" in t, t
        assert _SECTION_HEADING.match(t) is None or t[0] in _SECTION_FIRSTS or t[0].isdigit(), t
        assert _NAV_ROW.fullmatch(t) is None or len(t.split(None, 2)) == 3, t
        line = _Line(0, len(t), t, "content")
        assert _title_candidate(line) == _whole_chain(line), t
        seen += _whole_chain(line)
    assert seen > 1000


def test_labelled_lines_open_with_their_label(real_texts: list[str]) -> None:
    from extract.article import _LABELLED, _LABELS

    rng = random.Random(12)
    pieces = [*_LABELS, *":： \u3000\t甲乙。", "完整標題", "中国新增78例本土确诊", "中央社"]
    lines = [ln.strip() for t in real_texts for ln in normalize(t).text.split("\n")]
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(20000)]
    matched = 0
    for line in lines:
        if _LABELLED.fullmatch(line) is not None:
            matched += 1
            assert line.startswith(_LABELS), line
    assert matched > 300
