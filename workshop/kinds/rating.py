"""Rating: a whole number on a labelled scale, e.g. how strongly something fits, 0-10 with anchor words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import Exercise, WorksheetPart, anchors_note, numbers_summary, whole_number
from workshop.text import markdown_text


@dataclass(frozen=True)
class Rating(Exercise):
    minimum: int = 0
    maximum: int = 10
    step: int = 1
    anchors: tuple[tuple[int, str], ...] = ()
    kind: ClassVar[str] = "rating"

    @classmethod
    def convert(cls, raw: dict[str, Any]) -> dict[str, Any]:
        anchors = raw.get("anchors")
        if isinstance(anchors, dict):
            try:
                raw["anchors"] = tuple(sorted((int(k), str(v)) for k, v in anchors.items()))
            except ValueError:
                raise ValueError(
                    "field 'anchors': keys are the scale's numbers, e.g. { 0 = \"Not at all\" }."
                ) from None
        elif anchors is not None:
            raise ValueError('field \'anchors\' must be a table such as { 0 = "Not at all", 10 = "Very" }.')
        return raw

    def check(self) -> None:
        super().check()
        if self.minimum >= self.maximum or self.step < 1:
            raise ValueError("fields 'minimum', 'maximum', 'step': the scale's range or step is wrong.")
        if any(not self.minimum <= at <= self.maximum for at, _ in self.anchors):
            raise ValueError("field 'anchors': an anchor lies outside the scale.")

    def is_answered(self, value: Any) -> bool:
        return value is not None

    def validate(self, value: Any) -> int | None:
        return whole_number(value, self.minimum, self.maximum, "This rating")

    def texts(self) -> list[str]:
        return [*super().texts(), *(text for _, text in self.anchors)]

    def shown_markdown(self, value: Any) -> str | None:
        anchors = dict(self.anchors)
        label = f" ({markdown_text(anchors[value])})" if value in anchors else ""
        return f"**Answer:** {value}{label} on a scale from {self.minimum} to {self.maximum}"

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        numbers = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
        return {**super().summarize(values), **numbers_summary(numbers), "distribution": dict(Counter(numbers))}

    def worksheet(self) -> list[WorksheetPart]:
        return [WorksheetPart("", scale=(self.minimum, self.maximum), note=anchors_note(self.anchors))]
