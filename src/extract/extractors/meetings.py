"""Meetings (placeholder until the meetings extractor lands)."""

from __future__ import annotations

from ..document import Doc
from ..models import Meeting, Official


def extract(doc: Doc, officials: list[Official]) -> list[Meeting]:
    return []
