"""The characters after a name where meetings._INSPECTION is tried (meetings._may_inspect)."""

from __future__ import annotations

from extract.extractors import meetings


def test_every_start_of_an_inspection_passes_the_gate() -> None:
    # A partial match of one character: some match of the pattern starts with it.
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        char = chr(cp)
        if meetings._INSPECTION.match(char, partial=True) is not None:
            assert meetings._may_inspect(char), hex(cp)


def test_the_gate_holds_only_starts() -> None:
    for char in meetings._INSPECTION_FIRST_HAN:
        assert meetings._INSPECTION.match(char, partial=True) is not None, char
    assert meetings._may_inspect("")
    assert not meetings._may_inspect("讲")


def test_gated_inspections_match_the_pattern_on_real_texts() -> None:
    text = "吉林省委书记景俊海、省长韩俊赴舒兰调研，陈敏尔在中心城区调研检查，李克强周二到青海红十字医院，他说。刘宁讲话"
    for pos in range(len(text) + 1):
        if not meetings._may_inspect(text[pos : pos + 1]):
            assert meetings._INSPECTION.match(text, pos) is None
