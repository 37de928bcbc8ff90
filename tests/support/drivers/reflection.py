from __future__ import annotations

from typing import Any

from support.drivers._keys import type_into

KINDS = ("reflection",)


def planned(exercise: Any) -> Any:
    return f"My answer to {exercise.name}: <b>not bold</b> & kept as typed. שלום 😊"


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    type_into(page, box.get_by_role("textbox", name=exercise.prompt, exact=True), value, tap=tap)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    expect(box.get_by_role("textbox", name=exercise.prompt, exact=True)).to_have_value(value)
