from __future__ import annotations

from typing import Any

from support.drivers._keys import press

KINDS = ("choice",)


def planned(exercise: Any) -> Any:
    return exercise.answer


def enter(page: Any, box: Any, exercise: Any, value: Any) -> None:
    press(page, box.get_by_role("radio", name=exercise.options[value], exact=True))


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    expect(box.get_by_role("radio", name=exercise.options[value], exact=True)).to_be_checked()
    expect(box.locator(".ws-explanation")).to_contain_text(exercise.explanations[value])
