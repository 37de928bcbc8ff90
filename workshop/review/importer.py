"""`workshop review import`: downloaded submissions into the course, trusting nothing but answer values.

A file is read as JSON (never executed, never opened by Jupyter). From it we take only
``metadata.workshop``: which module, which participant, when, and the answer values. Each value is
validated by its exercise declaration, then the submission is rebuilt from the course's own release
notebook (``submission.write_submission``). Cells in the file (added code, edited hidden tests) are never
read. Each file is accepted or refused on its own, with a reason; one bad file does not stop the rest.
nbgrader's zip_collect is the model: files land in ``submitted/<code>/<module>/`` with a timestamp.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from workshop.exercises import ExerciseDeclarationError, Module, all_modules
from workshop.review import build
from workshop.review import course as course_files
from workshop.review.safety_notes import record_import_flags
from workshop.review.submission import SubmissionError, check_participant, clean_answers, write_submission

# Twelve reflections at their longest fit in well under this; a larger file is not one of ours.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ImportResult:
    path: Path
    imported: bool
    reason: str  # what happened, for the facilitator
    participant: str | None = None
    module: str | None = None


class Refused(Exception):
    """One file that cannot be imported; the message is the reason shown to the facilitator."""


def _read_metadata(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise Refused(f"cannot be read ({error.strerror or error}).") from None
    if size > MAX_FILE_BYTES:
        raise Refused(f"is {size / 1e6:.0f} MB, too large to be a workshop submission.")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise Refused("is not a text file: it may be damaged, or not a workshop submission.") from None
    except (json.JSONDecodeError, RecursionError):
        raise Refused("is damaged or incomplete (not valid notebook JSON).") from None
    workshop = data.get("metadata", {}).get("workshop") if isinstance(data, dict) else None
    if not isinstance(data.get("metadata") if isinstance(data, dict) else None, dict) or not isinstance(workshop, dict):
        raise Refused("is not a workshop submission (it has no workshop answers).")
    if workshop.get("format") != build.FORMAT:
        raise Refused("is not a workshop submission (it has no workshop answers).")
    if workshop.get("version") != build.FORMAT_VERSION:
        raise Refused(f"was made by another version of the workshop (format {workshop.get('version')!r}).")
    return workshop


def _submitted_at(value: Any) -> datetime:
    now = datetime.now(timezone.utc)
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise Refused("has no readable submission time: it may have been edited.")
    # A clock a little ahead is fine; a date in the future would win over every later real submission.
    if (moment - now).total_seconds() > 24 * 3600:
        raise Refused("says it was submitted in the future: it may have been edited.")
    return moment.astimezone(timezone.utc)


def import_file(
    path: Path, course: Path, modules: dict[str, Module], store: Any = None, sender: tuple[str, str] | None = None
) -> ImportResult:
    """Import one file. ``sender`` (participant, module), when the file came through nbgrader's exchange, is
    who submitted it and for which assignment: a file that names another participant or module is refused."""
    try:
        workshop = _read_metadata(path)
        key = workshop.get("module")
        if not isinstance(key, str) or key not in modules:
            raise Refused(f"is for a module this course does not have ({str(key)[:40]!r}).")
        module = modules[key]
        participant = workshop.get("participant")
        if sender is not None and (participant, key) != sender:
            raise Refused("names another participant or module than the submission it came in.")
        try:
            participant = check_participant(participant)
            answers = clean_answers(module, workshop.get("answers"))
        except SubmissionError as error:
            raise Refused(f"cannot be used: {error}") from None
        submitted_at = _submitted_at(workshop.get("submitted_at"))
        existing = course_files.read_timestamp(course_files.submission_dir(course, participant, key))
        if existing is not None and existing >= submitted_at:
            return ImportResult(
                path, False, "skipped: the course already has this or a newer submission.", participant, key
            )
        # Flags are found again from the values (never taken from the file) and recorded for the facilitator.
        flags = record_import_flags(store, participant, module, answers, path.name) if store is not None else []
        write_submission(course, participant, module, answers, submitted_at, flags)
        found = f" {len(flags)} safety flag(s) found: see `workshop flags`." if flags else ""
        return ImportResult(path, True, "imported." + found, participant, key)
    except Refused as refusal:
        return ImportResult(path, False, f"refused: this file {refusal}")


def import_submissions(
    files: list[Path | str],
    course_dir: Path | str | None = None,
    modules: list[Module] | None = None,
    store: Any = None,
) -> list[ImportResult]:
    """Import each file on its own; the results say, per file, what happened and why.

    Flags found in the answers go to ``store`` (default: the facilitator's own store)."""
    course = course_files.resolve(course_dir)
    course_files.require_course(course)
    try:
        declared = all_modules() if modules is None else modules
    except ExerciseDeclarationError as error:
        raise SubmissionError(f"The modules cannot be read: {error}") from None
    by_key = {module.key: module for module in declared if course_files.release_path(course, module.key).exists()}
    if store is None:
        from workshop.store import ResponseStore

        with ResponseStore.default() as facilitator_store:
            return [import_file(Path(path), course, by_key, facilitator_store) for path in files]
    return [import_file(Path(path), course, by_key, store) for path in files]
