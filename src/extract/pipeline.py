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
from .inputs.dates import parse_published_value
from .inputs.prepare import blank_markup, first_full_date, headline_view, prepare
from .models import Article, ArticleExtraction, ArticleWarning, CaseCount, District, Meeting, Official, Span
from .normalize import Normalized, as_written, normalize
from .record_ids import article_record_id, with_new_record_ids

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
    places, place_warnings = districts.extract_with_warnings(doc, [p.name for p in people])
    return Extracted(
        case_counts=counts,
        districts=places,
        meetings=meetings.extract(doc, people),
        officials=people,
        warnings=warnings + place_warnings,
    )


def extract_text(
    text: str,
    published: str | int | float | dt.date | None = None,
    *,
    article_id: str = "article",
    source: str = "<text>",
    meta: Mapping[str, Any] | None = None,
    sha256: str | None = None,
    encoding: str = "utf-8",
    format: str = "auto",
    with_text: bool = False,
) -> ArticleExtraction:
    """Extract everything from one article's text.

    Args:
        text: the article as it was published (Simplified or Traditional; plain text,
            Markdown or an HTML page).
        published: the article's date in any common form (see :mod:`extract.inputs.dates`),
            overriding what the text says; an unreadable one is a warning, never an error.
        article_id: the id every record carries.
        source: where the text came from, for ``articles.jsonl``.
        meta: sidecar values (``published``, ``url``, ``title``, ``outlet``); they win over the text.
        sha256: digest of the raw bytes, when the caller has them (else of the text in UTF-8).
        encoding: how the raw bytes were decoded.
        format: ``auto`` (HTML and Markdown are recognised), ``text``, ``markdown`` or ``html``.
        with_text: put the text evidence indexes into the article record (always done for HTML and for a text with pinyin removed).

    Returns:
        The article record and every extracted record, validated. ``result.text`` is
        the text evidence offsets index.
    """
    meta = dict(meta or {})
    digest = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    prep = prepare(text, format, meta)
    if published is not None:
        prep.meta["published"] = published
    text = prep.text
    raw_published = prep.meta.pop("published", None)
    pub = parse_published_value(raw_published) if raw_published not in (None, "") else None
    warnings = list(prep.warnings)
    if raw_published not in (None, "") and pub is None:
        warnings.append(ArticleWarning(code="unreadable_published",
                                       message=f"published {str(raw_published)[:60]!r} is not a date in any known form; "
                                               "the date was looked for in the text instead"))
    norm = normalize(text)
    headline = norm.text
    if prep.format == "markdown" or prep.weibo:
        headline = headline_view(norm.text, prep.format == "markdown")  # titles keep #话题#, [视频]
        norm = Normalized(original=norm.original, text=blank_markup(headline, False), script=norm.script)
    info = analyse_article(norm, prep.meta, headline_text=as_written(headline, norm.original))
    if pub is None and info.published is not None:
        pub = parse_published_value(info.published)
    ref = pub.date if pub is not None else None
    body_text = blank_outside(norm.text, info.keep)
    from_text = ref is None
    if from_text:
        ref = first_full_date(body_text)  # the one year rule: a date written in the text
    doc = Doc(
        article_id=article_id,
        original=text,
        text=body_text,
        body=info.body,
        published=ref,
        title=info.title,
        outlet=info.outlet,
        published_from_text=from_text and ref is not None,
    )
    found = run_extractors(doc)
    undated = [c for c in found.case_counts if c.date is None]
    if undated:
        warnings.append(ArticleWarning(
            code="undated_counts",
            message=f"{len(undated)} case count(s) have no date: no publication date is known and "
                    "no full date (year, month and day) is written in the text",
            evidence=undated[0].evidence))
    article = Article(
        record_id=article_record_id(article_id),
        article_id=article_id,
        source=source,
        sha256=digest,
        title=info.title,
        outlet=info.outlet,
        published=pub.date if pub is not None else None,
        published_at=pub.at if pub is not None else None,
        url=info.url,
        format=prep.format,
        script=norm.script,
        encoding=encoding,
        reporters=info.reporters,
        editors=info.editors,
        photographers=info.photographers,
        body=Span(start=info.body[0], end=info.body[1]),
        warnings=[*warnings, *found.warnings],
        extractor_version=__version__,
        text=text if (with_text or prep.format == "html" or prep.rewritten) else None,
    )
    # The records, just built for this article, get their ids in place (what with_record_ids gives).
    records = with_new_record_ids(article_id, found.case_counts, found.districts, found.meetings, found.officials)
    return ArticleExtraction(article=article, text=text, **records)
