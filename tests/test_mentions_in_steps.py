"""regions._mentions_in's cheaper steps: the mentions sorted by two stable sorts on keys read in C (end
descending, then start) instead of a lambda key; 全区/全县/全市 joined only when 全 stands among the mentions; a
facility's last characters looked for by four containment tests (not a generator). Held here to the first
version on random texts of the words."""

from __future__ import annotations

import random

from extract.extractors.case_counts import regions as r
from extract.extractors.case_counts.lexicon import _NATIONAL


def _facility_after_first(text: str, end: int) -> bool:
    window = text[end : end + r._FACILITY_REACH]
    return any(c in window for c in r._FACILITY_LAST) and r._FACILITY_AFTER.match(text, end) is not None


def _first_version(text: str, start: int, end: int) -> list[r._Mention]:
    gaz = r.load_gazetteer()
    extra = r.load_count_regions()
    found = r._gazetteer_mentions(text, start, end)
    automaton, forms = r._extra_region_ac()
    for k, s, e in automaton.find_matches_as_indexes(text[start:end]):
        form = forms[k]
        area = gaz.get(form)
        if area is not None:
            found.append(r._Mention(start + s, start + e, r._region(area.name, area.code)))
            continue
        name, code = extra[form]
        region = None if name == "@home" else r._region({"@province": r.HOME_PROVINCE, "@autonomous": r.HOME_AUTONOMOUS, "@county": r.HOME_COUNTY}.get(name, name), code)
        found.append(r._Mention(start + s, start + e, region))
    for z in r.find_zones(text, start, end):
        found.append(r._Mention(z.written_from, z.end, r._Region(z.name, None, zone=True)))
    if text.find("中国", start, end) >= 0:
        for m in r._CHINA_COUNTING.finditer(text, start, end):
            found.append(r._Mention(m.start(), m.end(), r._region("全国", None)))
    if text.find("省", start, end) >= 0 or text.find("兵团", start, end) >= 0:
        for m in _NATIONAL.finditer(text, start, end):
            found.append(r._Mention(m.start(), m.end(), r._region("全国", None)))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[r._Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return r._joined_parents(r._whole_of(text, kept))


_PIECES = ["重庆", "重庆市", "渝中区", "万州", "全区", "全县", "全市", "全省", "全", "江津", "中国", "中国27日共报告新增209例",
           "31个省（区、市）", "13省(区、市)和新疆生产建设兵团", "兵团", "省", "南京", "禄口国际机场", "武汉", "火车站", "医院",
           "呼和浩特市", "玉泉区", "河南省", "信阳市", "长春市", "朝阳区12例、", "经开区12例、", "净月区33例", "成都高新区",
           "新增", "本市", "我省", "全国", "，", "、", "。", "\n", " ", "“11·01”", "沙坪坝", "疫情", "3例", "学", "场"]


def test_mentions_as_first_version() -> None:
    rng = random.Random(1934)
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text) // 4)
        end = rng.randint(start, len(text))
        assert r._mentions_in(text, start, end) == _first_version(text, start, end), (text, start, end)


def test_facility_class_search_as_first_version() -> None:
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 6)))
        end = rng.randint(0, len(text))
        assert r._facility_after(text, end) == _facility_after_first(text, end), (text, end)
