"""zones._city_zones finds the words of its pattern (_CITY_ZONE, the regex module, testing every character of a
body) by str.find (_city_zone_words) and the city before each by bisection of the gazetteer's matches: held
here to the pattern's matches on random strings of the words' pieces and spans, and the zones found to the
first version (a dict of the matches by end, every match asked for overlap) on random texts."""

from __future__ import annotations

import random

from extract import zones
from extract.gazetteer import find_areas

_PIECES = ["高新区", "经开区", "经济技术开发区", "高新技术产业开发区", "高", "新", "区", "经", "开", "济", "技术", "开发区",
           "产业", "成都", "成都市", "西安", "长春", "哈尔滨市", "，", "、", "12例", "新增", " ", "\n", "高新", "经开", "高高新"]


def _random_text(rng: random.Random, pieces: list[str], most: int) -> str:
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, most)))


def test_words_are_the_patterns_matches() -> None:
    rng = random.Random(34)
    for _ in range(20000):
        text = _random_text(rng, _PIECES, 12)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [(m.start(), m.group()) for m in zones._CITY_ZONE.finditer(text, start, end)]
        assert zones._city_zone_words(text, start, end) == expected, (text, start, end)


def _first_version(text: str, start: int, end: int) -> tuple[zones.Zone, ...]:
    found = list(zones._CITY_ZONE.finditer(text, start, end))
    if not found:
        return ()
    known = find_areas(text, start, end)
    by_end = {m.end: m for m in known}
    covered = [(m.start, m.end) for m in known]
    out: list[zones.Zone] = []
    for z in found:
        city = by_end.get(z.start())
        if city is None or city.area.level != "prefecture" or any(s < z.end() and e > z.start() for s, e in covered):
            continue
        out.append(zones.Zone(city.start, z.end(), zones._stem(city.area) + z.group(), city.area, city.start))
    return tuple(out)


def test_city_zones_as_first_version() -> None:
    rng = random.Random(19)
    pieces = [*_PIECES, "成都高新区新增3例", "西安经开区", "长春市经济技术开发区5例", "重庆高新区", "郑州高新技术产业开发区",
              "武汉市", "东湖高新区", "沙坪坝区", "南京市", "江宁区", "江宁经开区", "合肥", "合肥市高新区2例", "九龙坡区"]
    made = 0
    for _ in range(3000):
        text = _random_text(rng, pieces, 8)
        start = rng.randint(0, len(text) // 3)
        end = rng.randint(start, len(text))
        got = zones._city_zones(text, start, end)
        assert got == _first_version(text, start, end), (text, start, end)
        made += bool(got)
    assert made > 100
