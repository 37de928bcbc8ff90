"""Follow-up: the next module shows last week's plan back and asks, without blame, how it went."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import (
    FULL_ID_PATTERN,
    AnswerPart,
    Exercise,
    WorksheetPart,
    anchors_note,
    bounded_text,
    numbers_summary,
    record,
    whole_number,
)

LAST_TIME = "Last time you planned:"
NO_PLAN = "There is no plan saved from last time. That is fine: you can still say how your week went."
HOW_IT_WENT = "How did it go?"
HOW_ANCHORS = ((0, "I did not get to it"), (5, "I did some of it"), (10, "It went as planned"))
NOTICED = "What did you notice? What got in the way, or what helped?"
NOTICED_MAX_LENGTH = 1500


@dataclass(frozen=True)
class FollowUp(Exercise):
    plan: str = ""
    kind: ClassVar[str] = "follow_up"
    fixed_texts: ClassVar[tuple[str, ...]] = (LAST_TIME, NO_PLAN, HOW_IT_WENT, NOTICED, *(t for _, t in HOW_ANCHORS))

    def check(self) -> None:
        super().check()
        if not re.match(FULL_ID_PATTERN, self.plan):
            raise ValueError("field 'plan': the full id of the plan it follows up, e.g. \"triggers.week_plan\".")

    def empty(self) -> dict[str, Any]:
        return {"rating": None, "noticed": ""}

    def is_answered(self, value: Any) -> bool:
        return isinstance(value, dict) and (value.get("rating") is not None or bool(value.get("noticed")))

    def validate(self, value: Any) -> dict[str, Any]:
        if value is not None and not isinstance(value, dict):
            raise ValueError("A follow-up has a rating and what you noticed.")
        parts = record(value, ("rating", "noticed"), "A follow-up")
        return {
            "rating": whole_number(parts.get("rating"), 0, 10, HOW_IT_WENT),
            "noticed": bounded_text(parts.get("noticed"), NOTICED_MAX_LENGTH, "What you noticed"),
        }

    def answer_parts(self) -> list[AnswerPart]:
        return [AnswerPart("noticed", NOTICED)]

    def part_texts(self, value: Any) -> dict[str, str]:
        return {"noticed": value.get("noticed", "")}

    def shown_markdown(self, value: Any) -> str | None:
        rating = value.get("rating")
        anchors = dict(HOW_ANCHORS)
        shown = (
            f"{rating} ({anchors[rating]})" if rating in anchors else str(rating) if rating is not None else "not rated"
        )
        return f"**{HOW_IT_WENT}** {shown} on a scale from 0 to 10"

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        ratings = [v.get("rating") for v in values if isinstance(v, dict)]
        return {
            **super().summarize(values),
            **numbers_summary(ratings),
            "distribution": dict(Counter(r for r in ratings if r is not None)),
        }

    def worksheet(self) -> list[WorksheetPart]:
        return [
            WorksheetPart(LAST_TIME, lines=2),
            WorksheetPart(HOW_IT_WENT, scale=(0, 10), note=anchors_note(HOW_ANCHORS)),
            WorksheetPart(NOTICED, lines=4),
        ]
