"""Practice log: one entry each time a step of a ladder is tried, added over several days.

Each entry records the prediction and how likely it seemed, distress before and at its peak, whether
the feared outcome happened, what actually happened, how surprising that was and what was learned.
What predicts benefit is learning that the feared outcome did not happen or was bearable (inhibitory
learning), so the log puts prediction and outcome side by side; distress is recorded, never a target.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from workshop.kinds.base import (
    FULL_ID_PATTERN,
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
from workshop.text import markdown_text

ENTRY_KEYS = (
    "step", "date", "prediction", "likelihood", "distress_before", "distress_peak",
    "feared", "happened", "surprise", "learned",
)  # fmt: skip
TEXT_MAX_LENGTH = 1000
FEARED = {"yes": "Yes", "partly": "Partly", "no": "No"}
# For the chart: how much of the feared outcome happened, on the prediction's 0-100 scale.
FEARED_AS_PERCENT = {"yes": 100, "partly": 50, "no": 0}

LABELS = {
    "step": "Which step I tried",
    "date": "Date (year-month-day)",
    "prediction": "What I predicted would happen",
    "likelihood": "How likely it seemed, 0-100%",
    "distress_before": "Distress just before, 0-100",
    "distress_peak": "Distress at its peak, 0-100",
    "feared": "Did what I feared happen?",
    "happened": "What actually happened",
    "surprise": "How surprised I was, 0-100",
    "learned": "What I learned",
}
FREE_TEXT = ("prediction", "happened", "learned")
ADD_ENTRY = "Add an entry"
OTHER_STEP = "Another step (not on my ladder)"
# Entries on one blank worksheet (a page).
PAPER_ENTRIES = 2


def parse_day(value: Any, what: str) -> str:
    if value in (None, ""):
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{what}: write the date as year-month-day, e.g. 2026-03-14.")
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{what}: write the date as year-month-day, e.g. 2026-03-14.") from None


@dataclass(frozen=True)
class PracticeLog(Exercise):
    ladder: str = ""
    max_entries: int = 10
    kind: ClassVar[str] = "practice_log"
    fixed_texts: ClassVar[tuple[str, ...]] = (*LABELS.values(), *FEARED.values(), ADD_ENTRY, OTHER_STEP)

    def check(self) -> None:
        super().check()
        if not re.match(FULL_ID_PATTERN, self.ladder):
            raise ValueError("field 'ladder': the full id of an exposure_ladder, e.g. \"desensitization.ladder\".")
        if not 1 <= self.max_entries <= 30:
            raise ValueError("field 'max_entries': from 1 to 30.")

    def empty(self) -> dict[str, Any]:
        return {"entries": []}

    @staticmethod
    def empty_entry(day: str = "") -> dict[str, Any]:
        entry: dict[str, Any] = {key: None for key in ENTRY_KEYS}
        entry.update({"step": "", "date": day, "prediction": "", "happened": "", "learned": ""})
        return entry

    def is_answered(self, value: Any) -> bool:
        return isinstance(value, dict) and any(self.entry_filled(e) for e in value.get("entries", []))

    @staticmethod
    def entry_filled(entry: dict[str, Any]) -> bool:
        return any(entry.get(k) not in (None, "") for k in ENTRY_KEYS if k != "date")

    def validate(self, value: Any) -> dict[str, Any]:
        if value is not None and not isinstance(value, dict):
            raise ValueError("A practice log is a list of entries.")
        raw = items(record(value, ("entries",), "A practice log").get("entries"), self.max_entries, "The log")
        entries = []
        for n, entry in enumerate(raw, start=1):
            what = f"Entry {n}"
            entry = record(entry, ENTRY_KEYS, what)
            feared = entry.get("feared")
            if feared is not None and feared not in FEARED:
                raise ValueError(f"{what}: did what you feared happen? Choose yes, partly or no.")
            entries.append(
                {
                    "step": bounded_text(entry.get("step"), 200, f"{what}, the step"),
                    "date": parse_day(entry.get("date"), what),
                    "prediction": bounded_text(entry.get("prediction"), TEXT_MAX_LENGTH, f"{what}, the prediction"),
                    "likelihood": whole_number(entry.get("likelihood"), 0, 100, f"{what}, how likely"),
                    "distress_before": whole_number(entry.get("distress_before"), 0, 100, f"{what}, distress before"),
                    "distress_peak": whole_number(entry.get("distress_peak"), 0, 100, f"{what}, distress at its peak"),
                    "feared": feared,
                    "happened": bounded_text(entry.get("happened"), TEXT_MAX_LENGTH, f"{what}, what happened"),
                    "surprise": whole_number(entry.get("surprise"), 0, 100, f"{what}, how surprised"),
                    "learned": bounded_text(entry.get("learned"), TEXT_MAX_LENGTH, f"{what}, what you learned"),
                }
            )
        return {"entries": entries}

    # -- review and export: one comment box per free-text part of every entry ----------------------

    def answer_parts(self) -> list[AnswerPart]:
        return [
            AnswerPart(f"entry{n}_{key}", f"Entry {n}: {LABELS[key]}")
            for n in range(1, self.max_entries + 1)
            for key in FREE_TEXT
        ]

    def part_texts(self, value: Any) -> dict[str, str]:
        return {
            f"entry{n}_{key}": entry.get(key, "")
            for n, entry in enumerate(value.get("entries", []), start=1)
            for key in FREE_TEXT
        }

    def chart_points(self, value: Any) -> list[tuple[int, int | None, int | None]]:
        """(entry number, predicted likelihood, how much of the feared outcome happened), both 0-100."""
        return [
            (n, e.get("likelihood"), FEARED_AS_PERCENT.get(e.get("feared") or ""))
            for n, e in enumerate(value.get("entries", []), start=1)
        ]

    def prediction_outcomes(self, value: Any) -> list[tuple[int | None, int | None]]:
        if not isinstance(value, dict):
            return []
        return [(predicted, happened) for _, predicted, happened in self.chart_points(value)]

    def shown_markdown(self, value: Any) -> str | None:
        rows = [
            (
                n, e["date"], e["step"], e["likelihood"], FEARED.get(e["feared"] or "", ""),
                e["distress_before"], e["distress_peak"], e["surprise"],
            )
            for n, e in enumerate(value.get("entries", []), start=1)
        ]  # fmt: skip
        if not rows:
            return "*(no entries yet)*"
        header = (
            "#",
            "Date",
            "Step",
            "Predicted likelihood (%)",
            "Feared outcome happened",
            "Distress before",
            "Peak",
            "Surprise",
        )
        return markdown_table(header, rows)

    def as_markdown(self, value: Any) -> str:
        # Only the entries there are (the review notebook has a cell for every possible entry).
        if not self.is_answered(value):
            return "*(no entries yet)*"
        blocks = [self.shown_markdown(value) or ""]
        for n, entry in enumerate(value["entries"], start=1):
            for key in FREE_TEXT:
                text = markdown_text(entry[key]) if entry[key] else "*(no answer)*"
                blocks.append(f"**Entry {n}: {LABELS[key]}**  \n{text}")
        return "\n\n".join(blocks)

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        entries = [e for v in values if isinstance(v, dict) for e in v.get("entries", [])]
        return {
            **super().summarize(values),
            "entries": len(entries),
            "likelihood": numbers_summary([e.get("likelihood") for e in entries]),
            "feared_happened": {key: Counter(e.get("feared") for e in entries).get(key, 0) for key in FEARED},
            "surprise": numbers_summary([e.get("surprise") for e in entries]),
        }

    def worksheet(self) -> list[WorksheetPart]:
        parts = []
        for n in range(1, PAPER_ENTRIES + 1):
            parts += [
                WorksheetPart(f"Entry {n}"),
                WorksheetPart(LABELS["step"], lines=1),
                WorksheetPart(LABELS["date"], lines=1),
                WorksheetPart(LABELS["prediction"], lines=2),
                WorksheetPart(LABELS["likelihood"], scale=(0, 100)),
                WorksheetPart(LABELS["distress_before"], scale=(0, 100)),
                WorksheetPart(LABELS["distress_peak"], scale=(0, 100)),
                WorksheetPart(LABELS["feared"], boxes=tuple(FEARED.values())),
                WorksheetPart(LABELS["happened"], lines=2),
                WorksheetPart(LABELS["surprise"], scale=(0, 100)),
                WorksheetPart(LABELS["learned"], lines=2),
            ]
        return parts

    def kept_up_between_sessions(self, answered: Set[str]) -> bool:
        """Once the participant has built the ladder it logs steps of, entries are added during the week."""
        return self.ladder in answered
