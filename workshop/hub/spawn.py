"""Each hub user's server, set up before it starts: ``c.Spawner.pre_spawn_hook = prepare_spawner``.

The environment is the contract between the hub and the workshop's pages (workshop.config reads it):

- everyone: ``WORKSHOP_DEPLOYMENT=hub``, ``WORKSHOP_HUB_DIR``, ``WORKSHOP_DATA_DIR=<hub dir>/users/<name>``
  (their own store and course, made private here) and ``WORKSHOP_EXCHANGE_ROOT=<hub dir>/exchange``;
- participants (a user name shaped like a code): ``WORKSHOP_PARTICIPANT_CODE=<name>`` and ``WORKSHOP_COHORT``,
  the argument ``--WorkshopExtension.participant_only=True`` (Voila pages only, no JupyterLab) and the
  start page as their default URL;
- facilitators keep JupyterLab and formgrader (no extra argument).

This lays folders out for servers that run as the hub's own account (SimpleLocalProcessSpawner, a container
spawner with the hub folder mounted at the same path). Spawners that run each user as a system account need
the folders owned by those accounts instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workshop.config import (
    CODE_VARIABLE,
    COHORT_VARIABLE,
    DATA_DIR_VARIABLE,
    DEPLOYMENT_VARIABLE,
    EXCHANGE_ROOT_VARIABLE,
)
from workshop.hub.cohorts import HUB_DIR_VARIABLE, CohortsFile, hub_dir, is_participant_name
from workshop.permissions import private_dir

USERS_DIR = "users"
EXCHANGE_DIR = "exchange"
PARTICIPANT_ONLY_ARGUMENT = "--WorkshopExtension.participant_only=True"
PARTICIPANT_DEFAULT_URL = "/voila/render/index.ipynb"


def user_data_dir(name: str, folder: Path | None = None) -> Path:
    """``<hub dir>/users/<name>``: one user's store and course, created private (0700) if missing."""
    return private_dir((folder or hub_dir()) / USERS_DIR / name)


def environment_for(name: str, folder: Path | None = None) -> dict[str, str]:
    """The workshop's variables for the server of hub user ``name``."""
    folder = folder or hub_dir()
    env = {
        DEPLOYMENT_VARIABLE: "hub",
        HUB_DIR_VARIABLE: str(folder),
        DATA_DIR_VARIABLE: str(user_data_dir(name, folder)),
        EXCHANGE_ROOT_VARIABLE: str(folder / EXCHANGE_DIR),
    }
    if is_participant_name(name):
        env[CODE_VARIABLE] = name
        cohort = CohortsFile(folder).cohort_of(name)
        if cohort is not None:
            env[COHORT_VARIABLE] = cohort.name
    return env


def prepare_spawner(spawner: Any) -> None:
    """The pre-spawn hook: environment, arguments and start URL by who the user is."""
    name = spawner.user.name
    spawner.environment = {**spawner.environment, **environment_for(name)}
    if is_participant_name(name):
        if PARTICIPANT_ONLY_ARGUMENT not in spawner.args:
            spawner.args = [*spawner.args, PARTICIPANT_ONLY_ARGUMENT]
        spawner.default_url = PARTICIPANT_DEFAULT_URL
