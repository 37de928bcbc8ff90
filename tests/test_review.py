"""Facilitator review with nbgrader: build, submit, import (tampered files too), autograde, feedback.

The course is built once per test module in a tmp folder from a small test curriculum (one module of
many reflections, so that 25 hostile payloads go through one real autograde and feedback run).
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from workshop.errors import WorkshopError
from workshop.exercises import all_modules
from workshop.participants import new_code
from workshop.review import course as course_files
from workshop.review.autograde import autograde, pending_submissions
from workshop.review.build import build_course, review_notebook
from workshop.review.commands import add_commands, lab_command
from workshop.review.feedback import feedback_for, generate_feedback
from workshop.review.importer import import_submissions
from workshop.review.submission import clean_answers, submission_for_download, submit_to_course, write_submission
from workshop.store import ResponseStore
from workshop.text import answer_markdown

MARKER_NAME = "ran-participant-code"


def payloads(marker: Path) -> list[str]:
    """Text a participant might type, by accident or on purpose. Every one must stay inert and intact."""
    return [
        f'"); import os; os.system("touch {marker}"); ("',
        '"); import os; os.system("touch /tmp/x"); ("',
        "<script>document.title='pwned'</script>",
        "<img src=x onerror=\"document.title='pwned'\">",
        "</div>\n\n# Fake heading\n\n```python\nimport os\n```\n\n<div>",
        "<!-- hide the rest of the notebook",
        "<details><summary>Nothing here</summary>hidden text</details>",
        "[click me](javascript:alert(1)) and ![x](http://example.com/t.png)",
        "Looks like a title\n===\nand a rule\n---",
        "$\\require{action}$ and $$x^2$$ math",
        '"}], "cells": [{"cell_type": "code", "source": "import os"}], "x": [{"',
        'back\\slash \\n \\u0000 \\" quote',
        "x" * 1_000_000,
        "before\x00after\x07bell",
        "right\u202eto-left override\u202c and \u200f mark and \u2066isolate",
        "{{ 7*7 }} {% raw %} ${HOME}",
        "### BEGIN SOLUTION\nanswer = 1\n### END SOLUTION\n### BEGIN HIDDEN TESTS\nassert False\n### END HIDDEN TESTS",
        "Emoji 👩🏽\u200d⚕️ café, 日本語, العربية",
        "windows\r\nnewlines\rand carriage returns",
        "&amp; &#60;script&#62; &lt;b&gt;",
        "<style>body{display:none}</style>",
        "<iframe src=http://example.com></iframe>",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "    import os  # indented code\n\tos.system('id')",
        "%%bash\ntouch /tmp/x\n!touch /tmp/x",
        "line\u2028separator\u2029paragraph",
        "'''\"\"\" triple quotes ''' \"\"\"",
    ]


PAYLOAD_COUNT = 27


def write_module(root: Path, key: str, order: int, reflections: int) -> None:
    folder = root / f"{order:02d}_{key}"
    folder.mkdir(parents=True)
    parts = [f'key = "{key}"', f'title = "Test module {key}"', f"order = {order}", ""]
    for n in range(reflections):
        parts += ["[[exercises]]", f'id = "r{n:02d}"', 'kind = "reflection"', f'prompt = "Reflection {n}?"']
        parts += ["max_length = 1100000", ""]
    parts += [
        "[[exercises]]",
        'id = "parts"',
        'kind = "checklist"',
        'prompt = "Which parts?"',
        'options = ["One", "Two <b>", "Three"]',
        "",
        "[[exercises]]",
        'id = "hurt"',
        'kind = "rating"',
        'prompt = "How strong?"',
        "minimum = 0",
        "maximum = 10",
        'anchors = { 0 = "Not at all", 10 = "Very" }',
        "",
        "[[exercises]]",
        'id = "quiz_one"',
        'kind = "choice"',
        'prompt = "Question 1?"',
        'options = ["A", "B", "C"]',
        "answer = 1",
        'explanations = ["no", "yes", "no"]',
        "",
        "[[exercises]]",
        'id = "quiz_two"',
        'kind = "choice"',
        'prompt = "Question 2?"',
        'options = ["A", "B"]',
        "answer = 0",
        'explanations = ["yes", "no"]',
        "",
        "[[exercises]]",
        'id = "checkin"',
        'kind = "checkin"',
        'prompt = "Distress now?"',
    ]
    (folder / "module.toml").write_text("\n".join(parts) + "\n", encoding="utf-8")


class AnswerText(HTMLParser):
    """The text and the tag names inside each participant-answer block of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self._depth:
            self._depth += tag not in {"br", "img", "hr", "input"}
            self.blocks[-1]["tags"].add(tag)
        elif tag == "div" and "participant-answer" in (dict(attrs).get("class") or ""):
            self._depth = 1
            self.blocks.append({"text": [], "tags": set()})

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag not in {"br", "img", "hr", "input"}:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.blocks[-1]["text"].append(data)


def answer_blocks(html_text: str) -> list[dict]:
    parser = AnswerText()
    parser.feed(html_text)
    return [{"text": " ".join("".join(b["text"]).split()), "tags": b["tags"]} for b in parser.blocks]


def displayed(text: str) -> str:
    """What a reader should see: the text, controls shown as \\uXXXX, whitespace collapsed."""
    text = text.replace("\r\n", "\n")
    text = "".join(f"\\u{ord(c):04x}" if ord(c) < 32 and c not in "\t\n" else c for c in text)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One course, one participant answering everything with payloads, autograded and with feedback."""
    root = tmp_path_factory.mktemp("review")
    modules_root = root / "modules"
    write_module(modules_root, "alpha", 1, PAYLOAD_COUNT)
    modules = all_modules(modules_root)
    course = root / "course"
    report = build_course(course, modules)
    marker = root / MARKER_NAME
    texts = payloads(marker)
    assert len(texts) == PAYLOAD_COUNT
    module = modules[0]
    answers = {f"alpha.r{n:02d}": text for n, text in enumerate(texts)}
    answers.update(
        {
            "alpha.parts": {"selected": ["Two <b>"], "other": "<img src=x onerror=alert(1)> **bold**"},
            "alpha.hurt": 7,
            "alpha.quiz_one": 1,  # right
            "alpha.quiz_two": 1,  # wrong
            "alpha.checkin": 35,
        }
    )
    participant = new_code()
    write_submission(course, participant, module, clean_answers(module, answers), datetime.now(timezone.utc))
    # A second participant who answered nothing, and a third who will get no feedback.
    silent = new_code()
    write_submission(course, silent, module, {}, datetime.now(timezone.utc))
    results = autograde(course, progress=False, modules=modules)
    assert all(r.ok for r in results), results
    return {
        "root": root,
        "modules_root": modules_root,
        "modules": modules,
        "course": course,
        "report": report,
        "marker": marker,
        "texts": texts,
        "answers": answers,
        "participant": participant,
        "silent": silent,
    }


def gradebook(course: Path):
    from nbgrader.api import Gradebook

    return Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_files.COURSE_ID)


# --- build ---------------------------------------------------------------------------------------


def test_build_writes_a_real_nbgrader_course(setup: dict) -> None:
    course = setup["course"]
    assert setup["report"].created == ["alpha"]
    assert (course / "nbgrader_config.py").exists()
    release = nbformat.read(course / "release/alpha/alpha.ipynb", as_version=4)
    sources = "\n".join(cell.source for cell in release.cells)
    assert "BEGIN HIDDEN TESTS" not in sources and "assert answer_quiz_one" not in sources
    with gradebook(course) as gb:
        notebook = gb.find_notebook("alpha", "alpha")
        assert {cell.name for cell in notebook.grade_cells} >= {"r00", "quiz_one_check", "quiz_two_check"}
        # Points mean completion: one per written part (each reflection, the checklist's "other"), one per
        # knowledge check, nothing for ratings.
        assert notebook.max_score == PAYLOAD_COUNT + 1 + 2


def test_the_gradebook_records_the_revision_nbgrader_itself_would_ask_alembic_for(setup: dict, tmp_path: Path) -> None:
    """The build reads the newest migration in-process (course_files.gradebook_revision) instead of letting
    nbgrader start the `alembic` command for it; the gradebook must record the very revision that command
    prints for nbgrader's own alembic.ini (its `heads` step, run here in this process)."""
    import io
    import sqlite3

    from alembic import command
    from alembic.config import Config
    from nbgrader.dbutil import write_alembic_ini

    ini, printed = tmp_path / "alembic.ini", io.StringIO()
    write_alembic_ini(str(ini), f"sqlite:///{tmp_path / 'unused.db'}")
    command.heads(Config(str(ini), stdout=printed))
    asked = printed.getvalue().split("\n")[0].split(" ")[0]  # as nbgrader.api.get_alembic_version reads it
    assert re.fullmatch(r"\w+", asked), printed.getvalue()
    assert course_files.gradebook_revision() == asked
    with sqlite3.connect(setup["course"] / "gradebook.db") as database:
        assert database.execute("SELECT version_num FROM alembic_version").fetchall() == [(asked,)]


def test_build_twice_changes_nothing_and_a_new_module_adds_an_assignment(setup: dict) -> None:
    course, modules_root = setup["course"], setup["modules_root"]
    before = {p: p.read_bytes() for p in course.rglob("*.ipynb") if "submitted" not in p.parts}
    again = build_course(course, all_modules(modules_root))
    assert again.unchanged == ["alpha"] and not again.created and not again.updated
    assert before == {p: p.read_bytes() for p in course.rglob("*.ipynb") if "submitted" not in p.parts}
    write_module(modules_root, "beta", 2, 1)
    grown = build_course(course, all_modules(modules_root))
    assert grown.created == ["beta"] and grown.unchanged == ["alpha"]
    with gradebook(course) as gb:
        assert sorted(a.name for a in gb.assignments) == ["alpha", "beta"]


def test_unknown_kinds_and_module_one_build_into_review_notebooks() -> None:
    # Every declared module (module 1 included) turns into a valid notebook; read-only kinds get no cells
    # of their own, so a new kind never breaks the build.
    for module in all_modules():
        notebook = review_notebook(module)
        nbformat.validate(notebook)
        ids = [c.metadata["nbgrader"]["grade_id"] for c in notebook.cells]
        assert len(ids) == len(set(ids))


# --- the filled submission, autograde and gradebook -----------------------------------------------


def test_submission_holds_escaped_text_and_literals(setup: dict) -> None:
    course, participant = setup["course"], setup["participant"]
    submitted = nbformat.read(course / "submitted" / participant / "alpha/alpha.ipynb", as_version=4)
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in submitted.cells}
    for n, text in enumerate(setup["texts"]):
        assert by_id[f"r{n:02d}"].source == answer_markdown(text)
    assert by_id["quiz_one_answer"].source == "answer_quiz_one = 1"
    code_cells = [c.source for c in submitted.cells if c.cell_type == "code"]
    assert all(not any(t[:30] in src for t in setup["texts"]) for src in code_cells)
    stored = submitted.metadata["workshop"]["answers"]
    assert stored["alpha.r12"] == "x" * 1_000_000
    assert stored == clean_answers(setup["modules"][0], setup["answers"])
    assert (course / "submitted" / participant / "alpha/timestamp.txt").exists()


def test_autograde_runs_no_participant_text_and_scores_completion(setup: dict) -> None:
    course, participant, silent = setup["course"], setup["participant"], setup["silent"]
    assert not setup["marker"].exists()
    with gradebook(course) as gb:
        notebook = gb.find_submission_notebook("alpha", "alpha", participant)
        grades = {g.name: g for g in notebook.grades}
        assert grades["quiz_one_check"].score == 1 and grades["quiz_two_check"].score == 0
        assert all(grades[f"r{n:02d}"].score == 1 for n in range(PAYLOAD_COUNT))
        assert all(grades[f"r{n:02d}"].needs_manual_grade for n in range(PAYLOAD_COUNT))
        assert grades["parts__other"].score == 1  # the checklist's own words are a written part too
        assert gb.find_submission("alpha", participant).score == PAYLOAD_COUNT + 1 + 1
        assert gb.find_submission("alpha", silent).score == 0
        # The reflection text the facilitator reads in formgrader is exactly what was typed.
        cell = next(c for c in notebook.comments if c.name == "r00")
        assert cell is not None
    autograded = nbformat.read(course / "autograded" / participant / "alpha/alpha.ipynb", as_version=4)
    answers = [c.source for c in autograded.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "r12"]
    assert answers == [answer_markdown("x" * 1_000_000)]
    assert pending_submissions(course) == []


def test_feedback_shows_the_comment_and_every_payload_as_plain_text(setup: dict) -> None:
    course, participant, texts = setup["course"], setup["participant"], setup["texts"]
    with gradebook(course) as gb:
        comment = gb.find_comment("r01", "alpha", "alpha", participant)
        comment.manual_comment = "Thank you for writing this down. It takes courage."
        gb.db.commit()
    results = generate_feedback(course, progress=False)
    assert results and all(r.ok for r in results)
    items = feedback_for(participant, course, setup["modules"])
    assert [f.module for f in items] == ["alpha"]
    page = items[0].html
    assert "Thank you for writing this down. It takes courage." in page
    # Completion, not a grade: participants see no scores and none of nbgrader's grading jargon.
    assert "Feedback from your facilitator" in page
    for jargon in ("Score:", "Test cell", "Student's answer", "Grade cell"):
        assert jargon not in page
    assert "Knowledge check: right" in page or "Knowledge check: not this time" in page
    # One comment was written: it is listed once and shown once.
    assert page.count("Comment from your facilitator") == 2
    # nbgrader marks every unanswered reflection "No response."; that is not the facilitator's word.
    silent_page = feedback_for(setup["silent"], course, setup["modules"])[0].html
    assert "No response." not in silent_page and "Comment from your facilitator" not in silent_page
    # Nothing in the feedback page fetches from outside the machine.
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"https?://", page)
    assert "<script" not in page.split("</head>", 1)[1] or "pwned" not in page.split("<script", 1)[1][:200]
    blocks = answer_blocks(page)
    expected = [displayed(t) for t in texts]
    shown = [b["text"] for b in blocks]
    for text in expected:
        assert text in shown, text[:80]
    for block in blocks:
        assert block["tags"] <= {"p", "br"}, block["tags"]
    assert not setup["marker"].exists()
    # Written for the participant: the module's title, one contents entry per exercise named by its prompt,
    # nothing addressed to the facilitator, no internal ids, no points.
    assert "Feedback from your facilitator: Test module alpha" in page
    contents = page.split('id="toc"', 1)[1].split("</nav>", 1)[0]
    assert "Reflection 1?" in contents and "Which parts?" in contents and "Question 1?" in contents
    body = page.split("</head>", 1)[1]
    for facilitator_text in ("Review: ", "Comment on any written part", "(right answer)", " point", "Safety flags"):
        assert facilitator_text not in body, facilitator_text
    assert "alpha.r0" not in page and "alpha.quiz" not in page
    # The comment sits beside the part it is about: after that answer, before the next prompt.
    after_answer = page.split("</nav>", 1)[1].split("Reflection 1?", 1)[1]
    assert after_answer.index("It takes courage.") < after_answer.index("Reflection 2?")


def test_participants_see_only_their_own_feedback(setup: dict) -> None:
    course, modules = setup["course"], setup["modules"]
    assert feedback_for(setup["participant"], course, modules)
    assert feedback_for(new_code(), course, modules) == []
    assert feedback_for("../../" + setup["silent"] + "/../" + setup["participant"], course, modules) == []
    assert feedback_for(setup["participant"].upper().replace("-", " "), course, modules)  # typed loosely: same code


# --- group mode and downloads ---------------------------------------------------------------------


def test_group_mode_submit_and_resubmit_keep_every_revision(setup: dict, tmp_path: Path) -> None:
    course, module = setup["course"], setup["modules"][0]
    store = ResponseStore(tmp_path / "answers.sqlite")
    code = new_code()
    store.register_participant(code)
    store.save(code, "alpha.r00", "first words")
    first = datetime.now(timezone.utc) - timedelta(minutes=5)
    folder = submit_to_course(store, code, module, course, now=first)
    store.save(code, "alpha.r00", "second words")
    submit_to_course(store, code, module, course)
    notebook = nbformat.read(folder / "alpha.ipynb", as_version=4)
    assert notebook.metadata["workshop"]["answers"]["alpha.r00"] == "second words"
    assert course_files.read_timestamp(folder) > first
    assert [r.value for r in store.revisions(code, "alpha.r00")] == ["first words", "second words"]
    assert any(p.participant == code for p in pending_submissions(course))


def download(setup: dict, tmp_path: Path, answers: dict, code: str | None = None) -> tuple[str, Path, dict]:
    store = ResponseStore(":memory:")
    code = code or new_code()
    store.register_participant(code)
    for key, value in answers.items():
        store.save(code, key, value)
    name, data = submission_for_download(store, code, setup["modules"][0])
    path = tmp_path / name
    path.write_bytes(data)
    return code, path, json.loads(data)


def test_import_of_downloads_rebuilds_and_refuses_tampered_files(setup: dict, tmp_path: Path) -> None:
    course, modules = setup["course"], setup["modules"]
    marker = tmp_path / "tampered-code-ran"
    good_code, good, _ = download(setup, tmp_path, {"alpha.r00": "I felt left out.", "alpha.quiz_one": 1})

    # Code added and the answer cell replaced by code: the file imports, but only its values count.
    code_added_code, code_added, data = download(setup, tmp_path, {"alpha.r00": "ok", "alpha.quiz_one": 0})
    data["cells"].append(
        {
            "cell_type": "code",
            "metadata": {},
            "source": f"open({str(marker)!r}, 'w')",
            "outputs": [],
            "execution_count": None,
            "id": "evil",
        }
    )
    for cell in data["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "quiz_one_answer":
            cell["source"] = f"answer_quiz_one = 1; open({str(marker)!r}, 'w')"
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "quiz_one_check":
            cell["source"] = "pass  # hidden tests edited away"
    code_added.write_text(json.dumps(data))

    def tampered(name: str, change) -> Path:
        _, _unused, content = download(setup, tmp_path, {"alpha.r00": "text"})
        change(content)
        target = tmp_path / name
        target.write_text(json.dumps(content))
        return target

    refused = {
        "code answer": tampered(
            "code-answer.ipynb",
            lambda d: d["metadata"]["workshop"]["answers"].update(
                {"alpha.quiz_one": "__import__('os').system('touch /tmp/x')"}
            ),
        ),
        "wrong module": tampered("wrong-module.ipynb", lambda d: d["metadata"]["workshop"].update(module="nosuch")),
        "other module's answers": tampered(
            "other-ids.ipynb", lambda d: d["metadata"]["workshop"]["answers"].update({"beta.r00": "x"})
        ),
        "path in code": tampered("path.ipynb", lambda d: d["metadata"]["workshop"].update(participant="../../etc")),
        "future": tampered(
            "future.ipynb", lambda d: d["metadata"]["workshop"].update(submitted_at="2999-01-01T00:00:00+00:00")
        ),
        "out of range": tampered(
            "range.ipynb", lambda d: d["metadata"]["workshop"]["answers"].update({"alpha.hurt": 99})
        ),
        "too long": tampered(
            "long.ipynb", lambda d: d["metadata"]["workshop"]["answers"].update({"alpha.r00": "y" * 1_200_000})
        ),
    }
    not_ours = tmp_path / "homework.ipynb"
    not_ours.write_text(nbformat.writes(nbformat.v4.new_notebook()))
    damaged = tmp_path / "damaged.ipynb"
    damaged.write_bytes(good.read_bytes()[:500])
    binary = tmp_path / "photo.ipynb"
    binary.write_bytes(bytes(range(256)) * 10)
    missing = tmp_path / "missing.ipynb"

    files = [good, code_added, *refused.values(), not_ours, damaged, binary, missing]
    results = {r.path.name: r for r in import_submissions(files, course, modules)}
    assert results[good.name].imported and results[code_added.name].imported
    for path in [*refused.values(), not_ours, damaged, binary, missing]:
        assert not results[path.name].imported and results[path.name].reason.startswith("refused"), path.name
    assert "module" in results["wrong-module.ipynb"].reason

    # Importing the same file again changes nothing.
    again = import_submissions([good], course, modules)
    assert not again[0].imported and "newer" in again[0].reason

    rebuilt = nbformat.read(course / "submitted" / code_added_code / "alpha/alpha.ipynb", as_version=4)
    assert all(cell.id != "evil" for cell in rebuilt.cells)
    assert str(marker) not in nbformat.writes(rebuilt)
    graded = autograde(course, progress=False, modules=modules)
    assert all(r.ok for r in graded)
    assert not marker.exists()
    with gradebook(course) as gb:
        assert gb.find_grade("quiz_one_check", "alpha", "alpha", code_added_code).score == 0
        assert gb.find_grade("quiz_one_check", "alpha", "alpha", good_code).score == 1
        assert gb.find_grade("r00", "alpha", "alpha", good_code).score == 1


# --- command line -------------------------------------------------------------------------------


def test_cli_builds_and_reports(setup: dict, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch) -> None:
    monkeypatch.setenv("WORKSHOP_MODULES_DIR", str(setup["modules_root"]))
    parser = argparse.ArgumentParser(prog="workshop")
    add_commands(parser.add_subparsers())
    args = parser.parse_args(["review", "build", "--course-dir", str(setup["course"])])
    assert args.func(args) == 0
    assert "unchanged: alpha" in capsys.readouterr().out
    args = parser.parse_args(["review", "import", "--course-dir", str(setup["course"]), str(tmp_path / "none.ipynb")])
    assert args.func(args) == 1
    assert "refused" in capsys.readouterr().out


def test_formgrader_command_stays_on_this_machine(tmp_path: Path) -> None:
    command = lab_command(tmp_path, 0, "secret-token", open_browser=False)
    assert "--ServerApp.ip=127.0.0.1" in command
    assert "--IdentityProvider.token=secret-token" in command
    assert "--LabApp.news_url=None" in command
    assert any("NeverCheckForUpdate" in part for part in command)
    assert "--LabApp.extension_manager=readonly" in command


# --- group mode: many at once ------------------------------------------------------------------------


def _submit_in_own_process(course: str, modules_root: str, store_path: str, code: str) -> str:
    """What one participant's kernel does on "Submit for review" (a process of its own, as kernels are)."""
    module = all_modules(Path(modules_root))[0]
    with ResponseStore(store_path) as store:
        return str(submit_to_course(store, code, module, course))


def test_twelve_participants_submitting_at_once_leave_twelve_submissions_and_an_intact_gradebook(
    setup: dict, tmp_path: Path
) -> None:
    import multiprocessing
    import sqlite3

    course, modules_root = setup["course"], setup["modules_root"]
    store_path = tmp_path / "group.sqlite3"
    codes = [new_code() for _ in range(12)]
    with ResponseStore(store_path) as store:
        for n, code in enumerate(codes):
            store.register_participant(code)
            store.save(code, "alpha.r00", f"words of participant {n}")
    gradebook_before = (course / "gradebook.db").read_bytes()
    context = multiprocessing.get_context("spawn")
    with context.Pool(12) as pool:
        folders = pool.starmap(
            _submit_in_own_process, [(str(course), str(modules_root), str(store_path), code) for code in codes]
        )
    assert sorted(Path(f).parent.name for f in folders) == sorted(codes)
    for code in codes:
        notebook = nbformat.read(course / "submitted" / code / "alpha" / "alpha.ipynb", as_version=4)
        assert notebook.metadata["workshop"]["participant"] == code
    # No participant's process ran nbgrader: the gradebook is byte for byte what the build left.
    assert (course / "gradebook.db").read_bytes() == gradebook_before
    with sqlite3.connect(course / "gradebook.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_course_without_the_module_refuses_the_submission_instead_of_building_it(tmp_path: Path, setup: dict) -> None:
    module = setup["modules"][0]
    store = ResponseStore(tmp_path / "answers.sqlite")
    code = new_code()
    store.register_participant(code)
    store.save(code, "alpha.r00", "words")
    with pytest.raises(WorkshopError, match="no assignment"):
        submit_to_course(store, code, module, tmp_path / "empty-course")
    assert not (tmp_path / "empty-course" / "gradebook.db").exists()


# --- flags reach a person in every mode ---------------------------------------------------------------

CRISIS_TEXT = "Honestly I have been thinking about killing myself since it happened."


def test_a_downloaded_submission_with_crisis_language_is_flagged_when_imported(setup: dict, tmp_path: Path) -> None:
    course, modules = setup["course"], setup["modules"]
    code, path, _data = download(setup, tmp_path, {"alpha.r00": CRISIS_TEXT, "alpha.quiz_one": 1})
    facilitator = ResponseStore(tmp_path / "facilitator.sqlite3")
    [result] = import_submissions([path], course, modules, store=facilitator)
    assert result.imported and "1 safety flag" in result.reason
    [flag] = facilitator.flags(participant=code)
    assert flag.kind == "crisis_language" and flag.details["found"] == "at import"
    assert flag.details["exercise_id"] == "alpha.r00" and CRISIS_TEXT in flag.details["text"]
    assert (flag.details["category"], flag.details["words"]) == ("ideation", "killing myself")
    # The review notebook opens with the safety cell, right after its title.
    notebook = nbformat.read(course / "submitted" / code / "alpha" / "alpha.ipynb", as_version=4)
    assert notebook.cells[1].id == "safety-flags" and "Safety flags" in notebook.cells[1].source
    assert "found at import" in notebook.cells[1].source and "killing myself" in notebook.cells[1].source
    assert "thoughts of suicide" in notebook.cells[1].source and "What the check matched: killing myself" in notebook.cells[1].source
    # `workshop flags` lists it beside flags from live sessions.
    from workshop.safety import format_flags

    assert code in format_flags(facilitator.flags()) and "alpha.r00" in format_flags(facilitator.flags())


def test_a_file_that_claims_no_flags_is_checked_again_from_its_values(setup: dict, tmp_path: Path) -> None:
    course, modules = setup["course"], setup["modules"]
    code, path, data = download(setup, tmp_path, {"alpha.r00": CRISIS_TEXT})
    data["metadata"]["workshop"]["flags"] = []  # edited to hide the flag
    data["cells"] = [c for c in data["cells"] if c.get("id") != "safety-flags"]
    path.write_text(json.dumps(data), encoding="utf-8")
    facilitator = ResponseStore(tmp_path / "facilitator.sqlite3")
    [result] = import_submissions([path], course, modules, store=facilitator)
    assert result.imported and len(facilitator.flags(participant=code)) == 1


def test_group_submission_lists_the_flags_recorded_live(setup: dict, tmp_path: Path) -> None:
    from workshop.safety import record_crisis_language

    course, module = setup["course"], setup["modules"][0]
    store = ResponseStore(tmp_path / "group.sqlite3")
    code = new_code()
    store.register_participant(code)
    store.save(code, "alpha.r00", CRISIS_TEXT)
    assert record_crisis_language(store, code, "alpha.r00", CRISIS_TEXT)
    folder = submit_to_course(store, code, module, course)
    notebook = nbformat.read(folder / "alpha.ipynb", as_version=4)
    assert notebook.cells[1].id == "safety-flags"
    assert notebook.metadata["workshop"]["flags"][0]["kind"] == "crisis_language"


def test_workshop_flags_follow_prints_a_new_flag_within_two_seconds(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    from support.server import stop_process_group

    from workshop.safety import record_crisis_language

    env = {**os.environ, "WORKSHOP_DATA_DIR": str(tmp_path)}
    with ResponseStore(tmp_path / "responses.sqlite3") as store:
        code = new_code()
        store.register_participant(code)
    follower = subprocess.Popen(
        [sys.executable, "-m", "workshop.cli", "flags", "--follow"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert "Waiting for new flags" in "".join(follower.stdout.readline() for _ in range(3))
        with ResponseStore(tmp_path / "responses.sqlite3") as store:
            raised = time.monotonic()
            record_crisis_language(store, code, "alpha.r00", CRISIS_TEXT)
        line = follower.stdout.readline()
        assert code in line and "crisis language" in line
        assert time.monotonic() - raised < 2.0
    finally:
        stop_process_group(follower)
    assert follower.poll() is not None


# --- structured kinds: a comment box per written part -------------------------------------------------


def test_each_written_part_of_a_thought_record_and_a_practice_log_gets_its_own_comment_beside_it(
    tmp_path: Path,
) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from support.drivers import driver_for

    gallery = next(m for m in all_modules() if m.key == "gallery")
    course = tmp_path / "course"
    build_course(course, [gallery])
    store = ResponseStore(tmp_path / "answers.sqlite3")
    code = new_code()
    store.register_participant(code)
    for exercise in gallery:
        if not exercise.display_only:
            store.save(code, exercise.id, exercise.validate(driver_for(exercise.kind).planned(exercise)))
    submit_to_course(store, code, gallery, course)
    assert all(result.ok for result in autograde(course, progress=False, modules=[gallery]))
    with gradebook(course) as gb:
        comments = {c.name for c in gb.find_submission_notebook("gallery", "gallery", code).comments}
        # formgrader shows a comment box for each of these cells
        assert {"thought_record__situation", "thought_record__thoughts", "thought_record__evidence_for",
                "thought_record__evidence_against", "thought_record__balanced"} <= comments  # fmt: skip
        assert {"practice__entry1_prediction", "practice__entry1_happened", "practice__entry1_learned"} <= comments
        for name, words in (
            ("thought_record__evidence_against", "Good that you asked her directly."),
            ("practice__entry1_learned", "A strong lesson to keep."),
        ):
            gb.find_comment(name, "gallery", "gallery", code).manual_comment = words
        gb.db.commit()
    assert all(r.ok for r in generate_feedback(course, progress=False))
    page = feedback_for(code, course, [gallery])[0].html.split("</nav>", 1)[1]
    # Each comment follows its own part's answer and comes before the next part.
    evidence = page.split("She told me work is busy this week.", 1)[1]
    assert evidence.index("Good that you asked her directly.") < evidence.index("Balanced thought")
    learned = page.split("My guess was much worse than what happened.", 1)[1]
    assert learned.index("A strong lesson to keep.") < learned.index("Entry 2")


def _leaves(value: object, path: tuple = ()) -> list[tuple]:
    """The path of every text inside a value."""
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [p for n, item in enumerate(value) for p in _leaves(item, (*path, n))]
    return []


def _replaced(value: object, path: tuple, text: str) -> object:
    if not path:
        return text
    copy = json.loads(json.dumps(value))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = text
    return copy


LIVE_MARKUP = re.compile(r"<(script|img|iframe|style|details|summary|h1|a\s)", re.I)


def test_hostile_text_in_every_field_of_every_kind_stays_inert_in_review_and_export(tmp_path: Path) -> None:
    """Each payload typed into each text field of one exercise of every kind (the gallery): what the review
    notebook and the export show renders as text, never as markup, and no code cell holds it."""
    import sys

    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    sys.path.insert(0, str(Path(__file__).parent))
    from support.drivers import driver_for

    gallery = next(m for m in all_modules() if m.key == "gallery")
    checked = 0
    for exercise in gallery:
        if exercise.display_only:
            continue
        planned = exercise.validate(driver_for(exercise.kind).planned(exercise))
        for path in _leaves(planned):
            for payload in payloads(tmp_path / MARKER_NAME):
                try:
                    value = exercise.validate(_replaced(planned, path, payload))
                except ValueError:
                    continue  # refused with a message (too long, not an option): nothing is stored
                texts = [exercise.as_markdown(value), exercise.shown_markdown(value) or ""]
                texts += [answer_markdown(t) for t in exercise.part_texts(value).values() if t]
                for text in texts:
                    html_text = markdown2html_mistune(text)
                    inner = html_text.replace(
                        '<div dir="auto" class="participant-answer tex2jax_ignore mathjax_ignore">', ""
                    )
                    assert not LIVE_MARKUP.search(inner), (exercise.kind, path, payload[:40])
                for source in exercise.code_answers(value).values():
                    assert payload not in source
                checked += 1
    assert checked > 500  # every kind's text fields, with the payloads each accepts
