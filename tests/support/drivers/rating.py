from __future__ import annotations

from typing import Any

from support.drivers._keys import press, slide_to

KINDS = ("rating",)


def label(exercise: Any, value: int) -> str:
    anchors = dict(exercise.anchors)
    return f"{value} {anchors[value]}" if value in anchors else str(value)


def planned(exercise: Any) -> Any:
    return exercise.minimum + 3 * exercise.step


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    if len(range(exercise.minimum, exercise.maximum + 1, exercise.step)) > 11:
        slide_to(page, box.get_by_role("slider"), value, minimum=exercise.minimum, step=exercise.step, tap=tap)
        return
    press(page, box.get_by_role("radio", name=label(exercise, value), exact=True), tap=tap)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    if len(range(exercise.minimum, exercise.maximum + 1, exercise.step)) > 11:
        expect(box.get_by_role("slider")).to_have_attribute("aria-valuetext", str(value))
        return
    expect(box.get_by_role("radio", name=label(exercise, value), exact=True)).to_be_checked()
