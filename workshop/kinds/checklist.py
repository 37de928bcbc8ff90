"""Checklist: pick any of ``options``; with ``other`` the participant may add their own words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import AnswerPart, Exercise, WorksheetPart, bounded_text, record
from workshop.text import markdown_text


@dataclass(frozen=True)
class Checklist(Exercise):
    options: tuple[str, ...] = ()
    other: bool = True
    other_label: str = "Something else (in your own words)"
    other_max_length: int = 500
    kind: ClassVar[str] = "checklist"


    def check(self) -> None:
        super().check()
        if len(self.options) < 2:
            raise ValueError("field 'options': needs at least two options.")
        if len(set(self.options)) != len(self.options):
            raise ValueError("field 'options': an option is listed twice.")

    def empty(self) -> dict[str, Any]:
        return {"selected": [], "other": ""}

    def validate(self, value: Any) -> dict[str, Any]:
        if value is not None and not isinstance(value, dict):
            raise ValueError("A checklist answer must have 'selected' and 'other'.")
        parts = record(value, ("selected", "other"), "A checklist answer")
        selected = parts.get("selected", [])
        if not isinstance(selected, list | tuple) or any(s not in self.options for s in selected):
            raise ValueError("Only the options shown can be selected.")
        other = parts.get("other", "")
        if not isinstance(other, str):
            raise ValueError("The 'other' answer must be text.")
        if other and not self.other:
            raise ValueError("This checklist has no 'other' answer.")
        bounded_text(other, self.other_max_length, "The 'other' answer")
        # Keep the declared order so that revisions compare equal when the same boxes are ticked.
        return {"selected": [o for o in self.options if o in selected], "other": other}

    def texts(self) -> list[str]:
        return [*super().texts(), *self.options, *([self.other_label] if self.other else [])]

    def answer_parts(self) -> list[AnswerPart]:
        return [AnswerPart("other", self.other_label)] if self.other else []

    def part_texts(self, value: Any) -> dict[str, str]:
        return {"other": value.get("other", "")} if self.other else {}

    def shown_markdown(self, value: Any) -> str | None:
        ticked = [f"- {markdown_text(option)}" for option in value.get("selected", [])]
        return "**Ticked:**\n\n" + ("\n".join(ticked) if ticked else "- *(none ticked)*")

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        ticked = [option for v in values if isinstance(v, dict) for option in v.get("selected", [])]
        return {
            **super().summarize(values),
            "ticked": self.count_strings(ticked, self.options),
            "other": sum(1 for v in values if isinstance(v, dict) and v.get("other")),
        }

    def worksheet(self) -> list[WorksheetPart]:
        parts = [WorksheetPart("", boxes=self.options)]
        if self.other:
            parts.append(WorksheetPart(self.other_label, lines=2))
        return parts
