"""``--plot``: a line chart of the chosen daily series (matplotlib, the ``extract[plot]`` extra).

Chinese labels need a font with CJK glyphs; :func:`cjk_font` looks, in this order, for
Noto Sans CJK SC shipped inside the ``mplfonts`` package (installed by ``extract[plot]``),
then for a system font that fontconfig says covers Chinese (``fc-match :lang=zh-cn``, e.g.
Debian's ``fonts-noto-cjk``), then for any CJK font matplotlib already knows. Without one
the chart is still drawn, with a warning that Chinese labels will show as boxes.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import shutil
import subprocess
import sys
import warnings
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .api import MissingExtra

__all__ = ["cjk_font", "draw", "require_matplotlib"]

INSTALL_PLOT = "pip install 'extract[plot]'"
#: Font files looked for inside the mplfonts package, best first.
_PACKAGED_FONTS = ("NotoSansCJKsc-Regular.otf", "SourceHanSerifSC-Regular.otf", "NotoSerifCJKsc-Regular.otf")
#: Family names of CJK fonts matplotlib may already know (system fonts).
_KNOWN_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
                   "WenQuanYi Micro Hei", "AR PL UMing CN", "SimHei", "Microsoft YaHei", "PingFang SC")
_MAX_PANELS = 16
_MAX_LINES = 6


def require_matplotlib() -> None:
    """Raise :class:`MissingExtra` (saying how to install it) when matplotlib is missing."""
    if importlib.util.find_spec("matplotlib") is None:
        raise MissingExtra(f"--plot needs matplotlib, which is not installed: {INSTALL_PLOT}")


def _packaged_font() -> Path | None:
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for name in _PACKAGED_FONTS:
            path = Path(folder) / "fonts" / name
            if path.is_file():
                return path
    return None


def _fontconfig_font() -> Path | None:
    fc = shutil.which("fc-match")
    if fc is None:
        return None
    try:
        out = subprocess.run([fc, "-f", "%{file}\n%{lang}", ":lang=zh-cn"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    file, _, langs = out.partition("\n")
    # fc-match always answers with its best font, even one without Chinese: check that it covers zh-cn.
    if file and "zh-cn" in langs.split("|") and Path(file).is_file():
        return Path(file)
    return None


@functools.cache
def cjk_font() -> tuple[str, str] | None:
    """``(family, where)`` of a CJK font registered with matplotlib, or None (labels would be boxes)."""
    from matplotlib import font_manager

    for where, path in (("the mplfonts package", _packaged_font()), ("fontconfig", _fontconfig_font())):
        if path is not None:
            font_manager.fontManager.addfont(str(path))
            return font_manager.FontProperties(fname=str(path)).get_name(), f"{path} (from {where})"
    known = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    for family in _KNOWN_FAMILIES:
        if family in known:
            return family, f"{known[family]} (known to matplotlib)"
    return None


def _label(row: dict[str, Any], with_region: bool = False) -> str:
    scope = "" if row["scope"] == "unspecified" else f" {row['scope']}"
    measure = "" if row["measure"] == "new" else f" {row['measure']}"
    metric = row["label"] if row["metric"] == "other" and row.get("label") else row["metric"]
    return f"{row['region'] + ' ' if with_region else ''}{metric}{scope}{measure}"


def _pick_region(rows: Sequence[dict[str, Any]]) -> str | None:
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r["region"]] += 1
    return max(counts, key=lambda k: (counts[k], k)) if counts else None


def draw(rows: Sequence[dict[str, Any]], checks: Sequence[dict[str, Any]], path: Path, *, by: str | None = None,
         filters: Any = None) -> Path:
    """Draw the chosen (``daily``) rows into ``path`` (.png, .svg or .html: an SVG inside a page).

    One line per (metric, scope, measure), the six with most days; with ``by="region"`` one panel per region (the
    regions with most days first, at most 16). Marker size grows with the number of source
    articles and the count is written beside points stated by two or more; a red ring marks
    a conflict, a black cross a consistency warning, a hollow marker a day known only by a window.
    """
    require_matplotlib()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    font = cjk_font()
    if font is None:
        print("extract series: no CJK font found; Chinese labels will show as boxes "
              f"({INSTALL_PLOT} brings Noto Sans CJK SC, or install Debian's fonts-noto-cjk)", file=sys.stderr)
    else:
        matplotlib.rcParams["font.family"] = [font[0], "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False

    daily = [r for r in rows if r["daily"]]
    if not (filters and filters.metrics):  # `other` (重症, 疑似 …) only when asked for with --metric other
        daily = [r for r in daily if r["metric"] != "other"]
    if by == "region":
        counts: dict[str, int] = defaultdict(int)
        for r in daily:
            counts[r["region"]] += 1
        regions = sorted(counts, key=lambda k: (-counts[k], k))[:_MAX_PANELS]
    elif filters and filters.regions:
        regions = sorted({r["region"] for r in daily})  # one panel, one line per region and metric
    else:
        regions = [r for r in [_pick_region(daily)] if r]  # the region with most days
    warned = {(c["date"], c["region"], c["metric"], c["scope"], c["measure"], c["period"]) for c in checks}

    n = max(1, len(regions) if by == "region" else 1)
    cols = min(4, n)
    nrows = (n + cols - 1) // cols
    fig, axes = plt.subplots(nrows, cols, figsize=(5.2 * cols if n > 1 else 11, 3.6 * nrows if n > 1 else 5.5),
                             squeeze=False, sharex=True)
    panels = [[r] for r in regions] if by == "region" else [regions]
    for ax, panel in zip(axes.flat, panels):
        _panel(ax, [r for r in daily if r["region"] in panel], warned, small=n > 1)
        if by == "region":
            ax.set_title("、".join(panel) if panel else "(no data)", fontsize=11)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    for ax in list(axes.flat)[len(panels):]:
        ax.set_visible(False)
    if not daily:
        axes.flat[0].text(0.5, 0.5, "no dated figures", ha="center", va="center", transform=axes.flat[0].transAxes)
    title = "每日数字（合并各文章来源） consolidated daily series"
    fig.suptitle(title if by == "region" else f"{title} — {'、'.join(regions)}", fontsize=13)
    fig.text(0.5, 0.005, "marker size = number of source articles (number shown when ≥ 2) · red ring = conflicting "
             "values (chosen one drawn) · × = consistency warning · hollow = only a part-day window · "
             "▲ = not exact (超过/约)",
             ha="center", fontsize=8, color="#444")
    fig.tight_layout(rect=(0, 0.03, 1, 0.95))
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing-glyph warnings are reported once above
        if suffix == ".html":
            import io

            buf = io.StringIO()
            fig.savefig(buf, format="svg")
            path.write_text(f"<!doctype html><meta charset=utf-8><title>{title}</title>\n{buf.getvalue()}\n",
                            encoding="utf-8")
        else:
            fig.savefig(path, dpi=130)
    plt.close(fig)
    return path


def _panel(ax: Any, rows: Sequence[dict[str, Any]], warned: set[tuple[Any, ...]], *, small: bool) -> None:
    lines: dict[str, list[dict[str, Any]]] = defaultdict(list)
    several = len({r["region"] for r in rows}) > 1
    for r in rows:
        lines[_label(r, several)].append(r)
    # The series with most days first; more than _MAX_LINES would be unreadable (filter with --metric).
    ordered = sorted(lines.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:_MAX_LINES]
    for i, (label, pts) in enumerate(ordered):
        pts.sort(key=lambda r: r["date"])
        xs: list[Any] = []
        ys: list[float] = []
        for r in pts:  # a missing day breaks the line rather than drawing a trend through it
            if xs and (r["date"] - xs[-1]).days > 1:
                xs.append(xs[-1] + dt.timedelta(days=1))
                ys.append(float("nan"))
            xs.append(r["date"])
            ys.append(r["value"])
        color = f"C{i}"  # explicit: the markers drawn below must not advance the colour cycle
        ax.plot(xs, ys, "-", lw=1.4, label=label, alpha=0.85, color=color)
        for r in pts:
            full = r["period"] == "day"
            size = 4 + 3 * min(r["n_articles"], 6)
            shape = "o" if r["qualifier"] == "exact" else "^"  # ^: 超过/约/上千, not an exact figure
            ax.plot(r["date"], r["value"], shape, ms=size, color=color, mfc=color if full else "white", mew=1.2)
            if r["status"] == "conflict":
                ax.plot(r["date"], r["value"], "o", ms=size + 4, mfc="none", mec="red", mew=1.3)
            if (r["date"], r["region"], r["metric"], r["scope"], r["measure"], r["period"]) in warned:
                ax.plot(r["date"], r["value"], "x", ms=size + 2, color="black", mew=1.6)
            if r["n_articles"] >= 2:
                ax.annotate(str(r["n_articles"]), (r["date"], r["value"]), textcoords="offset points",
                            xytext=(5, 5), fontsize=7 if small else 8, color=color)
    ax.grid(True, alpha=0.3)
    if lines:
        if small:
            ax.legend(fontsize=7, loc="best")
        else:
            ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
