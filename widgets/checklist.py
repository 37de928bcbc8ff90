"""Checklist: tick any of the declared options, and add your own words under "Other"."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.controls import intro
from widgets.registry import register
from workshop.kinds.checklist import Checklist


@register("checklist")
class ChecklistWidget(ExerciseWidget):
    kind = "checklist"
    exercise: Checklist

    def build_controls(self) -> list[w.Widget]:
        # A heading names the group; each box is labelled by its own option text.
        heading = intro(self.exercise.prompt, self.exercise.help)
        self.boxes = [
            w.Checkbox(value=False, description=option, indent=False, layout={"width": "auto"})
            for option in self.exercise.options
        ]
        for box in self.boxes:
            box.observe(self._changed, "value")
        controls: list[w.Widget] = [heading, *self.boxes]
        if self.exercise.other:
            self.other = w.Text(
                description=self.exercise.other_label,
                layout={"width": "100%"},
                style={"description_width": "initial"},
            )
            self.other.observe(self._changed, "value")
            controls.append(self.other)
        return controls

    def _changed(self, _change: dict[str, Any]) -> None:
        selected = [box.description for box in self.boxes if box.value]
        other = self.other.value if self.exercise.other else ""
        self.set_value_from_controls({"selected": selected, "other": other})

    def show_value(self, value: Any) -> None:
        value = value or self.exercise.empty()
        for box in self.boxes:
            box.value = box.description in value["selected"]
        if self.exercise.other:
            self.other.value = value.get("other", "")
