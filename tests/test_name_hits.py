"""The officials' and meetings' name search (officials.name_hits, shared by both) against the greedy
walks each extractor ran before: longer names claim their spans first, and every hit is kept when no
two overlap (then the order the names are taken in does not matter)."""

from __future__ import annotations

import random

from extract.extractors.officials import _occurrences, claimed_hits, name_hits


def _greedy_dict(text: str, names: list[str], start: int, end: int) -> dict[str, list[int]]:
    """officials._occurrences as it was written before name_hits."""
    taken: set[int] = set()
    out: dict[str, list[int]] = {}
    for name in sorted(names, key=len, reverse=True):
        pos = text.find(name, start, end)
        hits = []
        while pos != -1:
            if not taken.intersection(range(pos, pos + len(name))):
                hits.append(pos)
                taken.update(range(pos, pos + len(name)))
            pos = text.find(name, pos + len(name), end)
        out[name] = hits
    return out


def _greedy_list(text: str, names: list[str], s: int, e: int) -> list[tuple[int, int, str]]:
    """meetings._known_occurrences' name search as it was written before name_hits."""
    taken: set[int] = set()
    out: list[tuple[int, int, str]] = []
    for name in sorted(names, key=len, reverse=True):
        pos = text.find(name, s, e)
        while pos != -1:
            if not taken.intersection(range(pos, pos + len(name))):
                out.append((pos, pos + len(name), name))
                taken.update(range(pos, pos + len(name)))
            pos = text.find(name, pos + len(name), e)
    out.sort()
    return out


def test_name_search_matches_the_greedy_walks() -> None:
    rng = random.Random(18)
    alphabet = "陈敏尔胡，他"
    clashes = 0
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        names = list(dict.fromkeys("".join(rng.choice(alphabet[:4]) for _ in range(rng.randint(1, 3)))
                                   for _ in range(rng.randint(0, 4))))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        hits, clash = name_hits(text, frozenset(names), start, end)
        clashes += clash
        expected = _greedy_list(text, names, start, end)
        assert claimed_hits(text, names, start, end) == expected
        if not clash:
            assert list(hits) == expected
        assert _occurrences(text, names, start, end) == _greedy_dict(text, names, start, end)
        # The walk's answer for the list, whatever the hits (as meetings._known_occurrences reads it).
        assert (list(hits) if not clash else claimed_hits(text, names, start, end)) == expected
    assert clashes > 50  # both ways are exercised


def test_no_clash_keeps_every_hit_in_any_order() -> None:
    text = "市委书记陈敏尔、市长胡衡华出席。陈敏尔强调"
    hits, clash = name_hits(text, frozenset(["陈敏尔", "胡衡华"]), 0, len(text))
    assert not clash
    assert list(hits) == [(4, 7, "陈敏尔"), (10, 13, "胡衡华"), (16, 19, "陈敏尔")]
    hits, clash = name_hits("陈敏尔", frozenset(["陈敏尔", "陈敏"]), 0, 3)
    assert clash and claimed_hits("陈敏尔", ["陈敏", "陈敏尔"], 0, 3) == [(0, 3, "陈敏尔")]
