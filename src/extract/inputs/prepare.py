"""From an input's text to the text the pipeline reads: format, conversion, markup.

- The format is given (``.html``, ``.md``) or recognised (``auto``: an HTML page or
  HTML-dense text, Markdown with front matter or several kinds of markup, else text).
- HTML is converted (:mod:`.html`); the converted text is what evidence indexes.
- Markdown keeps its text; its markup is blanked on the normalised twin
  (:func:`blank_markup`), its front matter gives metadata.
- In every format, reposting debris is blanked too: ``#话题#`` marks (the words stay),
  ``http://t.cn/…`` short links, ``…全文`` tails, ``[视频]`` tags before a headline.
- Pinyin that content farms write after characters (時(shí), 無(wú)新增) is removed (warning
  ``pinyin_removed``): the text without it is what evidence indexes, given in ``articles.jsonl``.
- Hard-wrapped text (forum posts broken into lines of one width, :mod:`.wraps`) has the breaks
  inside its sentences removed (warning ``lines_unwrapped``), likewise given in ``articles.jsonl``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import regex

from ..errors import InputProblem
from ..models import ArticleWarning, InputFormat
from ..normalize import unify_line_ends
from .html import html_to_text, looks_like_html
from .markdown import blank_markdown, front_matter, front_matter_meta, looks_like_markdown
from .wraps import unwrap

__all__ = ["Prepared", "blank_markup", "first_full_date", "headline_view", "prepare", "sniff"]


@dataclass
class Prepared:
    """The text to analyse, its format, the metadata found in the markup, and warnings."""

    text: str
    format: InputFormat
    meta: dict[str, Any]
    warnings: list[ArticleWarning] = field(default_factory=list)
    weibo: bool = True
    #: The text is not the input's (pinyin removed): the article record carries it.
    rewritten: bool = False


def sniff(text: str) -> InputFormat:
    """``html``, ``markdown`` or ``text``.

    >>> sniff("<html><body><p>正文</p></body></html>"), sniff("---\\ntitle: 标题\\n---\\n正文"), sniff("正文")
    ('html', 'markdown', 'text')
    """
    head = text[:_SNIFF_HEAD]  # (the text itself when it is shorter: no copy)
    if head.startswith(_FRONT_OPENINGS) and front_matter(head)[1]:
        return "markdown"  # a Markdown post may hold <figure> tags: its front matter decides
    if "<" in head and looks_like_html(text):
        return "html"
    if _may_be_markdown(head) and looks_like_markdown(text):
        return "markdown"
    return "text"


#: How much of a text the format tests read (:func:`looks_like_html`, :func:`looks_like_markdown` and
#: :func:`sniff`'s front matter read its first 20,000 characters).
_SNIFF_HEAD = 20000
#: What a front matter block opens with (``markdown._FRONT``: ``\A\ufeff?---``).
_FRONT_OPENINGS = ("---", "\ufeff---")
#: A string each of Markdown's signs holds (``markdown._SIGNALS``: a heading's #, a quote's >, a link's ](, a bold
#: line's **, a strike-through's ~~ and an image's ![), after a character of it: a one-character test is a
#: memchr-fast scan, and most texts fail it.
_MARKDOWN_SIGNS = (("#", "#"), (">", ">"), ("]", "]("), ("*", "**"), ("~", "~~"), ("[", "!["))


def _may_be_markdown(head: str) -> bool:
    """Whether :func:`looks_like_markdown` may hold for a text whose first characters are ``head``: it needs
    front matter at the top, a heading at the top (a # after blanks: str's blanks hold the pattern's \\s) or
    two of its signs, each holding one of :data:`_MARKDOWN_SIGNS`. A plain text holds at most one of them
    (#话题# marks, a >, or none): its searches of the whole head are spared (str tests, memchr-fast scans)."""
    if head.startswith(_FRONT_OPENINGS) or head.lstrip().startswith("#"):
        return True
    signs = 0
    for char, sign in _MARKDOWN_SIGNS:
        if char in head and sign in head:
            signs += 1
            if signs == 2:
                return True
    return False


_AUTHOR_OUTLET = regex.compile(
    r"^(?P<outlet>\p{Han}{1,10}?(?:新闻|新聞|报|報|网|網|社|台|週刊|周刊))"
    r"(?:\p{Han}{1,4}?[组組部])?(?:记者|記者|编辑|編輯|特约记者)?\p{Han}{0,4}$"
)


def author_outlet(author: str) -> str | None:
    """The outlet an author line names.

    >>> author_outlet("眾新聞記者"), author_outlet("眾新聞中國組"), author_outlet("中國組記者廖廸莎")
    ('眾新聞', '眾新聞', None)
    """
    m = _AUTHOR_OUTLET.match(author.strip())
    return m["outlet"] if m else None


_FORMATS: dict[str, InputFormat] = {"text": "text", "markdown": "markdown", "html": "html"}


def prepare(text: str, format: str, meta: dict[str, Any]) -> Prepared:
    """The text and metadata of one input; ``meta`` (sidecar, record fields) wins over the markup's.

    Raises:
        InputProblem: ``empty`` when a page given as ``html`` has no readable text.
    """
    view = unify_line_ends(text)  # CR LF and lone CR read as line breaks; the same offsets
    fmt = _FORMATS.get(format) or sniff(view)
    warnings = [ArticleWarning(code=c, message=m) for c, m in meta.pop("_warnings", [])]
    if fmt == "html":
        try:
            conv = html_to_text(view)
        except InputProblem:
            if format == "html":
                raise
            fmt = "text"
            warnings.append(ArticleWarning(code="html_without_text",
                                           message="the text looks like HTML but has no readable text; read as plain text"))
        else:
            text, meta = conv.text, {**conv.meta, **meta}
    elif fmt == "markdown":
        found = front_matter_meta(view)
        author = found.pop("author", None)
        if "outlet" not in found and author and (outlet := author_outlet(author)):
            found["outlet"] = outlet  # author: 眾新聞記者, 眾新聞中國組 → the outlet 眾新聞
        meta = {**found, **meta}
    text, removed = strip_pinyin(text)
    if removed:
        warnings.append(_rewritten("pinyin_removed", f"{removed} pinyin annotation(s) after characters (時(shí)) removed"))
    joined = 0
    if fmt != "markdown":  # Markdown's line breaks are its markup's
        text, joined = unwrap(text)
        if joined:
            warnings.append(_rewritten("lines_unwrapped", f"hard-wrapped text: {joined} line break(s) inside sentences removed"))
    return Prepared(text=text, format=fmt, meta=meta, warnings=warnings, weibo=True, rewritten=bool(removed or joined))


def _rewritten(code: str, what: str) -> ArticleWarning:
    """The warning of a text the pipeline reads without some of its characters."""
    return ArticleWarning(code=code, message=f"{what}; evidence indexes the text without them (the article record's text)")


#: One syllable of pinyin with its tone mark, in brackets right after a Han character: 時(shí), 網（wǎng）.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = regex.compile(rf"(?<=\p{{Han}})[(（][a-zü]*[{_TONED}][a-zü]*[)）]")
_TONE_MARK = re.compile(f"[{_TONED}]")  # (re: a one-class scan of every text, faster than regex)


def strip_pinyin(text: str) -> tuple[str, int]:
    """``text`` without the pinyin some sites print after characters, and how many were removed.

    A bracketed syllable needs a tone mark: (shí) goes, (de) and (CNA) stay.

    >>> strip_pinyin("9月22日0—24時(shí),重慶市無(wú)新增本土確診病例（de）")
    ('9月22日0—24時,重慶市無新增本土確診病例（de）', 2)
    """
    if not _may_hold_pinyin(text) or _TONE_MARK.search(text) is None:
        return text, 0
    return _PINYIN.subn("", text)


#: What a match of :data:`_PINYIN` holds right after its bracket: a letter of its syllable or a tone mark.
_SYLLABLE_FIRSTS = frozenset("abcdefghijklmnopqrstuvwxyzü" + _TONED)


def _may_hold_pinyin(text: str) -> bool:
    """Whether some bracket of ``text`` is followed by a letter of a syllable, as every match of :data:`_PINYIN`
    is: the brackets are found by ``str.find`` (memchr-fast), and most articles have a few, none before a
    letter, where :data:`_TONE_MARK`'s search tests every character of the text (~25 K instructions an article)."""
    for bracket in "(（":
        at = text.find(bracket)
        while at >= 0:
            if text[at + 1 : at + 2] in _SYLLABLE_FIRSTS:
                return True
            at = text.find(bracket, at + 1)
    return False


_DEBRIS = regex.compile(
    r"""
    https?://t\.cn/[A-Za-z0-9]+                              # Weibo short links
    | (?:…|\.{3}|。{3})\s*(?:展开)?全文(?:\s*>)?(?=\s*$)           # …全文 tails of cut posts
    | ^[ \t]*\[(?:视频|组图|图|直播|图文|音频|独家|快讯)\]          # [视频] before a headline
    """,
    regex.VERBOSE | regex.M,
)
_LINKS = regex.compile(
    r"https?://t\.cn/[A-Za-z0-9]+|(?:…|\.{3}|。{3})\s*(?:展开)?全文(?:\s*>)?(?=\s*$)", regex.M
)  # the debris a headline never keeps (its [视频] tag and #话题# marks it does)
_HASHTAG = regex.compile(r"(?P<a>#)[^#\n\s]{1,60}(?P<b>#)")
_NOT_NEWLINE = regex.compile(r"[^\n]")


def blank_markup(text: str, markdown: bool) -> str:
    """The normalised text with markup and reposting debris blanked (same length).

    >>> blank_markup("#新冠肺炎#【#重庆新增18例#】正文http://t.cn/A6P5sOpP", False).split()
    ['新冠肺炎', '【', '重庆新增18例', '】正文']
    """
    if markdown:
        text = blank_markdown(text)
    # Each pattern only where its words stand: a link holds t.cn, a tail 全文, a tag [, a topic #.
    debris = list(_DEBRIS.finditer(text)) if "t.cn" in text or "全文" in text or "[" in text else []
    topics = list(_HASHTAG.finditer(text)) if "#" in text else []
    if not debris and not topics:
        return text
    chars = list(text)
    for m in debris:
        chars[m.start() : m.end()] = _NOT_NEWLINE.sub(" ", m.group())
    for m in topics:
        chars[m.start("a")] = " "
        chars[m.start("b")] = " "
    return "".join(chars)


def headline_view(text: str, markdown: bool) -> str:
    """The normalised text as titles are read from it (same length): Markdown markup, short
    links and ``…全文`` tails blanked, ``[视频]`` tags and ``#话题#`` marks kept as written.

    >>> headline_view("[视频]标题http://t.cn/A6P5sOpP", False)
    '[视频]标题                    '
    """
    if markdown:
        text = blank_markdown(text)
    if "t.cn" not in text and "全文" not in text:
        return text
    return _LINKS.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group()), text)


_FULL_DATE = regex.compile(r"(?<!\d)(?P<y>20\d\d|19\d\d)\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日|-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})(?!\d))")


def first_full_date(text: str) -> dt.date | None:
    """The first full date (year, month and day) written in ``text``.

    >>> first_full_date("据通报，2022年11月23日0—24时，全市新增……")
    datetime.date(2022, 11, 23)
    >>> first_full_date("11月23日新增") is None
    True
    """
    for m in _FULL_DATE.finditer(text):
        try:
            return dt.date(int(m["y"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))
        except ValueError:
            continue
    return None
