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
