"""Facilitator review end to end, in a real browser: Voila page -> nbgrader -> feedback on the start page.

Group mode: a participant answers module 1 (hostile text included) and presses "Submit for review";
the facilitator's commands autograde, a comment goes in through nbgrader's Gradebook API, feedback is
generated, and the participant finds it on the start page with their code, and nobody else does.
Self-paced: "Download my submission" gives a file that `workshop review import` accepts.

The course is built once, by `workshop serve --group` as it starts (as for a real group); every page is
recorded by the ``page`` fixture, so a request off 127.0.0.1 or a console error fails the test.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from support.browser import axe_violations, describe_violations, screenshot, wait_for_widgets
from support.server import Server, run_workshop, run_workshop_server

from workshop.exercises import all_modules
from workshop.kinds.choice import Choice
from workshop.kinds.reflection import Reflection
from workshop.participants import new_code
from workshop.review import course as course_files
from workshop.review.submission import submit_to_course
from workshop.store import STORE_FILE, ResponseStore

pytestmark = pytest.mark.browser

TRIGGERS = next(module for module in all_modules() if module.key == "triggers")
MODULE_PAGE = f"/voila/render/{TRIGGERS.notebook}"
LANDING = "/voila/render/index.ipynb"
QUIZ = [exercise for exercise in TRIGGERS if isinstance(exercise, Choice)]
# Right for the first, second and last question, wrong for the others: the score must be exactly 3.
RIGHT_ANSWERS = {QUIZ[0].name, QUIZ[1].name, QUIZ[-1].name}
COMMENT = "Thank you for writing this down. It's a brave first step; we'll look at it together next week."
# Voila runs every cell before the page is usable; on a busy 2-core machine that has taken over a minute.
PAGE_TIMEOUT_MS = 180_000
# Saving an answer, or building the start page's feedback list, waits on a kernel: seconds when busy.
SAVE_TIMEOUT_MS = 30_000


def hostile_reflections(marker: Path) -> dict[str, str]:
    """Reflection name -> what the participant types: HTML that would run script, Python that would make
    ``marker`` if it ever ran, and ordinary text with Markdown-like characters and a line break."""
    reflections = [exercise.name for exercise in TRIGGERS if isinstance(exercise, Reflection)]
    return {
        reflections[0]: "<img src=x onerror=alert(1)>",
        reflections[1]: f'"); import os; os.system("touch {marker}"); ("',
        reflections[2]: "I'm *never* good enough — that's what I told myself.\n# Still here, 100% me & {ok}",
    }


def quiz_answer(question: Choice) -> int:
    return question.answer if question.name in RIGHT_ANSWERS else (question.answer + 1) % len(question.options)


def workshop_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a `workshop` command as a facilitator would, against ``data_dir``; fail with its output."""
    return run_workshop(*args, env={**os.environ, "WORKSHOP_DATA_DIR": str(data_dir)})


@pytest.fixture(scope="module")
def group_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`workshop serve --group`, which builds the review course before it answers (workshop.server)."""
    data_dir = tmp_path_factory.mktemp("review-group")
    # Group mode with small pools: one participant here, and a dozen preheated kernels would only slow CI.
    with run_workshop_server(data_dir, group=True, extra_args=["--pool", "1", "--module-pool", "0"]) as server:
        assert course_files.release_path(data_dir / "course", TRIGGERS.key).is_file(), server.log_text()
        yield server


@pytest.fixture(scope="module")
def group_store(group_server: Server) -> Iterator[ResponseStore]:
    """The very store file the group server's kernels write to."""
    with ResponseStore(group_server.data_dir / STORE_FILE) as opened:
        yield opened


def registered(store: ResponseStore) -> str:
    code = new_code()
    store.register_participant(code)
    return code


def open_module_page(page: Any, server: Server, code: str) -> None:
    page.goto(server.page_url(MODULE_PAGE, p=code), wait_until="commit", timeout=PAGE_TIMEOUT_MS)
    wait_for_widgets(page, min_widgets=len(TRIGGERS.exercises), timeout_ms=PAGE_TIMEOUT_MS)
    page.get_by_role("button", name="Submit for review").or_(
        page.get_by_role("button", name="Download my submission")
    ).wait_for()


def exercise_box(page: Any, prompt: str) -> Any:
    """The exercise box showing ``prompt`` (prompts are unique within a module)."""
    return page.locator(".ws-exercise").filter(has_text=prompt)


def expect_saved(box: Any) -> None:
    from playwright.sync_api import expect

    # The base widget's status line is the box's last .ws-status (a choice's explanation is another).
    expect(box.locator(".ws-status").last).to_have_text("Saved", timeout=SAVE_TIMEOUT_MS)


def type_reflection(page: Any, name: str, text: str) -> None:
    prompt = TRIGGERS[name].prompt
    box = exercise_box(page, prompt)
    box.get_by_role("textbox", name=prompt, exact=True).fill(text)
    expect_saved(box)


def choose(page: Any, question: Choice, index: int) -> None:
    box = exercise_box(page, question.prompt)
    box.get_by_role("radio", name=question.options[index], exact=True).check()
    expect_saved(box)


def allow_kernel_shutdown_refusal(browser_log: Any) -> None:
    # Leaving a page makes Voila ask the server to shut the old kernel down, and `workshop serve` answers
    # 403 (reported to the server's owner; the module 1 tests allow it too). Answers are not affected.
    browser_log.allow_console_error(r"status of 403 .*/voila/api/shutdown/")


def assert_accessible(page: Any, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe found serious or critical problems on {where}:\n{describe_violations(violations)}"


def resume_on_landing(page: Any, server: Server, code: str) -> None:
    """What a participant does on another day: open the start page and type their code."""
    page.goto(server.page_url(LANDING), wait_until="commit", timeout=PAGE_TIMEOUT_MS)
    wait_for_widgets(page, timeout_ms=PAGE_TIMEOUT_MS)
    page.get_by_role("textbox", name="Your participant code").fill(code)
    page.get_by_role("button", name="Resume with this code").click()
    page.get_by_role("heading", name="Welcome back").wait_for()


def test_group_round_trip_from_voila_through_nbgrader_back_to_the_participant(
    page: Any, browser_log: Any, group_server: Server, group_store: ResponseStore, tmp_path: Path
) -> None:
    from nbgrader.api import Gradebook
    from playwright.sync_api import expect

    allow_kernel_shutdown_refusal(browser_log)

    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    marker = tmp_path / "participant-text-ran"
    typed = hostile_reflections(marker)
    course = group_server.data_dir / "course"
    code, other = registered(group_store), registered(group_store)

    # The participant answers in Voila and submits.
    open_module_page(page, group_server, code)
    for name, text in typed.items():
        type_reflection(page, name, text)
    for question in QUIZ:
        choose(page, question, quiz_answer(question))
    page.get_by_role("button", name="Submit for review").click()
    submitted = page.get_by_text("Submitted. Thank you.")
    submitted.wait_for(timeout=30_000)
    assert (course_files.submission_dir(course, code, TRIGGERS.key) / "timestamp.txt").exists()
    assert page.locator(".ws-exercise img").count() == 0, "a reflection's markup became a live element"
    submitted.scroll_into_view_if_needed()
    screenshot(page, "review-submitted", full_page=False)
    assert_accessible(page, "the module page after Submit for review")

    # Another participant submits too (through the same core call as the button), with a comment of their own.
    group_store.save(other, f"{TRIGGERS.key}.{next(iter(typed))}", "Someone else's words")
    submit_to_course(group_store, other, TRIGGERS, course)

    # The facilitator autogrades, reads in the gradebook, comments, and generates feedback.
    graded = workshop_cli(group_server.data_dir, "review", "autograde")
    assert "0 failed" in graded.stdout, graded.stdout
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_files.COURSE_ID) as gradebook:
        submission = gradebook.find_submission(TRIGGERS.key, code)
        quiz_scores = {
            q.name: gradebook.find_grade(f"{q.name}_check", TRIGGERS.key, TRIGGERS.key, code).score for q in QUIZ
        }
        assert quiz_scores == {q.name: float(q.name in RIGHT_ANSWERS) for q in QUIZ}
        for name in typed:
            assert gradebook.find_grade(name, TRIGGERS.key, TRIGGERS.key, code).score == 1, name
        assert submission.score == len(RIGHT_ANSWERS) + len(typed)
        gradebook.find_comment(next(iter(typed)), TRIGGERS.key, TRIGGERS.key, code).manual_comment = COMMENT
        gradebook.find_comment(next(iter(typed)), TRIGGERS.key, TRIGGERS.key, other).manual_comment = "For the other"
        gradebook.db.commit()
    autograded = nbformat.read(course / "autograded" / code / TRIGGERS.key / f"{TRIGGERS.key}.ipynb", as_version=4)
    stored = autograded.metadata["workshop"]["answers"]
    assert {name: stored[f"{TRIGGERS.key}.{name}"] for name in typed} == typed
    workshop_cli(group_server.data_dir, "review", "feedback")

    # The participant comes back with their code and reads the feedback, their words exactly as typed.
    resume_on_landing(page, group_server, code)
    expect(page.get_by_role("heading", name="Feedback from your facilitator")).to_be_visible(timeout=SAVE_TIMEOUT_MS)
    feedback = page.frame_locator(f"iframe[title='Feedback on {TRIGGERS.title}']")
    expect(feedback.locator("body")).to_contain_text(COMMENT, timeout=SAVE_TIMEOUT_MS)
    shown = feedback.locator(".participant-answer")
    expect(shown.first).to_be_visible()
    assert [text.strip() for text in shown.all_inner_texts()][: len(typed)] == list(typed.values())
    assert feedback.locator("img[src='x'], script:not([type])").count() == 0
    # Written for the participant: the module's own title, contents named by the exercises' prompts, no
    # internal ids, no points, nothing addressed to the facilitator.
    body = feedback.locator("body")
    expect(body).to_contain_text(f"Feedback from your facilitator: {TRIGGERS.title}")
    expect(feedback.locator("#toc")).to_contain_text(TRIGGERS["snapshot_what"].prompt)
    for hidden in ("triggers.", "point", "Review: ", "(right answer)", "Safety flags"):
        expect(body).not_to_contain_text(hidden)
    page.get_by_role("heading", name="Feedback from your facilitator").scroll_into_view_if_needed()
    # The sandboxed frame (no scripts) is painted a moment after it scrolls into view; only the picture waits.
    page.wait_for_timeout(1_000)
    screenshot(page, "review-feedback-on-landing", full_page=False)
    assert_accessible(page, "the start page with feedback")

    # Someone else's code shows their own feedback, never this participant's.
    resume_on_landing(page, group_server, other)
    other_feedback = page.frame_locator(f"iframe[title='Feedback on {TRIGGERS.title}']").locator("body")
    expect(other_feedback).to_contain_text("For the other", timeout=SAVE_TIMEOUT_MS)
    expect(other_feedback).not_to_contain_text(COMMENT)
    expect(other_feedback).not_to_contain_text(typed[next(iter(typed))])
    expect(page.get_by_text(COMMENT)).to_have_count(0)

    assert not marker.exists(), "participant text ran as code"
    assert dialogs == [], f"participant text ran as script: {dialogs}"


def test_self_paced_download_is_a_file_the_facilitator_can_import(
    page: Any, workshop_server: Server, group_server: Server, tmp_path: Path
) -> None:
    """Self-paced server (no course on it): the participant downloads; the facilitator imports elsewhere."""
    with ResponseStore(workshop_server.data_dir / STORE_FILE) as store:
        code = registered(store)
    reflection = next(name for name in hostile_reflections(tmp_path / "unused"))
    text = "<script>alert('hi')</script> and a plain line"
    open_module_page(page, workshop_server, code)
    type_reflection(page, reflection, text)
    choose(page, QUIZ[0], QUIZ[0].answer)
    page.get_by_role("button", name="Download my submission").click()
    link = page.get_by_role("link", name=f"Download my submission (workshop-{TRIGGERS.key}-{code}.ipynb)")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.name == f"workshop-{TRIGGERS.key}-{code}.ipynb"

    imported = workshop_cli(group_server.data_dir, "review", "import", str(saved))
    assert "1 imported, 0 refused" in imported.stdout, imported.stdout
    folder = course_files.submission_dir(group_server.data_dir / "course", code, TRIGGERS.key)
    rebuilt = json.loads((folder / f"{TRIGGERS.key}.ipynb").read_text(encoding="utf-8"))
    answers = rebuilt["metadata"]["workshop"]["answers"]
    assert answers[f"{TRIGGERS.key}.{reflection}"] == text
    assert answers[f"{TRIGGERS.key}.{QUIZ[0].name}"] == QUIZ[0].answer
