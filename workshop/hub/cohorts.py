"""The hub's cohorts: for each, a salted hash of its token and the participant codes issued to it.

Kept in ``cohorts.json`` under the hub folder (``WORKSHOP_HUB_DIR``, default ``<data dir>/hub``), private to
the account that runs the hub (folder 0700, file 0600, see workshop.permissions). The file never holds a
token, only its hash (workshop.hub.passwords), and nothing about a person: a code is all there is.

A participant signs in to the hub with their code as the user name and their cohort's token as the password
(workshop.hub.auth). ``workshop hub codes`` adds a cohort or more codes to one (workshop.hub.commands).

Writes take an exclusive lock on ``cohorts.json.lock`` (flock) and replace the file in one step, so the
hub, which only reads, never sees half a file, and two facilitators adding codes at once lose neither's.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from workshop import config, participants
from workshop.errors import WorkshopError
from workshop.hub import passwords
from workshop.permissions import PRIVATE_FILE_MODE, private_dir, private_umask
from workshop.store import COHORT_NAME, COHORT_NAME_RULE

HUB_DIR_VARIABLE = "WORKSHOP_HUB_DIR"
COHORTS_FILE = "cohorts.json"
FORMAT_VERSION = 1
TOKEN_WORDS = 4
MAX_CODES_PER_RUN = 500


class CohortError(WorkshopError):
    """The cohorts file or a request about it cannot be used; the message names the file and the fix."""


def hub_dir() -> Path:
    """The hub's folder ($WORKSHOP_HUB_DIR, else ``hub`` in the data folder), created private if missing."""
    configured = os.environ.get(HUB_DIR_VARIABLE)
    return private_dir(Path(configured).expanduser() if configured else config.data_dir() / "hub")


def is_participant_name(name: str) -> bool:
    """True for a hub user name shaped like a participant code (five words and four digits, well checked).

    Such a name is always a participant's: facilitators' names may never look like one."""
    return not participants.problems(name) and participants.normalize(name) == name


def check_facilitator_name(name: str) -> str:
    """A facilitator's hub name as the hub stores it (lowercase), or CohortError when it cannot be one."""
    normal = name.strip().lower()
    if not normal or "/" in normal or set(normal) == {"."}:
        raise CohortError(f"{name!r} cannot be a hub user name.")
    if not participants.problems(normal):
        raise CohortError(f"facilitator {name!r} looks like a participant code: choose another name.")
    return normal


def new_token() -> str:
    """A cohort token: four code words, e.g. ``maple-harbor-candle-otter`` (about 41 bits; easy to type)."""
    import secrets

    return "-".join(secrets.choice(participants.word_list()) for _ in range(TOKEN_WORDS))


def normalize_token(token: str) -> str:
    """Forgive case and the separators people type between words, as codes do."""
    return participants.normalize(token)


@dataclass
class Cohort:
    name: str
    token_hash: str
    codes: list[str] = field(default_factory=list)
    created_at: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"token_hash": self.token_hash, "codes": self.codes, "created_at": self.created_at}


@dataclass(frozen=True)
class Issued:
    """What one ``issue_codes`` did: the new codes, and the token when it was made (or replaced) just now."""

    cohort: str
    codes: list[str]
    token: str | None
    created: bool


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class CohortsFile:
    """The cohorts file of one hub folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = private_dir(folder) if folder is not None else hub_dir()
        self.path = self.folder / COHORTS_FILE

    # -- reading -----------------------------------------------------------------------------------------

    def load(self) -> dict[str, Cohort]:
        """Every cohort, by name (empty when no file was written yet)."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise CohortError(f"cannot read the hub's cohorts file {self.path}: {error}") from None
        try:
            data = json.loads(raw)
            if data.get("version") != FORMAT_VERSION:
                raise ValueError(f"format version {data.get('version')!r}, expected {FORMAT_VERSION}")
            return {
                name: Cohort(name, str(entry["token_hash"]), [str(c) for c in entry["codes"]], str(entry["created_at"]))
                for name, entry in data["cohorts"].items()
            }
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise CohortError(
                f"the hub's cohorts file {self.path} is damaged or not ours ({error}); it was left as it is. "
                "Restore it from a backup, or move it away and issue new codes."
            ) from None

    def cohort_of(self, code: str) -> Cohort | None:
        """The cohort a (normalized) code was issued to, if any."""
        for cohort in self.load().values():
            if code in cohort.codes:
                return cohort
        return None

    def check(self, code: str, token: str) -> str | None:
        """The cohort's name when ``code`` was issued to it and ``token`` is its token, else None.

        An unknown code costs the same hashing as a known one, so the time taken tells nothing."""
        normal = participants.normalize(code)
        cohort = self.cohort_of(normal) if not participants.problems(normal) else None
        if cohort is None:
            passwords.spend_time_as_verify(normalize_token(token))
            return None
        return cohort.name if passwords.verify_secret(normalize_token(token), cohort.token_hash) else None

    # -- writing -----------------------------------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[dict[str, Cohort]]:
        """The cohorts under an exclusive lock; what the block leaves in the dict is written when it ends."""
        import fcntl  # POSIX, as JupyterHub itself is

        with private_umask():
            handle = os.open(self.folder / f"{COHORTS_FILE}.lock", os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            cohorts = self.load()
            yield cohorts
            self._write(cohorts)
        finally:
            os.close(handle)  # closing releases the lock

    def _write(self, cohorts: dict[str, Cohort]) -> None:
        data = {"version": FORMAT_VERSION, "cohorts": {name: c.as_json() for name, c in sorted(cohorts.items())}}
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".cohorts.", suffix=".tmp")  # mode 0600
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, indent=2)
                out.write("\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def issue_codes(self, name: str, count: int, *, replace_token: bool = False) -> Issued:
        """Add ``count`` new codes to cohort ``name`` (made if missing, with a new token).

        ``replace_token`` replaces an existing cohort's token: the old one stops working for all its codes."""
        if not COHORT_NAME.match(name):
            raise CohortError(f"{name!r} cannot name a cohort: {COHORT_NAME_RULE}")
        if not 0 <= count <= MAX_CODES_PER_RUN:
            raise CohortError(f"--count must be between 0 and {MAX_CODES_PER_RUN}, not {count}.")
        with self._locked() as cohorts:
            created = name not in cohorts
            token = new_token() if (created or replace_token) else None
            if created:
                cohorts[name] = Cohort(name, "", [], _now())
            cohort = cohorts[name]
            if token is not None:
                cohort.token_hash = passwords.hash_secret(token)
            taken = {code for c in cohorts.values() for code in c.codes}
            codes: list[str] = []
            while len(codes) < count:
                code = participants.new_code()
                if code not in taken:
                    taken.add(code)
                    codes.append(code)
            cohort.codes.extend(codes)
        return Issued(name, codes, token, created)

    def withdraw(self, code: str) -> str | None:
        """Take a code off its cohort (it can no longer sign in); the cohort's name, or None if not issued."""
        normal = participants.normalize(code)
        with self._locked() as cohorts:
            for cohort in cohorts.values():
                if normal in cohort.codes:
                    cohort.codes.remove(normal)
                    return cohort.name
        return None
