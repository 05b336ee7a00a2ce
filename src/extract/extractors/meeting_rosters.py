"""The roster of a press-conference report: the people it lists under 主持人 (chair) and 发布人 (speakers); a
transcript's speaker labels (省委宣传部副部长向培凤：…).

Reports list them one to a line, post then name (市卫生健康委副主任 李畔) or name then post (李畔市卫生健康委副主任),
under the heading or on its line; the roster ends at running text.
"""

from __future__ import annotations

import regex

from ..anchored import std_compile
from ..document import Doc
from .officials import find_titles, roster_name
from .start_words import holds

__all__ = ["host_speaks", "roster_people", "speaker_label"]

#: A clause break in what stands before a label's name (its titles have none).
_CLAUSE_MARK = std_compile(r"[,，;；]")

#: A roster heading of a press-conference report, and a line of it: the post, a space, the name
#: (主持人 / 市政府新闻办新闻发布处处长 徐祖国 / 发布人 / 市卫生健康委副主任 李畔), or both on one line.
_ROSTER_HEAD = regex.compile(r"(?P<head>主持人|发布人|新闻发布人|发布嘉宾|出席嘉宾)\s*[:：]?\s*(?P<rest>.*)")
_ROSTER_ITEM = regex.compile(r"(?P<post>[^\s:：,，。]{2,30}?)\s+(?P<name>\p{Han}{2,4})")


_PROSE = regex.compile(r"[，,。；;：:]")


def roster_people(doc: Doc) -> list[tuple[str, str]]:
    """``(name, role)`` for the people a roster in the body lists under 主持人 (chair) and 发布人 (speakers)."""
    text = doc.text
    start, end = doc.body
    if not holds(text, "主持人", start, end) and not holds(text, "发布人", start, end):  # (read from the start words' scan)
        return []
    out: list[tuple[str, str]] = []
    role: str | None = None
    for line in text[start:end].split("\n"):
        line = line.strip()
        if not line:
            continue
        head = _ROSTER_HEAD.fullmatch(line)
        if head is not None:
            role = "chair" if head["head"] == "主持人" else "speaker"
            line = head["rest"].strip()
            if not line:
                continue
        item = _ROSTER_ITEM.fullmatch(line) if role is not None else None
        if item is None and role is not None and (name := roster_name(line)) is not None:
            out.append((name, role))  # 李畔市卫生健康委副主任: the name first
            continue
        if item is None:
            if role is not None and head is None and (len(line) > 60 or _PROSE.search(line)):
                role = None  # the roster ends at running text (a repeated headline between its lines does not end it)
            continue
        out.append((item["name"], role))  # type: ignore[arg-type]
    return out


#: A transcript's bare label of the host's words, on a line of its own (主持人: (new line) 各位媒体朋友: …).
_HOST_LABEL = std_compile(r"\n\s*主持人\s*[:：]\s*\n")


def host_speaks(doc: Doc) -> bool:
    """Whether a transcript gives the host's words under a bare 主持人: label (no name on it, none on the line below:
    the host's speech follows): the chair the report names speaks."""
    text = doc.text
    start, end = doc.body
    if not holds(text, "主持人", start, end):
        return False
    for m in _HOST_LABEL.finditer(text, max(0, start - 1), end):
        nxt = _NEXT_LINE.match(text, m.end(), end)
        line = nxt.group().strip() if nxt is not None else ""
        if line and _ROSTER_ITEM.fullmatch(line) is None and roster_name(line) is None:
            return True
    return False


#: The next line with something on it.
_NEXT_LINE = std_compile(r"\s*[^\n]*")


_SPEAKER_LABEL = std_compile(r"[:：](?!\s*$)")
#: What the host says first: that the press conference is being held now (我们现在举办…第三场新闻发布会); the
#: label's person (中共万宁市委宣传部 常务副部长 石国昭：) then chairs it — "host" to :func:`speaker_label`.
_OPENS_CONFERENCE = std_compile(r"(?:(?:现在|今天|今晚|今天上午|今天下午)(?:在这里)?(?:举办|召开|举行)|欢迎[^。!！?？\n]{0,6}?(?:参加|出席|来到))"
                                r"[^。!！?？\n]{0,50}?发布会")  # (…李敏清：大家下午好!欢迎参加…第二十三场新闻发布会)
_OPENING_REACH = 120  # how far into the label's speech the opening is looked for
_LABEL_START = std_compile(r"[\n。!！?？]")
#: A speaker's post in brackets between the name and the colon of a transcript's label.
_LABEL_POST = std_compile(r"[(（][^()（）\n]{1,60}[)）]")


def speaker_label(text: str, pos: int, name_end: int) -> str | None:
    """The role of the name at ``pos`` when it is a transcript's speaker label: at the start of a
    line or sentence, after nothing but its titles (or 主持人: the chair), and followed by a colon,
    perhaps after its post in brackets (省委宣传部副部长向培凤：记者朋友们…, 周紫霄（省卫生健康委…主任）：…,
    主持人邓鸿（…）：… — not 新闻1+1丨马国强：我现在…); "host" for a label whose speech opens the press
    conference (…石国昭：…我们现在举办…新闻发布会)."""
    after = name_end
    if text[after : after + 1] in ("(", "（"):
        close = _LABEL_POST.match(text, after)
        after = close.end() if close is not None else after
    if text[after : after + 1] not in (":", "：") or not _SPEAKER_LABEL.match(text, after):
        return None  # (a label's colon first: most names have none after them)
    role = "host" if _OPENS_CONFERENCE.search(text, after, after + _OPENING_REACH) else "speaker"
    lo = max(0, pos - 60)
    start = lo
    for m in _LABEL_START.finditer(text, lo, pos):
        start = m.end()
    if start == lo and lo > 0:
        return None
    head = text[start:pos].strip()
    if not head:
        return role
    if head == "主持人":
        return "chair"
    titles = find_titles(text, start, pos)
    # (中共万宁市委宣传部 常务副部长 石国昭：: a transcript may set the name off by a blank)
    near = bool(titles) and (titles[-1].end == pos or text[titles[-1].end : pos].isspace())
    return role if near and not _CLAUSE_MARK.search(head) else None
