"""Plan: a plan for the week (what, when, where, what might get in the way, what I will do then)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import AnswerPart, Exercise, WorksheetPart, bounded_text, record

PLAN_PARTS = (
    ("what", "What I will do"),
    ("when", "When"),
    ("where", "Where"),
    ("obstacle", "What might get in the way"),
    ("response", "What I will do then"),
)
PART_MAX_LENGTH = 500
SUGGESTIONS = "Ideas, if you want one"


@dataclass(frozen=True)
class Plan(Exercise):
    suggestions: tuple[str, ...] = ()
    kind: ClassVar[str] = "plan"
    fixed_texts: ClassVar[tuple[str, ...]] = (*(label for _, label in PLAN_PARTS), SUGGESTIONS)


    def empty(self) -> dict[str, str]:
        return {key: "" for key, _ in PLAN_PARTS}

    def is_answered(self, value: Any) -> bool:
        return isinstance(value, dict) and any(value.get(key) for key, _ in PLAN_PARTS)

    def validate(self, value: Any) -> dict[str, str]:
        if value is not None and not isinstance(value, dict):
            raise ValueError("A plan has the parts what, when, where and so on.")
        parts = record(value, [key for key, _ in PLAN_PARTS], "A plan")
        return {key: bounded_text(parts.get(key), PART_MAX_LENGTH, label) for key, label in PLAN_PARTS}

    def texts(self) -> list[str]:
        return [*super().texts(), *self.suggestions]

    def answer_parts(self) -> list[AnswerPart]:
        return [AnswerPart(key, label) for key, label in PLAN_PARTS]

    def part_texts(self, value: Any) -> dict[str, str]:
        return {key: value.get(key, "") for key, _ in PLAN_PARTS}

    def in_words(self, value: Any) -> list[tuple[str, str]]:
        """The filled parts as (label, text), for showing the plan back."""
        return [(label, value[key]) for key, label in PLAN_PARTS if isinstance(value, dict) and value.get(key)]

    def worksheet(self) -> list[WorksheetPart]:
        parts = [WorksheetPart(label, lines=2) for _, label in PLAN_PARTS]
        if self.suggestions:
            parts.insert(0, WorksheetPart("", note=f"{SUGGESTIONS}: " + " · ".join(self.suggestions)))
        return parts
