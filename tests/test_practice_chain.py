"""Practice between sessions: every numbered module ends with a plan for the week, and the next page
opens by showing it back (a follow-up of it). Generic over the modules found, so a new module is checked."""

from __future__ import annotations

import itertools

import pytest

from widgets.landing import NUMBERED_HEADING, module_heading
from workshop.exercises import all_modules, find_exercise

WEEK_PLAN = "week_plan"


def listed_modules() -> list:
    return [m for m in all_modules() if m.listed]


def follow_ups(module) -> list:
    return [e for e in module.exercises if getattr(e, "plan", "") and e.kind == "follow_up"]


def test_every_follow_up_shows_back_a_declared_plan() -> None:
    for module in all_modules():
        for follow_up in follow_ups(module):
            plan = find_exercise(follow_up.plan)
            assert plan is not None, f"{follow_up.id} follows up {follow_up.plan}, which no module declares"
            assert plan.kind == "plan", f"{follow_up.id} follows up {follow_up.plan}, a {plan.kind}, not a plan"


@pytest.mark.parametrize("module", [m for m in listed_modules() if NUMBERED_HEADING.match(module_heading(m))], ids=str)
def test_every_numbered_module_ends_with_a_plan_for_the_week(module) -> None:
    names = [e.name for e in module.exercises]
    assert WEEK_PLAN in names, f"{module.key} has no {WEEK_PLAN}"
    quizzes = [n for n, name in enumerate(names) if name.startswith("quiz_")]
    assert not quizzes or names.index(WEEK_PLAN) < quizzes[0], (
        f"{module.key}: the plan comes before the knowledge check"
    )


def test_the_next_module_opens_with_last_weeks_plan() -> None:
    modules = listed_modules()
    for before, after in itertools.pairwise(modules):
        plan = f"{before.key}.{WEEK_PLAN}"
        if find_exercise(plan) is None:
            continue
        shown = [f for f in follow_ups(after) if f.plan == plan]
        assert shown, f"{after.key} does not show back {plan}"
        names = [e.name for e in after.exercises]
        assert names.index(shown[0].name) <= 1, f"{after.key}: last week's plan comes right after the check-in"
