"""Rating: a whole number on a labelled scale.

Short scales (up to 11 points) are radio buttons, each labelled with its number and anchor word; long
scales such as distress 0-100 are a slider with the anchor words printed under it. Nothing is saved until
the participant chooses: an untouched slider is "not answered", not a zero."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.controls import scale_radios
from widgets.registry import register
from workshop.kinds.rating import Rating
from workshop.text import html_literal

RADIO_LIMIT = 11


@register("rating")
class RatingWidget(ExerciseWidget):
    kind = "rating"
    exercise: Rating

    @property
    def points(self) -> list[int]:
        return list(range(self.exercise.minimum, self.exercise.maximum + 1, self.exercise.step))

    def build_controls(self) -> list[w.Widget]:
        anchors = dict(self.exercise.anchors)
        controls: list[w.Widget] = []
        legend: list[w.Widget] = []
        if len(self.points) <= RADIO_LIMIT:
            self.control, words = scale_radios(self.exercise.prompt, self.points, anchors)
            legend.append(words)
        else:
            self.control = w.IntSlider(
                value=self.exercise.minimum,
                min=self.exercise.minimum,
                max=self.exercise.maximum,
                step=self.exercise.step,
                description=self.exercise.prompt,
                continuous_update=False,
                style={"description_width": "initial"},
                layout={"width": "100%", "max_width": "40rem"},
            )
            # Moving the slider saves; this button lets someone keep the starting value as their answer.
            # Shown and hidden below: its own layout, not the page's shared one.
            self.keep = w.Button(
                description="Save this rating", tooltip="Save the value the slider shows now", layout=w.Layout()
            )
            self.keep.on_click(lambda _button: self.set_value_from_controls(self.control.value))
            controls.append(self.keep)
            controls_note = "  ·  ".join(f"{p} = {html_literal(t)}" for p, t in sorted(anchors.items()))
            if controls_note:
                controls.append(w.HTML(f"<p class='ws-anchors'>{controls_note}</p>"))
        self.control.observe(lambda change: self.set_value_from_controls(change["new"]), "value")
        self.observe(self._show_keep, "value")
        if self.exercise.help:
            controls.insert(0, w.HTML(f"<p class='ws-help'>{html_literal(self.exercise.help)}</p>"))
        return [self.control, *legend, *controls]

    def _show_keep(self, _change: dict[str, Any] | None = None) -> None:
        if hasattr(self, "keep"):
            self.keep.layout.display = "none" if self.value is not None else None

    def show_value(self, value: Any) -> None:
        self._show_keep()
        if value is None:
            if isinstance(self.control, w.RadioButtons):
                self.control.value = None
            else:
                self.control.value = self.exercise.minimum
            return
        self.control.value = value
