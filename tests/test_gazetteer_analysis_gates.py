"""Cheaper steps of the gazetteer's analysis, held to what they replace:

* the enumeration steps of ``_accept_shorts`` are skipped when no short form has a character next to it
  that a match of ``_LIST_GAP`` may open (after it) or close (before it): ``_LIST_GAP_LAST`` is held against
  the pattern's reversed partial matches on every code point of the basic plane, and the analysis against
  the one that always walks the enumeration;
* ``_FOREIGN_PREFIX`` is asked only after 市 or 省 (``_CITY_OR_PROVINCE``);
* the sorts of ``_forms`` and ``_analysed`` are skipped when nothing is added out of order: the matches are
  in text order and none overlaps another or shares its start."""

from __future__ import annotations

import random

import regex

from extract import gazetteer as g

_BMP = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]


def test_gap_end_set_covers_every_match() -> None:
    backwards = regex.compile(rf"(?r)(?:{g._LIST_GAP.pattern})\Z")
    enders = {c for c in _BMP if backwards.search(c, partial=True) is not None}
    assert enders and enders <= g._LIST_GAP_LAST


def test_foreign_prefix_ends_with_city_or_province() -> None:
    rnd = random.Random(5)
    pieces = ["市", "省", "全", "我", "成都", "a", "1", "城", "都", "州", "区"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 5)))
        end = rnd.randint(0, len(text))
        hit = g._FOREIGN_PREFIX.search(text, max(0, end - 3), end) is not None
        assert not hit or text[end - 1 : end] in g._CITY_OR_PROVINCE, (text, end)


def _texts(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    gaz = g.load_gazetteer()
    shorts = list(gaz.short_candidates)
    words = [*gaz.candidates, *shorts, *shorts, *shorts, "中心城区", "中心城区以外区县", "重庆", "成都市", "宁波"]
    context = [*"、、、;和及与-，,。的在等市省", "以及", "3例、", "2人;", "5例,", "等4区", "新增3例", "高新区", "同心", "会同"]
    return [
        "".join(rnd.choice(words) if rnd.random() < 0.5 else rnd.choice(context) for _ in range(rnd.randint(1, 24)))
        for _ in range(n)
    ]


def _analysis(text: str) -> list[tuple[int, int, str, str, str]]:
    g._forms.cache_clear()
    return [(m.start, m.end, m.area.id, m.form, m.how) for m in g._analysed.__wrapped__(text, None)[0]]


def test_analysis_matches_the_ungated_steps(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    texts = _texts(13, 1500)
    fast = [_analysis(t) for t in texts]
    monkeypatch.setattr(g, "_may_link", lambda text, m: True)
    monkeypatch.setattr(g, "_CITY_OR_PROVINCE", type("Every", (), {"__contains__": lambda self, c: True})())
    assert [_analysis(t) for t in texts] == fast
    g._forms.cache_clear()


def test_matches_are_in_order_and_apart() -> None:
    for text in _texts(17, 1500):
        g._forms.cache_clear()
        forms = g._forms(text)
        assert [m.start for m in forms] == sorted(m.start for m in forms)
        assert all(a.end <= b.start for a, b in zip(forms, forms[1:])), text
        found = g._analysed.__wrapped__(text, None)[0]
        assert list(found) == sorted(found, key=lambda m: (m.start, m.end)), text
    g._forms.cache_clear()


def test_nested_skips_only_nestless_forms(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A form ``_nestless`` calls so has no nested mention whatever area it is read as (a homonym's
    reading, an ambiguous name made of its candidates): the analysis is the one looking up every match."""
    texts = [*_texts(19, 1000), "重庆两江新区", "重庆市江北区", "宁波江北区", "浙江宁波市鼓楼区和南京鼓楼区", "鼓楼区新增2例"]
    fast = [_analysis(t) for t in texts]
    monkeypatch.setattr(g, "_INNER", [None, {}, {}])
    monkeypatch.setattr(g, "_nestless", lambda gaz, form: False)
    assert [_analysis(t) for t in texts] == fast
    assert any(how == "nested" for found in fast for *_, how in found)
    g._forms.cache_clear()
