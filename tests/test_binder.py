"""Binder: binder/requirements.txt and binder/postBuild in a fresh virtual environment serve the landing page
through Jupyter's Voila extension (as ?urlpath=voila/render/modules/index.ipynb does), with the workshop's
template: nothing fetched from outside, the crisis-support control present, the exercises usable."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

import pytest
from support.browser import screenshot, wait_for_widgets
from support.server import free_port

REPO = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.slow, pytest.mark.browser]


def uv_command() -> str | None:
    """uv (the test extras install it next to this Python), else one on PATH, else None."""
    beside = Path(sys.executable).with_name("uv")
    return str(beside) if beside.exists() else shutil.which("uv")


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment built the way repo2docker builds the Binder image: requirements, then postBuild.

    uv makes the environment (with pip in it, which postBuild uses) and installs the pinned requirements,
    with their dependencies, in seconds; pip took a minute for the same set. Without uv, the stdlib and pip."""
    root = tmp_path_factory.mktemp("binder")
    env_dir = root / "env"
    bin_dir = env_dir / "bin"
    environment = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(env_dir)}
    environment.pop("PYTHONPATH", None)
    requirements = str(REPO / "binder" / "requirements.txt")
    uv = uv_command()
    if uv:
        base = getattr(sys, "_base_executable", sys.executable)
        subprocess.run([uv, "venv", "--quiet", "--seed", "--python", base, str(env_dir)], check=True, timeout=600)
        install = [uv, "pip", "install", "--quiet", "--python", str(bin_dir / "python"), "-r", requirements]
    else:
        venv.create(env_dir, with_pip=True)
        install = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "-r", requirements]
    subprocess.run(install, check=True, env=environment, timeout=1200)
    # repo2docker runs postBuild from the repository root with the environment's tools first on PATH.
    checkout = root / "repo"
    shutil.copytree(REPO, checkout, ignore=shutil.ignore_patterns(".venv", ".git", "artifacts", "__pycache__"))
    subprocess.run(["bash", "binder/postBuild"], cwd=checkout, check=True, env=environment, timeout=600)
    return checkout


def test_binder_environment_renders_the_landing_page(binder_env: Path, tmp_path: Path, page) -> None:
    env_bin = binder_env.parent / "env" / "bin"
    port, token = free_port(), secrets.token_urlsafe(16)
    environment = {
        **os.environ,
        "PATH": f"{env_bin}{os.pathsep}{os.environ['PATH']}",
        "WORKSHOP_DATA_DIR": str(tmp_path / "data"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
    }
    command = [
        str(env_bin / "jupyter"),
        "server",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={binder_env}",
    ]
    if os.geteuid() == 0:
        command.append("--ServerApp.allow_root=True")
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/voila/render/modules/index.ipynb?token={token}"
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail((tmp_path / "server.log").read_text(errors="replace"))
                time.sleep(0.5)
        page.goto(url, timeout=180_000)
        wait_for_widgets(page, timeout_ms=180_000)
        assert page.locator("header").get_by_text("Need help now?").is_visible()
        page.get_by_role("button", name="Start with a new code").click()
        page.locator(".ws-code").wait_for(timeout=60_000)
        assert page.get_by_text("import ").count() == 0  # no code shown
        screenshot(page, "binder-landing")
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
        log.close()
