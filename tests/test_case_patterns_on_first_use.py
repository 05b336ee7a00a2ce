"""The case-count patterns no bench article asks (rules for rare phrasings: ~70 of counting, lexicon and
attributions) are compiled on first use (resources.compiled_on_first_use). Each stand-in answers as the
pattern it stands for, the standard-engine ones as the regex module's reading of their source (the check
tests/test_std_patterns.py makes of the patterns compiled at import), and none is compiled by importing."""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pytest
import regex
from test_std_patterns import _alphabet, _compare, _real_texts, _spans

from extract.anchored import STD_PATTERNS
from extract.extractors.case_counts import attributions, counting, lexicon
from extract.resources import _CompiledOnFirstUse, compiled_on_first_use

_MODULES = (counting, lexicon, attributions)
_STAND_INS = sorted({(m.__name__, k): v for m in _MODULES for k, v in vars(m).items() if type(v) is _CompiledOnFirstUse}.items(),
                    key=lambda item: item[0])


def _compiled(stand_in: object) -> re.Pattern[str] | regex.Pattern[str]:
    stand_in.pattern  # noqa: B018 - compiles it
    compiled = stand_in._compiled  # type: ignore[attr-defined]
    assert isinstance(compiled, (re.Pattern, regex.Pattern))
    return compiled


def test_there_are_stand_ins() -> None:
    assert len({id(v) for _, v in _STAND_INS}) > 60


def test_importing_compiles_none() -> None:
    code = ("import extract.pipeline, extract.extractors.case_counts as c\n"
            "from extract.resources import _CompiledOnFirstUse as L\n"
            "from extract.extractors.case_counts import attributions, counting, lexicon\n"
            "print(sum(v._compiled is not None for m in (attributions, counting, lexicon) for v in vars(m).values()"
            " if type(v) is L))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_a_stand_in_reads_as_its_pattern() -> None:
    calls = []
    lazy = compiled_on_first_use(lambda: calls.append(1) or re.compile(r"(a)(b)?"))
    assert not calls
    assert lazy.pattern == "(a)(b)?" and lazy.groups == 2 and calls == [1]
    assert _spans(lazy.search("xab")) == [(1, 3), (1, 2), (2, 3)] and lazy.sub("-", "aab") == "--" and calls == [1]


@pytest.mark.parametrize("index", range(len(_STAND_INS)), ids=lambda i: ".".join(_STAND_INS[i][0]))
def test_each_answers_as_the_regex_module_reads_its_source(index: int) -> None:
    (_, name), stand_in = _STAND_INS[index]
    compiled = _compiled(stand_in)
    if isinstance(compiled, regex.Pattern):
        return  # compiled by the regex module itself, as before
    source, verbose = next((src, v) for src, v, p in STD_PATTERNS if p is compiled)
    theirs = regex.compile(source, regex.VERBOSE if verbose else 0)
    rng = random.Random(name)
    for text in _real_texts():
        assert [_spans(m) for m in compiled.finditer(text)] == [_spans(m) for m in theirs.finditer(text)]
        for pos in range(0, len(text), 7):
            _compare(compiled, theirs, text, pos, min(len(text), pos + rng.randint(0, 60)))
    alphabet = _alphabet(source)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert [_spans(m) for m in compiled.finditer(text)] == [_spans(m) for m in theirs.finditer(text)], (source, text)
        pos = rng.randint(0, len(text))
        _compare(compiled, theirs, text, pos, rng.randint(pos, len(text)))
