"""The start page and a module page in a real browser as a hub user's server runs them (the variables
workshop.hub.spawn sets, here on `workshop serve`): greeted by code, never asked for a code or a name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.browser import axe_violations, describe_violations, screenshot, wait_for_widgets
from support.server import run_workshop_server

from workshop import participants
from workshop.store import STORE_FILE, ResponseStore

pytestmark = pytest.mark.browser
LANDING = "/voila/render/index.ipynb"


def test_under_the_hub_the_start_page_greets_the_code_and_asks_for_nothing(tmp_path: Path, page) -> None:
    code = participants.new_code()
    env = {"WORKSHOP_DEPLOYMENT": "hub", "WORKSHOP_PARTICIPANT_CODE": code}
    with run_workshop_server(tmp_path / "data", env=env) as server:
        page.goto(server.page_url(LANDING))
        wait_for_widgets(page)
        page.get_by_role("heading", name="Welcome", exact=True).wait_for()
        assert page.locator(".ws-code").inner_text().strip() == code
        assert page.get_by_role("textbox").count() == 0
        assert page.get_by_role("button", name=re.compile(r"code|start|resume", re.I)).count() == 0
        text = " ".join(page.locator("body").inner_text().split())
        assert "You are signed in with your code" in text and "never asks for your name" in text
        assert "your own space on the workshop server" in text
        assert "submit a module for review, your facilitator sees a note" in text
        assert "Start or resume" not in text and "Your participant code" not in text
        violations = axe_violations(page)
        assert not violations, describe_violations(violations)
        screenshot(page, "hub-landing")

        link = page.get_by_role("link", name="Triggers", exact=False).first
        assert "p=" not in (link.get_attribute("href") or "")
        link.click()
        wait_for_widgets(page)
        banner = page.locator(".ws-banner").first
        banner.wait_for()
        assert f"You are working with code {code}" in " ".join(banner.inner_text().split())
        home = page.get_by_role("link", name="Back to the start page").first
        assert "p=" not in (home.get_attribute("href") or "")
        screenshot(page, "hub-module")
    with ResponseStore(tmp_path / "data" / STORE_FILE) as store:
        assert store.participant_codes() == [code]
