"""Article-level analysis: title, outlet, published date, by-lines and the body span.

Works line by line on the normalised text, each line of a kind :mod:`extract.article_lines`
gives (junk, footer start, meta, masthead, content). The body runs from the first content line
to the last content line before the footer; junk and meta lines inside it are blanked for the
extractors. Sidecar values (``published``, ``title``, ``outlet``, ``url``) win over the text.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from bisect import insort
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import compress
from typing import Any

import regex

from .anchored import std_compile
from .errors import ResourceError
from .normalize import ZERO_WIDTH, Normalized, to_simplified
from .article_lines import (
    _BYLINE_WORDS, _DATELINE, _HAN, _PUB_DATE, _SHORT, _SOURCE, _SOURCE_STOP, _is_dateline, _iso_to_value, _Line,
    WINDOW_HOURS, _masthead, _split_lines, parse_published,
)
from .resources import read_data, tsv_rows

__all__ = ["ArticleInfo", "analyse_article", "parse_published"]

_NAME = rf"{_HAN}{{2,4}}"


@dataclass
class ArticleInfo:
    """What :func:`analyse_article` finds. Offsets index both original and normalised text."""

    title: str | None = None
    outlet: str | None = None
    published: dt.datetime | dt.date | None = None
    url: str | None = None
    reporters: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    body: tuple[int, int] = (0, 0)
    keep: list[tuple[int, int]] = field(default_factory=list)



@functools.cache
def _outlet_domains() -> dict[str, str]:
    rows = tsv_rows(read_data("outlet_domains.tsv"), "outlet_domains.tsv", ("domain", "outlet"))
    out: dict[str, str] = {}
    for lineno, row in rows:
        if not regex.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", row["domain"]) or not row["outlet"].strip():
            raise ResourceError(f"outlet_domains.tsv:{lineno}: a domain (lower case) and an outlet are required")
        out[row["domain"]] = row["outlet"].strip()
    return out


_URL_HOST = regex.compile(r"https?://(?:[^/@\s]*@)?(?P<host>[A-Za-z0-9.-]+)")


def outlet_of_url(url: str) -> str | None:
    """The outlet whose web domain a URL is on (the last URL of a web.archive.org address).

    >>> outlet_of_url("https://web.archive.org/web/2021/https://hkcnews.com/article/43769/x")
    '众新闻'
    >>> outlet_of_url("http://news.cctv.com/2020/01/01/a.shtml"), outlet_of_url("https://example.org/")
    ('央视网', None)
    """
    hosts = [m["host"].lower().rstrip(".") for m in _URL_HOST.finditer(url)]
    if not hosts:
        return None
    parts = hosts[-1].split(".")
    domains = _outlet_domains()
    for i in range(len(parts) - 1):
        if (name := domains.get(".".join(parts[i:]))) is not None:
            return name
    return None


# in news prose in numbers; weak ones do, so they only count alongside a strong one.


_PARAGRAPH_MARK = regex.compile(r"[。,;:!?、]")
_SENTENCE_MARK = regex.compile(r"[。,;!?]")
_PROSE_MARK = regex.compile(r"[。;!?,]")
_PROSE_MARK_ANY_WIDTH = regex.compile(r"[。;!?,，；！？]")  # the headline view keeps full-width marks
_NAME_SEP = regex.compile(r"[、,，\s]+")


def _is_paragraph(line: _Line) -> bool:
    """Content that reads as running text, not a heading."""
    t = line.text
    return len(t) >= 20 or (len(t) >= 10 and _PARAGRAPH_MARK.search(t) is not None)


def _title_candidate(line: _Line) -> bool:
    t = line.text
    n = len(t)
    return (
        line.kind == "content"
        # At most 80 characters, or 160 without a sentence mark: long CCTV headlines have no commas.
        and 5 <= n <= 160
        and (n <= 80 or _SENTENCE_MARK.search(t) is None)
        and not t.endswith(("。", ";", ":"))
        and "。" not in t  # (据…通报:…新增…1例。 , [- E8 C: a sentence, with debris after it)
        and not t.startswith(("——", "--", "原标题"))
        # (抗击新冠肺炎)重庆21日新增…: a column label may open a headline; a bracketed note may not.
        and (not t.startswith(("(", "（")) or _COLUMN_LABEL.match(t) is not None)
        # Each pattern below only where a string or character every match holds is there (a str test).
        and (("摄" not in t and "图" not in t) or _CAPTION.search(t) is None)
        # (编辑 刘佳妮, 中国基金报 发布于 2020-06-16 12:43:38, Loading... Please wait...: page furniture, no headline)
        and (not t.startswith(_EDITOR_WORDS) or _EDITOR.match(t) is None)
        and ("发布于" not in t or _POSTED_AT.search(t) is None)
        and _HAN_CHARS.search(t) is not None
        # (一、高风险区, (二)管理措施: a section heading; 专题 热点 正文: a row of navigation links)
        and ((t[0] not in _SECTION_FIRSTS and not t[0].isdigit()) or _SECTION_HEADING.match(t) is None)
        and (len(t.split(None, 2)) < 3 or _NAV_ROW.fullmatch(t) is None)  # str's blanks hold the pattern's \s
        and not _not_headline(t)
        and (not t[0].isdigit() or _DAY_WINDOW_LINE.fullmatch(t) is None)  # 2022年11月9日(0-24时): a notice's day
    )


#: A line that is only a day and its reporting window (a digest's 2022年11月9日(0-24时) over its figures).
_DAY_WINDOW_LINE = regex.compile(rf"(?:(?:19|20)\d\d\s*年\s*)?\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*[(（]?\s*{WINDOW_HOURS}\s*[)）]?")


#: A labelled line of a page's header (日期:09-28, - 发布者:滴道区委办, 采写:新快报记者 黄闻禹).
_LABEL_LINE = regex.compile(r"[-–—•·*\s]*(?:日期|发布者|发布时间|发布日期|时间|来源|采写|作者|记者|通讯员|撰文|文)\s*[:：]")
#: A by-line (记者杨净岚∕台北报导, 北京日报客户端 | 记者 刘苏雅 李祺瑶).
_BYLINE_TITLE = regex.compile(r"(?:^|[|｜/∕\s])记者\s*\p{Han}{2,4}(?:[\s∕/|｜]|$)|记者\p{Han}{2,4}[∕/]\p{Han}{2,4}报[导道]$")


def _not_headline(t: str) -> bool:
    """Lines of a page's furniture that read like a headline: a weather widget (8到14°C), a labelled
    header line, a breadcrumb (首页>要闻), a by-line, a listing's date-led line (2022-05-25 新冠肺炎.周边故事),
    a sentence's opening cut at a comma or colon."""
    return (
        "°C" in t or "℃" in t
        or ((":" in t or "：" in t) and _LABEL_LINE.match(t) is not None)
        or ("首页" in t and (">" in t or "》" in t or "→" in t))
        or ("记者" in t and _BYLINE_TITLE.search(t) is not None)
        or (len(t) > 10 and t[:4].isdigit() and t[4:5] in "-/" and t[5:7].isdigit())
        # A sentence's opening cut at a clause mark (2020年3月3日0时-24时， / 根据…通报：): the text goes on below.
        or t.rstrip()[-1:] in _CLAUSE_END_MARKS
    )


#: Marks that end a clause, never a headline.
_CLAUSE_END_MARKS = frozenset(",，、;；:：")


#: What :data:`_EDITOR`'s matches start with, and the first characters of :data:`_SECTION_HEADING`'s but a
#: digit (str.isdigit holds every \d).
_EDITOR_WORDS = ("责任编辑", "责编", "编辑", "审核", "校对", "编审")
_SECTION_FIRSTS = frozenset("一二三四五六七八九十(（")


#: A numbered section heading (一、…, (二)…, 3.…).
_SECTION_HEADING = regex.compile(r"[一二三四五六七八九十]{1,3}\s*、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}\s*[.、．]\s*\D")
#: Three or more short words side by side: a page's navigation links.
_NAV_ROW = regex.compile(r"\p{Han}{1,4}(?:\s+\p{Han}{1,4}){2,}")


#: A page's posting line (中国基金报 发布于 2020-06-16 12:43:38).
_POSTED_AT = regex.compile(r"发布于\s*\d{4}[-/年]\d{1,2}")
_HAN_CHARS = regex.compile(_HAN)


#: A short label in brackets opening a headline: (抗击新冠肺炎), as 中新网 writes its columns.
_COLUMN_LABEL = regex.compile(r"[(（][^()（）\d]{2,10}[)）](?=\S)")
#: A photo caption: its photographer's credit at the end (发布会现场 付彦华/摄), or a picture's source.
_CAPTION = regex.compile(r"(?:[\s/]摄|摄影)\s*$|图片来源|示意图|资料图片")


# ---------------------------------------------------------------- by-lines

# At most nine names in a by-line: bounded, so a 200,000-item list stays linear.
#: At most this many Han characters in the names of a by-line (nine names of at most four: :data:`_NAMES`).
_NAMES_HAN = 9 * 4
_NAMES = rf"(?P<names>{_HAN}{{2,4}}?(?:\s*[、,，\s]\s*{_HAN}{{2,4}}?){{0,8}})"
_NAME_END = r"(?=\s*(?:[)）\]】,，、;；/|]|摄|报道|$|\s|责编|编辑|来源|通讯员|实习生))"
_REPORTER = regex.compile(rf"(?:记者|通讯员|实习生|作者\s*[:/：])\s*{_NAMES}{_NAME_END}(?P<photo>\s*摄)?")
_EDITOR = regex.compile(rf"(?:责任编辑|责编|编辑|审核|校对|编审)\s*[:/：]?\s*[(（]?\s*{_NAMES}{_NAME_END}")
_PHOTO = regex.compile(rf"(?:摄影|图)\s*[/:：]\s*{_NAMES}{_NAME_END}|{_NAMES}\s*摄(?=[/\s)）]|$)")
#: The by-line patterns' groups by number (the regex module finds a group by name through a failed conversion
#: of the name to a number, an exception's message formatted each time); _PHOTO's two names groups are one.
_REPORTER_NAMES, _REPORTER_PHOTO = _REPORTER.groupindex["names"], _REPORTER.groupindex["photo"]
_EDITOR_NAMES, _PHOTO_NAMES = _EDITOR.groupindex["names"], _PHOTO.groupindex["names"]
_BYLINE_HINT = regex.compile(r"记者|通讯员|实习生|作者|编辑|责编|审核|校对|编审|摄|图\s*[/:：]")
_TRAILING_CREDIT = regex.compile(rf"[(（]\s*{_HAN}{{2,3}}(?:\s*[、,，\s]\s*{_HAN}{{2,3}})*\s*[)）]\s*$")
_NOT_NAMES = frozenset({"记者", "本报记者", "通讯员", "实习生", "编辑", "责编", "作者", "摄影", "完", "全文完", "待续", "未完待续", "图", "原标题", "本报讯", "新华社", "供图", "资料图", "视频", "截图", "下同"})
_NAME_BAD_END = regex.compile(r"(?:告诉|表示|介绍|说|称|发现|看到|了解|采访|获悉|注意|报道)$")


def _photo_scan_start(t: str) -> int:
    """Where :data:`_PHOTO`'s scan of ``t`` (a line holding 摄 or 图) can find its first match: ``finditer``
    from there finds what it finds from the start, and the regex engine no longer tries the lazy names of its
    second alternative at every Han character of a caption's sentence (~40 K instructions a line).

    A match of the first alternative starts with 图 or 摄影; one of the second is names (Han characters,
    white space and 、,，) followed by 摄, so it starts in the run of such characters before the first 摄,
    holding at most :data:`_NAMES_HAN` Han characters. A character that is not one stops the walk back
    (the sentence's 。 before 记者 崔力 摄)."""
    start = t.find("图")
    at = t.find("摄")
    if at >= 0:
        han = 0
        while at > 0:
            ch = t[at - 1]
            if not (ch.isspace() or ch in "、,，"):  # white space here: str's (a few more than the pattern's)
                is_han = _HAN_OF.get(ch)
                if is_han is None:
                    is_han = _HAN_OF[ch] = _HAN_CHARS.match(ch) is not None
                han += 1
                if not is_han or han > _NAMES_HAN:
                    break
            at -= 1
        start = at if start < 0 else min(start, at)
    return max(start, 0)


#: Whether a character is Han (\p{Han}), by character.
_HAN_OF: dict[str, bool] = {}


def _names(blob: str) -> list[str]:
    out = []
    for name in _NAME_SEP.split(blob.strip()):
        if 2 <= len(name) <= 4 and name not in _NOT_NAMES and not _NAME_BAD_END.search(name):
            out.append(name)
    return out


def _add(target: list[str], names: list[str]) -> None:
    for n in names:
        if n not in target:
            target.append(n)


#: A line's :attr:`_Line.bylined` (read in C).
_BYLINED = operator.itemgetter(_Line._fields.index("bylined"))


def _byline_candidates(lines: list[_Line], body_last: int | None) -> list[int]:
    """The indexes of the lines :func:`_bylines` reads, in order: those that may hold a by-line word
    (:attr:`_Line.bylined`, ~2 of a bench article's ~30 lines) and the body's last line (a trailing credit).
    Picked in C (``compress``), not by a Python loop over every line that passes most of them by."""
    picked = list(compress(range(len(lines)), map(_BYLINED, lines)))
    if body_last is not None and body_last not in picked:
        insort(picked, body_last)
    return picked


def _bylines(lines: list[_Line], body_last: int | None, info: ArticleInfo) -> None:
    for i in _byline_candidates(lines, body_last):
        line = lines[i]
        if line.kind == "junk":
            continue
        # By-lines are short lines or the tail of a paragraph ("……参加。(记者 杨帆 张珺)").
        t = line.text if len(line.text) <= _SHORT else line.text[-120:]
        if (not line.bylined or _BYLINE_WORDS.search(t) is None) and not (i == body_last and t.endswith((")", "）"))):
            continue  # none of the words tested below: no hint (most lines, known from the scan or one search)
        # Each pattern only where its own words stand (they cannot match elsewhere).
        reporter = "记者" in t or "通讯员" in t or "实习生" in t or "作者" in t  # _REPORTER's words
        editor = "编辑" in t or "责编" in t or "审核" in t or "校对" in t or "编审" in t  # _EDITOR's (责任编辑 has 编辑)
        photo = "摄" in t or "图" in t
        hint = reporter or editor or "摄" in t or (photo and _BYLINE_HINT.search(t) is not None)
        if not hint and not (i == body_last and t.endswith((")", "）"))):
            continue  # most lines name no reporter: a few cheap tests skip four patterns
        if reporter:
            for m in _REPORTER.finditer(t):
                names = _names(m[_REPORTER_NAMES])
                if len(names) > 1 and t.startswith("报道", m.end(_REPORTER_NAMES)):
                    names = names[:-1]  # (记者 孟冰 重庆报道): the last word is where it was filed from
                _add(info.photographers if m[_REPORTER_PHOTO] else info.reporters, names)
        if editor:
            for m in _EDITOR.finditer(t):
                _add(info.editors, _names(m[_EDITOR_NAMES]))
        if photo:
            for m in _PHOTO.finditer(t, _photo_scan_start(t)):
                _add(info.photographers, [n for n in _names(m[_PHOTO_NAMES]) if n not in info.reporters])
        if i == body_last and not (reporter and _REPORTER.search(t)):
            credit = _TRAILING_CREDIT.search(t)
            if credit:
                _add(info.reporters, _names(credit.group()[1:].rstrip(")） ").rstrip()))


# ---------------------------------------------------------------- outlet


def _clean_source(src: str) -> str | None:
    src = _SOURCE_STOP.sub("", src).strip(" |｜-—·")
    if _FONT_WIDGET.match(src):
        return None  # 来源:A+A- (the page's font-size buttons where the source is empty), 来源:A+
    if len(src) > 20 and _LONG_BODY.search(src):
        return src if len(src) <= 32 else None  # 开平市新型冠状病毒肺炎疫情防控指挥部办公室: an issuing body's full name
    return src if 2 <= len(src) <= 20 else None


#: The end of an issuing body's full name, which may pass the length of an outlet's.
_LONG_BODY = std_compile(r"(?:指挥部|领导小组)(?:办公室)?$|(?:委员会|人民政府|卫生健康局|卫生健康委)$")


#: A page's font-size buttons standing where a source would (来源:A+A-).
_FONT_WIDGET = std_compile(r"^[Aa]\s*[+＋]\s*(?:[Aa]\s*[-－]?)?$")


_FROM = regex.compile(
    r"(?:原文来自|原文转自|本文来自|文章来自|转载自|本文转自)\s*[::]?\s*[「“《【]?\s*(?P<name>[^」”》】:：,，。()（）\s\[\]~]{2,16})"
)
# (A Weibo account may add a Latin brand: @看看新闻KNEWS.)
_CHANNEL = regex.compile(rf"^(?P<base>{_HAN}{{1,6}}?(?:网|报|社|电视台|台|新闻))(?:{_HAN}{{2,5}}频道|客户端|微博|[A-Za-z]{{2,8}})?$")
_TRAILER = regex.compile(r"(?:[(（](?P<a>[^()（）\n]{2,16})[)）]|@(?P<b>[^\s@()（）]{2,16}))\s*$")


def _channel(name: str) -> str | None:
    """The outlet a credit names: 人民网重庆频道 → 人民网, 人民日报 → 人民日报; None for anything else."""
    m = _CHANNEL.match(name.strip())
    return m["base"] if m and "记者" not in name else None


def _outlet(lines: list[_Line], first_body: int, last_body: int) -> str | None:
    # 0. An explicit statement of origin: 原文来自「北青深一度」, (本文来自澎湃新闻…).
    near = lines[: first_body + 3] + lines[max(first_body + 3, last_body - 2) : last_body + 4]
    for line in near:
        if "来自" in line.text or "转" in line.text:
            if (m := _FROM.search(line.text)) and (src := _clean_source(m["name"])):
                return src
    # 1. A masthead in the header names the publishing outlet.
    for line in lines[:first_body]:
        if line.kind == "masthead" and (name := _masthead(line.text)):
            return name
    # 2. A 来源: line after the body credits the article's own source (aggregators
    #    print their own name in the header, the original outlet at the foot).
    #    (A foot of the page's own lines may follow it inside the body's span: 来源 |开平市…办公室, 整理 |…, 进入…群.)
    for line in lines[last_body + 1 :] + lines[max(first_body + 1, last_body - 5) : last_body + 1]:
        if line.kind == "meta" and (m := _SOURCE.match(line.text)) and (src := _clean_source(m["src"])):
            return src
    # 3. A 来源: in the header's dateline.
    for line in lines[:first_body] + lines[first_body : first_body + 3]:
        if line.kind == "meta" and (m := _SOURCE.search(line.text)) and (src := _clean_source(m["src"])):
            return src
    # 4. An outlet's name standing in the dateline (2022年12月4日 10:26  大公文汇网).
    for line in lines[:first_body]:
        if line.kind == "meta" and _is_dateline(line.text):
            for token in regex.split(r"[\s|｜]+", _PUB_DATE.sub(" ", line.text)):
                if _masthead(token):
                    return _masthead(token)
    # 5. The lede's own credit: 【大公文汇网讯】, 新华社重庆11月20日电.
    for line in lines[first_body : first_body + 2]:
        if (m := _LEDE_CREDIT.match(line.text)) and (name := m["name"] or m["media"]) not in ("本报", "本网", "本台"):
            if m["name"] and (last := line.text[m.end("name") : m.end("name") + 1]) in _AGENCY_END:
                return str(m["name"]) + last  # 中新网重庆3月22日电, 新华社重庆…电: the agency's whole name
            return name
    # 6. A credit closing the body: ……出院。(人民网重庆频道), @人民网内蒙古频道;
    #    a CCTV reporter's credit, (总台央视记者 唐巍 邓丽娟), is 央视新闻's.
    #    A Weibo post's short link after the credit, …（央视）http://t.cn/A6PawAGX, is not part of it.
    last = _SHORT_LINK.sub("", lines[last_body].text) if 0 <= last_body < len(lines) else ""
    if m := _TRAILER.search(last):
        if name := _channel(m["a"] or m["b"]):
            return name
    if _CCTV_CREDIT.search(last[-60:]):
        return "央视新闻"
    return None


_CCTV_CREDIT = regex.compile(r"[(（]\s*(?:中央广播电视)?(?:总台)?央视(?:新闻)?(?:(?:记者|报道)[^()（）\n]{0,40})?[)）]\s*$")
_SHORT_LINK = regex.compile(r"\s*https?://t\.cn/[A-Za-z0-9]+\s*$")


#: The last character of a news agency's or site's name before the place of a dateline (中新网重庆…电).
_AGENCY_END = frozenset("网社台报")
_LEDE_CREDIT = regex.compile(
    rf"[【\[(（]?(?:(?P<name>{_HAN}{{2,8}}?)(?:(?:\d{{1,2}}月\d{{1,2}}日)?(?<!通)讯|(?:{_HAN}{{2,4}})?\d{{1,2}}月\d{{1,2}}日电)"
    rf"|(?P<media>{_HAN}{{1,8}}?(?:网|社|台|报|新闻|客户端))(?:{_HAN}{{2,4}}\d{{1,2}}月\d{{1,2}}日)?消息)[】\])）]?"
)  # 央视网消息(新闻联播), 央廣網重慶5月9日消息(記者劉湛); not the 讯 of 通讯 (商務通訊 is a name)

# A Weibo-style post: the headline in 【】 at the start of its first line (after #话题# tags).
_HEADLINE = regex.compile(r"^(?P<pre>[^【。!?;\n]{0,30}?)【(?P<t>[^【】\n]{4,100})】(?P<rest>.*)$")
_NOT_HEADLINE = regex.compile(r"(?:讯|电|消息|记者|报道|通讯员)$")
_ZERO_WIDTH = regex.compile(f"[{ZERO_WIDTH}]")


def _bracket_headline(text: str) -> str | None:
    """The headline of a post written 【headline】body…, or None (a column label before a headline,
    a lede credit such as 【大公文汇网讯】).

    ``text`` is the line as written (``#话题#`` marks and ``[视频]`` tags not blanked).

    >>> _bracket_headline("#新冠肺炎最新动态#【#重庆新增新冠肺炎18例#】1月25日0—24时,重庆市报告新增确诊病例18例。")
    '重庆新增新冠肺炎18例'
    >>> _bracket_headline("【走进县城看发展】重庆巫溪:绿色兴业 生态富民") is None
    True
    >>> _bracket_headline("【国家卫健委:#严格预防#[话筒]】据了解,……。")
    '国家卫健委:#严格预防#[话筒]'
    """
    m = _HEADLINE.match(text)
    if m is None or _NOT_HEADLINE.search(m["t"].strip()):
        return None
    rest = m["rest"].strip()
    if rest and not _PROSE_MARK_ANY_WIDTH.search(rest):
        return None  # 【栏目】headline: a column label, the line is the headline
    return drop_topic_marks(m["t"]).strip()


#: A #话题# tag that stands as a part of a headline by itself: followed by the end, a space or a
#: separating punctuation mark. A tag run on into further words (#北京新增8例#病例详情公布) is kept.
_TOPIC = regex.compile(r"#(?P<w>[^#\n]{1,60}?)#(?=$|\s|[,，:：、!！?？;；|｜】—])")


def drop_topic_marks(title: str) -> str:
    """A headline without the ``#`` marks of the topic tags that stand by themselves in it.

    >>> drop_topic_marks("#上海又有11例病例治愈出院# 已累计治愈41例")
    '上海又有11例病例治愈出院 已累计治愈41例'
    >>> drop_topic_marks("紧急扩散!#石家庄公布最新确诊病例车次及行程轨迹#")
    '紧急扩散!石家庄公布最新确诊病例车次及行程轨迹'
    >>> drop_topic_marks("#大连公布9例新增确诊详情#:#大连新增9例均为凯洋世界海鲜公司员工#")
    '大连公布9例新增确诊详情:大连新增9例均为凯洋世界海鲜公司员工'
    >>> drop_topic_marks("#北京新增确诊病例8例#病例详情公布")
    '#北京新增确诊病例8例#病例详情公布'
    """
    return _TOPIC.sub(lambda m: m["w"], title) if "#" in title else title


def clean_title(title: str) -> str:
    """A title without zero-width characters, a list bullet before it or surrounding white space.

    >>> clean_title("深度报道\u200b "), clean_title("• 中国多地报告首例治愈者出院")
    ('深度报道', '中国多地报告首例治愈者出院')
    """
    return _BULLET.sub("", _ZERO_WIDTH.sub("", title).strip()).strip()


#: A list bullet a page puts before a line (• ▪ ● ◆ ■ ·).
_BULLET = regex.compile(r"^[•▪●◆■·・]\s*")


def _published(lines: list[_Line], first: int | None, last: int | None, title_idx: int | None) -> dt.datetime | dt.date | None:
    """The publication date: a labelled dateline (发布时间:) first, then any dateline in the
    header, then a short header line, then a dateline after the body (one or two of them: more date
    a list of links); never the headline's date."""
    header = lines[: first if first is not None else len(lines)]
    datelines = [ln for ln in header if ln.kind == "meta" and _is_dateline(ln.text)]
    shorts = [ln for i, ln in enumerate(header) if ln.kind == "content" and len(ln.text) <= 40 and i != title_idx]
    footer = [ln for ln in lines[(last + 1 if last is not None else len(lines)) :] if ln.kind == "meta" and _is_dateline(ln.text)]
    if len(footer) > 2:
        footer = []  # (- 2025年12月18日 16:30:31 under 社会新闻精选: the dates of a list of links)
    for group in ([ln for ln in datelines if _DATELINE.search(ln.text)], datelines, shorts, footer):
        for ln in group:
            if (published := parse_published(ln.text)) is not None:
                return published
    return None


# ---------------------------------------------------------------- main


#: A count of cases written on a short line (新冠病毒核酸检测阳性感染者10例).
_POSTER_COUNT = regex.compile(r"\d+\s*例")


def _title_line(lines: list[_Line]) -> int | None:
    """The index of the title line, or None.

    The heading-like line nearest above the first dateline or 来源 line (site names,
    navigation and promos come before it in page headers); a first line of one short
    sentence above a longer paragraph (a news item's headline written with its full stop);
    else the first heading-like line above the second paragraph of running text (a lede may
    stand above a reposted headline, but a section heading further down, 本土病例情况 below
    a notice's two opening paragraphs, is no title).
    """
    paras = _first_paragraphs(lines)
    # (A dateline below two paragraphs is the body's or the footer's: - 2025年12月18日 16:30:31 in a list of links.)
    header = paras[1] if len(paras) > 1 else 12
    anchor = next((i for i, ln in enumerate(lines[:header]) if ln.kind == "meta" and (_is_dateline(ln.text) or _SOURCE.match(ln.text))), None)
    # The last candidate above the anchor: the lines are tried from the anchor up (_title_candidate is pure).
    before = next((i for i in range((anchor or 0) - 1, -1, -1) if _title_candidate(lines[i])), None)
    if before is not None:
        return before
    if paras and paras[0] == 0 and len(lines) > 1 and _sentence_headline(lines[0], lines[1]):
        return 0
    # A lede may stand above the headline (a repost puts its summary first); a second paragraph may not.
    # (No line above the anchor is a candidate: the search goes on from there.)
    limit = min(10, paras[1] if len(paras) > 1 else len(lines))
    return next((i for i in range(min(anchor or 0, limit), limit) if _title_candidate(lines[i])), None)


def _first_paragraphs(lines: list[_Line]) -> list[int]:
    """The indexes of the first two paragraphs of running text among the first twelve lines that are no
    title candidates (the walk stops at the second: :func:`_title_candidate` is the costly test)."""
    paras: list[int] = []
    for i, ln in enumerate(lines[:12]):
        if ln.kind == "content" and _is_paragraph(ln) and not _title_candidate(ln):
            paras.append(i)
            if len(paras) == 2:
                break
    return paras


def _whole_line(view: str, line: _Line) -> str:
    """The line as written in ``view`` (blanked debris at its ends included), stripped."""
    start = view.rfind("\n", 0, line.start) + 1
    end = view.find("\n", line.end)
    return view[start : end if end >= 0 else len(view)].strip()


_WHEN = regex.compile(r"\d\s*(?:月|日|时|点|号)|[今昨前当]日|[今昨前]天|截至|目前|日前|近日|近期")


def _sentence_headline(line: _Line, after: _Line) -> bool:
    """A first line of one short undated sentence (重庆市新增确诊4例,累计确诊509例。) above a longer paragraph."""
    t = line.text
    return (
        line.kind == "content"
        and 5 <= len(t) <= 40
        and t.endswith("。")
        and t.count("。") == 1
        and _WHEN.search(t) is None  # 7月24日0时至15时,大连市新增确诊病例9例。 opens a notice's body
        and _LEDE_CREDIT.match(t) is None  # 央视网消息(新闻联播):日前,…李克强在重庆考察。 is a lede
        and after.kind == "content"
        and len(after.text) > 2 * len(t)
    )


#: A header line that labels the title or the outlet, as PTT's news-board template asks a repost for
#: (完整標題:中國新增80例本土確診, 發稿單位:中央社).
_LABELLED = regex.compile(r"(?P<label>完整标题|新闻标题|发稿单位|媒体来源)\s*[:：]\s*(?P<value>\S.{0,79}?)\s*")


#: The labels :data:`_LABELLED` opens with (a str test before the pattern: most header lines are none).
_LABELS = ("完整标题", "新闻标题", "发稿单位", "媒体来源")


#: Where a page's summary of the article is cut (导读 …单日..., …长春市新增1例无...).
_ELLIPSES = ("...", "…", "。。。")
#: A summary's label (导读  中新网海口9月3日电…): not written again in the article.
_SUMMARY_LABEL = std_compile(r"^(?:导读|摘要(?:提示)?|内容摘要|内容提要|核心提示)\s*[:：]?\s*")
#: The first characters of :data:`_SUMMARY_LABEL`'s words.
_SUMMARY_FIRSTS = frozenset("导摘内核")
#: How much of a summary's opening a later line must repeat.
_EXCERPT_HEAD = 12


def _excerpt_lines(lines: list[_Line], first: int, last: int) -> set[int]:
    """The body's lines that are a page's summary of the article (cut with an ellipsis, or labelled 导读/摘要
    提示) whose opening is written again in a later line: read once, in the article itself, not twice."""
    out: set[int] = set()
    for i in range(first, last + 1):
        t = lines[i].text.strip()
        if lines[i].kind != "content" or len(t) < 2 * _EXCERPT_HEAD:
            continue
        label = _SUMMARY_LABEL.match(t) if t[0] in _SUMMARY_FIRSTS else None  # (most lines: no regex call)
        if label is None and not t.endswith(_ELLIPSES):
            continue  # (摘要提示:… whole, or …单日... cut: a summary either way)
        head = t[label.end() if label is not None else 0 :][:_EXCERPT_HEAD]
        if any(head in lines[j].text for j in range(i + 1, last + 1) if lines[j].kind == "content"):
            out.add(i)
    return out


def _labelled_fields(header: list[_Line]) -> dict[str, str]:
    """``title`` and ``outlet`` as the header's labelled lines give them."""
    out: dict[str, str] = {}
    for line in header:
        if line.text.startswith(_LABELS) and (m := _LABELLED.fullmatch(line.text)) is not None:
            key = "title" if m["label"].endswith("标题") else "outlet"
            if key == "outlet" and len(m["value"]) > 12:
                continue  # a sentence, not an outlet's name
            out.setdefault(key, m["value"])
    return out


def analyse_article(norm: Normalized, meta: Mapping[str, Any], headline_text: str | None = None) -> ArticleInfo:
    """Find the metadata and body of one article.

    Args:
        norm: the article's original and normalised text.
        meta: sidecar values; ``published``, ``title``, ``outlet``, ``url`` win over the text.
        headline_text: the normalised text before reposting debris was blanked (same length):
            titles are read from it, ``#话题#`` marks and ``[视频]`` tags as written.
    """
    lines = _split_lines(norm)
    info = ArticleInfo()
    if not lines:
        return info
    view = headline_text if headline_text is not None and len(headline_text) == len(norm.text) else norm.text
    title_idx = _title_line(lines)
    # The body starts at the first line of running text that is not the title.
    first = next(
        (i for i, ln in enumerate(lines) if ln.kind == "content" and i != title_idx and _is_paragraph(ln)),
        None,
    )
    if first and lines[first - 1].kind == "content" and first - 1 != title_idx and _DAY_WINDOW_LINE.fullmatch(lines[first - 1].text):
        first -= 1  # 2022年11月9日(0-24时) over a digest's figures: their day, the body's first line
    if first is None:  # a short text: every content line is body
        first = next((i for i, ln in enumerate(lines) if ln.kind == "content"), None)
    elif title_idx is not None and title_idx < first:
        # A poster's phrases, one to a line, under the headline (2月21日22时至2月22日12时 / 武汉市新增 /
        # 新冠病毒核酸检测阳性感染者10例): three or more short lines with a count among them are body.
        shorts = [i for i in range(title_idx + 1, first) if lines[i].kind == "content"]
        if len(shorts) >= 3 and any(_POSTER_COUNT.search(lines[i].text) for i in shorts):
            first = shorts[0]
    if first is None:
        last = None
    else:
        stop = next((i for i in range(first + 1, len(lines)) if lines[i].kind == "footer"), len(lines))
        # The last content line before the footer (the first line when there is none), walked back from there.
        last = next((i for i in range(stop - 1, first, -1) if lines[i].kind == "content"), first)
    if first is not None and last is not None:
        info.body = (lines[first].start, lines[last].end)
        excerpts = _excerpt_lines(lines, first, last)
        info.keep = [(ln.start, ln.end) for i, ln in enumerate(lines[first : last + 1], first)
                     if ln.kind == "content" and i not in excerpts]
    else:
        info.body = (0, 0)
    if title_idx is not None:
        info.title = drop_topic_marks(_whole_line(view, lines[title_idx]))
    if (headline := _bracket_headline(_whole_line(view, lines[0]))) is not None:
        info.title = headline  # 【headline】 opening a post
    labelled = _labelled_fields(lines[:12])  # the template's lines open the post (its title may read as a paragraph)
    if "title" in labelled:
        info.title = labelled["title"]  # 完整標題:… (a forum post's template names it)
    if info.title is not None:
        info.title = clean_title(info.title) or None
    info.published = _published(lines, first, last, title_idx)
    info.outlet = labelled.get("outlet") or _outlet(
        lines, first if first is not None else len(lines), last if last is not None else len(lines))
    _bylines(lines, last, info)
    # Sidecar values win.
    if isinstance(meta.get("published"), str) and (value := _iso_to_value(meta["published"])) is not None:
        info.published = value
    if meta.get("title"):
        info.title = clean_title(to_simplified(str(meta["title"]))) or None
    if meta.get("outlet"):
        info.outlet = to_simplified(str(meta["outlet"])).strip()
    if meta.get("url"):
        info.url = str(meta["url"])
    if info.outlet is None and info.url:
        info.outlet = outlet_of_url(info.url)  # the text names none: the URL's domain does
    return info
