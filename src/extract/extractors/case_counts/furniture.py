"""Lines of page furniture between a notice's paragraphs: they hand the date and area in force on.
Split from :mod:`.lexicon`."""

from __future__ import annotations

from ...anchored import std_compile

__all__ = ["is_furniture"]

# A line of page furniture inside an article: an image placeholder, a short caption, a source or editor
# line, a share prompt. It does not end the notice's date in force.
_FURNITURE_WORDS = ("图片", "图", "视频", "配图", "摄影", "来源", "编辑", "责任编辑", "责编", "审核", "校对", "记者", "通讯员",
                    "原标题", "分享", "点击", "扫码", "长按")
_FURNITURE_WORD_TAIL = 40  # what a furniture word may have after it
_FURNITURE_SHORT = 16  # a line this short (blanks aside) is a caption
_FURNITURE = std_compile(
    rf"\s*(?:(?:{'|'.join(_FURNITURE_WORDS)})[^。\n]{{0,{_FURNITURE_WORD_TAIL}}}|[^。!?！？\n]{{0,{_FURNITURE_SHORT}}})\s*"
)
#: A CJK ideograph (the basic block: every line of a Chinese paragraph holds one of them).
_HAN = std_compile(r"[\u4e00-\u9fff]")
#: A per-case list's line: a case's number opening it (病例42，…; 患者1，邵某…; 无症状感染者3：…), not a count (病例12例).
_CASE_ITEM = std_compile(r"\s*(?:新增)?(?:确诊|本土|境外输入)?(?:病例|患者|无症状感染者|感染者)\s*\d+(?![\d例宗人名])")
#: The most a line of furniture holds between its leading and trailing blanks.
_FURNITURE_MAX = max(max(map(len, _FURNITURE_WORDS)) + _FURNITURE_WORD_TAIL, _FURNITURE_SHORT)


def is_furniture(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a line of page furniture (``_FURNITURE.fullmatch``).

    A line longer than any furniture once its blanks are stripped is none, and is not matched:
    ``str.strip`` takes off every blank ``\\s`` would (and a few more), so what it leaves is no longer
    than what the pattern holds between its blanks.
    A line with no CJK ideograph at all is furniture too, however long, and so is a per-case list's line.
    """
    if _CASE_ITEM.match(text, start, end) is not None:
        # 病例42，男，49岁，现住海州区…2月12日确诊…: a per-case list's line tells of one of the day's cases; it
        # hands the notice's day on to the paragraph of counts after it (目前，…追踪到密切接触者1075人).
        return True
    if _HAN.search(text, start, end) is None:
        # Briefing on COVID-19 Cases in Chongqing…: a bilingual notice's English lines (or a line of figures
        # alone) between its Chinese paragraphs, no count of this reader's, hand the date on as furniture does.
        return True
    if end - start > _FURNITURE_MAX and len(text[start:end].strip()) > _FURNITURE_MAX:
        return False
    return _FURNITURE.fullmatch(text, start, end) is not None
