"""Practice between sessions: the participant's plan for this week, and what they keep up during it.

Every module from 1 to 6 ends with a plan for the week, declared as ``week_plan``; the next module opens
by showing it back. The current plan is the one saved most recently. What is kept up between sessions
(a practice log, once its ladder exists) is whatever a kind says it is (``kept_up_between_sessions``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from workshop.exercises import ExerciseDeclarationError, Module, load_module, module_index, modules_dir
from workshop.kinds import Exercise
from workshop.store import ResponseStore

WEEK_PLAN = "week_plan"  # the name every module gives its plan for the week (facilitator_guide/authoring.md)
PRACTICE_PAGE = "my_practice.ipynb"  # beside the start page


@dataclass(frozen=True)
class CurrentPlan:
    module: Module
    exercise: Exercise
    value: Any
    saved_at: datetime


def listed_modules(root: Path | None = None) -> list[Module]:
    """The modules offered to participants, in order; a module whose file has a mistake is left out here
    (its own page says what is wrong)."""
    found = []
    infos, _ = module_index(root)
    for info in infos:
        if not info.listed:
            continue
        try:
            found.append(load_module((root or modules_dir()) / info.folder))
        except ExerciseDeclarationError:
            continue
    return found


def current_plan(store: ResponseStore, participant: str, modules: list[Module] | None = None) -> CurrentPlan | None:
    """The plan for the week saved most recently (a plan with something written in it), or None."""
    latest: CurrentPlan | None = None
    for module in modules if modules is not None else listed_modules():
        try:
            exercise = module[WEEK_PLAN]
        except KeyError:
            continue
        revisions = store.revisions(participant, exercise.id)
        if not revisions:
            continue
        try:
            value = exercise.validate(revisions[-1].value)
        except ValueError:
            continue
        if exercise.is_answered(value) and (latest is None or revisions[-1].saved_at >= latest.saved_at):
            latest = CurrentPlan(module, exercise, value, revisions[-1].saved_at)
    return latest


def answered_ids(answers: Mapping[str, Any], modules: list[Module]) -> set[str]:
    """The exercises of ``modules`` that ``answers`` (exercise id -> latest value) really answer, each judged
    by its own declaration (an answer saved under an older declaration does not count)."""
    found = set()
    for exercise in (e for module in modules for e in module.exercises):
        if exercise.id in answers:
            try:
                if exercise.is_answered(exercise.validate(answers[exercise.id])):
                    found.add(exercise.id)
            except ValueError:
                continue
    return found


def kept_up(answers: Mapping[str, Any], modules: list[Module] | None = None) -> list[Exercise]:
    """The exercises this participant keeps up between sessions (the start page's "My practice")."""
    modules = modules if modules is not None else listed_modules()
    answered = answered_ids(answers, modules)
    return [e for module in modules for e in module.exercises if e.kept_up_between_sessions(answered)]
