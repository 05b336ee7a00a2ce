"""Title / outlet / published accuracy on ../shared/corpus/texts, where they can be judged.

There is no gold for the corpus; the expected values here are what its provenance
(``SOURCES.tsv``) and the texts themselves say, only where that is unambiguous:

- published: only where the input states it as metadata: the front matter ``date`` of
  Markdown reposts and the pages' own date (judged by hand below); the other texts carry
  no publication date (a full date inside them is a reporting day, not one to judge);
- title, as the annotators of ``tests/realdev/gold.jsonl`` write it: Weibo posts → the
  【headline】, the ``#`` marks of a tag that stands by itself dropped (``#A# B``, ``X!#A#``,
  ``#A#:#B#`` → ``A B``, ``X!A``, ``A:B``) and those of a tag run on into words kept
  (``#A#病例详情公布``, ``#A#[话筒]``); 丁香园 items and 新闻联播 items → the first line
  (``[视频]`` kept); Markdown reposts → the front matter ``title``; the Shanghai notices
  that open with running text (twang2218) → no title;
- outlet: 新闻联播 items → 央视网; 眾新聞 → 众新闻; Terminus reposts → the outlet named in
  ``原文来自``; Weibo posts → the account named in SOURCES (人民网, 央视新闻 …) only when the
  text itself names it; the four saved pages → judged by hand.

Usage: python bench/corpus_metadata.py OUTDIR   (OUTDIR from ``python -m extract CORPUS --out OUTDIR``)
"""

from __future__ import annotations

import csv
import unicodedata
import re
import sys
from pathlib import Path

import orjson
from opencc import OpenCC

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus")
T2S = OpenCC("t2s")

HTML = {  # judged by reading the pages
    "051_meeting_zhongshan_20190227": ("顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作", "中山网", "2019-03-06"),
    "089_pressconf_hubei_20200229": ("国务院联防联控机制:湖北和武汉要严格管控防输出", "网易", "2020-02-29"),
    "132_news_wuhan_20201004": ("外媒眼中的武汉长假：蓬勃发展，欢声笑语", "长江网", "2020-10-04"),
    "148_news_national_20200103": ("新年伊始，习近平的重要文章谈了啥？", "澎湃新闻", "2020-01-03"),
}


#: A topic tag standing by itself in a headline: followed by its end, a space or a separator.
STANDALONE_TAG = re.compile(r"#([^#\n]{1,60}?)#(?=$|\s|[,，:：、!！?？;；|｜】—])")


def _front(text: str, key: str) -> str | None:
    m = re.match(r"---\n(.*?)\n---", text, re.S)
    if not m:
        return None
    k = re.search(rf"^{key}:\s*(.*)$", m.group(1), re.M)
    return k.group(1).strip().strip('"').strip() if k else None


def expected() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    with open(CORPUS / "SOURCES.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            path = CORPUS / row["file"]
            aid = path.stem
            origin = row["origin"]
            if aid in HTML:
                t, o, p = HTML[aid]
                out[aid] = {"title": t, "outlet": o, "published": p}
                continue
            text = path.read_text(encoding="utf-8")
            first = text.strip().split("\n", 1)[0].strip()
            exp: dict[str, str] = {}
            date = row["date"]
            if "twang2218" in origin:
                exp["title"] = ""  # the notice opens with running text: no headline
            elif "loong0306" in origin or "CHECKED" in origin:
                m = re.search(r"【([^【】\n]{4,80})】", first[:120])
                if m and m.start() < 60:
                    exp["title"] = STANDALONE_TAG.sub(r"\1", m.group(1)).strip()
                src = re.search(r"source=([^;]+);", origin)
                if src and src.group(1) in text:
                    exp["outlet"] = src.group(1)
            elif "DXY" in origin:
                exp["title"] = first
            elif "xwlb" in origin:
                exp["title"] = first  # [视频] and all
                exp["outlet"] = "央视网"
            elif "hkcnews" in origin:
                exp["title"] = T2S.convert(_front(text, "title") or "")
                exp["outlet"] = "众新闻"
                exp["published"] = _front(text, "date") or date
            elif "Terminus" in origin:
                exp["title"] = (_front(text, "title") or "").replace("\u200b", "").strip()
                m = re.search(r"原文来自\s*(?:「([^」]+)」|\[([^\]]+)\]|([^：:~\s]+))", text)
                if m:
                    exp["outlet"] = next(g for g in m.groups() if g)
                exp["published"] = _front(text, "date") or date
            out[aid] = exp
    return out


def norm(s: object) -> str:
    """As the scorer compares (NFKC), Simplified, without white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", T2S.convert(str(s)))) if s else ""


def main(outdir: str) -> None:
    exp = expected()
    got = {}
    for line in (Path(outdir) / "articles.jsonl").read_bytes().splitlines():
        a = orjson.loads(line)
        got[a["article_id"]] = a
    show = "--show" in sys.argv
    for field in ("title", "outlet", "published"):
        n = ok = 0
        for aid, e in sorted(exp.items()):
            if field not in e:
                continue
            n += 1
            g = got.get(aid, {}).get(field)
            g = str(g)[:10] if field == "published" and g else g
            if norm(g) == norm(e[field]):
                ok += 1
            elif show:
                print(f"  {field:9} {aid}: expected {e[field]!r}, got {g!r}")
        print(f"{field:9} {ok}/{n} {ok / n:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
