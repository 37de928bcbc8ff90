"""Review through nbgrader's exchange (workshop.review.exchange): the round trip as it runs under JupyterHub.

The facilitator's steps run as the `workshop review` command (release, collect, feedback) and in-process
(autograde, a second collect); each participant's "Submit for review" and start-page feedback run in a
process of their own, with the environment the hub's spawner gives a participant's server
(WORKSHOP_DEPLOYMENT=hub, WORKSHOP_PARTICIPANT_CODE, their own WORKSHOP_DATA_DIR, WORKSHOP_EXCHANGE_ROOT),
through the same widgets the pages use. One participant answers with every hostile payload of test_review.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from test_review import CRISIS_TEXT, MARKER_NAME, PAYLOAD_COUNT, answer_blocks, displayed, payloads, write_module

from widgets.feedback import FeedbackList
from widgets.submit import SubmitForReview
from workshop.exercises import Module, all_modules
from workshop.participants import new_code
from workshop.review import course as course_files
from workshop.review import exchange
from workshop.review.autograde import autograde
from workshop.store import STORE_FILE, ResponseStore

COMMENT_FOR_FIRST = "Thank you for writing this down. It takes courage."
COMMENT_FOR_SECOND = "Your second try is clearer. Well done."

# What a participant's kernel does: the module page's "Submit for review", or the start page's feedback list.
PARTICIPANT = """
import json, sys
from types import SimpleNamespace
from workshop import config
from widgets.feedback import FeedbackList
from widgets.submit import SubmitForReview
from workshop.exercises import Module, all_modules
from workshop.store import ResponseStore

action, key = sys.argv[1], sys.argv[2]
code = config.participant_code_from_hub()
module = next(m for m in all_modules() if m.key == key)
with ResponseStore.default() as store:
    if action == "submit":
        from widgets.submit import SubmitForReview
        page = SimpleNamespace(participant=code, store=store, module=module, answers=lambda: {})
        control = SubmitForReview(page)
        control.button.click()
        print(json.dumps({"label": control.button.description, "result": control.result.value}))
    else:
        from widgets.feedback import FeedbackList
        from workshop.review.exchange import fetched_feedback
        shown = FeedbackList(code)
        pages = [{"module": f.module, "html": f.html} for f in fetched_feedback(code)]
        print(json.dumps({"count": shown.count, "widget": shown.children[0].value, "pages": pages}))
"""


def hub_environment(base: dict[str, str], exchange_root: Path, data_dir: Path, code: str | None) -> dict[str, str]:
    """The variables workshop/hub/spawn.py sets for a user's server (a participant when ``code`` is given)."""
    env = {**base, "WORKSHOP_DEPLOYMENT": "hub", "WORKSHOP_EXCHANGE_ROOT": str(exchange_root)}
    env["WORKSHOP_DATA_DIR"] = str(data_dir)
    for name in ("WORKSHOP_PARTICIPANT_CODE", "JUPYTERHUB_USER", "WORKSHOP_GROUP_MODE"):
        env.pop(name, None)
    if code:
        env["WORKSHOP_PARTICIPANT_CODE"] = env["JUPYTERHUB_USER"] = code
    return env


class Hub:
    """A facilitator and participants sharing one exchange folder, each with a data folder of their own."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.modules_root = root / "modules"
        self.exchange = root / "exchange"
        self.facilitator = root / "users" / "facilitator"
        self.course = self.facilitator / "course"
        self.base = {**os.environ, "WORKSHOP_MODULES_DIR": str(self.modules_root)}

    def env(self, code: str | None = None) -> dict[str, str]:
        data = self.root / "users" / code if code else self.facilitator
        return hub_environment(self.base, self.exchange, data, code)

    def answer(self, code: str, answers: dict) -> None:
        data = self.root / "users" / code
        data.mkdir(parents=True, exist_ok=True)
        with ResponseStore(data / STORE_FILE) as store:
            if not store.participant_exists(code):
                store.register_participant(code)
            for key, value in answers.items():
                store.save(code, key, value)

    def submit_here(self, code: str, module: Module) -> dict[str, str]:
        """ "Submit for review" in this process (the environment must be the participant's)."""
        with ResponseStore.default() as store:
            page = SimpleNamespace(participant=code, store=store, module=module, answers=lambda: {})
            control = SubmitForReview(page)
            control.button.click()
        return {"label": control.button.description, "result": control.result.value}

    def workshop(self, *args: str) -> str:
        completed = subprocess.run(
            [sys.executable, "-m", "workshop.cli", "review", *args],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert completed.returncode == 0, completed.stdout + completed.stderr
        return completed.stdout

    def participants(self, action: str, codes: list[str], key: str = "alpha") -> dict[str, dict]:
        """Run ``action`` for each participant at once, each in a process of their own."""
        running = {
            code: subprocess.Popen(
                [sys.executable, "-c", PARTICIPANT, action, key],
                env=self.env(code),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for code in codes
        }
        results = {}
        for code, process in running.items():
            out, err = process.communicate(timeout=300)
            assert process.returncode == 0, err
            results[code] = json.loads(out.strip().splitlines()[-1])
        return results


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    """The whole round trip once: submit before release, release, two participants submit, collect (twice,
    and again after a re-submission), autograde, a comment each, feedback and release, and each fetches."""
    setup = Hub(tmp_path_factory.mktemp("hub"))
    write_module(setup.modules_root, "alpha", 1, PAYLOAD_COUNT)
    modules = all_modules(setup.modules_root)
    marker = setup.root / MARKER_NAME
    texts = payloads(marker)
    first, second, bystander = new_code(), new_code(), new_code()
    setup.answer(first, {f"alpha.r{n:02d}": text for n, text in enumerate(texts)} | {"alpha.quiz_one": 1})
    setup.answer(second, {"alpha.r00": "My first words.", "alpha.r01": CRISIS_TEXT})
    setup.answer(bystander, {"alpha.r00": "I never submit."})

    with pytest.MonkeyPatch.context() as patch:  # in this process (a kernel of its own costs seconds)
        for name, value in setup.env(second).items():
            patch.setenv(name, value)
        before_release = setup.submit_here(second, modules[0])
    released = setup.workshop("release")
    submitted = setup.participants("submit", [first, second])
    collected = setup.workshop("collect")

    with pytest.MonkeyPatch.context() as patch:
        for name, value in setup.env().items():
            patch.setenv(name, value)
        facilitator_store = ResponseStore(setup.facilitator / STORE_FILE)
        collected_again = exchange.collect(setup.course, modules, store=facilitator_store)
        setup.answer(second, {"alpha.r00": "My second, clearer words."})
        resubmitted = setup.participants("submit", [second])
        collected_newest = exchange.collect(setup.course, modules, store=facilitator_store)
        graded = autograde(setup.course, progress=False, modules=modules)
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{setup.course / 'gradebook.db'}", course_files.COURSE_ID) as gradebook:
            gradebook.find_comment("r01", "alpha", "alpha", first).manual_comment = COMMENT_FOR_FIRST
            gradebook.find_comment("r00", "alpha", "alpha", second).manual_comment = COMMENT_FOR_SECOND
            gradebook.db.commit()
    feedback = setup.workshop("feedback")
    fetched = setup.participants("fetch", [first, second])
    with pytest.MonkeyPatch.context() as patch:
        for name, value in setup.env(bystander).items():
            patch.setenv(name, value)
        shown = FeedbackList(bystander)
        fetched[bystander] = {"count": shown.count, "widget": shown.children[0].value}
    setup.__dict__.update(
        modules=modules,
        marker=marker,
        texts=texts,
        first=first,
        second=second,
        bystander=bystander,
        before_release=before_release,
        released=released,
        submitted=submitted,
        collected=collected,
        collected_again=collected_again,
        resubmitted=resubmitted,
        collected_newest=collected_newest,
        graded=graded,
        feedback=feedback,
        fetched=fetched,
        facilitator_store=facilitator_store,
    )
    yield setup
    facilitator_store.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_submit_before_the_module_is_released_says_so_and_sends_nothing(hub: Hub) -> None:
    assert hub.before_release["label"] == "Submit for review"
    assert "Your facilitator has not opened this module for review yet" in hub.before_release["result"]
    assert "nbgrader" not in hub.before_release["result"]


def test_release_puts_every_module_in_the_exchange_the_variable_names(hub: Hub) -> None:
    assert "released: alpha" in hub.released and str(hub.exchange) in hub.released
    outbound = hub.exchange / course_files.COURSE_ID / "outbound" / "alpha" / "alpha.ipynb"
    assert outbound.read_bytes() == course_files.release_path(hub.course, "alpha").read_bytes()
    assert f"c.Exchange.root = {str(hub.exchange)!r}" in (hub.course / course_files.CONFIG_FILE).read_text()
    assert not (hub.course / "exchange" / course_files.COURSE_ID).exists()
    # nbgrader's own modes: participants can drop submissions into inbound but not list it.
    assert mode(hub.exchange / course_files.COURSE_ID / "inbound") == 0o2733
    assert mode(hub.exchange / course_files.COURSE_ID / "outbound" / "alpha") == 0o755


def test_each_participant_submits_under_their_own_code(hub: Hub) -> None:
    for code in (hub.first, hub.second):
        assert "Submitted. Thank you." in hub.submitted[code]["result"]
        # nbgrader keeps a copy with its secret in the participant's own folder, private to the account.
        cache = hub.root / "users" / code / exchange.LOCAL_DIR / code / "cache"
        assert mode(cache) == 0o700 and list(cache.glob(f"*/{code}+alpha+*"))
    names = sorted(p.name.split("+")[0] for p in (hub.exchange / course_files.COURSE_ID / "inbound").iterdir())
    assert names == sorted([hub.first, hub.second, hub.second])


def test_collect_brings_the_newest_submission_of_each_into_the_course_once(hub: Hub) -> None:
    assert "2 submission(s) collected, 0 already in the course, 0 refused" in hub.collected
    assert {(o.participant, o.status) for o in hub.collected_again} == {
        (hub.first, "unchanged"),
        (hub.second, "unchanged"),
    }
    assert {(o.participant, o.status) for o in hub.collected_newest} == {
        (hub.first, "unchanged"),
        (hub.second, "collected"),
    }
    for code in (hub.first, hub.second):
        folder = course_files.submission_dir(hub.course, code, "alpha")
        notebook = nbformat.read(folder / "alpha.ipynb", as_version=4)
        assert notebook.metadata["workshop"]["participant"] == code
        assert mode(folder) == 0o700 and mode(folder / "alpha.ipynb") & 0o077 == 0
    second = nbformat.read(course_files.submission_dir(hub.course, hub.second, "alpha") / "alpha.ipynb", as_version=4)
    assert second.metadata["workshop"]["answers"]["alpha.r00"] == "My second, clearer words."
    assert not any(hub.course.glob(".collecting-*"))  # the staging copies are gone


def test_crisis_language_in_a_collected_submission_reaches_the_facilitator(hub: Hub) -> None:
    # One flag for each collected submission (the re-submission still holds the words).
    flags = hub.facilitator_store.flags(participant=hub.second)
    assert len(flags) == 2 and all(f.kind == "crisis_language" and f.details["found"] == "at import" for f in flags)
    assert hub.facilitator_store.flags(participant=hub.first) == []
    notebook = nbformat.read(course_files.submission_dir(hub.course, hub.second, "alpha") / "alpha.ipynb", as_version=4)
    assert notebook.cells[1].id == "safety-flags"
    assert "Safety flags" not in hub.fetched[hub.second]["pages"][0]["html"]  # written to the facilitator only


def test_autograde_runs_no_participant_text(hub: Hub) -> None:
    assert hub.graded and all(result.ok for result in hub.graded)
    assert not hub.marker.exists()


def test_each_participant_fetches_only_their_own_feedback_with_the_comment(hub: Hub) -> None:
    assert "2 feedback page(s) released to the exchange" in hub.feedback
    first, second, bystander = (hub.fetched[code] for code in (hub.first, hub.second, hub.bystander))
    assert first["count"] == 1 and second["count"] == 1 and bystander["count"] == 0
    assert COMMENT_FOR_FIRST in first["pages"][0]["html"] and COMMENT_FOR_SECOND not in first["pages"][0]["html"]
    assert COMMENT_FOR_SECOND in second["pages"][0]["html"] and COMMENT_FOR_FIRST not in second["pages"][0]["html"]
    assert "My second, clearer words." in second["pages"][0]["html"]
    assert hub.first not in second["widget"] and hub.second not in first["widget"]
    assert "No feedback yet" in bystander["widget"]
    # Shown on the start page in a sandboxed frame (no scripts) and offered as a download.
    assert "sandbox=''" in first["widget"] and "Download the feedback on Test module alpha" in first["widget"]
    released = hub.exchange / course_files.COURSE_ID / "feedback"
    assert mode(released) == 0o711 and all(mode(page) == 0o644 for page in released.iterdir())


def test_hostile_text_through_the_exchange_stays_plain_text(hub: Hub) -> None:
    page = hub.fetched[hub.first]["pages"][0]["html"]
    shown = [block["text"] for block in answer_blocks(page)]
    for text in hub.texts:
        assert displayed(text) in shown, text[:80]
    for block in answer_blocks(page):
        assert block["tags"] <= {"p", "br"}, block["tags"]
    assert not hub.marker.exists()
    # The widget carries the page only inside srcdoc, escaped: no tag of a payload is live on the start page.
    widget = hub.fetched[hub.first]["widget"]
    assert "<script>document.title" not in widget and "<img src=x onerror" not in widget


def test_collect_refuses_what_does_not_belong_and_keeps_the_rest(hub: Hub, tmp_path: Path) -> None:
    """Anyone who can write to inbound can drop a folder there: a name without a code or a time, a file that
    names someone else, or added code is refused or dropped; the others are still collected; nothing runs."""
    inbound = hub.exchange / course_files.COURSE_ID / "inbound"
    submitted = next(p for p in inbound.iterdir() if p.name.startswith(hub.first + "+"))
    marker = tmp_path / "tampered-code-ran"
    impostor, tamperer = new_code(), new_code()

    def plant(name: str, change=None) -> None:
        folder = inbound / name
        folder.mkdir()
        for item in submitted.iterdir():
            (folder / item.name).write_bytes(item.read_bytes())
        if change:
            notebook = json.loads((folder / "alpha.ipynb").read_text())
            change(notebook)
            (folder / "alpha.ipynb").write_text(json.dumps(notebook))

    def added_code(notebook: dict) -> None:
        notebook["metadata"]["workshop"]["participant"] = tamperer
        notebook["cells"].append(
            {"cell_type": "code", "metadata": {}, "source": f"open({str(marker)!r}, 'w')", "outputs": [],
             "execution_count": None, "id": "evil"}
        )  # fmt: skip

    later = "2099-01-01 00:00:00.000000 UTC"
    plant(f"..+alpha+{later}+x")  # hidden from nbgrader's glob: never picked up
    plant(f"Not A Code+alpha+{later}+x")
    plant("junk+alpha+not-a-time+x")
    plant(f"{impostor}+alpha+{later}+x")  # the file inside still names the first participant
    plant(f"{tamperer}+alpha+2026-01-01 00:00:00.000000 UTC+x", added_code)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in hub.env().items():
            patch.setenv(name, value)
        outcomes = exchange.collect(hub.course, hub.modules, store=hub.facilitator_store)
    by_who = {(o.participant, o.status) for o in outcomes}
    assert (impostor, "refused") in by_who
    assert (hub.first, "unchanged") in by_who and (hub.second, "unchanged") in by_who
    refused_names = " ".join(o.message for o in outcomes if o.participant is None)
    assert "'Not A Code+alpha+" in refused_names and "'junk+alpha+not-a-time+x'" in refused_names
    assert sorted(p.name for p in (hub.course / "submitted").iterdir()) == sorted([hub.first, hub.second, tamperer])
    rebuilt = nbformat.read(course_files.submission_dir(hub.course, tamperer, "alpha") / "alpha.ipynb", as_version=4)
    assert all(cell.id != "evil" for cell in rebuilt.cells) and str(marker) not in nbformat.writes(rebuilt)
    assert not marker.exists()


def test_the_exchange_root_comes_from_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    course = tmp_path / "course"
    monkeypatch.delenv("WORKSHOP_EXCHANGE_ROOT", raising=False)
    assert f"c.Exchange.root = {str(course / 'exchange')!r}" in course_files.config_text(course)
    assert exchange.exchange_root(course) == course / "exchange"
    monkeypatch.setenv("WORKSHOP_EXCHANGE_ROOT", str(tmp_path / "shared"))
    assert f"c.Exchange.root = {str(tmp_path / 'shared')!r}" in course_files.config_text(course)
    assert exchange.exchange_root(course) == tmp_path / "shared"


def test_the_page_refuses_to_submit_under_another_code_than_the_signed_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_module(tmp_path / "modules", "alpha", 1, 1)
    module = all_modules(tmp_path / "modules")[0]
    signed_in, other = new_code(), new_code()
    monkeypatch.setenv("WORKSHOP_DEPLOYMENT", "hub")
    monkeypatch.setenv("WORKSHOP_PARTICIPANT_CODE", signed_in)
    monkeypatch.setenv("WORKSHOP_EXCHANGE_ROOT", str(tmp_path / "exchange"))
    store = ResponseStore(":memory:")
    store.register_participant(other)
    page = SimpleNamespace(participant=other, store=store, module=module, answers=lambda: {})
    control = SubmitForReview(page)
    control.submit()
    assert "another code than the one you signed in with" in control.result.value
    assert not (tmp_path / "exchange").exists()


def test_erasing_removes_the_participants_own_exchange_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop.data_commands import erase_everywhere

    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path / "data"))
    code = new_code()
    store = ResponseStore.default()
    store.register_participant(code)
    cached = exchange.local_copies(code) / "cache" / course_files.COURSE_ID / f"{code}+alpha+t" / "alpha.ipynb"
    cached.parent.mkdir(parents=True)
    cached.write_text("{}")
    erased = erase_everywhere(code, store)
    assert erased.exchange_copies == 1 and not exchange.local_copies(code).exists()
    assert "1 file(s) of submissions and feedback" in erased.report()
