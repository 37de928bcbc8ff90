"""Choice: a knowledge-check question answered with one labelled group of radio buttons.

Once an option is chosen, the explanation declared for that option appears under the question, right or
wrong. Words carry the verdict ("Right answer." / "Not the best answer."), never colour alone, and the
explanation sits in a polite live region so a screen reader reads it out when it changes.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.registry import register
from workshop.kinds.choice import Choice
from workshop.text import html_literal

RIGHT = "Right answer."
NOT_BEST = "Not the best answer."
TRY_AGAIN = "You can choose another answer if you like."


def feedback_html(exercise: Choice, chosen: int | None) -> str:
    """The verdict and the explanation for ``chosen`` (empty before an answer)."""
    if chosen is None:
        return ""
    explanation = html_literal(exercise.explanations[chosen])
    if exercise.is_correct(chosen):
        return f"<p><strong>{RIGHT}</strong> {explanation}</p>"
    return f"<p><strong>{NOT_BEST}</strong> {explanation} {TRY_AGAIN}</p>"


@register("choice")
class ChoiceWidget(ExerciseWidget):
    kind = "choice"
    exercise: Choice

    def build_controls(self) -> list[w.Widget]:
        # The prompt is the group's visible label; each radio button is labelled by its option text.
        self.control = w.RadioButtons(
            options=[(option, index) for index, option in enumerate(self.exercise.options)],
            value=None,
            description=self.exercise.prompt,
            style={"description_width": "initial"},
            layout={"width": "100%"},
        )
        self.control.add_class("ws-choice-options")
        self.control.observe(lambda change: self.set_value_from_controls(change["new"]), "value")
        # "ws-status" makes this a polite live region (workshop.js), so the explanation is read out.
        self.feedback = w.HTML()
        self.feedback.add_class("ws-explanation")
        self.feedback.add_class("ws-status")
        self.observe(self._show_feedback, "value")
        controls: list[w.Widget] = [self.control]
        if self.exercise.help:
            controls.append(w.HTML(f"<p class='ws-help'>{html_literal(self.exercise.help)}</p>"))
        return [*controls, self.feedback]

    def _show_feedback(self, change: dict[str, Any]) -> None:
        self.feedback.value = feedback_html(self.exercise, change["new"])

    def show_value(self, value: Any) -> None:
        self.control.value = value
        self.feedback.value = feedback_html(self.exercise, value)
