"""The facilitator dashboard in a real browser, beside a real group session.

`workshop serve --group --cohort` and `workshop dashboard --cohort` run on the same data folder. Five scripted
participants start on the start page (joining the cohort) and rate their distress at the welcome's check-in
in Chromium; one rates 85 (a flag) and one submits the module. After each, the dashboard must show it in the
first refresh whose read of the store began after the answer was saved (the page says when it read:
``data-as-of``). A flag acknowledged with a note is still acknowledged, note and all, after the dashboard
restarts. Then the tokens: the participants' token gets 403 on every dashboard address, and the dashboard's
token opens no participant's page.

Every page is recorded: a request off 127.0.0.1 or a console error fails the test. Screenshots for the
facilitator guide go to artifacts/screenshots/dashboard-*.png.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import pytest
from support.browser import ARTIFACTS, BrowserLog, axe_violations, describe_violations, screenshot, wait_for_widgets
from support.group_data import fears, practice_entry, rses
from support.server import DashboardServer, Server, run_dashboard, run_workshop_server
from support.wait import wait_until

from widgets.dashboard import REFRESH_SECONDS
from workshop.exercises import all_modules
from workshop.review import course as course_files
from workshop.store import STORE_FILE, ResponseStore

pytestmark = pytest.mark.browser

COHORT = "Test group"
WELCOME = next(module for module in all_modules() if module.key == "welcome")
TRIGGERS = next(module for module in all_modules() if module.key == "triggers")  # has "Submit for review"
LANDING = "/voila/render/index.ipynb"
DASHBOARD = "/voila/render/dashboard.ipynb"
GROUP_VIEW = "/voila/render/group.ipynb"
# Voila runs every cell before a page is usable; on a busy 2-core machine that has taken over a minute.
PAGE_TIMEOUT_MS = 180_000
# One refresh, plus the time a loaded machine takes to run it and send it: the dashboard must have read the
# store after the event within this, and then show the event in that very refresh.
ONE_REFRESH_S = REFRESH_SECONDS + 25
CHECKINS = [20, 35, 85, 10, 50]  # the third participant's 85 raises a flag
LATENCIES: list[tuple[str, float]] = []


@pytest.fixture(scope="module")
def session_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, DashboardServer]]:
    """A group session (which builds the review course as it starts) and the facilitator's dashboard, on one
    data folder."""
    data_dir = tmp_path_factory.mktemp("dashboard-session")
    try:
        with (
            run_workshop_server(
                data_dir, group=True, extra_args=["--cohort", COHORT, "--pool", "1", "--module-pool", "0"]
            ) as group,
            run_dashboard(data_dir, cohort=COHORT) as dashboard,
        ):
            yield group, dashboard
    finally:
        if LATENCIES:
            print("\nfrom saved to shown on the dashboard:")
            for what, seconds in LATENCIES:
                print(f"  {what:<44} {seconds:5.1f} s")


@pytest.fixture(scope="module")
def store(session_servers: tuple[Server, DashboardServer]) -> Iterator[ResponseStore]:
    with ResponseStore(session_servers[0].data_dir / STORE_FILE) as opened:
        yield opened


def open_dashboard(page: Any, dashboard: DashboardServer, path: str = DASHBOARD) -> None:
    page.goto(dashboard.page_url(path, cohort=COHORT), wait_until="commit", timeout=PAGE_TIMEOUT_MS)
    wait_for_widgets(page, timeout_ms=PAGE_TIMEOUT_MS)


def as_of(page: Any) -> str:
    return page.locator(".ws-updated [data-as-of]").get_attribute("data-as-of") or ""


def shown_within_one_refresh(page: Any, saved: datetime, what: str, locator: Any, text: str) -> None:
    """The first dashboard refresh that read the store after ``saved`` shows ``text`` in ``locator``."""
    from playwright.sync_api import expect

    since = saved.isoformat(timespec="microseconds")
    deadline = time.monotonic() + ONE_REFRESH_S
    while as_of(page) < since:
        assert time.monotonic() < deadline, f"the dashboard did not refresh within {ONE_REFRESH_S} s after {what}"
        time.sleep(0.1)
    # The refresh that read after the event has arrived: it shows the event now, without waiting for another.
    expect(locator).to_contain_text(text, timeout=1)
    LATENCIES.append((what, (datetime.now(timezone.utc) - saved).total_seconds()))


def now_row(page: Any, code: str) -> Any:
    table = page.locator("table").filter(has=page.get_by_text("Latest distress rating of each participant"))
    return table.locator("tr").filter(has_text=code)


def progress_row(page: Any, code: str) -> Any:
    table = page.locator("table").filter(has=page.get_by_text("Progress of each participant through the modules"))
    return table.locator("tr").filter(has_text=code)


@contextlib.contextmanager
def participant(browser: Any, group: Server, store: ResponseStore) -> Iterator[tuple[Any, BrowserLog, str]]:
    """A participant in a browser of their own, started on the start page (which joins the cohort); the
    page, its recorder and their code. The browser closes when the block ends."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(60_000)
    log = BrowserLog()
    log.attach(page)
    log.allow_console_error(r"status of 403 .*/voila/api/shutdown/")  # leaving a page; see test_review_browser
    try:
        page.goto(group.page_url(LANDING), wait_until="commit", timeout=PAGE_TIMEOUT_MS)
        wait_for_widgets(page, timeout_ms=PAGE_TIMEOUT_MS)
        page.get_by_role("button", name="Start with a new code").click()
        code = page.get_by_label("Your code").inner_text().strip()
        wait_until(
            lambda: code in [m.participant for m in store.cohort_members(COHORT)], "joining the cohort", seconds=60
        )
        yield page, log, code
    finally:
        context.close()


def check_in(page: Any, group: Server, store: ResponseStore, code: str, value: int) -> datetime:
    """Rate distress at the welcome's check-in by keyboard; return when the store held it."""
    from playwright.sync_api import expect

    page.goto(group.page_url(f"/voila/render/{WELCOME.notebook}", p=code), wait_until="commit", timeout=PAGE_TIMEOUT_MS)
    wait_for_widgets(page, min_widgets=len(WELCOME.exercises), timeout_ms=PAGE_TIMEOUT_MS)
    slider = page.locator(".ws-checkin").first.get_by_role("slider", name=WELCOME["checkin"].prompt)
    slider.focus()
    for _ in range(value):
        page.keyboard.press("ArrowRight")
    expect(slider).to_have_attribute("aria-valuetext", str(value))
    wait_until(lambda: store.latest(code, "welcome.checkin") == value, f"the check-in {value} to be saved", seconds=60)
    return datetime.now(timezone.utc)


def submit_module_1(page: Any, group: Server, code: str) -> datetime:
    """Open module 1 (the welcome is not reviewed) and press "Submit for review"; return when the course had it."""
    page.goto(
        group.page_url(f"/voila/render/{TRIGGERS.notebook}", p=code), wait_until="commit", timeout=PAGE_TIMEOUT_MS
    )
    wait_for_widgets(page, min_widgets=len(TRIGGERS.exercises), timeout_ms=PAGE_TIMEOUT_MS)
    page.get_by_role("button", name="Submit for review").click()
    page.get_by_text("Submitted. Thank you.").wait_for(timeout=120_000)
    stamp = course_files.submission_dir(group.data_dir / "course", code, TRIGGERS.key) / "timestamp.txt"
    wait_until(stamp.is_file, "the submission in the course", seconds=60)
    return datetime.now(timezone.utc)


def test_five_participants_show_on_the_dashboard_within_one_refresh_and_an_acknowledgement_survives_a_restart(
    page: Any,
    browser: Any,
    browser_log: BrowserLog,
    session_servers: tuple[Server, DashboardServer],
    store: ResponseStore,
) -> None:
    from playwright.sync_api import expect

    group, dashboard = session_servers
    browser_log.allow_console_error(r"status of 403 .*/voila/api/shutdown/")
    open_dashboard(page, dashboard)
    expect(page.get_by_role("heading", name="Facilitator dashboard")).to_be_visible()
    expect(page.get_by_text("Nobody has joined this group yet.").first).to_be_visible()

    codes = []
    for n, value in enumerate(CHECKINS):
        with participant(browser, group, store) as (person, log, code):
            codes.append(code)
            saved = check_in(person, group, store, code, value)
            shown_within_one_refresh(
                page, saved, f"participant {n + 1}'s check-in ({value})", now_row(page, code), str(value)
            )
            if value >= 70:
                (flag,) = wait_until(lambda code=code: store.flags(participant=code), "the distress flag", seconds=60)
                card = page.locator(".ws-flag").filter(has_text=code)
                shown_within_one_refresh(page, flag.raised_at, "the flag", card, "NEW: High distress")
                expect(now_row(page, code)).to_contain_text("High (85 is 70 or more)")
            if n == 0:
                submitted = submit_module_1(person, group, code)
                shown_within_one_refresh(page, submitted, "the submission", progress_row(page, code), "✓ submitted")
            assert not log.problems(), f"participant {n + 1}'s pages misbehaved: {log.problems()}"

    expect(page.get_by_text(f"{len(codes)} participant(s)")).to_be_visible()
    rows = page.locator("table").filter(has=page.get_by_text("Latest distress rating of each participant"))
    assert rows.locator("tbody tr").first.inner_text().startswith(codes[2])  # the one needing attention first
    screenshot(page, "dashboard-full")
    page.locator("#ws-dash-now").scroll_into_view_if_needed()
    screenshot(page, "dashboard-now", full_page=False)
    violations = axe_violations(page)
    assert not violations, f"axe: the dashboard has serious problems:\n{describe_violations(violations)}"

    # Acknowledge the flag with a note, as the guide describes.
    flagged = codes[2]
    card = page.locator(".ws-flag").filter(has_text=flagged)
    (flag,) = store.flags(participant=flagged)
    note = "Spoke with them at the break: calmer now, has support tonight. Will check in next session."
    card.get_by_role("textbox", name=f"Note on flag {flag.seq}").fill(note)
    card.scroll_into_view_if_needed()
    screenshot(page, "dashboard-flag-with-note", full_page=False)
    card.get_by_role("button", name=f"Acknowledge flag {flag.seq}").click()
    expect(card).to_contain_text("Saved at", timeout=30_000)
    expect(card).to_contain_text(note)
    expect(card.get_by_role("button", name=f"Add a note to flag {flag.seq}")).to_be_visible()
    assert [a.note for a in store.acknowledgements()[flag.seq]] == [note]

    # A restart: new token, same store; the acknowledgement and its note are still there.
    old_token = dashboard.token
    page.goto("about:blank")
    dashboard.restart()
    assert dashboard.token != old_token
    open_dashboard(page, dashboard)
    card = page.locator(".ws-flag").filter(has_text=flagged)
    expect(card).to_contain_text("Acknowledged: High distress")
    expect(card).to_contain_text(note)
    expect(page.get_by_text("0 new")).to_be_visible()
    card.scroll_into_view_if_needed()
    screenshot(page, "dashboard-flag-acknowledged", full_page=False)

    # Between sessions: practice logs and the closing measures come in (written as the pages write them); the
    # charts are drawn in the page, as inline SVG, with nothing fetched.
    for n, code in enumerate(codes):
        entries = [practice_entry(70 + 5 * n, "no"), practice_entry(60, "partly" if n % 2 else "no")]
        store.save(code, "desensitization.practice", {"entries": entries})
        store.save(code, "welcome.rses", rses(1 + n % 2))
        store.save(code, "closing.rses", rses(2))
        store.save(code, "welcome.fear_ratings", fears(80, 70 - n, 60))
        store.save(code, "closing.fear_ratings", fears(50, 60, 55 - n))
    charts = page.locator(".ws-dash figure svg[role=img]")
    expect(charts).to_have_count(3, timeout=ONE_REFRESH_S * 1000)  # practice, self-esteem, fear (no SCS-SF given)
    for name, figure in (("practice", charts.nth(0)), ("change", charts.nth(1))):
        path = ARTIFACTS / "screenshots" / f"dashboard-{name}.png"
        figure.locator("xpath=ancestor::figure").screenshot(path=str(path))

    # The group view, for screen sharing: totals only, no code anywhere in it.
    view = page.context.new_page()
    browser_log.attach(view)
    open_dashboard(view, dashboard, GROUP_VIEW)
    expect(view.get_by_role("heading", name="Our group")).to_be_visible()
    text = view.locator("body").inner_text()
    assert not [code for code in codes if code in text] and "want to" not in text
    shown = " ".join(text.split())
    assert "Average distress at the latest rating today (0 to 100): 40" in shown
    assert "People who recorded practice: 5" in shown
    expect(view.locator("svg[role=img]")).to_have_count(1, timeout=30_000)  # the practice chart, drawn after
    screenshot(view, "dashboard-group-view")
    violations = axe_violations(view)
    assert not violations, f"axe: the group view has serious problems:\n{describe_violations(violations)}"


# -- the two tokens ------------------------------------------------------------------------------


def fetch(url: str, header_token: str | None = None) -> tuple[int, str, str]:
    """(status, final URL, body), following redirects, without raising for 4xx."""
    request = urllib.request.Request(url, headers={"Authorization": f"token {header_token}"} if header_token else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.geturl(), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.geturl(), error.read().decode("utf-8", "replace")


def dashboard_paths(dashboard: DashboardServer) -> list[str]:
    """Every kind of address the dashboard server answers: pages, files, scripts and styles, API, login."""
    status, _, body = fetch(dashboard.page_url(DASHBOARD))
    assert status == 200, "the dashboard's own token must open it"
    kernel = json.loads(
        re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', body, re.S).group(1)
    )["kernelId"]
    assets = sorted(set(re.findall(r'(?:src|href)="(/voila/[^"?#]+)', body)))
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    return [
        "/",
        DASHBOARD,
        GROUP_VIEW,
        f"{DASHBOARD}?cohort={COHORT.replace(' ', '%20')}",
        "/voila/tree",
        "/voila/tree/",
        "/voila/files/dashboard.ipynb",
        "/voila/api/contents/",
        f"/api/kernels/{kernel}",
        "/voila/api/themes/theme-light.css",
        "/login",
        "/logout",
        *assets,
    ]


def test_the_participants_token_gets_403_on_every_dashboard_address(
    session_servers: tuple[Server, DashboardServer],
) -> None:
    group, dashboard = session_servers
    assert group.token and dashboard.token and group.token != dashboard.token
    paths = dashboard_paths(dashboard)
    for path in paths:
        separator = "&" if "?" in path else "?"
        for url, header in (
            (f"{dashboard.url}{path}", None),
            (f"{dashboard.url}{path}{separator}token={group.token}", None),
            (f"{dashboard.url}{path}", group.token),
        ):
            status, _, body = fetch(url, header)
            assert status == 403, f"{url} (header token: {bool(header)}) answered {status}"
            assert "Facilitator dashboard" not in body and "participant" not in body.lower()
    # The same addresses with the dashboard's token work (so the 403s above are about the token).
    script = next(path for path in paths if path.endswith(".js"))
    for path in (DASHBOARD, GROUP_VIEW, script):
        assert fetch(dashboard.page_url(path))[0] == 200, path


def test_the_dashboards_token_opens_no_participants_page(
    session_servers: tuple[Server, DashboardServer], store: ResponseStore
) -> None:
    group, dashboard = session_servers
    code = store.participant_codes()[0] if store.participant_codes() else None
    query = f"p={code}&" if code else ""
    for path in (LANDING, f"/voila/render/{WELCOME.notebook}", "/voila/tree", "/"):
        status, final_url, body = fetch(f"{group.url}{path}?{query}token={dashboard.token}")
        assert "/login" in final_url and "Please ask for the full link" in body, (path, status, final_url)
        assert WELCOME["checkin"].prompt not in body and "Start with a new code" not in body
        assert not code or code not in body
    for path in (f"/voila/files/{WELCOME.folder}/module.toml", "/voila/api/contents/"):
        for url, header in (
            (f"{group.url}{path}", dashboard.token),
            (f"{group.url}{path}?token={dashboard.token}", None),
        ):
            status, final_url, body = fetch(url, header)
            assert status == 403 or "/login" in final_url, (url, status, final_url)
            assert 'key = "welcome"' not in body and "module.toml" not in body
    # Nor does the dashboard server itself hold the curriculum: its folder is dashboard/, nothing else.
    for path in (
        f"/voila/render/{WELCOME.notebook}",
        f"/voila/render/../modules/{WELCOME.notebook}",
        "/voila/render/%2E%2E/modules/index.ipynb",
        f"/voila/files/../modules/{WELCOME.folder}/module.toml",
    ):
        status, _, body = fetch(dashboard.page_url(path, p=code or "x"))
        assert status in (403, 404), (path, status)
        assert WELCOME["checkin"].prompt not in body
