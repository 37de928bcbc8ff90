"""Reflection: free text. ``max_length`` is shown to the participant; longer text is refused, never cut."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import AnswerPart, Exercise, bounded_text


@dataclass(frozen=True)
class Reflection(Exercise):
    max_length: int = 3000
    placeholder: str = ""
    kind: ClassVar[str] = "reflection"

    def check(self) -> None:
        super().check()
        if self.max_length < 1:
            raise ValueError("field 'max_length' must be at least 1.")

    def empty(self) -> str:
        return ""

    def validate(self, value: Any) -> str:
        if value is not None and not isinstance(value, str):
            raise ValueError("A reflection must be text.")
        return bounded_text(value, self.max_length, "This answer")

    def texts(self) -> list[str]:
        return [*super().texts(), self.placeholder]

    def answer_parts(self) -> list[AnswerPart]:
        return [AnswerPart("", "")]

    def part_texts(self, value: Any) -> dict[str, str]:
        return {"": value or ""}
