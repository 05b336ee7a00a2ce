"""Words that date by the article's day or the day in force (昨日, 今天, 次日, 当天 …): each word, what it counts
from (``article`` or ``context``) and how many days. Split from :mod:`.dates`; the case-count reader's one
automaton pass finds them too."""

from __future__ import annotations

__all__ = ["_RELATIVE_WORDS"]

_RELATIVE_WORDS: dict[str, tuple[str, int]] = {
    "昨日": ("article", -1),
    "昨天": ("article", -1),
    "今日": ("article", 0),
    "今天": ("article", 0),
    # Hong Kong and wire usage: 昨晚召开新闻发布会, 今早举行记者会.
    "昨晚": ("article", -1),
    "昨夜": ("article", -1),
    "今早": ("article", 0),
    "昨午": ("article", -1),  # 應變協調中心昨午舉行例行記者會 (Macau)
    "昨晨": ("article", -1),
    "今午": ("article", 0),
    "今晨": ("article", 0),
    "今晚": ("article", 0),
    "前日": ("article", -2),
    # 國家衞健委今日(5日)通報，內地過去一日新增確診病例18宗 (Hong Kong media on the NHC's figures): the day before (not 过去24小时: 截至下午3時的過去24小時 is mostly today).
    "过去一日": ("article", -1),
    "过去一天": ("article", -1),
    "前天": ("article", -2),
    "同日": ("context", 0),
    "同一天": ("context", 0),
    "当天": ("context", 0),
    "当日": ("context", 0),
    "当晚": ("context", 0),
    "当天晚上": ("context", 0),
    "次日": ("context", 1),
    "翌日": ("context", 1),
    "第二天": ("context", 1),
    "前一日": ("context", -1),
    "前一天": ("context", -1),
}
