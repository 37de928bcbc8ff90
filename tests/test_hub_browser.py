"""The workshop on a real JupyterHub, as deploy/jupyterhub/jupyterhub_config.py sets it up.

JupyterHub and configurable-http-proxy run on free loopback ports with the deployment's own configuration
(tests/support/hub.py changes only ports, state folder and a test API token). Two participants sign in by
code and cohort token in Chromium, answer and submit through nbgrader's exchange; the facilitator (the
commands they run in their own server's terminal, with the environment the hub gives that server)
releases, collects, autogrades, comments and returns feedback; each participant sees only their own.
A participant's server offers nothing but the workshop's pages, and no request leaves 127.0.0.1. When
the hub stops, every process it started has ended.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.browser import (
    DESKTOP,
    BrowserLog,
    axe_violations,
    describe_violations,
    screenshot,
)
from support.hub import Hub, hub_unavailable_reason
from support.server import run_workshop, workshop_in_background

from workshop.exercises import find_module

pytestmark = [pytest.mark.browser, pytest.mark.slow]

COHORT = "Test group"
FACILITATOR = "alex"
FACILITATOR_PASSWORD = "correct horse battery staple"
TRIGGERS = find_module("triggers")
REFLECTION = next(e for e in TRIGGERS.exercises if e.kind == "reflection")
COMMENT = "Thank you for writing this. Noticing it is the first step."
# A user server starts in seconds on a quiet machine; the first page also starts its kernel.
PAGE_TIMEOUT_MS = 180_000
SAVE_TIMEOUT_MS = 30_000


def base_env(hub_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WORKSHOP_", "JUPYTERHUB_"))}
    env["WORKSHOP_HUB_DIR"] = str(hub_dir)
    return env


def facilitator_env(hub_dir: Path) -> dict[str, str]:
    """What the facilitator's own server (and its terminal) gets from the hub's spawn hook."""
    from workshop.hub.spawn import environment_for

    return {**base_env(hub_dir), **environment_for(FACILITATOR, hub_dir)}


@pytest.fixture(scope="module")
def hub_setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    reason = hub_unavailable_reason()
    if reason:
        from conftest import skip_or_fail

        skip_or_fail(reason)
    folder = tmp_path_factory.mktemp("hub")
    hub_dir = folder / "hub"
    made = run_workshop(
        "hub", "codes", "--cohort", COHORT, "--count", "2", "--out", str(folder / "slips.pdf"), env=base_env(hub_dir)
    )
    codes = re.findall(r"^\s+([a-z]+(?:-[a-z]+)+-\d{4})\s*$", made.stdout, re.MULTILINE)
    token = re.search(r"Cohort token: (\S.*\S)", made.stdout)
    assert len(codes) == 2 and token, made.stdout
    # As the guide says: the command keeps the hash in the hub's folder, where jupyterhub_config.py reads it.
    run_workshop(
        "hub", "facilitator-password", "--name", FACILITATOR, env=base_env(hub_dir), stdin=FACILITATOR_PASSWORD + "\n"
    )
    hub = Hub(hub_dir=hub_dir)
    hub.start()
    try:
        yield {"hub": hub, "hub_dir": hub_dir, "codes": codes, "token": token.group(1)}
    finally:
        # The hub stops its services and user servers with SIGINT: none of them may ignore it (each would hold
        # the shutdown up for 30 s before SIGTERM), though the hub itself started with SIGINT ignored.
        deaf = hub.ignoring_interrupt()
        leftovers = hub.stop()
        assert leftovers == [], f"processes outlived the hub: {leftovers}"
        assert deaf == [], f"processes the hub started ignore SIGINT: {deaf}"


def press_sign_in(browser: Any, hub: Hub, name: str, secret: str, log: BrowserLog) -> Any:
    """Someone's own browser (context): the hub's sign-in form filled with ``name`` and ``secret`` (a code and
    the cohort's token, or a facilitator's name and password) and sent; the hub then starts their server."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    log.attach(page)
    page.goto(hub.url + "/hub/login", timeout=PAGE_TIMEOUT_MS)
    page.get_by_label("Participant code").fill(name)
    page.get_by_label("Cohort token").fill(secret)
    page.get_by_role("button", name="Sign in").click()
    return page


def signed_in_page(browser: Any, hub: Hub, name: str, secret: str, log: BrowserLog) -> Any:
    """The page of someone who signed in (``press_sign_in``), once their server answers."""
    page = press_sign_in(browser, hub, name, secret, log)
    page.wait_for_url(re.compile(rf"/user/{re.escape(name)}/"), timeout=PAGE_TIMEOUT_MS)
    return page


def on_start_page(page: Any, code: str) -> Any:
    """A participant who pressed "Sign in" lands on the workshop's start page, every cell run."""
    page.wait_for_url(re.compile(rf"/user/{re.escape(code)}/voila/render/index\.ipynb"), timeout=PAGE_TIMEOUT_MS)
    page.locator("#loading").wait_for(state="detached", timeout=PAGE_TIMEOUT_MS)
    return page


def sign_in(browser: Any, hub: Hub, code: str, token: str, log: BrowserLog) -> Any:
    """A participant signs in and lands on the workshop's start page, every cell run."""
    return on_start_page(press_sign_in(browser, hub, code, token, log), code)


def test_a_participant_signs_in_by_code_answers_submits_and_reads_feedback_through_the_exchange(
    hub_setup: dict[str, Any], browser: Any
) -> None:
    from nbgrader.api import Gradebook
    from playwright.sync_api import expect

    hub, hub_dir, (code, other), token = hub_setup["hub"], hub_setup["hub_dir"], hub_setup["codes"], hub_setup["token"]
    log = BrowserLog()
    # Leaving a Voila page asks its server to shut the page's kernel down; answers are not affected.
    log.allow_console_error(r"status of 403 .*/voila/api/shutdown/")
    # axe-core fetches the hub page's stylesheets again to read them and resolves their @import against the
    # page's address instead of the stylesheet's: two 404s of its own (the page itself loads them fine).
    log.allow_console_error(r"status of 404 .*/hub/components/@fortawesome/")

    # The facilitator opens the modules for review (in their own server's terminal) as the group signs in: the
    # release (about 5 s) runs beside the sign-ins, and is done before anyone opens module 1.
    facilitator = facilitator_env(hub_dir)
    with workshop_in_background("review", "release", env=facilitator):
        # The sign-in page asks for a code and a token, never a name, and passes axe.
        probe = browser.new_context(viewport=DESKTOP)
        login = probe.new_page()
        log.attach(login)
        login.goto(hub.url + "/hub/login", timeout=PAGE_TIMEOUT_MS)
        expect(login.get_by_label("Participant code")).to_be_visible()
        assert "name" not in login.locator("form").inner_text().lower().replace("your name", "")
        violations = axe_violations(login)
        assert not violations, describe_violations(violations)
        screenshot(login, "hub-sign-in", full_page=False)
        probe.close()

        # Both sign in at once, as a group arrives: the hub starts their two servers side by side.
        pressed = {who: press_sign_in(browser, hub, who, token, log) for who in (code, other)}
        pages = {}
        for who, page in pressed.items():
            on_start_page(page, who)
            expect(page.get_by_text(who)).to_be_visible()
            assert page.get_by_role("textbox").count() == 0, "the start page under the hub asks for something typed"
            pages[who] = page
        screenshot(pages[code], "hub-start-page")

    # Each answers a reflection in module 1 (reached by the start page's own link) and submits it.
    for who, page in pages.items():
        page.get_by_role("link", name=re.compile(re.escape(TRIGGERS.title.split(":")[0]))).first.click()
        page.wait_for_url(re.compile(rf"/user/{re.escape(who)}/voila/render/"), timeout=PAGE_TIMEOUT_MS)
        page.locator("#loading").wait_for(state="detached", timeout=PAGE_TIMEOUT_MS)
        box = page.locator(".ws-exercise").filter(has_text=REFLECTION.prompt)
        box.get_by_role("textbox", name=REFLECTION.prompt, exact=True).fill(f"Words of {who} <b>kept</b> as typed")
        expect(box.locator(".ws-status").last).to_have_text("Saved", timeout=SAVE_TIMEOUT_MS)
        page.get_by_role("button", name="Submit for review").click()
        expect(page.get_by_text(re.compile("Submitted"))).to_be_visible(timeout=SAVE_TIMEOUT_MS)
    screenshot(pages[code], "hub-submitted", full_page=False)

    # The facilitator collects, autogrades, comments on the first participant's reflection and returns feedback.
    collected = run_workshop("review", "collect", env=facilitator)
    course = Path(facilitator["WORKSHOP_DATA_DIR"]) / "course"
    for who in (code, other):
        assert (course / "submitted" / who / TRIGGERS.key).is_dir(), collected.stdout
    run_workshop("review", "autograde", env=facilitator)
    from workshop.review import course as course_files

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_files.COURSE_ID) as gradebook:
        gradebook.find_comment(REFLECTION.name, TRIGGERS.key, TRIGGERS.key, code).manual_comment = COMMENT
        gradebook.db.commit()
    run_workshop("review", "feedback", env=facilitator)

    # The first participant finds it on their start page; the other never sees it.
    mine = pages[code]
    mine.goto(f"{hub.url}/user/{code}/voila/render/index.ipynb", timeout=PAGE_TIMEOUT_MS)
    mine.locator("#loading").wait_for(state="detached", timeout=PAGE_TIMEOUT_MS)
    feedback = mine.frame_locator(f"iframe[title='Feedback on {TRIGGERS.title}']")
    expect(feedback.locator("body")).to_contain_text(COMMENT, timeout=SAVE_TIMEOUT_MS)
    screenshot(mine, "hub-feedback", full_page=False)
    theirs = pages[other]
    theirs.goto(f"{hub.url}/user/{other}/voila/render/index.ipynb", timeout=PAGE_TIMEOUT_MS)
    theirs.locator("#loading").wait_for(state="detached", timeout=PAGE_TIMEOUT_MS)
    expect(theirs.get_by_text(COMMENT)).to_have_count(0)
    assert COMMENT not in theirs.content()

    for page in pages.values():
        page.context.close()
    assert log.outside_requests() == [], log.outside_requests()
    assert log.console_errors() == [], log.console_errors()


def test_a_participant_server_offers_the_workshop_pages_and_nothing_else(hub_setup: dict[str, Any], browser: Any) -> None:
    hub, (code, other), token = hub_setup["hub"], hub_setup["codes"], hub_setup["token"]
    log = BrowserLog()
    log.allow_console_error(r"status of 40[34]")  # the refusals below are what this test asks for
    page = sign_in(browser, hub, code, token, log)
    request = page.context.request
    mine = f"{hub.url}/user/{code}"
    for path in ("/lab", "/tree", "/terminals/1", "/api/terminals", "/api/contents", "/files/index.ipynb", "/edit/index.ipynb"):
        response = request.get(mine + path, max_redirects=0)
        assert response.status in (403, 404), f"{path}: {response.status} {response.text()[:200]}"
    xsrf = next((c["value"] for c in page.context.cookies() if c["name"] == "_xsrf"), "")
    written = request.put(
        f"{mine}/api/contents/note.txt",
        data='{"type": "file", "format": "text", "content": "x"}',
        headers={"X-XSRFToken": xsrf, "Content-Type": "application/json"},
    )
    assert written.status in (403, 404, 405), f"contents PUT: {written.status}"
    # Another participant's server is not theirs to open.
    someone_else = request.get(f"{hub.url}/user/{other}/voila/render/index.ipynb", max_redirects=5)
    assert someone_else.status in (403, 404) or f"/user/{other}/voila" not in someone_else.url, someone_else.url
    assert other not in page.content()
    page.context.close()
    assert log.outside_requests() == [], log.outside_requests()


def test_a_facilitator_signs_in_by_name_and_password_and_keeps_jupyterlab_and_formgrader(
    hub_setup: dict[str, Any], browser: Any
) -> None:
    from playwright.sync_api import expect

    hub = hub_setup["hub"]
    log = BrowserLog()
    page = signed_in_page(browser, hub, FACILITATOR, FACILITATOR_PASSWORD, log)
    context = page.context
    page.goto(f"{hub.url}/user/{FACILITATOR}/lab", timeout=PAGE_TIMEOUT_MS)
    # JupyterLab's launcher, with nbgrader's menu (formgrader) among the menus.
    expect(page.get_by_role("menuitem", name="Nbgrader")).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    page.wait_for_timeout(3_000)  # longer than JupyterLab waits before it asks about news (it must not ask)
    expect(page.get_by_text(re.compile("official Jupyter news"))).to_have_count(0)
    screenshot(page, "hub-facilitator-lab", full_page=False)
    formgrader = context.request.get(f"{hub.url}/user/{FACILITATOR}/formgrader")
    assert formgrader.status == 200, formgrader.status
    # The facilitator's role lets them see participants' servers, never open one.
    code = hub_setup["codes"][0]
    entered = context.request.get(f"{hub.url}/user/{code}/voila/render/index.ipynb", max_redirects=5)
    assert entered.status in (403, 404) or f"/user/{code}/voila" not in entered.url, entered.url
    context.close()
    assert log.outside_requests() == [], log.outside_requests()
