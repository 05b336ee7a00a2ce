"""Officials (issue 5): titles, names, chains, lists, mentions, by-lines, lexicon integrity.

Cases are real sentences (seeds, or 2022 reports retyped) in ``cases/officials.json``;
each lists *every* official the text must yield, so an extra person fails the case.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract import extract_text
from extract.document import Doc
from extract.errors import ResourceError
from extract.normalize import to_simplified
from extract.extractors import officials, officials_lexicon
from extract.extractors.officials import find_titles, load_lexicon, read_name
from extract.extractors.officials_lexicon import _read_tsv, _TitleRow

CASES = json.loads((Path(__file__).parent / "cases" / "officials.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_officials_cases(case: dict) -> None:
    result = extract_text(case["text"], published=case.get("published", "2022-12-01"))
    got = {o.name: o for o in result.officials}
    assert sorted(got) == sorted(e["name"] for e in case["officials"])
    for exp in case["officials"]:
        off = got[exp["name"]]
        assert off.titles == exp["titles"]
        if "organization" in exp:
            assert off.organization == exp["organization"]
        if "mentions" in exp:
            assert off.mentions == exp["mentions"]
        assert [[a.title, a.action] for a in off.appointments] == exp.get("appointments", [])
        assert case["text"][off.evidence.start : off.evidence.end] == off.evidence.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市委副书记、市长胡衡华讲话", [("市委副书记", "市委", "副书记"), ("市长", None, "市长")]),
        ("市卫生健康委副主任李畔介绍", [("市卫生健康委副主任", "市卫生健康委", "副主任")]),
        ("江北区政府副区长廖光洪说", [("江北区政府副区长", "江北区政府", "副区长")]),
        ("市人大常委会主任张轩", [("市人大常委会主任", "市人大常委会", "主任")]),
        ("据重庆市卫健委副主任李畔介绍", [("重庆市卫健委副主任", "重庆市卫健委", "副主任")]),
        ("市委常委、常务副市长吴存荣", [("市委常委", "市委", "常委"), ("常务副市长", None, "副市长")]),
        ("重庆市委常委会召开扩大会议", []),
        ("市人大教科文卫委员会主任委员", [("市人大教科文卫委员会主任委员", "市人大教科文卫委员会", "主任委员")]),
        ("政法委书记李明清主持", [("政法委书记", "政法委", "书记")]),
        # issue 11: titles of other levels and places (real report sentences)
        ("会议由省委副书记、省长许勤主持", [("省委副书记", "省委", "副书记"), ("省长", None, "省长")]),
        ("市疾控中心副主任庞星火、丰台区副区长王亚林", [("市疾控中心副主任", "市疾控中心", "副主任"), ("丰台区副区长", "丰台区", "副区长")]),
        ("政务司司长张建宗和卫生署署长陈汉仪", [("政务司司长", "政务司", "司长"), ("卫生署署长", "卫生署", "署长")]),
        ("决定免去傅政华的司法部部长职务", [("司法部部长", "司法部", "部长")]),
        ("最高人民检察院检察长张军", [("最高人民检察院检察长", "最高人民检察院", "检察长")]),
        ("沪卫健委主任邬惊雷介绍", [("沪卫健委主任", "沪卫健委", "主任")]),
        ("居住于长宁区长宁路405弄", [("区长", None, "区长")]),
    ],
)
def test_find_titles(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert [(t.text, t.organization, t.post) for t in find_titles(text)] == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("李畔介绍,当前", "李畔"),
        ("李畔说,“我们", "李畔"),
        ("陈敏尔出席会议", "陈敏尔"),
        ("王春萱说。", "王春萱"),
        ("杨琳对此作了介绍", "杨琳"),
        ("徐和建表示", "徐和建"),
        ("黄明会介绍", "黄明会"),
        ("欧阳晓光主持", "欧阳晓光"),
        ("会议指出", None),
        ("主持召开会议", None),
        ("有关市领导出席", None),
        ("同志一行", None),
        ("魏凤和、王勇", "魏凤和"),
        ("雪克来提·扎克尔主持会议", "雪克来提·扎克尔"),
        ("林郑月娥今日表示", "林郑月娥"),
        ("李阳先生通报", "李阳"),
        ("蔡奇指「北京", "蔡奇"),
        ("周一午夜的情况", None),
        ("通道，可能全数取消", None),
    ],
)
def test_read_name(text: str, name: str | None) -> None:
    assert read_name(text, 0) == name


def test_known_name_wins() -> None:
    assert read_name("胡衡华张轩出席", 0, known=["胡衡华", "张轩"]) == "胡衡华"


def test_lexicon_loads_and_is_consistent() -> None:
    lex = load_lexicon()
    assert {"书记", "副市长", "新闻发言人", "主任"} <= set(lex.posts)
    assert {"委", "政府", "新闻办", "人大"} <= set(lex.orgs)
    assert "欧阳" in lex.compound_surnames and "陈" in lex.surnames
    # a surname is never a stop character, or no name could start with it
    assert not lex.surnames & lex.cues["stopchar"]
    # participation verbs are speaker verbs; a no-role word hides a role verb (研究部署 ⊃ 部署)
    assert lex.cues["participation"] <= lex.cues["speaker"]
    role_verbs = lex.cues["chair"] | lex.cues["speaker"] | lex.cues["attendee"]
    assert all(any(v in w for v in role_verbs) for w in lex.cues["not_role"])


def test_bad_title_row_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# c\ncategory\tform\tkind\tnote\npost\t书记\tparty\t\npost\t书记\tpolitburo\t\n"
    monkeypatch.setattr(officials_lexicon, "read_data", lambda _: text)
    with pytest.raises(ResourceError, match=r"titles.tsv:4: \[kind\]"):
        _read_tsv("titles.tsv", ("category", "form", "kind", "note"), _TitleRow)


def test_duplicate_row_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "category\tform\tkind\tnote\npost\t书记\tparty\npost\t书记\tparty\n"
    monkeypatch.setattr(officials_lexicon, "read_data", lambda _: text)
    with pytest.raises(ResourceError, match="duplicate post 书记"):
        _read_tsv("titles.tsv", ("category", "form", "kind", "note"), _TitleRow)


def test_seed_names_are_not_in_the_data() -> None:
    """Rules, not answers: no seed person is listed in any data file."""
    from importlib import resources

    data = "".join(
        resources.files("extract").joinpath(f"data/{n}").read_text(encoding="utf-8")
        for n in ("titles.tsv", "surnames.txt", "person_cues.tsv")
    )
    for name in ("陈敏尔", "胡衡华", "李畔", "涂兴永", "杨琳", "廖光洪", "王春萱", "张轩", "李明清"):
        assert name not in data


def _doc(text: str) -> Doc:
    return Doc("hostile", text, to_simplified(text), (0, len(text)), dt.date(2022, 12, 1))


@pytest.mark.parametrize(
    "unit",
    ["、", "市委书记、", "王某书记", "市", "主任", "委委委委委委主任", "市卫生健康委副主任李某介绍,", "任命王某、", "王某、李某兼任部长、", "免去其"],
    ids=["dunhao", "title_chain", "name_post", "level", "posts", "org_words", "titled_mentions", "appoint_list", "take_up_list", "remove_pronoun"],
)
def test_hostile_input_stays_linear(unit: str) -> None:
    """Time on 200,000 characters stays near 16 × the time on 12,500 (quadratic would be 256 ×).

    The officials extractor is run directly on a Doc: the article stage is not under test here.
    """

    def timed(n: int) -> float:
        doc = _doc(unit * (n // len(unit)))
        t0 = time.process_time()
        officials.extract(doc)
        return time.process_time() - t0

    small, large = timed(12_500), timed(200_000)
    assert large < 64 * small + 2


# Pieces of real sentences, shuffled: the extractors must never raise, and every
# record's evidence must be the original text at its offsets.
_PIECES = [
    "市委书记", "陈敏尔", "市委副书记、", "市长", "胡衡华", "李畔", "介绍", "说", "、", ",", "。", "\n",
    "市卫生健康委副主任", "主持", "出席", "讲话", "11月20日", "当晚", "第155场", "新闻发布会", "市委常委会",
    "召开", "扩大会议", "领导小组会议", "专题会议", "调研检查", "在", "到渝中区", "他", "记者 ", "编辑:",
    "書記", "陳敏爾", "會議", "欧阳", "书记", "总书记", "习近平", "主任", "委", "会", "上", " ",
    "任命", "为", "免去", "其", "的", "职务", "兼任", "接任", "司法部部长", "副委员长", "栗战书", "巴音朝鲁",
    "：", "行政长官", "香港特别行政区", "雪克来提·扎克尔", "自治区主席",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@example(["市委书记", "免去", "陈敏尔", "介绍"])  # (a name with no surname read over 免去: 免去陈敏尔)
@example(["市委书记", "职务", "陈敏尔", "介绍"])  # (职务陈敏尔)
def test_never_raises_and_evidence_holds(pieces: list[str]) -> None:
    from extract.extractors import meetings

    text = "".join(pieces)
    doc = _doc(text)
    people = officials.extract(doc)
    events = meetings.extract(doc, people)
    for record in (*people, *events):
        ev = record.evidence
        assert text[ev.start : ev.end] == ev.text
    for o in people:
        # (five characters only for a name with no Han surname: 岱庆格日乐, see officials._name_without_surname)
        assert (2 <= len(o.name) <= 5 or "·" in o.name) and o.mentions >= 1
        for a in o.appointments:
            assert text[a.evidence.start : a.evidence.end] == a.evidence.text


# --- the real corpus: no false people from common words ------------------------

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "texts"
#: Verbs of an appointment, before the names (任命甲为, 免去乙的) or after them (丙兼任).
_APPOINT_CUE = ("任命", "免去", "兼任", "接任", "出任", "改任", "升任", "当选", "继任", "增补", "不再担任", "被免职")


def _anchored(text: str, name: str, pos: int) -> bool:
    """Whether the name at ``pos`` stands next to a title, an appointment verb, or in a
    、 list whose first member stands after a title (国务委员魏凤和、王勇、王毅)."""
    end = pos + len(name)
    titles = find_titles(text, max(0, pos - 40), min(len(text), end + 12))
    if any(t.end in (pos, pos - 1) for t in titles) or any(t.start == end for t in titles):
        return True
    window = text[max(0, pos - 40) : end + 8]
    if any(cue in window for cue in _APPOINT_CUE):
        return True
    # A list member: walk back over 、-separated names (2–4 characters each) to a title's end.
    cut = pos
    for _ in range(12):
        if cut < 1 or text[cut - 1] != "、":
            return False
        cut -= 1
        ends = {t.end for t in find_titles(text, max(0, cut - 50), cut)}
        if any(cut - n in ends for n in (2, 3, 4)):
            return True
        prev = [cut - n for n in (2, 3, 4) if cut - n >= 1 and text[cut - n - 1] == "、"]
        if not prev:
            return False
        cut = prev[0]
    return False


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_every_official_in_the_corpus_stands_next_to_a_title() -> None:
    """Over the 188 real texts of ../shared/corpus: each emitted official has at least
    one title and one occurrence anchored to a title, an appointment or a titled list."""
    import extract
    from extract.models import ArticleExtraction

    unanchored = []
    n = 0
    for item in extract.extract_path(CORPUS):
        if not isinstance(item, ArticleExtraction):
            continue
        source = next(CORPUS.glob(f"{item.article.article_id}.*"))
        src = to_simplified(source.read_text(encoding="utf-8", errors="replace"))
        for o in item.officials:
            n += 1
            first = to_simplified(o.evidence.text)
            assert o.titles, o
            assert o.name in first, o
            if first != o.name:
                continue  # the first mention carries its title
            positions = [i for i in range(len(src)) if src.startswith(o.name, i)]
            if not any(_anchored(src, o.name, p) for p in positions):
                unanchored.append((o.article_id, o.name))
    assert n > 100
    assert unanchored == []


def test_dotted_name_prefilter_holds_every_dot() -> None:
    """read_name tries _DOTTED_NAME only where one of _NAME_DOTS stands 2–8 characters in: they are
    the characters of the pattern's dot class, and a dot that far in is read."""
    import re

    from extract.extractors.person_names import _DOTTED_NAME, _NAME_DOTS

    dot_class = re.search(r"\(\?P<dot>\[(.*?)\]\)", _DOTTED_NAME.pattern)
    assert dot_class is not None and set(dot_class.group(1)) == set(_NAME_DOTS)
    for dot in _NAME_DOTS:
        for first in ("艾尔", "雪克来提", "阿不都热依木江"):
            name = f"{first}{dot}吐尼亚孜"
            assert read_name(f"{name}主持会议", 0) == name
