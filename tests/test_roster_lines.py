"""officials._roster_mentions visits only the lines that open with a surname (blanks aside), found by one
search: its mentions are those of the walk over every line, on random texts of roster lines, running text,
blank and padded lines, and spans that start or end inside a line."""

from __future__ import annotations

import random

from extract.extractors.officials import PersonMention, _roster_mentions, load_lexicon, roster_line


def _every_line(text: str, start: int, end: int, taken: list[PersonMention]) -> list[PersonMention]:
    """The walk over every line (the first version)."""
    out: list[PersonMention] = []
    surnames = load_lexicon().surnames
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        e = end if nl < 0 else nl
        s, line_end = pos, e
        while s < line_end and text[s] in " \t\u3000":
            s += 1
        if s == line_end or text[s] not in surnames:
            pos = e + 1
            continue
        while line_end > s and text[line_end - 1] in " \t\u3000":
            line_end -= 1
        if 5 <= line_end - s <= 60 and not any(m.start < line_end and s < m.end for m in taken):
            m = roster_line(text, s, line_end)
            if m is not None:
                out.append(m)
        pos = e + 1
    return out


_LINES = ("李畔市卫生健康委副主任", "任伯平永川区人民政府副区长", "李   畔 市卫生健康委副主任", "  马然希 市委宣传部副部长 ",
          "\u3000罗飞市疾控中心主任医师", "李畔介绍有关情况", "会议指出，要做好防控工作。", "", "   ", "\t", "发布人：",
          "陈敏尔", "王", "周发春 国务院联防联控机制医疗救治专家组成员、重医附一院重症医学科主任")


def test_roster_mentions_are_those_of_the_walk() -> None:
    rng = random.Random(2323)
    for _ in range(400):
        text = "\n".join(rng.choice(_LINES) for _ in range(rng.randint(1, 9)))
        start = rng.randint(0, min(6, len(text)))
        end = rng.randint(start, len(text))
        assert _roster_mentions(text, start, end, []) == _every_line(text, start, end, []), (text, start, end)
        whole = _roster_mentions(text, 0, len(text), [])
        assert whole == _every_line(text, 0, len(text), [])
        taken = whole[:1]
        assert _roster_mentions(text, 0, len(text), taken) == _every_line(text, 0, len(text), taken)
    assert _roster_mentions("会议\n李畔市卫生健康委副主任", 0, 14, [])[0].name == "李畔"
