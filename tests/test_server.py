"""`workshop serve`: what it answers, whom it refuses, and what its pages do in a real browser."""

from __future__ import annotations

import http.client
import json
import re
import shutil
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.browser import axe_violations, describe_violations, screenshot, wait_for_widgets
from support.server import Server, run_workshop_server, workshop_command

HERE = Path(__file__).resolve().parent
TEST_NOTEBOOK = HERE / "notebooks" / "one_slider.ipynb"
SLIDER_LABEL = "How calm do you feel right now?"
LANDMARK_RULES = {"region", "landmark-one-main", "landmark-no-duplicate-main", "bypass", "landmark-banner-is-top-level"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def fetch(url: str, *, follow: bool = True) -> tuple[int, str, str]:
    """(status, final URL, body) without raising for 4xx/5xx."""
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=60) as response:
            return response.status, response.geturl(), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.geturl(), error.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def test_modules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A modules folder holding only the one-slider test page, as landing page and as a second page."""
    folder = tmp_path_factory.mktemp("modules")
    shutil.copy(TEST_NOTEBOOK, folder / "index.ipynb")
    shutil.copy(TEST_NOTEBOOK, folder / "one_slider.ipynb")
    (folder / "picture.png").write_bytes(
        bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")  # a PNG header is enough
    )
    return folder


@pytest.fixture(scope="module")
def test_server(tmp_path_factory: pytest.TempPathFactory, test_modules: Path) -> Iterator[Server]:
    with run_workshop_server(tmp_path_factory.mktemp("data"), modules_dir=test_modules) as server:
        yield server


@pytest.fixture(scope="module")
def group_server(tmp_path_factory: pytest.TempPathFactory, test_modules: Path) -> Iterator[Server]:
    # --pool 1 keeps the test light; the token is the one `--group` generated and printed.
    with run_workshop_server(
        tmp_path_factory.mktemp("group-data"), modules_dir=test_modules, group=True, extra_args=["--pool", "1"]
    ) as server:
        yield server


def test_root_answers_with_the_landing_page(test_server: Server) -> None:
    status, final_url, body = fetch(test_server.url + "/")
    assert status == 200
    assert final_url.startswith(test_server.url + "/voila/render/index.ipynb")
    assert "<main" in body and "Need help now?" in body
    assert "988" in body  # the crisis resources in force (US default) are in the page itself


def test_serve_answers_200_at_root_with_the_real_landing_page(workshop_server: Server) -> None:
    """The repo's own modules/index.ipynb, as `make serve` shows it."""
    status, final_url, body = fetch(workshop_server.url + "/")
    assert status == 200, body[:2000]
    assert "/voila/render/index.ipynb" in final_url
    assert "Need help now?" in body


def test_root_redirect_keeps_the_participant_code(test_server: Server) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", test_server.port, timeout=30)
    connection.request("GET", "/?p=maple-river-4821-otter")
    response = connection.getresponse()
    connection.close()
    assert response.status == 302  # not 301: browsers would cache a permanent redirect
    assert response.getheader("Location") == "/voila/render/index.ipynb?p=maple-river-4821-otter"


def test_pages_carry_a_content_security_policy_that_keeps_requests_on_this_server(test_server: Server) -> None:
    with urllib.request.urlopen(test_server.url + "/voila/render/index.ipynb", timeout=60) as response:
        policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy


def test_listening_beyond_this_machine_without_a_token_is_refused(tmp_path: Path, test_modules: Path) -> None:
    result = subprocess.run(
        [*workshop_command(), "serve", "--no-browser", "--ip", "0.0.0.0", "--port", "0"],
        env={**Server(data_dir=tmp_path, modules_dir=test_modules).environment()},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "refusing to listen on 0.0.0.0 without a token" in result.stderr
    assert "--group" in result.stderr  # and it says what to do instead
    assert "running at" not in result.stdout


def test_short_tokens_are_refused(tmp_path: Path, test_modules: Path) -> None:
    result = subprocess.run(
        [*workshop_command(), "serve", "--no-browser", "--token", "abc", "--port", "0"],
        env=Server(data_dir=tmp_path, modules_dir=test_modules).environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "at least 16 characters" in result.stderr


def test_a_bad_crisis_resources_file_stops_the_server_at_start(tmp_path: Path, test_modules: Path) -> None:
    """A clinic's broken resources file must never be silently replaced by defaults or served half-read."""
    config = tmp_path / "crisis_resources.toml"
    config.write_text("bogus = 1\n", encoding="utf-8")
    environment = {**Server(data_dir=tmp_path, modules_dir=test_modules).environment()}
    environment["WORKSHOP_CRISIS_CONFIG"] = str(config)
    result = subprocess.run(
        [*workshop_command(), "serve", "--no-browser", "--port", "0"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert str(config) in result.stderr and "bogus" in result.stderr
    assert "running at" not in result.stdout


def test_serve_help_explains_every_option() -> None:
    result = subprocess.run([*workshop_command(), "serve", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for option in ("--ip", "--port", "--group", "--token", "--no-browser", "--pool", "--module-pool"):
        assert option in result.stdout


def test_group_mode_prints_a_strong_token_in_the_participants_link(group_server: Server) -> None:
    assert group_server.token and len(group_server.token) >= 32
    assert f"?token={group_server.token}" in group_server.log_text()
    assert "Give participants this link" in group_server.log_text()


def test_group_mode_refuses_requests_without_the_token(group_server: Server) -> None:
    status, final_url, body = fetch(group_server.url + "/voila/render/index.ipynb")
    # Either refused outright or sent to a login page that shows nothing of the workshop.
    assert status == 403 or "/login" in final_url
    assert "Need help now?" not in body and SLIDER_LABEL not in body

    status, _, _ = fetch(group_server.url + "/picture.png".replace("/picture", "/voila/files/picture"), follow=False)
    assert status in (302, 403)

    status, _, _ = fetch(group_server.url + "/voila/api/contents/", follow=False)
    assert status in (302, 403)


def test_group_mode_serves_pages_files_and_kernels_with_the_token(group_server: Server) -> None:
    status, _, body = fetch(group_server.page_url("/voila/render/index.ipynb"))
    assert status == 200 and "Need help now?" in body
    kernel_id = json.loads(
        re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', body, re.S).group(1)
    )["kernelId"]

    status, _, _ = fetch(group_server.page_url("/voila/files/picture.png"))
    assert status == 200

    # The kernels API: refused without the token, answered with it.
    status, _, _ = fetch(f"{group_server.url}/api/kernels/{kernel_id}")
    assert status == 403
    status, _, reply = fetch(group_server.page_url(f"/api/kernels/{kernel_id}"))
    assert status == 200 and json.loads(reply)["id"] == kernel_id


def test_kernels_learn_group_mode(group_server: Server, test_modules: Path) -> None:
    """WORKSHOP_GROUP_MODE=1 reaches the kernels (workshop.config.group_mode() reads it)."""
    # The server process's environment is what its kernels inherit.
    import psutil

    assert group_server.process is not None
    environ = psutil.Process(group_server.process.pid).environ()
    kernels = psutil.Process(group_server.process.pid).children(recursive=True)
    assert kernels, "the group server should have a preheated kernel"
    assert all(k.environ().get("WORKSHOP_GROUP_MODE") == "1" for k in kernels)
    assert "WORKSHOP_GROUP_MODE" not in environ or environ["WORKSHOP_GROUP_MODE"] == "1"


@pytest.mark.browser
def test_slider_page_is_private_accessible_and_offers_help(page, browser_log, test_server: Server) -> None:  # type: ignore[no-untyped-def]
    page.goto(test_server.page_url("/voila/render/one_slider.ipynb", p="maple-river-4821-otter"))
    wait_for_widgets(page)

    # The crisis control: visible at once, the second Tab stop (after the skip link), opened with Enter.
    help_control = page.locator("summary.ws-help-summary")
    assert help_control.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Need help now?"
    resources = page.get_by_role("region", name="Crisis support")
    assert not resources.is_visible()
    page.keyboard.press("Enter")
    resources.wait_for(state="visible")
    assert "988" in resources.inner_text()
    screenshot(page, "server-help-open", full_page=False)
    page.keyboard.press("Enter")  # and closed again
    resources.wait_for(state="hidden")

    slider = page.get_by_role("slider", name=SLIDER_LABEL)
    slider.wait_for()
    screenshot(page, "server-one-slider")
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    # Landmarks (moderate in axe, required here): all content in header/main, one main, a way to skip.
    every = axe_violations(page, impacts=("minor", "moderate", "serious", "critical"))
    landmarks = [v for v in every if v["id"] in LANDMARK_RULES]
    assert landmarks == [], describe_violations(landmarks)
    assert page.locator("main .widget-slider").count() == 1  # the notebook is inside <main>

    # The "Saved" status of an exercise is announced to screen readers.
    status = page.locator(".ws-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.get_by_text("Saved: 51").wait_for()
    assert browser_log.outside_requests() == []


@pytest.mark.browser
def test_participant_code_reaches_a_preheated_kernel(page, test_server: Server) -> None:  # type: ignore[no-untyped-def]
    """The landing page runs on a preheated kernel; ?p= still arrives (workshop.session.query_string, which waits for the request as voila.utils does)."""
    page.goto(test_server.page_url("/", p="maple-river-4821-otter"))
    wait_for_widgets(page)
    page.get_by_text("Participant: maple-river-4821-otter").wait_for()
    assert "Using pre-heated kernel" in test_server.log_text()
    screenshot(page, "server-landing-preheated")


@pytest.mark.browser
def test_login_page_of_a_group_server_shows_nothing_of_the_workshop(page, group_server: Server) -> None:  # type: ignore[no-untyped-def]
    page.goto(group_server.url + "/voila/render/index.ipynb")
    screenshot(page, "server-group-login")
    assert SLIDER_LABEL not in page.content()
    assert "Participant:" not in page.content()


@pytest.mark.browser
def test_real_landing_page_stays_on_this_server_and_inside_its_landmarks(page, workshop_server: Server) -> None:  # type: ignore[no-untyped-def]
    """The repository's modules/index.ipynb through the real template (content belongs to the lead)."""
    page.goto(workshop_server.url + "/")
    wait_for_widgets(page)
    screenshot(page, "server-real-landing")
    assert page.locator("summary.ws-help-summary").is_visible()
    every = axe_violations(page, impacts=("minor", "moderate", "serious", "critical"))
    landmarks = [v for v in every if v["id"] in LANDMARK_RULES]
    assert landmarks == [], describe_violations(landmarks)
