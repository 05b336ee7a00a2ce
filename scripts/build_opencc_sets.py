"""Write ``src/extract/data/opencc_hk2s.tsv``: which characters OpenCC's ``hk2s`` can change, and where it
reads context, from OpenCC's own dictionaries; and ``opencc_s2t.tsv``: the characters ``s2t`` changes
(the Simplified-only ones ``extract.normalize.detect_script`` counts), as OpenCC converts them.

Usage (needs ``marisa-trie``, to read the ``.ocd2`` dictionaries; not a dependency of the package)::

    pip install marisa-trie
    python scripts/build_opencc_sets.py            # writes the data file
    python scripts/build_opencc_sets.py --check    # only checks that the data file is current

What is computed (see ``extract.normalize`` for how the sets are used and why the use is exact):

- every key of every dictionary ``hk2s.json`` names (normalisation, segmentation, both conversion steps);
- ``context``: the characters of every key of two or more characters (the only keys that read a
  character's neighbours), and every character a single-character entry can turn into one of them
  through the steps (any value, not only the first), and every character whose conversion alone is not
  one character;
- ``changing``: the context characters at which some key's first value (the one OpenCC writes) differs
  from the key (all the key's characters when the lengths differ);
- ``free``: the other key characters that ``hk2s`` changes, each converted alone by OpenCC itself.

Characters beyond the Basic Multilingual Plane are left out: the code treats every one of them as a
changing context character. The file records the OpenCC version and the SHA-256 of every file read;
the package uses the sets only when the installed OpenCC has the same. Before writing, the sets are
checked against OpenCC on random texts mixing keys, context, free and other characters.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import struct
import sys
from pathlib import Path

import marisa_trie  # type: ignore[import-not-found]
import opencc

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "extract" / "data" / "opencc_hk2s.tsv"
OUT_S2T = ROOT / "src" / "extract" / "data" / "opencc_s2t.tsv"
SHARE = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
CONFIG = "hk2s.json"
_HEADER = b"OPENCC_MARISA_0.2.5"


def read_ocd2(path: Path) -> dict[str, list[str]]:
    """Key → values of an OpenCC ``.ocd2`` file: header, marisa trie, then the serialised values."""
    data = path.read_bytes()
    if not data.startswith(_HEADER):
        raise SystemExit(f"{path}: not an .ocd2 file")
    trie = marisa_trie.Trie()
    trie.frombytes(data[len(_HEADER):])  # reads the trie, ignores the values after it
    pos = len(_HEADER) + len(trie.tobytes())
    count, total = struct.unpack_from("<II", data, pos)
    pos += 8
    buffer = data[pos:pos + total]
    pos += total
    values: list[list[str]] = []
    cursor = 0
    for _ in range(count):
        (n,) = struct.unpack_from("<H", data, pos)
        pos += 2
        item = []
        for _ in range(n):
            (size,) = struct.unpack_from("<H", data, pos)
            pos += 2
            item.append(buffer[cursor:cursor + size].rstrip(b"\0").decode("utf-8"))
            cursor += size
        values.append(item)
    if pos != len(data) or cursor != total or len(trie) != count:
        raise SystemExit(f"{path}: unexpected layout")
    return {trie.restore_key(i): values[i] for i in range(count)}


def _dicts(node: object) -> list[str]:
    """The ``.ocd2`` file names under one config node, in order."""
    if isinstance(node, dict):
        if node.get("type") == "ocd2":
            return [str(node["file"])]
        return [name for value in node.values() for name in _dicts(value)]
    if isinstance(node, list):
        return [name for value in node for name in _dicts(value)]
    return []


def compute() -> tuple[list[tuple[str, str, str]], set[str], set[str], dict[str, str]]:
    config = json.loads((SHARE / CONFIG).read_text(encoding="utf-8"))
    # The steps a character goes through: normalisation, then each conversion step (segmentation only
    # cuts the text; its keys count as keys below).
    steps = [_dicts(config.get("normalization", []))] + [_dicts(step) for step in config["conversion_chain"]]
    files = sorted(set(_dicts(config)))
    dicts = {name: read_ocd2(SHARE / name) for name in files}
    keys: set[str] = set()
    context: set[str] = set()
    changing: set[str] = set()
    for name, entries in dicts.items():
        for key, values in entries.items():
            if any(ch in value for value in values for ch in "\n\0"):
                raise SystemExit(f"{name}: a value holds a line break or NUL")
            keys.update(key)
            if len(key) > 1:
                context.update(key)
            first = values[0]
            if len(first) != len(key):
                changing.update(key)
            else:
                changing.update(a for a, b in zip(key, first) if a != b)

    phrase_chars = frozenset(context)

    def images(ch: str) -> set[str]:
        current = {ch}
        for step in steps:
            following = set(current)
            for c in current:
                for name in step:
                    for value in dicts[name].get(c, []):
                        following.update(value)
            current = following
        return current

    converter = opencc.OpenCC(CONFIG[:-5])
    free: dict[str, str] = {}
    for ch in sorted(keys - context):
        if images(ch) & phrase_chars:
            context.add(ch)
            continue
        converted = converter.convert(ch)
        if len(converted) != 1:
            context.add(ch)
            changing.add(ch)
        elif converted != ch:
            free[ch] = converted
    changing &= context
    meta = [("version", "opencc", opencc.__version__)]
    meta += [("sha256", name, hashlib.sha256((SHARE / name).read_bytes()).hexdigest()) for name in [CONFIG, *files]]
    return meta, context, changing, free


def render(meta: list[tuple[str, str, str]], context: set[str], changing: set[str], free: dict[str, str]) -> str:
    def bmp(chars: object) -> str:
        return "".join(sorted(ch for ch in chars if ord(ch) < 0x10000))  # type: ignore[attr-defined]

    lines = [
        "# OpenCC hk2s: the characters whose conversion reads their neighbours (context), those of them a",
        "# dictionary entry changes (changing), and the other characters it changes, each alone (free).",
        "# Source: OpenCC's own dictionaries (opencc/clib/share/opencc: hk2s.json and the .ocd2 files it names),",
        "# read by scripts/build_opencc_sets.py; extract.normalize uses the sets only when the installed OpenCC",
        "# has this version and these files (SHA-256). Characters beyond the BMP are not listed: all count as context.",
        "kind\tname\tvalue",
        *("\t".join(row) for row in meta),
        f"chars\tcontext\t{bmp(context)}",
        f"chars\tchanging\t{bmp(changing)}",
        f"chars\tfree\t{bmp(free)}",
    ]
    return "\n".join(lines) + "\n"


def render_s2t() -> str:
    """The Simplified-only ranges, computed by the package's own fallback (OpenCC ``s2t``)."""
    sys.path.insert(0, str(ROOT / "src"))
    from extract import normalize

    config = json.loads((SHARE / "s2t.json").read_text(encoding="utf-8"))
    files = ["s2t.json", *sorted(set(_dicts(config)))]
    lines = [
        "# OpenCC s2t: the characters of U+0020..U+FFFF (but the surrogates) that it changes, converted one",
        "# by one: the Simplified-only characters. Source: OpenCC itself (opencc/clib/share/opencc: s2t.json and",
        "# the .ocd2 files it names), asked by scripts/build_opencc_sets.py as extract.normalize asks it without",
        "# this file; used only when the installed OpenCC has this version and these files (SHA-256).",
        "kind\tname\tvalue",
        f"version\topencc\t{opencc.__version__}",
        *(f"sha256\t{name}\t{hashlib.sha256((SHARE / name).read_bytes()).hexdigest()}" for name in files),
        f"ranges\tsimplified_only\t{normalize._write_ranges(normalize._simplified_only_ranges())}",
    ]
    return "\n".join(lines) + "\n"


def fuzz(context: set[str], changing: set[str], free: dict[str, str], rounds: int) -> None:
    """Random texts: the fast conversion (as the package does it) against OpenCC on the whole text."""
    sys.path.insert(0, str(ROOT / "src"))
    from extract import normalize

    dicts_keys = [k for k in read_ocd2(SHARE / "TSPhrases.ocd2")] + [k for k in read_ocd2(SHARE / "HKVariantsRevPhrases.ocd2")]
    pool = [*sorted(context), *sorted(changing), *sorted(free), *"，。、\n 1a「」《》", "\u2ff0", "\ufe00", "乾", "燥", "着"]
    rng = random.Random(15)
    converter = opencc.OpenCC(CONFIG[:-5])
    sets = normalize._hk2s_sets()
    if sets is None:
        raise SystemExit("the package does not accept the data file (hash or version mismatch)")
    # Half the texts without free characters (else they are converted whole): the keys' free
    # characters are replaced by context characters or by other characters.
    no_free = [ch for ch in pool if ch not in free]
    fast_way = 0
    for i in range(rounds):
        parts = []
        for _ in range(rng.randint(1, 40)):
            if rng.random() < 0.3:
                key = rng.choice(dicts_keys)
                parts.append(key[rng.randrange(len(key)):] if rng.random() < 0.3 else key)
            else:
                parts.append(rng.choice(pool))
        text = "".join(parts)
        if i % 2:
            text = "".join(rng.choice(no_free) if ch in free else ch for ch in text)
        fast = normalize._fast_convert(text, converter, sets)
        if fast is not None:
            fast_way += 1
            if fast != converter.convert(text):
                raise SystemExit(f"mismatch on {text!r}")
    print(f"{rounds} random texts ({fast_way} the fast way): the fast conversion agrees with OpenCC")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the data file is current")
    parser.add_argument("--fuzz", type=int, default=200_000, help="random texts to check (after writing)")
    args = parser.parse_args()
    meta, context, changing, free = compute()
    text = render(meta, context, changing, free)
    text_s2t = render_s2t()
    if args.check:
        stale = [str(path) for path, new in ((OUT, text), (OUT_S2T, text_s2t)) if path.read_text(encoding="utf-8") != new]
        print(f"out of date: {', '.join(stale)}" if stale else "current")
        raise SystemExit(1 if stale else 0)
    OUT.write_text(text, encoding="utf-8")
    OUT_S2T.write_text(text_s2t, encoding="utf-8")
    print(f"wrote {OUT_S2T}")
    print(f"wrote {OUT}: {len(context)} context, {len(changing)} changing, {len(free)} free characters")
    fuzz(context, changing, free, args.fuzz)


if __name__ == "__main__":
    main()
