"""Module 5's practice log kept over a week: three entries added on three visits on different days, each
kept after a reload, with the chart and its text growing entry by entry."""

from __future__ import annotations

from typing import Any

import pytest
from support.drivers import driver_for
from support.server import new_registered_code
from support.wait import wait_until
from test_modules import open_module, shown_in_order, status_of

from workshop.exercises import all_modules

pytestmark = pytest.mark.browser

MODULE = next(m for m in all_modules() if m.key == "desensitization")
DAYS = ("2026-03-02", "2026-03-04", "2026-03-07")


def saved_entry(store: Any, code: str, exercise_id: str, n: int) -> str | None:
    """What the store holds as entry ``n``'s lesson (None before it is saved)."""
    entries = (store.latest(code, exercise_id) or {}).get("entries", [])
    return entries[n]["learned"] if len(entries) > n else None


def test_three_entries_added_on_three_days_are_all_kept(
    page: Any, browser_log: Any, workshop_server: Any, server_store: Any
) -> None:
    from playwright.sync_api import expect

    browser_log.allow_console_error(r"status of 403 .*/voila/api/shutdown/")
    log = MODULE["practice"]
    code = new_registered_code(server_store)
    ladder = MODULE[log.ladder]
    server_store.save(code, ladder.id, ladder.validate(driver_for(ladder.kind).planned(ladder)))
    index = shown_in_order(MODULE).index(log.name)
    one = driver_for(log.kind).planned(log)["entries"][0]
    for n, day in enumerate(DAYS):
        box = open_module(page, workshop_server, MODULE, code)[index]  # a new visit: the page loaded afresh
        entry = {**one, "date": day, "learned": f"What I learned on day {n + 1}."}
        driver_for(log.kind).enter(page, box, log, {"entries": [entry]}, after=n)
        # The status already said "Saved" for the restored entries: wait for the store to hold this one.
        expect(status_of(box)).to_have_text("Saved", timeout=20_000)
        wait_until(
            lambda n=n, entry=entry: saved_entry(server_store, code, log.id, n) == entry["learned"],
            f"entry {n + 1}",
            20,
        )
    box = open_module(page, workshop_server, MODULE, code)[index]
    for n in range(len(DAYS)):
        expect(box.get_by_role("textbox", name=f"Entry {n + 1}: What I learned", exact=True)).to_have_value(
            f"What I learned on day {n + 1}."
        )
    expect(box.locator(".ws-chart-text li")).to_have_count(len(DAYS))
    stored = server_store.latest(code, log.id)["entries"]
    assert [e["date"] for e in stored] == list(DAYS)
    box.scroll_into_view_if_needed()
    box.screenshot(path="artifacts/screenshots/practice-log-three-days.png")
