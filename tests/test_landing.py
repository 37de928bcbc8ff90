"""The start page without a browser: the module list (count and numbering derived from the modules
themselves) and what the start page and the welcome module say about privacy."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from widgets.landing import SEND_SAFELY, Landing, module_heading, modules_summary
from workshop import participants
from workshop.exercises import all_modules
from workshop.store import ResponseStore

REPO = Path(__file__).resolve().parents[1]
START_PAGE = REPO / "modules" / "index.ipynb"
WELCOME = REPO / "modules" / "00_welcome" / "welcome.ipynb"
NUMBERED = re.compile(r"^Module (\d+): ")
# "six short modules", "It has 6 modules": a count written into the text goes stale as modules are added.
WRITTEN_COUNT = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:short\s+)?modules\b", re.I)


def markdown_of(notebook: Path) -> str:
    return "\n\n".join(c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "markdown")


def test_every_numbered_module_page_carries_its_order_as_its_number() -> None:
    for module in all_modules():
        heading = module_heading(module)
        numbered = NUMBERED.match(heading)
        if numbered:
            assert int(numbered.group(1)) == module.order, f"{module.notebook}: {heading!r} but order {module.order}"


def test_start_page_lists_each_module_by_its_own_heading_and_counts_them() -> None:
    modules = [m for m in all_modules() if m.listed]  # the authors' gallery is not offered to participants
    headings = [module_heading(m) for m in modules]
    landing = Landing(store=ResponseStore(":memory:"))
    listed = re.findall(r"<a href='[^']*'>([^<]*)</a>", landing.modules_view.value)
    assert listed == headings
    assert "Module 1: Triggers" in listed
    count = sum(bool(NUMBERED.match(h)) for h in headings)
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
    assert f"{words[count]} module" in landing.modules_view.value
    assert "six short modules" not in landing.modules_view.value


def _module(root: Path, folder: str, key: str, title: str, order: int, heading: str) -> None:
    (root / folder).mkdir(parents=True)
    (root / folder / "module.toml").write_text(
        f'key = "{key}"\ntitle = "{title}"\norder = {order}\nminutes = 10\n', encoding="utf-8"
    )
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {heading}\n\nText.")])
    nbformat.write(notebook, root / folder / f"{key}.ipynb")


def test_the_count_follows_the_modules_present(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "modules"
    _module(root, "00_welcome", "welcome", "Welcome: how it works", 0, "Welcome")
    _module(root, "01_triggers", "triggers", "Triggers: why it hurts", 1, "Module 1: Triggers")
    _module(root, "02_aftermath", "aftermath", "Aftermath: what it leaves", 2, "Module 2: Aftermath")
    _module(root, "07_closing", "closing", "Closing: your change", 7, "Closing")
    shutil.copy(START_PAGE, root / "index.ipynb")
    monkeypatch.setenv("WORKSHOP_MODULES_DIR", str(root))
    view = Landing(store=ResponseStore(":memory:")).modules_view.value
    assert "There are two modules, with a welcome before them and a closing after them." in view
    assert "Module 2: Aftermath</a> – what it leaves, about 10 minutes" in view
    assert modules_summary(["Module 1: Triggers"]) == "There is one module."
    assert modules_summary(["Welcome"]) == ""


@pytest.mark.parametrize("notebook", [START_PAGE, WELCOME], ids=lambda p: p.name)
def test_no_module_count_is_written_into_the_text(notebook: Path) -> None:
    assert not WRITTEN_COUNT.search(markdown_of(notebook))


@pytest.mark.parametrize("notebook", [START_PAGE, WELCOME], ids=lambda p: p.name)
def test_the_limits_of_confidentiality_are_stated(notebook: Path) -> None:
    text = " ".join(markdown_of(notebook).split())
    assert "someone else may be hurt, they may have to act to keep people safe" in text
    assert "other members cannot promise this" in text or "other group members cannot promise this" in text
    assert "not plain email" in text or "not send them by plain email" in text


def test_downloads_advise_a_channel_agreed_with_the_clinic_not_plain_email() -> None:
    store = ResponseStore(":memory:")
    code = participants.new_code()
    store.register_participant(code)
    landing = Landing(store=store)
    landing.resume(code)
    shown = json.dumps([child.value for child in landing.after.children[-1].children if hasattr(child, "value")])
    assert SEND_SAFELY in shown
    assert "plain email" in SEND_SAFELY and "clinic" in SEND_SAFELY


def test_erasing_on_the_start_page_also_removes_the_review_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Group mode: the facilitator's course is on the same computer as the participant's answers."""
    import ipywidgets as w

    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path))
    code, other = participants.new_code(), participants.new_code()
    for who in (code, other):
        submitted = tmp_path / "course" / "submitted" / who / "triggers"
        submitted.mkdir(parents=True)
        (submitted / "triggers.ipynb").write_text(f"words of {who}", encoding="utf-8")
    (tmp_path / "course" / "feedback" / code / "triggers").mkdir(parents=True)
    with ResponseStore.default() as store:
        store.register_participant(code)
        store.save(code, "triggers.snapshot_what", "private words")
        landing = Landing(store=store)
        landing.resume(code)
        controls = landing.after.children[-1].children
        next(c for c in controls if isinstance(c, w.Checkbox)).value = True
        next(c for c in controls if isinstance(c, w.Button) and c.description == "Erase my answers").click()
        result = controls[-1].value
        assert "were erased too" in result and "This code no longer works" in result
        assert not store.participant_exists(code)
    assert not (tmp_path / "course" / "submitted" / code).exists()
    assert not (tmp_path / "course" / "feedback" / code).exists()
    assert (tmp_path / "course" / "submitted" / other).is_dir()


def test_starting_or_resuming_in_a_group_session_joins_its_cohort(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from widgets.page import Page
    from workshop import session

    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path))
    store = ResponseStore.default()  # the file a module page opens too
    monkeypatch.setenv("WORKSHOP_GROUP_MODE", "1")
    monkeypatch.setenv("WORKSHOP_COHORT", "Tuesday group")
    started = Landing(store=store).start()
    assert [m.participant for m in store.cohort_members("Tuesday group")] == [started]

    # Another week, another name: resuming joins that one too, and the first membership stays.
    monkeypatch.setenv("WORKSHOP_COHORT", "2026-03-10")
    assert Landing(store=store).resume(started.upper().replace("-", " ")) == started
    assert [m.participant for m in store.cohort_members("2026-03-10")] == [started]
    assert {c.name for c in store.cohorts()} == {"Tuesday group", "2026-03-10"}

    # A module page opened with the code (a bookmark) counts as coming back: seen again, not joined twice.
    before = store.cohort_members("2026-03-10")[0]
    monkeypatch.setattr(session, "query_string", lambda: f"p={started}")
    page = Page("welcome", show_banner=False)
    assert page.participant == started
    after = store.cohort_members("2026-03-10")
    assert len(after) == 1 and after[0].joined_at == before.joined_at and after[0].last_seen > before.last_seen


def test_self_paced_participants_join_no_cohort(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKSHOP_GROUP_MODE", raising=False)
    monkeypatch.setenv("WORKSHOP_COHORT", "leftover from somewhere")  # ignored outside group mode
    store = ResponseStore(tmp_path / "s.sqlite3")
    Landing(store=store).start()
    assert store.cohorts() == []


def test_a_start_page_without_modules_says_so_with_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(START_PAGE, tmp_path / "index.ipynb")
    monkeypatch.setenv("WORKSHOP_MODULES_DIR", str(tmp_path))
    view = Landing(store=ResponseStore(":memory:")).modules_view.value
    assert "The modules could not be listed" in view and str(tmp_path) in view
