"""The reader: one pass over a notice's paragraphs and sentences, with the date, window and area in
force, turning count numbers into counts (see the package docstring for the rules)."""

from __future__ import annotations

import bisect
import datetime as dt
import functools

from ...anchored import AnyMatch, std_compile
from ...document import Doc
from ...models import ArticleWarning, CaseCount
from ..dates import _DAY_RANGE_END, find_dates, reference_date, relative_words_found, resolve_relative
from .lexicon import (
    _CARRY_OPENING, _NUMBERED_HEADING, _CLAUSE_BREAK, _NOT_AREA, _OPEN, _RELATIVE_PREV, _REST_ITEM, _RESIDUE_OK,
    _SINCE_BEFORE, _UNTIL_HOUR, _NOW_OPENING, _HEADLINE, _UNTIL_NOW, _SECTION, _UNKNOWN_AREA, heading_matches, said_measure, metric_starts, _last, _value, load_metric_lexicon,
)
from . import totals
from .boxed import bracket_count
from .counting import read_count
from .area_lists import last_group
from .day_series import day_series
from .region_series import region_series
from .zeros import _running_measure, joined_zeros, read_zero
from .counts import _Count, _State, _when
from .attributions import attribute
from .setters import _date_setters, _written_dates
from .furniture import is_furniture
from .listing_dates import teaser_dates
from .pairs import pair_counts
from .settle import cutoff_day_after, settle
from .events import paragraph_events
from .places_after import counts_of_place_after
from .unit_places import count_places
from .paragraphs import _BRACKET, _may_name_section, unwrapped, _outside_brackets, _paragraphs, _poster_lines_joined, _sentences, _without_topic_tags
from .regions import _DIGIT, _count_areas, _in_outbreak_name, _contains, _district_home, _home_county, _title_district, _title_counted_district, HOME_AUTONOMOUS, HOME_COUNTY, HOME_PROVINCE, _Mention, _Region, _province_of, _area_mentions, _city_in, _county_city_in, _signed_by_county, _sourced_from_county, _article_home, _is_top, reader_hits

# ------------------------------------------------------------------ decisions

#: After a day: the hours of its reporting window (0至24时, 0—24时, 0时至24时).
_WINDOW_END = std_compile(r"\s*(?:\d{1,2}\s*时?\s*(?:至|到|—|-|－|~)\s*\d{1,2}\s*时)")

#: A paragraph's opening that says it goes on from the last one (此外，吉林省也新增…).
_GOES_ON = std_compile(r"\s*(?:此外|另外|另据|与此同时|(?:发布)?会上(?:通报|介绍)|发布会通报)\s*[,，]")  # (會上通報,…: the same conference's figures)
#: What marks a headline in a line of the body (【…】, #话题#).
_HEADLINE_MARKS = std_compile(r"[#【】]")
#: A sentence that opens with the new cases of an area (本港新增12宗…, 全市新增…).
_NEW_OPENING = std_compile(  # (指挥官陈时中表示，本土病例新增216例: a speaker first)
    r"\s*(?:[^\d,，。;；:：()（）\n]{1,24}?(?:表示|介绍|指出|说|指|称|透露|宣布|公布)[,，:：]\s*)?[^\d,，。;；:：()（）\n]{0,8}?新增"
)
#: A running total said of the present (目前石家庄累计报告…, 当前全市共有…).
_NOW_TOTAL = std_compile(r"\s*(?:目前|当前|至今)[^,，。;；]{0,12}?(?:累计|共有|共)")
#: The last character of every place word :data:`_UNKNOWN_AREA` reads (新区, 区, 县, 市, 州, 省).
_PLACE_END = std_compile("[区县市州省]")
#: How far back 该市/该县 looks for the place it stands for.
_ANAPHOR_REACH = 200
#: What may stand between a sentence's start and a date that opens it.
_OPENING_BLANKS = frozenset(" \t\u3000,，")

#: A paragraph that breaks down the last count before it: 其中：…, 发布会通报，其中：….
_PARTS_PARAGRAPH = std_compile(r"\s*(?:[^,，。;；:：\n]{0,12}[,，]\s*)?其中\s*[,，:：]")
#: A paragraph opening with the other part of the last paragraph's total (本土则有54例).
_OTHER_PART_PARAGRAPH = std_compile(r"\s*(?:本土|本地|境外输入|境外移入)(?:病例)?则有")


#: A sentence that opens by saying how the items after it are split (按照病例管理地区划分，): of the last heading's total.
_CLOSE_BRACKET = std_compile(r"[)）]")
_SPLIT_OPENING = std_compile(r"\s*按照?[^,，:：。;；\d\n]{1,10}?(?:划分|统计|分布)\s*[,，:：]")
_SPLIT_REACH = 60  # how far before that sentence the heading may end
#: Before a heading's metric: the number of the total it names (33例无症状感染者中，).
_NAMED_TOTAL = std_compile(r"(\d+)\s*(?:例|名|人)\s*(?:的)?\s*$")
_NAMED_REACH = 40  # how many counts back the total a heading names may stand


def _area_total_after_item(item: _Count | None, count: _Count, total: _Count | None) -> bool:
    """Whether ``count`` is an area's running total right after that area's part ``item`` of the day's ``total``."""
    return (item is not None and total is not None and item.parent is total and item.measure == "new"
            and count.measure != "new" and item.regions == count.regions and count.regions != total.regions)


def _copied(state: _State) -> _State:
    """A new state holding the same values (``dataclasses.replace(state)``, without its walk over the fields in
    Python: about one a paragraph of counts; tests/test_reader_gates.py holds the two to the same fields)."""
    return _State(date=state.date, hours=state.hours, dated=state.dated, here=state.here, region=state.region,
                  top=state.top, since=state.since, until=state.until, span=state.span)


#: After a zero: its sentence ends (什邡市無確診病例和疑似病例報告。).
_ZERO_SENTENCE_END = std_compile(r"\s*(?:报告)?\s*。")


class _Reader:
    """Reads one article; holds the per-article indexes."""

    home_district: _Region | None = None  # the district 我区 stands for in its own notice (see index)

    def __init__(self, doc: Doc) -> None:
        doc = _poster_lines_joined(_without_topic_tags(doc))
        self.doc = doc
        self.text = doc.text
        self.lex = load_metric_lexicon()
        start, end = doc.body
        self.counts: list[_Count] = []
        self.headings: dict[int, _Count] = {}  # sentence headings (新增本土确诊病例中,) by start
        self.warnings: list[ArticleWarning] = []
        # Found once per article, looked up by bisection: keeps reading linear in the number of counts.
        # One automaton pass: metric phrases, count-region forms, where a per-case list's item may start
        # and where the dates' relative words stand (handed to find_dates: it need not search for them).
        self.occurrences, self.region_hits, self.item_words, relative = reader_hits(self.text, start, end)
        relative_words_found(self.text, start, end, relative)
        self.metric_starts = metric_starts(self.text, start, end, self.lex, self.occurrences)
        self.count_places = count_places(self.text, start, end)
        # No count number and no metric phrase: no event to read (:meth:`events`), nothing to index unless a list asks.
        self.idle = not self.count_places and not self.metric_starts
        if not self.idle:
            self.index()

    def index(self) -> None:
        """Find the article's areas, home, dates and headings."""
        doc, (start, end) = self.doc, self.doc.body
        self.areas = _area_mentions(doc, hits=self.region_hits)
        self.areas = _count_areas(self.text, self.areas)
        home = _district_home(self.areas, doc.title, self.text) or _article_home(doc, self.areas)
        # (景洪市 named eight times, its 西双版纳州 once: an article about the county-level city)
        self.home = (_county_city_in(self.areas, home) or _signed_by_county(self.text, self.areas, home)
                     or _sourced_from_county(doc.outlet, home) or home)
        if any(a.region is not None and a.region.name == HOME_COUNTY for a in self.areas):
            # 我县新增确诊病例5例…全县累计…: a county's own notice is about the county (南漳县's, its name in the
            # signature), not the city the home was taken for.
            county = self.home_county
            if county is not None and county.code and (self.home is None or not self.home.code or _contains(self.home.code, county.code)):
                self.home = county
        elif (doc.title and self.home is not None and self.home.code and self.home.code.endswith("00")
              and (district := _title_counted_district(doc.title, self.home)) is not None):
            # 黑龙江省鸡东县新增1例确诊病例、2例无症状感染者 (the body naming 鸡西市 as often): a headline that
            # counts the cases of one county names whose they are.
            self.home = district
        self.home_province = _province_of(self.home)
        if self.home_province is None or not self.home_province.name.endswith("自治区"):
            # 我区/全区 name the home only in an autonomous region's notice, or a district's whose headline names it
            # (蕪湖市繁昌區:…。我區新增報告13例感染者); elsewhere they are no area.
            ours = any(a.region is not None and a.region.name == HOME_AUTONOMOUS for a in self.areas)
            if ours and (district := _title_district(doc.title, self.home)) is not None:
                self.home = self.home_district = district
            else:
                self.areas = [a for a in self.areas if a.region is None or a.region.name != HOME_AUTONOMOUS]
        self.area_starts = [a.start for a in self.areas]
        self.dates = find_dates(self.text, reference_date(self.text, doc.published, start, end), start, end)
        # (the stamps may be blanked as page furniture in the text: the original, offsets alike, has them)
        self.dates = teaser_dates(doc.original if len(doc.original) == len(self.text) else self.text, self.dates, start, end)
        self.setters = _date_setters(doc, self.dates)
        self.setter_starts = [d.start for d in self.setters]
        self.written = _written_dates(self.setters, doc.published)
        self.date_starts = [d.start for d in self.dates]
        self.heading_matches = heading_matches(self.text, start, end, self.lex, self.occurrences)
        self.heading_ends = [h.end() for h in self.heading_matches]
        # (隔离管控中发现104例: a part of the total by where it was found ends no heading's list)
        self.bare_metric_starts = _outside_brackets(self.text, self.metric_starts, start, end)
        if self.text.find("中发现", start) >= 0:  # (a phrase that ends so holds it; most bodies hold none)
            self.bare_metric_starts = [p for p in self.bare_metric_starts if not self.found_metric_at(p)]
        self.sentence_start = 0
        self.sentence_scopes: dict[int, set[str]] = {}  # scopes of the sentence's counts so far, by depth
        self.state_region: list[_Region] | None = None  # the area in force where the reader is
        self._home_city: _Region | None = None  # (see home_city)
        self._home_city_known = False
        self.said_cache: tuple[int, int, set[str]] = (-1, -1, set())  # see said_before
        self.topic_scope: str | None = None  # the scope a sentence opened with (境外输入现有确诊病例905例…), carried on
        self.carried_top: _Count | None = None  # the last top-level count of the last paragraph read
        self.carried_total: _Count | None = None  # the last total of the last paragraph read
        self.window_day: dt.date | None = None  # the day of the last 0—24时 (0—12时 …) window read
        self.line = (0, -1)  # the span of the line last asked about (see count_context.line_heading_area)
        self.consumed = 0  # where the event being read ends (a count's metric can follow it)
        # A post's 【headline】 at the start of the body (within its first line).
        head = _HEADLINE.search(self.text, start, min(end, start + 200))
        self.headline = head if head is not None and "\n" not in self.text[start : head.start()] else None

    # -- helpers ------------------------------------------------------------

    def _area_at(self, pos: int, end: int) -> _Mention | None:
        """The area mention that starts at ``pos`` and ends by ``end``, if any."""
        i = bisect.bisect_left(self.area_starts, pos)
        if i < len(self.areas) and self.areas[i].start == pos and self.areas[i].end <= end:
            return self.areas[i]
        return None

    def area_opening(self, start: int, end: int) -> list[_Region] | None:
        """The area a clause ``text[start:end]`` opens with (blanks aside), as a list of one, if any."""
        while start < end and self.text[start] in _OPENING_BLANKS:
            start += 1
        area = self._area_at(start, end)
        region = self.region_of(area) if area is not None else None
        return [region] if region is not None else None

    def home_city(self) -> _Region | None:
        """Whose 我市/全市/本市 the article means: the home, or — a city's notice headed by its province (山东新增…
        in a 济南 notice) — the city the body names most in the home province. Found when first asked."""
        if not self._home_city_known:
            self._home_city, self._home_city_known = _city_in(self.areas, self.home) or self.home, True
        return self._home_city

    @functools.cached_property
    def home_county(self) -> _Region | None:
        """Whose 我县/全县/本县 the article means: the county its body names most, else its whole text's
        (泗县's headline, 南漳县's signature)."""
        return _home_county(self.areas, self.text) or _home_county(_area_mentions(self.doc, whole=True), self.text)

    def region_of(self, mention: _Mention) -> _Region | None:
        if mention.region is None:
            return self.home_city()  # 我市/全市/本市
        if mention.region.name == HOME_PROVINCE:
            i = bisect.bisect_left(self.area_starts, mention.start) - 1
            if i >= 0 and self.areas[i].end == mention.start and self.areas[i].region is not None:
                named = _province_of(self.areas[i].region)
                if named is not None and named == self.areas[i].region:
                    return named  # 江苏全省累计报告…: the province just named
            if (self.home is None or self.home.name == "全国") and self.state_region is not None and len(self.state_region) == 1:
                # 江西新增4宗確診…。全省累計確診7宗 in a national round-up: the province the counts are about.
                return _province_of(self.state_region[0])
            return self.home_province  # 全省 in a notice about 吉林市 is 吉林省
        if mention.region.name == "全国" and self.home is not None and self.home.name == "台湾省":
            return self.home  # 全國目前累計14,157例確診 in a Taiwan report: the island's figures
        if mention.region.name == HOME_COUNTY:
            # 我县 in 泗县's notice: the county its body names most, else its headline's
            return self.home_county
        if mention.region.name == HOME_AUTONOMOUS:
            if self.home_district is not None:
                return self.home_district  # 我區 in 繁昌區's notice
            p = self.home_province  # 我区 in a Guangxi notice; a district's 全区 is no area here
            return p if p is not None and p.name.endswith("自治区") else None
        return mention.region

    last_group = last_group  # (area_lists: the last list of areas inside a span)

    def state_at(self, pos: int, state: _State, from_pos: int) -> _State:
        """Advance ``state`` over the date setters in ``[from_pos, pos)``."""
        i = bisect.bisect_left(self.setter_starts, from_pos)
        while i < len(self.setters) and self.setters[i].start < pos:
            m = self.setters[i]
            if m.end <= pos:
                if m.relative is not None:
                    # 当日/当天/同日 is the day last written (the notice's own day), even when the paragraphs
                    # between handed no date on; only with no date written before does it fall back to the article's.
                    context = state.date if state.date is not None else (self.written[i - 1] if i > 0 else None)
                    resolved = resolve_relative(m, self.doc.published, context)
                    # 当日 after 11月30日0—24时 is that same day and window.
                    same = m.relative == ("context", 0) and resolved == state.date and m.hours is None
                    state.hours = state.hours if same else m.hours
                    state.date = resolved
                else:
                    state.date = m.date
                    state.hours = m.hours
                    state.span = (m.through is not None or (state.span and m.date == state.date)  # (…至26日: its end again)
                                  or (m.hours is not None and m.hours[0] <= -24))  # 9月28日0时至10月14日6时: days, not a day's window
                    if m.through is not None:
                        state.date = m.through  # 3月1日—24日，全国累计报告…超过56000例: a count over days is the last day's
                    if m.hours is not None and m.hours[0] == 0:
                        self.window_day = m.date
                state.dated = True
                state.here = True
                # (every word _SINCE_BEFORE ends with opens with 截: most setters have none before them, and ask no pattern)
                state.since = self.text.find("截", max(0, m.start - 4), m.start) >= 0 and _SINCE_BEFORE.search(
                    self.text, max(0, m.start - 4), m.start) is not None
                hour = _UNTIL_HOUR.match(self.text, m.end) if state.since and m.hours is None else None
                h = (0 if hour.group(1) == "零" else int(hour.group(1))) if hour is not None else None
                state.until = h if h is not None and h <= 24 else None
                if state.until == 0 and state.date is not None:
                    # 截至今日凌晨零时 (22日0时): the running totals of the day before, to its 24时.
                    state.date, state.until = state.date - dt.timedelta(days=1), 24
            i += 1
        return state

    def vs_date(self, ref_start: int, ref_end: int, date: dt.date | None) -> dt.date | None:
        if date is not None and self.text[ref_start:ref_end] in ("当日", "当天"):
            return date - dt.timedelta(days=1)  # 当日减少628例: over the day, against the day before
        i = bisect.bisect_left(self.date_starts, ref_start)
        if i < len(self.dates) and self.dates[i].end <= ref_end and self.dates[i].relative is None:
            return self.dates[i].date
        if date is not None and _RELATIVE_PREV.search(self.text, ref_start, ref_end):
            return date - dt.timedelta(days=1)
        return None

    # -- reading ------------------------------------------------------------

    def read(self) -> None:
        start, end = self.doc.body
        state = _State()
        fresh = True  # ``state`` is as made, nothing read into it: a paragraph without counts leaves it so
        section: str | None = None
        counted: _State | None = None  # the state after the last paragraph of counts
        # Where an event may stand (a count number's place, a metric phrase's start: see paragraph_events): a
        # paragraph holding none has none, and is not searched (~3 paragraphs in 4).
        event_starts = sorted(self.count_places + self.metric_starts)
        for p_start, p_end in _paragraphs(self.text, start, end):
            heading = (_SECTION.fullmatch(self.text, p_start, p_end)
                       if p_end - p_start <= 24 and _may_name_section(self.text, p_start, p_end) else None)
            if heading is not None:
                # 境外输入病例情况: the section's counts are of that scope until the next such heading.
                section = self.lex.scope.get(heading.group("scope"), "imported")
                continue
            if section is not None and p_end - p_start <= 24 and _NUMBERED_HEADING.fullmatch(self.text, p_start, p_end):
                section = None  # 三、密切接触者: a numbered heading of another kind ends the section
                continue
            before = len(self.counts)
            p_start, p_end = unwrapped(self.text, p_start, p_end)
            k = bisect.bisect_left(event_starts, p_start)
            events = self.events(p_start, p_end) if k < len(event_starts) and event_starts[k] < p_end else []
            if pairs := pair_counts(self, p_start, p_end, state, events):
                # 其中，上海市新增311+16766，吉林省新增973+1798: the press's shorthand, no unit, on the day in force.
                self.counts += pairs
                counted, fresh, state.here = _copied(state), False, False
                continue
            if not events:
                # No count and no zero phrase (~3 paragraphs in 4): it reads nothing, speaks of no count
                # and hands nothing on — the steps below come to only this (asked without them).
                if not fresh and not is_furniture(self.text, p_start, p_end):
                    state = _State()
                    fresh = True
                state.here = False
                continue
            if events and fresh and counted is not None and _GOES_ON.match(self.text, p_start, p_end):
                # …21日本土新增2313例…。(a paragraph on a press conference) 此外，吉林省也新增本土无症状感染者63例:
                # a paragraph that says it goes on goes on from the last paragraph of counts, on the day of
                # its last new counts (…截至周四午夜12时，全国新增确诊259宗…截至周五早上，已有26人死亡。
                # (new paragraph) 此外，新增疑似个案680宗: the Thursday's report goes on).
                state, fresh = _copied(counted), False
                last_new = next((c for c in reversed(self.counts) if c.measure == "new" and c.dated and c.date is not None), None)
                if last_new is not None and last_new.date != state.date:
                    state.date, state.hours, state.since, state.until = last_new.date, last_new.hours, False, None
            if events:
                if (not fresh and self.home is not None and state.top is not None and len(state.top) == 1
                        and _contains(self.home.code, state.top[0].code)
                        and ((parts := _PARTS_PARAGRAPH.match(self.text, p_start, p_end)) is None
                             or _DIGIT.search(self.text, p_start, parts.end()) is not None)):
                    # …聊城市新增确诊病例2例（…）。(new paragraph) 目前有疑似病例42例: a city the last paragraph listed
                    # is one of the province's parts; the next paragraph speaks of the province again.
                    state.region = state.top = [self.home]
                state = self.read_paragraph(p_start, p_end, state, events)
                fresh = False
                self.counts += counts_of_place_after(self, before, p_start, p_end)
                day_series(self, before, p_start, p_end)
                region_series(self, before, p_start, p_end)
            if section is not None and any(c.scope not in ("unspecified", section) for c in self.counts[before:]):
                section = None  # 解除医学观察本土无症状感染者…: the notice has left the section
            if section is not None:
                for c in self.counts[before:]:
                    if c.scope == "unspecified":
                        c.scope = section
            # 截至3月7日24时，万州已连续15日无新增确诊病例。(new paragraph) 万州全区累计报告确诊病例118例: a
            # paragraph that speaks of counts under its own 截至 date without giving one hands that date on.
            spoke = bool(events) and state.dated and state.since and len(self.counts) == before
            if events and not spoke and len(self.counts) == before and state.dated:
                # 累计报告确诊病例中，男性97例、女性110例 (a heading's items that make no record): a paragraph of counts.
                k = bisect.bisect_left(self.heading_ends, p_start)
                spoke = k < len(self.heading_matches) and self.heading_matches[k].start() < p_end
            if len(self.counts) == before and not fresh and not spoke and not is_furniture(self.text, p_start, p_end):
                # Only a paragraph of counts hands its date and area on; page furniture between two
                # paragraphs of a notice (图片, a caption, 来源：…, 编辑：…) hands them over.
                state = _State()
                fresh = True
            # 截至1月29日24时，累计…。(new paragraph) 累计收到港澳台地区通报确诊病例25例: the running totals of a
            # paragraph that gave its own as-of day go on as of that day in the next paragraph of counts.
            state.here = spoke or any(c.dated and c.measure != "new" and c.depth == 0 for c in self.counts[before:])
            if len(self.counts) > before:
                counted = _copied(state)

    @functools.cached_property
    def metric_ends(self) -> frozenset[int]:
        """Where the metric phrases' occurrences end (read only for a paragraph holding 清零: see may_be_cleared)."""
        return frozenset(e for _, e in self.occurrences)

    def events(self, p_start: int, p_end: int) -> list[tuple[int, int, AnyMatch]]:
        """The count numbers (kind 0) and zero phrases (kind 1) of a paragraph, in text order."""
        return paragraph_events(self.text, p_start, p_end, self.count_places, self.metric_starts, lambda: self.metric_ends)

    def read_paragraph(
        self, p_start: int, p_end: int, state: _State, events: list[tuple[int, int, AnyMatch]]
    ) -> _State:
        text = self.text
        state_pos = p_start
        last_explicit: _Count | None = None  # the last total of the paragraph
        self.topic_scope = None
        # 3月份以来，郑州全市累计报告新冠病毒感染者161例。(new paragraph) 发布会通报，其中：确诊31例…: a
        # paragraph opening with 其中 breaks down the last count of the paragraph before.
        last_top: _Count | None = None
        if _PARTS_PARAGRAPH.match(text, p_start, p_end):
            last_top = self.carried_top
            # …新增无症状感染者6例，均在集中隔离医学观察点核酸检测中发现。(new line) 其中，和硕县4例、…高新区1例:
            # the areas break down the last total of the paragraph before.
            last_explicit = self.carried_total
        elif _OTHER_PART_PARAGRAPH.match(text, p_start, p_end):
            # …新增确诊病例71例，其中境外移入17例（…）。(new line) 本土则有54例，分别在…: the other part of the
            # last paragraph's total.
            last_explicit = self.carried_total
        elif (self.carried_total is not None and not text[self.carried_total.end : p_start].strip()
              and (a := self._area_at(p_start, p_end)) is not None and _DIGIT.match(text, a.end)):
            # 1.新增本土确诊病例1133例 (a line ending with its total, no stop) 广东500例,其中…: its parts, a line each.
            last_top, last_explicit = self.carried_top, self.carried_total
        sentences = _sentences(text, p_start, p_end)
        # The paragraph's brackets, found once (~4 events a paragraph each searched its stretch for them).
        brackets = [b.start() for b in _BRACKET.finditer(text, p_start, p_end)]
        s_idx = 0
        cur_sentence = -1
        stack: list[tuple[int, _Count | None]] = []  # open brackets: (position, count before it)
        scan = p_start
        prev_end = p_start
        prev_count: _Count | None = None
        country_sentence = False
        for pos, kind, m in events:
            if m.start() < prev_end:
                continue
            while s_idx < len(sentences) and sentences[s_idx][1] <= pos:
                s_idx += 1
                stack.clear()
                scan = max(scan, sentences[s_idx - 1][1])
                prev_count = None
            s_start = sentences[s_idx][0] if s_idx < len(sentences) else p_start
            self.sentence_start = s_start
            if s_idx != cur_sentence:
                cur_sentence = s_idx
                country_sentence = False  # the sentence has given the country's figures (see below)
                self.sentence_scopes = {}
                self.topic_scope = self.sentence_topic(s_start, sentences[s_idx][1] if s_idx < len(sentences) else p_end, pos)
                if not _CARRY_OPENING.match(text, s_start):
                    # 仅沙坪坝区19日就新增…。截至20日，本轮疫情累计…: a district named in one sentence is not
                    # the area of the next, unless that one goes on with it (同时，… / 其中…); the city,
                    # province or country the counts were last given for is (全国 through an NHC notice).
                    state.region = state.top
                    if (self.home is not None and self.opens_with_date(s_start, pos)
                            and not (state.top and len(state.top) == 1 and _contains(state.top[0].code, self.home.code))):
                        # 湖北新增确诊病例0例…。3月19日0—24时，新增报告境外输入确诊病例39例: a sentence that
                        # opens with its own date starts a new statement about the article's own area (the
                        # province in force stays when it holds that area: 新疆…现有确诊病例606例，其中乌鲁木齐市…).
                        state.region = state.top = [self.home]
                    if (k := text.find("该", s_start, pos)) >= 0 and (named := self.area_named_by(text[k : k + 2], k)):
                        state.region = state.top = [named]  # 石家庄市政府…召开发布会。据通报，该市新增1例
                now_m = (_UNTIL_NOW.match(text, s_start, s_start + 30)
                         if self.doc.published is not None and not self.doc.published_from_text else None)
                if (self.doc.published is not None and not self.doc.published_from_text
                        # (自12月26日至今: the day the running total starts is no date of it)
                        and not self.dated_between(now_m.end() if now_m is not None else s_start, pos)
                        and ((until_now := now_m is not None)
                             # 目前石家庄累计报告确诊病例83例 in a text that dates nothing: as of the article's day.
                             or not state.dated and _NOW_TOTAL.match(text, s_start, pos))):
                    # 截至目前，天津市…累计确诊17例: a running total as of the article's day.
                    if until_now:
                        # (…入境日介于5月22日至5月23日。指挥中心统计，截至目前…: the dates before the sentence are
                        # behind it, not still to come)
                        state, state_pos = self.state_at(s_start, state, state_pos), s_start
                    if not (until_now and state.dated and state.date is not None
                            and (state.hours is not None or state.until is not None)):
                        state.date = self.doc.published
                    # (12月7日0—24时，福州市新增…。…截至目前累计追踪到的密切接触者…: the notice's day, its window over)
                    state.hours, state.until = None, None
                    state.dated = state.here = state.since = True
                elif (self.doc.published is not None and not self.doc.published_from_text and not state.dated
                      and bisect.bisect_left(self.setter_starts, pos) == 0 and _NEW_OPENING.match(text, s_start, pos)
                      and self.plain_sentence(s_start, pos)):
                    # 本港新增12宗新型肺炎確診個案 in a report that has dated nothing before: the day's new cases,
                    # reported on the article's day (a headline line, 重庆新增1例, waits for the notice's date).
                    state.date, state.hours, state.until = cutoff_day_after(self, pos) or self.doc.published, None, None
                    state.dated = True
                elif state.dated and state.date is not None and _NOW_OPENING.match(text, s_start):
                    # …新增1例。(new paragraph) 目前共追踪到密切接触者3074人: a running total as of the day in force.
                    state.here = True
            # Track brackets from the last position up to this event (``scan`` may step back: a slice by bisection
            # takes the same brackets as a search of ``[scan, pos)``).
            for i in brackets[bisect.bisect_left(brackets, scan) : bisect.bisect_left(brackets, pos)] if brackets else ():
                if text[i] in _OPEN:
                    owner = prev_count if prev_count is not None and prev_count.depth == len(stack) else None
                    if owner is not None and (owner.boxed or self.area_before(i, owner.end) is not None):
                        # 北京（26宗），天津（5宗）, 澳門（確診2宗），日本（確診2宗）: the next item's bracket is
                        # its own, not a part of the count before.
                        owner = None
                    stack.append((i, owner))
                elif stack:
                    _, outer = stack.pop()
                    if outer is not None:
                        prev_count = outer  # 45例(广东13例,…),含11例…: the count after the bracket follows its total
            scan = pos
            state = self.state_at(pos, state, state_pos)
            state_pos = pos
            self.state_region = state.region
            depth = len(stack)
            prefix_start = max(prev_end, s_start, stack[-1][0] + 1 if stack else p_start)
            self.consumed = m.end()
            if kind == 1:
                count = read_zero(self, m, prefix_start, state, prev_count)
            elif stack and stack[-1][1] is None and (owned := bracket_count(self, m, stack[-1][0], depth, state, last_explicit)) is not None:
                count = owned
                stack[-1] = (stack[-1][0], owned)  # 湖北（549宗，其中武漢市495宗…）: the bracket's items are its parts
            else:
                count = read_count(self, m, prefix_start, depth, stack, state, last_explicit, last_top, prev_count)
            prev_end = self.consumed
            scan = max(scan, m.end())
            if count is None:
                if kind == 0 and stack and stack[-1][1] is not None:
                    # A bracketed item that made no record: the rest (其他区县209例) still sums up;
                    # anything else leaves the breakdown incomplete.
                    parent = stack[-1][1]
                    value = _value(m)
                    if _REST_ITEM.search(text, prefix_start, m.start()) and value is not None:
                        parent.rest += value
                    else:
                        parent.incomplete = True
                continue
            self.counts.append(count)
            if kind == 1:
                # 无新增境外输入确诊病例和无症状感染者: the zero holds for each metric joined to it.
                for joined in joined_zeros(self, count):
                    self.counts.append(joined)
                    count = joined
                prev_end = max(prev_end, count.end)
            if not count.zero:
                self.sentence_scopes.setdefault(count.depth, set()).add(count.scope)
            item, prev_count = prev_count, count
            if kind == 0:
                # 新增死亡病例1例,为本土病例,在北京: what follows describes this count alone.
                prev_end = max(prev_end, self.attribute(count, p_end))
            if (kind == 1 and count.depth == 0 and self._opens_sentence(s_start, count.start)
                    and self.last_group(s_start, m.start()) is not None
                    and (_is_top(count.regions) or len(count.regions) == 1 and _ZERO_SENTENCE_END.match(text, count.end) is not None)):
                # 湖北无新增确诊病例，新增治愈出院病例25例（武汉25例）: a sentence that opens with a province's
                # zero goes on about that province (also after the sentence's own day: 4月13日0至24时，广西无新增…);
                # so does a sentence of one area's zero alone (截至2月5日24時,什邡市無確診病例和疑似病例報告。累計追蹤到…).
                state.region = state.top = count.regions
            if count.depth == 0 and not count.zero and count.change is None:
                last_top = count
                if (count.explicit and not count.sub and not (count.suffix and count.metric == "asymptomatic_to_confirmed")
                        and not (count.metric == "other" and count.label is not None and count.label.endswith("发现"))
                        # (乃东区:当日新增2例;累计366例。贡嘎县:…: an item's running total after its part of the day's
                        # count; the next items are parts of the day's count still)
                        and not _area_total_after_item(item, count, last_explicit)):
                    # (隔离管控中发现104例、核酸筛查中发现18例；雁塔区61例: the cases found somewhere are parts of
                    # the day's total, whose breakdown goes on after them)
                    last_explicit = count
                if not count.sub and not count.each and count.regions:
                    state.region = count.regions
                    if _is_top(count.regions) and not country_sentence:
                        # …报告新增确诊病例2009例，湖北新增确诊病例1843例。当日新增治愈出院病例1323例: a province named
                        # in a sentence of the country's figures is a part; the next sentence is the country's again.
                        state.top = count.regions
                    country_sentence = country_sentence or count.regions[0].name == "全国"
        self.carried_top = last_top
        self.carried_total = last_explicit
        return state

    def plain_sentence(self, s_start: int, pos: int) -> bool:
        """Whether the sentence at ``s_start`` is one of the body's running text up to ``pos``: no
        headline (【…】, #…#, a line without a full stop, 重庆新增1例) that waits for the notice's date."""
        text = self.text
        line_start = text.rfind("\n", 0, s_start) + 1
        line_end = text.find("\n", pos)
        # (the marks may be blanked in the text: page-junk rules, topic tags read as breaks; the original has them)
        source = self.doc.original if len(self.doc.original) == len(text) else text
        return (not self.in_headline(pos) and not _HEADLINE_MARKS.search(source, line_start, pos)
                and "。" in text[pos : line_end if line_end >= 0 else len(text)])

    def found_metric_at(self, pos: int) -> bool:
        """Whether the metric phrase at ``pos`` names where cases were found (隔离管控中发现): a part of the
        day's total, never a total."""
        m = self.lex.metric_re.match(self.text, pos)
        return m is not None and m.group().endswith("中发现")

    def said_before(self, pos: int) -> set[str]:
        """The measures the sentence being read says before ``pos`` (read on from where it was last asked)."""
        s_start, upto, said = self.said_cache
        if s_start != self.sentence_start or upto > pos:
            s_start, upto, said = self.sentence_start, self.sentence_start, set()
        said = said | {self.lex.measure[x.group()] for x in self.lex.measure_re.finditer(self.text, upto, pos)}
        self.said_cache = (s_start, pos, said)
        return said

    def area_before(self, pos: int, start: int) -> _Mention | None:
        """The area mention that ends right at ``pos`` (a bracket) and starts at or after ``start``."""
        i = bisect.bisect_left(self.area_starts, pos) - 1
        while i >= 0 and self.areas[i].end > pos:
            i -= 1
        if i < 0 or self.areas[i].start < start or self.text[self.areas[i].end : pos].strip():
            return None
        return self.areas[i]

    def heading(self, clause_start: int, state: _State, last_explicit: _Count | None) -> _Count | None:
        """The total a sentence opens with (新增本土确诊病例中,), if the clause at ``clause_start`` follows it.

        The heading names what the items after it count without giving a number; it stands for a total
        that makes no record, so its items are not checked against a sum. A heading that says only
        病例 (新增本土病例中,) counts what the paragraph's last total counts, else confirmed cases.
        """
        text, lex = self.text, self.lex
        i = bisect.bisect_left(self.heading_ends, clause_start + 1) - 1
        if i < 0:
            return None
        h = self.heading_matches[i]
        metric = lex.metric[h.group("metric")]
        items_from = h.end()
        if h.start() < self.sentence_start:
            split = _SPLIT_OPENING.match(text, self.sentence_start, clause_start)
            if split is None or h.end() < self.sentence_start - _SPLIT_REACH:
                return None
            # 累计报告确诊病例中，男性97例、女性110例。按照病例管理地区划分，南山区46例、…: the heading's total, split
            # another way in the next sentence (whose opening may name 病例).
            items_from = split.end()
        if metric == "inherit":
            metric = last_explicit.metric if last_explicit is not None else "confirmed"
        # Another metric phrase since, outside brackets: the heading's items have ended (one inside a bracket is a note on one
        # item: 铁岭市8例（含住院治疗境外输入病例1例）、朝阳市6例 goes on; one of its own word too: 新增病例：本土病例4例，境外移入44例).
        k = bisect.bisect_left(self.bare_metric_starts, items_from)
        while k < len(self.bare_metric_starts) and self.bare_metric_starts[k] < clause_start:
            if not text.startswith(h.group("metric"), self.bare_metric_starts[k]):
                return None
            k += 1
        cached = self.headings.get(h.start())
        if cached is not None:
            return cached
        brk = _last(_CLAUSE_BREAK, text, self.sentence_start, h.start())
        words_start = brk.end() if brk else self.sentence_start
        opened = max(text.rfind("(", self.sentence_start, words_start), text.rfind("（", self.sentence_start, words_start))
        if opened >= 0 and _CLOSE_BRACKET.search(text, max(self.sentence_start, words_start - 1), h.start()):
            # 今天新增本土武汉肺炎(2019冠状病毒疾病,COVID-19)个案: the comma is inside a bracket, the clause goes on
            brk = _last(_CLAUSE_BREAK, text, self.sentence_start, opened)
            words_start = brk.end() if brk else self.sentence_start
        scope_m = _last(lex.scope_re, text, words_start, h.start())
        said = {lex.measure[x.group()] for x in lex.measure_re.finditer(text, words_start, h.start())}
        if not said and text[h.start() - 1 : h.start()] == "已":
            said = {"cumulative"}  # 已确诊病例中，…鼓楼区3例: those confirmed so far
        heading = _Count(
            start=h.start(),
            end=h.end("metric"),
            value=0,
            metric=metric,
            scope=lex.scope[scope_m.group()] if scope_m else "unspecified",
            # 截至1月28日24时，…。确诊病例中，万州区17例: a heading under a running total's date is cumulative.
            measure=said_measure(said) or (_running_measure(h.group("metric")) if state.since else "new"),
            qualifier="exact",
            regions=state.region or ([self.home] if self.home else []),
            each=False,
            **_when(state),
            depth=0,
            explicit=True,
            sub=True,
            label=h.group("metric"),
            incomplete=True,
        )
        if scope_m is None and last_explicit is not None and (last_explicit.metric, last_explicit.measure) == (metric, heading.measure):
            heading.scope = last_explicit.scope  # 新增1712例…本土確診個案…。確診鄉鎮市分布狀況,…: the items of the local total
        named = _NAMED_TOTAL.search(text, words_start, h.start())
        if named is not None and not said:
            # 累计报告无症状感染者33例，当日新增1例。33例无症状感染者中，海口7例…: the heading names a count
            # given before (its number and metric): the items are of that count's measure, scope and day.
            value = int(named.group(1))
            earlier = next((c for c in reversed(self.counts[-_NAMED_REACH:]) if c.value == value and c.metric == metric
                            and c.depth == 0 and not c.zero), None)
            if earlier is not None:
                heading.measure, heading.scope = earlier.measure, earlier.scope
                heading.date, heading.hours, heading.until, heading.dated = earlier.date, earlier.hours, earlier.until, earlier.dated
                if not state.dated and earlier.dated:
                    # 截至3月14日0时，…累计报告确诊病例539例。(a paragraph on risk areas) 539名确诊患者中，…已治愈出院510人，
                    # 死亡3人: the sentence is about that total, on its day.
                    state.date, state.hours, state.until, state.dated, state.here = (
                        earlier.date, earlier.hours, earlier.until, True, True)
                    state.since = earlier.measure != "new"  # (a running total's parts run too)
        self.headings[h.start()] = heading
        return heading

    def attribute(self, count: _Count, end: int) -> int:
        """:func:`.attributions.attribute` (the clauses after ``count`` that describe it)."""
        return attribute(self, count, end)

    def in_headline(self, pos: int) -> bool:
        """Whether ``pos`` is inside the 【…】 headline a post opens its text with."""
        return self.headline is not None and self.headline.start() <= pos < self.headline.end()

    def headline_date(self) -> tuple[dt.date | None, tuple[int, int] | None] | None:
        """The notice's day for its headline's counts: the first date written right after the headline, or the window
        right after that (根据…2月20日通报，2020年2月19日0-24时: the report's day, then the counts')."""
        if self.headline is None:
            return None
        i = bisect.bisect_left(self.setter_starts, self.headline.end())
        if i < len(self.setters) and self.setters[i].start - self.headline.end() <= 40 and self.setters[i].relative is None:
            day, window = self.setters[i], self.setters[i + 1] if i + 1 < len(self.setters) else None
            if (day.hours is None and window is not None and window.hours is not None and window.relative is None
                    and window.start - day.end <= 20):
                i += 1  # the report's day, then the window of its counts
            return self.written[i], self.setters[i].hours
        return None

    def sentence_scope(self, depth: int) -> str | None:
        """The scope shared by every count of the sentence read so far at ``depth``, if one is."""
        scopes = self.sentence_scopes.get(depth, set())
        return next(iter(scopes)) if len(scopes) == 1 and "unspecified" not in scopes else None

    def _opens_sentence(self, s_start: int, pos: int) -> bool:
        """Whether only blanks stand before ``pos`` in its sentence, or after the day (and window) that
        dates it (…通报，4月13日0至24时，广西无新增…)."""
        head = self.text[s_start:pos]
        if not head.strip(" \t\u3000,，"):
            return True
        i = bisect.bisect_left(self.setter_starts, pos) - 1
        if i < 0 or self.setters[i].start < s_start:
            return False
        end = self.setters[i].end
        window = _WINDOW_END.match(self.text, end) or _UNTIL_HOUR.match(self.text, end)  # (截至2月5日24時，…)
        return not self.text[window.end() if window is not None else end : pos].strip(" \t\u3000,，")

    def opens_with_date(self, s_start: int, pos: int) -> bool:
        """Whether the sentence at ``s_start`` opens with a date that sets the day (before ``pos``)."""
        i = bisect.bisect_left(self.setter_starts, s_start)
        if i >= len(self.setters) or self.setters[i].start >= pos:
            return False
        if self.setters[i].relative == ("context", 0):
            return False  # 当日新增治愈出院病例88例: the same day goes on, about the same area
        return not any(ch not in _OPENING_BLANKS for ch in self.text[s_start : self.setters[i].start])

    def sentence_topic(self, s_start: int, s_end: int, pos: int) -> str | None:
        """The scope in force for counts with none of their own in the sentence at ``s_start``.

        境外输入现有确诊病例905例（含重症病例37例），现有疑似病例72例。累计确诊病例1464例，…，无死亡病例。:
        a sentence that opens with a scope is about that scope, and so are the sentences after it that
        name no scope, area or date of their own (an NHC notice's paragraph on imported cases).
        """
        text = self.text
        opening = s_start
        while opening < pos and text[opening] in _OPENING_BLANKS:
            opening += 1
        head = self.lex.scope_re.match(text, opening)
        if head is not None:
            scope = self.lex.scope[head.group()]
            return scope if scope != "unspecified" else None
        if self.topic_scope is None:
            return None
        if (self.opens_with_date(s_start, pos) or self.lex.scope_re.search(text, s_start, s_end)
                or self.last_group(s_start, s_end) is not None):
            return None
        return self.topic_scope

    def dated_between(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.date_starts, start)
        return i < len(self.dates) and self.dates[i].start < end

    def residue(self, start: int, end: int, count_start: int, group: tuple[int, int, list[_Mention]] | None) -> bool:
        """Whether ``text[start:end]`` says more than a breakdown item does (dates and areas aside)."""
        chars = list(self.text[start:end])
        spans = [(group[0], group[1])] if group is not None and group[0] >= start else []
        i = bisect.bisect_left(self.date_starts, start)
        while i < len(self.dates) and self.dates[i].start < end:
            d = self.dates[i]
            last = _DAY_RANGE_END.match(self.text, d.end) if d.through is not None else None
            spans.append((d.start, last.end() if last is not None else d.end))  # 28日—31日: the range's last day too
            i += 1
        for s, e in spans:
            for k in range(max(s, start), min(e, end)):
                chars[k - start] = " "
        rest = _RESIDUE_OK.sub("", "".join(chars[: count_start - start]))
        return bool(rest)

    def area_named_by(self, word: str, pos: int) -> _Region | None:
        """The area ``word`` at ``pos`` stands for when it is 该市/该县/该区… and the area named last
        before it (a sentence away at most) is a unit of that kind (湖南张家界市官方最新通报，…，该市无新增…)."""
        if len(word) != 2 or word[0] != "该":
            return None
        i = bisect.bisect_left(self.area_starts, pos) - 1
        while i >= 0 and self.areas[i].end >= pos - _ANAPHOR_REACH:
            # (吉林省本次疫情…通化市东昌区是该省目前唯一高风险地区: the last province, past the district)
            region = self.areas[i].region
            if region is not None and not region.zone and region.name.endswith(word[1]):
                return region
            i -= 1
        return None

    def unknown_area(self, start: int, end: int) -> bool:
        if _PLACE_END.search(self.text, start, end) is None:
            return False  # every _UNKNOWN_AREA match ends in one of these (most clauses before a number have none)
        for m in _UNKNOWN_AREA.finditer(self.text, start, end):
            if _NOT_AREA.search(m.group()) or self.area_named_by(m.group()[-2:], m.end() - 2) is not None:
                continue
            if "疫情”" in self.text and _in_outbreak_name(self.text, m.start(), m.end()):
                continue  # (宁波市“奉化区5.1疫情”新增…: the outbreak's name)
            i = bisect.bisect_right(self.area_starts, m.end() - 1) - 1
            if i >= 0 and self.areas[i].end >= m.end():
                continue
            if i >= 0 and self.areas[i].start >= m.start() and self.text[self.areas[i].end : m.end()] == "地区":
                continue  # 台湾地区: a known place and 地区
            return True
        return False

    # -- checks -------------------------------------------------------------

    def check(self) -> None:
        self.warnings += totals.check(self.doc, self.headings, self.counts)

    def records(self) -> list[CaseCount]:
        settle(self)
        return totals.records(self.doc, self.counts, self.headline_date(), self.in_headline)
