"""HTML inputs: the main text, title, date and site name of a saved web page.

The main text and metadata come from `trafilatura <https://trafilatura.readthedocs.io>`_
(the field's standard boilerplate remover: it scores the page's blocks and drops
navigation, comments, related-article lists and scripts), not from hand-written tag
stripping. Judged on the four saved pages of ``../shared/corpus`` (网易, 长江网, 澎湃,
中山网), its default mode keeps every article body whole and drops the menus, while
``favor_precision`` lost the 网易 body entirely; what it leaves around the body
(a 热点新闻 list, a 发布日期/责任编辑 line) is the page junk ``article.py`` already
classifies. Its output is plain text with one block per line; table rows
(``| a | b |``) are split back into one line per cell.

The converted text is what evidence offsets index for an HTML input, so it is
written to ``articles.jsonl`` (``text``) for every converted input.

Bounds: pages over :data:`FAST_PATH_CHARS` (real pages are 5–400 KB) skip
trafilatura's scoring, which takes minutes on a 20 MB page, and keep the running
text of the whole page (lxml; scripts, styles, navigation, headers, footers and link
texts dropped); so does a page where trafilatura finds no main text. A page lxml
cannot parse (tags nested beyond libxml2's depth limit) keeps the text between its
tags. A page with no visible text is an ``empty`` error.
"""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import regex

from ..errors import InputProblem

__all__ = ["Converted", "html_to_text", "looks_like_html"]

#: Above this many characters a page goes the fast way (visible text only).
FAST_PATH_CHARS = 3_000_000

_HTML_START = regex.compile(r"\A[\s\ufeff]*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", regex.I | regex.S)
_TAG = regex.compile(r"</?(?:p|div|br|span|a|img|table|tr|td|li|ul|h[1-6]|strong|b|em|section|article|font)\b[^<>]{0,500}>", regex.I)


def looks_like_html(text: str) -> bool:
    """A page (``<!DOCTYPE html>``, ``<html>`` …) or text dense with HTML tags.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>正文</p></body></html>")
    True
    >>> looks_like_html("<p>1月25日，重庆新增18例。</p><p>其中万州区3例。</p>")
    True
    >>> looks_like_html("重庆新增18例，详见<附件>。")
    False
    """
    head = text[:20000]
    if _HTML_START.match(head):
        return True
    tags = _TAG.findall(head)
    return len(tags) >= 2 and sum(map(len, tags)) * 20 >= min(len(head.strip()), 2000)


@dataclass(frozen=True, slots=True)
class Converted:
    """The text of a page and the metadata found in its markup."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)


class _PagePatterns(NamedTuple):
    """The patterns that read a page's text once it is known to be HTML."""

    cell_sep: regex.Pattern[str]
    site_junk: regex.Pattern[str]
    title_split: regex.Pattern[str]
    media: regex.Pattern[str]
    invisible: regex.Pattern[str]
    any_tag: regex.Pattern[str]


@functools.cache
def _page() -> _PagePatterns:
    """Compiled on the first HTML page: a run of plain texts never needs them."""
    return _PagePatterns(
        cell_sep=regex.compile(r"\s*\|\s*"),
        site_junk=regex.compile(r"(?:版权所有|版權所有|copyright|©|\(c\)|all rights reserved|首页|官网|官方网站)", regex.I),
        title_split=regex.compile(r"\s*(?:[_|｜]|\s[-–—]\s|--)\s*"),
        media=regex.compile(r"(?:网|網|报|報|新闻|新聞|日报|晚报|时报|电视台|客户端|在线|在線|频道|政府|办事处|新华社|[A-Za-z]{2,}\.(?:com|cn|net))$"),
        invisible=regex.compile(r"<(script|style|noscript|template|title)\b[^>]*+>.*?</\1\s*>|<!--.*?(?:-->|\Z)", regex.I | regex.S),
        any_tag=regex.compile(r"<[!/?]?[A-Za-z][^<>]*+>"),
    )


def _cells(text: str) -> str:
    """Table rows as trafilatura writes them (``| a | b |``) become one line per cell."""
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("|"):
            out.extend(c for c in _page().cell_sep.split(stripped.strip("|")) if c.strip())
        else:
            out.append(line.rstrip())
    return "\n".join(out)


def _clean_site(name: str | None) -> str | None:
    if not name:
        return None
    name = _page().site_junk.sub("", name).strip(" -_|·")
    return name if 2 <= len(name) <= 20 else None


def _split_title(title: str | None) -> tuple[str | None, str | None]:
    """A page title without its site suffix (``标题_中山网`` → ``标题``, ``中山网``)."""
    if not title:
        return None, None
    parts = [p for p in _page().title_split.split(title.strip()) if p]
    if len(parts) >= 2 and _page().media.search(parts[-1]) and len(parts[-1]) <= 12:
        # 标题 东区办事处_中山网: the last part names the site, the others are sections.
        head = parts[0]
        return head.strip() or None, parts[-1]
    return title.strip(), None


def _strip_duplicate_site(title: str, site: str | None) -> str:
    if site and title.endswith(site) and len(title) > len(site) + 4:
        return title[: -len(site)].rstrip(" _-|")
    return title


@functools.cache
def _trafilatura() -> Any:
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    return trafilatura


def _visible_text(html: str) -> tuple[str, str | None]:
    """The visible text of a whole page, one block per line, and its ``<title>``.

    Scripts, styles, navigation, headers, footers, forms and link texts are left
    out: what remains of a huge page is its running text.
    """
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return "", None
    title = root.findtext(".//title")
    try:
        for bad in list(root.iter("title", "script", "style", "noscript", "template", "nav", "header", "footer",
                                  "aside", "form", "select", "button")):
            if bad.getparent() is not None:
                bad.drop_tree()
    except ValueError:  # a tail moved by drop_tree holds a character XML cannot (the parser let it in)
        return "", title  # the caller keeps the text between the tags
    for link in root.iter("a"):
        link.text = None
        for child in list(link):
            link.remove(child)
    lines = []
    for piece in root.itertext():
        piece = piece.strip()
        if piece:
            lines.append(piece)
    return "\n".join(lines), title


def _stripped_text(html: str) -> str:
    """The text between the tags, for a page lxml cannot build a tree of (tags nested
    thousands deep: libxml2 stops at depth 256 and keeps nothing). Scripts, styles and
    comments are left out; linear in the page's length."""
    import html as html_lib

    page = _page()
    text = page.any_tag.sub("\n", page.invisible.sub("\n", html))
    lines = (line.strip() for line in html_lib.unescape(text).split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(html: str) -> Converted:
    """The main text and metadata (``title``, ``published``, ``outlet``, ``url``) of a page.

    Raises:
        InputProblem: ``empty`` when the page has no readable text.
    """
    meta: dict[str, Any] = {}
    text = ""
    if len(html) <= FAST_PATH_CHARS:
        traf = _trafilatura()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                # Dates from the page's markup only (meta tags, <time>, the URL): htmldate's
                # extensive search guesses from any year in the text (2022 → 2022-01-01);
                # a dateline in the text is read by article.py instead.
                doc = traf.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=True, include_images=False,
                                           date_extraction_params={"extensive_search": False, "original_date": True})
            except Exception:  # noqa: BLE001 - a page the library cannot handle goes the plain way
                doc = None
        if doc is not None:
            d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
            text = _cells(d.get("text") or "")
            title, title_site = _split_title(d.get("title"))
            site = _clean_site(d.get("sitename")) or title_site
            if title:
                title = _strip_duplicate_site(title, site)
                if title not in text and " " in title and title.rsplit(" ", 1)[0] in text:
                    title = title.rsplit(" ", 1)[0]  # 标题 栏目名: the section name is not in the headline
                meta["title"] = title
            if site:
                meta["outlet"] = site
            if d.get("date"):
                meta["published"] = d["date"]
            if d.get("url"):
                meta["url"] = d["url"]
    if not text.strip():
        text, page_title = _visible_text(html)
        title, site = _split_title(page_title)
        if title and "title" not in meta:
            meta["title"] = title
        if site and "outlet" not in meta:
            meta["outlet"] = site
    if not text.strip():
        text = _stripped_text(html)
    if not text.strip():
        raise InputProblem("empty", "the HTML page has no readable text (only markup or scripts)")
    return Converted(text=text, meta=meta)
