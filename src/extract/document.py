"""The document every extractor reads.

``Doc.text`` is the normalised (Simplified, half-width) text of the article
with everything outside the body — page junk, mastheads, by-lines, footers —
blanked out (each character replaced by a space, line breaks kept). It has
exactly the length of the original, so an extractor can run its patterns over
the whole string and any span it finds is already an offset into the original
text: ``doc.evidence(start, end)`` turns it into an :class:`Evidence`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .models import Evidence

__all__ = ["Doc", "blank_outside", "iter_sentences"]


def blank_outside(text: str, keep: Sequence[tuple[int, int]]) -> str:
    """``text`` with every character outside the ``keep`` spans blanked (newlines kept)."""
    blank = _blank(text)  # blanked once: a piece of it is the piece of the text blanked
    parts: list[str] = []
    pos = 0
    for s, e in sorted(keep):
        if s > pos:
            parts.append(blank[pos:s])
        parts.append(text[max(s, pos) : e])
        pos = max(pos, e)
    if pos < len(text):
        parts.append(blank[pos:])
    return "".join(parts)


def _blank(s: str) -> str:
    if "\n" not in s:
        return " " * len(s)  # every character but a line break becomes a space
    return "\n".join(" " * len(part) for part in s.split("\n"))


#: The standard library's engine: a class of literal characters, found alike and faster.
_SENTENCE_END = re.compile(r"[。!?;！？；\n]+")


def iter_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Spans of sentences in ``text[start:end]``: split after 。!?; and line breaks.

    >>> t = "甲。乙;丙\\n丁"
    >>> [t[s:e] for s, e in iter_sentences(t)]
    ['甲。', '乙;', '丙', '丁']
    """
    return iter(_sentences(text, start, len(text) if end is None else end))


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    append = out.append
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        s, e = m.span()
        if text[s] != "\n":
            append((pos, e))  # ended by a mark, which is no space: never blank
        elif pos < s and not text[pos:s].isspace():  # not blank (as .strip() would say)
            append((pos, s))
        pos = e
    if pos < end and not text[pos:end].isspace():
        append((pos, end))
    return out


@dataclass(frozen=True, slots=True)
class Doc:
    """A normalised article, ready for the extractors.

    Attributes:
        article_id: the article's id (every record carries it).
        original: the decoded original text (evidence points here).
        text: the normalised text, body only (see module doc); ``len(text) == len(original)``.
        body: ``(start, end)`` of the body in both texts.
        published: the article's date, the reference for dates without a year.
        title: the headline (Simplified), which often names the place a notice is about.
        outlet: the publishing outlet or issuing body (Simplified), e.g. 上海市卫生健康委员会.
        published_from_text: ``published`` is no publication date but the first full date written in
            the text (the one year rule): it gives years, never a bound (a background paragraph's
            2019年12月30日 must not drop a notice's 1月28日 counts as "after the article").
    """

    article_id: str
    original: str
    text: str
    body: tuple[int, int]
    published: dt.date | None = None
    title: str | None = None
    outlet: str | None = None
    published_from_text: bool = False

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for the span ``[start, end)`` (normalised and original offsets agree)."""
        # The model's own validator, as Evidence(...) calls it (the checks, the error), without __init__.
        found: Evidence = _VALIDATE_EVIDENCE({"start": start, "end": end, "text": self.original[start:end]})
        return found

    def sentences(self) -> Iterator[tuple[int, int]]:
        """Sentence spans of the body (split once per text: several extractors read them)."""
        return iter(_body_sentences(self.text, *self.body))


_VALIDATE_EVIDENCE = Evidence.__pydantic_validator__.validate_python


@functools.lru_cache(maxsize=4)
def _body_sentences(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    return tuple(_sentences(text, start, end))
