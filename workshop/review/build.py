"""Build the nbgrader course: one assignment per module, its review notebook derived from module.toml.

A review notebook holds, for each declared exercise, the prompt as a locked Markdown cell and then:

* reflection: a manually graded Markdown answer cell (1 point: it counts when answered);
* choice (knowledge check): a solution code cell ``answer_<name> = <int or None>`` and a locked test cell
  whose hidden tests check it (1 point when right);
* any other kind (checklist, rating, check-in, questionnaires...): nothing here; the submission adds a
  plain, read-only Markdown cell that shows the value as escaped text (see ``submission.py``).

Everything is deterministic (cell ids included), so building twice changes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from workshop.exercises import Choice, Exercise, Module, Reflection, all_modules
from workshop.permissions import private_umask
from workshop.review import course as course_files
from workshop.review.literal import markdown_text

FORMAT = "rejection-resilience-review"
FORMAT_VERSION = 1
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
BEGIN_HIDDEN = "### BEGIN HIDDEN TESTS"
END_HIDDEN = "### END HIDDEN TESTS"


def answer_variable(exercise: Exercise) -> str:
    """The Python name a knowledge check's answer is bound to (prefixed: exercise names may shadow builtins)."""
    return f"answer_{exercise.name}"


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


def _markdown(source: str, cid: str, metadata: dict[str, object] | None = None) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(source, metadata=metadata or {})
    cell.id = cid
    return cell


def _code(source: str, cid: str, metadata: dict[str, object]) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source, metadata=metadata)
    cell.id = cid
    return cell


def prompt_grade_id(exercise: Exercise) -> str:
    return f"{exercise.name}_prompt"


def choice_answer_grade_id(exercise: Exercise) -> str:
    return f"{exercise.name}_answer"


def choice_check_grade_id(exercise: Exercise) -> str:
    return f"{exercise.name}_check"


def _prompt_cell(exercise: Exercise) -> nbformat.NotebookNode:
    kind_label = {
        "reflection": "Reflection (1 point when answered)",
        "choice": "Knowledge check (1 point when right)",
    }.get(exercise.kind, f"{exercise.kind.replace('_', ' ').capitalize()} (shown for reading; no points)")
    lines = [f"### {markdown_text(exercise.prompt)}", "", f"*{kind_label}* · `{exercise.id}`"]
    if isinstance(exercise, Choice):
        lines.append("")
        for number, option in enumerate(exercise.options, start=1):
            marker = " (right answer)" if number - 1 == exercise.answer else ""
            lines.append(f"{number}\\. {markdown_text(option)}{marker}  ")
    grade_id = prompt_grade_id(exercise)
    return _markdown("\n".join(lines), cell_id(grade_id), _nbgrader(grade_id, locked=True))


def _choice_check_source(exercise: Choice) -> str:
    variable = answer_variable(exercise)
    explanations = {index: text for index, text in enumerate(exercise.explanations)}
    right = exercise.answer + 1
    return "\n".join(
        [
            "# Checked when the facilitator runs autograde.",
            BEGIN_HIDDEN,
            f"_explanations = {explanations!r}",
            f"print(_explanations.get({variable}, 'No answer was given.'))",
            f"assert {variable} == {exercise.answer!r}, 'The right answer is option {right}.'",
            END_HIDDEN,
        ]
    )


def review_notebook(module: Module) -> nbformat.NotebookNode:
    """The instructor ("source") version of a module's review notebook."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.metadata["workshop"] = {"format": FORMAT, "version": FORMAT_VERSION, "module": module.key}
    intro = (
        f"# Review: {markdown_text(module.title)}\n\n"
        "The participant's answers to this module, as they gave them. Their own words are shown as plain "
        "text. Points mean completion, not a grade: a reflection counts when it is answered, and each "
        "knowledge check counts when it is right. Comment on reflections; the comments go back to the "
        "participant as feedback."
    )
    notebook.cells.append(_markdown(intro, "intro", _nbgrader("intro", locked=True)))
    for exercise in module.exercises:
        notebook.cells.append(_prompt_cell(exercise))
        if isinstance(exercise, Reflection):
            flags = {"solution": True, "grade": True, "points": 1}
            notebook.cells.append(
                _markdown(course_files.NO_ANSWER, cell_id(exercise.name), _nbgrader(exercise.name, **flags))
            )
        elif isinstance(exercise, Choice):
            answer_id = choice_answer_grade_id(exercise)
            notebook.cells.append(
                _code(f"{answer_variable(exercise)} = None", cell_id(answer_id), _nbgrader(answer_id, solution=True))
            )
            check_id = choice_check_grade_id(exercise)
            flags = {"grade": True, "locked": True, "points": 1}
            notebook.cells.append(
                _code(_choice_check_source(exercise), cell_id(check_id), _nbgrader(check_id, **flags))
            )
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


def ensure_assignment(module: Module, course_dir: Path | str | None = None) -> Path:
    """The release notebook of ``module``, building it first if the course lacks it."""
    course = course_files.resolve(course_dir)
    release = course_files.release_path(course, module.key)
    if not release.exists():
        build_course(course, [module])
    return release
