from __future__ import annotations

from typing import Any

from support.drivers._keys import checkbox, type_into

KINDS = ("checklist",)


def planned(exercise: Any) -> Any:
    return {
        "selected": list(exercise.options[:2]),
        "other": f"my own words for {exercise.name}" if exercise.other else "",
    }


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    for option in value["selected"]:
        checkbox(page, box.get_by_role("checkbox", name=option, exact=True), True, tap=tap)
    if exercise.other:
        type_into(page, box.get_by_role("textbox", name=exercise.other_label, exact=True), value["other"], tap=tap)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    for option in exercise.options:
        control = box.get_by_role("checkbox", name=option, exact=True)
        (expect(control).to_be_checked if option in value["selected"] else expect(control).not_to_be_checked)()
    if exercise.other:
        expect(box.get_by_role("textbox", name=exercise.other_label, exact=True)).to_have_value(value["other"])
