"""Questionnaires and personal fear ratings, measured before (welcome) and after (closing) the workshop.

The two published scales are kept exactly as checked (``workshop/data/rses.json`` and
``workshop/data/scs-sf.json``, with their citations and permission notes): the scales are validated in
that wording. Scores describe one person's own change; there are no cut-offs and no norms here.

Rejection fear is measured with personal ratings instead of a published scale: the participant names
three rejection situations they fear and rates each 0-100, at the welcome and again at the closing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources as package_files
from typing import Any

MEASURE_IDS = ("rses", "scs-sf")


@dataclass(frozen=True)
class Item:
    n: int
    text: str
    reverse: bool


@dataclass(frozen=True)
class Option:
    label: str
    value: int


@dataclass(frozen=True)
class Measure:
    """A published questionnaire: items, response options, reverse keys, how it is scored."""

    id: str
    name: str
    citation: str
    permission: str
    instructions: str
    options: tuple[Option, ...]
    items: tuple[Item, ...]
    scoring: str
    title: str = ""

    @property
    def lowest(self) -> int:
        return min(o.value for o in self.options)

    @property
    def highest(self) -> int:
        return max(o.value for o in self.options)

    @property
    def score_range(self) -> tuple[float, float]:
        if self.id == "rses":
            return (0.0, float(len(self.items) * self.highest))
        return (float(self.lowest), float(self.highest))


@cache
def get_measure(measure_id: str) -> Measure:
    """The checked questionnaire ``"rses"`` or ``"scs-sf"``."""
    if measure_id not in MEASURE_IDS:
        raise ValueError(f"Unknown measure {measure_id!r}; known measures: {', '.join(MEASURE_IDS)}.")
    raw = json.loads(package_files.files("workshop.data").joinpath(f"{measure_id}.json").read_text(encoding="utf-8"))
    return Measure(
        id=raw["id"],
        name=raw["name"],
        citation=raw["citation"],
        permission=raw["permission"],
        instructions=raw["instructions"],
        options=tuple(Option(o["label"], int(o["value"])) for o in raw["options"]),
        items=tuple(Item(int(i["n"]), i["text"], bool(i["reverse"])) for i in raw["items"]),
        scoring=raw["scoring"],
        title=raw.get("title", ""),
    )


def _check_answers(measure: Measure, answers: Any) -> list[int]:
    if not isinstance(answers, list | tuple):
        raise ValueError(f"{measure.name}: answers must be a list of {len(measure.items)} whole numbers.")
    if len(answers) != len(measure.items):
        raise ValueError(
            f"{measure.name} has {len(measure.items)} items, but {len(answers)} answer(s) were given; "
            "every item needs an answer before the scale can be scored."
        )
    checked = []
    for n, answer in enumerate(answers, start=1):
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise ValueError(f"{measure.name}, item {n}: the answer must be a whole number, not {answer!r}.")
        if not measure.lowest <= answer <= measure.highest:
            raise ValueError(
                f"{measure.name}, item {n}: {answer} is out of range; answers run from {measure.lowest} "
                f"to {measure.highest}."
            )
        checked.append(answer)
    return checked


def item_scores(measure_id: str, answers: list[int]) -> list[int]:
    """Each item's score after reverse keying (reverse = highest + lowest - answer)."""
    measure = get_measure(measure_id)
    checked = _check_answers(measure, answers)
    flip = measure.highest + measure.lowest  # RSES 0-3: 3 - answer; SCS-SF 1-5: 6 - answer
    return [flip - a if item.reverse else a for item, a in zip(measure.items, checked, strict=True)]


def score(measure_id: str, answers: list[int]) -> float:
    """Score a complete set of answers.

    ``"rses"``: 10 answers coded 0 (strongly disagree) to 3 (strongly agree) before reversal; items 2, 5,
    6, 8 and 9 reversed; the total, 0-30. ``"scs-sf"``: 12 answers 1-5; items 1, 4, 8, 9, 11 and 12
    reversed as 6 - answer; the mean, 1-5. Raises ValueError for a wrong count or an out-of-range answer.
    """
    scores = item_scores(measure_id, answers)
    if measure_id == "rses":
        return float(sum(scores))
    return sum(scores) / len(scores)


def score_if_complete(measure_id: str, answers: list[int | None]) -> float | None:
    """The score, or None while any item is skipped (a partial questionnaire is never scored)."""
    if any(a is None for a in answers):
        return None
    return score(measure_id, list(answers))  # type: ignore[arg-type]


# -- change from the welcome to the closing (the participant's chart, the facilitator's dashboard) --------


@dataclass(frozen=True)
class Change:
    """One measure of one person at the welcome (start) and the closing (end); None where not complete."""

    label: str  # what was measured, in plain words
    low: float
    high: float
    start: float | None
    end: float | None
    direction: str  # what a higher number means, in plain words
    key: str = ""  # the measure, the same for everyone: "rses", "scs-sf", "fear1", "fear2", "fear3"

    def sentence(self) -> str:
        def shown(x: float) -> str:
            return f"{x:.1f}" if self.high <= 5 else f"{x:.0f}"

        scale = f"(scale {shown(self.low)} to {shown(self.high)}; {self.direction})"
        if self.start is None and self.end is None:
            return f"{self.label}: not answered at the start or the end {scale}."
        if self.start is None:
            return f"{self.label}: {shown(self.end)} at the end; there is no complete answer from the start {scale}."
        if self.end is None:
            return (
                f"{self.label}: {shown(self.start)} at the start; there is no complete answer from the end yet {scale}."
            )
        return f"{self.label}: {shown(self.start)} at the start and {shown(self.end)} at the end {scale}."


def _measure_score(answers: dict[str, Any], exercise_id: str, measure_id: str) -> float | None:
    value = answers.get(exercise_id)
    if not isinstance(value, list) or len(value) != len(get_measure(measure_id).items):
        return None
    try:
        return score_if_complete(measure_id, value)
    except ValueError:
        return None


def changes(welcome: dict[str, Any], closing: dict[str, Any]) -> list[Change]:
    """What changed between the welcome answers and the closing answers (both keyed by exercise id)."""
    found = [
        Change(
            "Self-esteem (Rosenberg scale)",
            0,
            30,
            _measure_score(welcome, "welcome.rses", "rses"),
            _measure_score(closing, "closing.rses", "rses"),
            "higher means you feel better about yourself",
            "rses",
        ),
        Change(
            "Self-compassion (short scale)",
            1,
            5,
            _measure_score(welcome, "welcome.scs_sf", "scs-sf"),
            _measure_score(closing, "closing.scs_sf", "scs-sf"),
            "higher means more kindness to yourself in hard times",
            "scs-sf",
        ),
    ]
    start_rows = welcome.get("welcome.fear_ratings") or []
    end_rows = closing.get("closing.fear_ratings") or []
    for n, row in enumerate(start_rows):
        situation = (row or {}).get("situation", "").strip()
        if not situation:
            continue
        end_row = end_rows[n] if n < len(end_rows) and isinstance(end_rows[n], dict) else {}
        found.append(
            Change(
                f'Fear of "{situation}"',
                0,
                100,
                row.get("rating"),
                end_row.get("rating"),
                "lower means less fear",
                f"fear{n + 1}",
            )
        )
    return found
