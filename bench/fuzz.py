"""Fuzzing beyond CI: N generated articles through the pipeline, counting what must never happen.

Each article is a real text of ``../shared/corpus/texts`` mutated at random (from a seed and
its index, so any failure can be generated again alone with ``--only INDEX``):

- cut at a random point (its head, its tail, or a slice from the middle); 99% of the cases are
  then cut to :data:`MAX_CHARS` characters (the time per article grows with its length);
- duplicated (the whole text, or one paragraph repeated many times), paragraphs shuffled;
- numerals changed (random Arabic, full-width or Chinese numerals, huge numbers);
- HTML junk (tags, entities, scripts, comments) or Markdown junk (headings, emphasis,
  links, tables, front matter) injected, or the text wrapped into a whole page;
- converted to Traditional characters;
- re-encoded as GBK, GB18030, Big5 (unencodable characters dropped), UTF-16 LE/BE with and
  without BOM, UTF-8 with BOM; junk bytes inserted, or the bytes cut inside a character.

Every article goes through ``extract.io.process`` (decoding, HTML/Markdown reading,
extraction, with ``--timeout`` seconds per article) in ``--jobs`` worker processes, and is
checked:

- **crash**: any exception other than an input problem (an error record such as
  ``binary``, ``undecodable``, ``empty`` is a correct outcome, counted by code);
- **timeout**: the article took more than ``--timeout`` seconds;
- **offset violation**: a record's evidence ``text[start:end]`` is not its quoted evidence
  text, or a span lies outside the text (``text``: the text the offsets index, which the
  article record carries with ``with_text``).

Usage::

    .venv/bin/python bench/fuzz.py                          # 100,000 articles, 2 processes
    .venv/bin/python bench/fuzz.py --n 2000 --jobs 2 --seed 7
    .venv/bin/python bench/fuzz.py --only 1234 --save /tmp/f  # one case again, its bytes saved

Prints a progress line every ``--every`` articles and a JSON summary at the end (also to
``--report FILE``), also when stopped early (Ctrl-C, SIGTERM: the articles done so far); each
failure is printed when found. Exit status 1 when anything was found.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import signal
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "texts"

_DIGITS = re.compile(r"\d+")
#: Mutated texts are cut to this many characters, except 1% (the corpus texts: 1,300 on average, at most 9,700).
MAX_CHARS = 12_000
_HAN_DIGITS = "零一二三四五六七八九十百千万"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_HTML_JUNK = [
    "<div>", "</div>", "<p>", "</p>", "<br>", "<br/>", "&nbsp;", "&amp;", "&#12345;", "&lt;script&gt;",
    "<span style='color:red'>", "</span>", "<!-- 注释 -->", "<script>var a='新增确诊病例3例';</script>",
    "<style>p{color:red}</style>", "<a href='http://x.cn/1.html'>点击查看</a>", "<table><tr><td>", "</td></tr></table>",
    "<img src='a.png' alt='新增病例'>", "<", ">", "&", "<p", "</", "<!--",
]
_MD_JUNK = [
    "# ", "## 标题\n", "**", "*", "__", "`", "```\n", "> ", "- ", "1. ", "[链接](http://x.cn)", "![图](a.png)",
    "| 区县 | 新增 |\n|---|---|\n| 渝中区 | 3 |\n", "---\ntitle: 通报\ndate: 2022-12-01\n---\n", "\\", "<br>", "***\n",
]
_JUNK_BYTES = [b"\xff", b"\xfe", b"\x80", b"\x00", b"\xc3\xa9", b"\xe9", b"\x1b", b"\xa1", b"\x81\x30", b"\xef\xbb\xbf",
               b"\xed\xa0\x80", b"\xf0\x9f\x98", b"\r", b"\r\n", b"\x0c", b"\xa4@"]


def _load(folder: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"fuzz: no .txt texts in {folder}")
    return texts


def _han_number(n: int) -> str:
    if n < 10:
        return _HAN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _HAN_DIGITS[tens]) + "十" + (_HAN_DIGITS[ones] if ones else "")
    return "".join(_HAN_DIGITS[int(d)] for d in str(n))


def _numeral(rng: random.Random, digits: str) -> str:
    roll = rng.random()
    n = rng.choice([0, 1, 7, rng.randint(2, 99), rng.randint(100, 99999), 10 ** rng.randint(6, 30) + rng.randint(0, 9)])
    if roll < 0.5:
        return str(n)
    if roll < 0.7:
        return str(n).translate(_FULLWIDTH)
    if roll < 0.85:
        return _han_number(min(n, 10**6))
    return digits  # unchanged


def _inject(rng: random.Random, text: str, junk: list[str], times: int) -> str:
    for _ in range(times):
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(junk) + text[at:]
    return text


def _mutate_text(rng: random.Random, text: str) -> tuple[str, str]:
    """A mutated text and the kind to read it as (``auto``, ``html``, ``markdown``)."""
    kind = "auto"
    paragraphs = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(9)
        if op == 0 and len(text) > 2:  # cut
            a, b = sorted(rng.sample(range(len(text) + 1), 2))
            text = rng.choice([text[:b], text[a:], text[a:b]])
        elif op == 1:  # duplicate
            text = text + rng.choice(["\n", "", "\n\n"]) + text
        elif op == 2 and paragraphs:  # one paragraph many times
            p = rng.choice(paragraphs)
            text = text + ("\n" + p) * rng.randint(2, 30)
        elif op == 3:  # shuffle paragraphs
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
        elif op == 4:  # numerals
            text = _DIGITS.sub(lambda m: _numeral(rng, m.group()) if rng.random() < 0.5 else m.group(), text)
        elif op == 5:  # HTML junk
            text = _inject(rng, text, _HTML_JUNK, rng.randint(1, 40))
            if rng.random() < 0.4:
                body = "".join(f"<p>{line}</p>\n" for line in text.split("\n"))
                text = f"<!DOCTYPE html><html><head><title>{text[:30]}</title></head><body>{body}</body></html>"
                kind = rng.choice(["html", "auto"])
        elif op == 6:  # Markdown junk
            text = _inject(rng, text, _MD_JUNK, rng.randint(1, 40))
            kind = rng.choice(["markdown", "auto"])
        elif op == 7:  # Traditional characters
            text = _s2t().convert(text)
        else:  # odd characters: line ends, controls, emoji, combining marks
            text = _inject(rng, text, ["\r\n", "\r", "\u3000", "\t", "\ufeff", "\u200b", "😷", "e\u0301", "\x0b",
                                       "\u2028", "\ufffd", "（", "）", "例", "，", "。"], rng.randint(1, 30))
    return text, kind


_S2T: Any = None


def _s2t() -> Any:
    global _S2T
    if _S2T is None:
        import opencc

        _S2T = opencc.OpenCC("s2t")
    return _S2T


def _encode(rng: random.Random, text: str) -> tuple[bytes | str, str]:
    roll = rng.random()
    if roll < 0.15:
        return text, "str"  # a JSONL record's text
    if roll < 0.45:
        data, label = text.encode("utf-8", "surrogatepass"), "utf-8"
    else:
        label = rng.choice(["gbk", "gb18030", "big5", "cp950", "big5hkscs", "utf-16-le", "utf-16-be", "utf-16",
                            "utf-8-sig", "utf-16-le+bom", "utf-16-be+bom"])
        if label.endswith("+bom"):
            codec = label[:-4]
            bom = b"\xff\xfe" if codec == "utf-16-le" else b"\xfe\xff"
            data = bom + text.encode(codec, "ignore")
        else:
            data = text.encode(label, "ignore")
    if rng.random() < 0.35:  # junk bytes
        b = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            at = rng.randint(0, len(b))
            b[at:at] = rng.choice(_JUNK_BYTES)
        data = bytes(b)
    if rng.random() < 0.15 and len(data) > 1:  # cut inside a character (or anywhere)
        data = data[: rng.randint(1, len(data))]
    return data, label


def make_case(texts: list[str], seed: int, index: int) -> tuple[bytes | str, str, dict[str, Any], str]:
    """The input of case ``index``: data (bytes, or str for a record), kind, meta, a label."""
    rng = random.Random(seed * 1_000_003 + index)
    text, kind = _mutate_text(rng, rng.choice(texts))
    if len(text) > MAX_CHARS and rng.random() > 0.01:  # 1% of the cases keep their full length
        text = text[:MAX_CHARS]
    data, label = _encode(rng, text)
    meta: dict[str, Any] = {}
    if rng.random() < 0.5:
        meta["published"] = rng.choice(["2022-12-01", "2020-01-26", "2021-08-05T10:00:00+08:00", "2022年4月3日"])
    return data, kind, meta, f"{label}/{kind}"


# ---------------------------------------------------------------- checking one case


def _spans(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, dict):
        if "start" in obj and "end" in obj and isinstance(obj.get("start"), int):
            yield obj
        for value in obj.values():
            yield from _spans(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _spans(value)


def check(data: bytes | str, kind: str, meta: dict[str, Any], timeout: float) -> tuple[str, str]:
    """(outcome, detail): ``article``, ``error:CODE``, ``timeout``, ``crash`` or ``offsets``."""
    from extract.errors import InputProblem
    from extract.io import RawDoc, process

    raw = RawDoc(article_id="fuzz", source="fuzz", data=data, meta=meta, kind=kind)
    try:
        result = process(raw, timeout or None, with_text=True)
    except InputProblem as e:
        if e.code == "timeout":
            return "timeout", e.message
        return f"error:{e.code}", ""
    except Exception as e:  # noqa: BLE001 - what the fuzzer is looking for
        tb = traceback.extract_tb(e.__traceback__)[-1]
        return "crash", f"{type(e).__name__}: {str(e)[:200]} at {Path(tb.filename).name}:{tb.lineno}"
    text = result.article.text
    if text is None:
        return "offsets", "the article record has no text with with_text"
    records = [result.article, *result.case_counts, *result.districts, *result.meetings, *result.officials]
    for record in records:
        for span in _spans(record.model_dump(mode="json")):
            start, end = span["start"], span["end"]
            if not 0 <= start <= end <= len(text):
                return "offsets", f"{type(record).__name__} span {start}:{end} outside the text ({len(text)})"
            if "text" in span and isinstance(span["text"], str) and text[start:end] != span["text"]:
                return "offsets", (f"{type(record).__name__} evidence {start}:{end} is {text[start:end][:40]!r}, "
                                   f"quotes {span['text'][:40]!r}")
    return "article", ""


# ---------------------------------------------------------------- workers

_TEXTS: list[str] = []


def _init(corpus: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool ends its workers with SIGTERM
    _TEXTS[:] = _load(Path(corpus))
    from extract import pipeline  # noqa: F401 - the heavy imports, once per worker


def _chunk(args: tuple[int, int, int, float]) -> tuple[Counter[str], list[tuple[int, str, str, str]], float]:
    seed, first, last, timeout = args
    counts: Counter[str] = Counter()
    found: list[tuple[int, str, str, str]] = []
    slowest = 0.0
    for index in range(first, last):
        data, kind, meta, label = make_case(_TEXTS, seed, index)
        started = time.perf_counter()
        outcome, detail = check(data, kind, meta, timeout)
        slowest = max(slowest, time.perf_counter() - started)
        counts[outcome] += 1
        if outcome in ("crash", "timeout", "offsets"):
            found.append((index, outcome, label, detail))
    return counts, found, slowest


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=100_000, help="articles to generate (default 100000)")
    p.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per article (default 30, as the CLI)")
    p.add_argument("--corpus", default=str(CORPUS), help=f"folder of .txt texts (default {CORPUS})")
    p.add_argument("--chunk", type=int, default=50, help="articles per task")
    p.add_argument("--every", type=int, default=5000, help="progress line every so many articles")
    p.add_argument("--only", type=int, default=None, help="run case INDEX alone (in this process)")
    p.add_argument("--save", default=None, help="with --only: write the case's input bytes into this folder")
    p.add_argument("--report", default=None, help="also write the JSON summary to this file")
    args = p.parse_args(argv)

    if args.only is not None:
        texts = _load(Path(args.corpus))
        data, kind, meta, label = make_case(texts, args.seed, args.only)
        if args.save:
            Path(args.save).mkdir(parents=True, exist_ok=True)
            target = Path(args.save) / f"case{args.only}.{'html' if kind == 'html' else 'md' if kind == 'markdown' else 'txt'}"
            target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
            print(f"saved {target}")
        print(label, meta, check(data, kind, meta, args.timeout))
        return 0

    started = time.perf_counter()
    tasks = [(args.seed, i, min(i + args.chunk, args.n), args.timeout) for i in range(0, args.n, args.chunk)]
    counts: Counter[str] = Counter()
    found: list[tuple[int, str, str, str]] = []
    slowest = 0.0
    done = next_report = 0
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    stopped = False
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stopped early: the summary of what was done
    try:
        with ctx.Pool(args.jobs, initializer=_init, initargs=(args.corpus,)) as pool:
            for c, f, s in pool.imap_unordered(_chunk, tasks):
                counts.update(c)
                found.extend(f)
                for index, outcome, label, detail in f:
                    print(f"  FOUND case {index}: {outcome} ({label}) {detail}", file=sys.stderr, flush=True)
                slowest = max(slowest, s)
                done += sum(c.values())
                if done >= next_report:
                    next_report += args.every
                    rate = done / (time.perf_counter() - started)
                    print(f"  {done}/{args.n} articles, {rate:.0f}/s, crashes {counts['crash']}, timeouts "
                          f"{counts['timeout']}, offset violations {counts['offsets']}", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        stopped = True
    elapsed = time.perf_counter() - started
    found.sort()
    summary = {
        "command": " ".join(["bench/fuzz.py", *(argv if argv is not None else sys.argv[1:])]),
        "articles": done, "requested": args.n, "stopped_early": stopped, "jobs": args.jobs, "seed": args.seed,
        "timeout": args.timeout, "seconds": round(elapsed, 1), "articles_per_second": round(done / elapsed, 1),
        "slowest_article_seconds": round(slowest, 2),
        "crashes": counts["crash"], "timeouts": counts["timeout"], "offset_violations": counts["offsets"],
        "outcomes": dict(sorted(counts.items())),
        "failures": [{"index": i, "outcome": o, "input": label, "detail": d} for i, o, label, d in found[:200]],
    }
    text = orjson.dumps(summary, option=orjson.OPT_INDENT_2).decode()
    print(text)
    if args.report:
        Path(args.report).write_text(text + "\n", encoding="utf-8")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
