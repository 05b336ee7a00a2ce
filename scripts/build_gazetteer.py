"""Regenerate ``src/extract/data/divisions.tsv`` from the Ministry of Civil Affairs' division codes.

Source: ``../shared/data/areacodes`` beside the repository (yescallop/areacodes, CC0 1.0): the
county-level-and-above lists of 2016–2022 and ``result.csv`` (every code's history and successors).

    python scripts/build_gazetteer.py                 # reads ../shared/data/areacodes, writes the TSV
    python scripts/build_gazetteer.py --check         # exit 1 when the committed TSV differs
    python scripts/build_gazetteer.py --source DIR --out FILE

One row per unit of 2022 (3,210): code, full name, level (province / prefecture / county), kind,
parent code, province code, the forms the news writes it in, former names of 2016–2022 (name@code,
mapped to their successor) and whether the name is a generic word that needs its city around it.
The rules that derive forms from names live here; the words they must not produce (common words,
generic names) are data in ``src/extract/data/place_forms.tsv``. Hand-made areas (Chongqing's
functional zones and macro regions, Hong Kong's districts) stay in ``gazetteer.tsv``.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "areacodes"
DEFAULT_OUT = ROOT / "src" / "extract" / "data" / "divisions.tsv"
FORMS = ROOT / "src" / "extract" / "data" / "place_forms.tsv"
YEARS = range(2016, 2023)
#: Marks a short form matched only with a count after it or in an enumeration (see extract.areas.COUNTED).
COUNTED = "="
CURRENT = 2022

# The 55 minority nationalities as they appear in autonomous units' names (族 optional: 蒙古自治州).
_ETHNIC = (
    "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|"
    "景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|"
    "保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各"
)
_AUTONOMOUS = re.compile(rf"^(.{{2,}}?)(?:(?:{_ETHNIC})族?)+自治(州|县|旗)$")
_PROVINCE_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$")
_PREFECTURE_SUFFIX = re.compile(r"(?:市|地区|盟)$")
_COUNTY_SUFFIX = re.compile(r"(?:新区|林区|特区|市|区|县|旗)$")
# An ethnic district (民族区): 管城回族区, 梅里斯达斡尔族区 — notices write 管城区.
_ETHNIC_DISTRICT = re.compile(r"(\w{2,}?)(?:回族|达斡尔族)区")
HEADER = ("code", "name", "level", "kind", "parent", "province", "aliases", "short", "former", "generic")


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def parent_of(code: str, codes: set[str]) -> str:
    if code.endswith("0000"):
        return ""
    prefecture = code[:4] + "00"
    if not code.endswith("00") and prefecture in codes:
        return prefecture
    return code[:2] + "0000"


def kind_of(code: str, name: str) -> str:
    level = level_of(code)
    if level == "province":
        return "city" if name.endswith("市") else "province"
    if level == "prefecture":
        return "city" if name.endswith("市") else "prefecture"
    if name.endswith(("自治县", "自治旗")):
        return "autonomous_county"
    if name.endswith("市"):
        return "county_city"
    if name.endswith("区"):
        return "district"
    return "county"


def stem_of(name: str, level: str) -> str | None:
    """The name without its administrative suffix (武汉市 → 武汉), if two characters or more remain."""
    m = _AUTONOMOUS.match(name)
    if m:
        return m.group(1)
    m = _ETHNIC_DISTRICT.fullmatch(name) if level == "county" else None
    if m:
        return m.group(1)  # 管城回族区 → 管城
    suffix = {"province": _PROVINCE_SUFFIX, "prefecture": _PREFECTURE_SUFFIX, "county": _COUNTY_SUFFIX}[level]
    stem = suffix.sub("", name)
    return stem if len(stem) >= 2 and stem != name else None


def banner_abbreviation(name: str) -> str | None:
    """The short name a banner is written with: 土默特右旗 → 土右旗, 科尔沁左翼中旗 → 科左中旗, else None."""
    m = re.fullmatch(r"(\w)\w*?([左右])翼([前中后])旗", name)
    if m:
        return m[1] + m[2] + m[3] + "旗"
    m = re.fullmatch(r"(\w)\w{2,}?([左右前中后])旗", name)
    if m:
        return m[1] + m[2] + "旗"
    return None


def read_list(source: Path, year: int) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (source / f"{year}.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            code, name = line.split()
            out[code] = name
    return out


def read_forms(path: Path) -> dict[str, set[str]]:
    """``place_forms.tsv``: form → rules (``no_alias``, ``no_short``, ``generic``, ``province_short``)."""
    rules: dict[str, set[str]] = {}
    header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        rules.setdefault(cells[0], set()).add(cells[1])
    return rules


def successors(source: Path) -> dict[str, list[str]]:
    """code → successor codes (``新代码`` of result.csv, year annotations dropped)."""
    out: dict[str, list[str]] = {}
    with (source / "result.csv").open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            new = [re.sub(r"\[.*?\]", "", c).strip() for c in row["新代码"].split(";")]
            out.setdefault(row["代码"], [])
            out[row["代码"]] += [c for c in new if c and c != row["代码"]]
            changed = row["变更/弃用时间"]
            if changed and int(changed) >= YEARS[0]:
                out.setdefault(f"former:{row['代码']}", []).append(row["名称"])
    return out


def resolve(code: str, succ: dict[str, list[str]], current: dict[str, str], name: str) -> str | None:
    """The 2022 unit a former code became: the only successor, or the one keeping the name's stem."""
    if code in current:
        return code  # renamed, code kept (庐山区 360402 → 濂溪区 360402)
    seen = {code}
    frontier = [code]
    while frontier:
        now = [c for c in frontier if c in current and c != code]
        if now:
            if len(now) == 1:
                return now[0]
            stem = name[:2]
            keep = [c for c in now if current[c].startswith(stem)]
            return keep[0] if len(keep) == 1 else None
        frontier = [s for c in frontier for s in succ.get(c, []) if s not in seen]
        seen.update(frontier)
    return None


def build(source: Path, forms_path: Path = FORMS) -> str:
    lists = {y: read_list(source, y) for y in YEARS}
    current = lists[CURRENT]
    codes = set(current)
    rules = read_forms(forms_path)
    succ = successors(source)

    level = {c: level_of(c) for c in codes}
    parent = {c: parent_of(c, codes) for c in codes}
    # Former (code, name) pairs of 2016–2022: in an earlier list, or changed since 2016 per result.csv.
    former_pairs: dict[tuple[str, str], None] = {}
    for y in YEARS:
        for c, n in lists[y].items():
            if current.get(c) != n:
                former_pairs[(c, n)] = None
    for key, names in succ.items():
        if key.startswith("former:"):
            c = key[len("former:") :]
            for n in names:
                if current.get(c) != n:
                    former_pairs[(c, n)] = None
    former: dict[str, list[str]] = {c: [] for c in codes}
    for c, n in former_pairs:
        target = resolve(c, succ, current, n)
        if target is None or level[target] != level_of(c):
            continue
        # A former name another unit of the same parent now bears is that unit's, not a former name.
        if any(current[o] == n and parent[o] == parent[target] for o in codes):
            continue
        former[target].append(f"{n}@{c}")

    stems = {c: stem_of(n, level[c]) for c, n in current.items()}
    top_forms = {s for c, s in stems.items() if s and level[c] == "province"}
    county_stems: dict[str, list[str]] = {}
    for c, s in stems.items():
        if s and level[c] == "county":
            county_stems.setdefault(s, []).append(c)

    upper_names = {n for c, n in current.items() if level[c] != "county"}
    upper_names |= {s for c, s in stems.items() if s and level[c] != "county"}
    # A stem two units of one parent share (伊宁市, 伊宁县) names neither.
    per_parent = Counter((parent[c], s) for c, s in stems.items() if s and level[c] == "county")

    def ancestors(c: str) -> list[str]:
        out = []
        while parent[c]:
            c = parent[c]
            out.append(c)
        return out

    # Inner Mongolia's banners as notices abbreviate them: 土默特右旗 → 土右旗, 科尔沁右翼前旗 → 科右前旗;
    # only an abbreviation that one banner alone gives and that is no unit's name.
    abbreviations = Counter(a for c in codes if (a := banner_abbreviation(current[c])))
    all_names = set(current.values())
    # An autonomous county as notices write it: 昌江黎族自治县 → 昌江县 (only a form one county alone gives).
    autonomous_short = Counter(stems[c] + "县" for c in codes if current[c].endswith("自治县") and stems[c])

    rows = []
    for c in sorted(codes):
        name, lvl, stem = current[c], level[c], stems[c]
        aliases: list[str] = []
        abbr = banner_abbreviation(name)
        if abbr and abbreviations[abbr] == 1 and abbr not in all_names:
            aliases.append(abbr)
        short: list[str] = []
        if lvl == "province" and stem:
            aliases.append(stem)
            if name.endswith("特别行政区"):
                aliases.append(stem + "特区")  # 澳門特區51例 (中央社): the SAR's usual short name
            # 内蒙 for 内蒙古: a shorter form written for the one province whose stem begins with it.
            aliases += sorted(f for f, r in rules.items() if "province_short" in r and stem.startswith(f)
                              and sum(1 for o in codes if level[o] == "province" and (stems[o] or "").startswith(f)) == 1)
        elif lvl == "prefecture" and stem:
            if name.endswith("自治州"):
                aliases += [stem + "州", stem + "自治州"]  # 恩施州, 湘西自治州
            clash = stem in top_forms or "no_alias" in rules.get(stem, set())
            elsewhere = [o for o in county_stems.get(stem, []) if c not in ancestors(o)]
            # A provincial capital (code XX0100) is what its stem names, though a county elsewhere shares it
            # (西安 is 西安市, not 辽源's or 牡丹江's 西安区).
            capital = c.endswith("0100")
            if stem in top_forms:
                pass  # 吉林 is the province, 海南 the island province
            elif clash or (elsewhere and not capital) or name.endswith("自治州") or name.endswith(("地区", "盟")):
                short.append(stem)
            else:
                aliases.append(stem)
        elif lvl == "county" and stem:
            if name.endswith("自治县") and autonomous_short[stem + "县"] == 1 and stem + "县" not in all_names:
                aliases.append(stem + "县")  # 昌江县7例 in a Hainan notice
            if name.endswith("自治县") and autonomous_short[stem + "县"] == 1 and stem + "自治县" not in all_names:
                aliases.append(stem + "自治县")  # 遵义市务川自治县2例 in a Guizhou notice
            if _ETHNIC_DISTRICT.fullmatch(name) and stem + "区" not in all_names:
                aliases.append(stem + "区")  # 管城区1例 in a Zhengzhou press conference
            lineage_forms = {stems[a] for a in ancestors(c) if stems[a]} | {current[a] for a in ancestors(c)}
            if stem not in top_forms and stem not in lineage_forms and per_parent[(parent[c], stem)] == 1:
                if "no_short" not in rules.get(stem, set()):
                    short.append(stem)
                elif kind_of(c, name) in ("county", "county_city", "autonomous_county"):
                    # 文昌3例、万宁13例 in a Hainan notice: a county whose stem is a common word is a place only
                    # with a count right after it or in an enumeration of places ("=": counted only).
                    short.append(COUNTED + stem)
        generic = "yes" if ("generic" in rules.get(name, set()) or (lvl == "county" and len(name) == 2)) else "no"
        former_names = [
            f
            for f in former[c]
            if f.split("@")[0] not in (name, *aliases)
            and len(f.split("@")[0]) > 2  # 滦县, 任县 (担任县委书记): too short to match safely
            and "generic" not in rules.get(f.split("@")[0], set())
            and f.split("@")[0] not in upper_names  # 哈密市 (county-level until 2016) is the prefecture now
        ]
        rows.append(
            (c, name, lvl, kind_of(c, name), parent[c], c[:2] + "0000",
             "|".join(aliases), "|".join(short), "|".join(sorted(former_names)), generic)
        )
    head = [
        "# Every province-, prefecture- and county-level division of China as of 31 December 2022 (3,210 rows).",
        "# GENERATED by scripts/build_gazetteer.py — do not edit by hand; change the script or place_forms.tsv.",
        "# Sources:",
        "#   - 民政部《县级以上行政区划代码》2016–2022 lists and their code history (result.csv), as collected by",
        "#     yescallop/areacodes (CC0 1.0), copied unchanged to ../shared/data/areacodes.",
        "# Columns (tab-separated): code, name (full official name), level (province | prefecture | county),",
        "#   kind (see extract.models.AreaKind), parent (code of the enclosing unit; a unit directly under its",
        "#   province has the province's code), province (code of the province-level unit), aliases (forms that",
        "#   always mean this unit), short (bare short forms, places only in context; =文昌: only with a count",
        "#   after it or in an enumeration of places, a stem that is a common word), former (names of 2016–2022",
        "#   as name@old code, mapped to this successor), generic (yes: a common word or a name shared by many",
        "#   cities, 城区/郊区/范县, counted only with its city or province around it).",
        "\t".join(HEADER),
    ]
    return "\n".join(head + ["\t".join(r) for r in rows]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    args = parser.parse_args(argv)
    text = build(args.source)
    if args.check:
        same = args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} differs from a fresh build", file=sys.stderr)
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    rows = sum(1 for line in text.splitlines() if not line.startswith("#")) - 1  # less the header
    print(f"wrote {args.out} ({rows} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
