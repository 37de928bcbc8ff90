"""The response store: every answer a participant gives, kept append-only in one SQLite file.

Why SQLite from the standard library: one file the facilitator can locate, back up and delete; WAL
mode lets the many kernels of one Voila server write at once; nothing to install or run.

Rules this module keeps:
- a saved answer is a new revision of (participant, exercise id), never an overwrite;
- a file that is not ours, is damaged or is read-only is never written to, truncated or "repaired":
  it gives a StoreError naming the file;
- erase removes every row of a participant and then rewrites the file (VACUUM, WAL truncated) so the
  text is gone from the bytes on disk, not only hidden.

Schema version 2 added cohorts (who took part in which group session) and the acknowledgements of safety
flags (the facilitator's note and its time, an audit trail: append-only, removed only with the flag by
erase). Reads across participants, for the facilitator's dashboard, are here too, so that no other code
holds SQL.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from workshop import config, permissions
from workshop.errors import WorkshopError

STORE_FILE = "responses.sqlite3"
SCHEMA_VERSION = 2
# A reflection has its own, much smaller limit; this one only keeps a runaway value from bloating the file.
MAX_VALUE_CHARS = 4_000_000
# A facilitator's acknowledgement of a flag: a short note, not a case file.
MAX_NOTE_CHARS = 2_000
# A cohort's name: what `workshop serve --group --cohort NAME` accepts.
COHORT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,59}$")
COHORT_NAME_RULE = "use up to 60 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit."
BUSY_TIMEOUT_S = 30.0
SQLITE_HEADER = b"SQLite format 3\x00"

JSONValue = Any


class StoreError(WorkshopError):
    """The store cannot be used as asked; the message names the file and what to do."""


@dataclass(frozen=True)
class Revision:
    participant: str
    exercise_id: str
    revision: int
    value: JSONValue
    saved_at: datetime


@dataclass(frozen=True)
class Flag:
    participant: str | None
    module: str
    kind: str
    details: dict[str, Any]
    raised_at: datetime
    seq: int = 0  # the flag's number in the store, which an acknowledgement names


@dataclass(frozen=True)
class Acknowledgement:
    """A facilitator's note that a flag was seen and acted on. Never changed; a later note is a new row."""

    flag: int
    note: str
    acknowledged_at: datetime


@dataclass(frozen=True)
class Cohort:
    """A named group session (`workshop serve --group --cohort NAME`) and who joined it."""

    name: str
    members: int
    first_joined: datetime
    last_seen: datetime


@dataclass(frozen=True)
class Membership:
    participant: str
    joined_at: datetime
    last_seen: datetime


def _create_v1(db: sqlite3.Connection) -> None:
    # One statement per execute(): executescript() would COMMIT the migration's transaction half-way.
    statements = [
        """CREATE TABLE participants (
            code       TEXT PRIMARY KEY,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE answers (
            seq         INTEGER PRIMARY KEY AUTOINCREMENT,
            participant TEXT NOT NULL,
            exercise_id TEXT NOT NULL,
            revision    INTEGER NOT NULL,
            value       TEXT NOT NULL,
            saved_at    TEXT NOT NULL,
            UNIQUE (participant, exercise_id, revision)
        )""",
        # Append-only: a change is a new revision. Only erase (DELETE) removes rows.
        """CREATE TRIGGER answers_are_append_only BEFORE UPDATE ON answers
        BEGIN SELECT RAISE(ABORT, 'answers are append-only'); END""",
        """CREATE TABLE flags (
            seq         INTEGER PRIMARY KEY AUTOINCREMENT,
            participant TEXT,
            module      TEXT NOT NULL,
            kind        TEXT NOT NULL,
            details     TEXT NOT NULL,
            raised_at   TEXT NOT NULL
        )""",
        "CREATE INDEX flags_by_time ON flags (raised_at)",
    ]
    for statement in statements:
        db.execute(statement)


def _v1_to_v2(db: sqlite3.Connection) -> None:
    """Cohorts and flag acknowledgements. Adds tables and triggers only: no existing row is touched."""
    statements = [
        # A participant joins a cohort by starting or resuming through a group server; last_seen_at moves on
        # each later visit. One row per (cohort, participant).
        """CREATE TABLE cohort_members (
            cohort       TEXT NOT NULL,
            participant  TEXT NOT NULL,
            joined_at    TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            PRIMARY KEY (cohort, participant)
        )""",
        "CREATE INDEX cohort_members_by_participant ON cohort_members (participant)",
        # The audit trail of flags: each acknowledgement is a new row, never changed. Rows go only with their
        # flag (erase), so a facilitator's record of follow-up cannot be removed by itself.
        """CREATE TABLE flag_acknowledgements (
            seq             INTEGER PRIMARY KEY AUTOINCREMENT,
            flag            INTEGER NOT NULL,
            note            TEXT NOT NULL,
            acknowledged_at TEXT NOT NULL
        )""",
        "CREATE INDEX flag_acknowledgements_by_flag ON flag_acknowledgements (flag)",
        """CREATE TRIGGER flag_acknowledgements_are_append_only BEFORE UPDATE ON flag_acknowledgements
        BEGIN SELECT RAISE(ABORT, 'flag acknowledgements are append-only'); END""",
        """CREATE TRIGGER flag_acknowledgements_go_only_with_their_flag BEFORE DELETE ON flag_acknowledgements
        WHEN EXISTS (SELECT 1 FROM flags WHERE seq = OLD.flag)
        BEGIN SELECT RAISE(ABORT, 'an acknowledged flag keeps its acknowledgements'); END""",
        # A flag is a record of what happened: never rewritten (erase may still delete it).
        """CREATE TRIGGER flags_are_append_only BEFORE UPDATE ON flags
        BEGIN SELECT RAISE(ABORT, 'flags are append-only'); END""",
    ]
    for statement in statements:
        db.execute(statement)


# MIGRATIONS[n] takes a store at schema version n to n + 1. Add a function here for every schema change.
# All steps run in one transaction: a store is at its old version or the new one, never half-way.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {0: _create_v1, 1: _v1_to_v2}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _placeholders(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


# SQLite allows at least 999 parameters in one statement; lists of participants are read in chunks of this.
_CHUNK = 500


def _chunks(values: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])


def _encode(value: JSONValue) -> str:
    try:
        encoded = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        encoded.encode("utf-8")  # lone surrogates cannot be stored as text: refuse them here, clearly
    except UnicodeEncodeError:
        raise StoreError("This answer has a broken character (a lone surrogate) and cannot be saved.") from None
    except (TypeError, ValueError) as error:
        raise StoreError(f"This answer cannot be saved: {error}.") from None
    if len(encoded) > MAX_VALUE_CHARS:
        raise StoreError(
            f"This answer is too large to save ({len(encoded):,} characters; at most {MAX_VALUE_CHARS:,})."
        )
    return encoded


class ResponseStore:
    """Append-only answers, participants and safety flags in one SQLite file (or ":memory:")."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.in_memory = str(path) == ":memory:"
        self.path = Path(path) if not self.in_memory else Path(":memory:")
        self._lock = threading.RLock()
        if self.in_memory:
            self._db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        else:
            self._check_file_before_opening()
            self._make_private()
            self._db = self._connect()
        self._migrate()

    @classmethod
    def default(cls) -> ResponseStore:
        """The store in the data folder ($WORKSHOP_DATA_DIR or the user data dir)."""
        return cls(config.data_dir() / STORE_FILE)

    # -- opening -------------------------------------------------------------------------------------

    def _refuse(self, problem: str) -> StoreError:
        return StoreError(f"The answer store {self.path} {problem} It has not been changed.")

    def _check_file_before_opening(self) -> None:
        """Look at the file without writing to it: only a healthy, writable store of ours is opened."""
        path = self.path
        if not path.exists():
            if not os.access(path.parent if path.parent.exists() else Path.cwd(), os.W_OK):
                raise StoreError(f"Cannot create the answer store {path}: its folder is not writable.")
            return
        if not path.is_file():
            raise self._refuse("is not a file.")
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as error:
            raise self._refuse(f"cannot be read ({error.strerror}).") from None
        if header and header != SQLITE_HEADER:
            raise self._refuse("is not an SQLite database (damaged, or another file at this path).")
        mode = path.stat().st_mode
        # Root passes os.access() on any file, so also honour the permission bits someone set on purpose.
        if not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise self._refuse(
                "is read-only, so answers could not be saved. Make it writable or set WORKSHOP_DATA_DIR."
            )
        if not header:
            return  # an empty file: SQLite treats it as a new database
        try:
            probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
            try:
                result = probe.execute("PRAGMA quick_check").fetchone()
                version = probe.execute("PRAGMA user_version").fetchone()[0]
            finally:
                probe.close()
        except sqlite3.DatabaseError as error:
            raise self._refuse(f"is damaged ({error}).") from None
        if result is None or result[0] != "ok":
            raise self._refuse(f"failed its integrity check ({result[0] if result else 'no answer'}).")
        if version > SCHEMA_VERSION:
            raise self._refuse(
                f"was written by a newer version of the workshop (schema {version}; this one knows {SCHEMA_VERSION})."
            )

    def _make_private(self) -> None:
        """The store and its -wal, -shm and -journal files readable by this account only, whatever the umask.

        SQLite creates -wal and -shm with the store file's mode, so a new store file is created 0600 before
        SQLite opens it; existing files of ours are tightened, and one of another account's is refused."""
        try:
            permissions.create_private_file(self.path)
        except OSError as error:
            raise StoreError(f"Cannot create the answer store {self.path}: {error.strerror or error}.") from None
        for path in (self.path, *(Path(f"{self.path}{suffix}") for suffix in ("-wal", "-shm", "-journal"))):
            try:
                permissions.secure_tree(path)
            except permissions.PermissionsError as error:
                raise StoreError(str(error)) from None

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"The answer store {self.path} could not switch to WAL mode (got {mode}).")
            # FULL: an answer reported "Saved" survives a crash of the kernel or the machine.
            db.execute("PRAGMA synchronous = FULL")
            # Freed pages are zeroed, so erased text does not linger in the file.
            db.execute("PRAGMA secure_delete = ON")
        except sqlite3.DatabaseError as error:
            raise self._refuse(f"could not be opened ({error}).") from None
        return db

    def _migrate(self) -> None:
        with self._write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](db)
                version += 1
                db.execute(f"PRAGMA user_version = {version}")
        if self.in_memory:
            self._db.execute("PRAGMA secure_delete = ON")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction. BEGIN IMMEDIATE takes the write lock up front, so busy_timeout applies
        and no reader-to-writer upgrade can deadlock into "database is locked"."""
        with self._lock:
            deadline = time.monotonic() + BUSY_TIMEOUT_S * 2
            while True:
                try:
                    self._db.execute("BEGIN IMMEDIATE")
                    break
                except sqlite3.Error as error:
                    if "locked" not in str(error) and "busy" not in str(error):
                        raise StoreError(f"The answer store {self.path} could not be written: {error}.") from None
                    if time.monotonic() > deadline:
                        raise StoreError(
                            f"The answer store {self.path} stayed busy for a minute; your answer is still on "
                            "the page. Please try again."
                        ) from None
                    time.sleep(0.05)
            try:
                yield self._db
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            else:
                try:
                    self._db.execute("COMMIT")
                except sqlite3.DatabaseError as error:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise StoreError(f"The answer store {self.path} could not save: {error}.") from None

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as error:
                raise StoreError(f"The answer store {self.path} could not be read: {error}.") from None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> ResponseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- participants --------------------------------------------------------------------------------

    def register_participant(self, code: str) -> None:
        with self._write() as db:
            db.execute("INSERT OR IGNORE INTO participants (code, created_at) VALUES (?, ?)", (code, _now()))

    def participant_exists(self, code: str) -> bool:
        return bool(self._read("SELECT 1 FROM participants WHERE code = ?", (code,)))

    def participant_codes(self) -> list[str]:
        """Every participant this store knows, in the order they started."""
        return [code for (code,) in self._read("SELECT code FROM participants ORDER BY created_at, code")]

    # -- cohorts -------------------------------------------------------------------------------------

    def join_cohort(self, participant: str, cohort: str) -> None:
        """``participant`` started or resumed through the group server of ``cohort``: join it, or note the visit."""
        if not COHORT_NAME.match(cohort):
            raise StoreError(f"{cohort!r} cannot name a group: {COHORT_NAME_RULE}")
        now = _now()
        with self._write() as db:
            db.execute(
                """INSERT INTO cohort_members (cohort, participant, joined_at, last_seen_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (cohort, participant) DO UPDATE SET last_seen_at = MAX(last_seen_at, excluded.last_seen_at)""",
                (cohort, participant, now, now),
            )

    def cohorts(self) -> list[Cohort]:
        """Every cohort, the most recently seen first."""
        rows = self._read(
            """SELECT cohort, COUNT(*), MIN(joined_at), MAX(last_seen_at) FROM cohort_members
            GROUP BY cohort ORDER BY MAX(last_seen_at) DESC, cohort"""
        )
        return [Cohort(name, count, _parse_time(first), _parse_time(last)) for name, count, first, last in rows]

    def cohort_members(self, cohort: str) -> list[Membership]:
        """Who joined ``cohort``, in the order they joined."""
        rows = self._read(
            "SELECT participant, joined_at, last_seen_at FROM cohort_members WHERE cohort = ? "
            "ORDER BY joined_at, participant",
            (cohort,),
        )
        return [Membership(code, _parse_time(joined), _parse_time(seen)) for code, joined, seen in rows]

    def last_seen(self, participants: Sequence[str]) -> dict[str, datetime]:
        """participant -> the last time they saved an answer or came in through a group server (if ever)."""
        found: dict[str, datetime] = {}
        for chunk in _chunks(participants):
            marks = _placeholders(chunk)
            rows = self._read(
                f"""SELECT participant, MAX(moment) FROM (
                    SELECT participant, saved_at AS moment FROM answers WHERE participant IN ({marks})
                    UNION ALL
                    SELECT participant, last_seen_at FROM cohort_members WHERE participant IN ({marks})
                ) GROUP BY participant""",  # noqa: S608 - only placeholders are formatted in
                (*chunk, *chunk),
            )
            found.update({code: _parse_time(moment) for code, moment in rows})
        return found

    # -- answers -------------------------------------------------------------------------------------

    def save(self, participant: str, exercise_id: str, value: JSONValue) -> int:
        """Append a new revision and return its number (1 for the first answer)."""
        encoded = _encode(value)
        with self._write() as db:
            row = db.execute(
                "SELECT COALESCE(MAX(revision), 0) + 1 FROM answers WHERE participant = ? AND exercise_id = ?",
                (participant, exercise_id),
            ).fetchone()
            db.execute(
                "INSERT INTO answers (participant, exercise_id, revision, value, saved_at) VALUES (?, ?, ?, ?, ?)",
                (participant, exercise_id, row[0], encoded, _now()),
            )
        return int(row[0])

    def latest(self, participant: str, exercise_id: str) -> JSONValue | None:
        rows = self._read(
            "SELECT value FROM answers WHERE participant = ? AND exercise_id = ? ORDER BY revision DESC LIMIT 1",
            (participant, exercise_id),
        )
        return json.loads(rows[0][0]) if rows else None

    def latest_answers(self, participant: str, prefix: str = "") -> dict[str, JSONValue]:
        """exercise id -> latest value, for every exercise whose id starts with ``prefix``."""
        rows = self._read(
            """
            SELECT a.exercise_id, a.value FROM answers a
            JOIN (SELECT exercise_id, MAX(revision) AS revision FROM answers
                  WHERE participant = ? AND substr(exercise_id, 1, ?) = ? GROUP BY exercise_id) m
              ON a.exercise_id = m.exercise_id AND a.revision = m.revision
            WHERE a.participant = ? ORDER BY a.exercise_id
            """,
            (participant, len(prefix), prefix, participant),
        )
        return {exercise_id: json.loads(value) for exercise_id, value in rows}

    def latest_answers_of(self, participants: Sequence[str], prefix: str = "") -> dict[str, dict[str, Revision]]:
        """For the facilitator's views across a group: participant -> exercise id -> latest revision, for every
        exercise whose id starts with ``prefix`` (participants with no such answer are left out)."""
        found: dict[str, dict[str, Revision]] = {}
        for chunk in _chunks(participants):
            rows = self._read(
                f"""
                SELECT a.participant, a.exercise_id, a.revision, a.value, a.saved_at FROM answers a
                JOIN (SELECT participant, exercise_id, MAX(revision) AS revision FROM answers
                      WHERE participant IN ({_placeholders(chunk)}) AND substr(exercise_id, 1, ?) = ?
                      GROUP BY participant, exercise_id) m
                  ON a.participant = m.participant AND a.exercise_id = m.exercise_id AND a.revision = m.revision
                ORDER BY a.participant, a.exercise_id
                """,  # noqa: S608 - only placeholders are formatted in
                (*chunk, len(prefix), prefix),
            )
            for code, exercise_id, revision, value, saved_at in rows:
                found.setdefault(code, {})[exercise_id] = Revision(
                    code, exercise_id, revision, json.loads(value), _parse_time(saved_at)
                )
        return found

    def revisions(self, participant: str, exercise_id: str | None = None) -> list[Revision]:
        sql = "SELECT participant, exercise_id, revision, value, saved_at FROM answers WHERE participant = ?"
        params: tuple[Any, ...] = (participant,)
        if exercise_id is not None:
            sql += " AND exercise_id = ?"
            params += (exercise_id,)
        rows = self._read(sql + " ORDER BY exercise_id, revision", params)
        return [Revision(p, e, r, json.loads(v), _parse_time(t)) for p, e, r, v, t in rows]

    # -- safety flags --------------------------------------------------------------------------------

    def record_flag(self, participant: str | None, module: str, kind: str, details: dict[str, Any]) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO flags (participant, module, kind, details, raised_at) VALUES (?, ?, ?, ?, ?)",
                (participant, module, kind, _encode(details), _now()),
            )

    def flags(
        self,
        since: datetime | None = None,
        participant: str | None = None,
        participants: Sequence[str] | None = None,
    ) -> list[Flag]:
        """Flags, oldest first: all, or from ``since`` on, of one ``participant`` or of any of ``participants``."""
        if participants is not None:
            found = [f for chunk in _chunks(participants) for f in self._flags(since, None, chunk)]
            return sorted(found, key=lambda f: (f.raised_at, f.seq))
        return self._flags(since, participant, None)

    def _flags(self, since: datetime | None, participant: str | None, among: list[str] | None) -> list[Flag]:
        sql = "SELECT participant, module, kind, details, raised_at, seq FROM flags WHERE 1 = 1"
        params: tuple[Any, ...] = ()
        if since is not None:
            if since.tzinfo is None:
                since = since.replace(tzinfo=timezone.utc)
            sql += " AND raised_at >= ?"
            params += (since.astimezone(timezone.utc).isoformat(timespec="microseconds"),)
        if participant is not None:
            sql += " AND participant = ?"
            params += (participant,)
        if among is not None:
            sql += f" AND participant IN ({_placeholders(among)})"
            params += tuple(among)
        rows = self._read(sql + " ORDER BY raised_at, seq", params)
        return [Flag(p, m, k, json.loads(d), _parse_time(t), seq) for p, m, k, d, t, seq in rows]

    def acknowledge_flag(self, flag: int, note: str) -> Acknowledgement:
        """Record that a facilitator saw and acted on ``flag``, with a short note; a new row every time."""
        note = note.strip()
        if not note:
            raise StoreError("Please write a short note: what you did or will do about this flag.")
        if len(note) > MAX_NOTE_CHARS:
            raise StoreError(f"The note is {len(note):,} characters long; please keep it under {MAX_NOTE_CHARS:,}.")
        when = _now()
        with self._write() as db:
            if not db.execute("SELECT 1 FROM flags WHERE seq = ?", (flag,)).fetchone():
                raise StoreError(f"There is no flag number {flag} in {self.path} (it may have been erased).")
            db.execute(
                "INSERT INTO flag_acknowledgements (flag, note, acknowledged_at) VALUES (?, ?, ?)", (flag, note, when)
            )
        return Acknowledgement(flag, note, _parse_time(when))

    def acknowledgements(self, flags: Sequence[int] | None = None) -> dict[int, list[Acknowledgement]]:
        """flag number -> its acknowledgements, oldest first (only flags that have any): all, or of ``flags``."""
        sql = "SELECT flag, note, acknowledged_at FROM flag_acknowledgements"
        if flags is None:
            rows = self._read(sql + " ORDER BY seq")
        else:
            numbers = [int(f) for f in flags]
            rows = [
                row
                for start in range(0, len(numbers), _CHUNK)
                for row in self._read(
                    f"{sql} WHERE flag IN ({_placeholders(numbers[start : start + _CHUNK])}) ORDER BY seq",
                    tuple(numbers[start : start + _CHUNK]),
                )
            ]
        found: dict[int, list[Acknowledgement]] = {}
        for flag, note, when in rows:
            found.setdefault(int(flag), []).append(Acknowledgement(int(flag), note, _parse_time(when)))
        return found

    # -- export and erase ----------------------------------------------------------------------------

    def export(self, participant: str) -> dict[str, Any]:
        """Everything stored about one participant: every revision of every answer, their flags (with the
        facilitator's acknowledgements) and the group sessions they joined."""
        flags = self.flags(participant=participant)
        acknowledged = self.acknowledgements([f.seq for f in flags])
        return {
            "participant": participant,
            "exported_at": _now(),
            "schema_version": SCHEMA_VERSION,
            "answers": [
                {
                    "exercise_id": r.exercise_id,
                    "revision": r.revision,
                    "saved_at": r.saved_at.isoformat(),
                    "value": r.value,
                }
                for r in self.revisions(participant)
            ],
            "flags": [
                {
                    "module": f.module,
                    "kind": f.kind,
                    "details": f.details,
                    "raised_at": f.raised_at.isoformat(),
                    "acknowledged": [
                        {"at": a.acknowledged_at.isoformat(), "note": a.note} for a in acknowledged.get(f.seq, [])
                    ],
                }
                for f in flags
            ],
            "cohorts": [
                {"cohort": name, "joined_at": joined.isoformat(), "last_seen_at": seen.isoformat()}
                for name, joined, seen in self._memberships(participant)
            ],
        }

    def _memberships(self, participant: str) -> list[tuple[str, datetime, datetime]]:
        rows = self._read(
            "SELECT cohort, joined_at, last_seen_at FROM cohort_members WHERE participant = ? ORDER BY joined_at",
            (participant,),
        )
        return [(name, _parse_time(joined), _parse_time(seen)) for name, joined, seen in rows]

    def export_markdown(self, participant: str) -> str:
        """The latest answers as a readable document (participant text shown literally, never as markup)."""
        from workshop.export import answers_as_markdown

        return answers_as_markdown(participant, self.latest_answers(participant))

    def erase(self, participant: str) -> int:
        """Delete every row of ``participant`` and rewrite the file so the text is gone from its bytes.

        Returns the number of rows removed (answers, flags with their acknowledgements, group memberships and
        the participant record)."""
        with self._write() as db:
            flags = [seq for (seq,) in db.execute("SELECT seq FROM flags WHERE participant = ?", (participant,))]
            removed = 0
            for table, column in (
                ("answers", "participant"),
                ("flags", "participant"),
                ("cohort_members", "participant"),
                ("participants", "code"),
            ):
                removed += db.execute(f"DELETE FROM {table} WHERE {column} = ?", (participant,)).rowcount  # noqa: S608
            for flag in flags:  # after their flags: acknowledgements go only with them
                removed += db.execute("DELETE FROM flag_acknowledgements WHERE flag = ?", (flag,)).rowcount
        if not self.in_memory:
            with self._lock:
                # Move the deletions into the main file, rebuild it without free pages, then empty the WAL.
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._db.execute("VACUUM")
                busy = self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if busy:
                    raise StoreError(
                        f"The answers were deleted, but another open page kept {self.path}-wal busy, so old text "
                        "may remain in that file until the server stops. Stop the server and run erase again."
                    )
        return removed
