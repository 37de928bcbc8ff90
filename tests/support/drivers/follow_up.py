from __future__ import annotations

from typing import Any

from support.drivers._keys import press, type_into

KINDS = ("follow_up",)


def planned(exercise: Any) -> Any:
    return {"rating": 7, "noticed": "I did most of it. Tuesday was hard."}


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    from workshop.kinds.follow_up import HOW_IT_WENT, NOTICED

    group = box.get_by_role("radiogroup", name=HOW_IT_WENT, exact=True)
    press(page, group.get_by_role("radio", name=str(value["rating"]), exact=True), tap=tap)
    type_into(page, box.get_by_role("textbox", name=NOTICED, exact=True), value["noticed"], tap=tap)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    from workshop.kinds.follow_up import HOW_IT_WENT, NOTICED

    group = box.get_by_role("radiogroup", name=HOW_IT_WENT, exact=True)
    expect(group.get_by_role("radio", name=str(value["rating"]), exact=True)).to_be_checked()
    expect(box.get_by_role("textbox", name=NOTICED, exact=True)).to_have_value(value["noticed"])
