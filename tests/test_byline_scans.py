"""The by-line scans started where a match can first start find what scans of the whole line find."""

from __future__ import annotations

import random

from extract.article import _PHOTO, _photo_scan_start
from extract.normalize import normalize

_PIECES = [*"摄图影 /:：、,，。()（）\u3000\t\x1c甲乙丙丁戊己庚辛壬癸abc1", "摄影", "图/", "图:", "记者", "崔力", "王小明", "李四",
           "视觉重庆", "十一月十四日", "工作人员和志愿者向居民了解情况", "资料图", "供图", "摄/", " 摄", "𠀀𠀁"]


def _spans(text: str, start: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [(m.span(), m.span("names")) for m in _PHOTO.finditer(text, start)]


def test_photo_scan_from_its_start_finds_what_the_whole_scan_finds(real_texts: list[str]) -> None:
    rng = random.Random(7)
    lines = [ln for t in real_texts for ln in normalize(t).text.split("\n") if "摄" in ln or "图" in ln]
    lines += ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40))) for _ in range(6000)]
    # Long runs of names: more than nine names of four before the 摄 (the walk back stops at its bound).
    lines += ["、".join("甲乙丙丁"[: rng.randint(1, 4)] for _ in range(rng.randint(1, 14))) + " 摄" for _ in range(500)]
    matched = skipped = 0
    for line in lines:
        if "摄" not in line and "图" not in line:
            continue
        start = _photo_scan_start(line)
        want = _spans(line, 0)
        assert _spans(line, start) == want, line
        matched += bool(want)
        skipped += start > 0
    assert matched > 300 and skipped > 1000


def test_names_groups_by_number_are_the_named_groups(real_texts: list[str]) -> None:
    from extract.article import _EDITOR, _EDITOR_NAMES, _PHOTO_NAMES, _REPORTER, _REPORTER_NAMES, _REPORTER_PHOTO

    rng = random.Random(8)
    lines = [ln for t in real_texts for ln in normalize(t).text.split("\n")]
    lines += ["".join(rng.choice([*_PIECES, "编辑:", "责编 ", "通讯员", "作者:"]) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    seen = 0
    for line in lines:
        for pattern, groups in ((_REPORTER, {"names": _REPORTER_NAMES, "photo": _REPORTER_PHOTO}), (_EDITOR, {"names": _EDITOR_NAMES}),
                                (_PHOTO, {"names": _PHOTO_NAMES})):
            for m in pattern.finditer(line):
                seen += 1
                for name, number in groups.items():
                    assert m[name] == m[number] and m.span(name) == m.span(number), line
    assert seen > 500
