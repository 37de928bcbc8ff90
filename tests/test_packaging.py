"""Installed without -e (`pip install .`), the workshop still finds and serves every module.

The wheel is built from this checkout and installed, without its dependencies, into a fresh venv that borrows
this venv's installed packages (a .pth file naming its site-packages, and JUPYTER_PATH for Voila's templates
and the widget manager: seconds, not a second download of Jupyter). That venv's own `workshop` command then
runs from a folder outside the repository, so nothing can come from the checkout.
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import sysconfig
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.server import REPO_ROOT, DashboardServer, Server, free_port

from workshop.dashboard import DASHBOARD_PATH
from workshop.exercises import all_modules, modules_dir
from workshop.server import LANDING_NOTEBOOK

pytestmark = pytest.mark.slow

WIDGET_OUTPUT = "application/vnd.jupyter.widget-view+json"  # a widget the page's code displayed


@dataclass(frozen=True)
class Installed:
    """A fresh venv holding the wheel; ``outside`` is a folder outside the repository to run it in."""

    venv: Path
    outside: Path

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    @property
    def workshop(self) -> Path:
        return self.venv / "bin" / "workshop"

    def environment(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "WORKSHOP_MODULES_DIR", "VIRTUAL_ENV")}
        env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
        return {**env, **extra}


def run(command: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True, timeout=300, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("installed")
    wheels = root / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", wheels, REPO_ROOT])
    (wheel,) = wheels.glob("*.whl")
    venv = root / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    # Installed before the .pth exists, so that pip sees nothing already installed in the venv.
    run([sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "--no-deps", "--no-index", wheel])
    purelib = run([venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    (Path(purelib.stdout.strip()) / "borrowed_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    outside = root / "elsewhere"
    outside.mkdir()
    return Installed(venv=venv, outside=outside)


def first_heading(notebook: Path) -> str:
    """The notebook's first "# " heading: the title its page shows."""
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise AssertionError(f"{notebook} has no '# ' heading")


def test_the_wheel_carries_what_the_commands_read(installed: Installed) -> None:
    script = """
import json, widgets, workshop
from workshop.dashboard import DASHBOARD_NOTEBOOK, GROUP_NOTEBOOK, dashboard_dir
from workshop.dashboard import DASHBOARD_PATH
from workshop.exercises import all_modules, modules_dir
from workshop.handouts import AGREEMENTS_FILE, agreements_pdf
print(json.dumps({
    "code": [workshop.__file__, widgets.__file__],
    "modules_dir": str(modules_dir()),
    "modules": [m.key for m in all_modules()],
    "dashboard": [str(dashboard_dir() / name) for name in (DASHBOARD_NOTEBOOK, GROUP_NOTEBOOK)],
    "agreements": str(AGREEMENTS_FILE),
    "agreements_pdf": agreements_pdf()[:5].decode(),
}))
"""
    found = json.loads(run([installed.python, "-c", script], cwd=installed.outside, env=installed.environment()).stdout)
    inside = [*found["code"], found["modules_dir"], *found["dashboard"], found["agreements"]]
    assert all(Path(path).is_relative_to(installed.venv) for path in inside), inside
    assert all(Path(path).is_file() for path in found["dashboard"])
    assert found["modules"] == [m.key for m in all_modules()]
    assert found["agreements_pdf"] == "%PDF-"


def test_the_installed_start_page_lists_every_module(installed: Installed, tmp_path: Path) -> None:
    script = """
from widgets.landing import Landing
from workshop.store import ResponseStore
print(Landing(store=ResponseStore(":memory:")).modules_view.value)
"""
    env = installed.environment(WORKSHOP_DATA_DIR=str(tmp_path))
    listing = html.unescape(run([installed.python, "-c", script], cwd=installed.outside, env=env).stdout)
    listed = [m for m in all_modules() if m.listed]
    assert listed
    for module in listed:
        assert f"href='{module.notebook}'" in listing, module.key
        assert first_heading(modules_dir() / module.notebook) in listing


@pytest.fixture(scope="module")
def installed_server(installed: Installed, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    env = installed.environment()
    server = Server(
        data_dir=tmp_path_factory.mktemp("installed-data"),
        program=[str(installed.workshop)],
        cwd=installed.outside,
        env={"JUPYTER_PATH": env["JUPYTER_PATH"]},
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("PYTHONPATH", raising=False)  # the server's environment starts from this process's
        patch.delenv("VIRTUAL_ENV", raising=False)
        server.start()
        try:
            yield server
        finally:
            server.stop()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


PAGES = [("start page", LANDING_NOTEBOOK)] + [(m.key, m.notebook) for m in all_modules()]


@pytest.mark.parametrize(("name", "notebook"), PAGES, ids=[name for name, _ in PAGES])
def test_the_installed_server_serves_every_module(installed_server: Server, name: str, notebook: str) -> None:
    status, body = fetch(installed_server.page_url(f"/voila/render/{notebook}"))
    assert status == 200, f"{name}: {status}\n{installed_server.log_text()[-3000:]}"
    assert first_heading(modules_dir() / notebook) in html.unescape(body), name
    assert WIDGET_OUTPUT in body, f"{name}: the page's code displayed nothing (did its imports fail?)"


def test_the_root_of_the_installed_server_is_the_start_page(installed_server: Server) -> None:
    status, body = fetch(installed_server.page_url("/"))
    assert status == 200
    assert first_heading(modules_dir() / LANDING_NOTEBOOK) in html.unescape(body)


def test_the_installed_dashboard_serves_its_page(installed: Installed, tmp_path: Path) -> None:
    dashboard = DashboardServer(
        data_dir=tmp_path / "data",
        program=[str(installed.workshop)],
        cwd=installed.outside,
        env=installed.environment(),
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("PYTHONPATH", raising=False)
        dashboard.start()
        try:
            status, body = fetch(dashboard.page_url(DASHBOARD_PATH))
        finally:
            dashboard.stop()
    assert status == 200
    assert WIDGET_OUTPUT in body, "the dashboard's code displayed nothing (did its imports fail?)"


def test_an_empty_modules_folder_stops_the_server_with_the_folder_named(installed: Installed, tmp_path: Path) -> None:
    empty = tmp_path / "no-modules-here"
    empty.mkdir()
    env = installed.environment(WORKSHOP_MODULES_DIR=str(empty), WORKSHOP_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run(
        [installed.workshop, "serve", "--no-browser", "--port", str(free_port())],
        cwd=installed.outside,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("workshop: ")
    assert str(empty) in result.stderr and "WORKSHOP_MODULES_DIR" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "running at" not in result.stdout
