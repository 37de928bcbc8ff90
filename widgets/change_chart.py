"""ChangeChart: the participant's own change from the welcome to the closing, in an inline SVG and in words.

Only the participant's own numbers: no cut-offs, no norms, no comparison with anyone else. The chart is
drawn here as SVG (nothing fetched), and every bar is also said in a sentence, which is what a screen reader
reads (the SVG itself is marked as an image with a summary label).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from workshop.measures import Change, changes
from workshop.text import html_literal

__all__ = ["Change", "ChangeChart", "changes", "chart_html", "svg_chart"]


BAR_WIDTH = 320
ROW_HEIGHT = 74


def svg_chart(items: list[Change]) -> str:
    """Two bars per measure (start: solid, end: striped), each labelled with its number."""
    height = ROW_HEIGHT * len(items) + 10
    label_x, bar_x = 8, 70
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{bar_x + BAR_WIDTH + 60}' height='{height}' role='img' "
        f"aria-label='Chart of your change from the start to the end of the workshop; the same figures are listed in words below.'>",
        "<defs><pattern id='ws-stripes' width='6' height='6' patternUnits='userSpaceOnUse' "
        "patternTransform='rotate(45)'><rect width='6' height='6' fill='#dbeafe'/>"
        "<rect width='3' height='6' fill='#1d4ed8'/></pattern></defs>",
    ]
    for row, item in enumerate(items):
        top = row * ROW_HEIGHT + 8
        parts.append(
            f"<text x='{label_x}' y='{top + 12}' font-size='14' font-weight='bold' fill='#111'>{html_literal(item.label)}</text>"
        )
        for offset, (name, value, fill) in enumerate(
            (("Start", item.start, "#1e3a8a"), ("End", item.end, "url(#ws-stripes)"))
        ):
            y = top + 20 + offset * 24
            parts.append(f"<text x='{label_x}' y='{y + 14}' font-size='13' fill='#111'>{name}</text>")
            parts.append(f"<rect x='{bar_x}' y='{y}' width='{BAR_WIDTH}' height='18' fill='none' stroke='#6b7280'/>")
            if value is None:
                parts.append(f"<text x='{bar_x + 6}' y='{y + 14}' font-size='13' fill='#111'>not answered</text>")
                continue
            share = (float(value) - item.low) / (item.high - item.low)
            width = max(2.0, share * BAR_WIDTH)
            shown = f"{value:.1f}" if item.high <= 5 else f"{value:.0f}"
            parts.append(f"<rect x='{bar_x}' y='{y}' width='{width:.1f}' height='18' fill='{fill}' stroke='#1e3a8a'/>")
            parts.append(f"<text x='{bar_x + BAR_WIDTH + 8}' y='{y + 14}' font-size='13' fill='#111'>{shown}</text>")
    parts.append("</svg>")
    return "".join(parts)


def chart_html(welcome: dict[str, Any], closing: dict[str, Any]) -> str:
    items = changes(welcome, closing)
    if all(i.start is None and i.end is None for i in items):
        return (
            "<p>There is nothing to compare yet. Your chart appears here once you have answered the questions "
            "at the start of the workshop (the welcome) and again here.</p>"
        )
    sentences = "".join(f"<li>{html_literal(i.sentence())}</li>" for i in items)
    return (
        "<figure class='ws-change-chart'>"
        f"{svg_chart(items)}"
        "<figcaption><p>Your own answers, at the start and at the end. Solid bars are the start; striped bars "
        "are the end. Numbers go up and down for many reasons, and any change is yours to make sense of.</p>"
        f"<ul>{sentences}</ul></figcaption></figure>"
    )


class ChangeChart(w.VBox):
    """Shows the chart for the page's participant, and redraws it on request after new answers."""

    def __init__(self, page: Any, **kwargs: Any) -> None:
        self.page = page
        self.view = w.HTML()
        self.view.add_class("ws-status")
        self.refresh_button = w.Button(description="Update my chart", layout={"width": "auto"})
        self.refresh_button.on_click(lambda _button: self.refresh())
        super().__init__(children=[self.refresh_button, self.view], **kwargs)
        self.add_class("ws-chart")
        self.refresh()

    def refresh(self) -> None:
        closing = self.page.answers()
        if not self.page.participant:
            self.view.value = (
                "<p>In practice mode nothing is stored, so there is no start to compare with. "
                "Start or resume with your code on the start page to see your own chart.</p>"
            )
            return
        welcome = self.page.store.latest_answers(self.page.participant, "welcome.")
        self.view.value = chart_html(welcome, closing)
