"""Markdown inputs: markup blanked in place, YAML front matter read as metadata.

Blanking (each markup character replaced by a space, line breaks kept) rather
than deleting keeps the text exactly as long as the input, so evidence offsets
still index the original Markdown: ``original[start:end] == evidence.text``.

- YAML front matter (``---`` … ``---`` at the very top) is blanked; its scalar
  ``title``, ``date``/``published``, ``url``, ``author``, ``source``/``outlet``
  keys become metadata (sidecar values still win).
- Headings ``#``, block quotes ``>``, list bullets, rules ``---``, code fences,
  emphasis ``**``/``__``/``*``, strike-through ``~~`` and backslash escapes: the
  markers are blanked, the words kept.
- Links ``[text](url)``: the text is kept, brackets and URL blanked; images
  ``![alt](url)``, reference definitions and HTML tags (``<figure>``, ``<img>``)
  are blanked whole.
"""

from __future__ import annotations

import functools
from typing import Any

import regex

__all__ = ["FRONT_MATTER_KEYS", "blank_markdown", "front_matter", "front_matter_meta", "looks_like_markdown"]

_FRONT = regex.compile(r"\A\ufeff?---[ \t]*\n(?P<body>(?:[^\n]*\n){0,200}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_KEY = regex.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$", regex.M)

_SIGNALS = (
    regex.compile(r"^#{1,6}[ \t]+\S", regex.M),
    regex.compile(r"\]\((?:https?:|/|\.)[^)\s]*\)"),
    regex.compile(r"^\s*\*\*[^*\n]+\*\*\s*$", regex.M),
    regex.compile(r"~~[^~\n]+~~"),
    regex.compile(r"!\[[^\]\n]*\]\("),
    regex.compile(r"^>[ \t]", regex.M),
)

_NOT_NEWLINE = regex.compile(r"[^\n]")
_TOP_HEADING = regex.compile(r"\A\s*#{1,6}[ \t]+\S[^\n]*\n")


def looks_like_markdown(text: str) -> bool:
    """Front matter at the top, or at least two kinds of Markdown markup near the top.

    >>> looks_like_markdown("# 标题\\n\\n正文[链接](https://x.cn/1)。")
    True
    >>> looks_like_markdown("#新冠肺炎最新动态#【#重庆新增18例#】1月25日……")
    False
    >>> looks_like_markdown("### 重庆新增18例\\n1月25日……")
    True
    """
    head = text[:20000]
    if (front := _FRONT.match(head)) and _KEY.search(front["body"]):
        return True
    if _TOP_HEADING.match(head):
        return True  # the text opens with a heading: ### 标题
    return sum(1 for p in _SIGNALS if p.search(head)) >= 2


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].replace('\\"', '"')
    return value.strip()


def front_matter(text: str) -> tuple[dict[str, Any], int]:
    """The scalar keys of a YAML front matter block and the block's end offset (0: none).

    >>> front_matter('---\\ntitle: "标题"\\ndate: 2020-02-09\\ntags:\\n  - "a"\\n---\\n正文')
    ({'title': '标题', 'date': '2020-02-09'}, 51)
    """
    m = _FRONT.match(text)
    if m is None:
        return {}, 0
    found: dict[str, Any] = {}
    for km in _KEY.finditer(m["body"]):
        value = _unquote(km["value"])
        if value and not value.startswith(("[", "{", "|", ">")) and km["key"].lower() not in found:
            found[km["key"].lower()] = value
    return found, m.end()


#: Front matter key → metadata key (first present wins).
FRONT_MATTER_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "published": ("date", "published", "pubdate", "publish_date"),
    "url": ("original_url", "url", "link", "permalink"),
    "outlet": ("source", "outlet", "publisher", "site"),
    "author": ("author",),
}


def front_matter_meta(text: str) -> dict[str, str]:
    """Metadata (``title``, ``published``, ``url``, ``outlet``, ``author``) from the front matter."""
    found, _ = front_matter(text)
    meta: dict[str, str] = {}
    for key, names in FRONT_MATTER_KEYS.items():
        for name in names:
            if found.get(name):
                meta[key] = str(found[name])
                break
    return meta


@functools.cache
def _patterns() -> list[tuple[regex.Pattern[str], str]]:
    """The markup's patterns, compiled on the first Markdown text: a run of plain texts never needs them."""
    return [
        # Whole constructs blanked.
        (regex.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)"), "all"),                 # images
        (regex.compile(r"^[ \t]{0,3}\[[^\]\n]{1,200}\]:[ \t]*\S+.*$", regex.M), "all"),   # reference definitions
        (regex.compile(r"</?[A-Za-z][\w-]{0,20}(?:\s[^<>]{0,2000})?/?>"), "all"),          # HTML tags
        (regex.compile(r"<!--.{0,5000}?-->", regex.S), "all"),                             # HTML comments
        (regex.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", regex.M), "all"),               # rules
        (regex.compile(r"^[ \t]{0,3}(?:```|~~~).*$", regex.M), "all"),                     # code fences
        # Markers blanked, words kept.
        (regex.compile(r"(?P<m1>~~)(?=\S)[^\n]{0,2000}?(?P<m2>~~)"), "marks"),            # strike-through
        (regex.compile(r"(?<!\!)(?P<m1>\[)(?=[^\]\n]{0,500}\]\()[^\]\n]{0,500}(?P<m2>\]\([^)\n]{0,2000}\))"), "marks"),  # links
        (regex.compile(r"(?P<m1>\[)[^\]\n]{1,200}(?P<m2>\]\[[^\]\n]{0,200}\])"), "marks"),  # reference links
        (regex.compile(r"^(?P<m1>[ \t]{0,3}#{1,6}[ \t]+)[^\n]*?(?P<m2>[ \t]+#+[ \t]*)?$", regex.M), "marks"),  # headings
        (regex.compile(r"^(?P<m1>(?:[ \t]{0,3}>[ \t]?)+)", regex.M), "marks"),            # block quotes
        (regex.compile(r"^(?P<m1>[ \t]{0,6}[-*+][ \t]+)(?=\S)", regex.M), "marks"),       # bullets
        (regex.compile(r"(?P<m1>\*\*|__)(?=\S)[^\n]{0,2000}?(?<=\S)(?P<m2>\1)"), "marks"), # strong
        (regex.compile(r"(?<![\w*])(?P<m1>\*)(?=[^\s*])[^*\n]{0,500}?(?<=[^\s*])(?P<m2>\*)(?![\w*])"), "marks"),  # emphasis
        (regex.compile(r"(?P<m1>\\)[\\`*_{}\[\]()#+\-.!~|<>]"), "marks"),                 # escapes
    ]


def _blank(s: str) -> str:
    return _NOT_NEWLINE.sub(" ", s)


def blank_markdown(text: str) -> str:
    """``text`` with its Markdown markup blanked; same length, same line breaks.

    >>> blank_markdown("### 标题 ###")
    '    标题    '
    >>> blank_markdown("市委书记[陈敏尔](https://x.cn/a)主持")
    '市委书记 陈敏尔                 主持'
    >>> blank_markdown("**编辑/石爱华**")
    '  编辑/石爱华  '
    """
    chars = list(text)
    _, end = front_matter(text)
    for i in range(end):
        if chars[i] != "\n":
            chars[i] = " "
    current = "".join(chars)
    for pattern, how in _patterns():
        spans: list[tuple[int, int]] = []
        for m in pattern.finditer(current, end, concurrent=False):
            if how == "all":
                spans.append(m.span())
            else:
                for g in ("m1", "m2"):
                    if g in pattern.groupindex and m.start(g) >= 0:
                        spans.append(m.span(g))
        if spans:
            for s, e in spans:
                chars[s:e] = _blank(current[s:e])
            current = "".join(chars)
    return current
