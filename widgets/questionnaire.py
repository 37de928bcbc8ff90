"""Questionnaire: a published scale, one labelled group of radio buttons per item.

Items may be skipped. The score appears only when every item is answered, with its range and what higher
means, and no cut-off or comparison with anyone: the closing module shows the participant's own change.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.controls import option_grid
from widgets.registry import register
from workshop.kinds.questionnaire import Questionnaire
from workshop.measures import score_if_complete
from workshop.text import html_literal

MEANING = {
    "rses": "Higher means you feel better about yourself.",
    "scs-sf": "Higher means you treat yourself with more kindness in hard times.",
}


def score_text(measure_id: str, score: float | None, answered: int, total: int) -> str:
    """Plain words about the score, or about how many items are left."""
    if score is None:
        return f"{answered} of {total} answered. You can skip any item; a score is shown only when all are answered."
    shown = f"{score:.0f}" if measure_id == "rses" else f"{score:.1f}"
    low, high = (0, 30) if measure_id == "rses" else (1, 5)
    return (
        f"All {total} answered. Your score is {shown}, on a scale from {low} to {high}. {MEANING[measure_id]} "
        "There is no pass mark. At the end of the workshop you can compare it with your own later answers."
    )


@register("questionnaire")
class QuestionnaireWidget(ExerciseWidget):
    kind = "questionnaire"
    exercise: Questionnaire

    def build_controls(self) -> list[w.Widget]:
        scale = self.exercise.scale
        intro = [f"<p class='ws-prompt'>{html_literal(self.exercise.prompt)}</p>"]
        if scale.title:
            intro.append(f"<p class='ws-scale-title'>{html_literal(scale.title)}</p>")
        intro.append(f"<p class='ws-help'>{html_literal(self.exercise.help or scale.instructions)}</p>")
        self.items: list[w.RadioButtons] = []
        for item in scale.items:
            radio = w.RadioButtons(
                options=[(option.label, option.value) for option in scale.options],
                value=None,
                description=f"{item.n}. {item.text}",
                style={"description_width": "initial"},
                layout={"width": "100%"},
            )
            radio.add_class("ws-questionnaire-item")
            option_grid(radio)
            radio.observe(self._on_item, "value")
            self.items.append(radio)
        self.clear = w.Button(description="Clear my answers to this questionnaire", layout={"width": "auto"})
        self.clear.on_click(lambda _button: self._clear())
        self.summary = w.HTML()
        self.summary.add_class("ws-status")
        source = w.HTML(f"<p class='ws-source'>Source: {html_literal(scale.citation)}</p>")
        return [w.HTML("".join(intro)), *self.items, self.summary, self.clear, source]

    def _answers(self) -> list[int | None]:
        return [radio.value for radio in self.items]

    def _on_item(self, _change: dict[str, Any]) -> None:
        self._summarize()
        self.set_value_from_controls(self._answers())

    def _clear(self) -> None:
        for radio in self.items:
            radio.value = None

    def _summarize(self) -> None:
        answers = self._answers()
        answered = sum(a is not None for a in answers)
        score = score_if_complete(self.exercise.measure, answers)
        self.summary.value = f"<p>{html_literal(score_text(self.exercise.measure, score, answered, len(answers)))}</p>"

    def show_value(self, value: Any) -> None:
        for radio, answer in zip(self.items, value or self.exercise.empty(), strict=True):
            radio.value = answer
        self._summarize()
