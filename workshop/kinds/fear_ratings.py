"""Fear ratings: three rejection situations the participant names, each rated 0-100. No total.

The value is a list of three ``{"situation": str, "rating": int | None}``. At the closing, ``same_as``
names the welcome exercise (e.g. ``"welcome.fear_ratings"``) whose situations are shown again to rate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import (
    Exercise,
    WorksheetPart,
    bounded_text,
    markdown_table,
    numbers_summary,
    record,
    whole_number,
)

FEAR_SITUATIONS = 3
FEAR_SITUATION_MAX_LENGTH = 200
# Column headings of the blank worksheet.
SITUATION_COLUMN = "A situation I fear, in my own words"
RATING_COLUMN = "Fear, 0-100"


@dataclass(frozen=True)
class FearRatings(Exercise):
    same_as: str = ""
    kind: ClassVar[str] = "fear_ratings"
    fixed_texts: ClassVar[tuple[str, ...]] = (SITUATION_COLUMN, RATING_COLUMN)

    def empty(self) -> list[dict[str, Any]]:
        return [{"situation": "", "rating": None} for _ in range(FEAR_SITUATIONS)]

    def is_answered(self, value: Any) -> bool:
        return isinstance(value, list) and any(row.get("situation") or row.get("rating") is not None for row in value)

    def validate(self, value: Any) -> list[dict[str, Any]]:
        if value is None:
            return self.empty()
        if not isinstance(value, list | tuple) or len(value) != FEAR_SITUATIONS:
            raise ValueError(f"Fear ratings are {FEAR_SITUATIONS} situations, each with a rating.")
        rows = []
        for n, row in enumerate(value, start=1):
            if not isinstance(row, dict):
                raise ValueError(f"Situation {n}: expected a situation and a rating.")
            parts = record(row, ("situation", "rating"), f"Situation {n}")
            situation = bounded_text(parts.get("situation", ""), FEAR_SITUATION_MAX_LENGTH, f"Situation {n}")
            rating = whole_number(parts.get("rating"), 0, 100, f"Situation {n}")
            rows.append({"situation": situation, "rating": rating})
        return rows

    def shown_markdown(self, value: Any) -> str | None:
        rows = [(n, row["situation"], row["rating"]) for n, row in enumerate(value, start=1)]
        return markdown_table(("Situation", "In my words", "How distressing (0-100)"), rows)

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        ratings = [row.get("rating") for v in values if isinstance(v, list) for row in v if isinstance(row, dict)]
        return {**super().summarize(values), "ratings": numbers_summary(ratings)}

    def worksheet(self) -> list[WorksheetPart]:
        return [WorksheetPart("", columns=(SITUATION_COLUMN, RATING_COLUMN), rows=FEAR_SITUATIONS)]
