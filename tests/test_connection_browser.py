"""When the server dies under an open page, the page says at once that answers are not saved, and after a
restart and a reload every kind's last saved answer comes back (the gallery holds one of each kind)."""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path
from typing import Any

import psutil
import pytest
from support.browser import screenshot
from support.drivers import driver_for
from support.server import new_registered_code, run_workshop_server
from test_modules import open_module, shown_in_order, status_of

from workshop.exercises import all_modules
from workshop.store import STORE_FILE, ResponseStore

pytestmark = pytest.mark.browser

GALLERY = next(m for m in all_modules() if m.key == "gallery")
LOST = "Not saved: the connection was lost. Copy your text, then reload the page."


def kill_server(server: Any) -> None:
    """The server dies at once (SIGKILL, no goodbye to the page), and its kernels with it."""
    process = server.process
    kernels = psutil.Process(process.pid).children(recursive=True)
    os.killpg(process.pid, signal.SIGKILL)
    for kernel in kernels:
        with contextlib.suppress(psutil.NoSuchProcess):
            kernel.kill()
    process.wait(timeout=10)
    server.process = None


def test_a_dead_server_is_said_at_once_and_saved_answers_of_every_kind_survive_it(
    tmp_path: Path, page: Any, browser_log: Any
) -> None:
    from playwright.sync_api import expect

    # Once the server is gone, the browser's attempts to reach it are expected errors.
    for pattern in (r"WebSocket", r"ERR_CONNECTION_REFUSED", r"Failed to load resource", r"status of 403"):
        browser_log.allow_console_error(pattern)
    with run_workshop_server(tmp_path / "data") as server:
        with ResponseStore(server.data_dir / STORE_FILE) as store:
            code = new_registered_code(store)
        boxes = open_module(page, server, GALLERY, code)
        exercises = [GALLERY[name] for name in shown_in_order(GALLERY)]
        planned = {e.id: driver_for(e.kind).planned(e) for e in exercises}
        for box, exercise in zip(boxes, exercises, strict=True):
            driver_for(exercise.kind).enter(page, box, exercise, planned[exercise.id])
        for box, exercise in zip(boxes, exercises, strict=True):
            if not exercise.display_only:
                expect(status_of(box)).to_have_text("Saved", timeout=20_000)

        kill_server(server)
        expect(page.get_by_role("alert")).to_contain_text("Not saved: the connection was lost", timeout=10_000)
        for box in boxes:
            expect(status_of(box)).to_have_text(LOST)
        # Typing after that is never shown as saved.
        reflection = GALLERY["reflection"]
        box = boxes[shown_in_order(GALLERY).index("reflection")]
        box.get_by_role("textbox", name=reflection.prompt, exact=True).fill("typed after the server died")
        page.wait_for_timeout(1500)  # longer than the 0.4 s save delay and the status round trip
        expect(status_of(box)).to_have_text(LOST)
        page.get_by_role("alert").scroll_into_view_if_needed()
        screenshot(page, "connection-lost", full_page=False)

        server.start()  # same port, same data folder
        boxes = open_module(page, server, GALLERY, code)
        for box, exercise in zip(boxes, exercises, strict=True):
            driver_for(exercise.kind).expect_shown(box, exercise, planned[exercise.id])
            if not exercise.display_only:
                expect(status_of(box)).to_have_text("Saved")
        expect(page.get_by_role("alert")).to_have_count(0)
    with ResponseStore(tmp_path / "data" / STORE_FILE) as store:
        assert store.latest(code, "gallery.reflection") == planned["gallery.reflection"]
