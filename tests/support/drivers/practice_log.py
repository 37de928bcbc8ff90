from __future__ import annotations

from typing import Any

from support.drivers._keys import choose, press, type_into

KINDS = ("practice_log",)


def planned(exercise: Any) -> Any:
    entry = {
        "step": "Ask a question in a meeting",
        "date": "2026-03-02",
        "prediction": "People will think I am slow.",
        "likelihood": 70,
        "distress_before": 60,
        "distress_peak": 65,
        "feared": "no",
        "happened": "Two people said it was a good question.",
        "surprise": 75,
        "learned": "My guess was much worse than what happened.",
    }
    return {"entries": [entry]}


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False, after: int = 0) -> None:
    """Add ``value``'s entries; ``after``: how many entries the log already shows (a later day's visit)."""
    from workshop.kinds.practice_log import FEARED, LABELS

    for n, entry in enumerate(value["entries"], start=after):
        press(page, box.get_by_role("button", name="Add an entry", exact=True), "Enter", tap=tap)
        label = f"Entry {n + 1}"
        for key in ("step", "date", "prediction", "happened", "learned"):
            role = "combobox" if key == "step" else "textbox"
            type_into(page, box.get_by_role(role, name=f"{label}: {LABELS[key]}", exact=True), entry[key], tap=tap)
        for key in ("likelihood", "distress_before", "distress_peak", "surprise"):
            choose(box.get_by_role("combobox", name=f"{label}: {LABELS[key]}", exact=True), entry[key], tap=tap)
        feared = box.get_by_role("radiogroup", name=f"{label}: {LABELS['feared']}", exact=True)
        press(page, feared.get_by_role("radio", name=FEARED[entry["feared"]], exact=True), tap=tap)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    from workshop.kinds.practice_log import LABELS

    for n, entry in enumerate(value["entries"]):
        label = f"Entry {n + 1}"
        expect(box.get_by_role("textbox", name=f"{label}: {LABELS['learned']}", exact=True)).to_have_value(
            entry["learned"]
        )
    expect(box.locator("svg.ws-log-chart")).to_have_count(1)
    expect(box.locator(".ws-chart-text")).to_contain_text("Entry 1: predicted")
