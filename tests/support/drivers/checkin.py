from __future__ import annotations

from typing import Any

from support.drivers._keys import slide_to

KINDS = ("checkin", "checkout", "pulse")
PRESSES = {"checkin": 20, "checkout": 15, "pulse": 25}  # low distress: no grounding panel, no flag


def planned(exercise: Any) -> Any:
    return PRESSES[exercise.kind]


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    slide_to(page, box.get_by_role("slider"), value, tap=tap)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    expect(box.get_by_role("slider")).to_have_attribute("aria-valuetext", str(value))
