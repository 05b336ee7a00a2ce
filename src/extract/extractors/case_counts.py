"""Dated case counts (placeholder until the case-count extractor lands)."""

from __future__ import annotations

from ..document import Doc
from ..models import ArticleWarning, CaseCount


def extract(doc: Doc) -> tuple[list[CaseCount], list[ArticleWarning]]:
    return [], []
