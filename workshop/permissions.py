"""Participants' words stay private to the account that runs the workshop: folders 0700, files 0600.

Everything the workshop writes that can hold a participant's words (the data folder, the answer store
and its -wal/-shm files, the nbgrader course, exports written to disk) is private whatever the umask:

- new folders and files are made under a umask of 077 (``private_umask``) or with an explicit mode;
  SQLite gives the -wal and -shm files the mode of the store file, so a 0600 store keeps them 0600;
- nbgrader chmods its own output to the modes the course's nbgrader_config.py gives it (owner only);
- ``secure_tree`` tightens what exists already (at `workshop serve` start-up, after autograde and
  feedback) and refuses what it cannot fix: a path another account owns that others can read.

The workshop command runs with umask 077 (see ``workshop.cli``), so the Voila server, its kernels and
formgrader inherit it. The explicit modes are still needed: under Binder or JupyterHub the kernels are
started by a Jupyter server the workshop does not control.

POSIX modes are what Linux and macOS offer. On Windows ``os.chmod`` only sets the read-only flag; privacy
there comes from the user profile's access control lists (see the README), and nothing here is enforced.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from workshop.errors import WorkshopError

PRIVATE_UMASK = 0o077
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
OPEN_BITS = 0o077  # any permission for the group or for others
ENFORCED = os.name == "posix"
EXCHANGE_DIR = "exchange"  # nbgrader's exchange inside the course: its permissions are nbgrader's to set


class PermissionsError(WorkshopError):
    """Others can read a path that this account cannot make private; the message names it and the fix."""


@dataclass(frozen=True)
class Change:
    path: Path
    before: int
    after: int

    def __str__(self) -> str:
        return f"{self.path} ({self.before:04o} -> {self.after:04o})"


def mode_text(mode: int) -> str:
    return f"{stat.S_IMODE(mode):04o}"


# -- creating ------------------------------------------------------------------------------------

_umask_lock = threading.Lock()
_umask_depth = 0
_umask_saved = 0


@contextmanager
def private_umask() -> Iterator[None]:
    """Run a block (or, as a decorator, a function) with umask 077: what it creates is owner-only.

    The umask belongs to the whole process, so nested and concurrent blocks share one setting: the first
    to enter saves the old umask and the last to leave restores it."""
    global _umask_depth, _umask_saved
    if not ENFORCED:
        yield
        return
    with _umask_lock:
        if _umask_depth == 0:
            _umask_saved = os.umask(PRIVATE_UMASK)
        _umask_depth += 1
    try:
        yield
    finally:
        with _umask_lock:
            _umask_depth -= 1
            if _umask_depth == 0:
                os.umask(_umask_saved)


def private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents as owner-only folders (an existing folder is not changed)."""
    with private_umask():
        path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    return path


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and owner-only if it does not exist (an existing file is not changed)."""
    with private_umask():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE))


def write_private(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to a file only its owner can read; an existing file is made private first."""
    with private_umask():
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        if ENFORCED:
            info = os.fstat(handle)
            if info.st_mode & OPEN_BITS:
                if not owned_by_me(info):
                    raise PermissionsError(refusal(path, info))
                os.fchmod(handle, stat.S_IMODE(info.st_mode) & ~OPEN_BITS)
        out.truncate(0)
        out.write(text)


# -- checking and tightening ---------------------------------------------------------------------


def owned_by_me(info: os.stat_result) -> bool:
    """True when this process's account owns the file, so it may change its permissions."""
    return info.st_uid == os.geteuid()


def refusal(path: Path, info: os.stat_result) -> str:
    kind = "folder" if stat.S_ISDIR(info.st_mode) else "file"
    chmod = f"chmod -R go-rwx '{path}'" if kind == "folder" else f"chmod go-rwx '{path}'"
    return (
        f"The {kind} {path} holds participants' answers and other accounts on this computer can read it "
        f"(permissions {mode_text(info.st_mode)}), but it belongs to another account, so the workshop cannot "
        f"make it private and will not use it. To fix: as its owner or an administrator, run `{chmod}`; "
        "or set WORKSHOP_DATA_DIR to a folder of your own."
    )


def open_to_others(root: Path, skip: Collection[Path] = ()) -> list[tuple[Path, os.stat_result]]:
    """Every path at or under ``root`` (links not followed, ``skip`` left out) that the group or others
    may read, write or enter."""
    if not ENFORCED or not root.exists():
        return []
    skipped = {Path(p) for p in skip}
    found = []

    def look(path: Path) -> None:
        info = path.lstat()
        if not stat.S_ISLNK(info.st_mode) and info.st_mode & OPEN_BITS:
            found.append((path, info))

    look(root)
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in sorted(dirnames) if Path(folder, d) not in skipped]
        for name in [*dirnames, *sorted(filenames)]:
            look(Path(folder, name))
    return found


def secure_tree(root: Path, skip: Collection[Path] = ()) -> list[Change]:
    """Take every group and other permission off ``root`` and everything under it; return what changed.

    Raises PermissionsError, naming the first such path, when another account owns something others can
    read (what this account owns is tightened first)."""
    changes, refused = [], []
    for path, info in open_to_others(root, skip):
        if not owned_by_me(info):
            refused.append((path, info))
            continue
        after = stat.S_IMODE(info.st_mode) & ~OPEN_BITS
        os.chmod(path, after)
        changes.append(Change(path, stat.S_IMODE(info.st_mode), after))
    if refused:
        path, info = refused[0]
        more = f" ({len(refused) - 1} more path(s) here are the same.)" if len(refused) > 1 else ""
        raise PermissionsError(refusal(path, info) + more)
    return changes


def secure_course(course: Path) -> list[Change]:
    """The nbgrader course private (its exchange folder excepted: nbgrader sets that one's permissions)."""
    return secure_tree(course, skip=[course / EXCHANGE_DIR])


def data_skip(folder: Path) -> list[Path]:
    return [folder / "course" / EXCHANGE_DIR]


def secure_data_folder(folder: Path) -> list[Change]:
    """At start-up: the data folder, the store and the course under it made private, or a refusal."""
    return secure_tree(folder, skip=data_skip(folder))


def describe_changes(changes: list[Change], shown: int = 5) -> str:
    """What start-up tightened, in a sentence or two for the person who started the server."""
    lines = [f"    {change}" for change in changes[:shown]]
    if len(changes) > shown:
        lines.append(f"    and {len(changes) - shown} more")
    return (
        "Other accounts on this computer could read participants' answers. The workshop made these "
        "private to this account:\n" + "\n".join(lines)
    )


def describe_location(folder: Path, store_name: str) -> tuple[list[str], bool]:
    """For `workshop safety check`: where answers are kept and who may read them, and False when other
    accounts on this computer can read any of it."""
    lines = [f"Participants' answers are kept in {folder}"]
    if not ENFORCED:
        lines.append(
            "  Windows: the workshop does not set permissions here. A folder in your user profile (the "
            "default) is readable only by you and administrators; see the README for other places."
        )
        return lines, True
    store = folder / store_name
    parts = [f"folder {mode_text(folder.stat().st_mode)}"]
    parts.append(f"store {store_name} {mode_text(store.stat().st_mode)}" if store.exists() else "no answers yet")
    lines.append(f"  Permissions: {', '.join(parts)} (0700 and 0600 mean this account only).")
    found = open_to_others(folder, skip=data_skip(folder))
    if not found:
        lines.append("  OK: no other account on this computer can read them.")
        return lines, True
    shown = ", ".join(f"{path} ({mode_text(info.st_mode)})" for path, info in found[:3])
    more = f" and {len(found) - 3} more" if len(found) > 3 else ""
    lines.append(f"  WARNING: other accounts on this computer can read {shown}{more}.")
    lines.append(f"  `workshop serve` makes them private when it starts, or run `chmod -R go-rwx '{folder}'` now.")
    return lines, False
