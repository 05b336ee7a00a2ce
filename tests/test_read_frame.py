"""extract.read_frame(): output files as DataFrames with the documented dtypes (codes stay strings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

import extract  # noqa: E402
from extract.cli import main  # noqa: E402

TEXT = (
    "重庆新增确诊病例11例\n"
    "2022年12月1日0—24时,重庆市新增本土确诊病例11例,其中渝中区2例、江北区1例。"
)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("frame")
    (root / "in").mkdir()
    (root / "in" / "001.txt").write_text(TEXT, encoding="utf-8")
    (root / "in" / "002.jsonl").write_text(
        json.dumps({"id": "007", "content": TEXT, "pub_time": "2022-12-02 10:26:00+08:00"}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main([str(root / "in"), "--out", str(root / "out")]) == 0
    return root / "out"


def test_codes_and_ids_stay_strings(out: Path) -> None:
    cases = extract.read_frame(out, "case_counts")
    assert str(cases["region_code"].dtype) == "string"
    assert set(cases["region_code"].dropna()) >= {"500000", "500103", "500105"}
    assert cases["value"].dtype == "Int64"
    districts = extract.read_frame(out, "districts.jsonl")
    assert str(districts["code"].dtype) == "string" and "500103" in set(districts["code"].dropna())
    arts = extract.read_frame(out, "articles")
    assert sorted(arts["article_id"]) == ["001", "007"]  # "007" keeps its zeros
    # what pandas does alone, and why the helper exists
    raw = pd.read_json(out / "case_counts.jsonl", lines=True)
    assert raw["region_code"].dtype != object


def test_dates_are_parsed(out: Path) -> None:
    cases = extract.read_frame(out, "case_counts")
    assert str(cases["date"].dtype) == "datetime64[ns]"
    assert pd.Timestamp("2022-12-01") in set(cases["date"].dropna())
    arts = extract.read_frame(out, "articles").set_index("article_id")
    assert str(arts["published"].dtype) == "datetime64[ns]"
    assert arts.loc["007", "published"] == pd.Timestamp("2022-12-02")
    assert str(arts["published_at"].dtype) == "datetime64[ns, Asia/Shanghai]"
    assert arts.loc["007", "published_at"] == pd.Timestamp("2022-12-02 10:26", tz="Asia/Shanghai")
    assert pd.isna(arts.loc["001", "published_at"])
    assert isinstance(extract.read_frame(out, "case_counts")["evidence"].iloc[0], dict)


def test_an_empty_file_has_every_column(out: Path) -> None:
    errors = extract.read_frame(out, "errors")
    assert errors.empty
    assert list(errors.columns) == ["record_id", "source", "article_id", "error", "message"]
    assert all(str(t) == "string" for t in errors.dtypes)
    meetings = extract.read_frame(out, "meetings")
    assert meetings.empty and str(meetings["date"].dtype) == "datetime64[ns]" and meetings["ordinal"].dtype == "Int64"


def test_bad_names_and_files(out: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown output file"):
        extract.read_frame(out, "cases")
    with pytest.raises(FileNotFoundError):
        extract.read_frame(tmp_path, "articles")
    (tmp_path / "officials.jsonl").write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a JSON object"):
        extract.read_frame(tmp_path, "officials")
