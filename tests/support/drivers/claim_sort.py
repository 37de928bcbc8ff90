from __future__ import annotations

from typing import Any

from support.drivers._keys import press

KINDS = ("claim_sort",)


def planned(exercise: Any) -> Any:
    # The first claim placed as the research says, the second one elsewhere, the rest left unplaced.
    placed = [None] * len(exercise.claims)
    placed[0] = exercise.claims[0].answer
    placed[1] = next(c for c in exercise.categories if c != exercise.claims[1].answer)
    return placed


def _group(box: Any, exercise: Any, n: int) -> Any:
    return box.get_by_role("radiogroup", name=f"{n + 1}. {exercise.claims[n].text}", exact=True)


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    from playwright.sync_api import expect

    for n, category in enumerate(value):
        if category is not None:
            press(page, _group(box, exercise, n).get_by_role("radio", name=category, exact=True), tap=tap)
            expect(box.locator(".ws-explanation").nth(n)).to_contain_text(exercise.claims[n].explanation)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    for n, category in enumerate(value):
        if category is not None:
            expect(_group(box, exercise, n).get_by_role("radio", name=category, exact=True)).to_be_checked()
            expect(box.locator(".ws-explanation").nth(n)).to_contain_text(exercise.claims[n].explanation)
