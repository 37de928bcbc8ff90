from __future__ import annotations

from typing import Any

from support.drivers._keys import type_into

KINDS = ("plan",)


def planned(exercise: Any) -> Any:
    from workshop.kinds.plan import PLAN_PARTS

    return {key: f"{label}: my words & <em>plan</em>" for key, label in PLAN_PARTS}


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    from workshop.kinds.plan import PLAN_PARTS

    for key, label in PLAN_PARTS:
        type_into(page, box.get_by_role("textbox", name=label, exact=True), value[key], tap=tap)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    from workshop.kinds.plan import PLAN_PARTS

    for key, label in PLAN_PARTS:
        expect(box.get_by_role("textbox", name=label, exact=True)).to_have_value(value[key])
