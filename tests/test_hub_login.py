"""Sign-in through a real JupyterHub process: its own login page and handler with our authenticator, on a free
loopback port. The proxy is replaced by a routing table in memory (no configurable-http-proxy, no user server
is started: that is the full hub test's part), so this runs wherever the Python packages are installed.

Checked: the page asks for a participant code and the cohort token and never for a user name; a wrong token
gets the one message that does not say which part was wrong; the right pair and a facilitator's password
sign in; and the hub's database holds codes and the facilitator's sign-in, nothing else."""

from __future__ import annotations

import http.cookiejar
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.server import free_port
from support.wait import wait_until

from workshop.hub import passwords
from workshop.hub.auth import FAILURE
from workshop.hub.cohorts import CohortsFile, Issued

pytestmark = pytest.mark.slow
PASSWORD = "a facilitator's long password"
CONFIG = """\
from jupyterhub.proxy import Proxy

from workshop.hub.auth import FACILITATOR_ROLE
from workshop.hub.spawn import prepare_spawner


class RoutesInMemory(Proxy):
    should_start = False
    routes = {{}}

    async def add_route(self, routespec, target, data):
        self.routes[routespec] = {{"routespec": routespec, "target": target, "data": data}}

    async def delete_route(self, routespec):
        self.routes.pop(routespec, None)

    async def get_all_routes(self):
        return dict(self.routes)


c.JupyterHub.proxy_class = RoutesInMemory
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {public_port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.JupyterHub.db_url = "sqlite:///{folder}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{folder}/cookie_secret"
c.JupyterHub.pid_file = "{folder}/jupyterhub.pid"
c.JupyterHub.default_url = "/hub/home"  # after sign-in: the hub's home page, so no user server is started
c.JupyterHub.authenticator_class = "workshop-codes"
c.ParticipantCodeAuthenticator.facilitators = {{"alex": "{facilitator_hash}"}}
c.JupyterHub.spawner_class = "simple"
c.Spawner.pre_spawn_hook = prepare_spawner
c.JupyterHub.load_roles = [FACILITATOR_ROLE]
"""


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Hub:
    url: str
    folder: Path
    cohort: Issued

    def browser(self) -> urllib.request.OpenerDirector:
        """A client with its own cookies that does not follow redirects (a sign-in answers with one)."""
        return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirects)

    def sign_in(self, name: str, password: str) -> tuple[int, str, str]:
        """(status, Location, page) of the login form filled in and sent, as a browser does."""
        client = self.browser()
        form = BeautifulSoup(client.open(f"{self.url}/hub/login").read().decode(), "html.parser")
        xsrf = form.find("input", {"name": "_xsrf"})["value"]
        body = urllib.parse.urlencode({"_xsrf": xsrf, "username": name, "password": password}).encode()
        request = urllib.request.Request(f"{self.url}/hub/login", data=body, headers={"Sec-Fetch-Mode": "navigate"})
        try:
            with client.open(request) as answer:
                return answer.status, answer.headers.get("Location", ""), answer.read().decode()
        except urllib.error.HTTPError as answer:
            return answer.code, answer.headers.get("Location", ""), answer.read().decode()


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    folder = tmp_path / "hub"
    cohort = CohortsFile(folder).issue_codes("Tuesday", 2)
    hub_port = free_port()
    config = CONFIG.format(
        public_port=free_port(),
        hub_port=hub_port,
        folder=tmp_path,
        facilitator_hash=passwords.hash_secret(PASSWORD),
    )
    (tmp_path / "jupyterhub_config.py").write_text(config, encoding="utf-8")
    log = (tmp_path / "jupyterhub.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", str(tmp_path / "jupyterhub_config.py")],
        cwd=tmp_path,
        env={**_clean_env(), "WORKSHOP_HUB_DIR": str(folder)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{hub_port}"
    try:

        def answers() -> bool:
            if process.poll() is not None:
                pytest.fail("JupyterHub stopped:\n" + (tmp_path / "jupyterhub.log").read_text()[-3000:])
            try:
                return urllib.request.urlopen(f"{url}/hub/login", timeout=2).status == 200
            except OSError:
                return False

        wait_until(answers, "JupyterHub's login page", seconds=60)
        yield Hub(url, tmp_path, cohort)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _clean_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith(("WORKSHOP_", "JUPYTERHUB_", "PYTEST_"))}


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


def test_a_real_hub_signs_participants_in_by_code_and_keeps_no_names(hub: Hub) -> None:
    page = hub.browser().open(f"{hub.url}/hub/login").read().decode()
    soup = BeautifulSoup(page, "html.parser")
    labels = [label.get_text(" ", strip=True) for label in soup.find_all("label") if label.get("for")]
    assert labels == ["Participant code", "Cohort token"]
    text = visible_text(page).lower()
    assert "username" not in text and "user name" not in text

    code, other = hub.cohort.codes
    status, _, answer = hub.sign_in(code, hub.cohort.token + "-wrong")
    assert status == 403 and FAILURE in visible_text(answer)
    assert "username" not in visible_text(answer).lower()
    typed = code.upper().replace("-", " ")
    status, _, answer = hub.sign_in(typed, "")
    assert status == 403 and FAILURE in visible_text(answer)
    # Given back to correct, unless the hub cut it short for its log (over 32 characters): then left empty.
    assert BeautifulSoup(answer, "html.parser").find("input", {"name": "username"})["value"] == (
        typed if len(typed) <= 32 else ""
    )

    status, location, _ = hub.sign_in(code.upper().replace("-", " "), hub.cohort.token)
    assert status == 302 and location.startswith("/hub/")
    status, location, _ = hub.sign_in("Alex", PASSWORD)
    assert status == 302 and location.startswith("/hub/")
    assert hub.sign_in("alex", PASSWORD + "x")[0] == 403

    with sqlite3.connect(hub.folder / "jupyterhub.sqlite") as db:
        users = {name for (name,) in db.execute("SELECT name FROM users")}
        groups = db.execute(
            "SELECT groups.name, users.name FROM groups JOIN user_group_map ON groups.id = user_group_map.group_id "
            "JOIN users ON users.id = user_group_map.user_id"
        ).fetchall()
        admins = {name for (name,) in db.execute("SELECT name FROM users WHERE admin")}
    assert users == {code, "alex"}  # the other participant never signed in; nobody is named
    assert other not in users
    assert groups == [("facilitators", "alex")]
    assert admins == set()
