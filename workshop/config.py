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


# --- JupyterHub (issue 16). The hub's spawner sets these in every user's server (workshop/hub/spawn.py). ---

DEPLOYMENT_VARIABLE = "WORKSHOP_DEPLOYMENT"
PARTICIPANT_CODE_VARIABLE = "WORKSHOP_PARTICIPANT_CODE"
EXCHANGE_ROOT_VARIABLE = "WORKSHOP_EXCHANGE_ROOT"


def deployment() -> str:
    """How this server runs: "hub" under JupyterHub, "" otherwise (a laptop, Binder)."""
    return os.environ.get(DEPLOYMENT_VARIABLE, "").strip().lower()


def hub_mode() -> bool:
    """True in a user server that JupyterHub started for the workshop."""
    return deployment() == "hub"


def participant_code_from_hub() -> str | None:
    """The participant code under the hub (the hub user name), None for facilitators and outside a hub."""
    if not hub_mode():
        return None
    return (os.environ.get(PARTICIPANT_CODE_VARIABLE) or "").strip() or None


def exchange_root_setting() -> Path | None:
    """nbgrader's exchange folder when WORKSHOP_EXCHANGE_ROOT sets one (None: the course's own folder)."""
    configured = (os.environ.get(EXCHANGE_ROOT_VARIABLE) or "").strip()
    return Path(configured).expanduser().absolute() if configured else None


def exchange_configured() -> bool:
    """True when submissions and feedback travel through nbgrader's exchange (a hub, or a root set)."""
    return hub_mode() or exchange_root_setting() is not None
