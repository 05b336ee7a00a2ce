"""Writing the six JSONL files: atomic, deterministic, streaming.

Each file is written to a temporary file in the output folder and renamed over
the old one only when the run completes, so a killed run leaves the previous
complete files (or none), never a truncated one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import orjson
from pydantic import BaseModel

from .models import RECORD_TYPES, ArticleExtraction

__all__ = ["OutputWriter", "dumps", "serialize"]


def dumps(record: BaseModel) -> bytes:
    """One JSON line (UTF-8, Chinese unescaped, fields in model order)."""
    return orjson.dumps(record.model_dump(mode="json")) + b"\n"


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
    """Streams lines into temporary files and renames them into place on success."""

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
        for name, (_, tmp) in self._files.items():
            if exc_type is None:
                os.chmod(tmp, 0o644)
                os.replace(tmp, self.out_dir / f"{name}.jsonl")
            else:
                Path(tmp).unlink(missing_ok=True)
        if exc_type is None:
            _fsync_dir(self.out_dir)
        else:
            self._remove_own()


def _remove_orphans(out_dir: Path) -> None:
    """Delete the temporary files of runs that were killed (their process is gone).

    Temporary files are named ``.NAME.PID.XXXX.tmp``; a file whose PID is alive
    belongs to a run still writing into the same folder and is left alone.
    """
    for path in out_dir.glob(".*.tmp"):
        parts = path.name.split(".")  # ['', NAME, PID, XXXX, 'tmp']
        if len(parts) != 5 or parts[1] not in RECORD_TYPES or not parts[2].isdigit():
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
