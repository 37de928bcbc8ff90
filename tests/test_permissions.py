"""Participants' words are private to the account that runs the workshop, whatever the umask.

Every test here runs with umask 022, the usual default that made the data folder 0755 and the store 0644.
The walk that checks the result (``readable_by_others``) is written here, independently of the code it tests.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from workshop import cli, config, data_commands, permissions, server
from workshop.exercises import all_modules
from workshop.participants import new_code
from workshop.review.autograde import autograde
from workshop.review.build import build_course
from workshop.review.feedback import generate_feedback
from workshop.review.submission import submit_to_course
from workshop.store import STORE_FILE, ResponseStore, StoreError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions; Windows is described in README")

MODULE_TOML = """\
key = "alpha"
title = "Test module alpha"
order = 1

[[exercises]]
id = "hopes"
kind = "reflection"
prompt = "What do you hope for?"

[[exercises]]
id = "quiz"
kind = "choice"
prompt = "Which one?"
options = ["A", "B"]
answer = 0
explanations = ["yes", "no"]
"""


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(folder))
    return folder


def readable_by_others(root: Path) -> list[str]:
    """Every path at or under root (links not followed) with any group or other permission."""
    paths = [root, *root.rglob("*")]
    return [
        f"{path} {stat.S_IMODE(path.lstat().st_mode):04o}"
        for path in paths
        if not path.is_symlink() and path.lstat().st_mode & 0o077
    ]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_fresh_store_and_its_wal_and_shm_are_private(data: Path) -> None:
    with ResponseStore.default() as store:
        store.register_participant("maple-river-4821-otter")
        store.save("maple-river-4821-otter", "triggers.note", "what I wrote")
        side_files = [data / f"{STORE_FILE}-wal", data / f"{STORE_FILE}-shm"]
        assert all(path.exists() for path in side_files)  # checked while SQLite has them open
        assert mode(data) == 0o700
        assert [mode(data / STORE_FILE), *map(mode, side_files)] == [0o600, 0o600, 0o600]
        assert readable_by_others(data) == []


def test_an_export_written_to_disk_is_private(data: Path, tmp_path: Path) -> None:
    code = new_code()
    with ResponseStore.default() as store:
        store.register_participant(code)
        store.save(code, "triggers.note", "my own words")
    exports = tmp_path / "exports"
    exports.mkdir()
    for fmt in ("json", "md"):
        target = exports / f"answers.{fmt}"
        # Called directly, not through cli.main, so the command's own umask does not hide a missing mode.
        args = argparse.Namespace(code=code, format=fmt, output=str(target), force=False)
        assert data_commands.export(args) == 0
        assert "my own words" in target.read_text(encoding="utf-8")
        assert mode(target) == 0o600
    # --force over a file someone left readable: replaced, and private.
    target = exports / "answers.json"
    target.chmod(0o644)
    assert data_commands.export(argparse.Namespace(code=code, format="json", output=str(target), force=True)) == 0
    assert mode(target) == 0o600
    assert readable_by_others(exports) == [f"{exports} 0755"]  # the folder we made above, not the workshop
    assert readable_by_others(data) == []


def test_submission_autograde_and_feedback_leave_the_course_private(data: Path, tmp_path: Path) -> None:
    modules_root = tmp_path / "modules"
    (modules_root / "01_alpha").mkdir(parents=True)
    (modules_root / "01_alpha" / "module.toml").write_text(MODULE_TOML, encoding="utf-8")
    modules = all_modules(modules_root)
    code = new_code()
    with ResponseStore.default() as store:
        store.register_participant(code)
        store.save(code, "alpha.hopes", "To feel less alone after being turned down.")
        store.save(code, "alpha.quiz", 0)
        # Group mode: `workshop serve --group` builds the course at start, then participants submit.
        build_course(config.course_dir(), modules)
        folder = submit_to_course(store, code, modules[0], config.course_dir())
    course = config.course_dir()
    assert (folder / "alpha.ipynb").is_file() and (course / "gradebook.db").is_file()
    assert readable_by_others(data) == []

    results = autograde(course, progress=False, modules=modules)
    assert [r.ok for r in results] == [True], results
    assert (course / "autograded" / code / "alpha" / "alpha.ipynb").is_file()
    assert readable_by_others(data) == []

    results = generate_feedback(course, progress=False)
    assert [r.ok for r in results] == [True], results
    feedback = course / "feedback" / code / "alpha" / "alpha.html"
    assert "less alone" in feedback.read_text(encoding="utf-8")
    assert readable_by_others(data) == []
    assert os.umask(0o022) == 0o022  # and the process's umask is as the test set it


def make_open_data_folder(data: Path) -> None:
    """A data folder as the workshop made it before, under umask 022: 0755 folders, 0644 files."""
    data.mkdir()
    ResponseStore(data / STORE_FILE).close()
    (data / "course" / "submitted" / "x").mkdir(parents=True)
    (data / "course" / "submitted" / "x" / "a.ipynb").write_text("{}", encoding="utf-8")
    for path in [data, *data.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


class FakeVoila:
    """Stands in for the Voila app: records that the server would have started, and starts nothing."""

    started: ClassVar[list[bool]] = []

    def __init__(self, **kwargs: object) -> None:
        self.announce = None

    def initialize(self, argv: list[str]) -> None:
        pass

    def start(self) -> None:
        FakeVoila.started.append(True)


@pytest.fixture
def fake_voila(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    FakeVoila.started = []
    monkeypatch.setattr(server, "_workshop_voila_class", lambda: FakeVoila)
    return FakeVoila.started


def test_serve_tightens_an_open_data_folder_and_says_so_once(
    data: Path, fake_voila: list[bool], capsys: pytest.CaptureFixture[str]
) -> None:
    make_open_data_folder(data)
    assert len(readable_by_others(data)) == 6
    assert cli.main(["serve", "--no-browser", "--port", "0"]) == 0
    out = capsys.readouterr().out
    assert fake_voila == [True]
    assert "Other accounts on this computer could read participants' answers" in out
    assert f"{data} (0755 -> 0700)" in out and f"{data / STORE_FILE} (0644 -> 0600)" in out
    assert "and 1 more" in out  # six changes, five listed
    assert readable_by_others(data) == []
    assert mode(data / "course" / "submitted" / "x" / "a.ipynb") == 0o600
    # Said once: the next start finds nothing to change and says nothing about it.
    assert cli.main(["serve", "--no-browser", "--port", "0"]) == 0
    assert "could read" not in capsys.readouterr().out


def test_serve_refuses_a_data_folder_it_cannot_make_private(
    data: Path, fake_voila: list[bool], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_open_data_folder(data)
    store = data / STORE_FILE
    # Tests run as root, who owns everything: pretend another account owns the store.
    monkeypatch.setattr(permissions, "owned_by_me", lambda info: info.st_ino != store.stat().st_ino)
    assert cli.main(["serve", "--no-browser", "--port", "0"]) == 1
    captured = capsys.readouterr()
    assert fake_voila == []
    assert "Traceback" not in captured.err
    assert f"The file {store} holds participants' answers" in captured.err
    assert "(permissions 0644)" in captured.err and "belongs to another account" in captured.err
    assert f"chmod go-rwx '{store}'" in captured.err and "WORKSHOP_DATA_DIR" in captured.err
    assert mode(store) == 0o644  # not ours: not touched
    assert mode(data) == 0o700  # what is ours was still made private
    # The store itself refuses it too, for pages opened by a Jupyter server the workshop did not start.
    with pytest.raises(StoreError, match="belongs to another account"):
        ResponseStore(store)


def test_safety_check_reports_where_answers_are_and_who_can_read_them(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ResponseStore.default().close()
    assert cli.main(["safety", "check"]) == 0
    out = capsys.readouterr().out
    assert f"Participants' answers are kept in {data}" in out
    assert f"folder 0700, store {STORE_FILE} 0600" in out and "OK: no other account" in out
    (data / "course").mkdir(mode=0o755)
    (data / "course").chmod(0o755)
    assert cli.main(["safety", "check"]) == 1
    out = capsys.readouterr().out
    assert f"WARNING: other accounts on this computer can read {data / 'course'} (0755)" in out
    assert f"chmod -R go-rwx '{data}'" in out


def test_the_exchange_keeps_the_permissions_nbgrader_gives_it(tmp_path: Path) -> None:
    course = tmp_path / "course"
    (course / "exchange" / "inbound").mkdir(parents=True)
    (course / "submitted").mkdir()
    (course / "exchange").chmod(0o777)
    changes = permissions.secure_course(course)
    assert sorted(change.path for change in changes) == [course, course / "submitted"]
    assert mode(course / "exchange") == 0o777 and mode(course) == 0o700


def test_links_are_not_followed_out_of_the_data_folder(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "someone-elses.txt"
    outside.write_text("not ours to change", encoding="utf-8")
    config.data_dir()
    (data / "link").symlink_to(outside)
    assert permissions.secure_data_folder(data) == []
    assert mode(outside) == 0o644


def test_private_umask_nests_and_restores_the_callers_umask() -> None:
    with permissions.private_umask():
        with permissions.private_umask():
            assert os.umask(0o077) == 0o077
        assert os.umask(0o077) == 0o077
    assert os.umask(0o022) == 0o022


def test_commands_run_with_a_private_umask_but_the_voila_template_install_does_not(
    tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = tmp_path / "prefix"
    assert cli.main(["install-voila-template", "--prefix", str(prefix)]) == 0
    installed = [p for p in prefix.rglob("*") if p.is_file()]
    assert installed and all(mode(p) == 0o644 for p in installed)  # other accounts' Voila must read these

    seen = []
    args = cli.build_parser().parse_args(["flags"])
    args.func = lambda _args: seen.append(os.umask(0o077))
    monkeypatch.setattr(cli, "build_parser", lambda: argparse.Namespace(parse_args=lambda argv: args))
    assert cli.main(["flags"]) == 0
    assert seen == [0o077]
    assert os.umask(0o022) == 0o022  # restored when the command returns
