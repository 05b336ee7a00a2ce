"""The pipeline: a short list of named stages, the same everywhere.

``normalize → article → extractors → records``. Used by :func:`extract_text`
in a notebook, by each CLI worker, and by any distributed engine later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any, NamedTuple

from . import __version__
from .article import analyse_article
from .document import Doc, blank_outside
from .extractors import case_counts, districts, meetings, officials
from .models import Article, ArticleExtraction, ArticleWarning, CaseCount, District, Meeting, Official
from .normalize import normalize

__all__ = ["Extracted", "extract_text", "run_extractors"]


class Extracted(NamedTuple):
    """What the extractors find in one document."""

    case_counts: list[CaseCount]
    districts: list[District]
    meetings: list[Meeting]
    officials: list[Official]
    warnings: list[ArticleWarning]


def run_extractors(doc: Doc) -> Extracted:
    """Run every extractor on ``doc`` (officials first: meetings resolve names against them)."""
    counts, warnings = case_counts.extract(doc)
    people = officials.extract(doc)
    places, place_warnings = districts.extract_with_warnings(doc)
    return Extracted(
        case_counts=counts,
        districts=places,
        meetings=meetings.extract(doc, people),
        officials=people,
        warnings=warnings + place_warnings,
    )


def extract_text(
    text: str,
    published: str | dt.date | None = None,
    *,
    article_id: str = "article",
    source: str = "<text>",
    meta: Mapping[str, Any] | None = None,
    sha256: str | None = None,
    encoding: str = "utf-8",
) -> ArticleExtraction:
    """Extract everything from one article's text.

    Args:
        text: the article as it was published (Simplified or Traditional).
        published: the article's date (ISO string or date), overriding what the text says.
        article_id: the id every record carries.
        source: where the text came from, for ``articles.jsonl``.
        meta: sidecar values (``published``, ``url``, ``title``, ``outlet``); they win over the text.
        sha256: digest of the raw bytes, when the caller has them (else of the text in UTF-8).
        encoding: how the raw bytes were decoded.

    Returns:
        The article record and every extracted record, validated.
    """
    meta = dict(meta or {})
    if published is not None:
        meta["published"] = published.isoformat() if isinstance(published, dt.date) else published
    norm = normalize(text)
    info = analyse_article(norm, meta)
    ref = info.published.date() if isinstance(info.published, dt.datetime) else info.published
    doc = Doc(
        article_id=article_id,
        original=text,
        text=blank_outside(norm.text, info.keep),
        body=info.body,
        published=ref,
        title=info.title,
        outlet=info.outlet,
    )
    found = run_extractors(doc)
    article = Article(
        article_id=article_id,
        source=source,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        title=info.title,
        outlet=info.outlet,
        published=info.published,
        url=info.url,
        script=norm.script,
        encoding=encoding,
        reporters=info.reporters,
        editors=info.editors,
        photographers=info.photographers,
        body={"start": info.body[0], "end": info.body[1]},
        warnings=found.warnings,
        extractor_version=__version__,
    )
    return ArticleExtraction(
        article=article,
        case_counts=found.case_counts,
        districts=found.districts,
        meetings=found.meetings,
        officials=found.officials,
    )
