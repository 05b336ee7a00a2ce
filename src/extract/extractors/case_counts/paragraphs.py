"""How the reader walks a notice: its paragraphs (a line, or a line ending 其中： with the list after it),
their sentences, the counts outside brackets, and Weibo topic tags read as sentence breaks."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import regex

from ...anchored import std_compile
from ...document import Doc
from .lexicon import _CLOSE, _HEADLINE, _OPEN, _SENTENCE_END, _TOPIC_TAG

#: A bracket that opens (_OPEN) or closes (_CLOSE) a breakdown.
_BRACKET = std_compile(f"[{regex.escape(_OPEN + _CLOSE)}]")


def _without_topic_tags(doc: Doc) -> Doc:
    """The document with Weibo topic tags inside the body (#新疆昌吉州新增1例确诊#) read as a sentence break.

    A tag repeats a figure of the post in a headline's words; read in the middle of a sentence it would
    hand its place to the counts after it. Tags inside the opening 【headline】 stay: it is read on its
    own (the notice's day dates it). The text keeps its length, so evidence offsets do not move.
    """
    text = doc.text
    start, end = doc.body
    # The marks may be blanked in the text already (page-junk rules); the original still has them.
    source = doc.original if len(doc.original) == len(text) else text
    if source.find("#", 0, end) < 0:
        return doc  # every tag holds a '#': most texts have none
    head = _HEADLINE.search(source, start, min(end, start + 200))
    spans = [
        m.span()
        for m in _TOPIC_TAG.finditer(source, 0, end)  # from the text's start: a tag may open before the body
        if m.start() >= start and (head is None or not head.start() <= m.start() < head.end())
    ]
    if not spans:
        return doc
    parts, pos = [], 0
    for s, e in spans:
        parts += [text[pos:s], "。" + " " * (e - s - 1)]
        pos = e
    parts.append(text[pos:])
    return dataclasses.replace(doc, text="".join(parts))


#: A line that is only a day (and its hours) or a clause left open before its number (武汉市新增,
#: 武汉全市累计报告): a poster's layout, one phrase to a line. Matched at a line's start.
_OPEN_LINE = regex.compile(
    r"[ \t\u3000]*(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日[^\n。,;:!?]{0,16}"
    r"|[^\n。,;:!?\d]{1,12}(?:新增|报告|累计))[ \t\u3000]*\n"
)
_OPEN_LINE_MAX = 40  # longer lines are never open ones (the pattern's longest is about 30 characters)
#: The words a clause left open ends with (the second alternative of :data:`_OPEN_LINE`).
_OPEN_LINE_ENDS = ("新增", "报告", "累计")


def _may_be_open_line(text: str, pos: int, nl: int) -> bool:
    """Whether ``_OPEN_LINE`` can match the line ``text[pos:nl]`` (and its break), answered without the
    engine: a day's line holds 日, and a clause left open ends, blanks aside, with one of
    :data:`_OPEN_LINE_ENDS` (the blanks the pattern allows before the break are those stripped here).
    Most short lines (a heading, a caption, a byline) are neither and are not matched."""
    return text.find("日", pos, nl) >= 0 or text[pos:nl].rstrip(" \t\u3000").endswith(_OPEN_LINE_ENDS)


#: The next line's start (after blank lines): what the open line runs on into.
_NEXT_LINE = regex.compile(r"[ \t\u3000\n]*(?=\S)")


def _poster_lines_joined(doc: Doc) -> Doc:
    """The document with a poster's broken lines read as one: a line holding only a day
    (2月21日22时至2月22日12时) or a clause open before its number (武汉市新增) runs on into the
    next line, as a WeChat graphic writes one phrase to a line. The line breaks become spaces,
    so the text keeps its length and evidence offsets do not move. (Lines are walked with
    ``str.find``: a search of the pattern through the body cost as much as the rest of the walk.)"""
    text = doc.text
    start, end = doc.body
    spans = []
    pos = start
    while (nl := text.find("\n", pos, end)) >= 0:
        if (nl - pos <= _OPEN_LINE_MAX and nl > pos and _may_be_open_line(text, pos, nl)
                and _OPEN_LINE.match(text, pos, nl + 1) is not None):
            nxt = _NEXT_LINE.match(text, nl, end)
            if nxt is not None and nxt.end() < end:
                spans.append((nl, nxt.end()))
        pos = nl + 1
    if not spans:
        return doc
    parts, pos = [], 0
    for s, e in spans:
        parts += [text[pos:s], text[s:e].replace("\n", " ")]
        pos = e
    parts.append(text[pos:])
    return dataclasses.replace(doc, text="".join(parts))


def _outside_brackets(text: str, starts: list[int], start: int, end: int) -> list[int]:
    """The positions of ``starts`` (sorted, inside ``[start, end)``) that no bracket of their line
    encloses; the brackets are read only on lines that hold a position, up to the last one."""
    out: list[int] = []
    depth = 0
    read_to = start
    for pos in starts:
        nl = text.rfind("\n", read_to, pos)  # searched back to the last position only: linear
        if nl >= 0:
            depth, read_to = 0, nl + 1  # a line break resets the depth
        for mark in _BRACKET.finditer(text, read_to, pos):
            depth = depth + 1 if mark.group() in _OPEN else max(0, depth - 1)
        read_to = pos
        if depth == 0:
            out.append(pos)
    return out


#: A paragraph ending so goes on in the next line: its breakdown (…现有确诊病例50例（…），其中：), or what
#: an opening that gives the day announces (9月2日0—24时，全省新冠肺炎疫情最新情况如下：).
#: A list written one item a line (河北: 其中——(line break) 石家庄市69例、(line break) 廊坊市4例、…) goes on too.
#: So does a count whose parts follow on the next lines (新增本土确诊病例13例（在广安）： (line break) 11例为…).
_GOES_ON_AT_END = std_compile(
    r"(?:(?:其中|如下)\s*(?:[:：]|—+)|[、;；]|\d\s*[例宗](?:[(（][^()（）\n]{0,12}[)）])?\s*[:：]|\d\s*[时日]\s*[,，])\s*$"
)  # (2020年3月3日0时-24时, (line break) 长沙市新增确诊病例0例: the day opens the next line's sentence)


#: The last character (blanks aside) of every text :data:`_GOES_ON_AT_END` matches.
_GOES_ON_LAST = frozenset(":：—、;；,，")


def _goes_on(text: str, tail: int, stop: int) -> bool:
    """``_GOES_ON_AT_END.search(text, tail, stop)``, tried only when the line's last character that is no
    blank can end a match: most lines end in 。 and cost no search (str.isspace holds for every
    character the engine's \\s matches, so the blanks a match may end with are skipped here too)."""
    last = stop
    while last > tail and text[last - 1].isspace():
        last -= 1
    return last > tail and text[last - 1] in _GOES_ON_LAST and _GOES_ON_AT_END.search(text, tail, stop) is not None


#: The units a line that a broken list goes on from ends with (…赣州市20例).
_COUNT_UNITS = frozenset("例人宗名")


def _list_goes_on(text: str, pos: int, end: int) -> int | None:
    """The end of the next line holding text after ``pos`` when it opens with 、 (the rest of a list a page broke
    with blank lines), else None."""
    while pos < end:
        line_end = _line_end(text, pos, end)
        line = text[pos:line_end].lstrip()
        if line:
            return line_end if line[0] == "、" else None
        pos = line_end + 1
    return None


def _line_end(text: str, pos: int, end: int) -> int:
    nl = text.find("\n", pos, end)
    return end if nl < 0 else nl


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    find = text.find
    while pos < end:
        stop = find("\n", pos, end)  # (_line_end, inlined: a body has a few dozen lines, each asked once)
        if stop < 0:
            stop = end
        tail = pos if stop - 12 < pos else stop - 12
        # (a line ending in a character that is no blank and ends no match, most lines, is asked no more)
        while stop < end and (text[stop - 1] in _GOES_ON_LAST or text[stop - 1].isspace()) and _goes_on(text, tail, stop):
            # 其中：(line break) 乌鲁木齐市13例、伊犁州12例…: the next line holding text is the list.
            nxt = stop + 1
            joined = False
            while nxt < end:
                line_end = _line_end(text, nxt, end)
                if text[nxt:line_end].strip():
                    stop, joined = line_end, True
                    break
                nxt = line_end + 1
            if not joined:
                break
            tail = max(pos, stop - 12)
        while stop < end and text[stop - 1] in _COUNT_UNITS and (more := _list_goes_on(text, stop + 1, end)) is not None:
            stop = more  # …赣州市20例 (blank line) 、吉安市10例、萍乡市6例…: a list the page broke goes on
        if not text[pos].isspace() or text[pos:stop].strip():  # (a line opening with text is no blank one)
            yield pos, stop
        pos = stop + 1


def _may_name_section(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a scope word the lexicon's ``_SECTION`` needs (本土, 本地, 境外…: each opens
    with 本 or 境外); a short paragraph without one is no section heading and is not matched."""
    return text.find("本", start, end) >= 0 or text.find("境外", start, end) >= 0


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        out.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def unwrapped(text: str, start: int, end: int) -> tuple[int, int]:
    """A paragraph without the brackets it is wrapped in (（编者注：…截至1月10日24时，…病例41例…。）)."""
    last = end
    while last > start and text[last - 1] in " \t\u3000":
        last -= 1
    if last - start < 2 or text[start] not in _OPEN or text[last - 1] not in _CLOSE:
        return start, end
    depth = 0
    for b in _BRACKET.finditer(text, start, last):
        depth = depth + 1 if b.group() in _OPEN else depth - 1
        if depth == 0 and b.end() < last:
            return start, end  # （一）…（二）…: brackets of their own, not one around the paragraph
    return start + 1, last - 1
