"""A participant's answers to one module, as a filled review notebook (an nbgrader submission).

The notebook is always made from a release notebook (the course's own, or the same notebook built
without nbgrader for a download) plus the answer values, each validated by its exercise declaration:

* each free-text part -> its Markdown answer cell, escaped (``workshop.text.answer_markdown``);
* a knowledge check -> ``answer_<name> = <int or None>``, written with ``repr`` of a validated int;
* structured parts (ratings, lists, tables) -> a plain Markdown cell after the prompt, made by the kind.

The answer values also travel in ``metadata.workshop.answers``: that is all `workshop review import`
reads from a file; it rebuilds the rest from the course (see ``importer.py``).
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import nbformat

from workshop import participants
from workshop.errors import WorkshopError
from workshop.exercises import Exercise, Module
from workshop.permissions import private_umask
from workshop.review import build
from workshop.review import course as course_files
from workshop.review.safety_notes import safety_cell, stored_flags
from workshop.text import answer_markdown


class SubmissionError(WorkshopError):
    """Answers that cannot become a submission (the message names the exercise and the problem)."""


def check_participant(participant: str) -> str:
    """A well-formed participant code (it becomes a folder name and an nbgrader student id)."""
    if not participants.is_canonical(participant):
        raise SubmissionError("This is not a participant code.")
    return participant


def clean_answers(module: Module, answers: dict[str, Any]) -> dict[str, Any]:
    """Validated answers of ``module`` keyed by exercise id; anything else is refused, never guessed."""
    if not isinstance(answers, dict):
        raise SubmissionError("The answers are not a list of exercise ids and values.")
    declared = {exercise.id: exercise for exercise in module.exercises}
    unknown = sorted(str(key) for key in answers if key not in declared)
    if unknown:
        shown = ", ".join(repr(k[:60]) for k in unknown[:3])
        raise SubmissionError(f"Module {module.key!r} has no exercise(s) {shown}.")
    cleaned: dict[str, Any] = {}
    for exercise_id, value in answers.items():
        if value is None:
            continue
        try:
            cleaned[exercise_id] = declared[exercise_id].validate(value)
        except (ValueError, TypeError, NotImplementedError) as error:
            raise SubmissionError(f"The answer to {exercise_id!r} cannot be used: {error}") from None
    for exercise_id, value in cleaned.items():
        _check_text(exercise_id, value)
    return cleaned


def _check_text(exercise_id: str, value: Any) -> None:
    # Text that cannot be written as UTF-8 (lone surrogates) would fail when the notebook is saved.
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, TypeError, ValueError):
        raise SubmissionError(f"The answer to {exercise_id!r} holds characters that cannot be saved.") from None


def _shown_cell(exercise: Exercise, value: Any) -> nbformat.NotebookNode | None:
    """The structured parts of a value as a plain, read-only Markdown cell (None when there are none).

    A plain cell (no nbgrader metadata): nbgrader keeps it as it is through autograde and feedback."""
    if not exercise.is_answered(value):
        source = course_files.NO_ANSWER if not exercise.answer_parts() else None
    else:
        source = exercise.shown_markdown(value)
    if source is None:
        return None
    cell = nbformat.v4.new_markdown_cell(source)
    cell.id = build.cell_id(exercise.name, "value")
    return cell


def fill(
    release: nbformat.NotebookNode,
    module: Module,
    participant: str,
    answers: dict[str, Any],
    submitted_at: datetime,
    flags: list[dict[str, Any]] | None = None,
) -> nbformat.NotebookNode:
    """The release notebook with ``answers`` (already cleaned) filled in; ``release`` is not changed.

    ``flags`` (``safety_notes.flag_record``) open the notebook as a safety cell and travel in its metadata."""
    notebook = copy.deepcopy(release)
    by_grade_id = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell for cell in notebook.cells}
    exercises = build.reviewed(module)
    expected = [build.prompt_grade_id(e) for e in exercises]
    expected += [build.answer_grade_id(e, part) for e in exercises for part in e.answer_parts()]
    expected += [code.answer_grade_id for e in exercises for code in e.code_cells()]
    missing = [grade_id for grade_id in expected if grade_id not in by_grade_id]
    if missing:
        raise SubmissionError(
            f"The course's review notebook of {module.key!r} is older than the module (no {missing[0]!r}). "
            "Run `workshop review build`."
        )
    prompts = {build.prompt_grade_id(e): e for e in exercises}
    cells = []
    for cell in notebook.cells:
        cells.append(cell)
        exercise = prompts.get(cell.metadata.get("nbgrader", {}).get("grade_id", ""))
        if exercise is None:
            continue
        value = answers.get(exercise.id, exercise.empty())
        shown = _shown_cell(exercise, value)
        if shown is not None:
            cells.append(shown)
        if exercise.is_answered(value):
            texts = exercise.part_texts(value)
            for part in exercise.answer_parts():
                if texts.get(part.key):
                    by_grade_id[build.answer_grade_id(exercise, part)].source = answer_markdown(texts[part.key])
        for grade_id, source in exercise.code_answers(value).items():
            by_grade_id[grade_id].source = source
    warning = safety_cell(module, flags or [])
    if warning is not None:
        cells.insert(1, warning)  # right after the title: nobody grades past it
    notebook.cells = cells
    notebook.metadata["workshop"] = {
        "format": build.FORMAT,
        "version": build.FORMAT_VERSION,
        "module": module.key,
        "title": module.title,
        "participant": participant,
        "submitted_at": submitted_at.astimezone(timezone.utc).isoformat(),
        "answers": answers,
        "flags": flags or [],
    }
    nbformat.validate(notebook)
    return notebook


def _answers_from_store(store: Any, participant: str, module: Module) -> dict[str, Any]:
    declared = {exercise.id for exercise in module.exercises}
    stored = store.latest_answers(participant, prefix=f"{module.key}.")
    return clean_answers(module, {k: v for k, v in stored.items() if k in declared})


def notebook_bytes(notebook: nbformat.NotebookNode) -> bytes:
    return (nbformat.writes(notebook) + "\n").encode("utf-8")


def download_name(participant: str, module: Module) -> str:
    return f"workshop-{module.key}-{participant}.ipynb"


def submission_for_download(
    store: Any, participant: str, module: Module, now: datetime | None = None
) -> tuple[str, bytes]:
    """(file name, file content) of the participant's submission, made without any course on this machine."""
    notebook = filled_from_store(store, participant, module, build.participant_copy(module), now)
    return download_name(participant, module), notebook_bytes(notebook)


def filled_from_store(
    store: Any, participant: str, module: Module, release: nbformat.NotebookNode, now: datetime | None = None
) -> nbformat.NotebookNode:
    """``release`` filled with the participant's latest stored answers to ``module`` and its flags."""
    answers = _answers_from_store(store, participant, module)
    flags = stored_flags(store, participant, module)
    return fill(release, module, participant, answers, now or datetime.now(timezone.utc), flags)


@private_umask()  # submissions hold participants' words: folders 0700 (the files are mkstemp's 0600)
def write_submission(
    course: Path,
    participant: str,
    module: Module,
    answers: dict[str, Any],
    submitted_at: datetime,
    flags: list[dict[str, Any]] | None = None,
) -> Path:
    """Write ``submitted/<code>/<module>/<module>.ipynb`` and nbgrader's timestamp.txt, replacing both at once."""
    check_participant(participant)
    release = nbformat.read(build.require_assignment(module, course), as_version=4)
    notebook = fill(release, module, participant, answers, submitted_at, flags)
    folder = course_files.submission_dir(course, participant, module.key)
    folder.mkdir(parents=True, exist_ok=True)
    _atomic_write(folder / f"{module.key}.ipynb", notebook_bytes(notebook))
    _atomic_write(folder / "timestamp.txt", course_files.now_timestamp(submitted_at).encode())
    return folder


def _atomic_write(path: Path, data: bytes) -> None:
    # Autograde may read while a participant re-submits: never let it see half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def submit_to_course(
    store: Any,
    participant: str,
    module: Module,
    course_dir: Path | str | None = None,
    now: datetime | None = None,
) -> Path:
    """Group mode: put the participant's latest answers to ``module`` into the course as a new submission."""
    course = course_files.resolve(course_dir)
    answers = _answers_from_store(store, participant, module)
    flags = stored_flags(store, participant, module)
    return write_submission(course, participant, module, answers, now or datetime.now(timezone.utc), flags)
