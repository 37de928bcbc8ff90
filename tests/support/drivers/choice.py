from __future__ import annotations

from typing import Any

from support.drivers._keys import press

KINDS = ("choice",)


def planned(exercise: Any) -> Any:
    return exercise.answer


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    """Try every option first: each shows its own explanation, with the verdict in words."""
    from playwright.sync_api import expect

    from widgets.choice import NOT_BEST, RIGHT

    explanation = box.locator(".ws-explanation")
    for index, option in enumerate(exercise.options):
        press(page, box.get_by_role("radio", name=option, exact=True), tap=tap)
        expect(explanation).to_contain_text(RIGHT if index == exercise.answer else NOT_BEST)
        expect(explanation).to_contain_text(exercise.explanations[index])
    press(page, box.get_by_role("radio", name=exercise.options[value], exact=True), tap=tap)
    # Its explanation replaces the last one tried, and may be taller or shorter: wait for it, as a reader
    # does, so that the next exercise is not tapped while the page below is still moving (a tap meant for
    # one option once landed on the next).
    expect(explanation).to_contain_text(exercise.explanations[value])


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    expect(box.get_by_role("radio", name=exercise.options[value], exact=True)).to_be_checked()
    expect(box.locator(".ws-explanation")).to_contain_text(exercise.explanations[value])
