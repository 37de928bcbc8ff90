"""Claim sort: one labelled radio group per claim; once placed, what the research says is shown in words."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.controls import WIDE, intro, option_grid
from widgets.registry import register
from workshop.kinds.claim_sort import Claim, ClaimSort
from workshop.text import html_literal


def explanation_html(claim: Claim, placed: str | None) -> str:
    """Words, not colour, carry the verdict; empty until the claim is placed."""
    if placed is None:
        return ""
    same = "You placed it there too." if placed == claim.answer else f"You placed it as: {placed}."
    return (
        f"<p><strong>{html_literal(claim.answer)}.</strong> {html_literal(same)} {html_literal(claim.explanation)}</p>"
    )


@register("claim_sort")
class ClaimSortWidget(ExerciseWidget):
    kind = "claim_sort"
    exercise: ClaimSort

    def build_controls(self) -> list[w.Widget]:
        controls: list[w.Widget] = [intro(self.exercise.prompt, self.exercise.help)]
        self.groups: list[w.RadioButtons] = []
        self.explanations: list[w.HTML] = []
        for n, claim in enumerate(self.exercise.claims):
            group = w.RadioButtons(
                options=list(self.exercise.categories), value=None, description=f"{n + 1}. {claim.text}", style=WIDE
            )
            group.add_class("ws-claim")
            option_grid(group)
            group.observe(lambda change, n=n: self._placed(n), "value")
            explanation = w.HTML()
            explanation.add_class("ws-explanation")
            explanation.add_class("ws-status")
            self.groups.append(group)
            self.explanations.append(explanation)
            controls += [group, explanation]
        return controls

    def _placed(self, n: int) -> None:
        self.explanations[n].value = explanation_html(self.exercise.claims[n], self.groups[n].value)
        self.set_value_from_controls([group.value for group in self.groups])

    def show_value(self, value: Any) -> None:
        for group, explanation, claim, placed in zip(
            self.groups, self.explanations, self.exercise.claims, value, strict=True
        ):
            group.value = placed
            explanation.value = explanation_html(claim, placed)
