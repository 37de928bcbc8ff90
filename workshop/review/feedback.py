"""Feedback: nbgrader's generate_feedback for the course, and one participant's feedback files.

nbgrader writes ``feedback/<code>/<module>/<module>.html`` with a timestamp.txt. In group mode the
landing page lists the files of the participant whose code was entered, and only theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workshop import participants, permissions
from workshop.exercises import Module, all_modules
from workshop.review import course as course_files


@dataclass(frozen=True)
class Feedback:
    module: str  # the module key
    title: str  # the module's title, for the participant
    path: Path
    html: str
    generated_at: datetime | None


@dataclass(frozen=True)
class FeedbackResult:
    module: str
    participant: str
    ok: bool
    message: str


def graded_submissions(course: Path) -> list[tuple[str, str]]:
    """(module, participant) of every autograded submission."""
    return [
        (folder.name, folder.parent.name)
        for folder in sorted((course / "autograded").glob("*/*"))
        if (folder / "timestamp.txt").exists()
    ]


@permissions.private_umask()  # feedback holds participants' words: owner-only, as the rest of the course
def generate_feedback(course_dir: Path | str | None = None, progress: bool = True) -> list[FeedbackResult]:
    """nbgrader's generate_feedback for every autograded submission (the comments as they are now)."""
    from tqdm import tqdm

    from workshop.errors import WorkshopError

    course = course_files.resolve(course_dir)
    course_files.require_course(course)
    todo = graded_submissions(course)
    api = course_files.nbgrader_api(course) if todo else None
    results = []
    for module, participant in tqdm(todo, desc="Feedback", unit="submission", disable=not progress):
        try:
            course_files.check(api.generate_feedback(module, participant), "generate feedback")
            results.append(FeedbackResult(module, participant, True, "feedback written"))
        except WorkshopError as error:
            results.append(FeedbackResult(module, participant, False, str(error)))
    permissions.secure_course(course)
    return results


def feedback_for(
    participant: str, course_dir: Path | str | None = None, modules: list[Module] | None = None
) -> list[Feedback]:
    """The feedback files for ``participant`` that exist, in curriculum order ([] for a malformed code)."""
    if not isinstance(participant, str) or participants.problems(participant):
        return []
    code = participants.normalize(participant)
    course = course_files.resolve(course_dir)
    folder = course / "feedback" / code
    if not folder.is_dir():
        return []
    declared = all_modules() if modules is None else modules
    found = []
    for module in declared:
        path = folder / module.key / f"{module.key}.html"
        if path.is_file():
            found.append(
                Feedback(
                    module=module.key,
                    title=module.title,
                    path=path,
                    html=path.read_text(encoding="utf-8", errors="replace"),
                    generated_at=course_files.read_timestamp(path.parent),
                )
            )
    return found
