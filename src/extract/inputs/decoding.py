"""Decoding the bytes of a text file so that nothing a person could read is lost.

Rules, in order:

1. A BOM decides (UTF-8, UTF-16 LE/BE).
2. Strict UTF-8 (the common case, at C speed).
3. Otherwise each candidate — ``utf-8``, ``gb18030``, ``big5``, ``cp950`` (Windows Big5:
   裏 恒 €), ``big5hkscs`` (Hong Kong: 衞 綫 着) — reads the first :data:`_SAMPLE` bytes
   leniently, and the one with the lowest cost wins: ``4 × undecodable bytes + 3 × rare
   characters`` (non-ASCII characters that are neither common Chinese characters, see
   ``data/common_chars.txt``, nor CJK punctuation). Mojibake is made of rare characters;
   a wrong encoding of the right family stumbles on bytes it does not know. On a tie
   the earlier candidate wins, so a file plain Big5 reads is ``big5`` as before.

Undecodable bytes are replaced, never dropped: **each undecodable byte sequence the
codec reports becomes exactly one U+FFFD** in the text (a UTF-8 lead byte with its
valid continuation bytes is one sequence; a lone ``\\xff`` is one). Evidence offsets
index the decoded text, U+FFFD included, so ``text[start:end]`` stays exact; the byte
offsets of the replaced sequences are in the article's ``invalid_bytes`` warning
(the first :data:`_SHOWN`), and a character cut off by the end of the file is one U+FFFD
at the end with a ``truncated_input`` warning.

Only text that is *mostly* undecodable is refused (``undecodable``): more than half of
its non-ASCII bytes undecodable in the best candidate, or decoded only into rare
characters. The message names that candidate and the first byte it could not read.

Line ends are kept as they are (CRLF, lone CR): :func:`extract.normalize.normalize`
reads them as line breaks without changing any offset.
"""

from __future__ import annotations

import codecs
import functools
import re
import threading
from dataclasses import dataclass, field
from importlib import resources

from ..errors import InputProblem

__all__ = ["Decoded", "decode_bytes"]

#: Candidates tried when the bytes are not strict UTF-8, in tie-break order.
CANDIDATES = ("utf-8", "gb18030", "big5", "cp950", "big5hkscs")
#: The order :func:`_choose` reads them in (indices into :data:`CANDIDATES`): the common winners first.
_ORDER = (1, 0, 2, 3, 4)
#: Bytes read by every candidate to choose one (the winner then reads the whole file).
_SAMPLE = 256 * 1024
#: Byte offsets listed in an ``invalid_bytes`` warning.
_SHOWN = 5
#: Costs of an undecodable byte and of a rare character (two bytes of mojibake are about
#: one rare character: a short UTF-8 text with a few bad bytes must still beat its mojibake).
_BAD_BYTE_COST = 4
_RARE_COST = 3
_TRUNCATION = ("unexpected end of data", "incomplete multibyte sequence", "truncated data")


@dataclass(frozen=True, slots=True)
class _Bad:
    """One undecodable byte sequence: bytes ``[start, end)``, replaced by one U+FFFD at ``char``."""

    start: int
    end: int
    char: int
    reason: str


@dataclass(frozen=True, slots=True)
class _Attempt:
    encoding: str
    text: str
    bad: list[_Bad]
    truncated: bool  # the last sequence was cut off by the end of the data
    gave_up: bool = False  # stopped early: more bytes undecodable than the budget

    @property
    def bad_bytes(self) -> int:
        return sum(b.end - b.start for b in self.bad)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding that read it, and ``(code, message)`` warnings on what was repaired."""

    text: str
    encoding: str
    warnings: list[tuple[str, str]] = field(default_factory=list)


@functools.cache
def _common_chars() -> frozenset[str]:
    text = resources.files("extract").joinpath("data/common_chars.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")))


@functools.cache
def _not_wide() -> dict[int, None]:
    """A :meth:`str.translate` table deleting ASCII and U+FFFD (what is left is "wide")."""
    return dict.fromkeys([*range(0x80), 0xFFFD])


@functools.cache
def _not_rare() -> dict[int, None]:
    """A :meth:`str.translate` table deleting all but the rare characters: non-ASCII, not U+FFFD,
    neither a common Chinese character nor CJK punctuation (U+3000-U+303F, full-width forms
    U+FF00-U+FFEF, “”‘’—…·)."""
    plausible = [ord(ch) for ch in _common_chars()]
    plausible += [*range(0x3000, 0x3040), *range(0xFF00, 0xFFF0), *map(ord, "“”‘’—…·")]
    return {**_not_wide(), **dict.fromkeys(plausible)}


def han_quality(text: str) -> float:
    """Share of the non-ASCII characters that are common Chinese characters or CJK punctuation.

    >>> han_quality("新增病例"), han_quality("abc"), han_quality("閲嶅簡")
    (1.0, 1.0, 0.0)
    """
    sample = text[:20000]
    wide = len(sample.translate(_not_wide()))  # its non-ASCII characters, U+FFFD left out
    if not wide:
        return 1.0
    return (wide - _rare(sample)) / wide


def _rare(text: str) -> int:
    """The number of rare characters in ``text`` (see :func:`_not_rare`)."""
    return len(text.translate(_not_rare()))


def _nonascii(data: bytes) -> int:
    return len(data.translate(None, _ASCII))


_ASCII = bytes(range(0x80))


#: What the error handler puts in place of each undecodable sequence while decoding: a lone
#: surrogate, which none of the codecs produces from valid bytes (strict UTF-8 and UTF-16
#: refuse lone surrogates; GB18030 and the Big5 variants map no bytes to one), so each one
#: in the decoded text is one reported sequence.
_MARK = "\udcff"
_HANDLER = "extract-decoding-record"
_local = threading.local()


class _State:
    """What the error handler records during one decode."""

    __slots__ = ("errors", "bad_bytes", "budget", "size", "gave_up")

    def __init__(self, size: int, budget: int | None) -> None:
        self.errors: list[tuple[int, int, str]] = []
        self.bad_bytes = 0
        self.budget = budget
        self.size = size
        self.gave_up = False


def _record(e: UnicodeError) -> tuple[str, int]:
    """Codec error handler: records each undecodable sequence and resumes after it (one mark each);
    past the budget it ends the decode (resumes at the end of the data)."""
    if not isinstance(e, UnicodeDecodeError):
        raise e
    state: _State = _local.state
    state.errors.append((e.start, e.end, e.reason))
    if e.end < state.size or e.reason not in _TRUNCATION:  # a sequence cut by the end is not counted
        state.bad_bytes += e.end - e.start
        if state.budget is not None and state.bad_bytes > state.budget:
            state.gave_up = True
            return _MARK, state.size
    return _MARK, e.end


codecs.register_error(_HANDLER, _record)


def _lenient(data: bytes, encoding: str, budget: int | None = None, at_end: bool = True,
             keep_hopeless: bool = True) -> _Attempt:
    """Decode ``data``, each undecodable sequence the codec reports becoming one U+FFFD.

    Stops once more than ``budget`` bytes are undecodable (a hopeless candidate: ``gave_up``;
    without ``keep_hopeless`` its text and sequences are then left out, as no one reads them).
    ``at_end``: the data ends where the file ends (else a sequence cut at the end is
    left out, not counted: the sample was cut, not the file).

    One decode at C speed: a registered error handler records each sequence the codec
    reports and resumes after it, as a decode started again there would (the codecs keep
    no state between characters).
    """
    state = _State(len(data), budget)
    _local.state = state
    try:
        text = codecs.decode(data, encoding, _HANDLER)
    finally:
        _local.state = None
    errors = state.errors
    if state.gave_up and not keep_hopeless:
        return _Attempt(encoding, "", [], False, gave_up=True)
    truncated = False
    if errors and not state.gave_up:
        start, end, reason = errors[-1]
        if end >= len(data) and reason in _TRUNCATION:
            truncated = at_end
            if not at_end:
                errors.pop()
                text = text[:-1]
    bad: list[_Bad] = []
    if errors:
        at = -1
        for start, end, reason in errors:
            at = text.index(_MARK, at + 1)
            bad.append(_Bad(start, end, at, reason))
        if truncated:
            last = bad[-1]
            bad[-1] = _Bad(last.start, len(data), last.char, last.reason)
        text = text.replace(_MARK, "\ufffd")
    return _Attempt(encoding, text, bad, truncated, gave_up=state.gave_up)


def _cost(attempt: _Attempt) -> int:
    return _BAD_BYTE_COST * attempt.bad_bytes + _RARE_COST * _rare(attempt.text)


def _choose(data: bytes) -> _Attempt:
    """The candidate that reads ``data`` most plausibly (see the module doc), on the whole data."""
    sample = data[:_SAMPLE]
    whole = len(sample) == len(data)
    budget = _nonascii(sample) // 2 + 8
    # The likely winners first: once one candidate reads with cost C, another that has more than
    # C / 4 undecodable bytes costs more than C (rare characters cost >= 0) and cannot win, so
    # it may stop there (the same choice as reading every candidate to its budget, sooner).
    attempts: list[_Attempt | None] = [None] * len(CANDIDATES)
    fair: list[tuple[int, int]] = []
    for i in _ORDER:
        bound = min(budget, min(fair)[0] // _BAD_BYTE_COST) if fair else budget
        attempt = attempts[i] = _lenient(sample, CANDIDATES[i], bound, at_end=whole, keep_hopeless=not fair)
        if not attempt.gave_up:
            fair.append((_cost(attempt), i))
    if not fair:  # every candidate is hopeless (each read to the full budget): the one that read
        # what it read most plausibly is reported
        return min((a for a in attempts if a is not None),
                   key=lambda a: (_cost(a) / a.bad[-1].end, CANDIDATES.index(a.encoding)))
    best = attempts[min(fair)[1]]
    assert best is not None
    if whole:
        return best
    chosen = _lenient(data, best.encoding, _nonascii(data) // 2 + 8)
    family = ("big5", "cp950", "big5hkscs")
    if chosen.bad and chosen.encoding in family:
        # A Big5 extension may be used only after the sample: the variant that reads the whole best.
        chosen = min((_lenient(data, e, _nonascii(data) // 2 + 8) for e in family),
                     key=lambda a: (a.gave_up, a.bad_bytes, family.index(a.encoding)))
    return chosen


def _first_bytes(data: bytes, bad: list[_Bad]) -> str:
    shown = ", ".join(f"{b.start} (0x{data[b.start:b.end][:4].hex().upper()})" for b in bad[:_SHOWN])
    more = f" and {len(bad) - _SHOWN} more" if len(bad) > _SHOWN else ""
    return shown + more


def _warnings(data: bytes, attempt: _Attempt, offset: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    bad = [b for b in attempt.bad if not (attempt.truncated and b is attempt.bad[-1])]
    if bad:
        shifted = [_Bad(b.start + offset, b.end + offset, b.char, b.reason) for b in bad]
        message = (f"{len(bad)} byte sequence(s) are not valid {attempt.encoding} and were each replaced by one "
                   f"U+FFFD (evidence offsets count it as one character); at byte offset(s) "
                   f"{_first_bytes(data, shifted)}")
        out.append(("invalid_bytes", message))
    if attempt.truncated:
        last = attempt.bad[-1]
        message = (f"the input ends inside a {attempt.encoding} character: its last {last.end - last.start} "
                   f"byte(s), from byte offset {last.start + offset}, were replaced by one U+FFFD")
        out.append(("truncated_input", message))
    return out


def _refuse(data: bytes, attempt: _Attempt, offset: int, nonascii: int) -> InputProblem:
    first = attempt.bad[0]
    return InputProblem(
        "undecodable",
        f"mostly undecodable: no encoding tried (UTF-8, GB18030, Big5, cp950, Big5-HKSCS) reads it; the closest, "
        f"{attempt.encoding}, cannot read {'over ' if attempt.gave_up else ''}{attempt.bad_bytes} of its {nonascii} "
        f"non-ASCII bytes, the first at byte "
        f"offset {first.start + offset} (0x{data[first.start + offset:first.end + offset][:4].hex().upper()}: "
        f"{first.reason})")


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # not \t \n \v \f \r


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample or not _CONTROL.search(sample):  # the common case, at C speed
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.01


_CONTROL_BYTE = re.compile(b"[\x00-\x08\x0e-\x1f\x7f]")


def _looks_binary_bytes(data: bytes) -> bool:
    """:func:`_looks_binary` on the bytes: in ASCII-compatible encodings (not UTF-16) a
    control byte is never part of a multibyte character, so it is a control character."""
    sample = data[:20000]
    return bool(sample) and len(_CONTROL_BYTE.findall(sample)) / len(sample) > 0.01


def decode_bytes(data: bytes) -> Decoded:
    """Decode the bytes of a text file (see the module doc).

    Raises:
        InputProblem: ``empty``, ``binary`` or ``undecodable`` (mostly undecodable; the
            message names the encoding that came closest and the first byte it could not read).

    >>> d = decode_bytes("重庆市新增".encode() + b"\\xff" + "病例".encode())
    >>> d.text, d.encoding, [code for code, _ in d.warnings]
    ('重庆市新增\\ufffd病例', 'utf-8', ['invalid_bytes'])
    """
    offset = 0
    candidates: tuple[str, ...]
    if data.startswith(codecs.BOM_UTF8):
        offset, body, candidates = 3, data[3:], ("utf-8",)
        label = "utf-8-sig"
    elif data.startswith(codecs.BOM_UTF16_LE):
        offset, body, candidates, label = 2, data[2:], ("utf-16-le",), "utf-16"
    elif data.startswith(codecs.BOM_UTF16_BE):
        offset, body, candidates, label = 2, data[2:], ("utf-16-be",), "utf-16"
    else:
        body, candidates, label = data, (), ""
    if candidates:
        attempt = _lenient(body, candidates[0])
    else:
        try:
            attempt = _Attempt("utf-8", data.decode("utf-8"), [], False)
        except UnicodeDecodeError:
            no_bom = _utf16_without_bom(data)
            if no_bom is not None:
                attempt = no_bom
            else:
                if _looks_binary_bytes(data):  # before trying five codecs on it (seconds for random bytes)
                    raise InputProblem("binary", "looks like binary data, not text (control bytes, whatever "
                                                 "the encoding: UTF-8, GB18030 and Big5 keep them as they are)") from None
                attempt = _choose(data)
    text = attempt.text
    encoding = label or attempt.encoding
    if attempt.bad:
        utf16 = attempt.encoding in ("utf-16-le", "utf-16-be")
        nonascii = len(body) if utf16 else _nonascii(body)
        if attempt.gave_up or attempt.bad_bytes * 2 > nonascii or not text.replace("\ufffd", "").strip():
            raise _refuse(data, attempt, offset, nonascii)
    if not text.strip():
        raise InputProblem("empty", "the file is empty or only white space")
    if _looks_binary(text):
        raise InputProblem("binary", f"looks like binary data, not text (decoded as {encoding})")
    if attempt.encoding in ("gb18030", "big5", "cp950", "big5hkscs") and (len(body) >= 32 or attempt.bad) \
            and han_quality(text) < 0.2:
        # Decodes, but into rare characters: likely another encoding or binary.
        raise InputProblem("undecodable", f"decodes as {attempt.encoding} only into implausible characters "
                                          f"(not common Chinese text); encoding unknown")
    return Decoded(text, encoding, _warnings(data, attempt, offset))


def _utf16_without_bom(data: bytes) -> _Attempt | None:
    """UTF-16 without a BOM: every other byte of ASCII-heavy text is NUL."""
    if len(data) < 4:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return _lenient(data, "utf-16-le")
    if even > half * 0.3 and odd < half * 0.05:
        return _lenient(data, "utf-16-be")
    # Chinese text has few NULs: the high byte of each unit is then that of a CJK character,
    # CJK punctuation, a full-width form or ASCII, and the decoded text is common Chinese.
    # Some units are ASCII (digits, line ends: high byte 0) and the characters vary (not one pair
    # of bytes repeated, as in junk).
    for codec, high in (("utf-16-le", data[1:40000:2]), ("utf-16-be", data[0:40000:2])):
        if len(high.translate(None, _UTF16_HIGH)) < len(high) * 0.1 and high.count(0) >= max(1, len(high) // 100):
            attempt = _lenient(data, codec)
            if len(attempt.bad) <= 1 + len(data) // 2000 and han_quality(attempt.text) >= 0.6 \
                    and len(set(attempt.text[:20000])) >= 10:
                return attempt
    return None


#: High bytes of the UTF-16 code units of Chinese text: ASCII, CJK punctuation, CJK characters, full-width forms.
_UTF16_HIGH = bytes([0x00, 0x20, 0x30, *range(0x4E, 0xA0), 0xFF])
