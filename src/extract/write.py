"""Writing the six JSONL files: atomic as a set, deterministic, streaming.

Each file is written to a temporary file in the output folder. When the run
completes, the six are swapped in as one set through a commit journal:

1. every temporary file is flushed and fsynced;
2. ``.commit`` is written (to a temporary name, fsynced, renamed: it appears
   whole or not at all); it lists the six renames ``temporary -> NAME.jsonl``;
3. the six renames are made, the folder fsynced;
4. ``.commit`` is deleted.

A run killed before step 2 leaves the previous set untouched (its temporary
files are removed by the next run); one killed after step 2 has committed:
:func:`recover` ("roll forward") makes the renames still missing, and is
called by the next run and by every reader in the package (the series step)
before it reads. A reader outside the package should do the same, or check
that ``.commit`` does not exist: while it exists the folder may hold a mix of
old and new files. See the README, "The output set swaps whole".
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import orjson
from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

from .journal import JOURNAL, _fsync_dir, recover
from .models import RECORD_TYPES, Article, ArticleExtraction, ArticleWarning, Change, Evidence, OfficialAppointment, Span

__all__ = ["JOURNAL", "OutputWriter", "dumps", "recover", "serialize"]

#: Test hook: called with the name of each step of the swap ("journal", "rename 1" … "rename 6",
#: "renamed", "done"), so a test can kill the process between any two of them.
_step_hook: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if _step_hook is not None:
        _step_hook(name)


def dumps(record: BaseModel) -> bytes:
    """One JSON line (UTF-8, Chinese unescaped, fields in model order).

    The bytes of pydantic's own serializer, which gives the bytes of ``orjson.dumps(model_dump(mode="json"))``
    for these models (no floats, no free-form values; ``tests/test_output.py`` checks every control character).
    A record model's line is written by orjson from its fields (:func:`_orjson_line`, half the instructions);
    another model, or a value orjson cannot write (a lone surrogate), takes pydantic's way, and a text
    pydantic cannot encode the old way and its error.
    """
    if type(record) in _BY_ORJSON:
        line = _orjson_line(record)
        if line is not None:
            return line
    try:
        return record.__pydantic_serializer__.to_json(record) + b"\n"
    except PydanticSerializationError:
        return orjson.dumps(record.model_dump(mode="json")) + b"\n"


def _orjson_line(record: BaseModel) -> bytes | None:
    """The line of a record model, written by orjson from its fields (``__dict__``), or None.

    These models have no aliases, serializers, computed or excluded fields and forbid extra ones, so
    their fields in ``__dict__`` (in field order, as validation, ``model_construct`` and the record ids'
    copies build it) are what pydantic writes; their nested models are written the same way
    (:func:`_nested_fields`). orjson writes strings, integers, lists, dates and moments as pydantic-core
    does (a UTC moment with ``Z``: ``OPT_UTC_Z``; ``tests/test_orjson_lines.py`` compares both on the
    records of every seed and on made-up dates and moments). A nested model of another class (a subclass
    in a field of its base, written by pydantic as the base) and a value orjson refuses give None.
    """
    fields = record.__dict__
    if type(record) is Article and type(fields["body"]) is not Span:
        return None
    try:
        return orjson.dumps(fields, default=_nested_fields, option=_OPTIONS)
    except orjson.JSONEncodeError:
        return None


def _nested_fields(value: object) -> dict[str, object]:
    """The fields of a nested model orjson writes as pydantic does (for ``orjson.dumps``' ``default``)."""
    if type(value) in _NESTED:
        fields: dict[str, object] = value.__dict__
        return fields
    raise TypeError(f"{type(value).__name__} is written by pydantic")


#: The record models written by orjson, and the models they nest (each in fields of its own class;
#: a Span only in an article's body, see :func:`_orjson_line`).
_BY_ORJSON = frozenset(RECORD_TYPES.values())
_NESTED = frozenset({Evidence, Change, ArticleWarning, OfficialAppointment, Span})
#: Each line ends in a newline; a UTC moment is written with ``Z``, as pydantic-core writes it.
_OPTIONS = orjson.OPT_APPEND_NEWLINE | orjson.OPT_UTC_Z


def serialize(result: ArticleExtraction) -> dict[str, bytes]:
    """The lines one article contributes to each output file."""
    return {
        "articles": dumps(result.article),
        "case_counts": b"".join(map(dumps, result.case_counts)),
        "districts": b"".join(map(dumps, result.districts)),
        "meetings": b"".join(map(dumps, result.meetings)),
        "officials": b"".join(map(dumps, result.officials)),
    }


class OutputWriter:
    """Streams lines into temporary files and swaps them in as one set on success."""

    def __init__(self, out_dir: str | os.PathLike[str]) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.counts = dict.fromkeys(RECORD_TYPES, 0)
        self._files: dict[str, tuple[BinaryIO, str]] = {}
        self._discard = False

    def discard(self) -> None:
        """Throw this run's files away on exit: the previous output stays as it was."""
        self._discard = True

    def __enter__(self) -> OutputWriter:
        recover(self.out_dir)  # a run killed while swapping: its set is completed first
        _remove_orphans(self.out_dir)
        try:
            for name in RECORD_TYPES:
                fd, tmp = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=".tmp", dir=self.out_dir)
                self._files[name] = (os.fdopen(fd, "wb", buffering=1 << 20), tmp)
        except BaseException:  # interrupted while the files were made: __exit__ will not run
            self._remove_own()
            raise
        return self

    def _remove_own(self) -> None:
        """Close and delete every temporary file of this process, also one made but not yet recorded."""
        for f, _ in self._files.values():
            f.close()
        for path in self.out_dir.glob(f".*.{os.getpid()}.*.tmp"):
            path.unlink(missing_ok=True)

    def write(self, name: str, data: bytes) -> None:
        """Append ready-made JSON lines to output file ``name``."""
        if data:
            self._files[name][0].write(data)
            self.counts[name] += data.count(b"\n")

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._discard and exc_type is None:
            exc_type = RuntimeError  # treated like a failed run: temporary files removed
        for f, _ in self._files.values():
            f.flush()
            if exc_type is None:
                os.fsync(f.fileno())
            f.close()
        if exc_type is not None:
            self._remove_own()
            return
        renames = []
        for name, (_, tmp) in self._files.items():
            os.chmod(tmp, 0o644)
            renames.append((Path(tmp).name, f"{name}.jsonl"))
        self._commit(renames)

    def _commit(self, renames: list[tuple[str, str]]) -> None:
        """Write the journal, make the renames, delete the journal (see the module docstring)."""
        journal = self.out_dir / JOURNAL
        fd, tmp = tempfile.mkstemp(prefix=f".commit.{os.getpid()}.", suffix=".tmp", dir=self.out_dir)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(orjson.dumps({"renames": renames}, option=orjson.OPT_INDENT_2) + b"\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, journal)  # the commit point: from here the new set is the output
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            self._remove_own()
            raise
        _fsync_dir(self.out_dir)
        _step("journal")
        for i, (src, dst) in enumerate(renames, 1):
            try:
                os.replace(self.out_dir / src, self.out_dir / dst)
            except FileNotFoundError:  # a reader's recover() made this rename already
                pass
            _step(f"rename {i}")
        _fsync_dir(self.out_dir)
        _step("renamed")
        journal.unlink(missing_ok=True)
        _fsync_dir(self.out_dir)
        _step("done")


def _remove_orphans(out_dir: Path) -> None:
    """Delete the temporary files of runs that were killed (their process is gone).

    Temporary files are named ``.NAME.PID.XXXX.tmp`` (NAME: a record type, or ``commit`` for a
    journal being written); a file whose PID is alive belongs to a run still writing into the
    same folder and is left alone. Call :func:`recover` first: a committed set's files are
    named in the journal and must not be deleted.
    """
    for path in out_dir.glob(".*.tmp"):
        parts = path.name.split(".")  # ['', NAME, PID, XXXX, 'tmp']
        if len(parts) != 5 or (parts[1] not in RECORD_TYPES and parts[1] != "commit") or not parts[2].isdigit():
            continue
        if not _alive(int(parts[2])):
            path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
