"""When officials written one after another share one role at a meeting: the gaps of a list (、, 和, titles,
女士/先生, the next member's body written before the name) and a press conference's invited guests (邀请到…)."""

from __future__ import annotations

import regex

from .officials import find_titles

_LIST_GAP = regex.compile(r"(?:[、,;和与及\s]|女士|先生)*")
#: A press conference's invitation of the guests who speak (我们特别邀请到…).
_INVITED = regex.compile(r"邀请到了?|邀请的是|邀请了?|请到了|发布人(?:有|是|为)\s*[:：]?")  # (邀请市疫情防控专项小组负责人杨荣刚，…对…进行通报)
_INVITED_REACH = 80  # how long the posts before a guest's name may be
_LIST_GAP_MAX = 30
#: A separator, then the body of the next member, whose post follows the name (…处梁亦好处长).
_ORG_GAP = regex.compile(r"[、,;\s]+[^、,;。:：\s()（）\d]{2,24}?(?:局|厅|处|署|中心|部|医院|办公室)")
_UNKNOWN_PLACE = regex.compile(r"\p{Han}{1,5}")


def _invited(text: str, s_start: int, pos: int, invited_after: int) -> bool:
    """Whether the name at ``pos`` is one of a list of guests invited to speak (邀请到…): the next
    name of such a list, or the first one after the invitation."""
    if invited_after >= s_start and _is_list_gap(text, invited_after, pos, _INVITED_REACH):
        return True
    ends = [m.end() for m in _INVITED.finditer(text, max(s_start, pos - _INVITED_REACH), pos)]
    return bool(ends) and _is_list_gap(text, ends[-1], pos, _INVITED_REACH)


def _is_list_gap(text: str, start: int, end: int, reach: int = _LIST_GAP_MAX) -> bool:
    """Whether ``text[start:end]`` (at most ``reach`` long) only separates two list members: 、 , 和 and titles."""
    if end - start > reach:
        return False
    pos = start
    for t in find_titles(text, start, end):
        if not _LIST_GAP.fullmatch(text, pos, t.start):
            # A place the lexicon does not know before an area title (、丰台|区副区长), a department's
            # name before its head's (、宣传|部长).
            m = _LIST_GAP.match(text, pos, t.start)
            assert m is not None  # [...]* always matches
            if not (t.text[0] in "省市区县镇乡部" and _UNKNOWN_PLACE.fullmatch(text, m.end(), t.start)):
                return False
        pos = t.end
    # (…厅长、卫生局疾病预防及控制中心传染病防控处|梁亦好: the next member's body before the name, Macau's way)
    return _LIST_GAP.fullmatch(text, pos, end) is not None or _ORG_GAP.fullmatch(text, pos, end) is not None
