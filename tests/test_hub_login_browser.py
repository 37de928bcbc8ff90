"""The hub's sign-in page in Chromium (a real JupyterHub process, as in test_hub_login): labelled fields,
no accessibility faults (axe), a wrong token answered in words, the right pair signed in, nothing fetched."""

from __future__ import annotations

import pytest
from support.browser import axe_violations, describe_violations, screenshot
from test_hub_login import FAILURE, Hub, hub  # noqa: F401 - the fixture is used

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_signing_in_to_the_hub_by_code_in_a_browser(hub: Hub, page, browser_log) -> None:  # noqa: F811 - the fixture
    browser_log.allow_console_error(r"status of 403 .*/hub/login")  # the refused sign-in below, as intended
    # axe-core fetches the page's stylesheets again to read them and resolves their @import against the page's
    # address instead of the stylesheet's (/hub/components/..., 404); the page itself loads them fine.
    browser_log.allow_console_error(r"status of 404 .*/components/@fortawesome/")
    code = hub.cohort.codes[0]
    page.goto(f"{hub.url}/hub/login")
    page.get_by_label("Participant code").fill(code)
    page.get_by_label("Cohort token").fill(hub.cohort.token + " wrong")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("alert").filter(has_text=FAILURE).wait_for()
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    screenshot(page, "hub-login-failed")
    assert "username" not in page.locator("body").inner_text().lower()

    page.get_by_label("Participant code").fill(code.upper().replace("-", " "))
    page.get_by_label("Cohort token").fill(hub.cohort.token.replace("-", " "))
    page.get_by_label("Show what I type").check()
    assert page.get_by_label("Cohort token").get_attribute("type") == "text"
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/hub/home")  # the test hub's default_url: no server is started here
    assert "jupyterhub-hub-login" in {cookie["name"] for cookie in page.context.cookies()}
