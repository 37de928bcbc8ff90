"""Plan: what, when, where, what might get in the way and what I will do then, each its own labelled field."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.controls import bullet_list, intro, text_area
from widgets.registry import register
from workshop.kinds.plan import PLAN_PARTS, SUGGESTIONS, Plan


@register("plan")
class PlanWidget(ExerciseWidget):
    kind = "plan"
    exercise: Plan

    def build_controls(self) -> list[w.Widget]:
        controls: list[w.Widget] = [intro(self.exercise.prompt, self.exercise.help)]
        if self.exercise.suggestions:
            controls.append(bullet_list(SUGGESTIONS, self.exercise.suggestions))
        self.fields = {key: text_area(label, rows=2) for key, label in PLAN_PARTS}
        for field in self.fields.values():
            field.observe(self._changed, "value")
        return [*controls, *self.fields.values()]

    def _changed(self, _change: dict[str, Any]) -> None:
        self.set_value_from_controls({key: field.value for key, field in self.fields.items()})

    def show_value(self, value: Any) -> None:
        for key, field in self.fields.items():
            field.value = value[key]
