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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .models import Evidence

__all__ = ["Doc", "blank_outside", "iter_sentences"]


def blank_outside(text: str, keep: Sequence[tuple[int, int]]) -> str:
    """``text`` with every character outside the ``keep`` spans blanked (newlines kept).

    The spans are offsets into ``text`` (``0 <= start <= end <= len(text)``). Only the gaps between
    them are blanked, and a gap of line breaks alone (the common one: the break between two kept
    lines) stays as it is: the text is copied in a few long slices, not one per span.

    >>> blank_outside("甲乙\\n丙丁\\n戊", [(0, 1), (3, 4)])
    '甲 \\n丙 \\n '
    """
    parts: list[str] = []
    copied = 0  # text[:copied] is in parts
    pos = 0  # the end of the spans read so far
    for s, e in sorted(keep):
        if s > pos:
            gap = text[pos:s]
            if gap.strip("\n"):  # something but line breaks: blanked
                parts.append(text[copied:pos])
                parts.append(_blank(gap))
                copied = s
        if e > pos:
            pos = e
    if pos < len(text):
        parts.append(text[copied:pos])
        parts.append(_blank(text[pos:]))
        copied = len(text)
    parts.append(text[copied:])
    return "".join(parts)


def _blank(s: str) -> str:
    if "\n" not in s:
        return " " * len(s)  # every character but a line break becomes a space
    # Each line's spaces made in C (map over the parts' lengths): a generator's frame per line cost more than
    # the strings (a gap of page furniture holds ~10 lines).
    return "\n".join(map(_SPACES, map(len, s.split("\n"))))


#: ``n`` spaces (``" " * n``).
_SPACES = " ".__mul__


#: The marks that end a sentence, besides the line break.
_END_MARKS = "。!?;！？；"


def iter_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Spans of sentences in ``text[start:end]``: split after 。!?; and line breaks.

    >>> t = "甲。乙;丙\\n丁"
    >>> [t[s:e] for s, e in iter_sentences(t)]
    ['甲。', '乙;', '丙', '丁']
    """
    return iter(_sentences(text, start, len(text) if end is None else end))


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of :func:`iter_sentences`: a run of marks and line breaks ends a sentence; a run that
    starts with a mark belongs to it, one that starts with a line break does not, and a sentence of
    spaces alone is none.

    Found with ``str`` methods, not a regular expression (whose engine tests every character against
    the class, three times the time): each mark present is replaced by a line break in a copy of the
    piece (same length), which is split at them; the runs lie between the non-empty parts.
    """
    piece = text[start:end]
    for mark in _END_MARKS:
        if mark in piece:
            piece = piece.replace(mark, "\n")
    out: list[tuple[int, int]] = []
    append = out.append
    pos = start  # where the sentence being read starts
    run = start  # where the current run of marks starts (the end of the last non-empty part)
    at = start  # where the current part starts
    # A sentinel character ends the piece: its last part is never empty, so a run at the end is closed here.
    for part in (piece + "x").split("\n"):
        if not part:
            at += 1  # an empty part: the run goes on
            continue
        if at > run:  # text[run:at] is a run of marks and line breaks: it ends text[pos:run]
            if text[run] != "\n":
                append((pos, at))  # ended by a mark, which is no space: never blank
            elif pos < run and not text[pos:run].isspace():  # not blank (as .strip() would say)
                append((pos, run))
            pos = at
        run = at + len(part)
        at = run + 1
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
