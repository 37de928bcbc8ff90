"""The review widgets without a browser: submit in group mode, download otherwise, feedback for one's own code."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from test_review import write_module

from widgets.feedback import FeedbackList
from widgets.submit import SubmitForReview
from workshop.exercises import all_modules
from workshop.participants import new_code
from workshop.review import course as course_files
from workshop.review.autograde import autograde
from workshop.review.build import build_course
from workshop.review.feedback import generate_feedback
from workshop.review.importer import import_submissions
from workshop.store import ResponseStore


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("review-widgets")
    write_module(root / "modules", "alpha", 1, 2)
    modules = all_modules(root / "modules")
    build_course(root / "course", modules)
    return SimpleNamespace(root=root, path=root / "course", module=modules[0], modules=modules)


def page_for(course: SimpleNamespace, participant: str | None, store: ResponseStore) -> SimpleNamespace:
    return SimpleNamespace(participant=participant, store=store, module=course.module, answers=lambda: {})


def test_group_mode_submit_puts_the_submission_in_the_course(course: SimpleNamespace, tmp_path: Path) -> None:
    store = ResponseStore(tmp_path / "store.sqlite")
    code = new_code()
    store.register_participant(code)
    store.save(code, "alpha.r00", "<b>my words</b>")
    control = SubmitForReview(page_for(course, code, store), group=True, course_dir=course.path)
    assert control.button.description == "Submit for review"
    control.button.click()
    assert "Submitted" in control.result.value
    assert (course_files.submission_dir(course.path, code, "alpha") / "timestamp.txt").exists()


def test_download_gives_a_file_the_facilitator_can_import(course: SimpleNamespace, tmp_path: Path) -> None:
    store = ResponseStore(":memory:")
    code = new_code()
    store.register_participant(code)
    store.save(code, "alpha.quiz_one", 1)
    control = SubmitForReview(page_for(course, code, store), group=False)
    assert control.button.description == "Download my submission"
    control.button.click()
    match = re.search(r"download='([^']+)' href='data:application/x-ipynb\+json;base64,([^']+)'", control.result.value)
    assert match, control.result.value
    path = tmp_path / match.group(1)
    path.write_bytes(base64.b64decode(match.group(2)))
    [result] = import_submissions([path], course.path, course.modules)
    assert result.imported and result.participant == code


def test_without_a_code_nothing_can_be_sent(course: SimpleNamespace) -> None:
    control = SubmitForReview(page_for(course, None, ResponseStore(":memory:")), group=True, course_dir=course.path)
    assert control.button.disabled


def test_feedback_list_shows_only_the_participants_own_feedback(course: SimpleNamespace, monkeypatch) -> None:
    from nbgrader.api import Gradebook

    monkeypatch.setenv("WORKSHOP_MODULES_DIR", str(course.root / "modules"))
    store = ResponseStore(":memory:")
    mine, other = new_code(), new_code()
    for code, text in ((mine, "mine"), (other, "someone else's")):
        store.register_participant(code)
        store.save(code, "alpha.r00", text)
        SubmitForReview(page_for(course, code, store), group=True, course_dir=course.path).submit()
    assert all(r.ok for r in autograde(course.path, progress=False, modules=course.modules))
    with Gradebook(f"sqlite:///{course.path / 'gradebook.db'}", course_files.COURSE_ID) as gb:
        gb.find_comment("r00", "alpha", "alpha", mine).manual_comment = "A comment for you only"
        gb.db.commit()
    generate_feedback(course.path, progress=False)
    shown = FeedbackList(mine, course_dir=course.path, group=True)
    html_value = shown.children[0].value
    assert shown.count == 1 and "Feedback from your facilitator" in html_value
    assert "A comment for you only" in html_value
    assert "sandbox=''" in html_value
    assert "someone else" not in html_value
    assert FeedbackList(new_code(), course_dir=course.path, group=True).count == 0
    assert FeedbackList(mine, course_dir=course.path, group=False).count == 0
