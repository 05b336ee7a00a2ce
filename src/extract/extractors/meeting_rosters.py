"""The roster of a press-conference report: the people it lists under 主持人 (chair) and 发布人 (speakers).

Reports list them one to a line, post then name (市卫生健康委副主任 李畔) or name then post (李畔市卫生健康委副主任),
under the heading or on its line; the roster ends at running text.
"""

from __future__ import annotations

import regex

from ..document import Doc
from .officials import roster_name

__all__ = ["roster_people"]

#: A roster heading of a press-conference report, and a line of it: the post, a space, the name
#: (主持人 / 市政府新闻办新闻发布处处长 徐祖国 / 发布人 / 市卫生健康委副主任 李畔), or both on one line.
_ROSTER_HEAD = regex.compile(r"(?P<head>主持人|发布人|新闻发布人|发布嘉宾|出席嘉宾)\s*[:：]?\s*(?P<rest>.*)")
_ROSTER_ITEM = regex.compile(r"(?P<post>[^\s:：,，。]{2,30}?)\s+(?P<name>\p{Han}{2,4})")


_PROSE = regex.compile(r"[，,。；;：:]")


def roster_people(doc: Doc) -> list[tuple[str, str]]:
    """``(name, role)`` for the people a roster in the body lists under 主持人 (chair) and 发布人 (speakers)."""
    text = doc.text
    start, end = doc.body
    if text.find("主持人", start, end) < 0 and text.find("发布人", start, end) < 0:
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
