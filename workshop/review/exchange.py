"""Review through nbgrader's exchange: release, submit, collect, release feedback and fetch feedback.

nbgrader's own exchange classes (``nbgrader.exchange.default``) move every file; this module gives them the
workshop's course id (``course.COURSE_ID``), the exchange root (``course.exchange_root``: $WORKSHOP_EXCHANGE_ROOT
or ``exchange`` inside the course) and the participant code as the student id. nbgrader's submit and
fetch-feedback take the operating-system user name (or $JUPYTERHUB_USER when that name is "jovyan") whenever
``CourseDirectory.student_id`` is left at "*"; here it is always set to the code, so the account a server runs
under never matters.

The facilitator: `workshop review release` (ExchangeReleaseAssignment for every built module), `workshop
review collect` (ExchangeCollect into a private staging folder; each submission is then rebuilt from the
course's own release notebook exactly as `workshop review import` does, so only validated answer values
are kept: added cells, edited tests and a file that names someone else are refused or dropped) and `workshop
review feedback` (generate_feedback, then ExchangeReleaseFeedback when an exchange is configured).

The participant, in their own server under the hub: "Submit for review" (ExchangeSubmit of the review notebook
filled from their answers) and the start page (ExchangeFetchFeedback). nbgrader keeps a copy of each submission
with its secret in a cache, and feedback is found by that secret: the cache is in the participant's own data
folder, under their code (``local_copies``), so a participant finds only feedback on their own submissions.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop import config, participants, permissions
from workshop.errors import WorkshopError
from workshop.exercises import Module, all_modules
from workshop.review import course as course_files
from workshop.review.feedback import Feedback

if TYPE_CHECKING:
    from traitlets.config import Config

COURSE_ID = course_files.COURSE_ID
LOCAL_DIR = "review-exchange"  # in the participant's data folder: their submit cache and fetched feedback
SUBMISSION_SECRET_NAME = "submission_secret.txt"  # noqa: S105 - a file name, nbgrader's
SECRET = re.compile(r"[0-9a-f]{16,256}")  # nbgrader writes 128 hex digits
# nbgrader's feedback HTML is owner-only in the course (BaseConverter.permissions 600); the released copy
# must be readable by the participant's account. Its name is a hash of the submission's secret and the
# exchange's feedback folder cannot be listed (0711), so only the participant who holds the secret finds it.
RELEASED_FEEDBACK_MODE = 0o644

NOT_RELEASED = (
    "Your facilitator has not opened this module for review yet. Your answers are saved; please try again later."
)

# nbgrader logs each step, and logs a failure before raising it; the workshop reports in its own words.
_log = logging.getLogger("workshop.review.exchange.nbgrader")
_log.addHandler(logging.NullHandler())
_log.propagate = False


class ExchangeFailed(WorkshopError):
    """nbgrader's exchange refused a step (its message says why)."""


class NotReleased(ExchangeFailed):
    """The participant submitted a module that the facilitator has not released."""


@dataclass(frozen=True)
class Outcome:
    """What one step did for one module (and one participant, when it is about one)."""

    module: str
    participant: str | None
    status: str  # "released", "unchanged", "collected", "refused"
    message: str

    @property
    def ok(self) -> bool:
        return self.status != "refused"


# --- configuration -------------------------------------------------------------------------------------


def exchange_root(course_dir: Path | str | None = None) -> Path:
    """The exchange folder the course (or, for a participant, the environment) uses."""
    return course_files.exchange_root(course_files.resolve(course_dir))


def outbound_notebook(root: Path, module_key: str) -> Path:
    """Where a released module's review notebook is in the exchange."""
    return root / COURSE_ID / "outbound" / module_key / f"{module_key}.ipynb"


def _settings(root: Path, base: Config | None = None) -> Config:
    """nbgrader settings for one exchange step: the course's own file when there is one, and always our
    course id, exchange root and nbgrader's no-op access plugin (who may submit is the hub's business)."""
    from nbgrader.auth.base import NoAuthPlugin
    from traitlets.config import Config

    settings = Config(base) if base is not None else Config()
    settings.Exchange.root = str(root)
    settings.Exchange.timezone = "UTC"
    settings.CourseDirectory.course_id = COURSE_ID
    settings.Authenticator.plugin_class = NoAuthPlugin
    return settings


def _course_settings(course: Path) -> Config:
    from traitlets.config.loader import PyFileConfigLoader

    course_files.require_course(course)
    course_files._ready_for_gradebook()  # nbgrader's collect opens the gradebook
    loaded = PyFileConfigLoader(course_files.CONFIG_FILE, path=str(course)).load_config()
    return _settings(course_files.exchange_root(course), loaded)


def _run(exchange_class: type, settings: Config, traits: dict[str, Any], **options: Any) -> Any:
    """Run one nbgrader exchange step; ``traits`` are the CourseDirectory's (student_id, assignment_id, ...)."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange import ExchangeError

    coursedir = CourseDirectory(config=settings, log=_log, **traits)
    step = exchange_class(
        coursedir=coursedir,
        authenticator=Authenticator(config=settings, log=_log),
        config=settings,
        log=_log,
        **options,
    )
    try:
        step.start()
    except (ExchangeError, OSError, RuntimeError) as error:
        raise ExchangeFailed(f"nbgrader's exchange could not do this: {error}") from None
    return step


def _check_code(participant: str) -> str:
    if not participants.is_canonical(participant):
        raise WorkshopError("This is not a participant code.")
    return participant


# --- facilitator: release ------------------------------------------------------------------------------


def release(course_dir: Path | str | None = None, modules: list[Module] | None = None) -> list[Outcome]:
    """Build the course if needed, then release every module to the exchange (a changed one again)."""
    from nbgrader.exchange.default import ExchangeReleaseAssignment

    from workshop.review.build import build_course

    course = course_files.resolve(course_dir)
    declared = all_modules() if modules is None else modules
    build_course(course, declared)
    settings = _course_settings(course)
    root = course_files.exchange_root(course)
    outcomes = []
    for module in declared:
        source = course_files.release_path(course, module.key)
        target = outbound_notebook(root, module.key)
        if target.is_file() and target.read_bytes() == source.read_bytes():
            outcomes.append(Outcome(module.key, None, "unchanged", "already released"))
            continue
        traits = {"root": str(course), "assignment_id": module.key}
        _run(ExchangeReleaseAssignment, settings, traits, force=True)
        outcomes.append(Outcome(module.key, None, "released", "released"))
    return outcomes


# --- participant: submit -----------------------------------------------------------------------------


def local_copies(participant: str) -> Path:
    """The participant's own copies (nbgrader's submit cache, fetched feedback) in their data folder."""
    return config.data_dir() / LOCAL_DIR / _check_code(participant)


@permissions.private_umask()  # the submit cache holds the participant's words: owner-only
def submit(
    store: Any,
    participant: str,
    module: Module,
    root: Path | None = None,
    now: datetime | None = None,
) -> str:
    """Submit the participant's latest answers to ``module`` to the exchange; return nbgrader's timestamp.

    The review notebook is the one the facilitator released (the exchange's outbound copy), filled here."""
    # Imported here, not with the module: the start page imports this module to fetch feedback, and
    # nbformat costs seconds of a page load that never submits.
    import nbformat
    from nbgrader.exchange.default import ExchangeSubmit

    from workshop.review.submission import filled_from_store, notebook_bytes

    code = _check_code(participant)
    root = exchange_root() if root is None else root
    released = outbound_notebook(root, module.key)
    if not released.is_file():
        raise NotReleased(NOT_RELEASED)
    try:
        notebook = filled_from_store(store, code, module, nbformat.read(released, as_version=4), now)
    except (OSError, ValueError, nbformat.ValidationError):
        raise ExchangeFailed("The review copy of this module cannot be read. Please tell your facilitator.") from None
    with tempfile.TemporaryDirectory(prefix="workshop-submit-") as work:
        folder = Path(work) / module.key
        folder.mkdir()
        (folder / f"{module.key}.ipynb").write_bytes(notebook_bytes(notebook))
        traits = {"student_id": code, "assignment_id": module.key}
        cache = local_copies(code) / "cache"
        try:
            step = _run(ExchangeSubmit, _settings(root), traits, assignment_dir=work, cache=str(cache))
        except ExchangeFailed as error:
            raise ExchangeFailed(
                f"Your answers could not be sent just now. They are saved; please tell your facilitator. ({error})"
            ) from None
    return str(step.timestamp)


# --- facilitator: collect ----------------------------------------------------------------------------


def _collect_class() -> type:
    """nbgrader's ExchangeCollect that passes over entries it cannot use instead of stopping at them.

    nbgrader stops the whole collection at a folder name it cannot parse, and takes any student id it finds
    in a name (it becomes a folder in the course and a gradebook row): a name without a time or without a
    well-formed participant code is refused here, on its own, and the others are still collected."""
    from nbgrader.exchange import ExchangeError
    from nbgrader.exchange.default import ExchangeCollect

    class Collect(ExchangeCollect):
        refused: list[str]

        def _path_to_record(self, path: str) -> dict[str, Any]:
            if not hasattr(self, "refused"):
                self.refused = []
            try:
                record = super()._path_to_record(path)
            except (ExchangeError, ValueError, OverflowError, TypeError):
                record = None
            if record is None or record["timestamp"] is None or participants.problems(record["username"]):
                self.refused.append(os.path.basename(path))
                return {"username": f"+refused+{len(self.refused)}", "filename": "", "timestamp": None}
            return record

        def copy_files(self) -> None:
            self.src_records = [r for r in self.src_records if not r["username"].startswith("+refused+")]
            super().copy_files()

    return Collect


def collect(
    course_dir: Path | str | None = None, modules: list[Module] | None = None, store: Any = None
) -> list[Outcome]:
    """Collect the newest submission of each participant for each released module into the course.

    Idempotent: a submission the course already has (or an older one) is left as it is. Flags found in the
    answers go to ``store`` (default: the facilitator's own store), as for `workshop review import`."""
    course = course_files.resolve(course_dir)
    settings = _course_settings(course)
    inbound = course_files.exchange_root(course) / COURSE_ID / "inbound"
    if not inbound.is_dir():
        raise WorkshopError(
            f"Nothing has been released to the exchange ({course_files.exchange_root(course)}) yet: "
            "run `workshop review release` first."
        )
    declared = all_modules() if modules is None else modules
    by_key = {m.key: m for m in declared if course_files.release_path(course, m.key).exists()}
    if store is None:
        from workshop.store import ResponseStore

        with ResponseStore.default() as facilitator_store:
            return _collect(course, settings, by_key, facilitator_store)
    return _collect(course, settings, by_key, store)


@permissions.private_umask()  # the staging copies and the rebuilt submissions are owner-only
def _collect(course: Path, settings: Config, by_key: dict[str, Module], store: Any) -> list[Outcome]:
    from workshop.review.importer import import_file

    outcomes = []
    staging = Path(tempfile.mkdtemp(prefix=".collecting-", dir=course))
    try:
        for key in by_key:
            traits = {"root": str(course), "assignment_id": key, "submitted_directory": staging.name}
            step = _run(_collect_class(), settings, traits, update=True, check_owner=False)
            for name in getattr(step, "refused", []):
                outcomes.append(Outcome(key, None, "refused", f"refused: {name[:80]!r} is not a workshop submission"))
            for folder in sorted(staging.glob(f"*/{key}")):
                code = folder.parent.name
                result = import_file(folder / f"{key}.ipynb", course, by_key, store, sender=(code, key))
                if result.imported:
                    _keep_secret(folder, course_files.submission_dir(course, code, key))
                    status = "collected"
                else:
                    status = "refused" if result.reason.startswith("refused") else "unchanged"
                outcomes.append(Outcome(key, code, status, result.reason))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return outcomes


def _keep_secret(collected: Path, submitted: Path) -> None:
    """nbgrader's submission secret names the released feedback; autograde and feedback carry it along."""
    target = submitted / SUBMISSION_SECRET_NAME
    try:
        secret = (collected / SUBMISSION_SECRET_NAME).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        secret = ""
    if SECRET.fullmatch(secret):
        permissions.write_private(target, secret)
    else:
        target.unlink(missing_ok=True)


# --- facilitator: release feedback -------------------------------------------------------------------


def release_feedback(course_dir: Path | str | None = None) -> list[Outcome]:
    """Release the feedback of every submission that came through the exchange (others have no secret:
    their feedback goes back as a file, as in self-paced mode)."""
    from nbgrader.exchange.default import ExchangeReleaseFeedback
    from nbgrader.utils import notebook_hash

    course = course_files.resolve(course_dir)
    settings = _course_settings(course)
    released_dir = course_files.exchange_root(course) / COURSE_ID / "feedback"
    outcomes = []
    for folder in sorted((course / "feedback").glob("*/*")):
        code, key = folder.parent.name, folder.name
        page, secret_file = folder / f"{key}.html", folder / SUBMISSION_SECRET_NAME
        if not (page.is_file() and secret_file.is_file()):
            continue
        secret = secret_file.read_text(encoding="ascii").strip()
        released = released_dir / f"{notebook_hash(secret=secret, notebook_id=key)}.html"
        if released.is_file() and released.read_bytes() == page.read_bytes():
            outcomes.append(Outcome(key, code, "unchanged", "already released"))
            continue
        _run(ExchangeReleaseFeedback, settings, {"root": str(course), "student_id": code, "assignment_id": key})
        os.chmod(released, RELEASED_FEEDBACK_MODE)
        outcomes.append(Outcome(key, code, "released", "feedback released"))
    return outcomes


# --- participant: fetch feedback ---------------------------------------------------------------------


@permissions.private_umask()  # fetched feedback holds the participant's words: owner-only
def fetch_feedback(participant: str, modules: list[Module] | None = None, root: Path | None = None) -> list[Feedback]:
    """Fetch the feedback released on this participant's own submissions; return the newest per module."""
    from nbgrader.exchange.default import ExchangeFetchFeedback

    code = _check_code(participant)
    root = exchange_root() if root is None else root
    local = local_copies(code)
    if (root / COURSE_ID / "feedback").is_dir() and (local / "cache" / COURSE_ID).is_dir():
        traits = {"student_id": code, "assignment_id": ""}
        _run(ExchangeFetchFeedback, _settings(root), traits, cache=str(local / "cache"), assignment_dir=str(local))
    return fetched_feedback(code, modules)


def fetched_feedback(participant: str, modules: list[Module] | None = None) -> list[Feedback]:
    """The feedback fetched so far, newest per module, in curriculum order."""
    folder = local_copies(participant) / "feedback"
    if not folder.is_dir():
        return []
    found = []
    for module in all_modules() if modules is None else modules:
        pages = [(course_files.parse_timestamp(path.parent.name), path) for path in folder.glob(f"*/{module.key}.html")]
        pages = [(when, path) for when, path in pages if when is not None]
        if not pages:
            continue
        when, path = max(pages, key=lambda item: item[0])
        html_text = path.read_text(encoding="utf-8", errors="replace")
        found.append(Feedback(module=module.key, title=module.title, path=path, html=html_text, generated_at=when))
    return found


def erase_local_copies(participant: str) -> int:
    """Remove the participant's own exchange copies from this server; return how many files there were."""
    folder = local_copies(participant)
    if not folder.is_dir():
        return 0
    count = sum(1 for path in folder.rglob("*") if path.is_file())
    shutil.rmtree(folder)
    return count
