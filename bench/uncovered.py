"""What the case-count records leave uncovered in a corpus, by kind (issue 9's done-when list).

Usage:
    python -m extract ../shared/corpus/texts --out /tmp/corpus-out
    python ../shared/eval/coverage.py --in ../shared/corpus/texts --out /tmp/corpus-out --json > /tmp/cov.json
    python bench/uncovered.py /tmp/cov.json [--kinds notice,pressconf] [--show KIND]

Each uncovered count (a number of people that no record's evidence overlaps) is put in the first
kind whose pattern its context matches; the kinds are rough, written to be read, not to score.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
from pathlib import Path

SOURCES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "SOURCES.tsv"

# (kind, pattern on the 30 characters before the count + 【count】 + the 30 after)
KINDS = [
    ("per-case item without a residence", r"【(?:无症状感染者|确诊病例|病例|感染者)\d"),
    ("ordinal case number (第N例, 第N例病例)", r"第【[^】]*例】"),
    ("not people: 第一人民医院, 一人一码", r"【[一二三四五六七八九十]人】(?:民|一码)"),
    ("origin of imported cases (来自美国1例, 英国输入1例)", r"来自\S{1,8}【|(?:输入|国籍|籍)【|【[^】]+】(?:输入|）\S{0,2}输入)|[美英法德俄泰日韩]国\S{0,4}【"),
    ("sex, age, travel history, residence type", r"男性|女性|旅居史|居住或旅行史|接触史|常住人口|来\S人员|外地来"),
    ("close contacts' sub-counts (已解除, 尚在观察, 次级密接)", r"密切接触|医学观察|隔离观察|接受观察|集中隔离|排查出|横传|居家隔离|隔离留观"),
    ("condition within a total (病情平稳, 轻型, 普通型, 在院)", r"病情平稳|轻型|轻症|普通型|未分型|在院|住院"),
    ("adjustments (核减, 核增, 订正, 划归)", r"核减|核增|订正|划归"),
    ("jobs, staff, visitors, media (人次, 岗位, 医务人员, 传媒)", r"人次|岗位|就业|务工|医务人员|医护|工作者|传媒|返岗|劳务|招聘|员工|求职|培训|社区工作者|志愿"),
    ("foreign or global figures (全球, 香港 news of the world)", r"全球|世界|美国|日本|韩国|意大利|伊朗|外国"),
    ("SARS and other diseases", r"非典|SARS|流感"),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("coverage_json", type=Path)
    ap.add_argument("--kinds", default="notice,pressconf", help="corpus kinds (SOURCES.tsv) to count; 'all' for every text")
    ap.add_argument("--show", default=None, help="print the contexts of this kind ('other' for the rest)")
    a = ap.parse_args()
    kinds = {r["file"].split("/")[-1].rsplit(".", 1)[0]: r["kind"] for r in csv.DictReader(SOURCES.open(encoding="utf-8"), delimiter="\t")}
    wanted = None if a.kinds == "all" else set(a.kinds.split(","))
    data = json.loads(a.coverage_json.read_text(encoding="utf-8"))
    by_kind: dict[str, list[str]] = collections.defaultdict(list)
    total = covered = 0
    for art in data["articles"]:
        if wanted is not None and kinds.get(art["article_id"]) not in wanted:
            continue
        total += art["counts"]
        covered += art["covered"]
        for u in art["uncovered"]:
            ctx = u["context"]
            kind = next((k for k, pat in KINDS if re.search(pat, ctx)), "other")
            by_kind[kind].append(f"{art['article_id']}: {ctx}")
    print(f"coverage {covered}/{total} ({100 * covered / max(total, 1):.1f}%); uncovered {total - covered}, by kind:")
    for kind, items in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(items):5d}  {kind}")
    if a.show:
        for line in by_kind.get(a.show, []) if a.show != "other" else by_kind.get("other", []):
            print("   ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
