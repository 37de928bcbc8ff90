"""Thought record: the structure of the common CBT seven-column record, in our own words.

Situation; up to ``max_moods`` moods, each named and rated 0-100 before and again after; automatic
thoughts with one marked as the hot thought; evidence for it; evidence against it; a balanced thought
and how much it is believed (0-100). A declaration with an ``example`` table is a worked example: shown
filled in and read-only, never saved and not part of the review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from workshop.kinds.base import (
    AnswerPart,
    Exercise,
    WorksheetPart,
    bounded_text,
    items,
    markdown_table,
    numbers_summary,
    record,
    whole_number,
)

SITUATION = "Situation: what happened, where and when?"
MOODS = "Moods: name up to four, and rate each from 0 to 100"
MOOD_NAME = "Mood"
MOOD_BEFORE = "How strong, 0-100"
THOUGHTS = "Automatic thoughts: what went through your mind?"
THOUGHT = "Thought"
HOT = "The hot thought: the one that hurts most"
EVIDENCE_FOR = "Evidence for the hot thought: facts, not feelings"
EVIDENCE_AGAINST = "Evidence against it: what does not fit?"
BALANCED = "A balanced thought: fair to all the facts"
BELIEF = "How much do you believe the balanced thought, 0-100?"
MOOD_AFTER = "Rate each mood again, 0-100"
# How a filled-in record shows its moods and belief (review, export, and the worked example on the page).
MOODS_SHOWN = "Moods, before and after"
MOOD_COLUMNS = ("Mood", "Before", "After", "Change")
BELIEF_SHOWN = "Belief in the balanced thought"

TEXT_PARTS = ("situation", "evidence_for", "evidence_against", "balanced")
PART_TITLES = {
    "situation": "Situation",
    "thoughts": "Automatic thoughts",
    "evidence_for": "Evidence for the hot thought",
    "evidence_against": "Evidence against it",
    "balanced": "Balanced thought",
}
VALUE_KEYS = ("situation", "moods", "thoughts", "hot", "evidence_for", "evidence_against", "balanced", "belief")


@dataclass(frozen=True)
class ThoughtRecord(Exercise):
    max_moods: int = 4
    max_thoughts: int = 5
    max_length: int = 1000
    example: dict[str, Any] | None = field(default=None, hash=False, compare=False)
    kind: ClassVar[str] = "thought_record"
    fixed_texts: ClassVar[tuple[str, ...]] = (
        SITUATION, MOODS, MOOD_NAME, MOOD_BEFORE, THOUGHTS, THOUGHT, HOT,
        EVIDENCE_FOR, EVIDENCE_AGAINST, BALANCED, BELIEF, MOOD_AFTER,
    )  # fmt: skip

    def check(self) -> None:
        super().check()
        if not 1 <= self.max_moods <= 6 or not 1 <= self.max_thoughts <= 8 or self.max_length < 50:
            raise ValueError("fields 'max_moods' (1-6), 'max_thoughts' (1-8), 'max_length' (50 or more).")
        if self.example is not None:
            if not isinstance(self.example, dict):
                raise ValueError("field 'example' must be a table.")
            try:
                example = self.validate(self.example)
            except ValueError as error:
                raise ValueError(f"field 'example': {error}") from None
            if not self.is_answered(example):
                raise ValueError("field 'example': the worked example is empty.")

    @property
    def display_only(self) -> bool:
        return self.example is not None

    def example_value(self) -> dict[str, Any]:
        return self.validate(self.example) if self.example is not None else self.empty()

    def empty(self) -> dict[str, Any]:
        return {
            "situation": "",
            "moods": [{"name": "", "before": None, "after": None} for _ in range(self.max_moods)],
            "thoughts": ["" for _ in range(self.max_thoughts)],
            "hot": None,
            "evidence_for": "",
            "evidence_against": "",
            "balanced": "",
            "belief": None,
        }

    def is_answered(self, value: Any) -> bool:
        if not isinstance(value, dict):
            return False
        return (
            any(value.get(key) for key in TEXT_PARTS)
            or any(value.get("thoughts", []))
            or any(m.get("name") or m.get("before") is not None for m in value.get("moods", []))
            or value.get("belief") is not None
        )

    def validate(self, value: Any) -> dict[str, Any]:
        if value is not None and not isinstance(value, dict):
            raise ValueError("A thought record has the parts situation, moods, thoughts and so on.")
        parts = record(value, VALUE_KEYS, "A thought record")
        clean = self.empty()
        for key in TEXT_PARTS:
            clean[key] = bounded_text(parts.get(key), self.max_length, PART_TITLES[key])
        for n, mood in enumerate(items(parts.get("moods"), self.max_moods, "Moods")):
            mood = record(mood, ("name", "before", "after"), f"Mood {n + 1}")
            clean["moods"][n] = {
                "name": bounded_text(mood.get("name"), 40, f"Mood {n + 1}'s name"),
                "before": whole_number(mood.get("before"), 0, 100, f"Mood {n + 1}"),
                "after": whole_number(mood.get("after"), 0, 100, f"Mood {n + 1}, rated again"),
            }
        for n, thought in enumerate(items(parts.get("thoughts"), self.max_thoughts, "Thoughts")):
            clean["thoughts"][n] = bounded_text(thought, self.max_length, f"Thought {n + 1}")
        clean["hot"] = whole_number(parts.get("hot"), 0, self.max_thoughts - 1, "The hot thought")
        clean["belief"] = whole_number(parts.get("belief"), 0, 100, "How much you believe it")
        return clean

    # -- review and export -----------------------------------------------------------------------

    def answer_parts(self) -> list[AnswerPart]:
        return [AnswerPart(key, PART_TITLES[key]) for key in ("situation", "thoughts", *TEXT_PARTS[1:])]

    def part_texts(self, value: Any) -> dict[str, str]:
        texts = {key: value.get(key, "") for key in TEXT_PARTS}
        lines = []
        for n, thought in enumerate(value.get("thoughts", [])):
            if thought:
                lines.append(f"{n + 1}. {thought}{'  (hot thought)' if value.get('hot') == n else ''}")
        texts["thoughts"] = "\n".join(lines)
        return texts

    def mood_rows(self, value: Any) -> list[tuple[Any, ...]]:
        rows = []
        for mood in value.get("moods", []):
            if mood.get("name") or mood.get("before") is not None or mood.get("after") is not None:
                before, after = mood.get("before"), mood.get("after")
                change = after - before if before is not None and after is not None else None
                rows.append((mood.get("name"), before, after, f"{change:+d}" if change is not None else None))
        return rows

    def shown_markdown(self, value: Any) -> str | None:
        rows = self.mood_rows(value)
        moods = markdown_table(MOOD_COLUMNS, rows) if rows else "*(no moods rated)*"
        return f"**{MOODS_SHOWN}:**\n\n{moods}\n\n**{BELIEF_SHOWN}:** {belief_words(value)}"

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        changes = [
            m["after"] - m["before"]
            for v in values
            if isinstance(v, dict)
            for m in v.get("moods", [])
            if m.get("before") is not None and m.get("after") is not None
        ]
        beliefs = [v.get("belief") for v in values if isinstance(v, dict)]
        return {
            **super().summarize(values),
            "mood_change": numbers_summary(changes),
            "belief": numbers_summary(beliefs),
        }

    def worksheet(self) -> list[WorksheetPart]:
        if self.display_only:
            return []
        return [
            WorksheetPart(SITUATION, lines=3),
            WorksheetPart(MOODS, columns=(MOOD_NAME, MOOD_BEFORE, MOOD_AFTER), rows=self.max_moods),
            WorksheetPart(THOUGHTS, lines=self.max_thoughts),
            WorksheetPart(HOT, lines=2),
            WorksheetPart(EVIDENCE_FOR, lines=4),
            WorksheetPart(EVIDENCE_AGAINST, lines=4),
            WorksheetPart(BALANCED, lines=3),
            WorksheetPart(BELIEF, scale=(0, 100)),
        ]


def thought_label(n: int) -> str:
    return f"{THOUGHT} {n + 1}"


def belief_words(value: Any) -> str:
    belief = value.get("belief")
    return f"{belief} out of 100" if belief is not None else "not rated"


def mood_labels(n: int) -> tuple[str, str, str]:
    """Accessible names of mood ``n``'s name field and its two ratings."""
    return f"{MOOD_NAME} {n + 1}", f"{MOOD_NAME} {n + 1}: {MOOD_BEFORE}", f"{MOOD_NAME} {n + 1}: rated again, 0-100"
