"""Where things live and how this server runs, read from the environment (set by `workshop serve`)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from workshop.permissions import private_dir

APP_NAME = "rejection-resilience"


def data_dir() -> Path:
    """The folder of the response store and the nbgrader course: $WORKSHOP_DATA_DIR or the user data dir.

    Created private to this account (0700) if missing; `workshop serve` tightens one that exists."""
    configured = os.environ.get("WORKSHOP_DATA_DIR")
    path = Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return private_dir(path)


def course_dir() -> Path:
    """The nbgrader course the facilitator reviews in."""
    return data_dir() / "course"


def group_mode() -> bool:
    """True when the server was started with `workshop serve --group` (submissions go straight to the course)."""
    return os.environ.get("WORKSHOP_GROUP_MODE", "") == "1"


COHORT_VARIABLE = "WORKSHOP_COHORT"


def cohort() -> str | None:
    """The group session this server runs (`workshop serve --group --cohort NAME`), None when self-paced."""
    return (os.environ.get(COHORT_VARIABLE) or None) if group_mode() else None


# BinderHub puts these into the environment of every server it launches (and so of every kernel).
BINDER_VARIABLES = (
    "BINDER_LAUNCH_HOST",
    "BINDER_REPO_URL",
    "BINDER_REF_URL",
    "BINDER_REQUEST",
    "BINDER_PERSISTENT_REQUEST",
)


def on_binder(environ: dict[str, str] | None = None) -> bool:
    """True on a public Binder service (mybinder.org or another BinderHub): nothing there is kept or private."""
    env = os.environ if environ is None else environ
    if any(env.get(name) for name in BINDER_VARIABLES):
        return True
    return "binder" in env.get("JUPYTERHUB_SERVICE_PREFIX", "").lower()
