"""Review through nbgrader's exchange in a real browser: a participant's server as the hub starts it.

`workshop serve` runs with the environment JupyterHub's spawner gives a participant's server
(WORKSHOP_DEPLOYMENT=hub, WORKSHOP_PARTICIPANT_CODE, WORKSHOP_EXCHANGE_ROOT, a data folder of its own); the
facilitator has a data folder of their own and the same exchange. The participant answers module 1 (hostile
text included) and presses "Submit for review"; the facilitator releases, collects, autogrades, comments and
returns feedback with the `workshop review` commands; the start page fetches it and shows it in its sandboxed
frame. The ``page`` fixture fails the test on any request off 127.0.0.1 or console error (the CSP included).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.browser import wait_for_widgets
from support.server import Server, run_workshop, run_workshop_server
from test_review_browser import (
    COMMENT,
    LANDING,
    PAGE_TIMEOUT_MS,
    SAVE_TIMEOUT_MS,
    TRIGGERS,
    allow_kernel_shutdown_refusal,
    hostile_reflections,
    open_module_page,
    type_reflection,
)

from workshop.participants import new_code
from workshop.review import course as course_files

pytestmark = pytest.mark.browser


def facilitator(data_dir: Path, exchange_root: Path, *args: str) -> str:
    """A `workshop review` command in the facilitator's own server (same exchange, their own data folder)."""
    env = {**os.environ, "WORKSHOP_DATA_DIR": str(data_dir), "WORKSHOP_DEPLOYMENT": "hub"}
    env["WORKSHOP_EXCHANGE_ROOT"] = str(exchange_root)
    env.pop("WORKSHOP_PARTICIPANT_CODE", None)
    return run_workshop("review", *args, env=env).stdout


@pytest.fixture(scope="module")
def hub_participant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str, Path, Path]]:
    """A participant's server as the hub runs it, with the modules released while it starts."""
    root = tmp_path_factory.mktemp("exchange-browser")
    exchange_root, facilitator_dir, participant_dir = root / "exchange", root / "facilitator", root / "participant"
    code = new_code()  # issued by the facilitator: the participant's server registers it on first use
    env = {
        "WORKSHOP_DEPLOYMENT": "hub",
        "WORKSHOP_PARTICIPANT_CODE": code,
        "WORKSHOP_EXCHANGE_ROOT": str(exchange_root),
    }
    with run_workshop_server(participant_dir, env=env, extra_args=["--pool", "1", "--module-pool", "0"]) as server:
        assert "released: " in facilitator(facilitator_dir, exchange_root, "release")
        yield server, code, facilitator_dir, exchange_root


def test_submit_through_the_exchange_and_read_the_feedback_on_the_start_page(
    page: Any, browser_log: Any, hub_participant: tuple[Server, str, Path, Path], tmp_path: Path
) -> None:
    from nbgrader.api import Gradebook
    from playwright.sync_api import expect

    server, code, facilitator_dir, exchange_root = hub_participant
    allow_kernel_shutdown_refusal(browser_log)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    marker = tmp_path / "participant-text-ran"
    typed = hostile_reflections(marker)

    open_module_page(page, server, code)
    for name, text in typed.items():
        type_reflection(page, name, text)
    page.get_by_role("button", name="Submit for review").click()
    page.get_by_text("Submitted. Thank you.").wait_for(timeout=SAVE_TIMEOUT_MS)
    inbound = exchange_root / course_files.COURSE_ID / "inbound"
    assert [p.name.split("+")[0] for p in inbound.iterdir()] == [code]

    course = facilitator_dir / "course"
    assert "1 submission(s) collected" in facilitator(facilitator_dir, exchange_root, "collect")
    assert "0 failed" in facilitator(facilitator_dir, exchange_root, "autograde")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_files.COURSE_ID) as gradebook:
        gradebook.find_comment(next(iter(typed)), TRIGGERS.key, TRIGGERS.key, code).manual_comment = COMMENT
        gradebook.db.commit()
    assert "1 feedback page(s) released" in facilitator(facilitator_dir, exchange_root, "feedback")

    # The start page under the hub asks for nothing: the sign-in said who this is.
    page.goto(server.page_url(LANDING), wait_until="commit", timeout=PAGE_TIMEOUT_MS)
    wait_for_widgets(page, timeout_ms=PAGE_TIMEOUT_MS)
    expect(page.get_by_role("textbox", name="Your participant code")).to_have_count(0)
    expect(page.get_by_role("heading", name="Feedback from your facilitator")).to_be_visible(timeout=SAVE_TIMEOUT_MS)
    feedback = page.frame_locator(f"iframe[title='Feedback on {TRIGGERS.title}']")
    expect(feedback.locator("body")).to_contain_text(COMMENT, timeout=SAVE_TIMEOUT_MS)
    shown = feedback.locator(".participant-answer")
    assert [text.strip() for text in shown.all_inner_texts()][: len(typed)] == list(typed.values())
    assert feedback.locator("img[src='x'], script:not([type])").count() == 0
    expect(page.get_by_role("link", name=f"Download the feedback on {TRIGGERS.title}")).to_be_visible()
    assert not marker.exists(), "participant text ran as code"
    assert dialogs == [], f"participant text ran as script: {dialogs}"
