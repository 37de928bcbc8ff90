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
