"""The pre-spawn hook: each hub user's server gets the workshop's environment (the contract with
workshop.config), participants the Voila-only argument and the start page, facilitators neither."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from jupyterhub.spawner import SimpleLocalProcessSpawner

from workshop import config, participants
from workshop.hub.cohorts import CohortsFile
from workshop.hub.spawn import PARTICIPANT_DEFAULT_URL, PARTICIPANT_ONLY_ARGUMENT, prepare_spawner


@pytest.fixture
def hub_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKSHOP_HUB_DIR", str(tmp_path / "hub"))
    return tmp_path / "hub"


def spawner_for(name: str, **settings: object) -> SimpleLocalProcessSpawner:
    """A real JupyterHub spawner with the hook set as c.Spawner.pre_spawn_hook would set it."""
    user = SimpleNamespace(name=name, escaped_name=name, url=f"/user/{name}/")
    hub = SimpleNamespace(public_host="", api_url="http://127.0.0.1:8081/hub/api", base_url="/hub/")
    return SimpleLocalProcessSpawner(user=user, hub=hub, pre_spawn_hook=prepare_spawner, **settings)


def test_a_participants_server_is_set_up_for_the_workshop_pages_only(hub_dir: Path) -> None:
    issued = CohortsFile(hub_dir).issue_codes("Tuesday", 1)
    code = issued.codes[0]
    spawner = spawner_for(code, environment={"CLINIC": "kept"}, args=["--ServerApp.shutdown_no_activity_timeout=600"])
    spawner.run_pre_spawn_hook()
    env = spawner.get_env()
    assert env["CLINIC"] == "kept"  # the deployment's own variables stay
    assert env["WORKSHOP_DEPLOYMENT"] == "hub"
    assert env["WORKSHOP_PARTICIPANT_CODE"] == env["JUPYTERHUB_USER"] == code
    assert env["WORKSHOP_COHORT"] == "Tuesday"
    assert env["WORKSHOP_HUB_DIR"] == str(hub_dir)
    assert env["WORKSHOP_DATA_DIR"] == str(hub_dir / "users" / code)
    assert env["WORKSHOP_EXCHANGE_ROOT"] == str(hub_dir / "exchange")
    args = spawner.get_args()
    assert PARTICIPANT_ONLY_ARGUMENT in args and "--ServerApp.shutdown_no_activity_timeout=600" in args
    assert spawner.default_url == PARTICIPANT_DEFAULT_URL == "/voila/render/index.ipynb"
    spawner.run_pre_spawn_hook()  # a restart adds nothing twice
    assert spawner.get_args().count(PARTICIPANT_ONLY_ARGUMENT) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_each_users_data_folder_is_made_private(hub_dir: Path) -> None:
    code = CohortsFile(hub_dir).issue_codes("Tuesday", 1).codes[0]
    old = os.umask(0o022)
    try:
        spawner_for(code).run_pre_spawn_hook()
    finally:
        os.umask(old)
    for folder in (hub_dir / "users" / code, hub_dir / "users"):
        assert folder.is_dir() and stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_a_facilitators_server_keeps_jupyterlab_and_has_no_code(hub_dir: Path) -> None:
    spawner = spawner_for("alex")
    spawner.run_pre_spawn_hook()
    env = spawner.get_env()
    assert env["WORKSHOP_DEPLOYMENT"] == "hub"
    assert env["WORKSHOP_DATA_DIR"] == str(hub_dir / "users" / "alex")
    assert env["WORKSHOP_EXCHANGE_ROOT"] == str(hub_dir / "exchange")
    assert "WORKSHOP_PARTICIPANT_CODE" not in env and "WORKSHOP_COHORT" not in env
    assert PARTICIPANT_ONLY_ARGUMENT not in spawner.get_args()
    assert spawner.default_url == ""


def test_a_code_shaped_name_is_a_participant_even_when_withdrawn(hub_dir: Path) -> None:
    """Never JupyterLab for a participant's name, whatever the cohorts file says now."""
    code = participants.new_code()
    spawner = spawner_for(code)
    spawner.run_pre_spawn_hook()
    assert PARTICIPANT_ONLY_ARGUMENT in spawner.get_args()
    assert spawner.get_env()["WORKSHOP_PARTICIPANT_CODE"] == code
    assert "WORKSHOP_COHORT" not in spawner.get_env()


def test_the_pages_read_what_the_spawner_set(hub_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = CohortsFile(hub_dir).issue_codes("Tuesday", 1).codes[0]
    spawner = spawner_for(code)
    spawner.run_pre_spawn_hook()
    env = spawner.get_env()
    for name in ("WORKSHOP_DEPLOYMENT", "WORKSHOP_PARTICIPANT_CODE", "WORKSHOP_DATA_DIR", "JUPYTERHUB_USER"):
        monkeypatch.setenv(name, env[name])
    assert config.hub_mode() and config.deployment() == "hub"
    assert config.participant_code_from_hub() == code
    assert config.data_dir() == hub_dir / "users" / code
