"""Script and width normalisation that keeps the way back to the original.

This is the only place that converts script (OpenCC ``t2s``) and width
(full-width ASCII → half-width, U+3000 → space). Every later stage works on the
normalised text, and turns a span it found into evidence in the original text
with :meth:`Normalized.evidence`.

The normalisation is *length-preserving by construction*: normalised character
``i`` comes from original character ``i``. OpenCC converts phrase by phrase, and
a phrase may in principle change length; any line where that happens is
converted again character by character, and any character whose conversion is
not exactly one character is kept as it was. The offset map is therefore the
identity, which is exact, costs no memory and cannot drift.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

from .errors import ResourceError
from .models import Evidence
from .opencc_data import trusted_rows

__all__ = ["Normalized", "detect_script", "normalize", "to_simplified", "unify_line_ends"]

# Full-width ASCII variants U+FF01..U+FF5E map to U+0021..U+007E; the
# ideographic space becomes a plain space. CJK punctuation (。、“”《》) is kept:
# it is not a width variant, and the extractors read it.
_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = 0x20
# Zero-width characters (a zero-width space pasted between two list items, a BOM mid-text) read as spaces.
#: Zero-width space, non-joiner, joiner, word joiner, BOM.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_WIDTH_TABLE.update(dict.fromkeys(map(ord, ZERO_WIDTH), 0x20))
#: OpenCC's Hong Kong → Simplified: t2s plus the Hong Kong variant forms (衞 → 卫, 衹 → 只),
#: which plain t2s leaves alone; on every other character of the CJK block the two agree.
_TO_SIMPLIFIED = "hk2s"
#: Script detection reads this many characters: enough to be sure, cheap on huge inputs.
_SCRIPT_SAMPLE = 20_000
#: The Traditional-only characters are counted in this many characters first (see :func:`detect_script`).
_SCRIPT_HEAD = 1_000


class _Converter(Protocol):  # opencc.OpenCC, whose convert() is not annotated
    def convert(self, text: str) -> str: ...


@functools.cache
def _converter(config: str) -> _Converter:
    import opencc  # the official binding; import is cheap (~3 ms)

    return opencc.OpenCC(config)


def _convert_line(conv: _Converter, line: str) -> str:
    out = conv.convert(line)
    if len(out) == len(line):
        return out
    # A phrase changed length: fall back to one character at a time.
    chars = []
    for ch in line:
        c = conv.convert(ch)
        chars.append(c if len(c) == 1 else ch)
    return "".join(chars)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _convert(text: str, config: str) -> str:
    conv = _converter(config)
    sets = _hk2s_sets() if config == _TO_SIMPLIFIED else None
    out = _fast_convert(text, conv, sets) if sets is not None else None
    if out is None:
        text, out = _convert_whole(conv, text)
    # (The fast way gives OpenCC's own answer: when its length differs, so does OpenCC's.)
    if len(out) == len(text):
        return out
    return "".join(_convert_line(conv, line) for line in text.splitlines(keepends=True))


def _convert_whole(conv: _Converter, text: str) -> tuple[str, str]:
    """The text OpenCC converts (``text``, its lone surrogates as U+FFFD) and its conversion.

    OpenCC takes UTF-8 (its binding encodes the text); a lone surrogate (possible from the Python API)
    is not encodable, so it stands in as U+FFFD, one character for one. Strict UTF-8 encoding fails on
    surrogates and nothing else: a text the binding encodes has none, and is neither encoded beforehand
    nor searched (the fast way, :func:`_fast_convert`, finds a surrogate in its own scan)."""
    try:
        return text, conv.convert(text)
    except UnicodeEncodeError:
        text = _SURROGATE.sub("\ufffd", text)
        return text, conv.convert(text)


# -- Converting only what OpenCC can change --------------------------------------------------------
#
# OpenCC converts by dictionary: at each position the longest key of a dictionary that starts there
# is replaced by its first value, in each step of ``hk2s`` (normalisation, then the Hong Kong variants,
# then Traditional → Simplified; the text is first cut into segments at the keys of a phrase
# dictionary). From its dictionaries (``data/opencc_hk2s.tsv``, written by
# ``scripts/build_opencc_sets.py``, used only when the installed OpenCC has the same version and
# files) three sets of characters follow:
#
# - *context* characters: those of every key of two or more characters, and every character that a
#   step can turn into one of them; every character beyond the BMP counts as one;
# - *changing* context characters: where some key's value differs from the key;
# - *free* characters: every other character that ``hk2s`` changes; each converts alone, always to the
#   same character.
#
# A character that is no context character is never inside a key of two or more characters, in any
# step: OpenCC's conversion of a text is the conversion of the runs of context characters between
# such characters, each alone, with the others converted one by one. A run without a changing
# character is given back as it is (every key found in it has a value equal to itself, in every step).
# So a text without a free character is the text with its runs that hold a changing character
# converted, in one OpenCC call (joined by line breaks: no key or value holds one), which is far less
# than the whole text for a Simplified one. A text with a free character (Traditional), a NUL (where
# OpenCC's C strings end), an ideographic description character (⿰…, which OpenCC reads as a
# unit) or a lone surrogate (:func:`_convert_whole`) is converted whole. One scan finds those and the
# changing characters (none of them is a context character: the runs it skips hold none).
# ``tests/test_normalize.py`` checks the sets and the result against OpenCC.


class _Hk2sSets:
    """The sets of ``data/opencc_hk2s.tsv`` as patterns.

    Each pattern is a class of hundreds or thousands of characters, which the standard parser reads one
    by one (~0.1 s for all five at every start). The two a Simplified text's conversion asks
    (:func:`_fast_convert`: ``first`` and ``run``) are compiled with the sets; ``nine_free`` (asked only
    by :func:`detect_script` for a text OpenCC changed, and more than half the compiling alone),
    ``whole`` and ``changing`` (asked by no code of the package) when first read.
    """

    def __init__(self, free: str, changing: str, context: str) -> None:
        self._free, self._changing = free, changing
        #: One of whole's characters, a lone surrogate or a changing character.
        self.first = re.compile(_char_class(free + changing, "\x00\u2ff0-\u2fff\u31ef\ud800-\udfff" + _BEYOND_BMP))
        #: The characters of whole and the surrogates: those of first not changing.
        self.whole_chars = frozenset(free + _UNIT_CHARS + "".join(map(chr, range(0xD800, 0xE000))))
        #: A run of context characters (possibly empty).
        self.run = re.compile(_char_class(context, _BEYOND_BMP) + "*")

    @functools.cached_property
    def whole(self) -> re.Pattern[str]:
        """A free character, NUL or an ideographic description character."""
        return re.compile(_char_class(self._free, "\x00\u2ff0-\u2fff\u31ef"))

    @functools.cached_property
    def changing(self) -> re.Pattern[str]:
        """A changing context character."""
        return re.compile(_char_class(self._changing, _BEYOND_BMP))

    @functools.cached_property
    def nine_free(self) -> re.Pattern[str]:
        """The text up to its ninth free character (see :func:`_free_at_least`)."""
        free = _char_class(self._free)
        return re.compile(f"(?:[^{free[1:-1]}]*+{free}){{{_FREE_STEP}}}")


_BEYOND_BMP = "\U00010000-\U0010ffff"
#: Characters OpenCC reads as a unit (the ideographic description characters), or where C strings end.
_UNIT_CHARS = "\x00\u31ef" + "".join(map(chr, range(0x2FF0, 0x3000)))


def _char_class(chars: str, extra: str = "") -> str:
    # (re.escape of the whole string escapes each character as re.escape of each alone, in one translate)
    return "[" + re.escape(chars) + extra + "]"


@functools.cache
def _hk2s_sets() -> _Hk2sSets | None:
    """The sets of ``data/opencc_hk2s.tsv`` as patterns, or None when the installed OpenCC is not the one
    they were read from (another version, another dictionary file)."""
    name = "opencc_hk2s.tsv"
    rows = trusted_rows(name, ("chars",))
    if rows is None:
        return None
    chars = {key: value for (_, key), value in rows.items()}
    if set(chars) != {"context", "changing", "free"}:
        raise ResourceError(f"{name}: needs the context, changing and free characters, and no others")
    if any(ord(ch) > 0xFFFF or ch in "\n\0" for value in chars.values() for ch in value):
        raise ResourceError(f"{name}: only BMP characters but line breaks and NUL")
    if not set(chars["changing"]) <= set(chars["context"]) or set(chars["free"]) & set(chars["context"]):
        raise ResourceError(f"{name}: the changing characters are context characters, the free ones are not")
    if set(_UNIT_CHARS) & set(chars["context"]):
        raise ResourceError(f"{name}: NUL and the ideographic description characters are no context characters")
    return _Hk2sSets(chars["free"], chars["changing"], chars["context"])


#: Free characters counted by one match of :attr:`_Hk2sSets.nine_free` (see :func:`_free_at_least`).
_FREE_STEP = 9


def _free_at_least(sets: _Hk2sSets, sample: str, simp: int) -> bool:
    """Whether ``sample`` holds at least ``9 * simp`` free characters: then its conversion differs from it
    in at least as many positions (a free character converts alone, always to one other character:
    ``tests/test_normalize_opencc.py`` holds the sets to OpenCC), and :func:`detect_script` would count
    that many Traditional-only characters or more, a share of at least 0.9 against ``simp``
    Simplified-only ones. Found ``_FREE_STEP`` at a time by one match each, reading the sample only up
    to the last one needed (no match object, no string per character: counting every free character
    of a Traditional text with ``findall`` costs more than the count it spares)."""
    pos = 0
    match = sets.nine_free.match
    for _ in range(simp * 9 // _FREE_STEP):
        found = match(sample, pos)
        if found is None:
            return False
        pos = found.end()
    return True


def _run_end(run: re.Pattern[str], text: str, at: int) -> int:
    found = run.match(text, at)  # matches (perhaps empty) wherever it starts
    return found.end() if found is not None else at


def _fast_convert(text: str, conv: _Converter, sets: _Hk2sSets) -> str | None:
    """OpenCC ``hk2s``'s conversion of ``text``, converting only its runs that can change; None when the
    text is to be converted whole (see above): found in the same scan as the changing characters (a run
    skipped holds context characters only, none of those)."""
    first = sets.first.search
    found = first(text)
    if found is None:
        return text
    whole_chars = sets.whole_chars
    size = len(text)
    backwards = ""
    spans = []
    while found is not None:
        at = found.start()
        if text[at] in whole_chars:
            return None
        if not backwards:
            backwards = text[::-1]
        start = size - _run_end(sets.run, backwards, size - at)  # the context characters before it
        end = _run_end(sets.run, text, at)
        spans.append((start, end))
        found = first(text, end)
    converted = conv.convert("\n".join([text[start:end] for start, end in spans])).split("\n")
    if len(converted) != len(spans):  # pragma: no cover - no key or value holds a line break
        return None
    parts = []
    last = 0
    for (start, end), run in zip(spans, converted):
        parts.append(text[last:start])
        parts.append(run)
        last = end
    parts.append(text[last:])
    return "".join(parts)


def to_simplified(text: str) -> str:
    """Convert to Simplified script and half-width, preserving length.

    >>> to_simplified("重慶：兩江新區１２例")
    '重庆:两江新区12例'
    """
    return _to_half_width(_convert(text, _TO_SIMPLIFIED))


#: Runs of the characters :data:`_WIDTH_TABLE` maps. Translating only these runs is 3× faster than
#: ``str.translate`` over the whole text, which looks up (and misses) every other character.
_WIDE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_WIDTH_TABLE)) + "]+")  # from the table: never out of step


#: One such character: a text without any is given back as it is (searching for one character of a
#: class is faster than a substitution that finds nothing).
_ONE_WIDE = re.compile(_WIDE.pattern[:-1])


def _to_half_width(text: str) -> str:
    if _ONE_WIDE.search(text) is None:
        return text
    return _WIDE.sub(lambda m: m.group().translate(_WIDTH_TABLE), text)


Script = Literal["simplified", "traditional", "mixed"]

#: Per character: does ``s2t`` change it (a Simplified-only character)? Filled as
#: characters are first seen, so OpenCC is asked about each character once per process.
_SIMPLIFIED_ONLY: dict[str, bool] = {}


#: The characters whose answer is read once per process for the whole range, in one OpenCC call
#: (printable BMP characters but the surrogates); the others are asked about as they come. The
#: complement of ``[\x20-\ud7ff\ue000-\uffff]``, spelled out: the standard compiler marks every code
#: point of a class's BMP ranges in a table, one at a time (63,000 for that class, ~10 ms at every start).
_NOT_BULK = re.compile(r"[\x00-\x1f\ud800-\udfff\U00010000-\U0010ffff]")
#: :data:`_ASKED` as a positive class (the complement of ``[\t\n\r\x20-\ud7ff\ue000-\uffff]``
#: spelled out, as for :data:`_NOT_BULK`), also to be merged with another class.
_ASKED_RANGES = r"\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\U00010000-\U0010ffff"
#: The characters of :data:`_NOT_BULK` OpenCC is asked about: all but the tab and the line breaks, which
#: are never Simplified-only (OpenCC's dictionaries are lines of tab-separated keys and values: no key
#: holds one, so ``s2t`` gives each back as it is). Every text has line breaks: asking about them would
#: load ``s2t`` (a tenth of a second) in every process that reads a Traditional text.
_ASKED = re.compile(f"[{_ASKED_RANGES}]")


def _simplified_only_ranges() -> list[tuple[int, int]]:
    """The Simplified-only characters of the bulk range, as ranges of code points, asked of OpenCC."""
    bulk = "".join(map(chr, range(0x20, 0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))  # all but _NOT_BULK
    # One OpenCC call; the newlines keep phrases from forming. When every character came back as
    # one character (and no newline), character i is at 2i: compared at C speed, not through a dict.
    back = _converter("s2t").convert("\n".join(bulk))
    converted = back[::2]
    if len(back) == 2 * len(bulk) - 1 and back[1::2] == "\n" * (len(bulk) - 1) and "\n" not in converted:
        changed = [ch for ch, c in zip(bulk, converted) if ch != c]
    else:  # pragma: no cover - OpenCC gave some character back as several
        table = _simplified_only(bulk)
        changed = [ch for ch in bulk if table[ch]]
    ranges: list[tuple[int, int]] = []
    for ch in changed:
        if ranges and ranges[-1][1] == ord(ch) - 1:
            ranges[-1] = (ranges[-1][0], ord(ch))
        else:
            ranges.append((ord(ch), ord(ch)))
    return ranges


_RANGE = re.compile("[0-9a-f]{4}(?:-[0-9a-f]{4})?")


def _read_ranges(value: str, origin: str) -> list[tuple[int, int]]:
    """``4e07 4e0a-4e0b`` → ``[(0x4E07, 0x4E07), (0x4E0A, 0x4E0B)]``: ascending, apart, in the bulk range."""
    ranges: list[tuple[int, int]] = []
    for item in value.split():
        if _RANGE.fullmatch(item) is None:
            raise ResourceError(f"{origin}: {item!r} is no code point range")
        first, _, last = item.partition("-")
        a, b = int(first, 16), int(last or first, 16)
        if not (a <= b and (not ranges or ranges[-1][1] + 1 < a) and _NOT_BULK.search(chr(a) + chr(b)) is None
                and not a < 0xD800 <= b):
            raise ResourceError(f"{origin}: {item!r} is out of order or outside U+0020..U+FFFF")
        ranges.append((a, b))
    return ranges


def _write_ranges(ranges: list[tuple[int, int]]) -> str:
    return " ".join(f"{a:04x}" if a == b else f"{a:04x}-{b:04x}" for a, b in ranges)


@functools.cache
def _simplified_only_class() -> re.Pattern[str]:
    """A character class of the Simplified-only characters of the bulk range (for counting them in C).

    Read from ``data/opencc_s2t.tsv`` when it was written from the installed OpenCC (asking OpenCC
    costs a tenth of a second per process: loading ``s2t``, converting 63,000 characters), else asked.
    """
    rows = trusted_rows("opencc_s2t.tsv", ("ranges",))
    if rows is None:
        ranges = _simplified_only_ranges()
    elif set(rows) != {("ranges", "simplified_only")}:
        raise ResourceError("opencc_s2t.tsv: needs the simplified_only ranges, and nothing else")
    else:
        ranges = _read_ranges(rows["ranges", "simplified_only"], "opencc_s2t.tsv")
    return re.compile("[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]")


@functools.cache
def _script_class() -> re.Pattern[str]:
    """:func:`_simplified_only_class` and :data:`_ASKED` in one class (the two are apart: the one lies in
    the bulk range, the other outside), so that :func:`detect_script` reads the text once, not twice."""
    return re.compile("[" + _simplified_only_class().pattern[1:-1] + _ASKED_RANGES + "]")


def _simplified_only(chars: Iterable[str]) -> dict[str, bool]:
    missing = [ch for ch in chars if ch not in _SIMPLIFIED_ONLY]
    if missing:
        conv = _converter("s2t")
        # One call for all new characters; the newline keeps phrases from forming.
        back = _SURROGATE.sub("\ufffd", conv.convert("\n".join(_SURROGATE.sub("\ufffd", "".join(missing)))))
        answers = back.split("\n")
        if len(answers) != len(missing):  # pragma: no cover - a conversion that ate a newline
            answers = [conv.convert(_SURROGATE.sub("\ufffd", ch)) for ch in missing]
        for ch, converted in zip(missing, answers):
            _SIMPLIFIED_ONLY[ch] = converted != ch and not _SURROGATE.match(ch)
    return _SIMPLIFIED_ONLY


def detect_script(original: str, converted: str) -> Script:
    """Say which script ``original`` is written in, given its ``t2s`` conversion (that of
    :func:`to_simplified`, before or after the width mapping: position for position).

    Counts characters that ``t2s`` changed (Traditional-only) and characters
    that ``s2t`` would change (Simplified-only); a few stray characters of the
    other script (什么 in a Traditional page) do not make a text mixed.

    >>> detect_script("重慶市確診", to_simplified("重慶市確診")), detect_script("重庆市", "重庆市")
    ('traditional', 'simplified')
    """
    sample, converted = original[:_SCRIPT_SAMPLE], converted[:_SCRIPT_SAMPLE]
    if sample == converted:
        return "simplified"
    found = _script_class().findall(sample)  # the Simplified-only characters and those to ask about
    asked = _ASKED.findall("".join(found)) if found else []
    simp = len(found) - len(asked)
    rare = Counter(asked)
    if rare:
        table = _simplified_only(rare)
        simp += sum(n for ch, n in rare.items() if table[ch])
    if not simp:
        # The texts differ, so some character was Traditional-only: the share below is 1 whatever
        # their number (not counted: a text converted whole needs no count).
        return "traditional"
    sets = _hk2s_sets()
    if sets is not None and _free_at_least(sets, sample, simp):
        # Enough free characters, each a Traditional-only one: the share is at least 0.9 (cheaper than
        # counting the differences, which in UTF-16 integers costs ~13 µs a thousand characters).
        return "traditional"
    # ``converted`` is before the width mapping (OpenCC keeps full-width forms), so every
    # difference is a script change. Counted over the first characters first: when they already
    # hold nine Traditional-only characters for each Simplified-only one, the share is at least 0.9
    # and the rest is not read.
    trad = _differences(sample[:_SCRIPT_HEAD], converted[:_SCRIPT_HEAD])
    if trad >= 9 * simp:
        return "traditional"
    trad += _differences(sample[_SCRIPT_HEAD:], converted[_SCRIPT_HEAD:])
    share = trad / (trad + simp)
    if share >= 0.9:
        return "traditional"
    if share <= 0.1:
        return "simplified"
    return "mixed"


#: Each byte to 0 (zero) or 1 (any other value), for counting the code points that differ.
_NONZERO = bytes([0] + [1] * 255)


def _differences(a: str, b: str) -> int:
    """The number of positions where ``a`` and ``b`` differ (over the shorter length).

    At C speed: the two strings as UTF-16 (or, with a character beyond the BMP, UTF-32) integers XOR-ed
    give a non-zero word exactly where the code points differ; each byte is made 0 or 1, each word's
    bytes are OR-ed into its lowest byte, and the bits set are counted. UTF-16 (one 16-bit word per code
    point when the encoding has two bytes per character) halves the bytes, and so the big-integer work.

    >>> _differences("重慶市確診", "重庆市确诊"), _differences("abc", "abd"), _differences("", "x")
    (3, 1, 0)
    >>> _differences("\U00020000甲", "\U00020001甲"), _differences("\U00020000甲", "\U00020000乙")
    (1, 1)
    """
    n = min(len(a), len(b))
    if not n:
        return 0
    ea, eb = a[:n].encode("utf-16-le", "surrogatepass"), b[:n].encode("utf-16-le", "surrogatepass")
    width = 2
    if len(ea) != 2 * n or len(eb) != 2 * n:  # a character beyond the BMP takes two words: one each in UTF-32
        ea, eb = a[:n].encode("utf-32-le", "surrogatepass"), b[:n].encode("utf-32-le", "surrogatepass")
        width = 4
    x = int.from_bytes(ea, "little") ^ int.from_bytes(eb, "little")
    if not x:
        return 0
    y = int.from_bytes(x.to_bytes(width * n, "little").translate(_NONZERO), "little")
    y = (y | y >> 8 | y >> 16 | y >> 24) if width == 4 else (y | y >> 8)
    return (y & int.from_bytes((b"\x01" + b"\x00" * (width - 1)) * n, "little")).bit_count()


@dataclass(frozen=True, slots=True)
class Normalized:
    """The original text and its normalised twin, index for index."""

    original: str
    text: str
    script: Script = "simplified"

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span to the original text (the identity, see module doc)."""
        return start, end

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for the normalised span ``[start, end)``."""
        s, e = self.to_original(start, end)
        return Evidence(start=s, end=e, text=self.original[s:e])


def unify_line_ends(text: str) -> str:
    r"""Windows (CR LF) and old Mac (lone CR) line ends as ``\n``, keeping every offset.

    CR LF becomes a space and LF (a line's trailing space is read as nothing), a lone CR becomes LF.

    >>> unify_line_ends("甲\r\n乙\r丙\n")
    '甲 \n乙\n丙\n'
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", " \n").replace("\r", "\n")


#: Characters Hong Kong reports write for a common one that OpenCC leaves alone (石家莊巿, 巿委書記,
#: 陜西): read as that one, so places, titles and names are found; titles keep them as written.
_VARIANTS = {"巿": "市", "陜": "陕"}
_VARIANT_TABLE = str.maketrans(_VARIANTS)
_ANY_VARIANT = re.compile("[" + "".join(_VARIANTS) + "]")


def _has_variant(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`_VARIANTS`: a test of each with ``in`` (a memchr-fast
    scan) costs a twentieth of searching the class with the regular-expression engine."""
    return any(ch in text for ch in _VARIANTS)


def fold_variants(text: str) -> str:
    """``text`` with the variant characters of :data:`_VARIANTS` read as the common ones (same length).

    >>> fold_variants("石家庄巿、陜西")
    '石家庄市、陕西'
    """
    return text.translate(_VARIANT_TABLE) if _has_variant(text) else text


def as_written(view: str, original: str) -> str:
    """``view`` (a normalised text of ``original``, the same length) with the variant characters put
    back where ``original`` has them: a headline as it was written.

    >>> as_written("北京市场关闭", "北京巿場關閉")
    '北京巿场关闭'
    """
    if len(view) != len(original) or not _has_variant(original):
        return view
    chars = list(view)
    for m in _ANY_VARIANT.finditer(original):
        if chars[m.start()] == _VARIANTS[m.group()]:
            chars[m.start()] = m.group()
    return "".join(chars)


def normalize(original: str) -> Normalized:
    """Normalise ``original`` to Simplified, half-width text of the same length, and detect its script."""
    converted = _convert(original, _TO_SIMPLIFIED)
    text = fold_variants(unify_line_ends(_to_half_width(converted)))
    if len(text) != len(original):  # pragma: no cover - guarded by construction
        raise AssertionError("normalisation must preserve length")
    return Normalized(original=original, text=text, script=detect_script(original, converted))
