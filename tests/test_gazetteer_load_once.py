"""The gazetteer's load splits each generated row once (divisions.division_rows gives its cells split,
areas._division_area builds the area from them, areas.Gazetteer._lineages reuses a parent's lineage):
the areas, forms, lineages and error messages are those of the first way, which made a dict of each row,
joined its aliases and former codes into cells and split them again, and walked every lineage."""

from __future__ import annotations

from collections import Counter

import pytest

from extract.areas import _COLUMNS, Area, _short_forms, load_gazetteer, parse_gazetteer
from extract.divisions import DIVISION_COLUMNS
from extract.errors import ResourceError
from extract.resources import read_data, tsv_rows

GAZ = load_gazetteer()


def _first_division_rows(text: str, hand: list[dict[str, str]]) -> list[dict[str, str]]:
    """The generated rows as the first division_rows gave them (its id rules, its cells joined by |)."""
    rows = {row["code"]: row for _, row in tsv_rows(text, "divisions.tsv", DIVISION_COLUMNS)}
    hand_by_code = {r["code"]: r for r in hand if r.get("code")}
    hand_ids = {r["id"] for r in hand} | {f for r in hand for f in (r["name"], *r["aliases"].split("|")) if f}
    names = Counter(r["name"] for r in rows.values())
    ids: dict[str, str] = {}
    for code, row in rows.items():
        if code in hand_by_code:
            ids[code] = hand_by_code[code]["id"]
            continue
        name, parent = row["name"], rows.get(row["parent"])
        if names[name] == 1 and name not in hand_ids:
            ids[code] = name
        elif parent is not None and parent["code"] != row["province"]:
            ids[code] = parent["name"] + name
        else:
            ids[code] = rows[row["province"]]["name"] + name if row["province"] != code else name
    seen = Counter(ids.values())
    for code, key in ids.items():
        if seen[key] > 1:
            ids[code] = rows[rows[code]["province"]]["name"] + key
    out = []
    for code, row in rows.items():
        if code in hand_by_code:
            continue
        pairs = [f.split("@") for f in row["former"].split("|") if f]
        aliases = [a for a in row["aliases"].split("|") if a] + [n for n, _ in pairs]
        out.append({
            "id": ids[code], "name": row["name"], "code": code, "kind": row["kind"],
            "parent": ids[row["parent"]] if row["parent"] else "全国", "aliases": "|".join(dict.fromkeys(aliases)),
            "short": row["short"], "members": "", "report": "yes", "anchor": row["generic"], "level": row["level"],
            "former_codes": "|".join(c for _, c in pairs),
        })
    return out


def test_generated_areas_are_the_validated_rows_of_the_first_way() -> None:
    hand = [row for _, row in tsv_rows(read_data("gazetteer.tsv"), "gazetteer.tsv", _COLUMNS)]
    rows = _first_division_rows(read_data("divisions.tsv"), hand)
    towns = [row for _, row in tsv_rows(read_data("taiwan_townships.tsv"), "taiwan_townships.tsv", _COLUMNS)]
    assert len(rows) == len(GAZ.areas) - len(hand) - len(towns) > 3000
    for row in towns:  # Taiwan's townships: validated as the hand-made rows are
        assert GAZ.areas[row["id"]] == Area(**row)  # type: ignore[arg-type]
    for row in rows:
        area = GAZ.areas[row["id"]]
        expected = Area(**row)  # type: ignore[arg-type]
        assert area.__dict__ == expected.__dict__ and list(area.__dict__) == list(expected.__dict__)
        assert [type(v) for v in area.__dict__.values()] == [type(v) for v in expected.__dict__.values()]
        assert area.model_fields_set == set(Area.model_fields)
    counted = {x[1:] for _, row in [(0, r) for r in [*hand, *towns]] + [(0, r) for r in rows]
               for x in row["short"].split("|") if x.startswith("=")}
    plain = {x for r in [*hand, *rows, *towns] for x in r["short"].split("|") if x and not x.startswith("=")}
    assert GAZ.counted == frozenset(counted - plain)


def test_lineages_are_the_walks_up_the_parents() -> None:
    for area in GAZ.areas.values():
        assert GAZ.ancestors(area) == GAZ._lineage(area)
    # A unit listed before its parent, and a chain longer than the bound (a cycle), are walked.
    header = "\t".join(_COLUMNS) + "\n"
    rows = "c\tc\t\tdistrict\tb\t\t\t\tyes\tno\nb\tb\t\tcity\ta\t\t\t\tyes\tno\na\ta\t\tcountry\t\t\t\t\tyes\tno\n"
    gaz = parse_gazetteer(header + rows)
    assert [u.id for u in gaz.ancestors(gaz.areas["c"])] == ["b", "a"]
    cycle = "a\ta\t\tcity\tb\t\t\t\tyes\tno\nb\tb\t\tcity\ta\t\t\t\tyes\tno\n"
    with pytest.raises(ResourceError, match="gazetteer.tsv: a has a parent cycle"):
        parse_gazetteer(header + cycle)


@pytest.mark.parametrize("cell", ["", "=", "a", "=a", "a|b", "|a||=b|", "==a", "a|", "=文昌|东方"])
def test_short_forms_of_a_cell(cell: str) -> None:
    assert _short_forms(cell) == tuple(x.removeprefix("=") for x in cell.split("|") if x)


_DIVISIONS_HEADER = "\t".join(DIVISION_COLUMNS) + "\n"
_PROVINCE = "990000\t测试省\tprovince\tprovince\t\t990000\t\t测试\t\tno\n"


@pytest.mark.parametrize(("rows", "message"), [
    (_PROVINCE + "990100\t甲市\tprefecture\tcity\t990000\t990000\t\t\t\tno\n" + "990100\t乙市\tprefecture\tcity\t990000\t990000\t\t\t\tno\n",
     "divisions.tsv:4: duplicate code 990100"),
    (_PROVINCE + "990100\t甲市\tprefecture\tcity\t980000\t990000\t\t\t\tno\n", "divisions.tsv: 990100 refers to unknown code 980000"),
    (_PROVINCE + "990100\t甲市\tprefecture\tcity\t990000\n", "divisions.tsv:3: expected 10 columns, found 5"),
    (_PROVINCE + "990100\t甲市\tprefecture\tnation\t990000\t990000\t\t\t\tno\n",
     "divisions.tsv: bad row for 甲市: code 990100, kind nation, level prefecture"),
    (_PROVINCE + "99010x\t甲市\tprefecture\tcity\t990000\t990000\t\t\t\tno\n",
     "divisions.tsv: bad row for 甲市: code 99010x, kind city, level prefecture"),
    (_PROVINCE + "990100\t甲市\ttown\tcity\t990000\t990000\t\t\t\tno\n",
     "divisions.tsv: bad row for 甲市: code 990100, kind city, level town"),
    (_PROVINCE + "990100\t甲市\tprefecture\tcity\t990000\t990000\t\t\t\tmaybe\n", "divisions.tsv: bad row for 甲市"),
    # A clash of forms is told before a bad row after it, as each row was checked and indexed in turn.
    (_PROVINCE + "990100\t甲市\tprefecture\tcity\t990000\t990000\t\t甲\t\tno\n"
     + "990200\t乙市\tprefecture\tcity\t990000\t990000\t\t=甲\t\tno\n"
     + "990300\t丙市\tprefecture\tnation\t990000\t990000\t\t\t\tno\n",
     "divisions.tsv:0: form 甲 of 乙市 already names 甲市"),
])
def test_a_bad_generated_row_fails_as_before(rows: str, message: str) -> None:
    header = "\t".join(_COLUMNS) + "\n" + "全国\t全国\t\tcountry\t\t\t\t\tyes\tno\n"
    with pytest.raises(ResourceError) as raised:
        parse_gazetteer(header, divisions=_DIVISIONS_HEADER + rows)
    assert str(raised.value) == message


def test_unicode_digits_in_a_code_are_still_six_digits() -> None:
    # (the ASCII shortcut aside, the pattern decides: ６ is a \d of the regex module)
    header = "\t".join(_COLUMNS) + "\n" + "全国\t全国\t\tcountry\t\t\t\t\tyes\tno\n"
    gaz = parse_gazetteer(header, divisions=_DIVISIONS_HEADER + _PROVINCE.replace("990000", "99000６", 1).replace("\t990000\t", "\t99000６\t"))
    assert gaz.areas["测试省"].code == "99000６"
