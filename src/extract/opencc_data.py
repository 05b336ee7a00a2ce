"""Data read from OpenCC's own dictionaries, trusted only with the OpenCC it was read from.

``data/opencc_*.tsv`` are written by ``scripts/build_opencc_sets.py``. Each names the OpenCC version
and the SHA-256 of every configuration and dictionary file it was read from; :func:`trusted_rows`
gives its other rows only when the installed OpenCC has that version and those files (else None: the
caller then asks OpenCC, as without the file). A malformed file raises
:class:`~extract.errors.ResourceError`.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from .errors import ResourceError
from .resources import read_data, tsv_rows

__all__ = ["trusted_rows"]

_COLUMNS = ("kind", "name", "value")


@functools.cache
def _share() -> Path:
    import opencc

    return Path(opencc.__file__).parent / "clib" / "share" / "opencc"


def trusted_rows(name: str, kinds: tuple[str, ...]) -> dict[tuple[str, str], str] | None:
    """``(kind, name) → value`` of the rows of ``data/<name>`` of the given kinds, or None when the
    installed OpenCC is not the one the file was read from.

    Raises:
        ResourceError: a row of another kind, a repeated row, or no version or hash at all.
    """
    import opencc

    rows: dict[tuple[str, str], str] = {}
    checked = 0
    trusted = True
    for lineno, row in tsv_rows(read_data(name), name, _COLUMNS):
        kind, key, value = row["kind"], row["name"], row["value"]
        if (kind, key) in rows or kind not in (*kinds, "version", "sha256"):
            raise ResourceError(f"{name}:{lineno}: unknown or repeated row {kind}/{key}")
        rows[kind, key] = value
        if kind == "version":
            trusted = trusted and value == getattr(opencc, "__version__", None)
            checked += 1
        elif kind == "sha256":
            checked += 1
            if trusted:
                try:
                    trusted = hashlib.sha256((_share() / key).read_bytes()).hexdigest() == value
                except OSError:
                    trusted = False
    if checked < 2 or ("version", "opencc") not in rows:
        raise ResourceError(f"{name}: names no OpenCC version or no file hash")
    if not trusted:
        return None
    return {k: v for k, v in rows.items() if k[0] in kinds}
