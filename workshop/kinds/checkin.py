"""Distress right now, 0-100 (SUDS): the check-in that opens a module, the check-out that closes it, and
the "how are you now?" pulse after its most evocative exercise.

The grounding and flag rules (``workshop.safety``) are the same for all three; a check-out and a pulse
are compared with the module's check-in, so a sharp rise is noticed as well as a high value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import ID_PART_PATTERN, WorksheetPart
from workshop.kinds.rating import Rating

DISTRESS_ANCHORS = (
    (0, "Calm, no distress"),
    (50, "Upset, but I can carry on"),
    (100, "The most distress I can imagine"),
)


@dataclass(frozen=True)
class CheckIn(Rating):
    """Distress right now, 0-100, at the start of a module."""

    minimum: int = 0
    maximum: int = 100
    step: int = 1
    anchors: tuple[tuple[int, str], ...] = DISTRESS_ANCHORS
    kind: ClassVar[str] = "checkin"
    is_distress_rating: ClassVar[bool] = True

    def check(self) -> None:
        if (self.minimum, self.maximum) != (0, 100):
            raise ValueError("fields 'minimum', 'maximum': a distress rating is always 0-100.")
        super().check()

    def worksheet(self) -> list[WorksheetPart]:
        """None: on paper nothing can offer a pause and help when distress is high, or tell the facilitator.
        (Every handout page lists the crisis resources instead.)"""
        return []


@dataclass(frozen=True)
class CheckOut(CheckIn):
    """Distress right now, 0-100, at the end of a module; compared with the module's check-in."""

    checkin: str = "checkin"  # the name of the check-in exercise in the same module
    kind: ClassVar[str] = "checkout"

    def check(self) -> None:
        super().check()
        if not re.match(ID_PART_PATTERN, self.checkin):
            raise ValueError("field 'checkin': name an exercise of this module, e.g. \"checkin\".")

    @property
    def checkin_id(self) -> str | None:
        return f"{self.module}.{self.checkin}"


@dataclass(frozen=True)
class Pulse(CheckOut):
    """ "How are you now?": one optional rating after the most evocative exercise, with the same rules."""

    kind: ClassVar[str] = "pulse"


def distress_value(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
