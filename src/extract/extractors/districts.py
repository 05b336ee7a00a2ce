"""District mentions (placeholder until the districts extractor lands)."""

from __future__ import annotations

from ..document import Doc
from ..models import District


def extract(doc: Doc) -> list[District]:
    return []
