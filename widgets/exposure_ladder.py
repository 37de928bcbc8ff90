"""Exposure ladder: steps with their expected distress, added from ideas or in one's own words, moved
with buttons named by step number (keyboard and screen reader), sorted by distress, one marked as next."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.controls import AUTO_WIDTH, WIDE, intro, set_choice
from widgets.controls import hundred as hundred_dropdown
from widgets.registry import register
from workshop.kinds import exposure_ladder as el


@register("exposure_ladder")
class ExposureLadderWidget(ExerciseWidget):
    kind = "exposure_ladder"
    exercise: el.ExposureLadder

    def build_controls(self) -> list[w.Widget]:
        self.steps: list[dict[str, Any]] = []
        self.following: int | None = None
        self._building = False
        ladder = self.exercise
        controls: list[w.Widget] = [intro(ladder.prompt, ladder.help)]
        self.count = w.HTML()
        self.rows = w.VBox()
        self.rows.add_class("ws-ladder")
        self.add = w.Button(description=el.ADD_STEP, layout=AUTO_WIDTH)
        self.add.on_click(lambda _b: self._append(""))
        self.sort = w.Button(description=el.SORT, layout=AUTO_WIDTH)
        self.sort.on_click(lambda _b: self._sort())
        adders: list[w.Widget] = [self.add]
        if ladder.ideas:
            self.idea = w.Dropdown(description=el.IDEAS, options=list(ladder.ideas), style=WIDE)
            self.add_idea = w.Button(description=el.ADD_IDEA, layout=AUTO_WIDTH)
            self.add_idea.on_click(lambda _b: self._append(self.idea.value))
            adders = [self.idea, self.add_idea, self.add]
        self.next_step = w.Dropdown(description=el.NEXT, options=[("Not chosen yet", None)], value=None, style=WIDE)
        self.next_step.observe(self._chose_next, "value")
        return [
            *controls,
            w.HBox(adders, layout={"flex_flow": "row wrap"}),
            self.rows,
            self.count,
            self.sort,
            self.next_step,
        ]

    # -- structure ---------------------------------------------------------------------------------

    def _append(self, text: str) -> None:
        if len(self.steps) >= self.exercise.max_steps:
            self.message = f"A ladder has at most {self.exercise.max_steps} steps."
            return
        self.steps.append({"text": text, "suds": None})
        self._rebuild()
        self._changed()

    def _move(self, n: int, step: int) -> None:
        to = n + step
        if 0 <= to < len(self.steps):
            self.steps[n], self.steps[to] = self.steps[to], self.steps[n]
            if self.following in (n, to):
                self.following = to if self.following == n else n
            self._rebuild()
            self._changed()

    def _remove(self, n: int) -> None:
        del self.steps[n]
        if self.following is not None:
            self.following = None if self.following == n else self.following - (self.following > n)
        self._rebuild()
        self._changed()

    def _sort(self) -> None:
        chosen = self.steps[self.following] if self.following is not None else None
        # Unrated steps go last; equal ratings keep their order.
        self.steps.sort(key=lambda s: (s["suds"] is None, s["suds"] or 0))
        self.following = next((n for n, s in enumerate(self.steps) if s is chosen), None)
        self._rebuild()
        self._changed()

    def _rebuild(self) -> None:
        self._building = True
        try:
            rows = []
            last = len(self.steps) - 1
            for n, step in enumerate(self.steps):
                text = w.Text(
                    value=step["text"], description=f"{el.STEP} {n + 1}", style=WIDE, layout={"width": "100%"}
                )
                suds = hundred_dropdown(f"{el.STEP} {n + 1}: {el.STEP_SUDS.lower()}")
                set_choice(suds, step["suds"])
                text.observe(lambda change, n=n: self._edit(n, "text", change["new"]), "value")
                suds.observe(lambda change, n=n: self._edit(n, "suds", change["new"]), "value")
                buttons = [
                    w.Button(description=f"Move step {n + 1} up", disabled=n == 0, layout=AUTO_WIDTH),
                    w.Button(description=f"Move step {n + 1} down", disabled=n == last, layout=AUTO_WIDTH),
                    w.Button(description=f"Remove step {n + 1}", layout=AUTO_WIDTH),
                ]
                buttons[0].on_click(lambda _b, n=n: self._move(n, -1))
                buttons[1].on_click(lambda _b, n=n: self._move(n, 1))
                buttons[2].on_click(lambda _b, n=n: self._remove(n))
                row = w.VBox([text, w.HBox([suds, *buttons], layout={"flex_flow": "row wrap"})])
                row.add_class("ws-ladder-step")
                rows.append(row)
            self.rows.children = rows
            options = [("Not chosen yet", None)] + [
                (f"{el.STEP} {n + 1}: {s['text'] or '(no words yet)'}", n) for n, s in enumerate(self.steps)
            ]
            self.next_step.options = options
            self.next_step.value = self.following
            low, high = self.exercise.min_steps, self.exercise.max_steps
            self.count.value = f"<p>{len(self.steps)} step(s). Aim for {low} to {high}.</p>"
        finally:
            self._building = False

    # -- values ------------------------------------------------------------------------------------

    def _edit(self, n: int, key: str, new: Any) -> None:
        if self._building or n >= len(self.steps):
            return
        self.steps[n][key] = new
        if key == "text":
            # Keep the "next step" list in words without rebuilding the row being typed in.
            self._building = True
            try:
                options = list(self.next_step.options)
                options[n + 1] = (f"{el.STEP} {n + 1}: {new or '(no words yet)'}", n)
                self.next_step.options = options
                self.next_step.value = self.following
            finally:
                self._building = False
        self._changed()

    def _chose_next(self, change: dict[str, Any]) -> None:
        if not self._building:
            self.following = change["new"]
            self._changed()

    def _changed(self) -> None:
        self.set_value_from_controls({"steps": [dict(s) for s in self.steps], "next": self.following})

    def show_value(self, value: Any) -> None:
        self.steps = [dict(s) for s in value["steps"]]
        self.following = value["next"]
        self._rebuild()
