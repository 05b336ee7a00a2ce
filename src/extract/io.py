"""Reading inputs: files, folders, JSONL batches and stdin, in a stable order.

The reader never raises for one bad input: it yields an :class:`InputError`
that ends in ``errors.jsonl``. Only a missing INPUT path is a usage error.

Decoding is detected, never guessed silently wrong: a BOM decides; otherwise
strict UTF-8; otherwise GB18030 and Big5 are both tried strictly and, when
both succeed, the one whose text is made of common Chinese characters wins;
text that looks like binary data, or that no encoding reads, is an error.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import functools
import hashlib
import os
import re
import signal
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from .errors import InputProblem, UsageError
from .models import ArticleExtraction, InputError

__all__ = ["RawDoc", "decode", "extract_path", "iter_inputs", "parse_jsonl_line", "parse_sidecar", "process",
           "read_sidecar", "time_limit"]

#: Inputs larger than this are refused (an error record), not read into memory.
MAX_BYTES = 64 * 1024 * 1024
#: A sidecar is a handful of short fields; anything bigger is not one.
MAX_SIDECAR_BYTES = 1024 * 1024
_SIDECAR_SUFFIX = ".meta.json"
_SIDECAR_KEYS = ("published", "url", "title", "outlet")


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One article as read, before decoding or extraction.

    Attributes:
        article_id: per the contract (relative path without extension, or the JSONL id).
        source: input path (``path:line`` for JSONL; ``-:line`` for stdin).
        data: the raw bytes of a .txt file, or the text of a JSONL line.
        meta: sidecar / JSONL metadata (published, url, title, outlet).
    """

    article_id: str
    source: str
    data: bytes | str
    meta: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- decoding


@functools.cache
def _common_chars() -> frozenset[str]:
    text = resources.files("extract").joinpath("data/common_chars.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")))


def _han_quality(text: str) -> float:
    """Share of the non-ASCII characters that are common Chinese characters or CJK punctuation."""
    common = _common_chars()
    sample = text[:20000]
    wide = [ch for ch in sample if ord(ch) > 0x7F]
    if not wide:
        return 1.0
    good = sum(1 for ch in wide if ch in common or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·")
    return good / len(wide)


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # not \t \n \v \f \r


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample or not _CONTROL.search(sample):  # the common case, at C speed
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.01


def decode(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file; returns ``(text, encoding)``.

    Raises:
        InputProblem: ``empty``, ``binary`` or ``undecodable``.

    >>> decode("重庆".encode("gb18030"))
    ('重庆', 'gb18030')
    >>> decode("重慶市".encode("big5"))
    ('重慶市', 'big5')
    """
    if data.startswith(codecs.BOM_UTF8):
        text, enc = _strict(data[3:], "utf-8"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, enc = _strict(data, "utf-16"), "utf-16"
    else:
        text, enc = _detect(data)
    if text is None:
        raise InputProblem("undecodable", f"not valid {enc}" if enc else "not UTF-8, UTF-16, GB18030 or Big5 text")
    if not text.strip():
        raise InputProblem("empty", "the file is empty or only white space")
    if _looks_binary(text):
        raise InputProblem("binary", f"looks like binary data, not text (decoded as {enc})")
    return text, enc


def _strict(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes) -> tuple[str | None, str]:
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    # UTF-16 without a BOM: every other byte of ASCII-heavy text is NUL.
    if len(data) >= 4 and len(data) % 2 == 0:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        half = len(data) // 2
        if odd > half * 0.3 and even < half * 0.05:
            return _strict(data, "utf-16-le"), "utf-16-le"
        if even > half * 0.3 and odd < half * 0.05:
            return _strict(data, "utf-16-be"), "utf-16-be"
    candidates = [(t, e) for e in ("gb18030", "big5") if (t := _strict(data, e)) is not None]
    if not candidates:
        return None, ""
    scored = sorted(((_han_quality(t), i, t, e) for i, (t, e) in enumerate(candidates)), key=lambda c: (-c[0], c[1]))
    quality, _, text, enc = scored[0]
    if quality < 0.2 and len(data) >= 32:
        # Decodes, but into rare characters: likely another encoding or binary.
        raise InputProblem("undecodable", f"decodes as {enc} only into implausible characters; encoding unknown")
    return text, enc


# ---------------------------------------------------------------- sidecars


def read_sidecar(path: Path) -> dict[str, Any]:
    """Read and check ``NAME.meta.json``; unknown keys are ignored.

    Raises:
        InputProblem: ``bad_sidecar`` when it is not a JSON object of strings,
            or ``published`` is not an ISO date or datetime.
    """
    name = _display(path.name)
    try:
        data = _read_regular(path, MAX_SIDECAR_BYTES)
    except InputProblem as e:
        raise InputProblem("bad_sidecar", f"sidecar {name}: {e.message}") from None
    except OSError as e:
        raise InputProblem("bad_sidecar", f"sidecar {name} cannot be read: {e.strerror or e}") from None
    return parse_sidecar(data, name)


def parse_sidecar(data: bytes, name: str) -> dict[str, Any]:
    """Check the bytes of a sidecar named ``name`` (as :func:`read_sidecar`, for bytes read elsewhere).

    Raises:
        InputProblem: ``bad_sidecar``.
    """
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as e:
        raise InputProblem("bad_sidecar", f"sidecar {name} is not readable JSON: {e}") from None
    if not isinstance(obj, dict):
        raise InputProblem("bad_sidecar", f"sidecar {name} is not a JSON object")
    return _check_meta(obj, f"sidecar {name}")


def _read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    A FIFO, a device (``/dev/zero`` linked as ``x.txt``) or a socket would block
    or never end, so only regular files are read, and never past ``limit``.

    Raises:
        InputProblem: ``not_a_file`` or ``too_large``.
        OSError: the file cannot be opened or read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputProblem("not_a_file", "not a regular file (a FIFO, device or socket)")
        if st.st_size > limit:
            raise InputProblem("too_large", f"{st.st_size} bytes is over the limit of {limit} bytes")
        data = f.read(limit + 1)  # the file may grow while it is read
    if len(data) > limit:
        raise InputProblem("too_large", f"over the limit of {limit} bytes")
    return data


def _display(name: str) -> str:
    r"""A path as valid Unicode: bytes of a file name that are not UTF-8 become ``\xNN``.

    Python keeps such bytes as lone surrogates, which cannot be written as UTF-8 JSON.

    >>> _display("ok.txt"), _display("bad\udcff.txt")
    ('ok.txt', 'bad\\xff.txt')
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "replace").decode("utf-8")


def _os_error(path: Path, e: OSError) -> tuple[str, str]:
    """The error code and message of a file that cannot be opened."""
    import errno

    if e.errno == errno.ELOOP:
        code = "symlink_loop"
    elif path.is_symlink() and not path.exists():
        code = "dangling_symlink"
    else:
        code = "unreadable"
    return code, f"cannot read file: {e.strerror or e}"


def _check_meta(obj: dict[str, Any], what: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for key in _SIDECAR_KEYS:
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputProblem("bad_sidecar" if what.startswith("sidecar") else "bad_field",
                               f"{what}: {key} must be a string, not {type(value).__name__}")
        if key == "published":
            try:
                dt.datetime.fromisoformat(value) if "T" in value or " " in value else dt.date.fromisoformat(value)
            except ValueError:
                raise InputProblem("bad_sidecar" if what.startswith("sidecar") else "bad_field",
                                   f"{what}: published {value!r} is not an ISO date") from None
        meta[key] = value
    return meta


# ---------------------------------------------------------------- discovery


def iter_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[RawDoc | InputError]:
    """Every article of every INPUT, in a deterministic order, or an error item.

    Folders are searched recursively in sorted order; a symlinked folder is
    followed once (a loop is not recursed into). Duplicate ids become errors.

    Raises:
        UsageError: an INPUT path does not exist.
    """
    paths = list(paths)
    for p in paths:
        if p != "-" and not os.path.lexists(p):
            raise UsageError(f"no such file or directory: {p}")
    seen: set[str] = set()
    for p in paths:
        for item in _iter_one(p, stdin):
            if isinstance(item, RawDoc):
                if item.article_id in seen:
                    yield InputError(source=item.source, article_id=item.article_id, error="duplicate_id",
                                     message=f"article id {item.article_id!r} was already read from an earlier input")
                    continue
                seen.add(item.article_id)
            yield item


def _iter_one(p: str, stdin: BinaryIO | None) -> Iterator[RawDoc | InputError]:
    if p == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _iter_jsonl_lines(stream, "-")
        return
    path = Path(p)
    if path.is_dir():
        yield from _walk(path)
    elif path.name.endswith(_SIDECAR_SUFFIX):
        return  # a sidecar is read with its article
    elif path.suffix == ".jsonl":
        yield from _read_jsonl(path, path.name, p)
    else:
        yield from _read_txt(path, path.stem if path.suffix == ".txt" else path.name, p)


def _walk(root: Path) -> Iterator[RawDoc | InputError]:
    visited: set[tuple[int, int]] = set()

    def walk(folder: Path) -> Iterator[RawDoc | InputError]:
        try:
            st = folder.stat()
        except OSError as e:
            yield InputError(source=str(folder), error="unreadable", message=f"cannot open folder: {e.strerror}")
            return
        key = (st.st_dev, st.st_ino)
        if key in visited:
            return  # a symlink loop, or a folder linked twice: read once
        visited.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            yield InputError(source=str(folder), error="unreadable", message=f"cannot list folder: {e.strerror}")
            return
        for entry in entries:
            path = Path(entry.path)
            rel = path.relative_to(root).as_posix()
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(path)
            elif entry.name.endswith(_SIDECAR_SUFFIX):
                continue
            elif entry.name.endswith(".txt"):
                yield from _read_txt(path, rel[: -len(".txt")], str(path))
            elif entry.name.endswith(".jsonl"):
                yield from _read_jsonl(path, rel, str(path))

    yield from walk(root)


def _read_txt(path: Path, article_id: str, source: str) -> Iterator[RawDoc | InputError]:
    article_id, source = _display(article_id), _display(source)
    meta: dict[str, Any] = {}
    name = path.name[: -len(".txt")] if path.name.endswith(".txt") else path.name
    sidecar = path.with_name(name + _SIDECAR_SUFFIX)
    if os.path.lexists(sidecar):  # a dangling or looping sidecar link is reported, not ignored
        try:
            meta = read_sidecar(sidecar)
        except InputProblem as e:
            # The article is still read (without the sidecar); the sidecar's fault is reported.
            yield InputError(source=_display(str(sidecar)), article_id=article_id, error=e.code, message=e.message)
    try:
        data = _read_regular(path, MAX_BYTES)
    except InputProblem as e:
        yield InputError(source=source, article_id=article_id, error=e.code, message=e.message)
        return
    except OSError as e:
        code, message = _os_error(path, e)
        yield InputError(source=source, article_id=article_id, error=code, message=message)
        return
    yield RawDoc(article_id=article_id, source=source, data=data, meta=meta)


def _read_jsonl(path: Path, rel: str, source: str) -> Iterator[RawDoc | InputError]:
    source = _display(source)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        f = os.fdopen(fd, "rb")
    except OSError as e:
        code, message = _os_error(path, e)
        yield InputError(source=source, error=code, message=message)
        return
    with f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            yield InputError(source=source, error="not_a_file", message="not a regular file (a FIFO, device or socket)")
            return
        try:
            yield from _iter_jsonl_lines(f, source)
        except OSError as e:
            yield InputError(source=source, error="unreadable", message=f"cannot read file: {e.strerror or e}")


def _bounded_lines(stream: BinaryIO) -> Iterator[bytes | int]:
    """The lines of ``stream``; a line over :data:`MAX_BYTES` is skipped and given as its length.

    Reading line by line with a bound keeps memory flat whatever the input: a
    JSONL file with one 10 GB line is never held in memory.
    """
    while True:
        line = stream.readline(MAX_BYTES + 1)
        if not line:
            return
        if len(line) <= MAX_BYTES or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            size += len(line)
        yield size


def _iter_jsonl_lines(stream: BinaryIO, source: str) -> Iterator[RawDoc | InputError]:
    for lineno, line in enumerate(_bounded_lines(stream), 1):
        where = f"{source}:{lineno}"
        if isinstance(line, int):
            yield InputError(source=where, error="too_large", message=f"line of {line} bytes is over the limit of {MAX_BYTES} bytes")
            continue
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[3:]
        if line.strip():
            yield parse_jsonl_line(line, where)


def parse_jsonl_line(line: bytes, where: str) -> RawDoc | InputError:
    """One non-blank JSONL line read from ``where`` (``path:line``): the article, or why it is not one."""
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        return InputError(source=where, error="bad_json", message=f"not valid JSON: {e}")
    if not isinstance(obj, dict):
        return InputError(source=where, error="not_object", message=f"a JSONL line must be an object, not {type(obj).__name__}")
    raw_id = obj.get("id")
    article_id = _display(str(raw_id)) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id) else None
    if article_id is None:
        return InputError(source=where, error="missing_id", message="the line has no usable \"id\" (a non-empty string or integer)")
    text = obj.get("text")
    if text is None:
        return InputError(source=where, article_id=article_id, error="missing_text", message="the line has no \"text\"")
    if not isinstance(text, str):
        return InputError(source=where, article_id=article_id, error="bad_field",
                          message=f"\"text\" must be a string, not {type(text).__name__}")
    try:
        meta = _check_meta(obj, "line")
    except InputProblem as e:
        return InputError(source=where, article_id=article_id, error=e.code, message=e.message)
    return RawDoc(article_id=article_id, source=where, data=text, meta=meta)


# ---------------------------------------------------------------- processing one


class _Expired(BaseException):
    """Raised by the alarm in the guarded block.

    A ``BaseException`` (like ``KeyboardInterrupt``), so that no ``except
    Exception`` inside an extractor can swallow it and carry on.
    """


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` of wall-clock time.

    Uses ``SIGALRM`` (``signal.setitimer``), which interrupts Python code and
    ``regex`` matching alike; it is a no-op when ``seconds`` is falsy, off the
    main thread, or where the platform has no ``setitimer``. The previous
    ``SIGALRM`` handler is restored afterwards.

    Raises:
        InputProblem: ``timeout`` when the time is up.
    """
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer") \
            or threading.current_thread() is not threading.main_thread():
        yield
        return
    armed = True

    def expire(signum: int, frame: object) -> None:
        if armed:  # an alarm that arrives as the block ends is ignored
            raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise InputProblem("timeout", f"processing was stopped after {seconds:g} s (--timeout)") from None
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process(raw: RawDoc, timeout: float | None = None) -> ArticleExtraction:
    """Decode and extract one raw input.

    Args:
        raw: the input as read.
        timeout: seconds of wall-clock time allowed for this input (None: no limit).

    Raises:
        InputProblem: the input cannot be decoded, is empty, or took too long (``timeout``).
    """
    try:
        with time_limit(timeout):
            return _process(raw)
    except _Expired:  # the alarm rang in the instant the block was ending
        raise InputProblem("timeout", f"processing was stopped after {timeout:g} s (--timeout)") from None


def _process(raw: RawDoc) -> ArticleExtraction:
    from .pipeline import extract_text

    if isinstance(raw.data, bytes):
        text, encoding = decode(raw.data)
        digest = hashlib.sha256(raw.data).hexdigest()
    else:
        text, encoding = raw.data, "utf-8"
        if not text.strip():
            raise InputProblem("empty", "the text is empty or only white space")
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return extract_text(text, article_id=raw.article_id, source=raw.source, meta=raw.meta, sha256=digest, encoding=encoding)


def extract_path(*paths: str | os.PathLike[str], timeout: float | None = None) -> Iterator[ArticleExtraction | InputError]:
    """Extract every article under ``paths`` (files, folders, JSONL), in order.

    Args:
        paths: files, folders, or ``-`` for JSONL on standard input.
        timeout: seconds allowed per article (main thread only, see :func:`time_limit`);
            an article that takes longer becomes an ``InputError`` with error ``timeout``.

    Yields:
        An :class:`ArticleExtraction` per article, or an :class:`InputError`
        for an input that could not be read or processed.
    """
    for item in iter_inputs([os.fspath(p) for p in paths]):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield process(item, timeout)
        except InputProblem as e:
            yield InputError(source=item.source, article_id=item.article_id, error=e.code, message=e.message)
