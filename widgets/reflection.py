"""Reflection: free text, with its length limit shown as the participant types."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.registry import register
from workshop.kinds.reflection import Reflection
from workshop.text import html_literal


@register("reflection")
class ReflectionWidget(ExerciseWidget):
    kind = "reflection"
    exercise: Reflection

    def build_controls(self) -> list[w.Widget]:
        self.text = w.Textarea(
            description=self.exercise.prompt,
            placeholder=self.exercise.placeholder,
            rows=5,
            continuous_update=True,
            layout={"width": "100%"},
            style={"description_width": "initial"},
        )
        self.counter = w.HTML()
        self.counter.add_class("ws-counter")
        self.text.observe(self._on_text, "value")
        controls: list[w.Widget] = [self.text, self.counter]
        if self.exercise.help:
            help_text = w.HTML(f"<p class='ws-help'>{html_literal(self.exercise.help)}</p>")
            controls.insert(1, help_text)
        return controls

    def _on_text(self, change: dict[str, Any]) -> None:
        self._count(change["new"])
        self.set_value_from_controls(change["new"])

    def _count(self, text: str) -> None:
        limit = self.exercise.max_length
        over = " (too long to save)" if len(text) > limit else ""
        self.counter.value = f"<span>{len(text):,} of {limit:,} characters{over}</span>"

    def show_value(self, value: Any) -> None:
        self.text.value = value or ""
        self._count(self.text.value)
