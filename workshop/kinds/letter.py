"""Letter: long free text with declared guiding prompts beside it, and an explicit, stored "not today"
choice, which counts as an answer (a choice made), not as something left undone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import AnswerPart, Exercise, WorksheetPart, bounded_text, record

NOT_TODAY = "Not today: I choose to skip this letter for now"
LETTER_LABEL = "My letter"
GUIDES = "Some questions that may help"
# Ruled lines for the letter on a blank worksheet: about a page.
LETTER_LINES = 16


@dataclass(frozen=True)
class Letter(Exercise):
    guides: tuple[str, ...] = ()
    not_today_label: str = NOT_TODAY
    max_length: int = 6000
    kind: ClassVar[str] = "letter"
    fixed_texts: ClassVar[tuple[str, ...]] = (LETTER_LABEL, GUIDES)


    def check(self) -> None:
        super().check()
        if self.max_length < 100 or not self.not_today_label.strip():
            raise ValueError("fields 'max_length' (100 or more) and 'not_today_label' (not empty).")

    def empty(self) -> dict[str, Any]:
        return {"text": "", "not_today": False}

    def is_answered(self, value: Any) -> bool:
        return isinstance(value, dict) and (bool(value.get("text", "").strip()) or bool(value.get("not_today")))

    def validate(self, value: Any) -> dict[str, Any]:
        if value is not None and not isinstance(value, dict):
            raise ValueError("A letter has its text and the 'not today' choice.")
        parts = record(value, ("text", "not_today"), "A letter")
        not_today = parts.get("not_today", False)
        if not isinstance(not_today, bool):
            raise ValueError("'Not today' is a yes or no choice.")
        return {"text": bounded_text(parts.get("text"), self.max_length, "This letter"), "not_today": not_today}

    def texts(self) -> list[str]:
        return [*super().texts(), *self.guides, self.not_today_label]

    def answer_parts(self) -> list[AnswerPart]:
        return [AnswerPart("", "")]

    def part_texts(self, value: Any) -> dict[str, str]:
        return {"": value.get("text", "")}

    def shown_markdown(self, value: Any) -> str | None:
        return "**Chose:** not today (skipped on purpose, by choice)" if value.get("not_today") else None

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        dicts = [v for v in values if isinstance(v, dict)]
        return {
            **super().summarize(values),
            "written": sum(1 for v in dicts if v.get("text", "").strip()),
            "not_today": sum(1 for v in dicts if v.get("not_today")),
        }

    def worksheet(self) -> list[WorksheetPart]:
        note = f"{GUIDES}: " + " · ".join(self.guides) if self.guides else ""
        return [WorksheetPart(LETTER_LABEL, lines=LETTER_LINES, note=note)]
