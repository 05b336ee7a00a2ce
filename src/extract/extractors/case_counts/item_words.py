"""What a case is called in a per-case list (病例1—病例510, 第120例患者), for the list reader
(:mod:`.case_lists`) and for the reader's one automaton pass (:func:`.regions.reader_hits`),
which finds where an item may start along with the metric phrases and count-region forms."""

from __future__ import annotations

from ...prefilter import SPACES

#: What a case is called in a list, and the metric it counts.
NOUNS = {
    "本土确诊病例": "confirmed",
    "确诊病例": "confirmed",
    "本土病例": "confirmed",
    "病例": "confirmed",
    "患者": "confirmed",
    "确诊患者": "confirmed",
    "确诊者": "confirmed",
    "本土无症状感染者": "asymptomatic",
    "无症状感染者": "asymptomatic",
    "无症状": "asymptomatic",
    "感染者": "infections",
    "个案": "infections",  # 个案1居住在南海区桂城街道 (Guangdong's cities, 2022: every positive person)
}

#: What every item of a list starts with: its noun (病例1), or the 第 of an ordinal (第120例患者).
ITEM_WORDS = (*NOUNS, "第")


def item_starts(text: str, words: list[tuple[int, int]], end: int) -> list[int]:
    """Where a list item may start, ascending: at an occurrence ``(start, end)`` of an item word
    followed by blanks (the engine's ``\\s``) and a digit before ``end``, as each item's pattern
    requires (``str.isdigit`` holds for every ``\\d`` of the basic plane; the engine's newer digits
    are astral). Most occurrences of 病例 and 第 are followed by text, and are not tried."""
    out: list[int] = []
    n = min(end, len(text))
    for s, e in words:
        while e < n and text[e] in SPACES:
            e += 1
        if e < n and (text[e].isdigit() or text[e] > "\uffff"):
            out.append(s)
    return sorted(set(out))
