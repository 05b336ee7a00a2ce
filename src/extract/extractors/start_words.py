"""Where a title's post or a meeting's name may start: one automaton pass over a text finds both.

Two patterns are tried only where a match can start (:func:`extract.anchored.matches_at`): the
officials' post pattern where a modifier or post word of the lexicon starts, and the meetings'
pattern (``meetings._MEETING``) where one of :data:`MEETING_START_WORDS` is. Both extractors read
the same article body, and each scanned it with an automaton of its own; a DFA of both word sets
scans the text once (for about what one scan cost), and the occurrences are kept for the last few
texts: the officials extractor asks first, the meetings extractor reads the same scan.

The places in a window are those of the occurrences lying wholly inside it: what an overlapping
scan of the window alone finds.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re

from collections.abc import Iterator
from typing import NamedTuple

import ahocorasick_rs

from ..anchored import matches_at
from ..margins import blank_free, inner_text
from .body_words import body_hits, merged_automaton16, merged_words
from .officials_lexicon import load_lexicon

__all__ = ["GATE_WORDS", "HELD_BEFORE", "MEETING_START_WORDS", "gate_starts", "holds", "meeting_words", "post_matches", "post_starts"]

# Where a meetings._MEETING match can start: every alternative begins with one of these words (委 for
# 委员会/委五届二次全会, whose second character may be any digit), or — a meeting named by its
# subject — right after 召开/举行. Trying the pattern only there finds what finditer finds
# (lookbehinds still see the text before), without trying it at every character.
HELD_BEFORE = ("召开", "举行")
MEETING_START_WORDS = (
    *HELD_BEFORE,
    "电视电话会", "电视会议", "视频会", "视频调度会", "视频工作会", "视频调度工作会",
    "新闻发布会", "发布会", "新闻释出会", "新闻通气会", "吹风会", "记者见面会", "记者招待会", "记者会", "会见传媒", "简报会",
    "政治局", "委", "省委全会", "市委全会", "区委全会", "县委全会",
    "领导小组", "指挥部", "疫情指挥中心",
    "专题", "调度会", "调度例会", "调度工作会", "汇报会", "会商会", "研判会",
    "指导组", "督导组", "工作组", "督查组", "检查组",
    "代表团", "全体", "常务会议", "常委会", "常务委员会", "座谈会", "推进会", "部署会", "动员会",
    "工作会", "联席会议", "党组",
)


#: Words whose presence in an article body gates a scan of the officials' and meetings' rules (the appointment
#: patterns' 任命/增补, 免去, 被免, 当选, 不再; an interview's 接受 and 记者表示 …; a press conference roster's
#: 主持人/发布人). Each was looked for by a ``str.find`` over the whole body (~2.8 µs a two-character word on a
#: bench body, most of them for nothing); riding on the one automaton pass, each is a bisection (:func:`holds`).
GATE_WORDS = (
    "任命", "增补", "免去", "被免", "当选", "不再",
    "接受", "记者表示", "记者说", "记者称", "记者透露",
    "主持人", "发布人",
)


def start_word_kinds() -> dict[str, tuple[bool, int, int]]:
    """By start word (the modifier and post words of the lexicon, :data:`MEETING_START_WORDS` and
    :data:`GATE_WORDS`, sorted): whether it is a modifier or post word, its index in
    :data:`MEETING_START_WORDS` (-1 for none) and in :data:`GATE_WORDS` (-1 for none)."""
    lex = load_lexicon()
    posts = {*lex.modifiers, *lex.posts}
    index = {w: i for i, w in enumerate(MEETING_START_WORDS)}
    gates = {w: i for i, w in enumerate(GATE_WORDS)}
    return {w: (w in posts, index.get(w, -1), gates.get(w, -1)) for w in sorted(posts | set(index) | set(gates))}


class _Automaton:
    """The start words as the one automaton shared with the case counts' reader scans them
    (:mod:`.body_words`: its words by index); for each of its words, whether it is a modifier or post word,
    its index in :data:`MEETING_START_WORDS` (-1 for none) and in :data:`GATE_WORDS` (-1 for none)."""

    def __init__(self) -> None:
        kinds = start_word_kinds()
        words = merged_words()
        none = (False, -1, -1)
        self.post = tuple(kinds.get(w, none)[0] for w in words)
        self.meeting = tuple(kinds.get(w, none)[1] for w in words)
        self.gate = tuple(kinds.get(w, none)[2] for w in words)
        self.blank_free = blank_free(kinds)  # no start word holds white space: the text's blank margins need no scan
        self._words = words
        self.automaton16 = merged_automaton16()  # (the scan's own, see extract.scan16)

    @functools.cached_property
    def automaton(self) -> ahocorasick_rs.AhoCorasick:
        """The words in an automaton for ``str`` reporting every occurrence (the scan reads UTF-16 bytes; this
        one is what the tests hold it to)."""
        return ahocorasick_rs.AhoCorasick(self._words, implementation=ahocorasick_rs.Implementation.DFA)


@functools.cache
def _automaton() -> _Automaton:
    return _Automaton()


class _Scan(NamedTuple):
    """Every occurrence in a text, each list ordered by start: the modifier and post words'
    (starts, ends), the meeting words' (index in MEETING_START_WORDS, start, end), and the starts of each
    of the GATE_WORDS found (by index; most texts hold none, and a line scanned for a roster holds none)."""

    post_starts: list[int]
    post_ends: list[int]
    meetings: list[tuple[int, int, int]]
    gates: dict[int, list[int]]


@functools.lru_cache(maxsize=4)
def _scan(text: str) -> _Scan:
    # The part between the blank margins (shared with the gazetteer's scan), scanned once with the case counts'
    # reader's words (an article's body is that reader's span: :func:`.body_words.body_hits` answers again).
    if _automaton().blank_free:
        inner, shift = inner_text(text)
        found = body_hits(text, shift, shift + len(inner))
    else:
        found = body_hits(text, 0, len(text))
    posts = sorted(found.posts)
    meetings = sorted(found.meetings, key=_START)
    gates = {g: sorted(starts) if len(starts) > 1 else list(starts) for g, starts in found.gates.items()}
    return _Scan([s for s, _ in posts], [e for _, e in posts], meetings, gates)


#: A meeting word's start (a sort key read in C).
_START = operator.itemgetter(1)


_GATE_INDEX = {w: i for i, w in enumerate(GATE_WORDS)}


def holds(text: str, word: str, start: int, end: int) -> bool:
    """``text.find(word, start, end) >= 0`` for one of :data:`GATE_WORDS` (and ``0 <= start``), read from the
    scan both extractors share instead of searching the text again."""
    starts = _scan(text).gates.get(_GATE_INDEX[word])
    if starts is None:
        return False
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] + len(word) <= end


def gate_starts(text: str, word: str, start: int, end: int) -> list[int]:
    """Where one of :data:`GATE_WORDS` starts inside ``text[start:end]`` (``0 <= start``), in order: the
    positions ``text.find`` finds one after another (a gate word overlaps no occurrence of itself)."""
    starts = _scan(text).gates.get(_GATE_INDEX[word])
    if starts is None:
        return []
    last = end - len(word)
    return [s for s in starts[bisect.bisect_left(starts, start) :] if s <= last]


def post_starts(text: str, start: int, end: int) -> list[int]:
    """Where a modifier or post word starts inside ``text[start:end]`` (and ends there too), in order,
    each once: where the lexicon's ``post_pattern`` may match (see ``Lexicon.post_matches``)."""
    scan = _scan(text)
    starts, ends = scan.post_starts, scan.post_ends
    out: list[int] = []
    for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
        s = starts[i]
        if ends[i] <= end and (not out or out[-1] != s):
            out.append(s)
    return out


def post_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``load_lexicon().post_pattern.finditer(text, start, end)``, the pattern tried only where a
    modifier or post word starts (:func:`post_starts`) instead of at every character."""
    return matches_at(load_lexicon().post_pattern, text, post_starts(text, start, end), end)


def meeting_words(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Every occurrence ``(index in MEETING_START_WORDS, start, end)`` of a meeting word inside
    ``text[start:end]``, by start."""
    found = _scan(text).meetings
    lo = bisect.bisect_left(found, start, key=lambda t: t[1])
    out = []
    for i in range(lo, len(found)):
        occurrence = found[i]
        if occurrence[1] >= end:
            break
        if occurrence[2] <= end:
            out.append(occurrence)
    return out
