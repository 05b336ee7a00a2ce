"""The last list of areas before a count (:meth:`.reader._Reader.last_group`): the areas joined by 、/和/及 that a
count's clause names (河南、湖北各新增1例), read off the article's area mentions by bisection.

Moved out of reader.py (at its line limit) with the gates below: the reader asks it about four times a bench
article, and each asked up to three small patterns of every area it looked at (the separator between two areas,
a history after the list, a share word before it), nearly all failing. Each is asked now only where the
character it must open with stands there (count_gates; tests/test_reader_gates.py holds the gates to the
patterns): the answers are the same.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ...anchored import std_compile
from . import count_gates as gate
from .lexicon import _CLOSE, _LIST_SEP, _SHARE_BEFORE
from .regions import _Mention

if TYPE_CHECKING:  # the reader imports this module: its type is for the checker only
    from .reader import _Reader

#: After a place: the cases' history there, not where they are (均有在武汉居住史或工作史).
_HISTORY_AFTER = std_compile(r"(?:居住|工作|旅居|旅行|生活|接触)(?:或(?:居住|工作|旅居|旅行|生活|接触))?史")


#: How far before a list the bracket of a note on the area before it may open (（含新疆生产建设兵团第四师).
_NOTE_REACH = 16


def _in_area_note(text: str, lo: int, start: int, end: int, count_at: int) -> bool:
    """Whether the list ``text[start:end]`` stands inside a bracket opened by 含/包括 after ``lo`` (with words
    between: （含新疆生产建设兵团第四师可克达拉市）) that closes before the count at ``count_at``: a note on the
    area before the bracket, not the count's area."""
    opened = max(text.rfind("(", lo, start), text.rfind("（", lo, start))
    return (opened >= 0 and text.startswith(("含", "包括"), opened + 1)
            and not any(c in _CLOSE for c in text[opened:start]) and any(c in _CLOSE for c in text[end:count_at]))


def last_group(r: _Reader, start: int, end: int) -> tuple[int, int, list[_Mention]] | None:
    """The last list of areas (joined by 、/和/及) inside ``[start, end)``, not after 占."""
    text, areas = r.text, r.areas
    lo = bisect.bisect_left(r.area_starts, start)
    hi = bisect.bisect_left(r.area_starts, end)
    i = hi - 1
    while i >= lo and areas[i].end > end:
        i -= 1
    while i >= lo:
        group = [areas[i]]
        j = i - 1
        while j >= lo:
            # (a separator opens with a blank or its word: two areas apart, most, ask no pattern)
            gap, to = areas[j].end, group[-1].start
            if gap >= to or not (text[gap] in gate.LIST_SEP_OPENS or text[gap].isspace()) or not _LIST_SEP.fullmatch(text, gap, to):
                break
            group.append(areas[j])
            j -= 1
        group.reverse()
        after = group[-1].end
        if text.startswith(("之外", "以外"), after) or (text[after : after + 1] in gate.HISTORY_OPENS and _HISTORY_AFTER.match(text, after)):
            i = j  # 疫情爆發地湖北之外的第2宗: the places outside it are meant; 均有在武汉居住史: where they had been
            continue
        # (every share word holds 占, 含 or 包, and a match starts inside the two characters before the list)
        before = max(start, group[0].start - 2)
        share = (_SHARE_BEFORE.search(text, before, group[0].start)
                 if not gate.SHARE_HOLDS.isdisjoint(text[before : group[0].start]) else None)
        if share is None and _in_area_note(text, max(start, group[0].start - _NOTE_REACH), group[0].start, group[-1].end, end):
            i = j  # 伊犁州(含新疆生产建设兵团第四师可克达拉市)累计报告…: a note on the area before the bracket
            continue
        if share is None or (share.start() > 0 and text[share.start() - 1] in "(（"
                             and not any(c in _CLOSE for c in text[group[-1].end : end])):
            # 信阳市15例（含固始县5例）: the bracket's item; 新疆（含兵团）报告…: a note on the area
            return group[0].start, group[-1].end, group
        if share.start() > 0 and text[share.start() - 1] in ",，" and text[share.start()] != "占":
            # 其中本土個案9宗，包括廣東6宗: a clause naming a part
            return group[0].start, group[-1].end, group
        i = j
    return None
