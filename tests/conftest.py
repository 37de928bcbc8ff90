"""Shared fixtures: a real `workshop serve`, and a recording Chromium page that fails on leaks and errors.

Browser tests skip (with the reason) when Chromium or Playwright is missing on a laptop, but fail in
CI (env CI=true): a green CI run must mean the pages were really checked.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

# pytest puts tests/ on sys.path (it has no __init__.py), so test files import `from support.x import ...`.
from support.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    PHONE,
    BrowserLog,
    browser_unavailable_reason,
    running_in_ci,
)
from support.server import Server, run_workshop_server

from workshop.store import STORE_FILE, ResponseStore

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


def skip_or_fail(reason: str) -> None:
    """Skip on a laptop that lacks a tool; in CI the same gap is a failure, never a silent skip."""
    if running_in_ci():
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    print(f"\nskipping browser test: {reason}", file=sys.stderr)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def workshop_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One self-paced `workshop serve` for the session: a fresh data dir and the repo's modules/ folder."""
    data_dir = tmp_path_factory.mktemp("workshop-data")
    with run_workshop_server(data_dir) as server:
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the whole session (Playwright's own download is not used)."""
    reason = browser_unavailable_reason()
    if reason:
        skip_or_fail(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def browser_log() -> BrowserLog:
    """What the test's ``page`` requested and logged. Call ``allow_console_error(regex)`` for expected errors."""
    return BrowserLog()


def recorded_page(browser: Browser, browser_log: BrowserLog, **context_options: Any) -> Iterator[Page]:
    context = browser.new_context(locale="en-US", **context_options)
    new_page = context.new_page()
    new_page.set_default_timeout(30_000)
    browser_log.attach(new_page)
    try:
        yield new_page
    finally:
        context.close()


@pytest.fixture
def page(browser: Browser, browser_log: BrowserLog) -> Iterator[Page]:
    """A fresh page in its own context, recorded: outside requests or console errors fail the test."""
    yield from recorded_page(browser, browser_log, viewport=DESKTOP)


@pytest.fixture
def phone_page(browser: Browser, browser_log: BrowserLog) -> Iterator[Page]:
    """The same at a common phone's size, with touch (``locator.tap()``) and a phone's viewport rules."""
    yield from recorded_page(browser, browser_log, viewport=PHONE, has_touch=True, is_mobile=True)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After a test that used ``page`` or ``phone_page``: fail it (not just error its teardown) for leaks or console errors."""
    outcome: Any = yield
    funcargs = getattr(item, "funcargs", {})
    log = funcargs.get("browser_log")
    if not {"page", "phone_page"} & set(funcargs) or log is None or outcome.excinfo is not None:
        return
    problems = log.problems()
    if problems:
        outcome.force_exception(AssertionError("the page misbehaved:\n" + "\n".join(problems)))


@pytest.fixture(scope="module")
def server_store(workshop_server: Server) -> Iterator[ResponseStore]:
    """The very store file the session server's kernels write to, opened as `workshop flags` opens it."""
    with ResponseStore(workshop_server.data_dir / STORE_FILE) as opened:
        yield opened


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes to the user's real data folder: WORKSHOP_DATA_DIR points into a temporary folder
    unless a test sets its own."""
    import os

    if "WORKSHOP_DATA_DIR" not in os.environ:
        monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path_factory.mktemp("data")))
