"""Questionnaire: a published scale (``workshop.measures``), one answer per item, None for a skipped item."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import Exercise, markdown_table, numbers_summary
from workshop.measures import MEASURE_IDS, Measure, get_measure, score_if_complete


@dataclass(frozen=True)
class Questionnaire(Exercise):
    measure: str = ""
    kind: ClassVar[str] = "questionnaire"

    def check(self) -> None:
        super().check()
        if self.measure not in MEASURE_IDS:
            raise ValueError(f"field 'measure' must be one of {', '.join(MEASURE_IDS)}.")

    @property
    def scale(self) -> Measure:
        return get_measure(self.measure)

    def empty(self) -> list[None]:
        return [None] * len(self.scale.items)

    def is_answered(self, value: Any) -> bool:
        return isinstance(value, list) and any(a is not None for a in value)

    def validate(self, value: Any) -> list[int | None]:
        if value is None:
            return self.empty()
        scale = self.scale
        if not isinstance(value, list | tuple) or len(value) != len(scale.items):
            raise ValueError(f"{scale.name}: expected one answer (or a skip) for each of its {len(scale.items)} items.")
        allowed = {o.value for o in scale.options}
        for n, answer in enumerate(value, start=1):
            if answer is not None and (isinstance(answer, bool) or answer not in allowed):
                raise ValueError(f"{scale.name}, item {n}: please choose one of the options shown.")
        return [None if a is None else int(a) for a in value]

    def score(self, value: Any) -> float | None:
        """The score when every item is answered, else None."""
        return score_if_complete(self.measure, self.validate(value))

    def texts(self) -> list[str]:
        # The scale's items are published wording, used exactly as validated: not ours to simplify.
        return super().texts()

    def shown_markdown(self, value: Any) -> str | None:
        scale = self.scale
        labels = {o.value: o.label for o in scale.options}
        rows = [
            (item.n, item.text, labels.get(answer, "skipped")) for item, answer in zip(scale.items, value, strict=True)
        ]
        score = self.score(value)
        total = f"**Score:** {score:g}" if score is not None else "**Score:** not given (some items were skipped)"
        return markdown_table(("Item", "Statement", "Answer"), rows) + "\n\n" + total

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        scores = [self.score(v) for v in values if self.is_answered(v)]
        return {**super().summarize(values), "score": numbers_summary(scores)}
