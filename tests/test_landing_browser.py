"""The start page and answer persistence in a real browser: start, write the code down, resume; a
reflection keeps its text across a reload and a server restart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support.browser import axe_violations, describe_violations, screenshot, wait_for_widgets
from support.phone import BAR_MAX_PX, bar_height, help_in_reach, scrolls_sideways, sideways, small_targets
from support.server import run_workshop_server

from workshop import participants
from workshop.store import STORE_FILE, ResponseStore

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[1]
LANDING = "/voila/render/index.ipynb"


def test_start_see_the_code_reload_and_resume(workshop_server, page) -> None:
    page.goto(workshop_server.page_url("/"))
    wait_for_widgets(page)
    assert (
        "Rejection Resilience Workshop" in page.title()
        or page.get_by_role("heading", name="Rejection Resilience Workshop").count()
    )
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    page.get_by_role("button", name="Start with a new code").click()
    code_box = page.locator(".ws-code")
    code_box.wait_for()
    code = code_box.inner_text().strip()
    assert participants.problems(code) == []
    assert page.get_by_text("Please write this code down now").is_visible()
    module_link = page.get_by_role("link", name="Triggers", exact=False).first
    assert f"p={code}" in module_link.get_attribute("href")
    screenshot(page, "landing-started")
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)

    page.goto(workshop_server.page_url(LANDING))  # a reload without the code in the address
    wait_for_widgets(page)
    field = page.get_by_role("textbox", name="Your participant code")
    field.fill(participants.example_code().replace("lantern", "lantren"))
    page.get_by_role("button", name="Resume with this code").click()
    page.get_by_text("'lantren' is not one of the code words").wait_for()
    field.fill(code.upper().replace("-", " "))
    page.get_by_role("button", name="Resume with this code").click()
    page.get_by_role("heading", name="Welcome back").wait_for()
    assert page.locator(".ws-code").inner_text().strip() == code
    screenshot(page, "landing-resumed")

    page.goto(workshop_server.page_url(LANDING, p=code))  # module pages link home with the code
    wait_for_widgets(page)
    page.get_by_role("heading", name="Welcome back").wait_for()


def test_start_page_on_a_phone_by_touch(workshop_server, phone_page) -> None:
    """At 390 x 844 with touch: start with a new code by tapping; no sideways scrolling, a one-line bar with
    the help control in reach, targets of 24 px, axe (target-size on) without serious or critical findings."""
    page = phone_page
    page.goto(workshop_server.page_url("/"))
    wait_for_widgets(page)
    assert bar_height(page) <= BAR_MAX_PX and help_in_reach(page)
    page.get_by_role("button", name="Start with a new code").tap()
    page.locator(".ws-code").wait_for()
    module_link = page.locator(".ws-modules a[href*='p=']").first  # the list with the code in its links
    module_link.wait_for()
    module_link.scroll_into_view_if_needed()
    assert help_in_reach(page)
    assert not scrolls_sideways(page), sideways(page)
    assert small_targets(page) == []
    violations = axe_violations(page, target_size=True)
    assert not violations, describe_violations(violations)
    screenshot(page, "landing-phone")


def test_download_and_erase_from_the_start_page(workshop_server, page) -> None:
    code = participants.new_code()
    with ResponseStore(workshop_server.data_dir / STORE_FILE) as store:
        store.register_participant(code)
        store.save(code, "triggers.snapshot_what", "<b>not bold</b> & kept")
    page.goto(workshop_server.page_url(LANDING, p=code))
    wait_for_widgets(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="as data (JSON)").click()
    exported = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert exported["answers"][0]["value"] == "<b>not bold</b> & kept"
    erase = page.get_by_role("button", name="Erase my answers")
    assert erase.is_disabled()
    page.get_by_role("checkbox", name="Yes, erase all my answers for good").check()
    erase.click()
    page.get_by_text("This code no longer works").wait_for()
    with ResponseStore(workshop_server.data_dir / STORE_FILE) as store:
        assert not store.participant_exists(code)


@pytest.fixture
def demo_modules(tmp_path: Path) -> Path:
    """A modules folder with the real start page and a one-reflection module."""
    root = tmp_path / "modules"
    (root / "01_demo").mkdir(parents=True)
    shutil.copy(REPO / "modules" / "index.ipynb", root / "index.ipynb")
    (root / "01_demo" / "module.toml").write_text(
        'key = "demo"\ntitle = "Demo"\norder = 1\n\n[[exercises]]\nid = "note"\nkind = "reflection"\n'
        'prompt = "What would you like to remember?"\nmax_length = 500\n',
        encoding="utf-8",
    )
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "# Demo"},
            {
                "cell_type": "code",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": 'from widgets.page import Page\npage = Page("demo")',
            },
            {
                "cell_type": "code",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": 'page.show("note")',
            },
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (root / "01_demo" / "demo.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    return root


def test_a_reflection_survives_reload_and_server_restart(tmp_path: Path, demo_modules: Path, page) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    code = participants.new_code()
    with ResponseStore(data_dir / STORE_FILE) as store:
        store.register_participant(code)
    text = "Hard day. 😔 שלום <script>alert(1)</script>\nStill here."
    with run_workshop_server(data_dir, modules_dir=demo_modules) as server:
        url = server.page_url("/voila/render/01_demo/demo.ipynb", p=code)
        page.goto(url)
        wait_for_widgets(page)
        box = page.get_by_role("textbox", name="What would you like to remember?")
        box.fill(text)
        page.locator(".ws-status", has_text="Saved").wait_for(timeout=5_000)
        assert page.locator(".ws-status[role=status]").count() >= 1
        screenshot(page, "reflection-saved")
        page.reload()
        wait_for_widgets(page)
        assert page.get_by_role("textbox", name="What would you like to remember?").input_value() == text
        page.goto("about:blank")  # leave the page first, as a participant closing the tab would
        server.restart()
        page.goto(url)
        wait_for_widgets(page)
        assert page.get_by_role("textbox", name="What would you like to remember?").input_value() == text
        assert page.locator("script", has_text="alert(1)").count() == 0
    with ResponseStore(data_dir / STORE_FILE) as store:
        assert store.latest(code, "demo.note") == text
