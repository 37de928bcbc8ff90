"""The workshop's Jupyter server extension (workshop/server_extension.py) in a plain `jupyter server`: what the
package enables, the policy on every page, /voila/files behind the token, participants' servers that offer
the Voila pages only, facilitators' servers that keep JupyterLab, quiet.

Each server is a real `jupyter server` on a free 127.0.0.1 port with a token, its Jupyter folders and the
workshop's data folder in a temporary folder, serving the repository's modules/.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib
from support.browser import screenshot, wait_for_widgets
from support.server import REPO_ROOT, Server

from workshop import server
from workshop.server_extension import WorkshopExtension
from workshop.store import STORE_FILE, ResponseStore
from workshop.voila_handlers import page_config_without_mathjax

MODULES = REPO_ROOT / "modules"
HUB_BASE_URL = "/user/maple-river-4821-otter/"
LANDING = "/voila/render/index.ipynb"
TRIGGERS = "/voila/render/01_triggers/triggers.ipynb"
# /voila/files serves only allow-listed files; modules/ has no pictures, so the tests allow module.toml.
SOME_FILE = "/voila/files/01_triggers/module.toml"
REFUSED_FOR_PARTICIPANTS = (
    "/lab",
    "/lab/tree/index.ipynb",
    "/tree",
    "/terminals/1",
    "/api/terminals",
    "/api/contents",
    "/api/contents/index.ipynb",
    "/files/index.ipynb",
    "/api/sessions",
    "/api/kernels",
    "/voila/tree",
    "/voila/api/contents",
    "/formgrader",
    "/nbconvert/html/index.ipynb",
)


@dataclass
class JupyterServer(Server):
    """A plain `jupyter server` (not `workshop serve`) with this environment's extensions, ours included.
    ``base_url`` as JupyterHub gives a user's server (/user/NAME/); ``url`` includes it, without the last slash."""

    args: tuple[str, ...] = ()
    base_url: str = "/"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.base_url.rstrip('/')}"

    def command(self) -> list[str]:
        command = [
            str(Path(sys.executable).with_name("jupyter")),
            "server",
            "--no-browser",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={MODULES}",
            f"--ServerApp.base_url={self.base_url}",
            "--VoilaConfiguration.file_allowlist=.*\\.toml",
            *self.args,
        ]
        if os.geteuid() == 0:  # a container or CI job runs as root
            command.append("--ServerApp.allow_root=True")
        return command

    def environment(self) -> dict[str, str]:
        env = super().environment()
        # A developer's own Jupyter settings stay out of the test.
        env["JUPYTER_CONFIG_DIR"] = str(self.data_dir / ".jupyter-config")
        env["JUPYTER_DATA_DIR"] = str(self.data_dir / ".jupyter-data")
        return env


def start_jupyter_server(data_dir: Path, *args: str, base_url: str = "/") -> JupyterServer:
    return JupyterServer(
        data_dir=data_dir, token="extension-test-token-0123456789", args=args, base_url=base_url
    ).start()


@pytest.fixture(scope="module")
def participant_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JupyterServer]:
    # Under JupyterHub a participant's server answers under /user/<participant code>/.
    started = start_jupyter_server(
        tmp_path_factory.mktemp("participant"), "--WorkshopExtension.participant_only=True", base_url=HUB_BASE_URL
    )
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture(scope="module")
def facilitator_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JupyterServer]:
    started = start_jupyter_server(tmp_path_factory.mktemp("facilitator"))
    try:
        yield started
    finally:
        started.stop()


def fetch(url: str, method: str = "GET", body: bytes | None = None) -> tuple[int, Message, str]:
    """Status, headers and text of one request; redirects are not followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    request = urllib.request.Request(url, data=body, method=method)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=120) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


# What the package ships and the extension's own rules


SHIPPED_CONFIG = {
    # Enables the extension.
    "etc/jupyter/jupyter_server_config.d/rejection_resilience.json": {
        "ServerApp": {"jpserver_extensions": {"workshop.server_extension": True}}
    },
    # JupyterLab's announcements plugin (news feed and update notices, which ask to fetch from the internet) off.
    "etc/jupyter/labconfig/page_config.d/rejection_resilience.json": {
        "disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}
    },
}


@pytest.mark.parametrize("target", sorted(SHIPPED_CONFIG))
def test_the_package_installs_its_jupyter_config_into_its_environment(target: str) -> None:
    """Shipped as shared data, so `pip install .` and `pip install -e .` both put it in place."""
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())
    shared = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["shared-data"]
    source = next(path for path, destination in shared.items() if destination == target)
    assert json.loads((REPO_ROOT / source).read_text()) == SHIPPED_CONFIG[target]
    installed = Path(sys.prefix) / target
    assert installed.is_file(), f"{installed} is missing: reinstall the package (pip install -e .)"
    assert installed.read_text() == (REPO_ROOT / source).read_text()


@pytest.mark.parametrize(
    ("path", "offered"),
    [
        ("voila/render/index.ipynb", True),
        ("voila/render/01_triggers/triggers.ipynb", True),
        ("voila/static/voila.js", True),
        ("voila/files/picture.png", True),
        ("voila/api/shutdown/1234", True),
        ("api/kernels/0d3e6c1a-96f0-4b5e-9a43-0c1f2e3d4b5a/channels", True),
        ("oauth_callback", True),
        ("lab", False),
        ("lab/tree/index.ipynb", False),
        ("tree", False),
        ("terminals/websocket/1", False),
        ("api/terminals", False),
        ("api/contents/index.ipynb", False),
        ("files/index.ipynb", False),
        ("voila/tree", False),
        ("voila", False),
        ("voila/api/contents/", False),
        ("api/kernels", False),
        ("api/kernels/0d3e6c1a-96f0-4b5e-9a43-0c1f2e3d4b5a", True),
        ("api/kernels/0d3e6c1a-96f0-4b5e-9a43-0c1f2e3d4b5a/restart", False),
    ],
)
def test_participant_paths(path: str, offered: bool) -> None:
    refused = re.fullmatch(WorkshopExtension().participant_path_pattern(), path) is not None
    assert refused is not offered


def test_extra_participant_paths_are_offered_too() -> None:
    extension = WorkshopExtension(extra_participant_paths=[r"hub/api/.*"])
    assert re.fullmatch(extension.participant_path_pattern(), "hub/api/user") is None
    assert re.fullmatch(extension.participant_path_pattern(), "hub/other") is not None
    assert all(re.fullmatch(extension.participant_path_pattern(), path) is None for path in ("api", "voila/render/x"))


def test_mathjax_is_off_in_voila_page_config() -> None:
    config = {"fullMathjaxUrl": "/static/jupyter_server_mathjax/MathJax.js", "mathjaxConfig": "TeX", "baseUrl": "/"}
    assert page_config_without_mathjax(config) == {"fullMathjaxUrl": None, "mathjaxConfig": None, "baseUrl": "/"}


def test_a_bad_crisis_resources_file_stops_the_server_at_start(tmp_path: Path) -> None:
    """Never Voila's own pages without the crisis control: the server stops, naming the file."""
    config = tmp_path / "crisis_resources.toml"
    config.write_text("bogus = 1\n", encoding="utf-8")
    jupyter = JupyterServer(
        data_dir=tmp_path, token="extension-test-token-0123456789", env={"WORKSHOP_CRISIS_CONFIG": str(config)}
    )
    result = subprocess.run(jupyter.command(), env=jupyter.environment(), capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert str(config) in result.stderr and "bogus" in result.stderr
    assert "is running at" not in result.stderr + result.stdout


# A participant's server


def test_participant_server_refuses_everything_but_the_workshop(participant_server: JupyterServer) -> None:
    for path in REFUSED_FOR_PARTICIPANTS:
        status, headers, text = fetch(participant_server.page_url(path))
        assert status == 403, f"{path}: {status}"
        assert "This page is not part of the workshop" in text
        assert headers["Content-Security-Policy"] == server.CONTENT_SECURITY_POLICY
    # Into a folder that does not exist, and a file that does not exist: were the refusal broken, Jupyter would
    # answer 404 (the test fails) and nothing in the repository would be written or removed.
    put = json.dumps({"type": "file", "format": "text", "content": "x"}).encode()
    status, _, _ = fetch(participant_server.page_url("/api/contents/no-such-folder/new.txt"), method="PUT", body=put)
    assert status == 403
    status, _, _ = fetch(participant_server.page_url("/api/contents/no-such-file.ipynb"), method="DELETE")
    assert status == 403


def test_participant_server_sends_the_landing_url_to_the_start_page(participant_server: JupyterServer) -> None:
    status, headers, _ = fetch(participant_server.page_url("/"))
    assert status == 302
    assert headers["Location"] == f"{HUB_BASE_URL.rstrip('/')}{LANDING}?token={participant_server.token}"
    status, headers, _ = fetch(f"{participant_server.url}?token={participant_server.token}")  # /user/NAME, no slash
    assert status == 302 and headers["Location"].startswith(f"{HUB_BASE_URL.rstrip('/')}{LANDING}")


def test_module_page_carries_the_policy_and_no_mathjax(participant_server: JupyterServer) -> None:
    status, headers, page = fetch(participant_server.page_url(LANDING))
    assert status == 200
    assert headers["Content-Security-Policy"] == server.CONTENT_SECURITY_POLICY
    assert "Need help now?" in page  # the workshop's template, laid out by the extension
    config = json.loads(
        re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page, re.S)[1]
    )
    assert config["fullMathjaxUrl"] is None
    assert "import " not in page  # no code shown
    assert any(cookie.startswith("_xsrf=") for cookie in headers.get_all("Set-Cookie", []))


def test_voila_static_files_and_redirects_carry_the_policy(participant_server: JupyterServer) -> None:
    for path in ("/voila/static/voila.js", "/voila/templates/workshop/static/workshop.css", "/"):
        status, headers, _ = fetch(participant_server.page_url(path))
        assert status in (200, 302), path
        assert headers["Content-Security-Policy"] == server.CONTENT_SECURITY_POLICY, path


def test_voila_files_need_the_token(participant_server: JupyterServer) -> None:
    status, headers, text = fetch(f"{participant_server.url}{SOME_FILE}")
    assert status == 302 and headers["Location"].startswith(f"{HUB_BASE_URL}login"), status
    assert "key" not in text
    status, _, text = fetch(participant_server.page_url(SOME_FILE))
    assert status == 200
    assert text == (MODULES / "01_triggers" / "module.toml").read_text()


def test_kernels_of_closed_pages_are_culled_as_under_workshop_serve(participant_server: JupyterServer) -> None:
    fetch(participant_server.page_url(LANDING))  # starts a kernel, and with it the culler
    assert re.search(
        rf"Culling kernels with idle durations > {server.CULL_IDLE_SECONDS} seconds at {server.CULL_INTERVAL_SECONDS} "
        "second intervals",
        participant_server.log_text(),
    ), participant_server.log_text()


# A facilitator's server


def test_facilitator_server_keeps_jupyterlab_without_news_or_update_checks(facilitator_server: JupyterServer) -> None:
    status, headers, lab = fetch(facilitator_server.page_url("/lab"))
    assert status == 200
    assert headers["Content-Security-Policy"] == server.CONTENT_SECURITY_POLICY
    config = json.loads(
        re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', lab, re.S)[1]
    )
    assert config["news"] == {"disabled": True}
    assert json.loads(fetch(facilitator_server.page_url("/lab/api/news"))[2]) == {"news": []}
    assert json.loads(fetch(facilitator_server.page_url("/lab/api/update"))[2])["notification"] is None
    status, _, listing = fetch(facilitator_server.page_url("/api/contents"))
    assert status == 200 and "index.ipynb" in listing
    status, _, _ = fetch(facilitator_server.page_url("/tree"))
    assert status in (200, 302)  # Jupyter's own, not the workshop's refusal


def test_facilitator_server_pages_carry_the_policy(facilitator_server: JupyterServer) -> None:
    for path in ("/api/status", "/voila/render/index.ipynb", "/static/favicons/favicon.ico"):
        status, headers, _ = fetch(facilitator_server.page_url(path))
        assert status == 200, path
        assert headers["Content-Security-Policy"] == server.CONTENT_SECURITY_POLICY, path
    status, headers, _ = fetch(f"{facilitator_server.url}{SOME_FILE}")
    assert status == 302, "/voila/files needs the token on every server"


# In Chromium


@pytest.mark.browser
def test_participant_starts_and_answers_in_chromium(page, browser_log, participant_server: JupyterServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(participant_server.page_url("/"))
    wait_for_widgets(page)
    page.get_by_role("button", name="Start with a new code").click()
    code_box = page.locator(".ws-code")
    code_box.wait_for()
    code = code_box.inner_text().strip()
    screenshot(page, "extension-participant-landing")
    page.get_by_role("link", name="Triggers", exact=False).first.click()
    wait_for_widgets(page)
    assert page.locator("header").get_by_text("Need help now?").is_visible()
    answer = page.get_by_role("textbox").first
    answer.fill("A quiet no from a friend")
    page.locator(".ws-status", has_text="Saved").first.wait_for(timeout=20_000)
    screenshot(page, "extension-participant-module")
    with ResponseStore(participant_server.data_dir / STORE_FILE) as store:
        assert "A quiet no from a friend" in json.dumps(store.latest_answers(code, "triggers."))
    assert not [url for url in browser_log.requests if "mathjax" in url.lower()]
    assert browser_log.outside_requests() == []

    page.goto(participant_server.page_url("/lab"))
    assert page.get_by_role("heading", name="This page is not part of the workshop").is_visible()
    browser_log.allow_console_error(r"403 \(Forbidden\)")
    screenshot(page, "extension-participant-lab-refused")


@pytest.mark.browser
def test_facilitator_jupyterlab_opens_and_stays_on_this_machine(
    page, browser_log, facilitator_server: JupyterServer
) -> None:  # type: ignore[no-untyped-def]
    page.goto(facilitator_server.page_url("/lab"))
    page.locator(".jp-Launcher").first.wait_for(timeout=120_000)
    page.get_by_role("menuitem", name="Nbgrader").wait_for()  # formgrader's menu: the facilitator's tools are there
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(2_000)  # JupyterLab asks about news a moment after it starts, when it asks at all
    screenshot(page, "extension-facilitator-lab", full_page=False)
    assert page.get_by_text("official Jupyter news").count() == 0
    assert browser_log.outside_requests() == []
