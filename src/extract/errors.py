"""Exceptions: one base class, raised only at the boundary or for bad data files.

"No match" inside an extractor is a value (``None`` or ``[]``), never an exception.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import ErrorCode

__all__ = ["ExtractError", "InputProblem", "ResourceError", "UsageError"]


class ExtractError(Exception):
    """Base class of every exception this package raises on purpose."""


class ResourceError(ExtractError):
    """A packaged data file (gazetteer, lexicon) is malformed."""


class UsageError(ExtractError):
    """The command line is wrong (exit status 2)."""


class InputProblem(ExtractError):
    """One input cannot be read or processed; becomes an ``errors.jsonl`` record.

    Attributes:
        code: short machine-readable kind (``undecodable``, ``empty`` …).
    """

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
