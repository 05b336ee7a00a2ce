"""The role verbs of a meeting's people (主持 chair, 强调 speaker, 出席 attendee) and the words that hold one
but give no role (研究部署, 讲话精神): the patterns and the automaton the meetings extractor searches
windows with. Split from :mod:`.meetings`."""

from __future__ import annotations

import functools
import re

import ahocorasick_rs

from ..anchored import std_compile
from .officials_lexicon import _alt, load_lexicon

__all__ = ["_ROLES", "_find_role", "_role_patterns", "_role_words"]


@functools.cache
def _role_patterns() -> dict[str, re.Pattern[str]]:
    """Role verbs; each pattern also matches, as ``skip``, the words that contain a
    role verb but give no role (研究部署, 讲话精神), so a search must step over those.
    Literal words and a look-ahead: compiled with the standard engine (anchored.std_compile), which
    reads them alike at a third of the set-up per call (a few calls at each official's name)."""
    cues = load_lexicon().cues
    skip = rf"(?P<skip>{_alt(cues['not_role'])})"
    return {
        # 主持人 is a TV host, not a chair.
        "chair": std_compile(rf"{skip}|(?:{_alt(cues['chair'])})(?!人)"),
        "speaker": std_compile(rf"{skip}|(?:{_alt(cues['speaker'])})"),
        "attendee": std_compile(rf"{skip}|(?:{_alt(cues['attendee'])})"),
    }


@functools.cache
def _role_words() -> tuple[ahocorasick_rs.AhoCorasick | None, tuple[frozenset[str], ...], tuple[bool, ...]]:
    """Every role verb and every no-role word (研究部署, 讲话精神) in one automaton, with the roles each
    is a verb of and whether it is a no-role word: a role's pattern can find a role only in a window
    that has one of its verbs in it (a ``skip`` match gives none), and each match of the pattern is
    one of these words, so it starts where one of its role's verbs or a no-role word starts."""
    cues = load_lexicon().cues
    words = sorted({w for role in _ROLES for w in cues[role]} | cues["not_role"])
    roles = tuple(frozenset(role for role in _ROLES if w in cues[role]) for w in words)
    skips = tuple(w in cues["not_role"] for w in words)
    return (ahocorasick_rs.AhoCorasick(words) if words else None), roles, skips


_ROLES = ("chair", "speaker", "attendee")


def _find_role(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The first role verb of ``pattern`` in ``text[start:end]`` that is not part of a no-role word."""
    for m in pattern.finditer(text, start, end):
        if m.group("skip") is None:
            return m
    return None
