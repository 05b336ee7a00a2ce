"""Officials (placeholder until the officials extractor lands)."""

from __future__ import annotations

from ..document import Doc
from ..models import Official


def extract(doc: Doc) -> list[Official]:
    return []
