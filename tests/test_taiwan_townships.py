"""Taiwan's township-level units (鄉/鎮/市/區): generated data, in sync with its script and source."""

from __future__ import annotations

import importlib.util
import sys
from importlib import resources
from pathlib import Path

from extract.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
GAZ = load_gazetteer()


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_taiwan", ROOT / "scripts" / "build_taiwan.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_taiwan"] = module
    spec.loader.exec_module(module)
    return module


def test_committed_townships_are_what_the_script_generates() -> None:
    fresh = _script().build()
    committed = resources.files("extract").joinpath("data/taiwan_townships.tsv").read_text(encoding="utf-8")
    assert committed == fresh, "run: python scripts/build_taiwan.py"


def test_every_township_of_the_taiwan_counties_is_there() -> None:
    towns = [a for a in GAZ.areas.values() if a.parent is not None and GAZ.areas[a.parent].parent == "台湾省"]
    # 368 townships less 金門縣's 6 and 連江縣's 4 (GB/T 2260 places those counties in Fujian).
    assert len(towns) == 358
    assert {a.kind for a in towns} == {"district", "county", "county_city"}
    assert all(a.code is None and a.anchor and a.report for a in towns)
    assert GAZ.areas["苗栗县头份市"].kind == "county_city" and GAZ.areas["苗栗县造桥乡"].short == ("造桥",)
    assert GAZ.areas["新北市三重区"].short == ("三重",) and "三重" in GAZ.counted
    # Names that are a mainland unit's, or its short form, or generic, have no short form of their own.
    for town in ("台北市中山区", "新北市泰山区", "新北市金山区", "台中市东区", "苗栗县苗栗市", "宜兰县大同乡"):
        assert GAZ.areas[town].short == (), town
    # A mainland unit stays the first reading of a shared name.
    assert GAZ.by_form["中山区"].code is not None and GAZ.by_form["泰山区"].code == "370902"
