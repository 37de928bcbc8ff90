"""Practice log: entries added over several days, each about one step of the participant's ladder, with a
chart of predicted likelihood against what happened (inline SVG with a text alternative, readable in black
and white: filled circles for the prediction, open squares for the outcome)."""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.controls import WIDE, hundred, intro, set_choice, text_area, text_line
from widgets.registry import register
from workshop.kinds import practice_log as pl
from workshop.text import html_literal


def chart_svg(points: list[tuple[int, int | None, int | None]]) -> str:
    """Predicted likelihood (filled circles) and what happened (open squares), entry by entry, 0-100."""
    if not points:
        return ""
    # Drawn at its natural size (a phone's width holds four entries unscaled, so its numbers stay legible);
    # more entries make it wider, and the page scales it down to fit (max-width: 100%). The key is HTML
    # under it, where it can wrap.
    width, height, left, top, bottom = max(260, 60 + 56 * len(points)), 176, 44, 12, 150
    scale = (bottom - top) / 100

    def y(value: int) -> float:
        return bottom - value * scale

    parts = [
        f"<svg role='img' aria-labelledby='ws-log-chart-title' width='{width}' height='{height}' viewBox='0 0 {width} {height}'"
        " xmlns='http://www.w3.org/2000/svg' class='ws-log-chart'>",
        "<title id='ws-log-chart-title'>Predicted likelihood and what happened, entry by entry</title>",
    ]
    for tick in (0, 50, 100):
        parts.append(
            f"<line x1='{left}' x2='{width - 8}' y1='{y(tick)}' y2='{y(tick)}' stroke='#bbb' stroke-dasharray='3 3'/>"
        )
        parts.append(f"<text x='{left - 6}' y='{y(tick) + 4}' text-anchor='end' font-size='13'>{tick}</text>")
    for n, predicted, happened in points:
        x = left + 24 + 56 * (n - 1)
        parts.append(f"<text x='{x}' y='{bottom + 18}' text-anchor='middle' font-size='13'>{n}</text>")
        if predicted is not None:
            parts.append(f"<circle cx='{x - 6}' cy='{y(predicted)}' r='5' fill='#222'/>")
        if happened is not None:
            parts.append(
                f"<rect x='{x + 1}' y='{y(happened) - 5}' width='10' height='10' fill='white' stroke='#222' stroke-width='2'/>"
            )
    parts.append("</svg>")
    parts.append(
        "<p class='ws-chart-key'>Along the bottom: entry number. ● predicted likelihood · □ what happened "
        "(yes 100, partly 50, no 0)</p>"
    )
    return "".join(parts)


def chart_text(points: list[tuple[int, int | None, int | None]]) -> str:
    happened_words = {100: "yes", 50: "partly", 0: "no"}
    lines = [
        f"<li>Entry {n}: predicted {'not rated' if p is None else f'{p}%'}; "
        f"feared outcome happened: {'not said' if h is None else happened_words[h]}.</li>"
        for n, p, h in points
    ]
    return f"<ul class='ws-chart-text'>{''.join(lines)}</ul>"


@register("practice_log")
class PracticeLogWidget(ExerciseWidget):
    kind = "practice_log"
    exercise: pl.PracticeLog

    def build_controls(self) -> list[w.Widget]:
        self.entries: list[dict[str, Any]] = []
        self._building = False
        self.rows = w.VBox()
        self.add = w.Button(description=pl.ADD_ENTRY)
        self.add.on_click(lambda _b: self._add_entry())
        self.chart = w.HTML()
        self.chart.add_class("ws-log-chart-box")
        controls: list[w.Widget] = [intro(self.exercise.prompt, self.exercise.help)]
        return [*controls, self.rows, self.add, self.chart]

    def ladder_steps(self) -> list[str]:
        earlier = self.earlier_answer(self.exercise.ladder)
        if earlier is None or not hasattr(earlier[0], "step_texts"):
            return []
        ladder, value = earlier
        return ladder.step_texts(value)

    def _add_entry(self) -> None:
        if len(self.entries) >= self.exercise.max_entries:
            self.message = f"This log holds up to {self.exercise.max_entries} entries."
            return
        self.entries.append(pl.PracticeLog.empty_entry(date.today().isoformat()))
        self._rebuild()
        self._changed()

    def _entry_box(self, n: int, entry: dict[str, Any], steps: list[str]) -> w.VBox:
        label = f"Entry {n + 1}"
        fields: dict[str, w.Widget] = {
            "step": w.Combobox(description=f"{label}: {pl.LABELS['step']}", options=steps, ensure_option=False, style=WIDE, layout={"width": "100%"}),
            "date": text_line(f"{label}: {pl.LABELS['date']}", width="auto"),
            "prediction": text_area(f"{label}: {pl.LABELS['prediction']}", rows=2),
            "likelihood": hundred(f"{label}: {pl.LABELS['likelihood']}"),
            "distress_before": hundred(f"{label}: {pl.LABELS['distress_before']}"),
            "distress_peak": hundred(f"{label}: {pl.LABELS['distress_peak']}"),
            "feared": w.RadioButtons(
                options=[(word, key) for key, word in pl.FEARED.items()], value=None,
                description=f"{label}: {pl.LABELS['feared']}", style=WIDE,
            ),
            "happened": text_area(f"{label}: {pl.LABELS['happened']}", rows=2),
            "surprise": hundred(f"{label}: {pl.LABELS['surprise']}"),
            "learned": text_area(f"{label}: {pl.LABELS['learned']}", rows=2),
        }  # fmt: skip
        for key, field in fields.items():
            value = entry.get(key)
            if isinstance(field, w.Dropdown):
                set_choice(field, value)
            else:
                field.value = value if value is not None else ("" if not isinstance(field, w.RadioButtons) else None)
            field.observe(lambda change, n=n, key=key: self._edit(n, key, change["new"]), "value")
        box = w.VBox([w.HTML(f"<h4 class='ws-entry-title'>{html_literal(label)}</h4>"), *fields.values()])
        box.add_class("ws-log-entry")
        return box

    def _rebuild(self) -> None:
        self._building = True
        try:
            steps = self.ladder_steps()
            self.rows.children = [self._entry_box(n, e, steps) for n, e in enumerate(self.entries)]
        finally:
            self._building = False
        self._draw()

    def _draw(self) -> None:
        points = self.exercise.chart_points({"entries": self.entries})
        rated = [p for p in points if p[1] is not None or p[2] is not None]
        self.chart.value = (chart_svg(rated) + chart_text(rated)) if rated else ""

    def _edit(self, n: int, key: str, new: Any) -> None:
        if self._building or n >= len(self.entries):
            return
        self.entries[n][key] = new
        self._draw()
        self._changed()

    def _changed(self) -> None:
        self.set_value_from_controls({"entries": [dict(e) for e in self.entries]})

    def show_value(self, value: Any) -> None:
        self.entries = [dict(e) for e in value["entries"]]
        self._rebuild()
