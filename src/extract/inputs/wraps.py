"""Hard-wrapped text: a forum post (PTT, BBS mirrors) broken into lines of one fixed width.

Such a post breaks its lines wherever the width runs out, inside sentences and words
(新疆生產\\n建設兵團, 陜西\\n1例), so every line break of a paragraph would otherwise end it.
A text is hard-wrapped when at least three of its lines, and a good share of its longer lines,
fill the same width (in display columns: a Han character takes two) to within a few columns,
between :data:`_MIN_WIDTH` and :data:`_MAX_WIDTH`, and a shorter line after a full one ends a
sentence (a wrapped paragraph's last line); a full line that does not end a sentence is joined
to the next one. Ordinary articles, whose lines are paragraphs of any length, are
left alone.
"""

from __future__ import annotations


__all__ = ["unwrap"]

#: The widths (display columns) a hard-wrapping editor uses: 80-column terminals and the like.
_MIN_WIDTH = 60
_MAX_WIDTH = 100
#: A full line is at most this many columns short of the widest (wide characters and half-width punctuation
#: that did not fit: PTT lines of 76 columns end anywhere from 66 on).
_SLACK = 10
#: Lines this wide or wider count towards the share of full lines.
_LONG = 30
#: A line ending with one of these ends its sentence: the break after it is the author's.
_SENTENCE_END = frozenset("。！？!?…」』”")


def _width(line: str) -> int:
    """Display columns: GB18030 writes ASCII in one byte, Han characters and full-width forms in two."""
    return len(line.encode("gb18030", "replace"))


def unwrap(text: str) -> tuple[str, int]:
    """``text`` with the line breaks of hard wrapping removed, and how many were removed.

    >>> post = "\\n".join([
    ...     "(中央社台北3日電)中國最近的本土疫情似有擴大趨勢,官方今天通報,新增80例本土",
    ...     "確診,涉及6省市,其中內蒙古占56例,北京和上海也有病例。",
    ...     "據中國國家衛生健康委員會官網,2日零至24時,31個省(自治區、直轄市)和新疆生產",
    ...     "建設兵團報告新增確診病例96例,其中本土病例80例,分別是內蒙古56例(均在呼倫貝爾",
    ...     "市)、黑龍江10例、雲南10例、上海2例(均在浦東新區)、北京1例(在海淀區)、陜西",
    ...     "1例;另有境外移入16例。"])
    >>> text, joined = unwrap(post)
    >>> joined, "新疆生產建設兵團" in text, "陜西1例" in text, text.count("\\n")
    (4, True, True, 1)
    >>> unwrap("重庆市新增本土确诊病例53例。\\n其中万州区12例。\\n")
    ('重庆市新增本土确诊病例53例。\\n其中万州区12例。\\n', 0)
    """
    lines = text.split("\n")
    if len(lines) < 4:
        return text, 0
    for ln in lines:
        if len(ln) > _MAX_WIDTH and not ln.isascii():
            return text, 0  # a line longer than any wrapping (a bare link aside): the breaks are paragraphs
    # The widths of the lines of text (a line of ASCII only, a link or a counter, is no wrapped text).
    widths = [w if len(ln) >= _LONG // 2 and (w := _width(ln)) > len(ln) else 0 for ln in lines]
    width = max(widths)
    if width < _MIN_WIDTH or width > _MAX_WIDTH:
        return text, 0
    full = [width - _SLACK <= w for w in widths]
    long = sum(1 for w in widths if w >= _LONG)
    if sum(full) < 3 or sum(full) * 5 < long * 2:
        return text, 0
    if not any(full[i - 1] and not full[i] and ln.rstrip()[-1:] in _SENTENCE_END for i, ln in enumerate(lines) if i):
        return text, 0  # no wrapped paragraph ends (a shorter line closing the sentence): lines of one length by chance
    out: list[str] = []
    joined = 0
    for i, ln in enumerate(lines):
        out.append(ln)
        if i + 1 < len(lines):
            if full[i] and ln[-1] not in _SENTENCE_END and lines[i + 1].strip():
                joined += 1
            else:
                out.append("\n")
    return "".join(out), joined
