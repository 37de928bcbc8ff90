from __future__ import annotations

from typing import Any

from support.drivers._keys import checkbox, type_into

KINDS = ("letter",)


def planned(exercise: Any) -> Any:
    return {"text": "Dear me,\nThat was hard. <i>You</i> did your best.", "not_today": True}


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    type_into(page, box.get_by_role("textbox", name=exercise.prompt, exact=True), value["text"], tap=tap)
    checkbox(page, box.get_by_role("checkbox", name=exercise.not_today_label, exact=True), value["not_today"], tap=tap)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    expect(box.get_by_role("textbox", name=exercise.prompt, exact=True)).to_have_value(value["text"])
    control = box.get_by_role("checkbox", name=exercise.not_today_label, exact=True)
    (expect(control).to_be_checked if value["not_today"] else expect(control).not_to_be_checked)()
