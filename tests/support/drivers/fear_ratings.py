from __future__ import annotations

from typing import Any

from support.drivers._keys import slide_to, type_into

KINDS = ("fear_ratings",)
RATINGS = (30, 10, 20)


def planned(exercise: Any) -> Any:
    # With same_as, the situations come from the earlier exercise and cannot be typed here.
    return [
        {"situation": "" if exercise.same_as else f"Situation {n + 1} of mine", "rating": r}
        for n, r in enumerate(RATINGS)
    ]


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    for n, row in enumerate(value):
        text = box.get_by_role("textbox", name=f"Situation {n + 1}, in your own words")
        if row["situation"]:
            type_into(page, text, row["situation"], tap=tap)
        slider = box.get_by_role("slider", name=f"How much fear would facing situation {n + 1} bring? (0 to 100)")
        slide_to(page, slider, row["rating"], tap=tap)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    for n, row in enumerate(value):
        if row["situation"]:
            expect(box.get_by_role("textbox", name=f"Situation {n + 1}, in your own words")).to_have_value(
                row["situation"]
            )
        slider = box.get_by_role("slider", name=f"How much fear would facing situation {n + 1} bring? (0 to 100)")
        expect(slider).to_have_attribute("aria-valuetext", str(row["rating"]))
