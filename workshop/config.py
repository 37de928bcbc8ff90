"""Where things live and how this server runs, read from the environment (set by `workshop serve`)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from workshop.permissions import private_dir

APP_NAME = "rejection-resilience"


# The environment a hub's spawner sets for each user's server (workshop.hub.spawn) and the pages read here.
DATA_DIR_VARIABLE = "WORKSHOP_DATA_DIR"
DEPLOYMENT_VARIABLE = "WORKSHOP_DEPLOYMENT"
CODE_VARIABLE = "WORKSHOP_PARTICIPANT_CODE"
EXCHANGE_ROOT_VARIABLE = "WORKSHOP_EXCHANGE_ROOT"
HUB = "hub"
GROUP = "group"
BINDER = "binder"
SELF_PACED = "self-paced"


def data_dir() -> Path:
    """The folder of the response store and the nbgrader course: $WORKSHOP_DATA_DIR or the user data dir.

    Created private to this account (0700) if missing; `workshop serve` tightens one that exists."""
    configured = os.environ.get(DATA_DIR_VARIABLE)
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


def hub_mode() -> bool:
    """True in a user's server on the workshop's JupyterHub (the spawner sets WORKSHOP_DEPLOYMENT=hub)."""
    return os.environ.get(DEPLOYMENT_VARIABLE, "").strip().lower() == HUB


def deployment() -> str:
    """How this server runs, which decides what the pages promise: "hub" (JupyterHub, one server per
    participant), "group" (`workshop serve --group`), "binder" (a public practice copy) or "self-paced"."""
    if hub_mode():
        return HUB
    if group_mode():
        return GROUP
    if on_binder():
        return BINDER
    return SELF_PACED


def participant_code_from_hub() -> str | None:
    """Under the hub, the participant this server belongs to: the code they signed in with.

    None outside the hub, on a facilitator's server (no code set), and when the code is not well formed or
    is not the hub user this server runs for (JUPYTERHUB_USER, which JupyterHub sets): the page then keeps
    nothing rather than write under a wrong code."""
    from workshop import participants

    if not hub_mode():
        return None
    code = participants.normalize(os.environ.get(CODE_VARIABLE, ""))
    if not code or participants.problems(code):
        return None
    hub_user = os.environ.get("JUPYTERHUB_USER")
    if hub_user is not None and hub_user != code:
        return None
    return code


def exchange_root_setting() -> Path | None:
    """nbgrader's exchange folder when WORKSHOP_EXCHANGE_ROOT sets one (None: the course's own folder)."""
    configured = (os.environ.get(EXCHANGE_ROOT_VARIABLE) or "").strip()
    return Path(configured).expanduser().absolute() if configured else None


def exchange_configured() -> bool:
    """True when submissions and feedback travel through nbgrader's exchange (a hub, or a root set)."""
    return hub_mode() or exchange_root_setting() is not None
