"""Crawled records (JSON, JSONL, CSV, Parquet rows): which field holds what.

Crawlers name their fields in many ways; the first of these names present in a
record (compared case-insensitively) is used, unless ``--fields`` maps a role to
a field explicitly (``--fields text=content,published=pub_time``):

=========  ==================================================================
role       field names recognised, in order
=========  ==================================================================
text       text, content, body, 正文, article, 内容, html, summary
id         id, doc_id, docid, uuid, _id, article_id, 编号
published  published, pub_time, publish_time, pubtime, pubdate, publish_date,
           published_at, date, datetime, time, 时间, 发布时间, 日期
title      title, headline, 标题
url        url, link, href, source_url, 链接, 网址
outlet     outlet, source, site, sitename, site_name, media, publisher, infosource, 来源, 媒体
=========  ==================================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import UsageError

__all__ = ["ROLES", "FIELD_NAMES", "parse_fields", "pick"]

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "正文", "article", "内容", "html", "summary"),
    "id": ("id", "doc_id", "docid", "uuid", "_id", "article_id", "编号"),
    "published": ("published", "pub_time", "publish_time", "pubtime", "pubdate", "publish_date",
                  "published_at", "date", "datetime", "time", "时间", "发布时间", "日期"),
    "title": ("title", "headline", "标题"),
    "url": ("url", "link", "href", "source_url", "链接", "网址"),
    "outlet": ("outlet", "source", "site", "sitename", "site_name", "media", "publisher", "infosource", "来源", "媒体"),
}
ROLES = tuple(FIELD_NAMES)


def parse_fields(spec: str | None) -> dict[str, str]:
    """``text=content,published=pub_time`` → ``{"text": "content", "published": "pub_time"}``.

    >>> parse_fields("text=content, published=pub_time")
    {'text': 'content', 'published': 'pub_time'}

    Raises:
        UsageError: an unknown role or a malformed pair.
    """
    out: dict[str, str] = {}
    if not spec:
        return out
    for pair in spec.split(","):
        if not pair.strip():
            continue
        role, eq, name = pair.partition("=")
        role, name = role.strip(), name.strip()
        if not eq or not name:
            raise UsageError(f"--fields: {pair.strip()!r} is not ROLE=FIELD")
        if role not in FIELD_NAMES:
            raise UsageError(f"--fields: unknown role {role!r} (roles: {', '.join(ROLES)})")
        out[role] = name
    return out


def pick(record: Mapping[str, Any], role: str, fields: Mapping[str, str] | None = None) -> tuple[str | None, Any]:
    """The field name and value that play ``role`` in ``record`` (``(None, None)`` when absent).

    An explicit mapping wins; otherwise the first known name present, exact case
    first, then ignoring case. Empty values (``None``, ``""``) count as absent.

    >>> pick({"Content": "正文", "pub_time": "2022/11/24"}, "text")
    ('Content', '正文')
    >>> pick({"content": "a", "body": "b"}, "text", {"text": "body"})
    ('body', 'b')
    """
    if fields and role in fields:
        name = fields[role]
        value = record.get(name)
        return (name, value) if value not in (None, "") else (None, None)
    for name in FIELD_NAMES[role]:
        value = record.get(name)
        if value not in (None, ""):
            return name, value
    lowered = {k.lower(): k for k in record if isinstance(k, str)}
    for name in FIELD_NAMES[role]:
        key = lowered.get(name.lower())
        if key is not None and record[key] not in (None, ""):
            return key, record[key]
    return None, None
