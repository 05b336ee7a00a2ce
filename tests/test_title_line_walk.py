"""_title_line stops its walk for paragraphs at the second one and looks for the last candidate above the
anchor from the anchor up: the same line as the first walk (every line tried) on random pages."""

from __future__ import annotations

import random

from extract.article import _SOURCE, _is_dateline, _is_paragraph, _sentence_headline, _title_candidate, _title_line
from extract.article_lines import _Line

_TEXTS = [
    "重庆新增确诊病例18例", "重庆市新增确诊4例,累计确诊509例。", "1月25日0—24时,重庆市报告新增确诊病例18例,其中万州区3例,九龙坡区2例。",
    "日期:2022-11-27 浏览:1641", "来源:重庆日报", "2022年11月15日07:46 | 来源:重庆日报网", "(抗击新冠肺炎)重庆21日新增确诊病例",
    "一、高风险区", "编辑 刘佳妮", "首页>要闻", "专题 热点 正文 图片", "发布会现场 付彦华/摄", "返回顶部", "重庆日报",
    "全市新增本土确诊病例53例,无症状感染者12例,均为隔离管控人员。", "根据市卫健委通报:", "短",
]
_KINDS = ["content", "content", "content", "meta", "junk", "footer", "masthead"]


def _reference(lines: list[_Line]) -> int | None:
    """_title_line as first written."""
    paras = [i for i, ln in enumerate(lines[:12]) if ln.kind == "content" and _is_paragraph(ln) and not _title_candidate(ln)][:2]
    header = paras[1] if len(paras) > 1 else 12
    anchor = next((i for i, ln in enumerate(lines[:header]) if ln.kind == "meta" and (_is_dateline(ln.text) or _SOURCE.match(ln.text))), None)
    before = [i for i in range(anchor or 0) if _title_candidate(lines[i])]
    if before:
        return before[-1]
    if paras and paras[0] == 0 and len(lines) > 1 and _sentence_headline(lines[0], lines[1]):
        return 0
    limit = min(10, paras[1] if len(paras) > 1 else len(lines))
    return next((i for i, ln in enumerate(lines[:limit]) if _title_candidate(ln)), None)


def test_title_line_as_every_line_tried() -> None:
    rng = random.Random(7)
    found = set()
    for _ in range(3000):
        lines = []
        pos = 0
        for _ in range(rng.randint(1, 20)):
            text = rng.choice(_TEXTS)
            lines.append(_Line(pos, pos + len(text), text, rng.choice(_KINDS)))  # type: ignore[arg-type]
            pos += len(text) + 1
        expected = _reference(lines)
        assert _title_line(lines) == expected
        found.add(expected)
    assert None in found and len(found) > 5
