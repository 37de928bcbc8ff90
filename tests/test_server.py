"""`workshop serve`: what it answers, whom it refuses, and what its pages do in a real browser."""

from __future__ import annotations

import http.client
import json
import re
import shutil
import ssl
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.browser import axe_violations, describe_violations, screenshot, wait_for_widgets
from support.own_loop import run_on_own_loop
from support.server import Server, run_workshop_server, workshop_command
from support.tls import self_signed_certificate

from workshop.config import on_binder
from workshop.server import BINDER_NOTICE, UNENCRYPTED_WARNING

HERE = Path(__file__).resolve().parent
TEST_NOTEBOOK = HERE / "notebooks" / "one_slider.ipynb"
SLIDER_LABEL = "How calm do you feel right now?"
LANDMARK_RULES = {"region", "landmark-one-main", "landmark-no-duplicate-main", "bypass", "landmark-banner-is-top-level"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def fetch(url: str, *, follow: bool = True, context: ssl.SSLContext | None = None) -> tuple[int, str, str]:
    """(status, final URL, body) without raising for 4xx/5xx."""
    handlers: list[urllib.request.BaseHandler] = [urllib.request.HTTPSHandler(context=context)] if context else []
    if not follow:
        handlers.append(NoRedirect())
    opener = urllib.request.build_opener(*handlers)
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
    for option in (
        "--ip",
        "--port",
        "--group",
        "--token",
        "--no-browser",
        "--pool",
        "--module-pool",
        "--certfile",
        "--keyfile",
        "--cohort",
    ):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--keyfile", "key.pem"], "--keyfile needs --certfile"),
        (["--certfile", "missing.pem"], "cannot find"),
        (["--certfile", "not-a-certificate.pem"], "cannot use"),
    ],
)
def test_unusable_certificates_stop_the_server_with_the_reason(
    tmp_path: Path, test_modules: Path, args: list[str], message: str
) -> None:
    (tmp_path / "not-a-certificate.pem").write_text("hello\n", encoding="utf-8")
    (tmp_path / "key.pem").write_text("hello\n", encoding="utf-8")
    result = subprocess.run(
        [*workshop_command(), "serve", "--no-browser", "--port", "0", *args],
        env=Server(data_dir=tmp_path, modules_dir=test_modules).environment(),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert message in result.stderr
    assert "running at" not in result.stdout


def test_binder_is_told_by_its_environment() -> None:
    assert on_binder({"BINDER_LAUNCH_HOST": "https://mybinder.org/"})
    assert on_binder({"BINDER_REPO_URL": "https://github.com/rejection-resilience/workshop"})
    assert on_binder({"JUPYTERHUB_SERVICE_PREFIX": "/binder/jupyter/user/x/"})
    assert not on_binder({"JUPYTERHUB_SERVICE_PREFIX": "/user/alice/", "BINDER_LAUNCH_HOST": ""})
    assert not on_binder({})


def test_the_template_installed_at_a_binder_launch_carries_the_notice(tmp_path: Path) -> None:
    """binder/start runs `workshop install-voila-template` at launch, when BinderHub's variables are set."""
    start = (Path(__file__).resolve().parents[1] / "binder" / "start").read_text(encoding="utf-8")
    assert "workshop install-voila-template" in start and 'exec "$@"' in start
    notice = tmp_path / "{}" / "share" / "jupyter" / "voila" / "templates" / "workshop" / "binder_notice.html"
    for prefix, environment in (("binder", {"BINDER_REPO_URL": "https://github.com/x/y"}), ("local", {})):
        result = subprocess.run(
            [*workshop_command(), "install-voila-template", "--prefix", str(tmp_path / prefix)],
            env={**Server(data_dir=tmp_path / "data").environment(), **environment},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
    assert Path(str(notice).format("binder")).read_text(encoding="utf-8") == BINDER_NOTICE
    assert Path(str(notice).format("local")).read_text(encoding="utf-8") == ""


def test_pages_off_binder_show_no_practice_notice(test_server: Server) -> None:
    for path in ("/", "/voila/render/one_slider.ipynb", "/voila/render/no-such-page.ipynb"):
        _, _, body = fetch(test_server.page_url(path))
        assert "Need help now?" in body
        assert "ws-practice-notice" not in body and "practice copy" not in body


@pytest.fixture(scope="module")
def binder_server(tmp_path_factory: pytest.TempPathFactory, test_modules: Path) -> Iterator[Server]:
    """Self-paced, as Binder runs it, with the variables BinderHub sets in every server it launches."""
    environment = {"BINDER_LAUNCH_HOST": "https://mybinder.org/", "BINDER_REPO_URL": "https://github.com/x/y"}
    with run_workshop_server(
        tmp_path_factory.mktemp("binder-data"), modules_dir=test_modules, env=environment
    ) as server:
        yield server


def test_on_binder_every_page_says_it_is_a_practice_copy(binder_server: Server) -> None:
    """The start page, another page and an error page: the notice is in the header of each."""
    for path in ("/", "/voila/render/one_slider.ipynb", "/voila/render/no-such-page.ipynb"):
        status, _, body = fetch(binder_server.page_url(path))
        assert BINDER_NOTICE in body, (path, status)
        header = body[body.index("<header") : body.index("</header>")]
        assert "practice copy on a free public service" in header and "Nothing you type here is kept" in header
        assert "do not type real personal details" in header


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def https_server(
    tmp_path_factory: pytest.TempPathFactory, test_modules: Path, certificate: tuple[Path, Path]
) -> Iterator[Server]:
    certfile, keyfile = certificate
    with run_workshop_server(
        tmp_path_factory.mktemp("https-data"),
        modules_dir=test_modules,
        group=True,
        certfile=certfile,
        keyfile=keyfile,
        extra_args=["--pool", "1"],
    ) as server:
        yield server


def test_group_mode_over_https_prints_an_https_link_and_serves_only_tls(https_server: Server) -> None:
    assert f"https://127.0.0.1:{https_server.port}/?token={https_server.token}" in https_server.log_text()
    status, _, body = fetch(https_server.page_url("/voila/render/index.ipynb"), context=https_server.ssl_context())
    assert status == 200 and "Need help now?" in body
    # Nothing is served in the clear on that port.
    plain = https_server.page_url("/voila/render/index.ipynb").replace("https://", "http://", 1)
    with pytest.raises((urllib.error.URLError, http.client.HTTPException, ConnectionError)):
        urllib.request.urlopen(plain, timeout=10).read()
    # The certificate is checked: a client that does not trust it is refused.
    with pytest.raises(urllib.error.URLError, match="CERTIFICATE_VERIFY_FAILED"):
        urllib.request.urlopen(https_server.page_url("/"), timeout=10, context=ssl.create_default_context())
    assert UNENCRYPTED_WARNING not in https_server.log_text()


def test_listening_beyond_this_machine_over_plain_http_warns_once(tmp_path: Path, test_modules: Path) -> None:
    with run_workshop_server(
        tmp_path / "data", modules_dir=test_modules, group=True, extra_args=["--ip", "0.0.0.0", "--pool", "0"]
    ) as server:
        assert server.log_text().count(UNENCRYPTED_WARNING) == 1
        assert "--certfile" in UNENCRYPTED_WARNING


def test_this_machine_only_does_not_warn(group_server: Server) -> None:
    assert UNENCRYPTED_WARNING not in group_server.log_text()


def test_group_mode_prints_a_strong_token_in_the_participants_link(group_server: Server) -> None:
    assert group_server.token and len(group_server.token) >= 32
    assert f"?token={group_server.token}" in group_server.log_text()
    assert "Give participants this link" in group_server.log_text()


def test_group_mode_refuses_requests_without_the_token(group_server: Server) -> None:
    status, final_url, body = fetch(group_server.url + "/voila/render/index.ipynb")
    # Sent to a page that shows nothing of the workshop's content (only how to get in, and help).
    assert "/login" in final_url
    assert SLIDER_LABEL not in body and "Participant:" not in body

    status, _, _ = fetch(group_server.url + "/picture.png".replace("/picture", "/voila/files/picture"), follow=False)
    assert status in (302, 403)

    status, _, _ = fetch(group_server.url + "/voila/api/contents/", follow=False)
    assert status in (302, 403)


def test_without_the_token_a_participant_is_told_to_ask_for_the_full_link(group_server: Server) -> None:
    """Our page, with the crisis control, instead of Jupyter's login form and its advice for developers."""
    for path in ("/", "/voila/render/index.ipynb", "/voila/render/one_slider.ipynb?p=maple-river-4821-otter"):
        status, final_url, body = fetch(group_server.url + path)
        assert status == 200 and "/login" in final_url, (path, status, final_url)
        assert "Please ask for the full link" in body
        assert "ask your facilitator for the full link" in body
        assert "Need help now?" in body and "988" in body  # the crisis resources in force
        assert "jupyter server list" not in body.lower() and "password" not in body.lower()
        assert "<form" not in body and SLIDER_LABEL not in body
    # A wrong token gets the same page, never the workshop.
    status, final_url, body = fetch(f"{group_server.url}/voila/render/index.ipynb?token=not-the-right-token-at-all")
    assert "/login" in final_url and "Please ask for the full link" in body and SLIDER_LABEL not in body


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


@pytest.mark.browser
def test_no_token_page_in_a_browser_asks_for_the_link_and_offers_help(page, group_server: Server) -> None:  # type: ignore[no-untyped-def]
    page.goto(group_server.url + "/")
    heading = page.get_by_role("heading", name="Please ask for the full link")
    heading.wait_for()
    assert page.get_by_text("ask your facilitator for the full link").is_visible()
    assert page.get_by_text("jupyter server list").count() == 0 and page.locator("input").count() == 0
    page.locator("summary.ws-help-summary").click()
    resources = page.get_by_role("region", name="Crisis support")
    resources.wait_for(state="visible")
    assert "988" in resources.inner_text()
    screenshot(page, "server-no-token")
    violations = axe_violations(page, impacts=("minor", "moderate", "serious", "critical"))
    assert violations == [], describe_violations(violations)


@pytest.mark.browser
def test_binder_banner_shows_on_the_start_page_in_a_browser(page, binder_server: Server) -> None:  # type: ignore[no-untyped-def]
    page.goto(binder_server.page_url("/", p="maple-river-4821-otter"))
    wait_for_widgets(page)
    notice = page.locator("header .ws-practice-notice")
    assert notice.is_visible()
    assert "Nothing you type here is kept" in notice.inner_text()
    screenshot(page, "server-binder-notice", full_page=False)
    violations = axe_violations(page, impacts=("minor", "moderate", "serious", "critical"))
    landmarks = [v for v in violations if v["id"] in LANDMARK_RULES or v["id"] == "color-contrast"]
    assert landmarks == [], describe_violations(landmarks)
    page.goto(binder_server.page_url("/voila/render/one_slider.ipynb"))
    wait_for_widgets(page)
    assert page.locator("header .ws-practice-notice").is_visible()


@pytest.mark.browser
def test_group_mode_over_https_in_a_browser(browser, browser_log, https_server: Server) -> None:  # type: ignore[no-untyped-def]
    """The page and its kernel websocket over TLS; the preheated kernel gets its request over wss too."""
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        browser_log.attach(page)
        sockets: list[str] = []
        page.on("websocket", lambda socket: sockets.append(socket.url))
        page.goto(https_server.page_url("/", p="maple-river-4821-otter"))
        wait_for_widgets(page)
        page.get_by_text("Participant: maple-river-4821-otter").wait_for()
        assert page.url.startswith("https://127.0.0.1:")
        assert sockets and all(url.startswith("wss://") for url in sockets), sockets
        assert "Using pre-heated kernel" in https_server.log_text()
        page.get_by_role("slider", name=SLIDER_LABEL).focus()
        page.keyboard.press("ArrowRight")
        page.get_by_text("Saved: 51").wait_for()
        screenshot(page, "server-https-group")
        assert browser_log.problems() == []
    finally:
        context.close()


def test_a_group_session_is_named_by_its_cohort_or_by_the_date() -> None:
    import argparse
    from datetime import date

    from workshop.errors import WorkshopError
    from workshop.server import cohort_name

    def args(group: bool, cohort: str | None) -> argparse.Namespace:
        return argparse.Namespace(group=group, cohort=cohort)

    assert cohort_name(args(True, None), today=date(2026, 3, 3)) == "2026-03-03"
    assert cohort_name(args(True, "  Tuesday group ")) == "Tuesday group"
    assert cohort_name(args(False, None)) is None
    with pytest.raises(WorkshopError, match="use it with --group"):
        cohort_name(args(False, "Tuesday group"))
    for bad in ("", "-starts-with-a-dash", "x" * 61, "a/b", "quote'd"):
        with pytest.raises(WorkshopError, match="--cohort"):
            cohort_name(args(True, bad))


def test_a_refill_still_waiting_out_its_delay_is_not_offered_to_a_request(tmp_path: Path) -> None:
    """Voila counts a refill that sleeps ``fill_delay`` before it starts its kernel as a kernel in the pool, and
    a request takes it and waits out the delay; the workshop's kernel manager counts only refills due to start,
    so such a request gets a kernel of its own at once (Voila's path for an empty pool)."""
    import asyncio

    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
    from traitlets import Int, Unicode
    from traitlets.config import Configurable
    from voila.voila_kernel_manager import voila_kernel_manager_factory

    from workshop.server import GROUP_REFILL_DELAY_SECONDS, without_waiting_refills

    class App(Configurable):  # what Voila's kernel manager reads of its parent
        root_dir = Unicode(str(tmp_path))
        notebook_path = None
        base_url = server_url = Unicode("/")
        port = Int(0)

    async def pool_sizes(manager_class: type) -> tuple[int, int]:
        pools = {"default": {"pool_size": 0}, "index.ipynb": {"pool_size": 1}, "a.ipynb": {"pool_size": 1}}
        manager = manager_class(parent=App(), kernel_pools_config=pools, fill_delay=GROUP_REFILL_DELAY_SECONDS)
        manager._initialize = lambda *args, **kwargs: asyncio.get_running_loop().create_future()  # starts no kernel
        manager.fill_if_needed(notebook_name="index.ipynb")  # a kernel was just taken: the refill waits
        manager.fill_if_needed(delay=0, notebook_name="a.ipynb")  # as at start: due now
        sizes = manager.get_pool_size("index.ipynb"), manager.get_pool_size("a.ipynb")
        for pool in manager._pools.values():
            for task in pool:
                task.cancel()
        return sizes

    voilas = voila_kernel_manager_factory(AsyncMappingKernelManager, True, 0)
    assert run_on_own_loop(pool_sizes(voilas)) == (1, 1)  # Voila's own count, which made a request wait
    assert run_on_own_loop(pool_sizes(without_waiting_refills(voilas))) == (0, 1)
