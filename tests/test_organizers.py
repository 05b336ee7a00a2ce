"""The organiser walk (extract.extractors.organizers) finds what the regexes it replaces find.

The regexes are compiled here once (a few seconds): the walk must give the same match as
``(?:LEVEL)*(?:\\p{Han}{0,10}?(?:ORG))+`` at a name's start and as
``(?:LEVEL)+(?:\\p{Han}{0,10}?(?:ORG))*(?=WHEN$)`` searched in a clause, on strings made of the
lexicon's own words, filler characters and dates.
"""

from __future__ import annotations

import functools
import random

import pytest
import regex

from extract.extractors.officials_lexicon import _alt, load_lexicon
from extract.extractors.organizers import _OrgMatch


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    lex = load_lexicon()
    levels, orgs = _alt(lex.level_forms), _alt(lex.orgs)
    when = r"(?:\d{1,2}月\d{1,2}日)?(?:上午|下午|晚上|晚间|当晚|当天)?"
    return (
        regex.compile(rf"(?:{levels})*(?:\p{{Han}}{{0,10}}?(?:{orgs}))+"),
        regex.compile(rf"(?:{levels})+(?:\p{{Han}}{{0,10}}?(?:{orgs}))*(?={when}$)"),
    )


def _old(text: str) -> tuple[str | None, str | None]:
    leading, trailing = _patterns()
    m, t = leading.match(text), trailing.search(text)
    return (m.group() if m else None), (t.group() if t else None)


@pytest.mark.parametrize(
    ("text", "leading", "trailing"),
    [
        ("市政府新闻办第139场新冠肺炎疫情防控工作新闻发布会", "市政府新闻办", None),
        ("重庆市委常委会", "重庆市委常委会", "重庆市委常委会"),
        ("国务院联防联控机制11月29日下午", "国务院联防联控机制", "国务院联防联控机制"),
        ("会议由", None, None),
    ],
)
def test_known_names(text: str, leading: str | None, trailing: str | None) -> None:
    walk = _OrgMatch(text)
    assert (walk.leading(), walk.trailing()) == (leading, trailing) == _old(text)


def test_walk_matches_the_regexes_on_lexicon_words() -> None:
    lex = load_lexicon()
    levels, orgs = sorted(lex.level_forms), sorted(lex.orgs)
    filler = list("的市委区县政府新闻办公室会议中心人民")
    rng = random.Random(15)
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 6)):
            r = rng.random()
            if r < 0.4:
                parts.append(rng.choice(levels))
            elif r < 0.75:
                parts.append(rng.choice(orgs))
            elif r < 0.95:
                parts.append("".join(rng.choice(filler) for _ in range(rng.randint(1, 4))))
            else:
                parts.append(rng.choice(["11月29日下午", "当天", ",", "2"]))
        text = "".join(parts)
        for t in (text, text[1:], text[:-1]):
            walk = _OrgMatch(t)
            assert (walk.leading(), walk.trailing()) == _old(t), t
