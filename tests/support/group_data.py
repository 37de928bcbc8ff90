"""Answers of a whole group, written to a store as the pages would write them (through the store's API).

Used by the dashboard's tests and by the benchmark (12 participants with answers in all 8 modules).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workshop import participants
from workshop.exercises import Module
from workshop.measures import get_measure
from workshop.review import course as course_files
from workshop.store import ResponseStore


def rses(item_score: int) -> list[int]:
    """RSES answers whose every item scores ``item_score`` (0-3) after reverse keying: the total is 10x that."""
    measure = get_measure("rses")
    return [measure.highest + measure.lowest - item_score if item.reverse else item_score for item in measure.items]


def scs_sf(item_score: int) -> list[int]:
    """SCS-SF answers whose every item scores ``item_score`` (1-5) after reverse keying: the mean is that."""
    measure = get_measure("scs-sf")
    return [measure.highest + measure.lowest - item_score if item.reverse else item_score for item in measure.items]


def fears(*ratings: int | None, situations: tuple[str, ...] = ("Asking to join", "Speaking up", "A date")) -> list:
    return [{"situation": s, "rating": r} for s, r in zip(situations, ratings, strict=True)]


def practice_entry(likelihood: int | None, feared: str | None, **more: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "step": "Ask a colleague for feedback",
        "date": "2026-03-04",
        "prediction": "They will say no",
        "likelihood": likelihood,
        "distress_before": 40,
        "distress_peak": 55,
        "feared": feared,
        "happened": "They said yes",
        "surprise": 60,
        "learned": "People say yes more than I think",
    }
    entry.update(more)
    return entry


def submit(course: Path, participant: str, module_key: str) -> None:
    """What a submission leaves where the dashboard looks: submitted/<code>/<module>/timestamp.txt."""
    folder = course_files.submission_dir(course, participant, module_key)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "timestamp.txt").write_text(course_files.now_timestamp(), encoding="utf-8")


def fill_everything(store: ResponseStore, modules: list[Module], cohort: str, people: int) -> list[str]:
    """``people`` new participants in ``cohort``, each answering every exercise of every module with the value
    the browser drivers plan for it (valid for its kind), then submitting each module's answers."""
    from support.drivers import driver_for

    codes = []
    for _ in range(people):
        code = participants.new_code()
        store.register_participant(code)
        store.join_cohort(code, cohort)
        for module in modules:
            for exercise in module.exercises:
                if exercise.display_only:
                    continue
                value = exercise.validate(driver_for(exercise.kind).planned(exercise))
                store.save(code, exercise.id, value)
        codes.append(code)
    return codes
