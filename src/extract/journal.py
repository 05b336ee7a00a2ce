"""The commit journal of an output folder: how a reader completes a swap a killed run left half done.

A run swaps its six files in through ``OUT/.commit`` (see ``write.py``). This module holds what a
reader needs, and nothing of the extraction (the series step imports it).
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson

__all__ = ["JOURNAL", "recover"]

#: The commit journal's name in the output folder.
JOURNAL = ".commit"


def recover(out_dir: str | os.PathLike[str]) -> bool:
    """Finish the swap of a run killed after it committed (roll forward); a no-op otherwise.

    Reads ``OUT/.commit``, makes each listed rename whose temporary file is still there,
    and deletes the journal. Safe to call at any time, also by several readers at once and
    while the run that wrote the journal is still renaming (a rename already made is skipped).

    Returns:
        Whether a journal was found (and rolled forward).
    """
    folder = Path(out_dir)
    journal = folder / JOURNAL
    try:
        raw = journal.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return False
    try:
        entries = orjson.loads(raw)["renames"]
        renames = [(str(a), str(b)) for a, b in entries]
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        renames = []  # cannot happen (the journal appears whole); a broken one is dropped
    for tmp, final in renames:
        if "/" in tmp or "/" in final or os.sep in tmp or os.sep in final:
            continue  # names inside the folder only
        try:
            os.replace(folder / tmp, folder / final)
        except FileNotFoundError:
            pass  # already renamed (by the run itself, or another reader)
    _fsync_dir(folder)
    try:
        if journal.read_bytes() == raw:  # not a newer run's journal written meanwhile
            journal.unlink()
    except FileNotFoundError:
        pass
    _fsync_dir(folder)
    return True


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
