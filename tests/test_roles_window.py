"""meetings._roles tries each role's pattern only where one of its words starts in the window, in order,
stepping over no-role words (研究部署, 讲话精神): its answers are those of a full scan of the window by
each pattern (_find_role), on random strings of the role words, the no-role words and filler."""

from __future__ import annotations

import random

from extract.extractors.meetings import _ROLE_REACH, _find_role, _meeting_acts_only, _role_patterns, _roles
from extract.extractors.officials_lexicon import load_lexicon


def _roles_by_scan(text: str, start: int, end: int) -> tuple[set[str], int, bool]:
    end = min(end, start + _ROLE_REACH)
    if end <= start:
        return set(), start, False
    found = {}
    for role, pattern in _role_patterns().items():
        m = _find_role(pattern, text, start, end)
        if m is not None:
            found[role] = m
    if "chair" in found and "speaker" in found and _meeting_acts_only(text, found["chair"].end(), found["speaker"], end):
        del found["speaker"]
    reported = set(found) == {"speaker"} and found["speaker"].group() not in load_lexicon().cues["participation"]
    return set(found), min((m.end() for m in found.values()), default=start), reported


def test_roles_match_a_full_scan() -> None:
    cues = load_lexicon().cues
    words = sorted({*cues["chair"], *cues["speaker"], *cues["attendee"], *cues["not_role"], "主持人", "召开会议"})
    filler = ("，", "。", "会", "的", "了", "在", "人", "精神", "不力", "汇", "部", "要")
    rng = random.Random(1818)
    seen: set[frozenset[str]] = set()
    for _ in range(5000):
        text = "".join(rng.choice(words if rng.random() < 0.5 else filler) for _ in range(rng.randint(0, 16)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text) + 3)
        got = _roles(text, start, end)
        assert got == _roles_by_scan(text, start, end), (text, start, end)
        seen.add(frozenset(got[0]))
    assert len(seen) >= 6  # windows with one, two and three roles, and none
