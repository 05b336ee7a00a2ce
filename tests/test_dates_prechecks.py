"""The date finder's checks without the engine answer as the patterns they stand for."""

from __future__ import annotations

import random

from extract.extractors import dates


def test_bare_day_precheck_never_drops_an_anchor() -> None:
    """_may_end_bare_day holds wherever _BARE_DAY_ANCHOR matches (it only skips the engine elsewhere)."""
    rng = random.Random(17)
    alphabet = ["1", "2", "9", "١", "²", " ", "\u3000", "\n", "\t", "\x1c", "日", "号", "月", "较", "至", "截至", "截止",
                "、", "，", "(", "（", "和", "在", "新增", "当", "十", "内", "以来"]
    hits = 0
    for _ in range(40000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        for q, ch in enumerate(text):
            if ch in "日号":
                matched = dates._BARE_DAY_ANCHOR.match(text, q) is not None
                if matched:
                    hits += 1
                    assert dates._may_end_bare_day(text, q), (text, q)
    assert hits > 1000


def test_date_starts_are_the_first_versions() -> None:
    """_date_starts gives the positions its first version gave (months in range, the years before them)."""

    def first_version(text: str, lo: int, q: int) -> list[int]:
        w = dates._spaces_start(text, lo, q)
        out = set()
        for month in range(max(lo, w - 3), w):
            out.add(month)
            v = dates._spaces_start(text, lo, month) if month > lo and text[month - 1].isspace() else month
            if v > lo and text[v - 1] == "年":
                u = dates._spaces_start(text, lo, v - 1)
                if u - 4 >= lo:
                    out.add(u - 4)
        return sorted(p for p in out if text[p] in dates._DATE_FIRST or text[p].isdigit())

    rng = random.Random(19)
    alphabet = ["2", "0", "1", "十", "元", "年", "月", " ", "\n", "\x1c", "\u3000", "日", "，", "二〇二二"]
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        lo = rng.randint(0, len(text) - 1)
        for q in range(lo, len(text)):
            if text[q] == "月":
                assert dates._date_starts(text, lo, q) == first_version(text, lo, q), (text, lo, q)
