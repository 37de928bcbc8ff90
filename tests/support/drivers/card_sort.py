from __future__ import annotations

from typing import Any

from support.drivers._keys import checkbox, press, type_into

KINDS = ("card_sort",)


def planned(exercise: Any) -> Any:
    # Two declared cards and one of my own, then the second moved to the top (see enter).
    ranked = [exercise.cards[1], exercise.cards[0]]
    if exercise.own:
        ranked.append("Being outdoors <b>")
    return {"ranked": ranked[: exercise.choose_max]}


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    from playwright.sync_api import expect

    first, second = value["ranked"][1], value["ranked"][0]  # tick in the other order, then reorder
    checkbox(page, box.get_by_role("checkbox", name=first, exact=True), True, tap=tap)
    checkbox(page, box.get_by_role("checkbox", name=second, exact=True), True, tap=tap)
    press(page, box.get_by_role("button", name=f"Move up: {second}", exact=True), "Enter", tap=tap)
    expect(box.get_by_role("button", name=f"Move up: {second}", exact=True)).to_be_disabled()
    if len(value["ranked"]) > 2:
        type_into(
            page, box.get_by_role("textbox", name="A card in my own words", exact=True), value["ranked"][2], tap=tap
        )
        press(page, box.get_by_role("button", name="Add my card", exact=True), "Enter", tap=tap)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    for n, card in enumerate(value["ranked"], start=1):
        expect(box.locator(".ws-card").nth(n - 1)).to_have_text(f"{n}. {card}")
    for card in exercise.cards:
        control = box.get_by_role("checkbox", name=card, exact=True)
        (expect(control).to_be_checked if card in value["ranked"] else expect(control).not_to_be_checked)()
