"""Exposure ladder: six to ten small steps toward what one has avoided, each with its expected distress
(SUDS 0-100, compared only within one person), put in order, with one step marked as the next to try."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import (
    AnswerPart,
    Exercise,
    WorksheetPart,
    bounded_text,
    items,
    markdown_table,
    numbers_summary,
    record,
    whole_number,
)

STEP = "Step"
STEP_SUDS = "Expected distress, 0-100"
ADD_STEP = "Add a step"
ADD_IDEA = "Add this idea as a step"
IDEAS = "Ideas you can use"
SORT = "Sort by expected distress"
MOVE_UP = "Move up"
MOVE_DOWN = "Move down"
REMOVE = "Remove"
NEXT = "The step I will try next"


@dataclass(frozen=True)
class ExposureLadder(Exercise):
    ideas: tuple[str, ...] = ()
    min_steps: int = 6
    max_steps: int = 10
    max_length: int = 200
    kind: ClassVar[str] = "exposure_ladder"
    fixed_texts: ClassVar[tuple[str, ...]] = (
        STEP,
        STEP_SUDS,
        ADD_STEP,
        ADD_IDEA,
        IDEAS,
        SORT,
        MOVE_UP,
        MOVE_DOWN,
        REMOVE,
        NEXT,
    )


    def check(self) -> None:
        super().check()
        if not 1 <= self.min_steps <= self.max_steps <= 20:
            raise ValueError("fields 'min_steps', 'max_steps': need 1 <= min_steps <= max_steps <= 20.")
        if any(len(idea) > self.max_length for idea in self.ideas):
            raise ValueError("field 'ideas': an idea is longer than 'max_length'.")

    def empty(self) -> dict[str, Any]:
        return {"steps": [], "next": None}

    def is_answered(self, value: Any) -> bool:
        return isinstance(value, dict) and any(s.get("text") for s in value.get("steps", []))

    def validate(self, value: Any) -> dict[str, Any]:
        if value is not None and not isinstance(value, dict):
            raise ValueError("A ladder has steps and the next step to try.")
        parts = record(value, ("steps", "next"), "A ladder")
        steps = []
        for n, step in enumerate(items(parts.get("steps"), self.max_steps, "The ladder's steps")):
            step = record(step, ("text", "suds"), f"Step {n + 1}")
            steps.append(
                {
                    "text": bounded_text(step.get("text"), self.max_length, f"Step {n + 1}"),
                    "suds": whole_number(step.get("suds"), 0, 100, f"Step {n + 1}'s expected distress"),
                }
            )
        following = whole_number(parts.get("next"), 0, max(len(steps) - 1, 0), "The next step")
        if following is not None and not steps:
            following = None
        return {"steps": steps, "next": following}

    def texts(self) -> list[str]:
        return [*super().texts(), *self.ideas]

    def step_texts(self, value: Any) -> list[str]:
        """The steps' descriptions, in ladder order (for a practice log that refers to this ladder)."""
        return [s["text"] for s in (value or {}).get("steps", []) if s.get("text")]

    def answer_parts(self) -> list[AnswerPart]:
        return [AnswerPart("steps", "The steps, in my words")]

    def part_texts(self, value: Any) -> dict[str, str]:
        lines = [f"{n + 1}. {s['text']}" for n, s in enumerate(value.get("steps", [])) if s.get("text")]
        return {"steps": "\n".join(lines)}

    def shown_markdown(self, value: Any) -> str | None:
        rows = [
            (n + 1, s["text"], s["suds"], "next to try" if value.get("next") == n else "")
            for n, s in enumerate(value.get("steps", []))
        ]
        if not rows:
            return "*(no steps yet)*"
        return markdown_table(("#", "Step", "Expected distress (0-100)", ""), rows)

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        counts = [len(v.get("steps", [])) for v in values if isinstance(v, dict)]
        suds = [s.get("suds") for v in values if isinstance(v, dict) for s in v.get("steps", [])]
        return {**super().summarize(values), "steps": numbers_summary(counts), "suds": numbers_summary(suds)}

    def worksheet(self) -> list[WorksheetPart]:
        note = f"{IDEAS}: " + " · ".join(self.ideas) if self.ideas else ""
        return [
            WorksheetPart("", columns=(STEP, STEP_SUDS), rows=self.max_steps, note=note),
            WorksheetPart(NEXT, lines=1),
        ]
