"""Build the nbgrader course: one assignment per module, its review notebook derived from module.toml.

A review notebook holds, for each declared exercise, the prompt as a locked Markdown cell, then what its
kind asks for (``workshop.kinds``): for each free-text part a locked title cell and a manually graded
Markdown answer cell (1 point when answered, and a comment box in formgrader); for a knowledge check a
solution code cell ``answer_<name> = <int or None>`` and a locked hidden test cell (1 point when right).
Structured parts (ratings, lists, tables) are added by the submission as a plain read-only Markdown cell
(see ``submission.py``). No kind is named here.

Everything is deterministic (cell ids included), so building twice changes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from workshop.errors import WorkshopError
from workshop.exercises import Exercise, Module, all_modules
from workshop.kinds.base import AnswerPart
from workshop.kinds.choice import BEGIN_HIDDEN, END_HIDDEN
from workshop.permissions import private_umask
from workshop.review import course as course_files
from workshop.text import markdown_text

FORMAT = "rejection-resilience-review"
FORMAT_VERSION = 2
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def cell_id(*parts: str) -> str:
    """A stable nbformat cell id (letters, digits, - and _; at most 64 characters)."""
    text = "-".join(parts)
    if len(text) <= 64:
        return text
    return text[:50] + "-" + hashlib.sha256(text.encode()).hexdigest()[:13]


def _nbgrader(grade_id: str, **flags: object) -> dict[str, object]:
    meta: dict[str, object] = {
        "grade_id": grade_id,
        "schema_version": 3,
        "grade": False,
        "solution": False,
        "locked": False,
        "task": False,
    }
    meta.update(flags)
    return {"nbgrader": meta}


FACILITATOR_ONLY = {"audience": "facilitator"}


def _markdown(source: str, cid: str, metadata: dict[str, object] | None = None) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(source, metadata=metadata or {})
    cell.id = cid
    return cell


def for_facilitator(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Mark a cell as written to the facilitator: the participant's feedback page leaves it out."""
    cell.metadata["workshop"] = dict(FACILITATOR_ONLY)
    return cell


def _code(source: str, cid: str, metadata: dict[str, object]) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source, metadata=metadata)
    cell.id = cid
    return cell


def prompt_grade_id(exercise: Exercise) -> str:
    return f"{exercise.name}_prompt"


def answer_grade_id(exercise: Exercise, part: AnswerPart) -> str:
    """The grade id of one free-text part ("__" cannot occur in an exercise name, so ids never collide)."""
    return f"{exercise.name}__{part.key}" if part.key else exercise.name


def reviewed(module: Module) -> list[Exercise]:
    """The exercises that have a place in the review (worked examples ask nothing, so they have none)."""
    return [exercise for exercise in module.exercises if not exercise.display_only]


def _kind_label(exercise: Exercise) -> str:
    name = exercise.kind.replace("_", " ").capitalize()
    if exercise.code_cells():
        return f"{name} (1 point when right)"
    parts = len(exercise.answer_parts())
    if parts:
        return f"{name} (1 point for each part answered)" if parts > 1 else f"{name} (1 point when answered)"
    return f"{name} (shown for reading; no points)"


def _prompt_cells(exercise: Exercise) -> list[nbformat.NotebookNode]:
    """The prompt (shown to both; the feedback page's table of contents names the exercise by it) and a
    note for the facilitator only: what the points mean, a question's options and its right answer."""
    grade_id = prompt_grade_id(exercise)
    prompt = _markdown(f"### {markdown_text(exercise.prompt)}", cell_id(grade_id), _nbgrader(grade_id, locked=True))
    prompt.metadata["workshop"] = {"exercise": exercise.prompt}
    note_id = f"{exercise.name}__note"
    lines = [f"*{_kind_label(exercise)}*", *(["", *exercise.prompt_markdown()] if exercise.prompt_markdown() else [])]
    note = _markdown("\n".join(lines), cell_id(note_id), _nbgrader(note_id, locked=True))
    return [prompt, for_facilitator(note)]


def exercise_cells(exercise: Exercise) -> list[nbformat.NotebookNode]:
    """The exercise's cells in the instructor ("source") review notebook."""
    cells = _prompt_cells(exercise)
    for part in exercise.answer_parts():
        grade_id = answer_grade_id(exercise, part)
        if part.title:
            title_id = f"{grade_id}__title"
            cells.append(
                _markdown(f"#### {markdown_text(part.title)}", cell_id(title_id), _nbgrader(title_id, locked=True))
            )
        flags = {"solution": True, "grade": True, "points": 1}
        cells.append(_markdown(course_files.NO_ANSWER, cell_id(grade_id), _nbgrader(grade_id, **flags)))
    for code in exercise.code_cells():
        cells.append(_code(code.answer_source, cell_id(code.answer_grade_id), _nbgrader(code.answer_grade_id, solution=True)))
        flags = {"grade": True, "locked": True, "points": 1}
        cells.append(_code(code.test_source, cell_id(code.test_grade_id), _nbgrader(code.test_grade_id, **flags)))
    return cells


def review_notebook(module: Module) -> nbformat.NotebookNode:
    """The instructor ("source") version of a module's review notebook."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.metadata["workshop"] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "module": module.key,
        "title": module.title,
    }
    intro = (
        f"# Review: {markdown_text(module.title)}\n\n"
        "The participant's answers to this module, as they gave them. Their own words are shown as plain "
        "text. Points mean completion, not a grade: each written part counts when it is answered, and each "
        "knowledge check counts when it is right. Comment on any written part; each comment goes back to the "
        "participant as feedback, beside the part it is about."
    )
    notebook.cells.append(for_facilitator(_markdown(intro, "intro", _nbgrader("intro", locked=True))))
    for exercise in reviewed(module):
        notebook.cells.extend(exercise_cells(exercise))
    nbformat.validate(notebook)
    return notebook


def notebook_text(notebook: nbformat.NotebookNode) -> str:
    return nbformat.writes(notebook) + "\n"


def participant_copy(module: Module) -> nbformat.NotebookNode:
    """The release version made without nbgrader (for downloads on machines that have no course)."""
    notebook = review_notebook(module)
    for cell in notebook.cells:
        if BEGIN_HIDDEN in cell.source:
            before = cell.source.split(BEGIN_HIDDEN, 1)[0]
            after = cell.source.split(END_HIDDEN, 1)[1]
            cell.source = (before + after).strip("\n")
    return notebook


@dataclass
class BuildReport:
    course: Path
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@private_umask()  # the course is for this account only: what this writes (and nbgrader) is owner-only
def build_course(course_dir: Path | str | None = None, modules: list[Module] | None = None) -> BuildReport:
    """Create or update the course; generate_assignment runs only for modules whose notebook changed."""
    course = course_files.resolve(course_dir)
    modules = all_modules() if modules is None else modules
    config_changed = course_files.write_config(course)
    report = BuildReport(course=course)
    api = None
    for module in modules:
        source = course / "source" / module.key / f"{module.key}.ipynb"
        text = notebook_text(review_notebook(module))
        existed = source.exists()
        same = existed and source.read_text(encoding="utf-8") == text
        if same and course_files.release_path(course, module.key).exists() and not config_changed:
            report.unchanged.append(module.key)
            continue
        source.parent.mkdir(parents=True, exist_ok=True)
        if not same:
            source.write_text(text, encoding="utf-8")
        api = api or course_files.nbgrader_api(course)
        course_files.check(api.generate_assignment(module.key), f"generate the assignment {module.key!r}")
        (report.updated if existed else report.created).append(module.key)
    return report


def require_assignment(module: Module, course_dir: Path | str | None = None) -> Path:
    """The release notebook of ``module``. Never built here: a participant's kernel must not run nbgrader
    (twelve submitting at once would all build it); `workshop serve --group` builds the course at start."""
    course = course_files.resolve(course_dir)
    release = course_files.release_path(course, module.key)
    if not release.exists():
        raise WorkshopError(
            f"The review course has no assignment for {module.title!r} yet, so this cannot be submitted now. "
            "Please tell your facilitator (they run `workshop review build`, or restart `workshop serve --group`)."
        )
    return release
