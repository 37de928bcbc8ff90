"""Fear ratings: three rejection situations the participant names, each rated 0-100. No total.

At the closing (``same_as`` set) the situations named at the welcome are shown again, so the new rating is
about the same situation; if none were named then, the participant can name them now.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.controls import intro
from widgets.registry import register
from workshop.kinds.fear_ratings import FEAR_SITUATION_MAX_LENGTH, FEAR_SITUATIONS, FearRatings
from workshop.text import html_literal

ANCHORS = "0 = no fear at all  ·  50 = quite afraid, but I could face it  ·  100 = the most fear I can imagine"


@register("fear_ratings")
class FearRatingsWidget(ExerciseWidget):
    kind = "fear_ratings"
    exercise: FearRatings

    def earlier_situations(self) -> list[str]:
        if not (self.exercise.same_as and self.participant):
            return []
        earlier = self.store.latest(self.participant, self.exercise.same_as)
        if not isinstance(earlier, list):
            return []
        return [row.get("situation", "") if isinstance(row, dict) else "" for row in earlier]

    def build_controls(self) -> list[w.Widget]:
        earlier = self.earlier_situations()
        self.situations: list[w.Text] = []
        self.ratings: list[w.IntSlider] = []
        self.rate_buttons: list[w.Button] = []
        self._rated: list[bool] = [False] * FEAR_SITUATIONS
        rows: list[w.Widget] = [intro(self.exercise.prompt, self.exercise.help)]
        for n in range(FEAR_SITUATIONS):
            situation = w.Text(
                description=f"Situation {n + 1}, in your own words",
                style={"description_width": "initial"},
                layout={"width": "100%"},
            )
            situation.add_class("ws-fear-situation")
            if n < len(earlier) and earlier[n]:
                situation.value = earlier[n]
                situation.disabled = True  # the same situation as at the start, so the ratings compare
            slider = w.IntSlider(
                value=0,
                min=0,
                max=100,
                description=f"How much fear would facing situation {n + 1} bring? (0 to 100)",
                continuous_update=False,
                style={"description_width": "initial"},
                layout={"width": "100%", "max_width": "40rem"},
            )
            keep = w.Button(description=f"Save this rating for situation {n + 1}", layout=w.Layout(width="auto"))
            situation.observe(lambda _change: self._changed(), "value")
            slider.observe(lambda _change, i=n: self._rate(i), "value")
            keep.on_click(lambda _button, i=n: self._rate(i))
            self.situations.append(situation)
            self.ratings.append(slider)
            self.rate_buttons.append(keep)
            rows.extend([situation, slider, keep])
        rows.append(w.HTML(f"<p class='ws-anchors'>{html_literal(ANCHORS)}</p>"))
        rows.append(
            w.HTML(f"<p class='ws-counter'>Up to {FEAR_SITUATION_MAX_LENGTH} characters for each situation.</p>")
        )
        return rows

    def _rate(self, index: int) -> None:
        if self._restoring:
            return
        self._rated[index] = True
        self._changed()

    def _current(self) -> list[dict[str, Any]]:
        return [
            {"situation": text.value, "rating": slider.value if rated else None}
            for text, slider, rated in zip(self.situations, self.ratings, self._rated, strict=True)
        ]

    def _changed(self) -> None:
        for button, rated in zip(self.rate_buttons, self._rated, strict=True):
            button.layout.display = "none" if rated else None
        self.set_value_from_controls(self._current())

    def show_value(self, value: Any) -> None:
        rows = value or self.exercise.empty()
        for n, row in enumerate(rows):
            if row.get("situation") and not self.situations[n].disabled:
                self.situations[n].value = row["situation"]
            self._rated[n] = row.get("rating") is not None
            self.ratings[n].value = row["rating"] if row.get("rating") is not None else 0
            self.rate_buttons[n].layout.display = "none" if self._rated[n] else None
