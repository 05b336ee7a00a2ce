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


def test_every_verb_holds_a_gate_word() -> None:
    verbs = ("调研检查", "检查调研", "调研督导", "督导检查", "检查指导", "调研指导", "考察调研", "调研考察", "调研",
             "考察", "检查", "督导", "督查", "视察", "暗访", "察看", "实地查看", "看望慰问", "看望", "慰问",
             "到", "来到", "前往", "赴", "走进")
    for verb in verbs:
        assert verb in meetings._INSPECTION.pattern, verb
        assert any(w in verb for w in meetings._INSPECTION_WORDS), verb


_PIECES = ("在", "到", "赴", "来到", "前往", "连续三天", "一行5人", "率队", "等", "同志", "以暗访方式", "，", ",", "、",
           "。", "；", ";", "\n", " ", "12月3日", "昨天", "上午", "医院", "社区", "街道", "区", "中心", "听取汇报",
           "情况", "实地", "现场", "陪同", "一同", "调研", "检查", "督导", "督查", "考察", "视察", "暗访", "察看",
           "实地查看", "看望", "慰问", "指导", "周二", "走进", "红十字医院", "会上", "强调", "讲话", "出席", "甲", "乙", "站", "组", "进行")


def test_the_gate_on_made_up_and_real_texts() -> None:
    import random
    from pathlib import Path

    rng = random.Random(5)
    texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 14))) for _ in range(6000)]
    for folder in ("tests/dev/articles", "tests/realdev/articles"):
        texts += [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    texts.append("國務院總理李克強周二到青海紅十字醫院，他對醫護人員說。李克强周二到青海红十字医院，他说")
    for text in texts:
        for pos in range(len(text) + 1):
            if not meetings._may_inspect_at(text, pos):
                assert meetings._INSPECTION.match(text, pos) is None, (text, pos)


def test_the_gate_past_its_reach() -> None:
    # No stop within reach: the pattern is asked (its place and blanks may run on).
    text = "甲在" + "乙" * (meetings._INSPECTION_LOOK + 10) + "调研"
    assert meetings._may_inspect_at(text, 1)
    assert not meetings._may_inspect_at("甲在" + "乙" * 10, 1)
