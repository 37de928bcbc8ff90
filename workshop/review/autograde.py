"""`workshop review autograde`: nbgrader's autograde for every new or newer submission, with progress.

After nbgrader has graded a submission, an answered reflection gets its completion point: nbgrader
marks a Markdown answer that differs from the release as needing a manual grade (and an unchanged,
empty one as 0). We give such answers their point and leave them flagged "needs manual grade", so
formgrader still shows the facilitator which reflections wait to be read. A score the facilitator
entered is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workshop import permissions
from workshop.errors import WorkshopError
from workshop.exercises import Module, all_modules
from workshop.review import build
from workshop.review import course as course_files


@dataclass(frozen=True)
class Pending:
    module: str
    participant: str


@dataclass(frozen=True)
class GradeResult:
    module: str
    participant: str
    ok: bool
    message: str


def pending_submissions(course: Path, force: bool = False) -> list[Pending]:
    """Submissions never autograded, or submitted again since (nbgrader's timestamp.txt tells which)."""
    found = []
    for folder in sorted((course / "submitted").glob("*/*")):
        if not (folder / "timestamp.txt").exists():
            continue
        participant, module = folder.parent.name, folder.name
        graded = course_files.read_timestamp(course / "autograded" / participant / module)
        submitted = course_files.read_timestamp(folder)
        if force or graded is None or submitted is None or submitted > graded:
            found.append(Pending(module, participant))
    return found


def credit_answered_parts(course: Path, module: Module, participant: str) -> int:
    """Give each answered written part its completion point; return how many were credited now.

    nbgrader scores an unchanged (unanswered) answer cell 0 itself and leaves an answered one for manual
    grading (no score yet): those are the ones credited."""
    from nbgrader.api import Gradebook, MissingEntry

    credited = 0
    grade_ids = [build.answer_grade_id(e, part) for e in build.reviewed(module) for part in e.answer_parts()]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_files.COURSE_ID) as gradebook:
        for grade_id in grade_ids:
            try:
                grade = gradebook.find_grade(grade_id, module.key, module.key, participant)
            except MissingEntry:
                continue
            if grade.auto_score is None and grade.manual_score is None:
                grade.manual_score = grade.max_score
                credited += 1
        gradebook.db.commit()
    return credited


def show_code_as_name(course: Path, participant: str) -> None:
    """Participants have no names here, only codes: show the code where formgrader shows a name
    (it would otherwise list everyone as "None, None")."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_files.COURSE_ID) as gradebook:
        gradebook.update_or_create_student(participant, last_name=participant, first_name="participant")


@permissions.private_umask()  # nbgrader's folders and gradebook.db owner-only (its files: nbgrader_config.py)
def autograde(
    course_dir: Path | str | None = None,
    force: bool = False,
    progress: bool = True,
    modules: list[Module] | None = None,
) -> list[GradeResult]:
    """Autograde what is pending; one failure is reported and the others still run."""
    from tqdm import tqdm

    course = course_files.resolve(course_dir)
    course_files.require_course(course)
    by_key = {module.key: module for module in (all_modules() if modules is None else modules)}
    todo = pending_submissions(course, force)
    api = course_files.nbgrader_api(course) if todo else None
    results = []
    for item in tqdm(todo, desc="Autograding", unit="submission", disable=not progress):
        try:
            if item.module not in by_key:
                raise WorkshopError(f"no module {item.module!r} is declared")
            course_files.check(api.autograde(item.module, item.participant), "autograde")
            credited = credit_answered_parts(course, by_key[item.module], item.participant)
            show_code_as_name(course, item.participant)
            results.append(
                GradeResult(item.module, item.participant, True, f"graded; {credited} written part(s) answered")
            )
        except WorkshopError as error:
            results.append(GradeResult(item.module, item.participant, False, str(error)))
    # Belt and braces: whatever nbgrader left readable by others (a course made before this rule) is tightened.
    permissions.secure_course(course)
    return results
