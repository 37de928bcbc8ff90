"""Letter: a long text with guiding questions beside it, and a "not today" choice that is kept."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.controls import bullet_list, paragraph, text_area
from widgets.registry import register
from workshop.kinds.letter import GUIDES, Letter


@register("letter")
class LetterWidget(ExerciseWidget):
    kind = "letter"
    exercise: Letter

    def build_controls(self) -> list[w.Widget]:
        controls: list[w.Widget] = []
        if self.exercise.help:
            controls.append(paragraph(self.exercise.help))
        if self.exercise.guides:
            controls.append(bullet_list(GUIDES, self.exercise.guides))
        self.text = text_area(self.exercise.prompt, rows=10)
        self.counter = w.HTML()
        self.counter.add_class("ws-counter")
        self.not_today = w.Checkbox(description=self.exercise.not_today_label, indent=False, layout={"width": "auto"})
        self.text.observe(self._changed, "value")
        self.not_today.observe(self._changed, "value")
        return [*controls, self.text, self.counter, self.not_today]

    def _changed(self, _change: dict[str, Any]) -> None:
        self.counter.value = f"<span>{len(self.text.value):,} of {self.exercise.max_length:,} characters</span>"
        self.set_value_from_controls({"text": self.text.value, "not_today": self.not_today.value})

    def show_value(self, value: Any) -> None:
        self.text.value = value["text"]
        self.not_today.value = value["not_today"]
        self.counter.value = f"<span>{len(self.text.value):,} of {self.exercise.max_length:,} characters</span>"
