"""Integers written in Arabic or Chinese numerals (3, 二〇二二, 一千二百零九, 3万, 廿三), for dates and counts.
Split from :mod:`.dates` (at its line limit); ``dates.parse_cn_int`` is the same function."""

from __future__ import annotations

import regex

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
CN_NUM = "〇零一二两三四五六七八九十百千万亿廿卅"  # 廿 20, 卅 30: 三月卅一日, 廿三例 (澳门日报)


_DIGITS_UNIT = regex.compile(r"(\d+)([万亿千百])")


def parse_cn_int(s: str) -> int | None:
    """Parse an integer written in Arabic or Chinese numerals.

    >>> parse_cn_int("十四"), parse_cn_int("一千二百"), parse_cn_int("两千"), parse_cn_int("二〇二二")
    (14, 1200, 2000, 2022)
    >>> parse_cn_int("1,208"), parse_cn_int("3万"), parse_cn_int("abc")
    (1208, 30000, None)
    """
    try:  # a numeral is short and the same few recur (the days of a month): memoised
        return _PARSED[s]
    except KeyError:
        pass
    n = _parse_cn_int(s)
    if len(_PARSED) >= _PARSED_SIZE:
        _PARSED.clear()
    _PARSED[s] = n
    return n


_PARSED: dict[str, int | None] = {}
_PARSED_SIZE = 4096


def _parse_cn_int(s: str) -> int | None:
    s = s.strip().replace(",", "")
    if "廿" in s or "卅" in s:
        s = s.replace("廿", "二十").replace("卅", "三十")  # 廿三 is 二十三, 卅一 三十一
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    # Arabic digits with a Chinese unit: 3万, 1.2万 is not an integer count here.
    m = _DIGITS_UNIT.fullmatch(s)
    if m:
        return int(m.group(1)) * _CN_UNITS[m.group(2)]
    if any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in s):
        return None
    if all(ch in _CN_DIGITS for ch in s):  # digit by digit: 二〇二二
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    total = section = digit = 0
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            unit = _CN_UNITS[ch]
            if unit >= 10_000:
                section = (section + digit) * unit
                total += section
                section = 0
            else:
                section += (digit or 1) * unit
            digit = 0
    return total + section + digit
