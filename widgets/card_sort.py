"""Card sort: tick up to N cards, add cards in your own words, and put the chosen ones in order with
keyboard-usable "Move up" and "Move down" buttons (each named with its card, so a screen reader says which)."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.controls import AUTO_WIDTH, intro, text_line
from widgets.registry import register
from workshop.kinds.card_sort import ADD_OWN, CHOSEN, OWN_CARD, CardSort
from workshop.text import html_literal


@register("card_sort")
class CardSortWidget(ExerciseWidget):
    kind = "card_sort"
    exercise: CardSort

    def build_controls(self) -> list[w.Widget]:
        self.ranked: list[str] = []
        self._syncing = False
        self.boxes = [
            w.Checkbox(value=False, description=card, indent=False, layout={"width": "auto"})
            for card in self.exercise.cards
        ]
        for box in self.boxes:
            box.observe(self._ticked, "value")
        self.order = w.VBox()
        self.order.add_class("ws-card-order")
        controls: list[w.Widget] = [
            intro(self.exercise.prompt, self.exercise.help, f"You can choose up to {self.exercise.choose_max}.")
        ]
        grid = w.GridBox(self.boxes, layout={"grid_template_columns": "repeat(auto-fill, minmax(12rem, 1fr))"})
        controls.append(grid)
        if self.exercise.own:
            self.own = text_line(OWN_CARD, width="auto")
            self.add = w.Button(description=ADD_OWN)
            self.add.on_click(lambda _button: self._add_own())
            controls.append(w.HBox([self.own, self.add], layout={"flex_flow": "row wrap"}))
        controls += [w.HTML(f"<p class='ws-prompt'>{html_literal(CHOSEN)}</p>"), self.order]
        return controls

    def _ticked(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        card = change["owner"].description
        if change["new"] and card not in self.ranked:
            self.ranked.append(card)
        elif not change["new"] and card in self.ranked:
            self.ranked.remove(card)
        self._changed()

    def _add_own(self) -> None:
        card = self.own.value.strip()
        if card and card not in self.ranked:
            self.ranked.append(card)
            self.own.value = ""
            self._changed()

    def _move(self, card: str, step: int) -> None:
        at = self.ranked.index(card)
        to = at + step
        if 0 <= to < len(self.ranked):
            self.ranked[at], self.ranked[to] = self.ranked[to], self.ranked[at]
            self._changed()

    def _remove(self, card: str) -> None:
        self.ranked.remove(card)
        self._changed()

    def _changed(self) -> None:
        self._sync()
        self.set_value_from_controls({"ranked": list(self.ranked)})

    def _sync(self) -> None:
        """Put the ticks and the ordered list in line with ``self.ranked``."""
        self._syncing = True
        try:
            for box in self.boxes:
                box.value = box.description in self.ranked
        finally:
            self._syncing = False
        rows = []
        for n, card in enumerate(self.ranked, start=1):
            label = w.HTML(f"<span class='ws-card'>{n}. {html_literal(card)}</span>", layout={"min_width": "12rem"})
            up = w.Button(description=f"Move up: {card}", disabled=n == 1, layout=AUTO_WIDTH)
            down = w.Button(description=f"Move down: {card}", disabled=n == len(self.ranked), layout=AUTO_WIDTH)
            remove = w.Button(description=f"Remove: {card}", layout=AUTO_WIDTH)
            up.on_click(lambda _b, card=card: self._move(card, -1))
            down.on_click(lambda _b, card=card: self._move(card, 1))
            remove.on_click(lambda _b, card=card: self._remove(card))
            rows.append(w.HBox([label, up, down, remove], layout={"flex_flow": "row wrap"}))
        self.order.children = rows or [w.HTML("<p><em>No cards chosen yet.</em></p>")]

    def show_value(self, value: Any) -> None:
        self.ranked = list(value["ranked"])
        self._sync()
