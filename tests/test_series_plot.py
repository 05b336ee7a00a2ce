"""``extract series --plot``: the chart is drawn, and Chinese labels have a font with their glyphs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("duckdb", reason="the series step needs the extract[series] extra")
pytest.importorskip("matplotlib", reason="--plot needs the extract[plot] extra")

import extract  # noqa: E402
from extract.cli import main as cli_main  # noqa: E402
from extract.series.api import MissingExtra  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "out"


@pytest.mark.parametrize(("name", "by", "magic"), [("chart.png", None, b"\x89PNG"), ("chart.svg", "region", b"<?xml"),
                                                   ("chart.html", None, b"<!doctype html>")])
def test_plot_is_written(tmp_path, name, by, magic):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    result = extract.series(SAMPLE, out=tmp_path, plot=path, by=by)
    assert result.files["plot"] == path
    assert path.read_bytes().startswith(magic)
    if name.endswith(("svg", "html")):
        assert "重庆市" in path.read_text(encoding="utf-8")  # matplotlib writes each text beside its glyphs


def test_cjk_font_has_the_glyphs_of_the_labels() -> None:
    from matplotlib.ft2font import FT2Font
    from matplotlib import font_manager

    from extract.series.plot import cjk_font

    found = cjk_font()
    if found is None:
        pytest.skip("no CJK font installed (pip install 'extract[plot]' or Debian fonts-noto-cjk)")
    path = font_manager.findfont(font_manager.FontProperties(family=found[0]), fallback_to_default=False)
    font = FT2Font(path)
    assert all(font.get_char_index(ord(ch)) for ch in "重庆市沙坪坝区两江新区确诊每日数字"), path


def test_missing_matplotlib_says_how_to_install_it(monkeypatch, tmp_path, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == "matplotlib" else real(n, *a))
    with pytest.raises(MissingExtra, match=r"pip install 'extract\[plot\]'"):
        extract.series(SAMPLE, out=tmp_path, plot=tmp_path / "x.png")
    assert cli_main(["series", str(SAMPLE), "--out", str(tmp_path), "--plot", str(tmp_path / "x.png")]) == 2
    assert "extract[plot]" in capsys.readouterr().err
