"""The dashboard's charts: matplotlib drawn to inline SVG (nothing fetched, works offline inside Voila).

Readable in black and white: the two things compared in a chart differ by fill and hatching and by marker
shape (filled circle against open square), never by colour alone, and every bar or point carries its number.
Text stays text in the SVG (``svg.fonttype: none``): it uses the browser's own fonts, is found by a search in
the page and read by screen readers. Each chart is an image with a short label; the same figures are always
in a table or list beside it, which is the text alternative.

matplotlib is imported when the first chart is drawn: participants' pages never pay for it.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

INK = "#111111"
GREY = "#6b6b6b"
LIGHT = "#d9d9d9"
RC = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"],
    "font.size": 11,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "text.color": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "hatch.color": INK,
    "hatch.linewidth": 1.0,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True)
class Pair:
    """One row of a paired chart: two numbers on the same scale (either may be missing)."""

    label: str
    first: float | None
    second: float | None
    bold: bool = False  # a group mean among the individual rows


WIDTH_IN = 7.5
# Margins set by hand from the labels' length: matplotlib's "tight" layout measures every text twice and
# doubled the drawing time.
CHAR_IN = 0.092  # about one character of 11 pt sans-serif
ROW_IN = 0.5
TOP_IN = 0.45  # the legend
BOTTOM_IN = 0.45  # the axis and its numbers


def _figure(rows: Sequence[Pair], row_in: float, right_in: float) -> Any:
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    height = TOP_IN + BOTTOM_IN + row_in * max(1, len(rows))
    figure = Figure(figsize=(WIDTH_IN, height), dpi=72)
    FigureCanvasSVG(figure)
    left = 0.15 + CHAR_IN * max((len(r.label) * (1.1 if r.bold else 1.0) for r in rows), default=4)
    figure.subplots_adjust(
        left=min(left / WIDTH_IN, 0.6),
        right=1 - right_in / WIDTH_IN,
        top=1 - TOP_IN / height,
        bottom=BOTTOM_IN / height,
    )
    return figure


def _legend(figure: Any, handles: list[Any]) -> None:
    """The legend in the top margin, from the left edge: above the axes it could run off a narrow chart."""
    figure.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 1.0), ncols=2, frameon=False)


def warm_up() -> None:
    """Import matplotlib and draw once (loads its fonts): a preheated kernel does this before anyone asks."""
    paired_bars([Pair("warm-up", 1, 2)], first="a", second="b", low=0, high=10, label="warm-up", name="warm-up")


def _ticks_within(axes: Any, low: float, high: float) -> None:
    """Ticks only on the scale itself (the room to the right is for the numbers)."""
    axes.set_xticks([tick for tick in axes.get_xticks() if low <= tick <= high])


def to_svg(figure: Any, label: str, name: str) -> str:
    """The figure as an inline <svg> that scales with the page, marked as an image named ``label``.

    ``name`` salts the ids matplotlib writes (clip paths, markers), so charts on one page never share one."""
    import matplotlib

    with matplotlib.rc_context({**RC, "svg.hashsalt": name}):
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    svg = out.getvalue()
    svg = svg[svg.index("<svg") :]  # no XML declaration or DOCTYPE inside HTML
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
    svg = re.sub(
        r"<svg ([^>]*?)width=\"([\d.]+)pt\" height=\"([\d.]+)pt\"",
        lambda m: f'<svg {m.group(1)}style="width:100%;max-width:{float(m.group(2)) * 1.333:.0f}px;height:auto"',
        svg,
        count=1,
    )
    # Every id gets the chart's name in front (matplotlib numbers its groups figure_1, axes_1... in each chart),
    # and so does every reference to one, so that ids stay unique on a page of several charts.
    prefix = "ws-chart-" + re.sub(r"[^A-Za-z0-9_-]", "-", name)
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    svg = re.sub(r'(href="#|url\(#)([^")]+)', lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label, quote=True)}" ', 1)


def paired_bars(
    rows: Sequence[Pair],
    *,
    first: str,
    second: str,
    low: float,
    high: float,
    unit: str = "",
    label: str,
    name: str,
    digits: int = 0,
) -> str:
    """Two horizontal bars per row: ``first`` solid dark grey, ``second`` white with black hatching."""
    import matplotlib

    with matplotlib.rc_context(RC):
        figure = _figure(rows, ROW_IN, 0.1)
        axes = figure.add_subplot()
        bar = 0.38
        for n, row in enumerate(reversed(rows)):
            for offset, value, style in (
                (bar / 2, row.first, {"color": "#3a3a3a", "edgecolor": INK}),
                (-bar / 2, row.second, {"color": "white", "edgecolor": INK, "hatch": "///"}),
            ):
                if value is None:
                    axes.text(low, n + offset, "  not given", va="center", fontsize=9, color=GREY)
                    continue
                axes.barh(n + offset, value - low, left=low, height=bar, linewidth=1, **style)
                axes.text(value, n + offset, f" {value:.{digits}f}{unit}", va="center", fontsize=10)
        axes.set_yticks(range(len(rows)), [r.label for r in reversed(rows)])
        for tick, row in zip(axes.get_yticklabels(), reversed(rows), strict=True):
            if row.bold:
                tick.set_fontweight("bold")
        axes.set_xlim(low, high + (high - low) * 0.15)
        _ticks_within(axes, low, high)
        axes.set_ylim(-0.6, len(rows) - 0.4)
        axes.xaxis.grid(True, color=LIGHT, linestyle="--", linewidth=0.8)
        axes.set_axisbelow(True)
        handles = [
            matplotlib.patches.Patch(facecolor="#3a3a3a", edgecolor=INK, label=first),
            matplotlib.patches.Patch(facecolor="white", edgecolor=INK, hatch="///", label=second),
        ]
        _legend(figure, handles)
        return to_svg(figure, label, name)


def start_and_end(
    rows: Sequence[Pair], *, low: float, high: float, label: str, name: str, digits: int = 0, unit: str = ""
) -> str:
    """Each row's start (filled circle) and end (open square) joined by a line: a person's own change."""
    import matplotlib
    from matplotlib.lines import Line2D

    with matplotlib.rc_context(RC):
        figure = _figure(rows, 0.36, 0.1)
        axes = figure.add_subplot()
        for n, row in enumerate(reversed(rows)):
            weight = 2.2 if row.bold else 1.2
            if row.first is not None and row.second is not None:
                axes.plot([row.first, row.second], [n, n], color=INK, linewidth=weight, zorder=1)
            if row.first is not None:
                axes.plot(row.first, n, "o", color=INK, markersize=8 if row.bold else 7, zorder=2)
            if row.second is not None:
                axes.plot(
                    row.second,
                    n,
                    "s",
                    markerfacecolor="white",
                    markeredgecolor=INK,
                    markeredgewidth=1.6,
                    markersize=8 if row.bold else 7,
                    zorder=3,
                )
            shown = [f"{v:.{digits}f}{unit}" if v is not None else "–" for v in (row.first, row.second)]
            axes.text(
                high + (high - low) * 0.03,
                n,
                f"{shown[0]} → {shown[1]}",
                va="center",
                fontsize=10,
                fontweight="bold" if row.bold else "normal",
            )
        axes.set_yticks(range(len(rows)), [r.label for r in reversed(rows)])
        for tick, row in zip(axes.get_yticklabels(), reversed(rows), strict=True):
            if row.bold:
                tick.set_fontweight("bold")
        axes.set_xlim(low - (high - low) * 0.02, high + (high - low) * 0.25)
        _ticks_within(axes, low, high)
        axes.set_ylim(-0.6, len(rows) - 0.4)
        axes.xaxis.grid(True, color=LIGHT, linestyle="--", linewidth=0.8)
        axes.set_axisbelow(True)
        handles = [
            Line2D([], [], marker="o", color=INK, linestyle="none", label="start (welcome)"),
            Line2D(
                [],
                [],
                marker="s",
                markerfacecolor="white",
                markeredgecolor=INK,
                linestyle="none",
                label="end (closing)",
            ),
        ]
        _legend(figure, handles)
        return to_svg(figure, label, name)
