"""Thought record: each part a labelled field in the record's order; moods are named and rated 0-100,
then rated again at the end, and the page shows each mood's before and after in words. A worked example
(declared in module.toml) is shown filled in and read-only."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.base import ExerciseWidget
from widgets.controls import WIDE, hundred, intro, paragraph, set_choice, text_area, text_line
from widgets.registry import register
from workshop.kinds import thought_record as tr
from workshop.kinds.base import cell_words
from workshop.text import html_literal, html_table


def change_html(record: tr.ThoughtRecord, value: dict[str, Any]) -> str:
    """Each re-rated mood's before and after, in words (never colour alone)."""
    lines = []
    for name, before, after, change in record.mood_rows(value):
        if before is not None and after is not None:
            lines.append(f"<li>{html_literal(name or 'A mood')}: {before} before, {after} now ({change}).</li>")
    return f"<p><strong>Your moods, before and after:</strong></p><ul>{''.join(lines)}</ul>" if lines else ""


def example_html(record: tr.ThoughtRecord) -> str:
    value = record.example_value()
    parts = [(tr.SITUATION, value["situation"])]
    thoughts = [
        f"{t} (the hot thought)" if record_is_hot(value, n) else t for n, t in enumerate(value["thoughts"]) if t
    ]
    parts.append((tr.THOUGHTS, "\n".join(thoughts)))
    parts += [(tr.EVIDENCE_FOR, value["evidence_for"]), (tr.EVIDENCE_AGAINST, value["evidence_against"])]
    parts.append((tr.BALANCED, value["balanced"]))
    body = "".join(
        f"<dt>{html_literal(label)}</dt><dd>{html_literal(text).replace(chr(10), '<br>')}</dd>"
        for label, text in parts
        if text
    )
    # The same moods and belief as the record's review shows (``shown_markdown``), written as HTML here: a
    # Markdown renderer would be imported into the page's kernel for this one table (about 7 ms).
    rows = [[html_literal(cell_words(cell)) for cell in row] for row in record.mood_rows(value)]
    moods = html_table(tr.MOOD_COLUMNS, rows) if rows else "<p>(no moods rated)</p>"
    belief = f"<p><strong>{tr.BELIEF_SHOWN}:</strong> {tr.belief_words(value)}</p>"
    return f"<dl class='ws-example'>{body}</dl><p><strong>{tr.MOODS_SHOWN}:</strong></p>{moods}{belief}"


def record_is_hot(value: dict[str, Any], n: int) -> bool:
    return value.get("hot") == n


@register("thought_record")
class ThoughtRecordWidget(ExerciseWidget):
    kind = "thought_record"
    exercise: tr.ThoughtRecord

    def build_controls(self) -> list[w.Widget]:
        heading = intro(self.exercise.prompt, self.exercise.help)
        if self.exercise.display_only:
            return [heading, w.HTML(example_html(self.exercise))]
        record = self.exercise
        self.situation = text_area(tr.SITUATION)
        self.mood_names, self.mood_before, self.mood_after = [], [], []
        for n in range(record.max_moods):
            name_label, before_label, after_label = tr.mood_labels(n)
            self.mood_names.append(text_line(name_label, width="auto"))
            self.mood_before.append(hundred(before_label))
            self.mood_after.append(hundred(after_label))
        self.thoughts = [text_line(tr.thought_label(n)) for n in range(record.max_thoughts)]
        self.hot = w.RadioButtons(
            options=[(tr.thought_label(n), n) for n in range(record.max_thoughts)],
            value=None,
            description=tr.HOT,
            style=WIDE,
        )
        self.evidence_for = text_area(tr.EVIDENCE_FOR)
        self.evidence_against = text_area(tr.EVIDENCE_AGAINST)
        self.balanced = text_area(tr.BALANCED)
        self.belief = hundred(tr.BELIEF)
        self.changes = w.HTML()
        self.changes.add_class("ws-mood-change")
        fields = [
            self.situation, *self.mood_names, *self.mood_before, *self.mood_after, *self.thoughts, self.hot,
            self.evidence_for, self.evidence_against, self.balanced, self.belief,
        ]  # fmt: skip
        for field in fields:
            field.observe(self._changed, "value")
        moods = [
            w.HBox([name, before], layout={"flex_flow": "row wrap"})
            for name, before in zip(self.mood_names, self.mood_before, strict=True)
        ]
        return [
            heading, self.situation,
            paragraph(tr.MOODS, "ws-part"), *moods,
            paragraph(tr.THOUGHTS, "ws-part"), *self.thoughts, self.hot,
            self.evidence_for, self.evidence_against, self.balanced, self.belief,
            paragraph(tr.MOOD_AFTER, "ws-part"), *self.mood_after, self.changes,
        ]  # fmt: skip

    def _current(self) -> dict[str, Any]:
        return {
            "situation": self.situation.value,
            "moods": [
                {"name": name.value, "before": before.value, "after": after.value}
                for name, before, after in zip(self.mood_names, self.mood_before, self.mood_after, strict=True)
            ],
            "thoughts": [t.value for t in self.thoughts],
            "hot": self.hot.value,
            "evidence_for": self.evidence_for.value,
            "evidence_against": self.evidence_against.value,
            "balanced": self.balanced.value,
            "belief": self.belief.value,
        }

    def _changed(self, _change: dict[str, Any]) -> None:
        value = self._current()
        self.changes.value = change_html(self.exercise, value)
        self.set_value_from_controls(value)

    def show_value(self, value: Any) -> None:
        if self.exercise.display_only:
            return
        self.situation.value = value["situation"]
        for n, mood in enumerate(value["moods"]):
            self.mood_names[n].value = mood["name"]
            set_choice(self.mood_before[n], mood["before"])
            set_choice(self.mood_after[n], mood["after"])
        for n, thought in enumerate(value["thoughts"]):
            self.thoughts[n].value = thought
        self.hot.value = value["hot"]
        self.evidence_for.value = value["evidence_for"]
        self.evidence_against.value = value["evidence_against"]
        self.balanced.value = value["balanced"]
        set_choice(self.belief, value["belief"])
        self.changes.value = change_html(self.exercise, value)
