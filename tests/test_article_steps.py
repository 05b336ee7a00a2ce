"""The article analysis' shortcuts give what the plain steps gave: the by-line candidates picked in C are the
lines a loop over every line would read, and a gap is blanked as a generator over its lines blanked it."""

from __future__ import annotations

from hypothesis import given, strategies as st

from extract.article import _byline_candidates
from extract.article_lines import _split_lines
from extract.document import _blank
from extract.normalize import normalize

_TEXT = st.text(alphabet=st.sampled_from(list("记者编辑摄图新增例重庆 \n\u3000()（）12。,")), max_size=200)


@given(_TEXT, st.integers(min_value=-1, max_value=40))
def test_byline_candidates_are_the_lines_a_loop_reads(text: str, last: int) -> None:
    lines = _split_lines(normalize(text))
    body_last = last if 0 <= last < len(lines) else None
    assert _byline_candidates(lines, body_last) == [i for i, ln in enumerate(lines) if ln.bylined or i == body_last]


@given(_TEXT)
def test_blank_is_each_line_blanked(text: str) -> None:
    assert _blank(text) == "\n".join(" " * len(part) for part in text.split("\n"))


@given(st.lists(_TEXT, min_size=1, max_size=4))
def test_kept_kinds_are_the_chains(texts: list[str]) -> None:
    """A line's kind taken from _KINDS (kept from another text, or the same one) is the kind the chain gives."""
    from extract import article_lines

    warm = [_split_lines(normalize(t)) for t in texts]
    article_lines._KINDS.clear()
    for text, lines in zip(texts, warm):
        assert _split_lines(normalize(text)) == lines
    article_lines._KINDS.clear()
    for text, lines in zip(reversed(texts), reversed(warm)):
        assert _split_lines(normalize(text)) == lines
        assert [article_lines._classify(ln.text, article_lines._junk_rules(), article_lines._quiet())
                for ln in lines] == [ln.kind for ln in lines]
