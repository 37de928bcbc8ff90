"""The nbgrader course on disk: its config file, its folders and a configured nbgrader API.

The course is a plain nbgrader course (``nbgrader_config.py``, ``source/``, ``release/``, ``submitted/``,
``autograded/``, ``feedback/``, ``gradebook.db``), so formgrader and nbgrader's own commands work on it
unchanged. Assignment ids are module keys; each assignment holds one notebook named after the key.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop import config, participants, permissions
from workshop.errors import WorkshopError

if TYPE_CHECKING:
    from nbgrader.apps.api import NbGraderAPI

COURSE_ID = "rejection-resilience"
CONFIG_FILE = "nbgrader_config.py"
# nbgrader's own timestamp format (Exchange.timestamp_format), so `nbgrader` tools parse ours.
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f %Z"

# Written by `workshop review build`. nbgrader reads it from the course folder (formgrader, CLI).
CONFIG_TEXT = """\
# nbgrader configuration of the Rejection Resilience Workshop course.
# Written by `workshop review build`, which rewrites it: change the builder, not this file.
c = get_config()  # noqa: F821 - provided by traitlets when nbgrader loads this file

c.CourseDirectory.course_id = {course_id!r}
c.CourseDirectory.root = {root!r}
# Submissions arrive in submitted/ directly (group mode), by `workshop review import`, or through nbgrader's
# exchange (`workshop review release` and `collect`). The exchange is inside the course unless
# WORKSHOP_EXCHANGE_ROOT names a shared one (JupyterHub), so nbgrader never looks in /srv by itself.
c.Exchange.root = {exchange!r}
c.Exchange.timezone = "UTC"

# Submissions, autograded copies and feedback hold participants' words: nbgrader's own files are for this
# account only (its defaults, 444 and 644, let every account on the computer read them). Folders are
# owner-only through the umask the workshop sets while nbgrader runs.
c.BaseConverter.permissions = 600
c.Autograde.permissions = 400

# What an unanswered reflection shows. Answered reflections are escaped participant text.
c.ClearSolutions.text_stub = {no_answer!r}
c.Execute.timeout = 60
# Keep the participant's text: the limit applies to program output, and review notebooks print little.
c.LimitOutput.max_lines = 200

# Feedback HTML is opened by participants: it must not fetch anything from the internet (MathJax,
# require.js and jQuery default to cdnjs). Empty URLs make the browser skip those scripts.
c.HTMLExporter.mathjax_url = ""
# Our templates first (they drop the MathJax script), then nbgrader's feedback template they build on.
c.HTMLExporter.extra_template_basedirs = [{templates!r}, {nbgrader_templates!r}]
c.HTMLExporter.require_js_url = ""
c.HTMLExporter.jquery_url = ""
"""

NO_ANSWER = "*(No answer given.)*"


def resolve(course_dir: Path | str | None) -> Path:
    """The course folder to use: the one given, else the default under WORKSHOP_DATA_DIR."""
    return Path(course_dir).expanduser().resolve() if course_dir is not None else config.course_dir().resolve()


def config_text(course: Path) -> str:
    return CONFIG_TEXT.format(
        course_id=COURSE_ID,
        root=str(course),
        exchange=str(exchange_root(course)),
        no_answer=NO_ANSWER,
        templates=str(Path(__file__).resolve().parent / "templates"),
        nbgrader_templates=_nbgrader_templates(),
    )


def exchange_root(course: Path) -> Path:
    """nbgrader's exchange folder: $WORKSHOP_EXCHANGE_ROOT, else ``exchange`` inside the course."""
    return config.exchange_root_setting() or course / permissions.EXCHANGE_DIR


def _nbgrader_templates() -> str:
    import nbgrader

    return str(Path(nbgrader.__file__).resolve().parent / "server_extensions" / "formgrader" / "templates")


def write_config(course: Path) -> bool:
    """Write nbgrader_config.py if it differs; return True when the file changed. The course folder is
    created, or made, private to this account (``permissions.secure_course``)."""
    permissions.private_dir(course / permissions.EXCHANGE_DIR)
    permissions.secure_course(course)
    path = course / CONFIG_FILE
    text = config_text(course)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    permissions.write_private(path, text)
    return True


def require_course(course: Path) -> None:
    if not (course / CONFIG_FILE).exists():
        raise WorkshopError(f"There is no review course in {course} yet. Run `workshop review build` first.")


def nbgrader_api(course: Path) -> NbGraderAPI:
    """nbgrader's own high-level API, configured from the course's nbgrader_config.py."""
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    require_course(course)
    _ready_for_gradebook()
    loaded = PyFileConfigLoader(CONFIG_FILE, path=str(course)).load_config()
    loaded.CourseDirectory.root = str(course)
    # nbgrader logs every step at INFO; the workshop commands print their own summary.
    loaded.NbGraderAPI.log_level = logging.WARNING
    coursedir = CourseDirectory(config=loaded)
    return NbGraderAPI(coursedir=coursedir, config=loaded)


def _ready_for_gradebook() -> None:
    """Ready nbgrader to create a gradebook.db in this process.

    When nbgrader's Gradebook creates gradebook.db it records the newest revision of its migrations, which it
    asks of the `alembic` command: a Python start of its own, 3 to 4 s here, on the first build of every course
    (`workshop serve --group` on a new data folder waited for it). ``gradebook_revision`` reads the same answer
    from the same migration scripts in this process, in a third of a second. The venv's tools stay on PATH
    (a kernel or `.venv/bin/python` started without an activated venv would not find them)."""
    tools = str(Path(sys.executable).parent)
    path = os.environ.get("PATH", "")
    if tools not in path.split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join([tools, path]) if path else tools
    import nbgrader.api

    nbgrader.api.get_alembic_version = gradebook_revision


def gradebook_revision() -> str:
    """The newest revision of nbgrader's gradebook migrations (what `alembic heads` prints for them)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from nbgrader.dbutil import ALEMBIC_DIR

    settings = Config()
    settings.set_main_option("script_location", ALEMBIC_DIR)
    head = ScriptDirectory.from_config(settings).get_current_head()
    if head is None:
        raise WorkshopError("nbgrader's gradebook migrations name no revision")
    return head


def check(result: dict[str, Any], what: str) -> None:
    """NbGraderAPI returns {'success': bool, 'error': str, 'log': str}; turn a failure into a WorkshopError."""
    if not result.get("success"):
        detail = (result.get("error") or result.get("log") or "no details").strip().splitlines()
        raise WorkshopError(f"nbgrader could not {what}: {detail[-1] if detail else 'no details'}")


def now_timestamp(moment: datetime | None = None) -> str:
    return (moment or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime(TIMESTAMP_FORMAT)


def parse_timestamp(text: str) -> datetime | None:
    """A timestamp.txt written by us or by nbgrader, as an aware UTC datetime (None if unreadable)."""
    from nbgrader.utils import parse_utc

    try:
        parsed = parse_utc(text.strip())
    except (ValueError, TypeError, OverflowError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def read_timestamp(folder: Path) -> datetime | None:
    path = folder / "timestamp.txt"
    try:
        return parse_timestamp(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def submission_dir(course: Path, participant: str, module_key: str) -> Path:
    return course / "submitted" / participant / module_key


def release_path(course: Path, module_key: str) -> Path:
    return course / "release" / module_key / f"{module_key}.ipynb"


# --- Erasing one participant from the course ---------------------------------------------------------

# Where nbgrader keeps a participant's own copies: one folder per participant code in each.
PARTICIPANT_FOLDERS = ("submitted", "autograded", "feedback")
GRADEBOOK = "gradebook.db"


@dataclass(frozen=True)
class CourseErasure:
    """What erasing one participant removed from the course, for the facilitator to read."""

    course: Path
    folders: tuple[str, ...] = ()  # e.g. "submitted/<code>", relative to the course
    exchange_files: int = 0
    gradebook_rows: int = 0  # the student, their submissions, notebooks, grades and comments
    log_lines: int = 0
    leftovers: tuple[str, ...] = ()  # files that still hold the code afterwards (none expected)

    @property
    def removed_anything(self) -> bool:
        return bool(self.folders or self.exchange_files or self.gradebook_rows or self.log_lines)

    def summary(self) -> str:
        if not self.removed_anything and not self.leftovers:
            return f"The review course ({self.course}) held nothing for this code."
        parts = [f"removed {', '.join(self.folders)}"] if self.folders else []
        if self.gradebook_rows:
            parts.append(
                f"{self.gradebook_rows} gradebook rows (the participant, their submissions, grades and comments; "
                f"{GRADEBOOK} rewritten so they are gone from the file)"
            )
        if self.exchange_files:
            parts.append(f"{self.exchange_files} file(s) in the exchange folder")
        if self.log_lines:
            parts.append(f"{self.log_lines} line(s) of nbgrader's log that named the code")
        text = f"From the review course ({self.course}): " + ("; ".join(parts) if parts else "nothing removed") + "."
        if self.leftovers:
            text += " These files still hold the code; remove or edit them by hand: " + ", ".join(self.leftovers) + "."
        return text


def _checked_code(participant: str) -> str:
    # The code becomes a folder name below: only a well-formed, normalized code may get that far.
    if not isinstance(participant, str) or participants.problems(participant):
        raise WorkshopError("This is not a participant code.")
    code = participants.normalize(participant)
    if code != participant:
        raise WorkshopError("Give the participant code in its normal form (lower case, with dashes).")
    return code


def participant_copies(participant: str, course_dir: Path | str | None = None) -> list[str]:
    """What the course holds for ``participant``: its folders (relative) and "gradebook" if it has rows."""
    code = _checked_code(participant)
    course = resolve(course_dir)
    found = [f"{part}/{code}" for part in PARTICIPANT_FOLDERS if (course / part / code).exists()]
    if _gradebook_rows(course, code, remove=False):
        found.append(GRADEBOOK)
    return found


def erase_participant(participant: str, course_dir: Path | str | None = None) -> CourseErasure:
    """Remove every copy of one participant's work from the course: their submitted, autograded and feedback
    folders, their gradebook rows (nbgrader's own remove_student), anything in the exchange and log lines
    that name them; then look through every file left in the course for the code."""
    code = _checked_code(participant)
    course = resolve(course_dir)
    if not course.is_dir():
        return CourseErasure(course)
    folders = []
    for part in PARTICIPANT_FOLDERS:
        target = course / part / code
        if target.is_symlink() or target.is_file():
            target.unlink()
        elif target.is_dir():
            shutil.rmtree(target)
        else:
            continue
        folders.append(f"{part}/{code}")
    rows = _gradebook_rows(course, code, remove=True)
    exchange = _erase_from_exchange(exchange_root(course), code)
    log_lines = _erase_from_logs(course, code)
    leftovers = tuple(
        str(path.relative_to(course))
        for path in sorted(course.rglob("*"))
        if path.is_file() and not path.is_symlink() and _mentions(path, code)
    )
    return CourseErasure(course, tuple(folders), exchange, rows, log_lines, leftovers)


def _gradebook_rows(course: Path, code: str, *, remove: bool) -> int:
    """How many gradebook rows belong to ``code`` (removing them, and vacuuming the file, when asked)."""
    database = course / GRADEBOOK
    if not database.is_file():
        return 0
    from nbgrader.api import Gradebook, MissingEntry

    _ready_for_gradebook()
    with Gradebook(f"sqlite:///{database}", COURSE_ID) as gradebook:
        try:
            student = gradebook.find_student(code)
        except MissingEntry:
            return 0
        rows = 1
        for submission in student.submissions:
            rows += 1
            for notebook in submission.notebooks:
                rows += 1 + len(notebook.grades) + len(notebook.comments)
        if remove:
            gradebook.remove_student(code)
    if remove:
        # Deleted rows stay in the file's free pages until it is rebuilt.
        with closing(sqlite3.connect(database)) as connection:
            connection.execute("VACUUM")
    return rows


def _erase_from_exchange(exchange: Path, code: str) -> int:
    # Submissions in the inbound folder are named after the code; released feedback names it inside.
    if not exchange.is_dir():
        return 0
    removed = 0
    for path in sorted(exchange.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_file() and (code in path.name or _mentions(path, code)):
            path.unlink()
            removed += 1
        elif path.is_dir() and code in path.name:
            shutil.rmtree(path)
            removed += 1
    return removed


def _erase_from_logs(course: Path, code: str) -> int:
    removed = 0
    for log in [*course.glob("*.log"), *course.glob(".*.log")]:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        kept = [line for line in lines if code not in line]
        if len(kept) != len(lines):
            log.write_text("".join(kept), encoding="utf-8")
            removed += len(lines) - len(kept)
    return removed


def _mentions(path: Path, code: str) -> bool:
    try:
        return code.encode("utf-8") in path.read_bytes()
    except OSError:
        return False
