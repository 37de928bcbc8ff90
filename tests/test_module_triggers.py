"""Module 1, "Triggers": the notebook runs headless, and the Voila page works in a real browser.

This file is the template for the other modules' tests: copy it, change MODULE_FOLDER and the answers.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from support.browser import axe_violations, describe_violations, screenshot, wait_for_widgets
from support.drivers import driver_for
from support.server import new_registered_code

from widgets.choice import NOT_BEST, RIGHT, feedback_html
from workshop.exercises import load_module
from workshop.kinds.checkin import CheckIn
from workshop.kinds.checklist import Checklist
from workshop.kinds.choice import Choice
from workshop.kinds.rating import Rating
from workshop.kinds.reflection import Reflection
from workshop.store import STORE_FILE

REPO = Path(__file__).resolve().parent.parent
MODULE_FOLDER = REPO / "modules" / "01_triggers"
MODULE = load_module(MODULE_FOLDER)
NOTEBOOK = MODULE_FOLDER / f"{MODULE.key}.ipynb"
PAGE_PATH = f"/voila/render/{MODULE.notebook}"
SHOW_CALL = re.compile(r'^page\.show\("([a-z0-9_]+)"\)$')
SUBMIT_CALL = "page.submit()"


def shown_in_order(notebook: Path = NOTEBOOK) -> list[str]:
    """The exercise names the notebook shows, in page order (every code cell but the first and last)."""
    cells = [c for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"]
    names = []
    for cell in cells[1:-1]:
        if cell.source.strip() == SUBMIT_CALL:
            continue  # "Submit for review": the page's own control, not an exercise
        match = SHOW_CALL.match(cell.source.strip())
        assert match, (
            f"code cells between Page(...) and page.nav() are one page.show(...) call each, or page.submit(): "
            f"{cell.source!r}"
        )
        names.append(match.group(1))
    return names


# --- The module's shape (no browser) ---------------------------------------------------------------


def test_notebook_shows_every_declared_exercise_once_in_module_shape() -> None:
    cells = [c for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "code"]
    assert cells[0].source.splitlines() == ["from widgets.page import Page", f'page = Page("{MODULE.key}")']
    assert cells[-1].source.strip() == "page.nav()"
    shown = shown_in_order()
    assert sorted(shown) == sorted(e.name for e in MODULE), "show each declared exercise exactly once"
    assert shown[0] == "checkin" and shown[-1] == "checkout"
    quiz = [e for e in MODULE if isinstance(e, Choice)]
    assert 3 <= len(quiz) <= 5
    assert len({e.answer for e in quiz}) > 1, "vary which option is right"
    assert MODULE.order == 1 and MODULE.minutes > 0


# Options that judge the person are easy to rule out (so they test nothing) and can sting.
JUDGING_WORDS = ("weak", "wrong with you", "broken", "your fault", "to blame", "keep it to yourself", "overreact")
MAX_LENGTH_RATIO = 1.5  # the longest option at most half as long again as the shortest (authoring.md)


def knowledge_check_problems(quiz: list[Choice]) -> list[str]:
    """What gives a knowledge check's answers away (facilitator_guide/authoring.md, "Writing a knowledge
    check"): the right answer as the longest option, uneven lengths, judging options, no scenarios."""
    problems = []
    for question in quiz:
        lengths = [len(option) for option in question.options]
        right = lengths[question.answer]
        if not any(length >= right for n, length in enumerate(lengths) if n != question.answer):
            problems.append(f"{question.name}: the right answer is the longest option ({lengths})")
        if max(lengths) > MAX_LENGTH_RATIO * min(lengths):
            problems.append(f"{question.name}: option lengths {lengths} are uneven")
        for option in question.options:
            if any(word in option.lower() for word in JUDGING_WORDS):
                problems.append(f"{question.name}: option judges the person: {option!r}")
    # A scenario sets a scene, then asks: at least two sentences in the prompt.
    scenarios = [q for q in quiz if len(re.findall(r"[.!?][\"']?(?:\s|$)", q.prompt.split(":", 1)[-1])) >= 2]
    if len(scenarios) < 2:
        problems.append(f"only {len(scenarios)} question(s) are short scenarios; write at least two")
    return problems


def test_knowledge_check_does_not_give_the_answer_away() -> None:
    quiz = [e for e in MODULE if isinstance(e, Choice)]
    assert knowledge_check_problems(quiz) == []


def test_knowledge_check_rule_catches_the_old_giveaways() -> None:
    """The old question 4: the right answer longest by far, and options that judged the person."""
    old = Choice(
        id="triggers.old",
        prompt="Question 4: You notice that two of the five vulnerabilities fit you. What does that mean?",
        options=(
            "Something is wrong with you",
            "You will always be hurt badly by rejection",
            "You should keep it to yourself",
            "They are patterns worth noticing, and they can help explain why some rejections hurt more",
        ),
        answer=3,
        explanations=("No.", "No.", "No.", "Yes."),
    )
    problems = knowledge_check_problems([old])
    assert any("longest" in p for p in problems) and any("uneven" in p for p in problems)
    assert any("judges" in p for p in problems) and any("scenarios" in p for p in problems)


def test_feedback_names_the_verdict_in_words_and_escapes_text() -> None:
    question = Choice(
        id="triggers.sample", prompt="Pick one", options=("a", "b"), answer=1, explanations=("No <b>", "Yes & so")
    )
    assert feedback_html(question, None) == ""
    assert RIGHT in feedback_html(question, 1) and "Yes &amp; so" in feedback_html(question, 1)
    assert NOT_BEST in feedback_html(question, 0) and "&lt;b&gt;" in feedback_html(question, 0)


def test_notebook_runs_headless_without_touching_any_store(tmp_path: Path) -> None:
    """nbval executes every cell (--nbval-lax: no output comparison); with no participant the page uses
    a private in-memory store, so the data folder stays empty."""
    env = {**_clean_env(), "WORKSHOP_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider", "-q", str(NOTEBOOK)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    code_cells = sum(c.cell_type == "code" for c in nbformat.read(NOTEBOOK, as_version=4).cells)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert f"{code_cells} passed" in result.stdout, result.stdout[-2000:]
    assert not (tmp_path / "data" / STORE_FILE).exists()


def _clean_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "VOILA_", "QUERY_STRING"))}


# --- In the browser ------------------------------------------------------------------------------------

SLIDER_PRESSES = {"checkin": 20, "checkout": 15}  # low distress: no grounding panel, no flag


def planned_answer(exercise: Any) -> Any:
    """What the browser test enters for ``exercise``, as the store should hold it."""
    if isinstance(exercise, CheckIn):
        return SLIDER_PRESSES[exercise.name]
    if isinstance(exercise, Reflection):
        return f"My answer to {exercise.name}: <b>not bold</b> & kept as typed."
    if isinstance(exercise, Checklist):
        return {"selected": list(exercise.options[:2]), "other": f"my own words for {exercise.name}"}
    if isinstance(exercise, Choice):
        return exercise.answer
    if isinstance(exercise, Rating):
        return exercise.minimum + 3
    return driver_for(exercise.kind).planned(exercise)  # newer kinds (the week's plan): the shared drivers


def rating_label(exercise: Rating, value: int) -> str:
    anchors = dict(exercise.anchors)
    return f"{value} {anchors[value]}" if value in anchors else str(value)


def open_module(page, server, code: str | None) -> list[Any]:  # type: ignore[no-untyped-def]
    """Open the module page and return one locator per exercise box, in page order."""
    query = {"p": code} if code else {}
    # Voila streams the page while its cells run; the "load" event waits for all of them, which on a busy
    # machine can pass the navigation timeout. wait_for_widgets below has its own, longer, limit.
    page.goto(server.page_url(PAGE_PATH, **query), wait_until="commit")
    names = shown_in_order()
    wait_for_widgets(page, min_widgets=len(names))
    boxes = page.locator(".ws-exercise")
    boxes.nth(len(names) - 1).wait_for()
    # The submit control is styled as an exercise box too (.ws-exercise), after the last exercise.
    submit_controls = sum(c.source.strip() == SUBMIT_CALL for c in nbformat.read(NOTEBOOK, as_version=4).cells)
    assert boxes.count() == len(names) + submit_controls, f"expected {len(names)} exercises, found {boxes.count()}"
    return [boxes.nth(i) for i in range(len(names))]


def status_of(box) -> Any:  # type: ignore[no-untyped-def]
    # The base widget's status line is the last .ws-status in the box (a choice's explanation is another).
    return box.locator(".ws-status").last


def enter(page, box, exercise: Any, value: Any) -> None:  # type: ignore[no-untyped-def]
    if isinstance(exercise, CheckIn):
        slider = box.get_by_role("slider")
        slider.focus()
        for _ in range(value):
            page.keyboard.press("ArrowRight")
    elif isinstance(exercise, Reflection):
        box.get_by_role("textbox", name=exercise.prompt).fill(value)
    elif isinstance(exercise, Checklist):
        for option in value["selected"]:
            box.get_by_role("checkbox", name=option, exact=True).check()
        box.get_by_role("textbox", name=exercise.other_label).fill(value["other"])
    elif isinstance(exercise, Choice):
        box.get_by_role("radio", name=exercise.options[value], exact=True).check()
    elif isinstance(exercise, Rating):
        box.get_by_role("radio", name=rating_label(exercise, value), exact=True).check()
    else:
        driver_for(exercise.kind).enter(page, box, exercise, value)


def expect_shown(page, box, exercise: Any, value: Any) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    if isinstance(exercise, CheckIn):
        expect(box.get_by_role("slider")).to_have_attribute("aria-valuetext", str(value))
    elif isinstance(exercise, Reflection):
        expect(box.get_by_role("textbox", name=exercise.prompt)).to_have_value(value)
    elif isinstance(exercise, Checklist):
        for option in exercise.options:
            checkbox = box.get_by_role("checkbox", name=option, exact=True)
            (expect(checkbox).to_be_checked if option in value["selected"] else expect(checkbox).not_to_be_checked)()
        expect(box.get_by_role("textbox", name=exercise.other_label)).to_have_value(value["other"])
    elif isinstance(exercise, Choice):
        expect(box.get_by_role("radio", name=exercise.options[value], exact=True)).to_be_checked()
        expect(box.locator(".ws-explanation")).to_contain_text(exercise.explanations[value])
    elif isinstance(exercise, Rating):
        expect(box.get_by_role("radio", name=rating_label(exercise, value), exact=True)).to_be_checked()
    else:
        driver_for(exercise.kind).expect_shown(box, exercise, value)


def assert_accessible(page, name: str) -> None:  # type: ignore[no-untyped-def]
    violations = axe_violations(page)
    assert not violations, f"axe found serious or critical problems on {name}:\n{describe_violations(violations)}"


@pytest.mark.browser
def test_page_renders_every_exercise_privately_and_accessibly(page, workshop_server, server_store) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    boxes = open_module(page, workshop_server, new_registered_code(server_store))
    expect(page.get_by_role("heading", name="Module 1: Triggers", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Sources", exact=True)).to_be_visible()
    expect(page.get_by_role("navigation", name="Modules")).to_contain_text("Start page")
    expect(page.get_by_text('page.show("', exact=False)).to_have_count(0)  # no code shown
    for box in boxes:
        expect(status_of(box)).to_have_text("Not answered yet")
    screenshot(page, "triggers-top", full_page=False)
    screenshot(page, "triggers-full")
    assert_accessible(page, "the fresh module page")


@pytest.mark.browser
def test_every_exercise_saves_and_comes_back_after_a_reload(page, browser_log, workshop_server, server_store) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    # Leaving the page makes Voila ask the server to shut the old kernel down, and `workshop serve`
    # answers 403 (reported to the server's owner). It does not touch answers, which this test checks.
    browser_log.allow_console_error(r"status of 403 .*/voila/api/shutdown/")

    code = new_registered_code(server_store)
    boxes = open_module(page, workshop_server, code)
    exercises = [MODULE[name] for name in shown_in_order()]
    planned = {e.id: planned_answer(e) for e in exercises}
    for box, exercise in zip(boxes, exercises, strict=True):
        enter(page, box, exercise, planned[exercise.id])
    for box in boxes:
        expect(status_of(box)).to_have_text("Saved", timeout=15_000)
    assert server_store.latest_answers(code, f"{MODULE.key}.") == planned
    # The reflection's markup is stored as typed and shown as text, never as live HTML.
    assert page.locator(".ws-exercise b").count() == 0
    screenshot(page, "triggers-answered-full")

    boxes = open_module(page, workshop_server, code)  # the same address loaded afresh: a new kernel
    for box, exercise in zip(boxes, exercises, strict=True):
        expect_shown(page, box, exercise, planned[exercise.id])
        expect(status_of(box)).to_have_text("Saved")
    screenshot(page, "triggers-restored-full")
    for heading, name in (("Try it: a recent rejection", "snapshot"), ("Try it: your trigger map", "trigger-map")):
        page.get_by_role("heading", name=heading).evaluate("element => element.scrollIntoView()")
        screenshot(page, f"triggers-restored-{name}", full_page=False)
    assert_accessible(page, "the answered and reloaded module page")


@pytest.mark.browser
def test_each_knowledge_check_answer_shows_its_explanation(page, workshop_server, server_store) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    code = new_registered_code(server_store)
    boxes = open_module(page, workshop_server, code)
    by_name = dict(zip(shown_in_order(), boxes, strict=True))
    quiz = [e for e in MODULE if isinstance(e, Choice)]
    for question in quiz:
        box = by_name[question.name]
        explanation = box.locator(".ws-explanation")
        expect(explanation).to_have_text("")
        for index, option in enumerate(question.options):
            box.get_by_role("radio", name=option, exact=True).check()
            verdict = RIGHT if index == question.answer else NOT_BEST
            expect(explanation).to_contain_text(verdict)
            expect(explanation).to_contain_text(question.explanations[index])
        box.scroll_into_view_if_needed()
    screenshot(page, "triggers-knowledge-check", full_page=False)
    for question in quiz:
        expect(status_of(by_name[question.name])).to_have_text("Saved", timeout=15_000)
    last = {q.id: len(q.options) - 1 for q in quiz}
    assert server_store.latest_answers(code, f"{MODULE.key}.quiz_") == last
    assert_accessible(page, "the knowledge check with explanations shown")
