"""Reading inputs: files, folders, JSONL batches and stdin, in a stable order.

The reader never raises for one bad input: it yields an :class:`InputError`
that ends in ``errors.jsonl``. Only a missing INPUT path is a usage error.

Decoding is detected, never guessed silently wrong, and loses nothing a person
could read: a BOM decides; otherwise strict UTF-8; otherwise UTF-8, GB18030 and
the Big5 variants compete on plausibility, a few bad bytes or a cut-off last
character becoming U+FFFD with a warning; only text that is mostly undecodable,
or looks like binary data, is an error (see :mod:`extract.inputs.decoding`).
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from .errors import InputProblem, UsageError
from .guard import _Expired, time_limit
from .inputs.decoding import decode_bytes
from .models import ArticleExtraction, ErrorCode, InputError

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
        article_id: per the contract (relative path without extension, or the record's id),
            namespaced when it would collide with another input's (see :func:`iter_inputs`).
        source: input path (``path:line`` for JSONL/CSV rows; ``-:line`` for stdin).
        data: the raw bytes of a file, or the text of a record.
        meta: sidecar / record metadata (published, url, title, outlet).
        kind: ``auto`` (sniffed: HTML, Markdown or plain text), ``text``, ``html`` or ``markdown``.
        container: the file the article came from (ids repeated inside one file are duplicates).
        alt_id: the id to take when ``article_id`` is already taken by another file of the same INPUT.
    """

    article_id: str
    source: str
    data: bytes | str
    meta: dict[str, Any] = field(default_factory=dict)
    kind: str = "auto"
    container: str = ""
    alt_id: str | None = None


# ---------------------------------------------------------------- decoding


def decode(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file; returns ``(text, encoding)``.

    See :mod:`extract.inputs.decoding` (:func:`~extract.inputs.decoding.decode_bytes` also
    returns the warnings on what was repaired: ``invalid_bytes``, ``truncated_input``).

    Raises:
        InputProblem: ``empty``, ``binary`` or ``undecodable`` (mostly undecodable).

    >>> decode("重庆".encode("gb18030"))
    ('重庆', 'gb18030')
    >>> decode("重慶市".encode("big5"))
    ('重慶市', 'big5')
    """
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


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


def _os_error(path: Path, e: OSError) -> tuple[ErrorCode, str]:
    """The error code and message of a file that cannot be opened."""
    import errno

    if e.errno == errno.ELOOP:
        code: ErrorCode = "symlink_loop"
    elif path.is_symlink() and not path.exists():
        code = "dangling_symlink"
    else:
        code = "unreadable"
    return code, f"cannot read file: {e.strerror or e}"


def _check_meta(obj: dict[str, Any], what: str) -> dict[str, Any]:
    """The metadata of a sidecar or record.

    ``published`` may be any string or number: whether it can be read is decided
    in the pipeline, where an unreadable one becomes a warning on the article (the
    same rule for sidecars, records and the Python API). Other values must be
    strings (numbers are written as strings); anything else is left out, with a
    ``bad_metadata`` warning.
    """
    meta: dict[str, Any] = {}
    for key in _SIDECAR_KEYS:
        value = obj.get(key)
        if value is None or value == "":
            continue
        if key == "published" and isinstance(value, (str, int, float)) and not isinstance(value, bool):
            meta[key] = value
        elif isinstance(value, str):
            meta[key] = value
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            meta[key] = str(value)
        else:
            meta.setdefault("_warnings", []).append(
                ("bad_metadata", f"{what}: {key} must be a string, not {type(value).__name__}; ignored"))
    return meta


# ---------------------------------------------------------------- discovery

#: File name extension (compared case-insensitively, after an optional ``.gz``) → input kind.
KINDS: dict[str, str] = {
    ".txt": "auto", ".text": "auto",  # a .txt may hold Markdown or a saved page: recognised by content
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet",
}
_RECORD_KINDS = frozenset({"jsonl", "json", "csv", "parquet"})
_READABLE = " ".join(sorted(KINDS)) + " (each optionally .gz), or no extension"


def _kind(name: str) -> tuple[str | None, str, str, bool]:
    """``(kind, stem, extension, gzipped)`` of a file name; kind ``None`` when unsupported.

    >>> _kind("A.TXT"), _kind("b.jsonl.gz")[0], _kind("README")[0], _kind("x.pdf")[0]
    (('auto', 'A', '.TXT', False), 'jsonl', 'auto', None)
    """
    gz = name.lower().endswith(".gz") and len(name) > 3
    base = name[:-3] if gz else name
    dot = base.rfind(".")
    ext = base[dot:] if dot > 0 else ""
    if not ext:
        return "auto", base, ext, gz
    kind = KINDS.get(ext.lower())
    return kind, base[: -len(ext)], ext, gz


def _is_sidecar(name: str) -> bool:
    return name.lower().endswith(_SIDECAR_SUFFIX)


def iter_inputs(
    paths: Iterable[str],
    stdin: BinaryIO | None = None,
    *,
    fields: dict[str, str] | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[RawDoc | InputError]:
    """Every article of every INPUT, in a deterministic order, or an error item.

    Folders are searched recursively in sorted order; a symlinked folder is
    followed once (a loop is not recursed into); folders in ``exclude`` (the
    output folder) are never read; hidden files and folders (``.name``) are
    skipped; a file of a type that cannot be read is an ``unsupported_type`` error.

    Ids: an article's id is kept unless another file already gave it. Then it is
    namespaced: by the file's name with its extension when the other file belongs
    to the same INPUT (``a.html`` and ``a.txt`` → ``a``, ``a.txt``, in name order; two JSONL
    files numbering their lines 1, 2, 3 → ``1``, ``b/1``), by the INPUT's name when
    it came from another INPUT (``day1/001.txt day2/001.txt`` → ``001``, ``day2/001``).
    The same INPUT list always gives the same ids, whatever ``--jobs``. An id
    repeated inside one file, or still taken after namespacing, is ``duplicate_id``.

    Raises:
        UsageError: an INPUT path does not exist.
    """
    paths = list(paths)
    for p in paths:
        if p != "-" and not os.path.lexists(p):
            raise UsageError(f"no such file or directory: {p}")
    skip: set[tuple[int, int]] = set()
    for ex in exclude:
        with contextlib.suppress(OSError):
            st = os.stat(ex)
            skip.add((st.st_dev, st.st_ino))
    owner: dict[str, tuple[int, str]] = {}
    for index, p in enumerate(paths):
        label = _label(p)
        for item in _iter_one(p, stdin, fields or {}, skip):
            if isinstance(item, RawDoc):
                chosen = _free_id(item, index, label, owner)
                if chosen is None:
                    yield InputError(source=item.source, article_id=item.article_id, error="duplicate_id",
                                     message=f"article id {item.article_id!r} was already read "
                                             f"{'earlier in the same file' if owner.get(item.article_id, (0, ''))[1] == item.container else 'from another input'}")
                    continue
                owner[chosen] = (index, item.container)
                if chosen != item.article_id:
                    item = replace(item, article_id=chosen)
            yield item


def _label(p: str) -> str:
    """The name an INPUT's ids are namespaced with: a folder's name, a batch file's stem,
    a single article file's folder name."""
    if p == "-":
        return "stdin"
    path = Path(os.path.abspath(p))
    if path.is_dir():
        return _display(path.name) or "input"
    kind, stem, _, _ = _kind(path.name)
    if kind in _RECORD_KINDS:
        return _display(stem)
    return _display(path.parent.name) or "input"


def _free_id(item: RawDoc, index: int, label: str, owner: dict[str, tuple[int, str]]) -> str | None:
    aid = item.article_id
    if aid not in owner:
        return aid
    other_index, other_container = owner[aid]
    if other_container == item.container:
        return None  # the same file repeats an id: a true duplicate
    candidate = (item.alt_id or f"{label}/{aid}") if other_index == index else f"{label}/{aid}"
    if candidate in owner:
        return None
    return candidate


def _iter_one(p: str, stdin: BinaryIO | None, fields: dict[str, str], skip: set[tuple[int, int]]) -> Iterator[RawDoc | InputError]:
    if p == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _stdin_jsonl(_iter_jsonl_lines(stream, "-", fields))
        return
    path = Path(p)
    if path.is_dir():
        yield from _walk(path, fields, skip)
        return
    if _is_sidecar(path.name):
        return  # a sidecar is read with its article
    kind, stem, _, gz = _kind(path.name)
    if kind in _RECORD_KINDS:
        yield from _read_records(path, kind, gz, _display(p), stem, fields)
    else:
        # A file named on the command line is read even when its extension is unknown.
        yield from _read_txt(path, stem if kind else path.name, p, kind or "auto", gz, alt_id=path.name)


#: Non-blank lines of standard input that may all fail to be JSON before it is taken for plain text.
_STDIN_TEXT_LINES = 20


def _stdin_jsonl(items: Iterator[RawDoc | InputError]) -> Iterator[RawDoc | InputError]:
    """Standard input as JSONL, except that text piped to ``-`` is one error saying what ``-`` expects.

    While no line has been JSON, ``bad_json`` errors are held back; when the first
    :data:`_STDIN_TEXT_LINES` non-blank lines (or all of them, when fewer) are none of them JSON,
    the input is plain text and reading stops with one error. Once a line is JSON the held
    errors are given as they are (a JSONL stream with a broken line).
    """
    held: list[InputError] = []
    for item in items:
        if isinstance(item, InputError) and item.error == "bad_json":
            held.append(item)
            if len(held) >= _STDIN_TEXT_LINES:
                break
            continue
        yield from held
        yield item
        yield from items  # a line was JSON: the rest is read as it is
        return
    if held:
        yield InputError(
            source="-", error="bad_json",
            message=f"standard input (-) is read as JSONL, one JSON object per line such as "
                    f'{{"id": "a1", "text": "..."}}, but its first {len(held)} non-blank line(s) are not JSON '
                    f"({held[0].source}: {held[0].message}); to read a text file, give its path instead of -")


def _walk(root: Path, fields: dict[str, str], skip: set[tuple[int, int]]) -> Iterator[RawDoc | InputError]:
    visited: set[tuple[int, int]] = set(skip)

    def walk(folder: Path) -> Iterator[RawDoc | InputError]:
        try:
            st = folder.stat()
        except OSError as e:
            yield InputError(source=_display(str(folder)), error="unreadable", message=f"cannot open folder: {e.strerror}")
            return
        key = (st.st_dev, st.st_ino)
        if key in visited:
            return  # a symlink loop, a folder linked twice, or the output folder
        visited.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            yield InputError(source=_display(str(folder)), error="unreadable", message=f"cannot list folder: {e.strerror}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders (.git, .DS_Store, unfinished output files)
            path = Path(entry.path)
            rel = path.relative_to(root).as_posix()
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(path)
                continue
            if _is_sidecar(entry.name):
                continue
            kind, stem, ext, gz = _kind(entry.name)
            rel_stem = rel[: len(rel) - len(entry.name)] + stem
            if kind is None:
                yield InputError(source=_display(str(path)), article_id=None, error="unsupported_type",
                                 message=f"file type {_display(ext)!r} is not read; readable: {_READABLE}")
            elif kind in _RECORD_KINDS:
                yield from _read_records(path, kind, gz, _display(str(path)), rel_stem, fields)
            else:
                yield from _read_txt(path, rel_stem, str(path), kind, gz, alt_id=rel)

    yield from walk(root)


def _read_bytes(path: Path, gz: bool) -> bytes:
    """The bytes of a file (decompressed when ``gz``), never more than :data:`MAX_BYTES`.

    Raises:
        InputProblem: ``not_a_file``, ``too_large`` or ``undecodable`` (a broken gzip file).
        OSError: the file cannot be opened or read.
    """
    data = _read_regular(path, MAX_BYTES)
    if not gz:
        return data
    import gzip
    import io as _io
    import zlib

    try:
        with gzip.GzipFile(fileobj=_io.BytesIO(data)) as f:
            out = f.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise InputProblem("undecodable", f"not a readable gzip file: {e}") from None
    if len(out) > MAX_BYTES:
        raise InputProblem("too_large", f"decompresses to over the limit of {MAX_BYTES} bytes")
    return out


def _read_txt(path: Path, article_id: str, source: str, kind: str = "text", gz: bool = False,
              alt_id: str | None = None) -> Iterator[RawDoc | InputError]:
    article_id, source = _display(article_id), _display(source)
    meta: dict[str, Any] = {}
    _, stem, _, _ = _kind(path.name)
    sidecar = path.with_name(stem + _SIDECAR_SUFFIX)
    if os.path.lexists(sidecar):  # a dangling or looping sidecar link is reported, not ignored
        try:
            meta = read_sidecar(sidecar)
        except InputProblem as e:
            # The article is still read (without the sidecar); the sidecar's fault is reported.
            yield InputError(source=_display(str(sidecar)), article_id=article_id, error=e.code, message=e.message)
    try:
        data = _read_bytes(path, gz)
    except InputProblem as e:
        yield InputError(source=source, article_id=article_id, error=e.code, message=e.message)
        return
    except OSError as e:
        code, message = _os_error(path, e)
        yield InputError(source=source, article_id=article_id, error=code, message=message)
        return
    yield RawDoc(article_id=article_id, source=source, data=data, meta=meta, kind=kind, container=source,
                 alt_id=_display(alt_id) if alt_id else None)


def _read_records(path: Path, kind: str, gz: bool, source: str, rel_stem: str,
                  fields: dict[str, str]) -> Iterator[RawDoc | InputError]:
    """The articles of a JSONL, JSON, CSV or Parquet file."""
    if kind == "jsonl" and not gz:
        yield from _read_jsonl(path, rel_stem, source, fields)
        return
    if kind == "parquet":
        yield from _read_parquet(path, source, rel_stem, fields)
        return
    try:
        data = _read_bytes(path, gz)
    except InputProblem as e:
        yield InputError(source=source, error=e.code, message=e.message)
        return
    except OSError as e:
        code, message = _os_error(path, e)
        yield InputError(source=source, error=code, message=message)
        return
    if kind == "jsonl":
        import io as _io

        yield from _iter_jsonl_lines(_io.BytesIO(data), source, fields, rel_stem)
    elif kind == "json":
        yield from _iter_json(data, source, fields, rel_stem)
    else:
        yield from _iter_csv(data, source, fields, rel_stem)


def _read_jsonl(path: Path, rel: str, source: str, fields: dict[str, str] | None = None) -> Iterator[RawDoc | InputError]:
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
            yield from _iter_jsonl_lines(f, source, fields, rel)
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


def _record(obj: Any, where: str, container: str, fields: dict[str, str], rel: str) -> RawDoc | InputError:
    """One crawled record (a JSON object, a CSV row) as an article, or why it is not one."""
    from .inputs.records import FIELD_NAMES, pick

    if not isinstance(obj, dict):
        return InputError(source=where, error="not_object", message=f"a record must be an object, not {type(obj).__name__}")
    _, raw_id = pick(obj, "id", fields)
    article_id = _display(str(raw_id)) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id).strip() else None
    if article_id is None:
        tried = fields.get("id") or ", ".join(FIELD_NAMES["id"])
        return InputError(source=where, error="missing_id",
                          message=f"the record has no usable id (a non-empty string or integer in: {tried}; "
                                  f"name another field with --fields id=NAME)")
    name, text = pick(obj, "text", fields)
    if text is None:
        tried = fields.get("text") or ", ".join(FIELD_NAMES["text"])
        return InputError(source=where, article_id=article_id, error="missing_text",
                          message=f"the record has no text (looked for: {tried}; name the field with --fields text=NAME)")
    if not isinstance(text, str):
        return InputError(source=where, article_id=article_id, error="bad_field",
                          message=f"{name!r} must be a string, not {type(text).__name__}")
    found = {role: pick(obj, role, fields)[1] for role in ("published", "title", "url", "outlet")}
    meta = _check_meta({k: v for k, v in found.items() if v is not None}, "record")
    return RawDoc(article_id=article_id, source=where, data=text, meta=meta, kind="auto", container=container,
                  alt_id=f"{rel}/{article_id}" if rel else None)


def _iter_jsonl_lines(stream: BinaryIO, source: str, fields: dict[str, str] | None = None,
                      rel: str = "") -> Iterator[RawDoc | InputError]:
    fields = fields or {}
    for lineno, line in enumerate(_bounded_lines(stream), 1):
        where = f"{source}:{lineno}"
        if isinstance(line, int):
            yield InputError(source=where, error="too_large", message=f"line of {line} bytes is over the limit of {MAX_BYTES} bytes")
            continue
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[3:]
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as e:
            yield InputError(source=where, error="bad_json", message=f"not valid JSON: {e}")
            continue
        if not isinstance(obj, dict):
            yield InputError(source=where, error="not_object", message=f"a JSONL line must be an object, not {type(obj).__name__}")
            continue
        yield _record(obj, where, source, fields, rel)


def parse_jsonl_line(line: bytes, where: str) -> RawDoc | InputError:
    """One non-blank JSONL line read from ``where`` (``path:line``): the article, or why it is not one.

    The same reading as a line of a ``.jsonl`` input (common field names recognised), for lines read
    elsewhere (``extract.spark``).
    """
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        return InputError(source=where, error="bad_json", message=f"not valid JSON: {e}")
    if not isinstance(obj, dict):
        return InputError(source=where, error="not_object", message=f"a JSONL line must be an object, not {type(obj).__name__}")
    return _record(obj, where, where.rsplit(":", 1)[0], {}, "")


_JSON_LISTS = ("data", "articles", "items", "records", "docs", "results", "list")


def _iter_json(data: bytes, source: str, fields: dict[str, str], rel: str) -> Iterator[RawDoc | InputError]:
    """A ``.json`` file: one record, a list of records, or an object holding one (``data``, ``articles`` …)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as e:
        yield InputError(source=source, error="bad_json", message=f"not valid JSON: {e}")
        return
    if isinstance(obj, dict):
        inner = next((obj[k] for k in _JSON_LISTS if isinstance(obj.get(k), list)), None)
        if inner is None:
            yield _record(obj, source, source, fields, rel)
            return
        obj = inner
    if not isinstance(obj, list):
        yield InputError(source=source, error="not_object", message=f"a JSON file must hold an object or a list of objects, not {type(obj).__name__}")
        return
    for i, item in enumerate(obj, 1):
        yield _record(item, f"{source}:{i}", source, fields, rel)


def _iter_csv(data: bytes, source: str, fields: dict[str, str], rel: str) -> Iterator[RawDoc | InputError]:
    """A CSV file with a header row; each further row is one record (``source:line``)."""
    import csv
    import io as _io

    try:
        text, _ = decode(data)
    except InputProblem as e:
        yield InputError(source=source, error=e.code, message=e.message)
        return
    if text.startswith("\ufeff"):
        text = text[1:]
    csv.field_size_limit(MAX_BYTES)
    reader = csv.DictReader(_io.StringIO(text, newline=""))
    try:
        if not reader.fieldnames:
            yield InputError(source=source, error="empty", message="the CSV file has no header row")
            return
        line = reader.line_num
        for row in reader:
            where = f"{source}:{line + 1}"
            line = reader.line_num
            row.pop(None, None)  # cells beyond the header
            yield _record(row, where, source, fields, rel)
    except csv.Error as e:
        yield InputError(source=f"{source}:{reader.line_num}", error="bad_csv", message=f"not readable CSV: {e}")


def _read_parquet(path: Path, source: str, rel: str, fields: dict[str, str]) -> Iterator[RawDoc | InputError]:
    """A Parquet file, one record per row (needs the optional ``pyarrow``)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield InputError(source=source, error="unsupported_type",
                         message="reading Parquet needs pyarrow: pip install 'extract[parquet]'")
        return
    try:
        pf = pq.ParquetFile(path)
        row = 0
        for batch in pf.iter_batches(batch_size=256):
            for rec in batch.to_pylist():
                row += 1
                yield _record(rec, f"{source}:{row}", source, fields, rel)
    except Exception as e:  # noqa: BLE001 - pyarrow raises many kinds for a bad file
        yield InputError(source=source, error="unreadable", message=f"cannot read Parquet: {type(e).__name__}: {e}"[:500])


# ---------------------------------------------------------------- processing one


def process(raw: RawDoc, timeout: float | None = None, with_text: bool = False) -> ArticleExtraction:
    """Decode and extract one raw input.

    Args:
        raw: the input as read.
        timeout: seconds of wall-clock time allowed for this input (None: no limit).
        with_text: put the text evidence indexes into the article record.

    Raises:
        InputProblem: the input cannot be decoded, is empty, or took too long (``timeout``).
    """
    try:
        with time_limit(timeout):
            return _process(raw, with_text)
    except _Expired:  # the alarm rang in the instant the block was ending
        raise InputProblem("timeout", f"processing was stopped after {timeout:g} s (--timeout)") from None


def _process(raw: RawDoc, with_text: bool = False) -> ArticleExtraction:
    from .pipeline import extract_text

    meta = raw.meta
    if isinstance(raw.data, bytes):
        decoded = decode_bytes(raw.data)
        text, encoding = decoded.text, decoded.encoding
        if decoded.warnings:
            meta = {**meta, "_warnings": [*meta.get("_warnings", []), *decoded.warnings]}
        digest = hashlib.sha256(raw.data).hexdigest()
    else:
        text, encoding = raw.data, "utf-8"
        if not text.strip():
            raise InputProblem("empty", "the text is empty or only white space")
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return extract_text(text, article_id=raw.article_id, source=raw.source, meta=meta, sha256=digest,
                        encoding=encoding, format=raw.kind, with_text=with_text)


def extract_path(*paths: str | os.PathLike[str], timeout: float | None = None,
                 fields: dict[str, str] | None = None) -> Iterator[ArticleExtraction | InputError]:
    """Extract every article under ``paths`` (files, folders, JSONL/JSON/CSV batches), in order.

    Args:
        paths: files, folders, or ``-`` for JSONL on standard input.
        timeout: seconds allowed per article (main thread only, see :func:`time_limit`);
            an article that takes longer becomes an ``InputError`` with error ``timeout``.
        fields: which record field plays which role (``{"text": "content"}``), as ``--fields``.

    Yields:
        An :class:`ArticleExtraction` per article, or an :class:`InputError`
        for an input that could not be read or processed.
    """
    for item in iter_inputs([os.fspath(p) for p in paths], fields=fields):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield process(item, timeout)
        except InputProblem as e:
            yield InputError(source=item.source, article_id=item.article_id, error=e.code, message=e.message)
