"""The response store: concurrency, crash safety, append-only revisions, erase, damaged files, odd text."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workshop.store import SCHEMA_VERSION, ResponseStore, StoreError

WRITER = textwrap.dedent(
    """
    import sys
    from workshop.store import ResponseStore
    path, who, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = ResponseStore(path)
    for n in range(count):
        revision = store.save(who, "test.note", {"n": n, "text": f"{who} says {n}"})
        print(revision, flush=True)  # printed only after save() returned: the answer is reported saved
    """
)


def spawn_writer(path: Path, who: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), who, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def file_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


def test_eight_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    ResponseStore(path).close()
    writers = [spawn_writer(path, f"p{i}", 200) for i in range(8)]
    for proc in writers:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert "locked" not in err and "Error" not in err
        assert out.split() == [str(n) for n in range(1, 201)]
    store = ResponseStore(path)
    for i in range(8):
        revisions = store.revisions(f"p{i}", "test.note")
        assert [r.revision for r in revisions] == list(range(1, 201))
        assert [r.value["n"] for r in revisions] == list(range(200))


def test_writer_killed_mid_stream_keeps_every_reported_save(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    ResponseStore(path).close()
    proc = spawn_writer(path, "victim", 100_000)
    reported = [int(proc.stdout.readline()) for _ in range(300)]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    # Anything printed before the kill was reported saved, so it must be there.
    reported += [int(line) for line in proc.stdout.read().split()]
    stored = [r.revision for r in ResponseStore(path).revisions("victim")]
    assert reported == stored[: len(reported)]
    assert len(stored) >= len(reported) >= 300


def test_a_change_is_a_new_revision_and_reads_give_the_latest(tmp_path: Path) -> None:
    store = ResponseStore(tmp_path / "s.sqlite3")
    for text in ["first", "second", "third"]:
        store.save("abc", "triggers.note", text)
    store.save("abc", "triggers.other", "x")
    store.save("zzz", "triggers.note", "someone else")
    assert store.latest("abc", "triggers.note") == "third"
    assert [r.value for r in store.revisions("abc", "triggers.note")] == ["first", "second", "third"]
    assert [r.revision for r in store.revisions("abc", "triggers.note")] == [1, 2, 3]
    assert store.latest_answers("abc") == {"triggers.note": "third", "triggers.other": "x"}
    assert store.latest_answers("abc", "trig") == {"triggers.note": "third", "triggers.other": "x"}
    assert store.latest_answers("abc", "welcome.") == {}
    assert store.latest("abc", "never.saved") is None
    times = [r.saved_at for r in store.revisions("abc", "triggers.note")]
    assert times == sorted(times) and all(t.tzinfo is not None for t in times)


def test_stored_answers_cannot_be_updated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    ResponseStore(path).save("abc", "m.e", "kept")
    db = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE answers SET value = '\"changed\"'")
    db.close()
    assert ResponseStore(path).latest("abc", "m.e") == "kept"


def test_erase_leaves_no_trace_in_the_files_bytes(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = ResponseStore(path)
    marker = "ZQX-private-marker-7731"
    store.register_participant("gone")
    store.register_participant("stays")
    for n in range(50):
        store.save("gone", "m.reflection", f"{marker} revision {n} " + "padding " * 200)
    store.record_flag("gone", "m", "crisis_language", {"text": marker})
    store.save("stays", "m.reflection", "still here")
    assert marker.encode() in file_bytes(path)
    removed = store.erase("gone")
    assert removed == 50 + 1 + 1
    assert marker.encode() not in file_bytes(path)
    assert b"gone" not in file_bytes(path)
    assert store.latest("gone", "m.reflection") is None
    assert store.latest("stays", "m.reflection") == "still here"
    assert not store.participant_exists("gone")
    store.close()
    assert marker.encode() not in file_bytes(path)


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all\n" * 100, b"\x00" * 4096, os.urandom(8192)],
    ids=["text", "zeros", "random"],
)
def test_a_file_that_is_not_a_store_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "responses.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StoreError) as error:
        ResponseStore(path)
    assert str(path) in str(error.value) and "not been changed" in str(error.value)
    assert path.read_bytes() == content
    assert not Path(f"{path}-wal").exists()


def test_a_damaged_store_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "responses.sqlite3"
    store = ResponseStore(path)
    for n in range(300):
        store.save("abc", f"m.e{n % 7}", "text " * 100)
    store.close()
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    damaged = bytearray(path.read_bytes())
    page = 4096
    damaged[3 * page : 5 * page] = os.urandom(2 * page)  # scribble over two b-tree pages
    path.write_bytes(bytes(damaged))
    with pytest.raises(StoreError) as error:
        ResponseStore(path)
    assert str(path) in str(error.value)
    assert path.read_bytes() == bytes(damaged)


def test_a_read_only_store_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "responses.sqlite3"
    ResponseStore(path).save("abc", "m.e", "hello")
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        with pytest.raises(StoreError, match="read-only") as error:
            ResponseStore(path)
        assert str(path) in str(error.value)
        assert path.read_bytes() == before
    finally:
        path.chmod(0o644)


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "responses.sqlite3"
    ResponseStore(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        ResponseStore(path)
    assert path.read_bytes() == before


def test_an_empty_file_becomes_a_store_at_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "responses.sqlite3"
    path.touch()
    ResponseStore(path).save("abc", "m.e", 1)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


ODD_TEXT = {
    "one_megabyte": "x" * 1_000_000,
    "emoji": "I felt 😔💔 then 🙂‍↕️ 👩🏽‍🦱",
    "right_to_left": "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eabc\u202c",
    "nul_bytes": "before\x00after\x00",
    "html": "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "code": '"); import os; os.system("touch /tmp/x"); ("',
    "json_breaking": '"}], "value": null, {"\\',
    "control_and_newlines": "a\r\nb\tc\x1b[31m\u2028d",
}


@pytest.mark.parametrize("name", sorted(ODD_TEXT))
def test_odd_text_round_trips_exactly(tmp_path: Path, name: str) -> None:
    path = tmp_path / "s.sqlite3"
    ResponseStore(path).save("abc", "m.e", ODD_TEXT[name])
    assert ResponseStore(path).latest("abc", "m.e") == ODD_TEXT[name]


def test_unstorable_values_are_refused_with_a_message(tmp_path: Path) -> None:
    store = ResponseStore(tmp_path / "s.sqlite3")
    with pytest.raises(StoreError, match="broken character"):
        store.save("abc", "m.e", "lone \ud800 surrogate")
    with pytest.raises(StoreError, match="too large"):
        store.save("abc", "m.e", "x" * 5_000_000)
    with pytest.raises(StoreError, match="cannot be saved"):
        store.save("abc", "m.e", float("nan"))
    assert store.revisions("abc") == []


def test_export_holds_every_revision_and_markdown_shows_text_literally(tmp_path: Path) -> None:
    store = ResponseStore(tmp_path / "s.sqlite3")
    store.save("abc", "m.note", "<b>draft</b>")
    store.save("abc", "m.note", "**final** <script>x</script>")
    store.record_flag("abc", "m", "distress", {"value": 80})
    exported = store.export("abc")
    assert [a["value"] for a in exported["answers"]] == ["<b>draft</b>", "**final** <script>x</script>"]
    assert exported["flags"][0]["details"] == {"value": 80}
    json.dumps(exported)  # serialisable as it is
    markdown = store.export_markdown("abc")
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert "\\*\\*final\\*\\*" in markdown


def test_flags_filter_by_time(tmp_path: Path) -> None:
    from datetime import datetime, timedelta, timezone

    store = ResponseStore(tmp_path / "s.sqlite3")
    store.record_flag("abc", "welcome", "distress", {"checkin": 85})
    later = datetime.now(timezone.utc) + timedelta(seconds=1)
    assert len(store.flags()) == 1
    assert store.flags(since=later) == []
    assert store.flags()[0].details == {"checkin": 85}


def test_in_memory_store_touches_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = ResponseStore(":memory:")
    store.save("abc", "m.e", "x")
    store.erase("abc")
    assert list(tmp_path.iterdir()) == []


# -- schema version 2: cohorts, flag acknowledgements, reads across participants ----------------------


def write_version_1_store(path: Path) -> None:
    """A store as version 1 of the workshop left it: answers with several revisions, flags, participants."""
    from workshop.store import _create_v1

    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    _create_v1(db)
    db.execute("PRAGMA user_version = 1")
    db.execute("COMMIT")
    rows = [
        ("tulip-otter-1", "2025-01-02T10:00:00.000000+00:00"),
        ("cocoa-pebble-2", "2025-01-02T10:05:00.000000+00:00"),
    ]
    db.executemany("INSERT INTO participants (code, created_at) VALUES (?, ?)", rows)
    answers = []
    for code, _ in rows:
        for revision, text in enumerate(["first draft", "second ✍️ draft", "<b>final</b>"], start=1):
            saved = f"2025-01-0{revision + 2}T11:00:00.000000+00:00"
            answers.append((code, "welcome.hopes", revision, json.dumps(f"{code}: {text}"), saved))
        answers.append((code, "welcome.checkin", 1, "35", "2025-01-03T10:00:00.000000+00:00"))
        answers.append((code, "welcome.checkin", 2, "80", "2025-01-03T10:01:00.000000+00:00"))
    db.executemany(
        "INSERT INTO answers (participant, exercise_id, revision, value, saved_at) VALUES (?, ?, ?, ?, ?)", answers
    )
    db.execute(
        "INSERT INTO flags (participant, module, kind, details, raised_at) VALUES (?, ?, ?, ?, ?)",
        ("tulip-otter-1", "welcome", "distress", '{"exercise_id": "welcome.checkin", "value": 80}',
         "2025-01-03T10:01:00.000000+00:00"),
    )  # fmt: skip
    db.close()


def table_rows(path: Path, table: str) -> list[tuple]:
    db = sqlite3.connect(path)
    try:
        return db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    finally:
        db.close()


def test_a_version_1_store_is_migrated_to_version_2_keeping_every_revision(tmp_path: Path) -> None:
    path = tmp_path / "responses.sqlite3"
    write_version_1_store(path)
    before = {table: table_rows(path, table) for table in ("participants", "answers", "flags")}
    assert len(before["answers"]) == 10

    store = ResponseStore(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    for table, rows in before.items():
        assert table_rows(path, table) == rows, f"migration changed {table}"
    # Every revision still reads back through the store, in order, with its time.
    history = store.revisions("tulip-otter-1", "welcome.hopes")
    assert [r.value for r in history] == [
        f"tulip-otter-1: {t}" for t in ["first draft", "second ✍️ draft", "<b>final</b>"]
    ]
    assert [r.saved_at.day for r in history] == [3, 4, 5]
    # The new tables work on the migrated file, and the old flag can be acknowledged.
    store.join_cohort("tulip-otter-1", "Tuesday group")
    flag = store.flags()[0]
    assert flag.seq == 1 and flag.participant == "tulip-otter-1"
    store.acknowledge_flag(flag.seq, "Called after the session; safe, seeing their clinician.")
    store.close()
    reopened = ResponseStore(path)
    assert [m.participant for m in reopened.cohort_members("Tuesday group")] == ["tulip-otter-1"]
    assert reopened.acknowledgements()[1][0].note.startswith("Called after the session")
    assert table_rows(path, "answers") == before["answers"]


def test_a_migration_that_fails_leaves_the_version_1_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop import store as store_module

    path = tmp_path / "responses.sqlite3"
    write_version_1_store(path)
    before = {table: table_rows(path, table) for table in ("participants", "answers", "flags")}

    def half_way(db: sqlite3.Connection) -> None:
        store_module._v1_to_v2(db)
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    monkeypatch.setitem(store_module.MIGRATIONS, 1, half_way)
    with pytest.raises(sqlite3.OperationalError):
        ResponseStore(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    db.close()
    assert "cohort_members" not in tables and "flag_acknowledgements" not in tables
    for table, rows in before.items():
        assert table_rows(path, table) == rows
    monkeypatch.undo()
    assert len(ResponseStore(path).revisions("cocoa-pebble-2")) == 5


def test_cohorts_remember_who_joined_and_when_they_were_last_seen(tmp_path: Path) -> None:
    store = ResponseStore(tmp_path / "s.sqlite3")
    for code in ("a-1", "b-2", "c-3"):
        store.register_participant(code)
    store.join_cohort("a-1", "2026-03-03")
    store.join_cohort("b-2", "2026-03-03")
    store.join_cohort("a-1", "Tuesday group")
    first = store.cohort_members("2026-03-03")
    store.join_cohort("a-1", "2026-03-03")  # resumed later: still one membership, seen again
    again = store.cohort_members("2026-03-03")
    assert [m.participant for m in again] == ["a-1", "b-2"]
    assert again[0].joined_at == first[0].joined_at and again[0].last_seen > first[0].last_seen
    assert [(c.name, c.members) for c in store.cohorts()] == [("2026-03-03", 2), ("Tuesday group", 1)]
    assert store.participant_codes() == ["a-1", "b-2", "c-3"]
    seen = store.last_seen(["a-1", "b-2", "c-3"])
    assert set(seen) == {"a-1", "b-2"}  # c-3 never saved an answer nor came in through a group server
    store.save("b-2", "welcome.checkin", 40)
    assert store.last_seen(["b-2"])["b-2"] == store.revisions("b-2")[0].saved_at
    for bad in ("", " leading space", "x" * 61, "semi;colon", "new\nline"):
        with pytest.raises(StoreError, match="cannot name a group"):
            store.join_cohort("a-1", bad)


def test_latest_answers_of_many_participants_in_one_read(tmp_path: Path) -> None:
    store = ResponseStore(tmp_path / "s.sqlite3")
    codes = [f"p-{n:04d}" for n in range(1200)]  # more than one chunk of SQL parameters
    for n, code in enumerate(codes):
        store.save(code, "welcome.checkin", n % 101)
        if n % 2:
            store.save(code, "welcome.checkin", (n + 1) % 101)
        store.save(code, "closing.checkin", 7)
    latest = store.latest_answers_of(codes, prefix="welcome.")
    assert set(latest) == set(codes)
    assert all(set(answers) == {"welcome.checkin"} for answers in latest.values())
    assert latest["p-0003"]["welcome.checkin"].value == 4 and latest["p-0003"]["welcome.checkin"].revision == 2
    assert latest["p-0004"]["welcome.checkin"].value == 4 and latest["p-0004"]["welcome.checkin"].revision == 1
    assert store.latest_answers_of([]) == {}
    assert store.latest_answers_of(["nobody"]) == {}


def test_acknowledgements_are_an_append_only_audit_trail(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = ResponseStore(path)
    store.record_flag("a-1", "welcome", "distress", {"value": 85})
    store.record_flag("b-2", "welcome", "crisis_language", {"text": "..."})
    first, second = (f.seq for f in store.flags())
    with pytest.raises(StoreError, match="short note"):
        store.acknowledge_flag(first, "   ")
    with pytest.raises(StoreError, match="no flag number"):
        store.acknowledge_flag(999, "a note")
    store.acknowledge_flag(first, "Spoke with them at the break.")
    store.acknowledge_flag(first, "Followed up by phone next day.")
    trail = store.acknowledgements()
    assert list(trail) == [first]
    assert [a.note for a in trail[first]] == ["Spoke with them at the break.", "Followed up by phone next day."]
    assert store.acknowledgements([second]) == {}
    assert [f.participant for f in store.flags(participants=["b-2", "x"])] == ["b-2"]
    # Neither flags nor their acknowledgements can be rewritten, and an acknowledgement cannot be removed alone.
    db = sqlite3.connect(path)
    for statement in (
        "UPDATE flag_acknowledgements SET note = 'nothing happened'",
        "DELETE FROM flag_acknowledgements",
        "UPDATE flags SET kind = 'none'",
    ):
        with pytest.raises(sqlite3.DatabaseError):
            db.execute(statement)
    db.close()
    assert len(store.acknowledgements()[first]) == 2


def test_erase_removes_memberships_flags_and_their_acknowledgements(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = ResponseStore(path)
    store.register_participant("a-1")
    store.join_cohort("a-1", "Wednesday-marker-group")
    store.join_cohort("b-2", "Wednesday-marker-group")
    store.record_flag("a-1", "welcome", "distress", {"value": 85})
    store.record_flag("b-2", "welcome", "distress", {"value": 90})
    flags = {f.participant: f.seq for f in store.flags()}
    store.acknowledge_flag(flags["a-1"], "ACK-NOTE-MARKER about a-1")
    store.acknowledge_flag(flags["b-2"], "Note about b-2")
    exported = store.export("a-1")
    assert exported["flags"][0]["acknowledged"][0]["note"] == "ACK-NOTE-MARKER about a-1"
    assert exported["cohorts"][0]["cohort"] == "Wednesday-marker-group"
    assert store.erase("a-1") == 4  # flag, acknowledgement, membership, participant record
    assert [m.participant for m in store.cohort_members("Wednesday-marker-group")] == ["b-2"]
    assert list(store.acknowledgements()) == [flags["b-2"]]
    store.close()
    assert b"ACK-NOTE-MARKER" not in file_bytes(path)
