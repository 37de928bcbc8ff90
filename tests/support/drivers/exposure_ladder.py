from __future__ import annotations

from typing import Any

from support.drivers._keys import choose, press, type_into

KINDS = ("exposure_ladder",)


def planned(exercise: Any) -> Any:
    # Entered unsorted (see enter), then "Sort by expected distress" puts them in this order.
    steps = [{"text": f"Small step {n + 1} <i>mine</i>", "suds": 10 * (n + 1)} for n in range(exercise.min_steps)]
    if exercise.ideas:
        steps[0]["text"] = exercise.ideas[0]
    return {"steps": steps, "next": 0}


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    from playwright.sync_api import expect

    steps = value["steps"]
    # The hardest step first, so that sorting has work to do; the first idea comes from the ideas list.
    order = [*reversed(steps[1:]), steps[0]]
    for n, step in enumerate(order):
        if exercise.ideas and step["text"] == exercise.ideas[0]:
            press(page, box.get_by_role("button", name="Add this idea as a step", exact=True), "Enter", tap=tap)
        else:
            press(page, box.get_by_role("button", name="Add a step", exact=True), "Enter", tap=tap)
            type_into(page, box.get_by_role("textbox", name=f"Step {n + 1}", exact=True), step["text"], tap=tap)
        expect(box.get_by_role("textbox", name=f"Step {n + 1}", exact=True)).to_have_value(step["text"])
        choose(
            box.get_by_role("combobox", name=f"Step {n + 1}: expected distress, 0-100", exact=True),
            step["suds"],
            tap=tap,
        )
    # Move the last step up once, then sort.
    press(page, box.get_by_role("button", name=f"Move step {len(order)} up", exact=True), "Enter", tap=tap)
    press(page, box.get_by_role("button", name="Sort by expected distress", exact=True), "Enter", tap=tap)
    expect(box.get_by_role("textbox", name="Step 1", exact=True)).to_have_value(steps[0]["text"])
    choose(
        box.get_by_role("combobox", name="The step I will try next", exact=True), f"Step 1: {steps[0]['text']}", tap=tap
    )


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    for n, step in enumerate(value["steps"]):
        expect(box.get_by_role("textbox", name=f"Step {n + 1}", exact=True)).to_have_value(step["text"])
    chosen = box.get_by_role("combobox", name="The step I will try next", exact=True)
    expected = f"Step {value['next'] + 1}: {value['steps'][value['next']]['text']}"
    shown = chosen.evaluate("select => select.selectedIndex < 0 ? '' : select.options[select.selectedIndex].text")
    shown = shown.replace("\xa0", " ")  # ipywidgets keeps spaces in option labels as no-break spaces
    assert shown == expected, f"next step shown as {shown!r}, expected {expected!r}"
