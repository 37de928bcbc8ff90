"""The exercise-kind protocol: one class per kind owns everything about that kind.

A kind is a frozen dataclass whose fields are its ``module.toml`` declaration. The class reads and checks
that declaration, validates and empties values, lists its participant-facing texts (for the readability
test), renders a value as Markdown (export and review), says which review cells it needs and how a value
fills them, and summarizes many participants' values (for group aggregates). Nothing outside a kind's
own file branches on the kind.

Review notebooks (nbgrader): after the exercise's locked prompt cell come, for each free-text *part*
(``answer_parts``), a locked title cell and a manually graded Markdown answer cell (so formgrader gives
each part a comment box); knowledge checks add an autograded code answer and hidden test cell
(``code_cells``); structured parts (ratings, lists, ladders) are shown as a plain Markdown cell made at
submission time (``shown_markdown``), never as JSON.

Paper: ``worksheet()`` says how the exercise looks as a blank worksheet to fill by hand (``workshop handouts``,
"Print the worksheets"), as a list of ``WorksheetPart``; workshop.handouts draws the parts and never asks
which kind made them.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.errors import WorkshopError
from workshop.text import markdown_text

ID_PART_PATTERN = r"^[a-z][a-z0-9_]*$"
FULL_ID_PATTERN = r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$"
NO_ANSWER_MARKDOWN = "*(no answer)*"


class ExerciseDeclarationError(WorkshopError, ValueError):
    """A module.toml that does not describe its exercises correctly (the message names file, id and field)."""


@dataclass(frozen=True)
class AnswerPart:
    """One free-text part of a value: its own review answer cell (``grade_id``) and comment box."""

    key: str  # "" for a kind whose whole value is one text
    title: str  # shown above the answer in the review notebook and the feedback page


@dataclass(frozen=True)
class CodeCells:
    """An autograded answer: a solution code cell and a locked, hidden test cell (knowledge checks)."""

    answer_grade_id: str
    answer_source: str  # the release notebook's unanswered form
    test_grade_id: str
    test_source: str


# Ruled lines a free-text part gets on a blank worksheet, unless its kind says otherwise.
WORKSHEET_LINES = 4


@dataclass(frozen=True)
class WorksheetPart:
    """One part of an exercise's blank paper worksheet: a label, then one way to answer by hand.

    ``lines``: ruled lines to write on. ``boxes``: a tick box per option. ``scale``: (low, high) to circle a
    number on, or, for a long scale such as 0-100, a box to write the number in. ``columns`` and ``rows``: a
    table with these headings and that many empty rows. ``note``: small print under the label (what the
    ends of a scale mean, ideas to choose from). A part with none of these is a heading.
    """

    label: str
    lines: int = 0
    boxes: tuple[str, ...] = ()
    scale: tuple[int, int] | None = None
    columns: tuple[str, ...] = ()
    rows: int = 0
    note: str = ""


def anchors_note(anchors: Sequence[tuple[int, str]]) -> str:
    """What a scale's numbered anchors mean, as one line of small print: "0 = Not at all · 10 = Very"."""
    return " · ".join(f"{at} = {text}" for at, text in anchors)


def whole_number(value: Any, low: int, high: int, what: str) -> int | None:
    """``value`` as an int in [low, high], None for no answer; ValueError with a message for a person."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise ValueError(f"{what}: please choose a whole number from {low} to {high}.")
    number = int(value)
    if not low <= number <= high:
        raise ValueError(f"{what}: {number} is outside the scale; please choose from {low} to {high}.")
    return number


def bounded_text(value: Any, limit: int, what: str) -> str:
    """``value`` as text of at most ``limit`` characters; longer text is refused, never cut."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{what} must be text.")
    if len(value) > limit:
        raise ValueError(
            f"{what} is {len(value):,} characters long; the limit here is {limit:,}. "
            "Your text has not been cut. Please shorten it to save it."
        )
    return value


def record(value: Any, keys: Sequence[str], what: str) -> Mapping[str, Any]:
    """A dict with no keys but ``keys`` (missing ones read as absent)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"{what}: expected the parts {', '.join(keys)}.")
    unknown = sorted(str(k) for k in value if k not in keys)
    if unknown:
        raise ValueError(f"{what}: unknown part(s) {', '.join(repr(k[:40]) for k in unknown[:3])}.")
    return value


def items(value: Any, limit: int, what: str) -> list[Any]:
    """A list of at most ``limit`` entries."""
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise ValueError(f"{what} must be a list.")
    if len(value) > limit:
        raise ValueError(f"{what}: at most {limit} entries, not {len(value)}.")
    return list(value)


def numbers_summary(values: Sequence[int | float | None]) -> dict[str, Any]:
    """Count, mean, lowest and highest of the numbers among ``values``."""
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if not numbers:
        return {"count": 0, "mean": None, "min": None, "max": None}
    return {
        "count": len(numbers),
        "mean": round(sum(numbers) / len(numbers), 2),
        "min": min(numbers),
        "max": max(numbers),
    }


def cell_words(value: Any) -> str:
    """What a table cell shows for ``value``: its words, or a dash for nothing."""
    return "–" if value is None or value == "" else str(value)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown table; every cell is escaped text (``markdown_text``), numbers shown as numbers."""

    def cell(value: Any) -> str:
        return markdown_text(cell_words(value)).replace("  \n", " ")

    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


@dataclass(frozen=True)
class Exercise:
    """What every kind has. Subclasses add their fields and override the hooks below."""

    id: str
    prompt: str
    help: str = ""
    # A full exercise id whose latest answer is shown back, read-only, above this exercise.
    shows_back: str = ""

    kind: ClassVar[str] = ""
    # A distress rating (0-100) that the safety rules watch: high values and sharp rises are flagged.
    is_distress_rating: ClassVar[bool] = False
    # Participant-facing words of the kind itself (labels of its parts), checked for readability.
    fixed_texts: ClassVar[tuple[str, ...]] = ()

    # -- identity --------------------------------------------------------------------------------

    @property
    def module(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.id.split(".", 1)[1]

    @property
    def display_only(self) -> bool:
        """True for an exercise that shows something and asks nothing (a worked example)."""
        return False

    # -- declaration -----------------------------------------------------------------------------

    @classmethod
    def convert(cls, raw: dict[str, Any]) -> dict[str, Any]:
        """Turn TOML values into field values; raise ValueError. By default a list of texts given for a
        field whose default is a tuple (options, cards, ideas...) becomes a tuple; a kind with richer
        fields (tables) converts those itself and then calls this."""
        for name, fld in declaration_fields(cls).items():
            value = raw.get(name)
            if isinstance(fld.default, tuple) and isinstance(value, list) and all(isinstance(v, str) for v in value):
                raw[name] = tuple(value)
        return raw

    @property
    def checkin_id(self) -> str | None:
        """For a distress rating: the check-in it is compared with (None: none, or it is the check-in)."""
        return None

    def check(self) -> None:
        """Raise ValueError naming the field when the declaration cannot work."""
        if not self.prompt.strip():
            raise ValueError("field 'prompt': the prompt is empty.")
        import re

        if self.shows_back and not re.match(FULL_ID_PATTERN, self.shows_back):
            raise ValueError("field 'shows_back': give a full exercise id such as 'triggers.snapshot_what'.")

    # -- values ----------------------------------------------------------------------------------

    def empty(self) -> Any:
        """The value of an exercise nobody has answered yet."""
        return None

    def validate(self, value: Any) -> Any:
        """Return ``value`` in canonical form, or raise ``ValueError`` with a message for a person."""
        raise NotImplementedError

    def is_answered(self, value: Any) -> bool:
        return value is not None and value != self.empty()

    # -- texts -----------------------------------------------------------------------------------

    def texts(self) -> list[str]:
        """Every participant-facing text this declaration shows (for the readability test)."""
        return [t for t in (self.prompt, self.help, *self.fixed_texts) if t]

    # -- Markdown, review and aggregates ----------------------------------------------------------

    def answer_parts(self) -> list[AnswerPart]:
        """The free-text parts, each its own manually graded review cell (none by default)."""
        return []

    def part_texts(self, value: Any) -> dict[str, str]:
        """The text of each answer part in ``value`` (an already validated value)."""
        return {}

    def prompt_markdown(self) -> list[str]:
        """Lines the review notebook adds under the prompt for the facilitator (a question's options)."""
        return []

    def code_cells(self) -> list[CodeCells]:
        """Autograded answer and test cells (knowledge checks only)."""
        return []

    def code_answers(self, value: Any) -> dict[str, str]:
        """Source of each autograded answer cell for ``value``, keyed by grade id."""
        return {}

    def shown_markdown(self, value: Any) -> str | None:
        """Structured parts of ``value`` as inert Markdown (tables, lists), or None when there are none."""
        return None

    def as_markdown(self, value: Any) -> str:
        """The whole value as readable, escaped Markdown (export and the participant's copy)."""
        if not self.is_answered(value):
            return NO_ANSWER_MARKDOWN
        blocks = []
        shown = self.shown_markdown(value)
        if shown:
            blocks.append(shown)
        texts = self.part_texts(value)
        for part in self.answer_parts():
            text = texts.get(part.key, "")
            body = markdown_text(text) if text else NO_ANSWER_MARKDOWN
            blocks.append(f"**{markdown_text(part.title)}**  \n{body}" if part.title else body)
        return "\n\n".join(blocks) if blocks else NO_ANSWER_MARKDOWN

    # -- between sessions ------------------------------------------------------------------------------

    def kept_up_between_sessions(self, answered: Set[str]) -> bool:
        """True when a participant who has answered the exercises ``answered`` (full ids) keeps this exercise
        up between sessions: the start page then offers it under "My practice". Most kinds: never."""
        return False

    # -- paper ---------------------------------------------------------------------------------------

    def worksheet(self) -> list[WorksheetPart]:
        """The exercise as a blank worksheet to fill by hand, under its prompt and help.

        By default each free-text part gets a few ruled lines; an exercise that asks for nothing in writing
        (a worked example, a knowledge check, a published questionnaire) has no worksheet."""
        if self.display_only:
            return []
        return [WorksheetPart(part.title, lines=WORKSHEET_LINES) for part in self.answer_parts()]

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        """Counts and distributions over many participants' values (for group aggregates)."""
        return {"responses": len(values), "answered": sum(1 for v in values if self.is_answered(v))}

    # -- what the facilitator's dashboard reads from a value ----------------------------------------

    def distress(self, value: Any) -> int | None:
        """The distress rating in ``value`` (0-100) when this is a distress rating and was answered, else None."""
        if not self.is_distress_rating or isinstance(value, bool) or not isinstance(value, int):
            return None
        return value

    def prediction_outcomes(self, value: Any) -> list[tuple[int | None, int | None]]:
        """(how likely the feared outcome seemed, 0-100; how much of it happened: 0, 50 or 100) for each
        practice attempt recorded in ``value``; empty for an exercise that records none."""
        return []

    # -- helpers for subclasses ------------------------------------------------------------------

    @staticmethod
    def count_strings(values: Sequence[Any], choices: Sequence[str]) -> dict[str, int]:
        counts = Counter(v for v in values if isinstance(v, str))
        return {choice: counts.get(choice, 0) for choice in choices}


def declaration_fields(cls: type[Exercise]) -> dict[str, dataclasses.Field[Any]]:
    """The fields a module.toml may set for ``cls`` (every dataclass field but ``id``)."""
    return {f.name: f for f in dataclasses.fields(cls) if f.name != "id"}


def check_field_types(cls: type[Exercise], raw: Mapping[str, Any]) -> None:
    """Refuse a TOML value whose type differs from its field's default (a string for a number...)."""
    for name, fld in declaration_fields(cls).items():
        if name not in raw or fld.default is dataclasses.MISSING:
            continue
        default, value = fld.default, raw[name]
        expected: tuple[type, ...]
        if isinstance(default, bool):
            expected, words = (bool,), "true or false"
        elif isinstance(default, int):
            expected, words = (int,), "a whole number"
        elif isinstance(default, str):
            expected, words = (str,), "text in quotes"
        elif isinstance(default, tuple):
            expected, words = (tuple, list), "a list [ ... ]"
        else:
            continue
        if not isinstance(value, expected) or (expected == (int,) and isinstance(value, bool)):
            raise ValueError(f"field {name!r} must be {words}, not {value!r:.60}.")
