"""The date finder's bare days skip each full date's own 日 or 号 (_bare_days' own_days): the dates
found are those found when every 日 is asked of the bare-day patterns, on random strings of the
patterns' pieces (full dates with hour windows, overnight windows and ranges among them)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence

import pytest

from extract.anchored import AnyMatch
from extract.extractors import dates

_PIECES = ["1", "2", "9", "12", "十九", "十一", "廿四", " ", "\u3000", "\n", "日", "号", "月", "3月", "11月", "2022年",
           "较", "至", "截至", "、", "，", ":", "和", "在", "新增", "当", "内", "以来", "区", "陈敏尔", "上午", "10时",
           "0—24时", "0:00", "-", "24:00", "20时至", "召开", "通报", "(", "）", "昨日", "次日", "周二",
           "3月5日", "11月30号", "十一月十九日", "12月1日0-12时"]


def _every_day(text: str, start: int, end: int, own_days: Sequence[tuple[int, int]] = ()) -> Iterator[AnyMatch]:
    """_bare_days asking every 日 (own_days ignored)."""
    return _FIRST(text, start, end)


_FIRST = dates._bare_days


@pytest.mark.parametrize("ref", [dt.date(2022, 11, 30), None])
def test_own_days_skipped_give_the_same_dates(ref: dt.date | None, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(40)
    cases = []
    for _ in range(12000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 16)))
        start = rng.randint(0, len(text) // 3)
        cases.append((text, start, rng.randint(start, len(text))))
    got = [dates.find_dates(text, ref, s, e) for text, s, e in cases]
    dates._find_dates.cache_clear()
    monkeypatch.setattr(dates, "_bare_days", _every_day)
    want = [dates.find_dates(text, ref, s, e) for text, s, e in cases]
    dates._find_dates.cache_clear()
    assert got == want
    assert sum(d.relative is None and d.month is not None for found in got for d in found) > 2000


def test_own_day_is_the_dates_day_character() -> None:
    for text in ("3月5日", "2022年11月 30 号0—24时", "十一月十九日"):
        m = dates._DATE.match(text)
        assert m is not None
        assert text[dates._own_day(text, m)] in "日号"
