"""An article's text without its blank margins, shared by the whole-text automaton scans.

The text the extractors read is blanked outside the article's body (:func:`extract.document.blank_outside`):
page furniture and the header become spaces, about a fifth of the bytes an automaton reads. A word with
no white space in it cannot match there, so a scan of the text between its first and last characters
that are no blank finds every occurrence the whole text holds, at offsets shifted by where that part
starts. The automata take a ``str`` and read its UTF-8 form, which CPython builds once per string object
(~9 instructions a character) and keeps: the scans that read the same part share one string, and so
its UTF-8 form, through the small cache here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

__all__ = ["blank_free", "inner_text"]


@functools.lru_cache(maxsize=4)
def inner_text(text: str) -> tuple[str, int]:
    """``text`` without its blank margins (``str.strip``), and where that part starts in ``text``.

    >>> inner_text("  甲乙 \\n")
    ('甲乙', 2)
    >>> inner_text("甲乙")
    ('甲乙', 0)
    """
    inner = text.strip()
    if len(inner) == len(text) or not inner:
        return inner, 0
    return inner, text.find(inner[0])  # (everything before it is blank: its first occurrence starts the part)


def blank_free(words: Iterable[str]) -> bool:
    """Whether none of ``words`` holds white space (then none can match in a blank margin)."""
    return not any(c.isspace() for w in words for c in w)
