"""Reading a person's name in running text: a surname and one or two characters, ended by a cue word,
punctuation or a post (陈敏尔主持, 胡衡华、唐方裕出席), a dotted name (买买提江·吾买尔), a name written before its post.
Split from :mod:`.officials`."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ..anchored import std_compile
from .officials_lexicon import Lexicon, load_lexicon

__all__ = ["read_name"]

#: What may stand right before a two-character name written before its post.
_CLEAR_BEFORE = regex.compile(r"[^\p{Han}]|[和与及对向在由请同陪托]")

_PUNCT_OR_END = regex.compile(r"[^\p{Han}]|$")
_HAN_RUN = regex.compile(r"\p{Han}+")
_MONTH_NUMBER = regex.compile(r"[\d一二三四五六七八九十正腊]")
_AFTER_MONTH = regex.compile(r"[日份底初中末内\d]")


def _name_options(text: str, pos: int, lex: Lexicon) -> tuple[int, ...]:
    """Lengths of plausible names starting at ``pos`` (surname + 1–2 characters).

    They depend on the five characters from ``pos`` only (a name's four and the one after its last, which
    tells a month or a day from a name's 月 or 日): memoised on them per lexicon (~5 calls an article, the
    same few names again and again; a call walked the lengths, slices and sets each time)."""
    if pos < 0:
        return _options_at(text, pos, lex)
    key = text[pos : pos + 5]
    memo = lex.name_options_memo
    found = memo.get(key)
    if found is None:
        if len(memo) >= _OPTIONS_MEMO_SIZE:
            memo.clear()
        found = memo[key] = _options_at(key, 0, lex)
    return found


_OPTIONS_MEMO_SIZE = 4096


def _options_at(text: str, pos: int, lex: Lexicon) -> tuple[int, ...]:
    """:func:`_name_options` read from ``text`` itself (it reads ``text[pos : pos + 5]`` only)."""
    two = text[pos : pos + 2]
    lengths: tuple[int, ...]
    if two in lex.compound_surnames:
        lengths, given_from = (3, 4), 2
    elif text[pos : pos + 1] in lex.surnames:
        # A Hong Kong married name carries two surnames (林郑月娥, 范徐丽泰): four
        # characters, read only when no shorter name ends at a cue word.
        married = text[pos + 1 : pos + 2] in lex.surnames and not {text[pos], text[pos + 1]} & lex.ambiguous_surnames
        lengths, given_from = ((2, 3, 4) if married else (2, 3)), 1
    else:
        return ()
    stop = lex.cues["stopchar"]
    out = []
    for n in lengths:
        cand = text[pos : pos + n]
        if len(cand) < n or not all(map(_IS_HAN.__getitem__, cand)):  # (_HAN_RUN.fullmatch(cand))
            break
        if not stop.isdisjoint(cand) and any(
            ch in stop and not _month_in_name(text, pos + i) and not _day_in_name(text, pos + i)
            and not _qi_in_name(text, pos, i, lex)
            for i, ch in enumerate(cand[given_from:], given_from)
        ):
            break  # (a name with no stop character at all, the common case, needs no walk)
        if n == 2 and cand[1] == "其":
            continue  # (陈其 is no name, 陈其迈 may be)
        if cand in lex.cues["not_name"]:
            break
        out.append(n)
    return tuple(out)


def _month_in_name(text: str, i: int) -> bool:
    """Whether 月 at ``i`` is part of a name (林郑月娥, 李月华), not a date (三月, 12月份)."""
    return (
        text[i] == "月"
        and i > 0
        and not _MONTH_NUMBER.match(text[i - 1])
        and not _AFTER_MONTH.match(text[i + 1 : i + 2] or "日")
    )


#: What follows 其 when it is a pronoun or a word of its own (其中, 其他, 其余, 其后, 其实, 其次, 其间), not a name's.
_QI_WORDS = frozenset("中他它余后实次间所一")


def _qi_in_name(text: str, pos: int, i: int, lex: Lexicon) -> bool:
    """Whether 其 at ``pos + i`` is the middle of a three-character name (陈其迈, 何其芳), not a pronoun
    (于其…, 张某及其家人, …其中): right after a surname that is no function word, before a character that
    makes no word with it."""
    return (
        text[pos + i] == "其"
        and i == 1
        and text[pos] not in lex.ambiguous_surnames
        and text[pos + 2 : pos + 3] not in _QI_WORDS
    )


#: What stands before 日 when it is a day (17日, 二十日, 今日, 次日), not a character of a name.
_DAY_BEFORE = frozenset("0123456789一二三四五六七八九十廿卅今昨明前后次当每翌逐同某隔")
#: What follows 日 when it is a day (日前, 日晚): 日 opening such a word is no part of a name.
_DAY_AFTER = frozenset("前后起晚间夜内上下午凌电讯报")


def _day_in_name(text: str, i: int) -> bool:
    """Whether 日 at ``i`` is part of a name (县长王日新主持, 林日团通报), not a day (陈俊一日, 李强今日, 王某日前)."""
    return (
        text[i] == "日"
        and i > 0
        and text[i - 1] not in _DAY_BEFORE
        and text[i + 1 : i + 2] not in _DAY_AFTER
    )


class _HanMemo(dict[str, bool]):
    """Whether a character is Han (``\\p{Han}``), asked of the ``regex`` module once per character: a
    name's end is asked at ~4 places per article, and a regex-module call costs ~3 K instructions of set-up."""

    def __missing__(self, char: str) -> bool:
        han = self[char] = _HAN_CHAR.fullmatch(char) is not None
        return han


_HAN_CHAR = regex.compile(r"\p{Han}")
_IS_HAN = _HanMemo()


_HAN_OR_BRACKETED = regex.compile(r"(?:\p{Han}|\(\p{Han}{1,6}\))*")


def han_only(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is Han characters and bracketed Han runs of 1–6 (领导小组(指挥部)):
    ``_HAN_OR_BRACKETED.fullmatch(text, start, end)``. A span with no ( (nearly every one) is asked of the
    memo character by character, for less than the regex module's set-up (~3 K instructions a call)."""
    span = text[start:end]
    if "(" not in span:
        return all(map(_IS_HAN.__getitem__, span))
    return _HAN_OR_BRACKETED.fullmatch(text, start, end) is not None


def _punct_or_end(text: str, pos: int) -> bool:
    """``_PUNCT_OR_END.match(text, pos) is not None``: the text ends at ``pos`` or holds no Han character there."""
    return pos >= len(text) or not _IS_HAN[text[pos]]


def _ends_name(text: str, pos: int, lex: Lexicon) -> bool:
    if _punct_or_end(text, pos) or _DAY_AFTER_NAME.match(text, pos) is not None:
        return True  # (局长陈俊一日向媒体发布: a day of the month ends the name)
    cue = lex.follow_pattern.match(text, pos)
    # A one-character cue right before 、 is the end of a name, not a cue: 魏凤和、王勇; so is a conjunction
    # right before punctuation, which joins nothing (…指挥部指挥长白平和，任城区委副书记…: 白平和).
    return cue is not None and not (cue.end() - cue.start() == 1 and (
        text.startswith("、", cue.end()) or cue.group() in _CONJUNCTIONS and _punct_or_end(text, cue.end())))


#: One-character cue words that join two names (王勇和李强): none ends a name when punctuation follows it.
_CONJUNCTIONS = frozenset("和与及")


#: A day of the month right after a name (陈俊一日向媒体发布, 李强3日主持).
_DAY_AFTER_NAME = std_compile(r"(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日")
#: A name of two parts joined by a middle dot (雪克来提·扎克尔, 艾尔肯·吐尼亚孜):
#: Uyghur, Kazakh … names are written so, without a Han surname.
_DOTTED_NAME = regex.compile(r"\p{Han}{2,8}(?P<dot>[·•・‧])\p{Han}{2,10}")
_NAME_DOTS = frozenset("·•・‧")  # the characters of _DOTTED_NAME's dot


def read_name(text: str, pos: int, known: Iterable[str] = ()) -> str | None:
    """The person's name starting at ``pos``, or ``None``.

    The shortest plausible name that is followed by a cue word or punctuation
    wins (李畔介绍 → 李畔, not 李畔介); a name already known wins over all.

    >>> read_name("李畔介绍,当前", 0), read_name("陈敏尔出席会议", 0), read_name("会议指出", 0)
    ('李畔', '陈敏尔', None)
    """
    lex = load_lexicon()
    for name in sorted(known, key=len, reverse=True):
        if text.startswith(name, pos):
            return name
    # A dotted name has its dot 2–8 characters in: most names have none there and are not tried.
    dotted = _DOTTED_NAME.match(text, pos) if not _NAME_DOTS.isdisjoint(text[pos + 2 : pos + 9]) else None
    if dotted is not None:
        # The shortest second part a cue word or punctuation ends: 雪克来提·扎克尔|主持会议.
        dot = dotted.start("dot")
        for e in range(dot + 3, dotted.end() + 1):
            if _ends_name(text, e, lex):
                return text[pos:e]
    options = _name_options(text, pos, lex)
    for n in options:
        if _ends_name(text, pos + n, lex):
            return text[pos : pos + n]
    if options and options[-1] == 3 and len(text) > pos + 3 and _IS_HAN[text[pos + 3]] and _punct_or_end(text, pos + 4):
        # 吉林省委书记巴音朝鲁、省长…: a four-character name (Mongolian, Yi …) that punctuation ends, when no
        # shorter one ends at a cue word or punctuation (not a cue: 夏宝龙关于… is 夏宝龙 + 关于)
        four = text[pos : pos + 4]
        if lex.cues["stopchar"].isdisjoint(four[1:]) and four not in lex.cues["not_name"]:
            return four
    return None


#: The last character of a body's name (旅游局, 监察厅, 公共关系处): Macau writes the body, the name, the post
#: (旅游局陈露局长), so a two-character name may stand right after one when its post follows.
_BODY_END = frozenset("局厅处署")


def _name_before(text: str, end: int, lex: Lexicon, known: Iterable[str], after_body: bool = False) -> str | None:
    """A name that ends at ``end`` (陈敏尔|书记), or ``None``; with ``after_body``, a two-character name
    may also stand right after a body's last character (旅游局|陈露|局长)."""
    for name in sorted(known, key=len, reverse=True):
        if text.endswith(name, 0, end):
            return name
    options = []
    for n in (3, 2, 4):
        pos = end - n
        if pos < 0 or n not in _name_options(text, pos, lex):
            continue
        # A two-character name must stand clear: 向李书记 is "to Secretary Li", not 向李;
        # so must a name whose surname is also a word: 任当地书记 is "served as local secretary".
        if n == 2 and (text[pos] in lex.ambiguous_surnames or (
                pos > 0 and not _CLEAR_BEFORE.match(text, pos - 1) and not (after_body and text[pos - 1] in _BODY_END))):
            continue
        if text[pos] in lex.ambiguous_surnames and pos > 0 and _HAN_RUN.match(text[pos - 1]):
            continue
        if text[pos:end] in lex.level_forms or lex.level_prefix(text, pos, end) >= 2:
            continue  # 武汉|周市长: a place, not a name
        options.append((n, text[pos:end]))
    if not options:
        return None
    for n, name in options:
        if not (n == 3 and name[0] in lex.ambiguous_surnames and any(m == 2 for m, _ in options)):
            return name
    return options[0][1]
