"""Names and meetings cited, not acting or held, in a meetings story (贯彻落实…陈润儿…提出的要求, 习近平新时代…思想;
传达…会议精神): the meetings extractor asks these patterns after each official's name and meeting word. Split from
:mod:`.meetings`."""

from __future__ import annotations

import regex

from ..anchored import std_compile

# What follows a meeting word when it is cited, not held: 市委常委会会议精神;
# or counted (已举行新闻发布会150余场): a tally is not one meeting.
_CITED = std_compile(r"精神|纪要|上的(?:重要)?讲话|决策部署|议定事项|部署要求|\s*\d+\s*(?:余|多)?场")
#: Carried out, so held elsewhere and earlier: 落实…交通运输部视频会议要求 (the meeting's requirements).
_CARRIED_OUT = std_compile(r"(?:贯彻|落实|按照|根据|传达)[^,，。;；]{0,40}$")
#: A day written right before a cited meeting's name, after the verb citing it (传达2月6日全省…会议精神), perhaps
#: after the speaker cited (学习贯彻了习近平总书记1月25日在中央政治局常委会会议上的重要讲话精神).
_DATED_NAME = std_compile(r"(?:传达|学习|贯彻|落实)了?(?:[^,，。;；:：\d]{2,10}?)?(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚)?(?:召开的|举行的|的)?[^,，。;；:：、\d]{0,24}$")
#: Cited together with the meeting after it: 落实省应对疫情工作领导小组会议和省应对疫情工作视频会议精神.
_CITED_JOINED = std_compile(r"(?:和|及|与|、|暨)[^,，。;；]{0,30}?会议?(?:精神|纪要|决策部署|部署要求)")
#: After an inspection carried out (see _CARRIED_OUT): what it asked for (…调研疫情防控工作中提出的…要求).
_CITED_INSPECTION = std_compile(r"[^,，。;；]{0,20}?(?:中|时)(?:提出|作出|强调)的")
_CITED_PERSON = std_compile(
    r"(?:(?:贯彻|学习|落实|按照|根据|遵照|传达|关于|领会|践行|遵循|依据)(?:好|了)?|委托|赞成|赞同|拥护|[对以向])\s*$"
)
#: A title and name cited (贯彻落实自治区党委书记陈润儿在银川调研…中提出的要求): the person did not act in the story.
_CITED_TITLED = regex.compile(r"(?:贯彻|学习|落实|遵照|传达|领会)(?:好|了)?\s*\p{Han}{1,14}?(?:书记|省长|市长|主席|总理|部长|主任)\s*$")
# A name cited, not acting: 习近平新时代中国特色社会主义思想, 以习近平同志为核心的党中央, 习近平总书记重要讲话.
_CITED_AFTER = regex.compile(r"(?:同志|总书记)?(?:新时代|\p{Han}{0,6}思想|为核心|重要讲话|重要指示)")
#: What every match of _CITED_AFTER holds, within _CITED_AFTER_REACH characters of its start (同志 + six
#: characters + 思想 is the longest), and every match of _CITED_TITLED: a name is asked after each of them,
#: and most texts around a name hold none (the Unicode property keeps both patterns with the ``regex``
#: module, whose call costs ~3 K instructions of set-up).
_CITED_AFTER_WORDS = ("新时代", "思想", "为核心", "重要")
_CITED_AFTER_REACH = 10
_CITED_TITLED_WORDS = ("贯彻", "学习", "落实", "遵照", "传达", "领会")


def _cited_after(text: str, end: int) -> bool:
    """``_CITED_AFTER.match(text, end)``, asked only when a word it needs is near."""
    head = text[end : end + _CITED_AFTER_REACH]
    return any(w in head for w in _CITED_AFTER_WORDS) and _CITED_AFTER.match(text, end) is not None


def _cited_titled(text: str, start: int, end: int) -> bool:
    """``_CITED_TITLED.search(text, start, end)``, asked only when a citing verb is in the window."""
    window = text[start:end]
    return any(w in window for w in _CITED_TITLED_WORDS) and _CITED_TITLED.search(text, start, end) is not None
