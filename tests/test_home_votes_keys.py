"""The home region's votes counted by cheap keys give what counting by the regions and areas themselves did:
the case-count reader's votes (regions._home_votes: by the voted region's name and code, not a dict of
dataclass regions) and the article home's (home_region._home_votes: the units kept per gazetteer area)."""

from __future__ import annotations

import random
from collections import Counter

from extract import home_region
from extract.extractors.case_counts import regions
from extract.gazetteer import find_areas, load_gazetteer


def _texts() -> list[str]:
    rnd = random.Random(19)
    gaz = load_gazetteer()
    words = [*gaz.candidates, *gaz.short_candidates, "全市", "我市", "全省", "本县", "全国", "31个省（区、市）", "中国"]
    context = ["、", "和", "，", "。", "新增3例", "累计", "的", "在", "甲乙", "\n"]
    return [
        "".join(rnd.choice(words) if rnd.random() < 0.55 else rnd.choice(context) for _ in range(rnd.randint(0, 30)))
        for _ in range(300)
    ]


def _region_votes(mentions: list[regions._Mention]) -> dict[regions._Region, int]:
    """regions._home_votes as it was: a dict of the voted regions."""
    votes: dict[regions._Region, int] = {}
    for m in mentions:
        region = regions._vote_of(m.region.name, m.region.code) if m.region is not None else None
        if region is not None:
            votes[region] = votes.get(region, 0) + 1
    return votes


def _area_votes(text: str) -> Counter[str]:
    """home_region._home_votes as it was: each mention's units asked of the gazetteer."""
    gaz = load_gazetteer()
    votes: Counter[str] = Counter()
    for m in find_areas(text):
        if m.area.ambiguous or m.area.kind == "country":
            continue
        province = gaz.province_of(m.area)
        city = gaz.prefecture_of(m.area)
        if city is None and province is not None and m.area.kind == "county_city" and m.area.parent == province.id:
            city = m.area
        for unit in (province, city):
            if unit is not None:
                votes[unit.id] += 1
    return votes


def test_reader_votes_as_by_region() -> None:
    for text in _texts():
        mentions = regions._mentions_in(text, 0, len(text))
        got = regions._home_votes(mentions)
        want = _region_votes(mentions)
        assert list(got.items()) == list(want.items()), text  # (the order settles ties)
        assert regions._home_region(mentions) == (max(want, key=lambda r: (want[r], r.name == "重庆市")) if want else None)


def test_article_home_votes_as_by_area() -> None:
    for _ in range(2):  # (the second time from the kept units)
        for text in _texts():
            assert home_region._home_votes(text) == _area_votes(text), text
