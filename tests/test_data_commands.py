"""`workshop export` and `workshop erase` through the real console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from workshop import participants
from workshop.store import ResponseStore

WORKSHOP = str(Path(sys.executable).parent / "workshop")  # the console script of this environment


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKSHOP_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [WORKSHOP, *args], env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path))
    code = participants.new_code()
    with ResponseStore.default() as store:
        store.register_participant(code)
        store.save(code, "triggers.note", "first <b>draft</b>")
        store.save(code, "triggers.note", "second draft")
    return tmp_path, code


def test_export_json_has_every_revision(data: tuple[Path, str]) -> None:
    data_dir, code = data
    result = run(data_dir, "export", code.upper().replace("-", " "))  # forgiving about case and spaces
    assert result.returncode == 0, result.stderr
    exported = json.loads(result.stdout)
    assert exported["participant"] == code
    assert [a["value"] for a in exported["answers"]] == ["first <b>draft</b>", "second draft"]


def test_export_markdown_to_a_file_and_refuses_to_overwrite(data: tuple[Path, str], tmp_path: Path) -> None:
    data_dir, code = data
    target = tmp_path / "out.md"
    assert run(data_dir, "export", code, "--format", "md", "-o", str(target)).returncode == 0
    assert "second draft" in target.read_text()
    again = run(data_dir, "export", code, "--format", "md", "-o", str(target))
    assert again.returncode == 1 and "exists already" in again.stderr


def test_erase_needs_confirmation_then_removes_everything(data: tuple[Path, str]) -> None:
    data_dir, code = data
    refused = run(data_dir, "erase", code)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    done = run(data_dir, "erase", code, "--yes")
    assert done.returncode == 0, done.stderr
    assert "Erased" in done.stdout
    with ResponseStore.default() as store:
        assert not store.participant_exists(code)
        assert store.revisions(code) == []
    assert b"second draft" not in (data_dir / "responses.sqlite3").read_bytes()


def test_unknown_and_mistyped_codes_are_told_apart(data: tuple[Path, str]) -> None:
    data_dir, _code = data
    unknown = run(data_dir, "erase", participants.new_code(), "--yes")
    assert unknown.returncode == 1 and "no answers are kept for it here" in unknown.stderr
    typo = run(data_dir, "export", participants.example_code().replace("lantern", "lantren"))
    assert typo.returncode == 1 and "'lantren' is not one of the code words" in typo.stderr


def test_a_code_of_the_first_format_is_exported_and_erased(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Four EFF words and four digits, given out before the curated list; "desecrate" is not on it any more.
    old = "florist-coastal-desecrate-gusto-6667"
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path))
    with ResponseStore.default() as store:
        store.register_participant(old)
        store.save(old, "triggers.note", "kept under an old code")
    exported = run(tmp_path, "export", old.replace("-", " "))
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["answers"][0]["value"] == "kept under an old code"
    erased = run(tmp_path, "erase", old, "--yes")
    assert erased.returncode == 0, erased.stderr
    with ResponseStore.default() as store:
        assert not store.participant_exists(old)


def test_every_command_explains_itself() -> None:
    top = subprocess.run([WORKSHOP, "--help"], capture_output=True, text=True, timeout=60)
    assert top.returncode == 0
    from workshop.cli import build_parser

    subparsers = next(a for a in build_parser()._actions if a.dest == "==SUPPRESS==" and a.choices)
    commands = list(subparsers.choices)
    assert all(command in top.stdout for command in commands)
    assert {"serve", "export", "erase"} <= set(commands)
    for command in commands:
        helped = subprocess.run([WORKSHOP, command, "--help"], capture_output=True, text=True, timeout=60)
        assert helped.returncode == 0 and len(helped.stdout) > 200, command


# --- erase reaches the review course ---------------------------------------------------------------

MARKER = "zebra-marker-7731 what I wrote"


@pytest.fixture
def course_with_two_participants(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str, str]:
    """A data folder whose store and nbgrader course hold two participants' work: submitted, autograded,
    with a facilitator comment quoting the first one's words, and feedback generated."""
    from workshop.exercises import all_modules
    from workshop.review.autograde import autograde
    from workshop.review.build import build_course
    from workshop.review.feedback import generate_feedback
    from workshop.review.submission import clean_answers, write_submission

    data_dir = tmp_path / "data"
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(data_dir))
    folder = tmp_path / "modules" / "01_demo"
    folder.mkdir(parents=True)
    (folder / "module.toml").write_text(
        'key = "demo"\ntitle = "Demo"\norder = 1\n\n'
        '[[exercises]]\nid = "note"\nkind = "reflection"\nprompt = "What happened?"\n\n'
        '[[exercises]]\nid = "quiz"\nkind = "choice"\nprompt = "Question 1?"\noptions = ["A", "B"]\nanswer = 0\n'
        'explanations = ["Yes.", "No."]\n',
        encoding="utf-8",
    )
    modules = all_modules(tmp_path / "modules")
    course = data_dir / "course"
    build_course(course, modules)
    code, other = participants.new_code(), participants.new_code()
    with ResponseStore.default() as store:
        for who, text in ((code, MARKER), (other, "the other person's words")):
            store.register_participant(who)
            store.save(who, "demo.note", text)
            answers = clean_answers(modules[0], {"demo.note": text, "demo.quiz": 0})
            write_submission(course, who, modules[0], answers, datetime.now(timezone.utc))
    assert all(result.ok for result in autograde(course, progress=False, modules=modules))
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "rejection-resilience") as gradebook:
        gradebook.find_comment("note", "demo", "demo", code).manual_comment = f"You wrote: {MARKER}. Thank you."
        gradebook.db.commit()
    assert all(result.ok for result in generate_feedback(course, progress=False))
    return data_dir, code, other


def files_holding(root: Path, text: str) -> list[str]:
    return [str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


def test_erase_removes_the_participant_from_the_course_too_and_says_what_it_removed(
    course_with_two_participants: tuple[Path, str, str],
) -> None:
    data_dir, code, other = course_with_two_participants
    course = data_dir / "course"
    assert files_holding(data_dir, MARKER) and files_holding(course, code)  # the setup put them there
    done = run(data_dir, "erase", code, "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    for folder in ("submitted", "autograded", "feedback"):
        assert f"{folder}/{code}" in done.stdout
        assert not (course / folder / code).exists()
        assert (course / folder / other).is_dir()  # the other participant's work is untouched
    assert "gradebook rows" in done.stdout and "stored rows removed" in done.stdout
    # No trace of the words or the code anywhere: store, course, gradebook, feedback, logs.
    assert files_holding(data_dir, MARKER) == []
    assert files_holding(data_dir, code) == []
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "rejection-resilience") as gradebook:
        with pytest.raises(MissingEntry):
            gradebook.find_student(code)
        assert gradebook.find_submission("demo", other).score == 2
    again = run(data_dir, "erase", code, "--yes")
    assert again.returncode == 1 and "no answers are kept for it here" in again.stderr


def test_erase_finds_a_code_that_only_the_course_knows(course_with_two_participants: tuple[Path, str, str]) -> None:
    """Self-paced: the answers live on the participant's computer; the facilitator has only the imports."""
    data_dir, code, _other = course_with_two_participants
    with ResponseStore.default() as store:
        store.erase(code)
    done = run(data_dir, "erase", code, "--yes")
    assert done.returncode == 0, done.stderr
    assert "the answer store held nothing for this code" in done.stdout and f"submitted/{code}" in done.stdout
    assert files_holding(data_dir, code) == []
