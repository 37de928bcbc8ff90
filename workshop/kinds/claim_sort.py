"""Claim sort: place each declared statement in a category ("well supported", "debated", "not
supported", or the names of thinking traps); once placed, its declared explanation is shown in words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import Exercise, WorksheetPart, items, markdown_table

DEFAULT_CATEGORIES = ("Well supported", "Debated", "Not supported")


@dataclass(frozen=True)
class Claim:
    text: str
    answer: str
    explanation: str


@dataclass(frozen=True)
class ClaimSort(Exercise):
    claims: tuple[Claim, ...] = ()
    categories: tuple[str, ...] = DEFAULT_CATEGORIES
    kind: ClassVar[str] = "claim_sort"

    @classmethod
    def convert(cls, raw: dict[str, Any]) -> dict[str, Any]:
        claims = raw.get("claims")
        if claims is not None:
            if not isinstance(claims, list) or not all(isinstance(c, dict) for c in claims):
                raise ValueError("field 'claims' must be a list of [[exercises.claims]] tables.")
            converted = []
            for n, claim in enumerate(claims, start=1):
                unknown = set(claim) - {"text", "answer", "explanation"}
                if unknown or not all(isinstance(claim.get(k), str) for k in ("text", "answer", "explanation")):
                    raise ValueError(
                        f"field 'claims', claim {n}: needs text, answer and explanation (text), nothing else."
                    )
                converted.append(Claim(claim["text"], claim["answer"], claim["explanation"]))
            raw["claims"] = tuple(converted)
        return super().convert(raw)

    def check(self) -> None:
        super().check()
        if not 2 <= len(self.categories) <= 6 or len(set(self.categories)) != len(self.categories):
            raise ValueError("field 'categories': two to six different categories.")
        if len(self.claims) < 2:
            raise ValueError("field 'claims': needs at least two claims.")
        for n, claim in enumerate(self.claims, start=1):
            if claim.answer not in self.categories:
                raise ValueError(f"field 'claims', claim {n}: answer {claim.answer!r} is not one of the categories.")
            if not claim.text.strip() or not claim.explanation.strip():
                raise ValueError(f"field 'claims', claim {n}: the text or the explanation is empty.")

    def empty(self) -> list[None]:
        return [None] * len(self.claims)

    def is_answered(self, value: Any) -> bool:
        return isinstance(value, list) and any(v is not None for v in value)

    def validate(self, value: Any) -> list[str | None]:
        placed = items(value, len(self.claims), "The sorted claims")
        placed += [None] * (len(self.claims) - len(placed))
        for n, category in enumerate(placed, start=1):
            if category is not None and category not in self.categories:
                raise ValueError(f"Claim {n}: please choose one of: {', '.join(self.categories)}.")
        return placed

    def texts(self) -> list[str]:
        return [*super().texts(), *self.categories, *(t for c in self.claims for t in (c.text, c.explanation))]

    def shown_markdown(self, value: Any) -> str | None:
        rows = [
            (claim.text, placed or "not placed", claim.answer, "yes" if placed == claim.answer else "")
            for claim, placed in zip(self.claims, value, strict=True)
        ]
        return markdown_table(("Claim", "Placed as", "What the research says", "Same"), rows)

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        lists = [v for v in values if isinstance(v, list)]
        return {
            **super().summarize(values),
            "claims": [
                {
                    "claim": claim.text,
                    "placed": self.count_strings([v[n] for v in lists if n < len(v)], self.categories),
                }
                for n, claim in enumerate(self.claims)
            ],
        }

    def worksheet(self) -> list[WorksheetPart]:
        return [WorksheetPart(claim.text, boxes=self.categories) for claim in self.claims]
