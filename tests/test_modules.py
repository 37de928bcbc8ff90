"""Every module that all_modules() finds, checked the same way: no test file per module.

- Shape (facilitator_guide/authoring.md): Page(...) first, page.nav() last, each declared exercise shown
  exactly once in one-line cells, check-in first and check-out last, a knowledge check that varies its
  right answers and does not always make the longest option right.
- The notebook runs headless (nbval, --nbval-lax) without touching any store.
- In Chromium, through the per-kind drivers in tests/support/drivers/: every exercise is answered by
  keyboard, says "Saved", is stored as the kind validates it, and comes back after a reload; axe (with its
  WCAG 2.2 target-size rule) finds no serious or critical problem; no request leaves 127.0.0.1.
- The same pages at phone size (390 x 844, touch), once each: answered by tapping, no sideways scrolling,
  the help control always on screen, targets of 24 px, fields in sight above an on-screen keyboard.
  Screenshots of both sizes go to artifacts/screenshots/ (module-<key>-answered, module-<key>-phone).
- The review notebook is built and filled for every module (see tests/test_review.py for nbgrader).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from support.browser import ARTIFACTS, axe_violations, describe_violations, screenshot, wait_for_widgets
from support.drivers import DRIVERS, driver_for
from support.phone import (
    BAR_MAX_PX,
    MIN_TARGET_PX,
    bar_height,
    fields_hidden_by_the_keyboard,
    help_in_reach,
    narrow_fields,
    scrolls_sideways,
    sideways,
    small_targets,
    split_words,
)
from support.server import new_registered_code

from widgets.registry import all_widgets, widget_for
from workshop.exercises import Module, all_modules
from workshop.kinds import all_kinds
from workshop.kinds.choice import Choice
from workshop.review.build import review_notebook
from workshop.review.submission import clean_answers, fill
from workshop.store import STORE_FILE

REPO = Path(__file__).resolve().parent.parent
MODULES = all_modules()
# One or more exercises that follow each other with no text between them: page.show("a", "b").
SHOW_CALL = re.compile(r'^page\.show\(("[a-z0-9_]+"(?:, "[a-z0-9_]+")*)\)$')
SUBMIT_CALL = "page.submit()"
NAV_CALL = "page.nav()"
# What the drivers type inside <b>, <i> and <em>: shown as text, never as live markup.
TYPED_MARKUP = re.compile("not bold|for two days|mine|You|plan")
# Page-level widgets that are not exercises (the closing's chart and plan card): display(...) one-liners.
DISPLAY_CALL = re.compile(r"^display\([A-Za-z]+\(.*\)\)$")


def notebook_path(module: Module) -> Path:
    return REPO / "modules" / module.notebook


def code_cells(module: Module) -> list[Any]:
    return [c for c in nbformat.read(notebook_path(module), as_version=4).cells if c.cell_type == "code"]


def shown_in_order(module: Module) -> list[str]:
    names = []
    for cell in code_cells(module)[1:]:
        for line in cell.source.strip().splitlines():
            if line in (SUBMIT_CALL, NAV_CALL) or DISPLAY_CALL.match(line):
                continue
            match = SHOW_CALL.match(line)
            assert match, f"{module.notebook}: code lines are page.show(...), page.submit() or page.nav(): {line!r}"
            names += re.findall(r'"([a-z0-9_]+)"', match.group(1))
    return names


def by_module(test: Any) -> Any:
    return pytest.mark.parametrize("module", MODULES, ids=[m.key for m in MODULES])(test)


# --- every kind is complete ---------------------------------------------------------------------


def test_every_kind_has_a_widget_a_review_rendering_and_a_browser_driver() -> None:
    kinds = all_kinds()
    for kind in kinds:
        widget_for(kind)
        driver_for(kind)
    assert set(all_widgets()) == set(kinds), "a widget registered for a kind the core does not know"
    assert set(DRIVERS) == set(kinds), "a driver for a kind the core does not know"
    gallery = next(m for m in MODULES if m.key == "gallery")
    assert {e.kind for e in gallery} == set(kinds), "the gallery shows one exercise of every kind"
    for exercise in gallery:
        value = exercise.validate(driver_for(exercise.kind).planned(exercise))
        if exercise.display_only:
            continue
        markdown = exercise.as_markdown(value)
        assert markdown and "{" not in markdown.replace("\\{", ""), f"{exercise.kind}: no JSON in the export"


# --- shape and headless run ---------------------------------------------------------------------


@by_module
def test_notebook_has_the_module_shape(module: Module) -> None:
    cells = code_cells(module)
    first = cells[0].source.splitlines()
    assert first[-1] == f'page = Page("{module.key}")' and "from widgets.page import Page" in first
    assert all(line.startswith(("from widgets.", "from IPython.display import")) for line in first[:-1])
    assert cells[-1].source.strip().splitlines()[-1] == NAV_CALL, "the last line is page.nav()"
    assert all(NAV_CALL not in cell.source for cell in cells[:-1])
    shown = shown_in_order(module)
    assert sorted(shown) == sorted(e.name for e in module), "show each declared exercise exactly once"
    assert module.minutes > 0
    if module.key in ("gallery",):
        return
    assert shown[0] == "checkin", "a module opens with its check-in"
    if any(e.kind == "checkout" for e in module):
        assert module[shown[-1]].kind == "checkout", "a module that checks out does so last"
    quiz = [e for e in module if isinstance(e, Choice)]
    if quiz:
        assert 3 <= len(quiz) <= 5
        assert len({e.answer for e in quiz}) > 1, "vary which option is right"
        assert knowledge_check_problems(quiz) == []


# Options that judge the person are easy to rule out (so they test nothing) and can sting.
JUDGING_WORDS = ("weak", "wrong with you", "broken", "your fault", "to blame", "keep it to yourself", "overreact")
MAX_LENGTH_RATIO = 1.5  # the longest option at most half as long again as the shortest (authoring.md)
MIN_TELLING_GAP = 12  # characters: a gap smaller than this is not a visible giveaway


def knowledge_check_problems(quiz: list[Choice]) -> list[str]:
    """What gives a knowledge check's answers away (facilitator_guide/authoring.md, "Writing a knowledge
    check"): the right answer as the longest option, uneven lengths, judging options, no scenarios."""
    problems = []
    for question in quiz:
        lengths = [len(option) for option in question.options]
        right = lengths[question.answer]
        if not any(length >= right for n, length in enumerate(lengths) if n != question.answer):
            problems.append(f"{question.name}: the right answer is the longest option ({lengths})")
        # Short options (names of thinking traps) may differ by a few letters without giving anything away.
        if max(lengths) > MAX_LENGTH_RATIO * min(lengths) and max(lengths) - min(lengths) > MIN_TELLING_GAP:
            problems.append(f"{question.name}: option lengths {lengths} are uneven")
        for option in question.options:
            if any(word in option.lower() for word in JUDGING_WORDS):
                problems.append(f"{question.name}: option judges the person: {option!r}")
    # A scenario sets a scene, then asks: at least two sentences in the prompt.
    scenarios = [q for q in quiz if len(re.findall(r"[.!?][\"']?(?:\s|$)", q.prompt.split(":", 1)[-1])) >= 2]
    if len(scenarios) < 2:
        problems.append(f"only {len(scenarios)} question(s) are short scenarios; write at least two")
    return problems


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


# nbval's outcome line for one cell under -v: "modules/01_triggers/triggers::ipynb::Cell 3 PASSED" (its node
# id spells the notebook so); group 1 is the notebook's path without ".ipynb".
CELL_OUTCOME = re.compile(r"^(\S+?)(?:\.|::)ipynb::Cell \d+ (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)", re.MULTILINE)


@pytest.fixture(scope="module")
def headless_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every module's notebook run headless (nbval, --nbval-lax), each in a kernel of its own, by one pytest
    process: a process per notebook spent more on starting pytest and nbval than on the notebooks (about
    2.1 s each, 19 s for all; one process: 9 s). The data folder is one for all, so a store in it fails
    every module's test."""
    data_dir = tmp_path_factory.mktemp("headless") / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "VOILA_", "QUERY_STRING"))}
    env["WORKSHOP_DATA_DIR"] = str(data_dir)
    paths = [str(notebook_path(module).relative_to(REPO)) for module in MODULES]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider", "-v", *paths],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    outcomes: dict[str, list[str]] = {}
    for path, outcome in CELL_OUTCOME.findall(result.stdout):
        outcomes.setdefault(path, []).append(outcome)
    return {"result": result, "outcomes": outcomes, "data_dir": data_dir}


@by_module
def test_notebook_runs_headless_without_touching_any_store(module: Module, headless_runs: dict[str, Any]) -> None:
    result, data_dir = headless_runs["result"], headless_runs["data_dir"]
    outcomes = headless_runs["outcomes"].get(str(notebook_path(module).relative_to(REPO).with_suffix("")), [])
    assert outcomes == ["PASSED"] * len(code_cells(module)), result.stdout[-4000:] + result.stderr[-2000:]
    assert result.returncode in (0, 1), result.stdout[-4000:] + result.stderr[-2000:]  # 1: a notebook failed
    assert not (data_dir / STORE_FILE).exists(), "a notebook run headless wrote a store (one data folder for all)"


@by_module
def test_review_notebook_is_built_and_filled_from_the_planned_answers(module: Module) -> None:
    from datetime import datetime, timezone

    planned = {e.id: driver_for(e.kind).planned(e) for e in module if not e.display_only}
    answers = clean_answers(module, planned)
    notebook = fill(review_notebook(module), module, "code-for-test", answers, datetime.now(timezone.utc))
    text = "\n".join(cell.source for cell in notebook.cells)  # (metadata keeps the values, as JSON data)
    assert "<b>" not in text and "<i>" not in text and "<em>" not in text, "participant markup is escaped"
    grade_ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in notebook.cells]
    assert len([g for g in grade_ids if g]) == len({g for g in grade_ids if g}), "grade ids are unique"


# --- in the browser ------------------------------------------------------------------------------


def open_module(page: Any, server: Any, module: Module, code: str | None) -> list[Any]:
    query = {"p": code} if code else {}
    page.goto(server.page_url(f"/voila/render/{module.notebook}", **query), wait_until="commit")
    names = shown_in_order(module)
    wait_for_widgets(page, min_widgets=len(names))
    boxes = page.locator(".ws-exercise")
    boxes.nth(len(names) - 1).wait_for(timeout=120_000)
    return [boxes.nth(i) for i in range(len(names))]


def status_of(box: Any) -> Any:
    return box.locator(".ws-status").last


def assert_accessible(page: Any, name: str) -> None:
    violations = axe_violations(page, target_size=True)
    assert not violations, f"axe found serious or critical problems on {name}:\n{describe_violations(violations)}"


@pytest.mark.browser
@by_module
def test_every_exercise_saves_by_keyboard_and_comes_back_after_a_reload(
    module: Module, page: Any, browser_log: Any, workshop_server: Any, server_store: Any
) -> None:
    from playwright.sync_api import expect

    browser_log.allow_console_error(r"status of 403 .*/voila/api/shutdown/")
    code = new_registered_code(server_store)
    boxes = open_module(page, workshop_server, module, code)
    exercises = [module[name] for name in shown_in_order(module)]
    expect(page.get_by_text('page.show("', exact=False)).to_have_count(0)  # no code shown
    assert_accessible(page, f"the fresh {module.key} page")
    planned = {e.id: driver_for(e.kind).planned(e) for e in exercises}
    for box, exercise in zip(boxes, exercises, strict=True):
        box.scroll_into_view_if_needed()
        driver_for(exercise.kind).enter(page, box, exercise, planned[exercise.id])
    for box, exercise in zip(boxes, exercises, strict=True):
        if not exercise.display_only:
            expect(status_of(box)).to_have_text("Saved", timeout=20_000)
    expected = {e.id: e.validate(planned[e.id]) for e in exercises if not e.display_only}
    assert server_store.latest_answers(code, f"{module.key}.") == expected
    typed_markup = page.locator(".ws-exercise :is(b, i, em)").filter(has_text=TYPED_MARKUP)
    assert typed_markup.count() == 0, "markup typed by the participant stays text"
    screenshot(page, f"module-{module.key}-answered")

    boxes = open_module(page, workshop_server, module, code)  # the same address again: a new kernel
    for box, exercise in zip(boxes, exercises, strict=True):
        driver_for(exercise.kind).expect_shown(box, exercise, planned[exercise.id])
        if not exercise.display_only:
            expect(status_of(box)).to_have_text("Saved")
    if module.key == "gallery":  # one picture of each kind, for authoring.md
        page.add_style_tag(content=".ws-bar { position: static !important; }")  # the fixed bar would cover them
        for box, exercise in zip(boxes, exercises, strict=True):
            path = ARTIFACTS / "screenshots" / "kinds" / f"{exercise.name}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            box.screenshot(path=str(path))
    assert_accessible(page, f"the answered and reloaded {module.key} page")


# --- on a phone, by touch (tests/support/phone.py) -------------------------------------------------


@pytest.mark.browser
@by_module
def test_every_exercise_answers_by_touch_on_a_phone(
    module: Module, phone_page: Any, browser_log: Any, workshop_server: Any, server_store: Any
) -> None:
    """At 390 x 844 with touch: no sideways scrolling, a one-line bar whose help control stays on screen and
    uncovered while the page scrolls, every kind answered by tapping and the on-screen keyboard, targets of
    24 px or more, text fields as wide as their exercise and not hidden under the bar or the keyboard, and
    axe (its target-size rule on) with no serious or critical finding."""
    from playwright.sync_api import expect

    page = phone_page
    browser_log.allow_console_error(r"status of 403 .*/voila/api/shutdown/")
    code = new_registered_code(server_store)
    boxes = open_module(page, workshop_server, module, code)
    exercises = [module[name] for name in shown_in_order(module)]

    assert bar_height(page) <= BAR_MAX_PX, f"the bar is {bar_height(page)} px tall, not one slim line"
    assert help_in_reach(page)
    assert not scrolls_sideways(page), f"sideways scrolling: {sideways(page)}"
    assert narrow_fields(page) == [], "text fields squeezed narrower than their exercise"

    planned = {e.id: driver_for(e.kind).planned(e) for e in exercises}
    for box, exercise in zip(boxes, exercises, strict=True):
        driver_for(exercise.kind).enter(page, box, exercise, planned[exercise.id], tap=True)
        assert help_in_reach(page), f"'Need help now?' is covered or off screen after {exercise.name}"
    for box, exercise in zip(boxes, exercises, strict=True):
        if not exercise.display_only:
            expect(status_of(box)).to_have_text("Saved", timeout=20_000)
    expected = {e.id: e.validate(planned[e.id]) for e in exercises if not e.display_only}
    assert server_store.latest_answers(code, f"{module.key}.") == expected

    # Answered: explanations shown, steps and entries added, charts drawn.
    assert not scrolls_sideways(page), f"sideways scrolling: {sideways(page)}"
    assert small_targets(page) == [], f"targets under {MIN_TARGET_PX} px"
    assert narrow_fields(page) == [], "text fields squeezed narrower than their exercise"
    assert split_words(page) == [], "ordinary words broken over two lines (a table's column squeezed?)"
    assert fields_hidden_by_the_keyboard(page) == []
    violations = axe_violations(page, target_size=True)
    assert not violations, f"axe on the answered {module.key} page at phone size:\n{describe_violations(violations)}"
    screenshot(page, f"module-{module.key}-phone")

    page.locator("nav.ws-nav").scroll_into_view_if_needed()  # the very end of the page
    assert help_in_reach(page)
    page.locator("summary.ws-help-summary").tap()
    expect(page.locator("#ws-help").get_by_role("region", name="Crisis support")).to_be_in_viewport()
    screenshot(page, f"module-{module.key}-phone-help", full_page=False)
