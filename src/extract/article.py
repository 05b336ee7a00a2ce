"""Article metadata and body (first cut: whole text is body; full version follows)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .normalize import Normalized


@dataclass
class ArticleInfo:
    title: str | None = None
    outlet: str | None = None
    published: dt.datetime | dt.date | None = None
    url: str | None = None
    reporters: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    body: tuple[int, int] = (0, 0)
    keep: list[tuple[int, int]] = field(default_factory=list)


def analyse_article(norm: Normalized, meta: Mapping[str, Any]) -> ArticleInfo:
    n = len(norm.text)
    pub = meta.get("published")
    published = dt.date.fromisoformat(pub[:10]) if isinstance(pub, str) else None
    return ArticleInfo(published=published, body=(0, n), keep=[(0, n)])
