"""Follow-up: last week's plan shown back, then how it went (0-10) and what was noticed. No blame words."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.controls import paragraph, scale_radios, text_area
from widgets.registry import register
from workshop.kinds.follow_up import HOW_ANCHORS, HOW_IT_WENT, LAST_TIME, NO_PLAN, NOTICED, FollowUp
from workshop.text import html_literal, markdown_to_html


@register("follow_up")
class FollowUpWidget(ExerciseWidget):
    kind = "follow_up"
    exercise: FollowUp

    def build_controls(self) -> list[w.Widget]:
        self.rating, legend = scale_radios(HOW_IT_WENT, list(range(11)), dict(HOW_ANCHORS))
        self.noticed = text_area(NOTICED)
        self.rating.observe(self._changed, "value")
        self.noticed.observe(self._changed, "value")
        controls: list[w.Widget] = [paragraph(self.exercise.prompt, "ws-prompt"), self._last_plan()]
        if self.exercise.help:
            controls.append(paragraph(self.exercise.help))
        return [*controls, self.rating, legend, self.noticed]

    def _last_plan(self) -> w.HTML:
        earlier = self.earlier_answer(self.exercise.plan)
        if earlier is None:
            view = w.HTML(f"<p>{html_literal(NO_PLAN)}</p>")
        else:
            plan, value = earlier
            view = w.HTML(
                f"<p><strong>{html_literal(LAST_TIME)}</strong></p>{markdown_to_html(plan.as_markdown(value))}"
            )
        view.add_class("ws-shown-back")
        return view

    def _changed(self, _change: dict[str, Any]) -> None:
        self.set_value_from_controls({"rating": self.rating.value, "noticed": self.noticed.value})

    def show_value(self, value: Any) -> None:
        self.rating.value = value["rating"]
        self.noticed.value = value["noticed"]
