"""Card sort: choose up to ``choose_max`` cards from a declared list (values, for example), put them in
order, and add cards in one's own words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import Exercise, WorksheetPart, bounded_text, items, markdown_table, record

OWN_CARD_MAX_LENGTH = 60
OWN_CARD = "A card in my own words"
ADD_OWN = "Add my card"
CHOSEN = "My cards, most important first"
CHOOSE = "Choose"
MOVE_UP = "Move up"
MOVE_DOWN = "Move down"
REMOVE = "Remove"
# On paper: tick the cards, then number them.
RANK_ON_PAPER = "Tick up to {n}. Then number them: 1 is the one that matters most."


@dataclass(frozen=True)
class CardSort(Exercise):
    cards: tuple[str, ...] = ()
    choose_max: int = 5
    own: bool = True
    kind: ClassVar[str] = "card_sort"
    fixed_texts: ClassVar[tuple[str, ...]] = (OWN_CARD, ADD_OWN, CHOSEN, CHOOSE, MOVE_UP, MOVE_DOWN, REMOVE)


    def check(self) -> None:
        super().check()
        if len(self.cards) < 2 or len(set(self.cards)) != len(self.cards):
            raise ValueError("field 'cards': at least two different cards.")
        if not 1 <= self.choose_max <= len(self.cards) + (10 if self.own else 0):
            raise ValueError("field 'choose_max': from 1 to the number of cards.")

    def empty(self) -> dict[str, Any]:
        return {"ranked": []}

    def is_answered(self, value: Any) -> bool:
        return isinstance(value, dict) and bool(value.get("ranked"))

    def validate(self, value: Any) -> dict[str, Any]:
        if value is not None and not isinstance(value, dict):
            raise ValueError("A card sort answer is the list of chosen cards.")
        ranked = items(record(value, ("ranked",), "A card sort").get("ranked"), self.choose_max, "Chosen cards")
        clean: list[str] = []
        for n, card in enumerate(ranked, start=1):
            card = bounded_text(card, OWN_CARD_MAX_LENGTH, f"Card {n}")
            if card not in self.cards:
                if not self.own:
                    raise ValueError(f"Card {n}: only the cards shown can be chosen here.")
                if not card.strip():
                    raise ValueError(f"Card {n} is empty.")
            if card in clean:
                raise ValueError(f"Card {n}: {card[:40]!r} is chosen twice.")
            clean.append(card)
        return {"ranked": clean}

    def is_own(self, card: str) -> bool:
        return card not in self.cards

    def texts(self) -> list[str]:
        return [*super().texts(), *self.cards, RANK_ON_PAPER.format(n=self.choose_max)]

    def shown_markdown(self, value: Any) -> str | None:
        rows = [
            (n, card, "my own words" if self.is_own(card) else "") for n, card in enumerate(value["ranked"], start=1)
        ]
        return markdown_table(("Rank", "Card", ""), rows) if rows else "*(no cards chosen)*"

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        chosen = [c for v in values if isinstance(v, dict) for c in v.get("ranked", [])]
        first = [v["ranked"][0] for v in values if isinstance(v, dict) and v.get("ranked")]
        counts = Counter(c for c in chosen if not self.is_own(c))
        return {
            **super().summarize(values),
            "chosen": {card: counts.get(card, 0) for card in self.cards},
            "ranked_first": dict(Counter(c for c in first if not self.is_own(c))),
            "own_cards": sum(1 for c in chosen if self.is_own(c)),
        }

    def worksheet(self) -> list[WorksheetPart]:
        parts = [WorksheetPart(RANK_ON_PAPER.format(n=self.choose_max), boxes=self.cards)]
        if self.own:
            parts.append(WorksheetPart(OWN_CARD, lines=2))
        return parts
