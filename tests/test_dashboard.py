"""The facilitator's dashboard and the group view without a browser: what each shows, what the group view
never shows, acknowledging flags, the charts, and the `workshop dashboard` command's options."""

from __future__ import annotations

import base64
import re
import subprocess
from pathlib import Path

import pytest
from support.group_data import practice_entry, rses, submit
from support.server import workshop_command

from widgets.dashboard import Dashboard, FlagCard, GroupView
from workshop.exercises import all_modules
from workshop.measures import get_measure
from workshop.safety import record_crisis_language, record_distress
from workshop.store import ResponseStore

MODULES = [module for module in all_modules() if module.listed]
COHORT = "Tuesday group"


def rses_total(total: int) -> list[int]:
    """RSES answers scoring exactly ``total`` (item scores of 3 and then 0, reverse keying undone)."""
    measure = get_measure("rses")
    scores = [3] * (total // 3) + [total % 3] + [0] * 10
    return [3 - s if item.reverse else s for item, s in zip(measure.items, scores, strict=False)]


def html_of(widget: object) -> str:
    """Every piece of HTML a widget tree holds (what the browser would be sent)."""
    found = []
    value = getattr(widget, "value", None)
    if isinstance(value, str):
        found.append(value)
    for child in getattr(widget, "children", ()):
        found.append(html_of(child))
    return "\n".join(found)


def visible_text(html: str) -> str:
    """The words and numbers a person sees (and a screen reader reads), including those in charts."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"<style[^>]*>.*?</style>", " ", html, flags=re.S))


def shows_number(text: str, number: int) -> bool:
    return re.search(rf"(?<![\d.]){number}(?![\d.])", text) is not None


@pytest.fixture
def store(tmp_path: Path) -> ResponseStore:
    return ResponseStore(tmp_path / "responses.sqlite3")


def join(store: ResponseStore, code: str, cohort: str = COHORT) -> str:
    store.register_participant(code)
    store.join_cohort(code, cohort)
    return code


def test_the_group_view_shows_no_code_no_words_and_no_single_answer(store: ResponseStore, tmp_path: Path) -> None:
    course = tmp_path / "course"
    codes = [join(store, f"maple-river-{n}") for n in range(5)]
    outsider = join(store, "outside-the-group-9", cohort="Thursday group")
    distress = [13, 27, 38, 61, 86]  # mean 45: shown; each one alone never
    for code, value in zip(codes, distress, strict=True):
        store.save(code, "welcome.checkin", value)
        store.save(code, "welcome.hopes", f"PRIVATE-HOPE-OF-{code}")
    record_distress(store, codes[4], "welcome.checkin", 86)
    record_crisis_language(store, codes[3], "welcome.hopes", "PRIVATE-CRISIS-TEXT I want to die")
    # Two people practised (likelihoods 41 and 59) and two gave both measures (RSES 17 to 23, 11 to 19):
    # figures from two people, hidden.
    for code, likelihood in zip(codes[:2], (41, 59), strict=True):
        store.save(code, "desensitization.practice", {"entries": [practice_entry(likelihood, "partly")]})
    for code, (start, end) in zip(codes[:2], ((17, 23), (11, 19)), strict=True):
        store.save(code, "welcome.rses", rses_total(start))
        store.save(code, "closing.rses", rses_total(end))
    submit(course, codes[0], "welcome")
    store.save(outsider, "welcome.checkin", 99)

    html = html_of(GroupView(store, COHORT, modules=MODULES, course=course))
    text = visible_text(html)
    for code in [*codes, outsider]:
        assert code not in html
    assert "PRIVATE" not in html and "want to die" not in html
    for single in [*distress, 41, 59, 17, 23, 11, 19, 99, 6, 8]:  # 6 and 8: the two RSES changes
        assert not shows_number(text, single), f"{single} appears in the group view"
    assert "Average distress at the latest rating today (0 to 100): 45" in text.replace("  ", " ")
    assert "not shown (fewer than 3 people)" in text
    assert "<svg" not in html  # the practice chart needs three people


def test_the_group_view_shows_the_groups_figures_once_three_people_give_them(store: ResponseStore) -> None:
    codes = [join(store, f"maple-river-{n}") for n in range(3)]
    for code, likelihood, feared in zip(codes, (70, 80, 90), ("no", "partly", "no"), strict=True):
        store.save(code, "desensitization.practice", {"entries": [practice_entry(likelihood, feared)]})
        store.save(code, "welcome.rses", rses(1))
        store.save(code, "closing.rses", rses(2))
    html = html_of(GroupView(store, COHORT, modules=MODULES))
    text = " ".join(visible_text(html).split())
    assert "People who recorded practice: 3" in text
    assert "seemed 80% likely; 17% of it happened" in text
    assert re.search(r"Self-esteem \(Rosenberg scale, 0 to 30\)\s+10\s+20\s+\+10", text)
    assert 'role="img"' in html and "aria-label=" in html  # the chart, named, with the figures in words


def test_the_dashboard_shows_now_flags_progress_practice_and_change(store: ResponseStore, tmp_path: Path) -> None:
    course = tmp_path / "course"
    calm, upset = join(store, "calm-otter-1"), join(store, "upset-heron-2")
    store.save(calm, "welcome.checkin", 20)
    store.save(upset, "triggers.checkin", 25)
    store.save(upset, "triggers.checkout", 80)
    record_distress(store, upset, "triggers.checkout", 80, checkin=25)
    record_crisis_language(store, calm, "welcome.hopes", "<script>alert(1)</script> I want to die")
    store.save(calm, "desensitization.practice", {"entries": [practice_entry(65, "no")]})
    store.save(calm, "welcome.rses", rses(1))
    store.save(calm, "closing.rses", rses(2))
    submit(course, calm, "welcome")
    dashboard = Dashboard(store, COHORT, modules=MODULES, course=course)

    now = visible_text(dashboard.now_view.value)
    assert now.index(upset) < now.index(calm)  # needing attention first
    assert "High (80 is 70 or more); Rising (up 55 from 25)" in now
    assert len(dashboard.flag_cards.children) == 2 and "<strong>2 new</strong>" in dashboard.flags_intro.value
    cards = "\n".join(card.summary.value for card in dashboard.flag_cards.children)
    assert "<script>" not in cards and "&lt;script&gt;" in cards and "“want to die”" in cards
    assert "✓ submitted, 2/5" in dashboard.progress_view.value  # welcome: the check-in and the RSES
    assert "65%" in dashboard.practice_view.value and "<svg" in dashboard.practice_view.value
    assert "not diagnoses" in dashboard.change_view.value and "+10.0" in dashboard.change_view.value
    status = dashboard.updated.value
    assert "data-as-of=" in status and "data-refresh='1'" in status


def test_acknowledging_a_flag_keeps_the_note_and_a_typed_note_survives_a_refresh(store: ResponseStore) -> None:
    code = join(store, "upset-heron-2")
    record_distress(store, code, "welcome.checkin", 90)
    dashboard = Dashboard(store, COHORT, modules=MODULES)
    [card] = dashboard.flag_cards.children
    assert isinstance(card, FlagCard) and card.button.description == f"Acknowledge flag {card.row.seq}"

    card.button.click()  # no note yet: refused, nothing stored
    assert "Not saved" in card.result.value and store.acknowledgements() == {}

    card.note.value = "Half-typed note"
    record_distress(store, join(store, "new-person-3"), "welcome.checkin", 75)  # a new flag arrives meanwhile
    dashboard.refresh()
    assert dashboard.flag_cards.children[1] is card and card.note.value == "Half-typed note"

    card.note.value = "Spoke with them at the break; safe, will see their GP tomorrow."
    card.button.click()
    [ack] = store.acknowledgements()[card.row.seq]
    assert ack.note == "Spoke with them at the break; safe, will see their GP tomorrow."
    assert card.note.value == "" and card.button.description == f"Add a note to flag {card.row.seq}"
    assert dashboard.flag_cards.children[-1] is card  # acknowledged flags go after the new one
    assert "Spoke with them at the break" in card.summary.value and "NEW" not in card.summary.value


def test_the_dashboard_can_show_another_group_or_everyone(store: ResponseStore) -> None:
    tuesday, thursday = join(store, "tuesday-person-1"), join(store, "thursday-person-2", cohort="Thursday group")
    record_distress(store, thursday, "welcome.checkin", 95)
    dashboard = Dashboard(store, COHORT, modules=MODULES)
    assert tuesday in dashboard.progress_view.value and thursday not in dashboard.progress_view.value
    assert "1 new flag(s) of people outside this group" in dashboard.flags_intro.value
    dashboard.cohort_choice.value = ""  # everyone
    assert thursday in dashboard.progress_view.value and len(dashboard.flag_cards.children) == 1
    dashboard.cohort_choice.value = "Thursday group"
    assert tuesday not in dashboard.progress_view.value


def test_export_offers_the_three_csv_files_as_downloads(store: ResponseStore) -> None:
    code = join(store, "calm-otter-1")
    store.save(code, "welcome.checkin", 20)
    dashboard = Dashboard(store, COHORT, modules=MODULES)
    files = dashboard.export()
    assert len(files) == 3
    links = re.findall(
        r"download='([^']+)' href='data:text/csv;charset=utf-8;base64,([^']+)'", dashboard.export_links.value
    )
    assert {name for name, _ in links} == set(files)
    for name, data in links:
        assert base64.b64decode(data).decode("utf-8") == files[name]


def test_charts_are_inline_svg_images_that_fetch_nothing() -> None:
    from widgets import charts

    svg = charts.paired_bars(
        [charts.Pair("The group", 70, 25, bold=True), charts.Pair("calm-otter-1", 60, None)],
        first="predicted",
        second="happened",
        low=0,
        high=100,
        unit="%",
        label="Practice chart",
        name="test",
    )
    assert svg.startswith('<svg role="img" aria-label="Practice chart"')
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg
    assert re.findall(r"(?:href|src)=\"(?!#)", svg) == [] and "url(http" not in svg and "@import" not in svg
    assert "<text" in svg and "70%" in svg and "not given" in svg  # text stays text, missing values say so
    assert "hatch" in svg or "<pattern" in svg  # the second series is hatched, not only another colour
    other = charts.start_and_end([charts.Pair("calm-otter-1", 10, 20)], low=0, high=30, label="Change", name="other")
    ids = set(re.findall(r'id="([^"]+)"', svg)) & set(re.findall(r'id="([^"]+)"', other))
    assert not ids, f"two charts on one page share ids {ids}"


def test_dashboard_help_names_its_options() -> None:
    result = subprocess.run([*workshop_command(), "dashboard", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    for option in ("--cohort", "--port", "--no-browser", "127.0.0.1"):
        assert option in result.stdout
    refused = subprocess.run(
        [*workshop_command(), "dashboard", "--cohort", "bad/name", "--no-browser"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 1 and "--cohort" in refused.stderr


def test_the_dashboard_pages_show_nothing_unless_workshop_dashboard_serves_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where Voila runs inside Jupyter (Binder, JupyterHub) the notebooks in dashboard/ could be opened: there
    they say so and read nothing."""
    from widgets import dashboard

    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path))
    store = ResponseStore.default()
    join(store, "calm-otter-1")
    monkeypatch.setattr(dashboard.session, "query_string", lambda: "")
    monkeypatch.setattr(dashboard, "warm_up", lambda: None)
    monkeypatch.delenv("WORKSHOP_DASHBOARD", raising=False)
    for page in (dashboard.show_dashboard(), dashboard.show_group_view()):
        assert "only when the facilitator starts it" in page.value and "calm-otter-1" not in html_of(page)
    monkeypatch.setenv("WORKSHOP_DASHBOARD", "1")
    assert "calm-otter-1" in html_of(dashboard.show_dashboard())


def test_the_dashboard_folder_holds_only_its_two_pages_saved_without_outputs() -> None:
    import nbformat

    from workshop.dashboard import DASHBOARD_NOTEBOOK, GROUP_NOTEBOOK, dashboard_dir

    folder = dashboard_dir()
    assert folder.name == "dashboard" and folder.parent == Path(__file__).resolve().parents[1]
    assert sorted(p.name for p in folder.glob("*.ipynb")) == sorted([DASHBOARD_NOTEBOOK, GROUP_NOTEBOOK])
    for path in folder.glob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), path.name
    assert not (Path(__file__).resolve().parents[1] / "modules" / "dashboard").exists()


def test_participants_pages_do_not_pay_for_the_dashboard() -> None:
    """The widgets package is imported on every participant's page (widgets.registry finds each widget file):
    the dashboard's files there must not pull in matplotlib or nbformat (seconds on a busy machine)."""
    import sys

    probe = (
        "import sys, widgets.dashboard, widgets.charts; print(sorted({'matplotlib', 'nbformat'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
