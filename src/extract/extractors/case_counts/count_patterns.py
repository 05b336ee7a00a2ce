"""The patterns :func:`.counting.read_count` reads around a count number with: what stands before or after it
that makes it a part, a change, no count at all, or the count of a place. Split from :mod:`.counting` (at its
line limit); the rules that use them are there."""

from __future__ import annotations


from ...anchored import std_compile
from ...resources import compiled_on_first_use
from .count_context import _AREAS_COVERED
from .lexicon import _DISEASE

__all__ = ["_AMONG_AFTER", "_AFTER_BREAKDOWN", "_FOUND_WHERE", "_SEMI_GAP", "_UNDER_OBSERVATION", "_SINCE_OPENING", "_INFECTION_PARTS", "_PARTS_OPENING", "_NEW_BEFORE", "_SIBLING_BEFORE", "_CLAUSE_END_AFTER", "_DAYS_OVER", "_NO_COUNT_AFTER", "_SPREAD_AFTER", "_PARTS_AFTER", "_BARE_SCOPE_AFTER", "_NOTE_BEFORE", "_PART_THEN_ITS_PART", "_ITEM_COMMA", "_WEEK_NUMBER", "_ROUGH_FIRST", "_ANOTHER_GROUP", "_BESIDE_GROUP", "_LISTED_AFTER", "_NEXT_ITEM", "_NOW_METRICS", "_OUTCOME_WORD", "_NOW_LEAD", "_WARD_AFTER", "_COORDINATED", "_UNDER_MEASURES", "_BRACKET_AFTER", "_LISTED_ITEMS", "_BARE_INPUT_AFTER"]


#: After a metric phrase: "among them" (确诊病例中，…).
_AMONG_AFTER = std_compile(r"\s*(?:当中|之中|中)")
#: Between a count's breakdown in brackets and the next item of the list the count heads.
_AFTER_BREAKDOWN = compiled_on_first_use(lambda: std_compile(r"(?:[^()（）\d,，。;；、:：]{1,6})?\s*[)）]\s*[,，、;；]?\s*"))  # (…9例轻型)、: its label)
#: Where the cases counted right after it were found (在密切接触者排查中发现47例).
_FOUND_WHERE = std_compile(r"在(?P<where>[^,，。;；:：()（）\d在]{2,16}?)中发现\s*$")
#: A semicolon between two clauses of a list (…水磨沟区1例；无症状感染者52例).
_SEMI_GAP = compiled_on_first_use(lambda: std_compile(r"\s*[;；]\s*"))
#: Still under medical observation, with no metric of its own (…其中解除医学观察392例、尚在医学观察32例).
_UNDER_OBSERVATION = std_compile(r"(?:尚在|仍在|正在|目前)(?:接受)?(?:集中)?(?:隔离)?(?:医学观察|隔离观察)\s*$")
#: A day a total runs from (自9月17日以来, 9月17日起, 本轮疫情以来).
_SINCE_OPENING = compiled_on_first_use(lambda: std_compile(r"(?:自|从)?\s*(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*\d{1,2}\s*时)?\s*(?:以来|起)|本轮疫情以来"))
#: A bracket right after a count that breaks it into confirmed and asymptomatic cases.
_INFECTION_PARTS = std_compile(r"\s*[(（]\s*(?:其中\s*)?(?:本土)?(?:确诊病例|确诊|无症状感染者)\s*\d|\s*[(（]\s*(?:均|都|全部)?(?:为|系|是)\s*(?:本土)?(?:确诊病例|无症状感染者)\s*[)）]")
#: A sentence opening with 其中 (its counts are parts of the sentence's before).
_PARTS_OPENING = std_compile(r"\s*(?:[^,，。;；:：\n]{0,12}[,，]\s*)?其中\s*[,，:：]")  # (发布会通报，)其中：
#: 新增 right before a number; a clause's end right after a count.
_NEW_BEFORE = compiled_on_first_use(lambda: std_compile(r"新增\s*$"))
_SIBLING_BEFORE = compiled_on_first_use(lambda: std_compile(r"[、和及]\s*$"))
_CLAUSE_END_AFTER = compiled_on_first_use(lambda: std_compile(r"\s*(?:[,，;；。、!！?？]|$)"))
#: A number of days before a count's qualifier: the days its figure passed (5天日增确诊超过200例).
_DAYS_OVER = std_compile(r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:个)?\s*天(?!内)")
#: After a count's unit, what makes its number no count of people: a bound (1000例以下, 10人以内) or
#: something else counted (3宗聚集性疫情).
# (个案涉及一名26岁男病人: a person described by age, not a count.)
_NO_COUNT_AFTER = std_compile(r"\s*(?:以下|以内|之内|聚集性?疫情|疫情|事件|\d{1,3}\s*岁|男性|女性)")  # (32例男性、32例女性: a split by sex)


#: After a count: how many areas its list covers, then the list (…涉16区域：朝阳51例、…).
_SPREAD_AFTER = compiled_on_first_use(lambda: std_compile(rf"\s*{_AREAS_COVERED}(?=[:：])"))


#: After a count, what opens a clause naming its parts (其中本土病例183例，包括陕西的181例).
_PARTS_AFTER = std_compile(r"[^,，。;；()（）]{0,8}[,，]\s*(?:包括|包含)")
#: After a part of another scope than its total, what opens the list of its items (其中本土病例80例，分别是内蒙古56例).
#: A scope word alone after a count, the noun left out (新增185例本土，…; 3例境外移入。).
# (新增240例本土武汉肺炎，…: the disease's name may stand for the noun)
_BARE_SCOPE_AFTER = std_compile(rf"(?P<scope>本土|境外移入|境外输入)(?:{_DISEASE}|武汉肺炎)?(?=\s*[,，;；。、(（])")
#: A short note in brackets with no number in it, ending where a count's number follows ((轻型)3例).
_NOTE_BEFORE = compiled_on_first_use(lambda: std_compile(
    r"[(（](?:[^()（）\d,，;；。:：\n]{1,8}|[^()（）\n]{0,12}?(?:下辖|所辖|代管|隶属)[^()（）\n]{0,10})[)）]$"
))  # (轻型); 东兴市(防城港市下辖县级市)69例: whose unit the area is
#: After a count and its noun: 中有4宗…, its own part follows.
_PART_THEN_ITS_PART = compiled_on_first_use(lambda: std_compile(r"(?:当中|之中|中)\s*有?\s*\d"))
#: Only a comma between a part and its first item.
_ITEM_COMMA = compiled_on_first_use(lambda: std_compile(r"\s*[,，:：]\s*"))
#: An epidemiological week (第22周, 19周至23周): the counts of its sentence are weeks', not a day's.
_WEEK_NUMBER = compiled_on_first_use(lambda: std_compile(r"第\s*\d{1,2}\s*周|\d{1,2}\s*周\s*(?:至|到|—|-)\s*(?:第\s*)?\d{1,2}\s*周"))
#: The first number of a rough range written with 、 (70、80宗): a round number with no unit.
_ROUGH_FIRST = compiled_on_first_use(lambda: std_compile(r"(?<![\d.,])[1-9]\d?0$"))
#: A clause opening another group beside the count before (另有境外移入个案72例), not a part of it.
_ANOTHER_GROUP = compiled_on_first_use(lambda: std_compile(r"\s*另有"))
#: The same, read for where the count is (…湖南和宁夏各1宗，同时有16宗境外输入个案: not the last item's area).
_BESIDE_GROUP = std_compile(r"\s*(?:同时|同日|另外|另)有")
# (…其中1,463例本土，个案居住县市分布为新北市656例、… — Taiwan's CDC)
_LISTED_AFTER = compiled_on_first_use(lambda: std_compile(r"\s*[,，:：]?\s*(?:分别(?:是|为|在)|(?:个案|病例)?(?:居住)?(?:县市|地区)?分布(?:为|在|于|是))\s*[:：]?\s*"))
#: Between one item of such a list and the next (内蒙古56例(均在呼伦贝尔市)、黑龙江10例).
_NEXT_ITEM = compiled_on_first_use(lambda: std_compile(r"(?:\s*[(（][^()（）;；。]{0,30}[)）])?\s*[、,，]\s*"))


#: The metrics a count can have now, and the words of an outcome, which no one has now (出院, 解除医学观察).
_NOW_METRICS = frozenset({"confirmed", "asymptomatic", "infections", "other", "close_contacts"})
_OUTCOME_WORD = compiled_on_first_use(lambda: std_compile(r"解除|出院|治愈|死亡|转"))
#: A sentence opening with now (目前，重症37例…): its counts with no measure word are current.
_NOW_LEAD = compiled_on_first_use(lambda: std_compile(r"\s*(?:目前|当前|现在)\s*[,，:：]"))
#: Between a metric and its number: the counted people are in hospital (确诊病例住院626例).
_WARD_AFTER = std_compile(r"\s*(?:住院|在院)(?:治疗)?\s*")
#: Only a coordinator between a metric and a number (确诊病例和3例无症状感染者): the metric names another group.
_COORDINATED = compiled_on_first_use(lambda: std_compile(r"\s*[和及与、]\s*"))
#: After a count and its metric: the measures taken for the people counted (已分别落实了集中隔离…措施).
_UNDER_MEASURES = compiled_on_first_use(lambda: std_compile(r"\s*(?:已|均已|全部)?(?:分别)?(?:落实|实施|采取|纳入)了?[^,，。;；]{0,16}?(?:隔离|管控|医学观察)"))
#: A bracket right after a count (its notes and parts).
_BRACKET_AFTER = compiled_on_first_use(lambda: std_compile(r"\s*[(（][^()（）\n]{0,40}[)）]"))
#: The items after an area's count up to a phrase that closes the list (、广信区3例、万年县21例).
_LISTED_ITEMS = std_compile(r"(?:、[^、,，;；。:：()（）\d\n]{1,12}\d+\s*例){0,16}")  # (bounded: a list of thousands stays linear)
#: What stands right before a bare 输入 that is the imported scope (新增输入…, 现有输入…, 累计输入…), not an
#: origin (湖北输入, 尼泊尔输入: a place before it).
_BARE_INPUT_AFTER = frozenset("增有计日的告")
