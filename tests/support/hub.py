"""A real JupyterHub with configurable-http-proxy on free 127.0.0.1 ports, run with the deployment's own
configuration (deploy/jupyterhub/jupyterhub_config.py), for the hub tests and the hub benchmark.

The hub starts with SIGINT ignored, as one started in the background of a script (``jupyterhub ... &``) does,
whatever the shell that runs the tests: the hub stops its services with SIGINT, and one that inherited the
ignore held up every shutdown for 30 s (deploy/jupyterhub/jupyterhub_config.py says how it no longer does).

The test configuration loads the deployment file as it is and changes only what a test must: the ports,
the folder the hub keeps its state in, and one API token (a service with the admin scopes a test needs
to create users and start their servers). Every process the hub starts (proxy, user servers, kernels)
is collected before it stops, and ``stop()`` reports any that outlived it.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from .server import REPO_ROOT, free_port, stop_process_group

DEPLOY_CONFIG = REPO_ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PROXY_NAME = "configurable-http-proxy"
# `make test` installs the proxy here with npm when it is not on PATH (see the Makefile).
LOCAL_PROXY = REPO_ROOT / ".venv" / "node" / "node_modules" / ".bin" / PROXY_NAME
START_TIMEOUT_SECONDS = 120.0
# A user server imports Jupyter, Voila and the workshop: seconds on a quiet machine, more under load.
SERVER_TIMEOUT_SECONDS = 180.0
TEST_SERVICE = "workshop-tests"


def proxy_command() -> str | None:
    """configurable-http-proxy on PATH, else the copy `make test` installed, else None."""
    found = shutil.which(PROXY_NAME)
    if found:
        return found
    return str(LOCAL_PROXY) if LOCAL_PROXY.exists() else None


def hub_unavailable_reason() -> str | None:
    """Why a real hub cannot run here, or None when it can."""
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        return "JupyterHub is not installed (pip install -e '.[test]')"
    if proxy_command() is None:
        return f"{PROXY_NAME} is not installed (make test installs it with npm; Node.js 20 or newer)"
    return None


def ignore_interrupt() -> None:
    """Run in the hub's process before it starts: SIGINT ignored, as in a process started in the background."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def ignores_interrupt(process: psutil.Process) -> bool:
    """Whether ``process`` ignores SIGINT (Linux: the SigIgn mask in /proc; False where there is none)."""
    try:
        status = Path(f"/proc/{process.pid}/status").read_text(encoding="ascii")
    except OSError:
        return False
    mask = next((line.split()[1] for line in status.splitlines() if line.startswith("SigIgn:")), "0")
    return bool(int(mask, 16) & (1 << (signal.SIGINT - 1)))


class HubStartError(RuntimeError):
    """The hub exited or did not answer in time; the message includes its log."""


@dataclass
class Hub:
    """A running JupyterHub. ``url`` is the proxy's public address (what participants open)."""

    hub_dir: Path
    extra_config: str = ""
    port: int = field(default_factory=free_port)
    api_port: int = field(default_factory=free_port)
    hub_port: int = field(default_factory=free_port)
    api_token: str = field(default_factory=lambda: secrets.token_hex(32))
    process: subprocess.Popen[bytes] | None = None
    started: list[psutil.Process] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.hub_dir / "jupyterhub.log"

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def config_text(self) -> str:
        return "\n".join(
            [
                "c = get_config()  # noqa",
                f"load_subconfig({str(DEPLOY_CONFIG)!r})  # noqa",
                f"c.JupyterHub.bind_url = 'http://127.0.0.1:{self.port}'",
                f"c.JupyterHub.hub_bind_url = 'http://127.0.0.1:{self.hub_port}'",
                f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{self.api_port}'",
                f"c.ConfigurableHTTPProxy.command = [{proxy_command()!r}]",
                f"c.JupyterHub.services.append({{'name': {TEST_SERVICE!r}, 'api_token': {self.api_token!r}}})",
                "c.JupyterHub.load_roles.append({"
                f"'name': 'workshop-tests-role', 'services': [{TEST_SERVICE!r}], "
                "'scopes': ['admin:users', 'admin:servers', 'admin:groups', 'read:users', 'tokens', 'access:servers']})",
                self.extra_config,
            ]
        )

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env["WORKSHOP_HUB_DIR"] = str(self.hub_dir)
        # The hub starts user servers with the programs next to this Python (jupyterhub-singleuser).
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        for name in ("WORKSHOP_DATA_DIR", "WORKSHOP_MODULES_DIR", "JUPYTERHUB_SERVICE_PREFIX", "WORKSHOP_DEPLOYMENT"):
            env.pop(name, None)
        env.setdefault("PYTHONUNBUFFERED", "1")
        return env

    def start(self) -> Hub:
        self.hub_dir.mkdir(parents=True, exist_ok=True)
        config = self.hub_dir / "test_jupyterhub_config.py"
        config.write_text(self.config_text(), encoding="utf-8")
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("jupyterhub")), "-f", str(config)],
            cwd=self.hub_dir,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=ignore_interrupt,
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HubStartError(f"jupyterhub exited with code {self.process.returncode}:\n{self.log_text()}")
            with contextlib.suppress(OSError, HubStartError):
                status, _ = self.api("GET", "/")
                if status == 200:
                    return self
            time.sleep(0.3)
        self.stop()
        raise HubStartError(f"jupyterhub did not answer within {START_TIMEOUT_SECONDS:.0f} s:\n{self.log_text()}")

    def api(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        """Call the hub's REST API as the test service; (status, decoded JSON or None)."""
        request = urllib.request.Request(
            f"{self.url}/hub/api{path}",
            method=method,
            headers={"Authorization": f"token {self.api_token}", "Content-Type": "application/json"},
            data=json.dumps(body).encode() if body is not None else None,
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                return error.code, json.loads(raw)
            except ValueError:
                return error.code, raw.decode("utf-8", "replace")

    def start_server(self, name: str) -> float:
        """Create user ``name`` if needed, start their server and wait until it is ready; seconds taken."""
        status, _ = self.api("GET", f"/users/{name}")
        if status == 404:
            status, body = self.api("POST", f"/users/{name}")
            assert status == 201, body
        began = time.monotonic()
        status, body = self.api("POST", f"/users/{name}/server")
        assert status in (201, 202), body
        self.wait_for_server(name)
        return time.monotonic() - began

    def wait_for_server(self, name: str, timeout: float = SERVER_TIMEOUT_SECONDS) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, body = self.api("GET", f"/users/{name}")
            server = (body or {}).get("servers", {}).get("") if status == 200 and isinstance(body, dict) else None
            if server and server.get("ready"):
                self._collect()
                return server
            time.sleep(0.3)
        raise HubStartError(f"{name}'s server was not ready within {timeout:.0f} s:\n{self.log_text()[-6000:]}")

    def server_processes(self) -> list[psutil.Process]:
        """Every process the hub has started and that still runs (proxy, user servers, kernels)."""
        if self.process is None:
            return []
        try:
            return psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def ignoring_interrupt(self) -> list[str]:
        """The hub's own children (proxy, services, user servers) that ignore SIGINT, as text: the hub stops
        services and user servers with SIGINT and waits 30 s before it sends SIGTERM to one that goes on."""
        if self.process is None:
            return []
        try:
            children = psutil.Process(self.process.pid).children()
        except psutil.NoSuchProcess:
            return []
        return [f"{child.pid} {' '.join(child.cmdline())[:200]}" for child in children if ignores_interrupt(child)]

    def _collect(self) -> None:
        known = {p.pid for p in self.started}
        self.started += [p for p in self.server_processes() if p.pid not in known]

    def stop(self) -> list[str]:
        """Stop the hub (it stops the proxy and every user server); the processes that outlived it, as
        text (empty when everything ended). Leftovers are then killed so that nothing lingers."""
        process, self.process = self.process, None
        if process is None:
            return []
        if process.poll() is None:
            self.process = process
            self._collect()
            self.process = None
            # SIGTERM to the hub alone: it shuts user servers and the proxy down itself, as in production.
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                stop_process_group(process)
        _, alive = psutil.wait_procs(self.started, timeout=15)
        leftovers = []
        for leftover in alive:
            with contextlib.suppress(psutil.NoSuchProcess):
                leftovers.append(f"{leftover.pid} {' '.join(leftover.cmdline())[:200]}")
                leftover.kill()
        return leftovers
