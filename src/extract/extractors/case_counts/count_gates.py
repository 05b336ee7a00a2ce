"""What the small patterns :func:`.counting.read_count` asks of every count number need right after the
number (or before it): read_count looks at that one character and asks a pattern only when it can open a
match there. Most of the ~30 probes a number fail for nearly every count, each costing ~1.5–2 K
instructions of the engine's set-up; the look is a slice and a set lookup, written inline (a helper's
call would cost about what it saves).

Each set holds the characters a match of its pattern can open with, and every blank (the engines' ``\\s``,
U+001C–U+001F too): after a blank the pattern is asked, as before. A pattern whose match can open with a
digit is asked at any decimal digit and any character beyond the basic plane (the ``regex`` module's
newer digits). tests/test_count_gates.py holds each set to its pattern on every code point.
"""

from __future__ import annotations

from ...prefilter import SPACES

#: Every character a ``\s*`` before a pattern's first word may match (both engines' ``\s``, and more).
_BLANKS = SPACES | frozenset("\x1c\x1d\x1e\x1f")


def _opening(firsts: str, *, blanks: bool = True) -> frozenset[str]:
    return frozenset(firsts) | _BLANKS if blanks else frozenset(firsts)


# Right after the number (``text[m.end() : m.end() + 1]``):
NO_COUNT_OPENS = _opening("以之聚疫事男女")  # _NO_COUNT_AFTER (and a digit: \d{1,3}岁)
CONVERSION_OPENS = _opening("已诊确转")  # lexicon._CONVERSION_AFTER
PATIENTS_OPENS = _opening("患病确新")  # _PATIENTS_OUTCOME (患者, 病人, 确诊新冠肺炎的病人, 新冠肺炎患者)
BARE_SCOPE_OPENS = _opening("本境", blanks=False)  # _BARE_SCOPE_AFTER
IN_HOSPITAL_OPENS = _opening("正仍均在")  # lexicon._IN_HOSPITAL
ONGOING_OPENS = _opening("正仍尚", blanks=False)  # lexicon._ONGOING
INFECTION_PARTS_OPENS = _opening("(（")  # _INFECTION_PARTS
FOUND_IN_OPENS = _opening("均在属为")  # lexicon._FOUND_IN
SCOPE_PART_OPENS = _opening("均为系是属境外输本")  # lexicon._SCOPE_PART (the regex module)
SUBSET_OPENS = _opening("均为是系在曾来属男女经复与")  # lexicon._SUBSET_AFTER (the regex module; and a digit)
# Right after the metric phrase before the number (``text[metric_m.end() : metric_m.end() + 1]``):
AMONG_OPENS = _opening("当之中")  # _AMONG_AFTER
WARD_OPENS = _opening("住在")  # _WARD_AFTER
#: Right before the number: lexicon._CHANGE ends with the change's direction (增加, 减少, …), 了 or 报告
#: (then blanks), at the number.
CHANGE_CLOSES = _opening("加少升降长落多了告")


# For area_lists.last_group (the list of areas before a count):
#: What lexicon._LIST_SEP (between two areas) opens with: a blank, 、, 和, 及, 与, 以及 (str.isspace is asked too).
LIST_SEP_OPENS = _opening("、和及与以")
#: What area_lists._HISTORY_AFTER (居住史, 工作史… after a place) opens with.
HISTORY_OPENS = _opening("居工旅生接", blanks=False)
#: A character every match of lexicon._SHARE_BEFORE (占, 含, 包括, 包含 before a list) holds.
SHARE_HOLDS = frozenset("占含包")
