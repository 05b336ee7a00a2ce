"""Loading packaged data files: one reader, one validator, one pattern builder.

Every resource (gazetteer, traps, metric phrases, count regions, title lexicon,
person cues, page-junk rules) is a TSV in ``extract/data`` with ``#`` comment
lines naming its sources, one header line, then rows. Rows are validated by a
Pydantic model and a bad row raises :class:`~extract.errors.ResourceError` as
``file:line: [field] message``, so adding a province or a title is a data
change that fails loudly when it is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from typing import Any, TypeVar, cast

import regex
from pydantic import BaseModel, ValidationError

from .errors import ResourceError

__all__ = ["alternation", "compiled_on_first_use", "read_data", "tsv_cells", "tsv_rows", "validated"]

M = TypeVar("M", bound=BaseModel)
P = TypeVar("P")


def read_data(name: str) -> str:
    """The text of the packaged data file ``extract/data/<name>``."""
    return resources.files("extract").joinpath(f"data/{name}").read_text(encoding="utf-8")


def tsv_rows(
    text: str, origin: str, columns: tuple[str, ...], *, min_columns: int | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line number, row)`` for each data row of a TSV resource.

    Args:
        text: the file's text.
        origin: the file's name, for error messages.
        columns: the header every file must start with.
        min_columns: rows may leave trailing columns out down to this many (default: all required).

    Raises:
        ResourceError: a wrong header, a row with the wrong number of cells, or no header at all.
    """
    for lineno, cells in tsv_cells(text, origin, columns, min_columns=min_columns):
        yield lineno, dict(zip(columns, cells))


def tsv_cells(
    text: str, origin: str, columns: tuple[str, ...], *, min_columns: int | None = None
) -> Iterator[tuple[int, list[str]]]:
    """``(line number, cells)`` for each data row of a TSV resource: :func:`tsv_rows` without the dict
    (for a large generated file read by position, ``divisions.tsv``). Same checks, same errors."""
    low = len(columns) if min_columns is None else min_columns
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != columns:
                raise ResourceError(f"{origin}:{lineno}: header must be {'/'.join(columns)}")
            header_seen = True
            continue
        if not low <= len(cells) <= len(columns):
            expected = str(len(columns)) if low == len(columns) else f"{low} to {len(columns)}"
            raise ResourceError(f"{origin}:{lineno}: expected {expected} columns, found {len(cells)}")
        yield lineno, cells
    if not header_seen:
        raise ResourceError(f"{origin}: no header line")


def validated(model: type[M], origin: str, lineno: int, row: dict[str, str]) -> M:
    """``model(**row)``, with a validation failure reported as ``origin:line: [field] message``."""
    try:
        return model(**row)
    except ValidationError as e:
        msgs = "; ".join(f"[{'.'.join(map(str, err['loc']))}] {err['msg']}" for err in e.errors())
        raise ResourceError(f"{origin}:{lineno}: {msgs}") from None


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first (so the longest wins at a position).

    >>> alternation(["新增", "新增本土", "本土"])
    '新增本土|新增|本土'
    >>> alternation([])
    '(?!)'
    """
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(map(regex.escape, ordered)) or "(?!)"


def compiled_on_first_use(build: Callable[[], P]) -> P:
    """A stand-in for the pattern ``build()`` compiles, compiled when one of its attributes is first read.

    For a module's pattern that most runs never ask (a rule for a rare phrasing): compiling it at every
    start costs more than the run asks of it. The stand-in is used as the pattern is (``.search(...)``,
    ``.pattern``; it is the same object wherever the name is imported, so ``is`` compares as before); once
    compiled, the pattern's methods are read from the stand-in as from the pattern itself.
    """
    return cast(P, _CompiledOnFirstUse(build))


class _CompiledOnFirstUse:
    """See :func:`compiled_on_first_use`. On the first read the pattern is compiled and its methods and
    attributes are kept on the stand-in itself: later reads are ordinary attribute loads, not calls of
    ``__getattr__`` (a rule that turns out to be asked often costs what the compiled pattern costs)."""

    def __init__(self, build: Callable[[], object]) -> None:
        self._build = build
        self._compiled: object = None

    def __getattr__(self, name: str) -> Any:
        d = self.__dict__
        compiled = d["_compiled"]
        if compiled is None:
            compiled = d["_compiled"] = self._build()
            for attr in _PATTERN_ATTRIBUTES:
                if hasattr(compiled, attr):
                    d[attr] = getattr(compiled, attr)
        return getattr(compiled, name)


#: What is read of a compiled pattern (both engines'), kept on the stand-in once it is compiled.
_PATTERN_ATTRIBUTES = (
    "match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
    "pattern", "flags", "groups", "groupindex",
)
