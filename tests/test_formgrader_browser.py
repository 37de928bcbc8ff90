"""`workshop review open` in a real browser: nbgrader's formgrader in this JupyterLab, as a facilitator uses it.

The command runs as a facilitator runs it (a subprocess, 127.0.0.1, its own token, the address it
prints). Formgrader lists the submission, shows the participant's words as plain text, and takes a
comment that lands in the gradebook. Every page is recorded by the ``page`` fixture: a request off
127.0.0.1 or a console error fails the test. JupyterLab's news feed and update check must be off.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from support.browser import screenshot
from support.server import REPO_ROOT, stop_process_group, workshop_command

from workshop.exercises import all_modules
from workshop.participants import new_code
from workshop.review import course as course_files
from workshop.review.autograde import autograde
from workshop.review.build import build_course
from workshop.review.submission import submit_to_course
from workshop.store import STORE_FILE, ResponseStore

pytestmark = pytest.mark.browser

TRIGGERS = next(module for module in all_modules() if module.key == "triggers")
REFLECTION = "snapshot_what"
ANSWER = "<img src=x onerror=alert(1)> I'm still here & {ok} *not bold*"
COMMENT = "Thank you. Naming it is a real step."
START_TIMEOUT_S = 180
ADDRESS = re.compile(r"(http://127\.0\.0\.1:(\d+))/formgrader\?token=([A-Za-z0-9_\-]+)")


@dataclass
class Formgrader:
    url: str  # the address `workshop review open` printed, token included
    base: str
    token: str
    course: Path
    participant: str


def _wait_for_address(process: subprocess.Popen[bytes], log: Path) -> re.Match[str]:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        found = ADDRESS.search(text)
        if found:
            with contextlib.suppress(urllib.error.HTTPError, OSError):
                with urllib.request.urlopen(f"{found.group(1)}/api/status?token={found.group(3)}", timeout=2):
                    return found
        if process.poll() is not None:
            raise AssertionError(f"`workshop review open` exited with {process.returncode}:\n{text}")
        time.sleep(0.3)
    raise AssertionError(f"`workshop review open` did not answer in {START_TIMEOUT_S} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def formgrader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Formgrader]:
    """A course with one autograded module 1 submission, and `workshop review open` on it."""
    data_dir = tmp_path_factory.mktemp("formgrader")
    course = data_dir / "course"
    build_course(course, [TRIGGERS])  # only module 1: the others would only cost time here
    with ResponseStore(data_dir / STORE_FILE) as store:
        participant = new_code()
        store.register_participant(participant)
        store.save(participant, f"{TRIGGERS.key}.{REFLECTION}", ANSWER)
        submit_to_course(store, participant, TRIGGERS, course)
    assert all(result.ok for result in autograde(course, progress=False, modules=[TRIGGERS]))

    log = data_dir / "review-open.log"
    env = {
        **os.environ,
        "WORKSHOP_DATA_DIR": str(data_dir),
        # A developer's own Jupyter settings and runtime files stay out of the test.
        "JUPYTER_CONFIG_DIR": str(data_dir / ".jupyter-config"),
        "JUPYTER_RUNTIME_DIR": str(data_dir / ".jupyter-runtime"),
        "PYTHONUNBUFFERED": "1",
    }
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*workshop_command(), "review", "open", "--no-browser"],
            cwd=REPO_ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as a whole below
        )
    try:
        found = _wait_for_address(process, log)
        yield Formgrader(found.group(0), found.group(1), found.group(3), course, participant)
    finally:
        stop_process_group(process, grace_seconds=15)


def test_jupyterlab_fetches_no_news_and_checks_no_updates(formgrader: Formgrader) -> None:
    import json

    def get(path: str) -> str:
        with urllib.request.urlopen(f"{formgrader.base}{path}?token={formgrader.token}", timeout=30) as response:
            return response.read().decode("utf-8")

    assert json.loads(get("/lab/api/news")) == {"news": []}
    assert json.loads(get("/lab/api/update"))["notification"] is None
    page_config = re.search(
        r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', get("/lab"), re.S
    )
    assert page_config, "JupyterLab's page config is missing"
    assert json.loads(page_config.group(1))["news"] == {"disabled": True}
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{formgrader.base}/api/status", timeout=30)
    assert refused.value.code == 403, "formgrader must need the token"


def test_formgrader_lists_the_submission(page: Any, formgrader: Formgrader) -> None:
    from playwright.sync_api import expect

    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(formgrader.url)  # the printed address: the token logs the browser in
    expect(page.get_by_role("heading", name="Manage Assignments")).to_be_visible()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=TRIGGERS.key, exact=True))
    submissions = row.get_by_role("link", name="1", exact=True)  # the "# Submissions" column
    expect(submissions).to_be_visible()
    screenshot(page, "formgrader-assignments", full_page=False)
    submissions.click()
    expect(page).to_have_url(re.compile(rf"/formgrader/manage_submissions/{TRIGGERS.key}/?$"))
    expect(page.get_by_role("heading", name="Manage Submissions")).to_be_visible()
    listed = page.get_by_role("row").filter(has_text=formgrader.participant)
    expect(listed).to_be_visible()
    # Autograded, with the answered reflection waiting to be read (and already given its completion point).
    expect(listed).to_contain_text("needs manual grading")
    # One point per written part and per knowledge check; the one reflection answered is credited.
    points = sum(len(e.answer_parts()) + len(e.code_cells()) for e in TRIGGERS if not e.display_only)
    expect(listed).to_contain_text(f"1 / {points}")
    screenshot(page, "formgrader-submissions", full_page=False)

    assert dialogs == [], f"participant text ran as script: {dialogs}"


def grading_view_url(formgrader: Formgrader) -> str:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{formgrader.course / 'gradebook.db'}", course_files.COURSE_ID) as gradebook:
        notebook_id = gradebook.find_submission_notebook(TRIGGERS.key, TRIGGERS.key, formgrader.participant).id
    return f"{formgrader.base}/formgrader/submissions/{notebook_id}/?token={formgrader.token}"


def test_grading_view_loads_nothing_from_outside(page: Any, formgrader: Formgrader) -> None:
    from playwright.sync_api import expect

    page.goto(grading_view_url(formgrader))
    expect(page.locator(".participant-answer").first).to_have_text(ANSWER)


@contextlib.contextmanager
def offline_page(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page that cannot reach past 127.0.0.1 (requests elsewhere are aborted, as on an offline laptop),
    with its script errors and dialogs collected."""
    from support.browser import is_local

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.route(lambda url: not is_local(url), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    try:
        yield page, errors
    finally:
        context.close()


def test_grading_view_shows_the_words_as_typed(browser: Any, formgrader: Formgrader) -> None:
    """The grading view on a machine with no internet: the participant's words are shown as plain text,
    exactly as typed, and nothing they wrote runs."""
    from playwright.sync_api import expect

    with offline_page(browser) as (page, errors):
        page.goto(grading_view_url(formgrader))
        answer = page.locator(".participant-answer").first
        expect(answer).to_have_text(ANSWER)
        assert page.locator(".participant-answer img, .participant-answer em").count() == 0
        answer.scroll_into_view_if_needed()
        screenshot(page, "formgrader-reflection", full_page=False)
    assert errors == []


def test_a_comment_typed_in_the_grading_view_reaches_the_gradebook(browser: Any, formgrader: Formgrader) -> None:
    from nbgrader.api import Gradebook

    with offline_page(browser) as (page, errors):
        # As a facilitator does: the printed formgrader address first (its token logs the browser in), then
        # a submission. formgrade.js calls the API with the login cookie, not the token.
        page.goto(formgrader.url)
        page.goto(grading_view_url(formgrader))
        # formgrade.js wires up the comment boxes once MathJax says it has started.
        page.wait_for_function("() => window.MathJax && window.MathJax.loaded === true", timeout=60_000)
        comment_box = page.locator(f"#{REFLECTION}-comment")
        with page.expect_response(lambda response: "/api/comment/" in response.url and response.ok, timeout=10_000):
            comment_box.fill(COMMENT)
            comment_box.press("Tab")  # formgrader saves a comment when the box loses focus
        assert errors == []
    with Gradebook(f"sqlite:///{formgrader.course / 'gradebook.db'}", course_files.COURSE_ID) as gradebook:
        comment = gradebook.find_comment(REFLECTION, TRIGGERS.key, TRIGGERS.key, formgrader.participant)
        assert comment.manual_comment == COMMENT
