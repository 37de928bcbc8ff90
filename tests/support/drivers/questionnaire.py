from __future__ import annotations

from typing import Any

from support.drivers._keys import press

KINDS = ("questionnaire",)


def planned(exercise: Any) -> Any:
    options = [o.value for o in exercise.scale.options]
    return [options[n % len(options)] for n in range(len(exercise.scale.items))]


def _radio(box: Any, exercise: Any, n: int, value: int) -> Any:
    item = exercise.scale.items[n]
    label = next(o.label for o in exercise.scale.options if o.value == value)
    group = box.get_by_role("radiogroup", name=f"{item.n}. {item.text}", exact=True)
    return group.get_by_role("radio", name=label, exact=True)


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    for n, answer in enumerate(value):
        press(page, _radio(box, exercise, n, answer), tap=tap)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    for n, answer in enumerate(value):
        expect(_radio(box, exercise, n, answer)).to_be_checked()
