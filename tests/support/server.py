"""Start the real `workshop serve` as a subprocess on a free 127.0.0.1 port, and stop it cleanly.

Used by every end-to-end test, so that what is tested is what a facilitator runs.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psutil  # ipykernel depends on it, so it is there wherever kernels run

from workshop import participants
from workshop.config import BINDER_VARIABLES
from workshop.store import ResponseStore

REPO_ROOT = Path(__file__).resolve().parents[2]
# Starting Voila and preheating kernels takes a few seconds; a loaded CI machine can take much longer.
START_TIMEOUT_SECONDS = 120.0


def free_port() -> int:
    """A port that was free a moment ago (the OS picks it, so parallel test runs do not collide)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def workshop_command() -> list[str]:
    """The installed `workshop` console script next to this Python, else the same entry point via -m."""
    script = Path(sys.executable).with_name("workshop")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "workshop.cli"]


CLI_TIMEOUT_SECONDS = 600


def run_workshop(*args: str, env: Mapping[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `workshop ARGS` as a facilitator would (from the repository, with ``env``); fail the test with its
    output unless it succeeds."""
    result = subprocess.run(
        [*workshop_command(), *args],
        cwd=REPO_ROOT,
        env=dict(env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, f"`workshop {' '.join(args)}` failed:\n{result.stdout}\n{result.stderr}"
    return result


@contextlib.contextmanager
def workshop_in_background(*args: str, env: Mapping[str, str]) -> Iterator[subprocess.Popen[str]]:
    """Start `workshop ARGS` as ``run_workshop`` does, without waiting: the block goes on meanwhile (e.g. a
    facilitator's command while participants sign in). Leaving the block waits for it and fails the test with
    its output unless it succeeded."""
    process = subprocess.Popen(
        [*workshop_command(), *args],
        cwd=REPO_ROOT,
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield process
    finally:
        try:
            stdout, stderr = process.communicate(timeout=CLI_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
    assert process.returncode == 0, f"`workshop {' '.join(args)}` failed:\n{stdout}\n{stderr}"


def stop_process_group(process: subprocess.Popen, grace_seconds: float = 10) -> None:
    """SIGTERM the process's group, SIGKILL it if it has not ended after ``grace_seconds``."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=grace_seconds)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def new_registered_code(store: ResponseStore) -> str:
    """A fresh participant code, registered in ``store`` as the start page would."""
    code = participants.new_code()
    store.register_participant(code)
    return code


class ServerStartError(RuntimeError):
    """`workshop serve` exited or did not answer in time; the message includes its log."""


@dataclass
class Server:
    """A running `workshop serve`. ``url`` has no trailing slash; ``token`` is None without one.

    With ``certfile`` (and ``keyfile``) it serves HTTPS; ``ssl_context()`` trusts that certificate, which
    must name 127.0.0.1. ``env`` is added to the server's environment (e.g. BinderHub's variables)."""

    data_dir: Path
    modules_dir: Path | None = None
    group: bool = False
    token: str | None = None
    extra_args: Sequence[str] = ()
    certfile: Path | None = None
    keyfile: Path | None = None
    env: Mapping[str, str] = field(default_factory=dict)
    # The `workshop` command to run (default: the one next to this Python) and the folder to run it in.
    program: Sequence[str] = ()
    cwd: Path = REPO_ROOT
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.certfile else 'http'}://127.0.0.1:{self.port}"

    def ssl_context(self) -> ssl.SSLContext | None:
        """A client context that trusts this server's certificate (None for plain HTTP)."""
        return ssl.create_default_context(cafile=str(self.certfile)) if self.certfile else None

    def page_url(self, path: str = "/", **query: str) -> str:
        """``url`` + ``path`` with the token (if any) and ``query`` added, e.g. page_url("/voila/render/x.ipynb", p=code)."""
        from urllib.parse import urlencode

        params = dict(query)
        if self.token:
            params["token"] = self.token
        suffix = f"?{urlencode(params)}" if params else ""
        return f"{self.url}{path}{suffix}"

    def command(self) -> list[str]:
        args = [*(self.program or workshop_command()), "serve", "--no-browser", "--port", str(self.port)]
        if self.group:
            args.append("--group")
        if self.token:
            args += ["--token", self.token]
        if self.certfile:
            args += ["--certfile", str(self.certfile)]
        if self.keyfile:
            args += ["--keyfile", str(self.keyfile)]
        return [*args, *self.extra_args]

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env["WORKSHOP_DATA_DIR"] = str(self.data_dir)
        if self.modules_dir is not None:
            env["WORKSHOP_MODULES_DIR"] = str(self.modules_dir)
        else:
            env.pop("WORKSHOP_MODULES_DIR", None)
        # Kernels and the server must not pick up a developer's own Jupyter config or runtime files.
        env["JUPYTER_RUNTIME_DIR"] = str(self.data_dir / ".jupyter-runtime")
        env.setdefault("PYTHONUNBUFFERED", "1")
        # Whether this is Binder is for the test to say (env), never inherited from the machine running it.
        for name in (*BINDER_VARIABLES, "JUPYTERHUB_SERVICE_PREFIX"):
            env.pop(name, None)
        env.update(self.env)
        return env

    def start(self) -> Server:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.data_dir / f"workshop-serve-{self.port}.log"
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            self.command(),
            cwd=self.cwd,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            # Own process group: stop() then ends the server and every kernel it started.
            start_new_session=True,
        )
        log.close()
        self._wait_until_answering()
        if self.group and not self.token:
            self.token = self._generated_token()
        return self

    def _generated_token(self) -> str:
        """`--group` without `--token` prints the participants' URL with a fresh token; read it back."""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            found = re.findall(r"[?&]token=([A-Za-z0-9_\-]+)", self.log_text())
            if found:
                return found[-1]
            time.sleep(0.1)
        raise ServerStartError(f"`workshop serve --group` printed no token:\n{self.log_text()}")

    def _wait_until_answering(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        probe = self.page_url("/login")
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise ServerStartError(
                    f"`{' '.join(self.command())}` exited with code {self.process.returncode}:\n{self.log_text()}"
                )
            try:
                with urllib.request.urlopen(probe, timeout=2, context=self.ssl_context()):
                    return
            except urllib.error.HTTPError:
                return  # Any HTTP answer (even 403/404) means the server is listening and serving.
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise ServerStartError(
            f"`workshop serve` did not answer within {START_TIMEOUT_SECONDS:.0f} s:\n{self.log_text()}"
        )

    def log_text(self) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """End the server (its process group: SIGTERM, SIGKILL after 10 s) and every kernel it started.

        Kernels run in sessions of their own (jupyter_client starts them so), so they are collected
        first and killed if still alive once the server has shut down; one started during shutdown
        ends by itself when it sees its parent gone (ipykernel's parent poller).
        """
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        try:
            kernels = psutil.Process(process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            kernels = []
        stop_process_group(process)
        _, alive = psutil.wait_procs(kernels, timeout=5)
        for leftover in alive:
            with contextlib.suppress(psutil.NoSuchProcess):
                leftover.kill()

    def restart(self) -> Server:
        """Stop and start again on the same port with the same data dir (answers must survive this)."""
        self.stop()
        return self.start()


@contextlib.contextmanager
def run_workshop_server(
    data_dir: Path | str,
    *,
    modules_dir: Path | str | None = None,
    group: bool = False,
    token: str | None = None,
    extra_args: Sequence[str] = (),
    certfile: Path | None = None,
    keyfile: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Iterator[Server]:
    """Run `workshop serve --no-browser --port <free>` with WORKSHOP_DATA_DIR=data_dir until the block ends."""
    server = Server(
        data_dir=Path(data_dir),
        modules_dir=Path(modules_dir) if modules_dir is not None else None,
        group=group,
        token=token,
        extra_args=tuple(extra_args),
        certfile=certfile,
        keyfile=keyfile,
        env=dict(env or {}),
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@dataclass
class DashboardServer(Server):
    """A running `workshop dashboard` (127.0.0.1 only). Its token is the one it made and printed at start;
    a restart makes a new one, which ``token`` then holds."""

    cohort: str | None = None

    def command(self) -> list[str]:
        args = [*(self.program or workshop_command()), "dashboard", "--no-browser", "--port", str(self.port)]
        return [*args, "--cohort", self.cohort] if self.cohort else args

    def start(self) -> DashboardServer:
        self.token = None
        earlier = len(self.log_text())  # a restart appends to the same log: read only this start's link
        super().start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            found = re.findall(r"[?&]token=([A-Za-z0-9_\-]+)", self.log_text()[earlier:])
            if found:
                self.token = found[-1]
                return self
            time.sleep(0.1)
        raise ServerStartError(f"`workshop dashboard` printed no link:\n{self.log_text()}")


@contextlib.contextmanager
def run_dashboard(data_dir: Path | str, *, cohort: str | None = None) -> Iterator[DashboardServer]:
    """Run `workshop dashboard --no-browser --port <free>` with WORKSHOP_DATA_DIR=data_dir until the block ends."""
    server = DashboardServer(data_dir=Path(data_dir), cohort=cohort)
    server.start()
    try:
        yield server
    finally:
        server.stop()
