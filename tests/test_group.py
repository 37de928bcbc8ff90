"""The group at a glance (workshop.group): reads across a cohort, the dashboard's sections, the group view's
rule of three, and the CSV export. A small group is written to a store as the pages would write it."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from support.group_data import fears, practice_entry, rses, scs_sf, submit

from workshop import group
from workshop import store as store_module
from workshop.exercises import all_modules
from workshop.store import ResponseStore

MODULES = [module for module in all_modules() if module.listed]
COHORT = "Tuesday group"


def new_store(tmp_path: Path) -> ResponseStore:
    return ResponseStore(tmp_path / "responses.sqlite3")


def member(store: ResponseStore, code: str, cohort: str = COHORT) -> str:
    store.register_participant(code)
    store.join_cohort(code, cohort)
    return code


def test_a_cohort_is_its_members_and_everyone_is_the_whole_store(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    member(store, "amber-1")
    member(store, "birch-2")
    member(store, "cedar-3", cohort="Thursday group")
    store.register_participant("dune-4")  # self-paced: in no cohort
    assert group.members(store, COHORT) == ["amber-1", "birch-2"]
    assert group.members(store, None) == ["amber-1", "birch-2", "cedar-3", "dune-4"]
    assert group.members(store, "nobody's group") == []


def test_now_shows_each_latest_rating_with_its_change_and_says_high_or_rising_in_words(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    calm, high, rising, silent = (member(store, code) for code in ("calm-1", "high-2", "rising-3", "silent-4"))
    store.save(calm, "welcome.checkin", 40)
    store.save(calm, "triggers.checkin", 30)
    store.save(high, "welcome.checkin", 50)
    store.save(high, "triggers.checkin", 75)
    store.save(rising, "triggers.checkin", 20)
    store.save(rising, "aftermath.checkin", 25)
    store.save(rising, "triggers.checkout", 55)  # 35 above this module's check-in (20): rising
    store.save(silent, "welcome.hopes", "Only words, no rating")
    rows, no_rating = group.distress_now(group.snapshot(store, COHORT, MODULES))

    assert no_rating == [silent]
    by_code = {row.participant: row for row in rows}
    assert [row.participant for row in rows][:2] == [rising, high]  # needing attention first, most recent first
    assert (by_code[calm].value, by_code[calm].previous, by_code[calm].change, by_code[calm].marks) == (30, 40, -10, [])
    assert by_code[high].marks == ["High (75 is 70 or more)"] and by_code[high].change == 25
    # A check-out is compared with its own module's check-in, as the page's safety rule does, even when
    # another rating came in between.
    assert by_code[rising].exercise_id == "triggers.checkout" and by_code[rising].previous == 25
    assert by_code[rising].compared_with == 20 and by_code[rising].marks == ["Rising (up 35 from 20)"]
    assert by_code[rising].module_title.startswith("Triggers")


def test_flags_list_new_ones_first_with_their_words_and_keep_every_acknowledgement(tmp_path: Path) -> None:
    from workshop.safety import record_crisis_language, record_distress

    store = new_store(tmp_path)
    first, second = member(store, "amber-1"), member(store, "birch-2")
    outsider = member(store, "cedar-3", cohort="Thursday group")
    record_distress(store, first, "triggers.checkout", 72, checkin=30)
    record_crisis_language(store, second, "aftermath.letter", "Some days I just want to die, honestly.")
    store.record_flag(
        first, "welcome", "distress", {"exercise_id": "welcome.checkin", "value": 90, "found": "at import"}
    )
    record_distress(store, outsider, "welcome.checkin", 80)
    snap = group.snapshot(store, COHORT, MODULES)
    rows = group.flag_rows(snap)

    assert [row.participant for row in rows] == [first, second, first]  # newest first
    assert snap.new_flags_elsewhere == 1  # the outsider's flag is counted, not listed, in this cohort's view
    imported, crisis, distress = rows
    assert imported.source == "imported" and imported.category == "High distress"
    assert crisis.category == "Crisis language (wishing to be dead)" and crisis.words == "“want to die”"
    assert crisis.text == "Some days I just want to die, honestly." and crisis.exercise_id == "aftermath.letter"
    assert distress.category == "High and rising distress" and distress.words == "distress 72 (check-in was 30)"
    assert all(row.new for row in rows)

    store.acknowledge_flag(crisis.seq, "Spoke with them at the break; they are safe and seeing their GP.")
    store.acknowledge_flag(crisis.seq, "Checked in by phone the next day.")
    rows = group.flag_rows(group.snapshot(store, COHORT, MODULES))
    assert [row.seq for row in rows] == [imported.seq, distress.seq, crisis.seq]  # acknowledged ones go last
    assert [a.note for a in rows[-1].acknowledgements] == [
        "Spoke with them at the break; they are safe and seeing their GP.",
        "Checked in by phone the next day.",
    ]
    everyone = group.snapshot(store, None, MODULES)
    assert len(group.flag_rows(everyone)) == 4 and everyone.new_flags_elsewhere == 0

    # A flag from an older version holds only the text: the check is asked again for its category and words.
    store.record_flag(
        first, "aftermath", "crisis_language", {"exercise_id": "aftermath.letter", "text": "I want to die."}
    )
    older = group.flag_rows(group.snapshot(store, COHORT, MODULES))[0]
    assert (older.category, older.words) == ("Crisis language (wishing to be dead)", "“want to die”")


def test_progress_shows_started_answered_and_submitted_and_who_has_not_come_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = new_store(tmp_path)
    course = tmp_path / "course"
    steady = member(store, "steady-1")
    welcome = next(m for m in MODULES if m.key == "welcome")
    store.save(steady, "welcome.checkin", 30)
    store.save(steady, "welcome.hopes", "To feel less stuck")
    store.save(steady, "welcome.rses", [None] * 10)  # opened, nothing chosen: started, not answered
    submit(course, steady, "welcome")
    store.save(steady, "triggers.checkin", 20)
    # The other participant's last visit was nine days ago.
    nine_days_ago = (datetime.now(timezone.utc) - timedelta(days=9)).isoformat(timespec="microseconds")
    monkeypatch.setattr(store_module, "_now", lambda: nine_days_ago)
    away = member(store, "away-2")
    store.save(away, "welcome.checkin", 50)
    monkeypatch.undo()

    rows = {row.participant: row for row in group.progress(group.snapshot(store, COHORT, MODULES, course))}
    cell = rows[steady].modules["welcome"]
    assert (cell.state, cell.answered, cell.total) == ("submitted", 2, len(welcome.exercises))
    assert cell.words() == f"submitted, 2 of {len(welcome.exercises)} answered" and cell.submitted_at is not None
    assert rows[steady].modules["triggers"].state == "started"
    assert rows[steady].modules["closing"].words() == "not started"
    assert rows[steady].away is None
    assert rows[away].away is not None and rows[away].away.days == 9


def test_practice_puts_what_was_predicted_beside_what_happened(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    one, two, none = member(store, "one-1"), member(store, "two-2"), member(store, "none-3")
    store.save(one, "desensitization.practice", {"entries": [practice_entry(80, "no"), practice_entry(60, "partly")]})
    store.save(two, "desensitization.practice", {"entries": [practice_entry(90, "yes"), practice_entry(None, "no")]})
    store.save(none, "desensitization.practice", {"entries": []})
    overall, rows = group.practice(group.snapshot(store, COHORT, MODULES))

    assert [row.participant for row in rows] == [one, two]
    first = rows[0]
    assert (first.attempts, first.predicted, first.happened) == (2, 70, 25)
    assert first.outcomes == {"yes": 0, "partly": 1, "no": 1}
    assert rows[1].predicted == 90 and rows[1].happened == 50  # an unrated prediction is left out of the mean
    assert (overall.people, overall.attempts, overall.outcomes) == (2, 4, {"yes": 1, "partly": 1, "no": 2})
    assert overall.predicted == pytest.approx((80 + 60 + 90) / 3) and overall.happened == pytest.approx(150 / 4)
    assert "2 attempts" in first.sentence() and "yes 0, partly 1, no 1" in first.sentence()


def test_change_is_each_persons_own_and_the_group_mean_over_people_with_both_ends(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    both, start_only = member(store, "both-1"), member(store, "start-2")
    store.save(both, "welcome.rses", rses(1))
    store.save(both, "closing.rses", rses(2))
    store.save(both, "welcome.scs_sf", scs_sf(2))
    store.save(both, "closing.scs_sf", scs_sf(4))
    store.save(both, "welcome.fear_ratings", fears(80, 60, None))
    store.save(both, "closing.fear_ratings", fears(50, 60, 40))
    store.save(start_only, "welcome.rses", rses(3))
    snap = group.snapshot(store, COHORT, MODULES)
    per_person = group.participant_changes(snap)

    mine = {c.key: (c.start, c.end) for c in per_person[both]}
    assert mine == {"rses": (10, 20), "scs-sf": (2, 4), "fear1": (80, 50), "fear2": (60, 60), "fear3": (None, 40)}
    assert {c.key: (c.start, c.end) for c in per_person[start_only]} == {"rses": (30, None)}
    measures = {m.key: m for m in group.group_changes(per_person)}
    assert (measures["rses"].people, measures["rses"].start, measures["rses"].change) == (1, 10, 10)
    assert (measures["fear"].people, measures["fear"].pairs, measures["fear"].change) == (1, 2, -15)
    assert "not diagnoses" in group.NOT_A_DIAGNOSIS


def test_the_group_view_shows_no_figure_resting_on_fewer_than_three_people(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    course = tmp_path / "course"
    codes = [member(store, f"p-{n}") for n in range(5)]
    for n, code in enumerate(codes):
        store.save(code, "welcome.checkin", 10 + 10 * n)
    for code in codes[:2]:  # only two people practised and only two submitted
        store.save(code, "desensitization.practice", {"entries": [practice_entry(75, "no")]})
        submit(course, code, "welcome")
    for code, (start, end) in zip(codes[:3], ((1, 2), (1, 1), (2, 3)), strict=True):  # three have both measures
        store.save(code, "welcome.rses", rses(start))
        store.save(code, "closing.rses", rses(end))
    view = group.group_view(group.snapshot(store, COHORT, MODULES, course))

    assert view.people.text() == "5" and view.checked_in_today.text() == "5"
    assert view.distress_today.text() == "30"
    title, started, submitted = view.modules[0]
    assert title.startswith("Welcome") and started.text() == "5"
    assert submitted.text() == "not shown (fewer than 3 people)"
    assert not view.practice_people.shown and not view.practice_predicted.shown and not view.practice_happened.shown
    assert view.practice_predicted.text() == "not shown (fewer than 3 people)"
    rses_row = next(row for row in view.measures if row[0].startswith("Self-esteem"))
    assert [figure.text() for figure in rses_row[1:]] == ["13", "20", "+7"]
    assert all(row[3].text() == "none yet" for row in view.measures if not row[0].startswith("Self-esteem"))


def test_export_is_three_csv_files_with_codes_only_and_no_formula_a_spreadsheet_would_run(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    course = tmp_path / "course"
    code = member(store, "amber-1")
    store.save(code, "welcome.checkin", 85)
    store.save(code, "welcome.rses", rses(1))
    store.save(code, "closing.rses", rses(2))
    submit(course, code, "welcome")
    store.record_flag(
        code, "aftermath", "crisis_language", {"exercise_id": "aftermath.letter", "text": "=HYPERLINK(x)"}
    )
    [flag] = store.flags()
    store.acknowledge_flag(flag.seq, "+ called them, safe")
    files = group.export_files(group.snapshot(store, COHORT, MODULES, course))

    names = sorted(files)
    assert all(name.startswith("workshop-Tuesday-group-") and name.endswith(".csv") for name in names)
    tables = {name.split("-")[3]: list(csv.DictReader(io.StringIO(text))) for name, text in files.items()}
    assert set(tables) == {"progress", "flags", "measures"}
    welcome = next(row for row in tables["progress"] if row["module"] == "welcome")
    assert welcome["participant"] == code and welcome["state"] == "submitted" and welcome["submitted_at"]
    [flag_row] = tables["flags"]
    assert flag_row["text"] == "'=HYPERLINK(x)" and flag_row["note"] == "'+ called them, safe"
    assert flag_row["category"] == "Crisis language" and flag_row["acknowledged_at"]
    assert tables["measures"] == [{"participant": code, "measure": "rses", "start": "10", "end": "20", "change": "10"}]
    assert {row["participant"] for table in tables.values() for row in table} == {code}
