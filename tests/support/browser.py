"""Chromium through Playwright: the launch settings, a request/console recorder, axe and screenshots.

Every page a test opens is recorded: a request to any host but 127.0.0.1 or an error in the console
fails the test (see the ``page`` fixture in tests/conftest.py).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page, Request, WebSocket

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
# Viewports (CSS px): a laptop, and a common phone (used with touch and a phone's viewport rules).
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
# Not network requests: nothing leaves the machine for these.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension", "devtools"}
# Voila shows this spinner until every cell has run; widgets are interactive once it is gone.
VOILA_SPINNER = "#loading"


def running_in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def browser_unavailable_reason() -> str | None:
    """Why browser tests cannot run on this machine, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Playwright package is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists():
        return f"Chromium is not installed at {CHROMIUM} (Debian/Ubuntu: apt install chromium)"
    return None


def is_local(url: str) -> bool:
    """True for URLs that stay on this machine's server (127.0.0.1) or are not network requests at all."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.hostname == "127.0.0.1"


@dataclass
class BrowserLog:
    """What a page did: every request and websocket URL, and console errors and uncaught page errors.

    ``allow_console_error(pattern)`` lets a test that provokes an error on purpose (e.g. a 403) say so.
    """

    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    allowed_console_errors: list[re.Pattern[str]] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("request", self._on_request)
        page.on("websocket", self._on_websocket)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _on_websocket(self, websocket: WebSocket) -> None:
        self.requests.append(websocket.url)

    def _on_console(self, message: ConsoleMessage) -> None:
        location = message.location or {}
        where = f" ({location.get('url', '')}:{location.get('lineNumber', '')})" if location.get("url") else ""
        self.console.append((message.type, f"{message.text}{where}"))

    def allow_console_error(self, pattern: str) -> None:
        self.allowed_console_errors.append(re.compile(pattern))

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]

    def console_errors(self) -> list[str]:
        errors = [text for kind, text in self.console if kind == "error"] + self.page_errors
        return [text for text in errors if not any(p.search(text) for p in self.allowed_console_errors)]

    def problems(self) -> list[str]:
        """Human-readable reasons to fail the test; empty when the page behaved."""
        found = [f"request left the machine: {url}" for url in dict.fromkeys(self.outside_requests())]
        found += [f"console error: {text}" for text in self.console_errors()]
        return found


def wait_for_widgets(page: Page, *, timeout_ms: float = 60_000, min_widgets: int = 1) -> None:
    """Wait until Voila has run every cell and rendered at least ``min_widgets`` widgets.

    Voila removes its loading spinner when execution finishes; widgets render from the kernel's state
    shortly after, so the check waits for both. The page must have arrived whole first: just after
    ``goto(wait_until="commit")`` the spinner is not in the page yet, so "no spinner" alone proves nothing.
    """
    page.wait_for_load_state("domcontentloaded", timeout=timeout_ms)
    page.wait_for_selector(VOILA_SPINNER, state="detached", timeout=timeout_ms)
    page.wait_for_function(
        "n => document.querySelectorAll('.jupyter-widgets.widget-container, .jupyter-widgets').length >= n",
        arg=min_widgets,
        timeout=timeout_ms,
    )


def axe_violations(
    page: Page, impacts: tuple[str, ...] = ("serious", "critical"), *, target_size: bool = False
) -> list[dict[str, Any]]:
    """axe-core violations on the page with one of ``impacts``; each dict has id, impact, help, nodes.

    ``target_size`` also runs axe's "target-size" rule (WCAG 2.2, 2.5.8: targets of 24 x 24 CSS px, or
    spaced so), which axe leaves off by default."""
    from axe_playwright_python.sync_playwright import Axe

    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if target_size:
        options["rules"] = {"target-size": {"enabled": True}}
    results = Axe().run(page, options=options)
    return [v for v in results.response["violations"] if v.get("impact") in impacts]


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """A readable summary for assertion messages: rule, impact, help and the first offending elements."""
    lines = []
    for violation in violations:
        targets = [", ".join(node.get("target", [])) for node in violation.get("nodes", [])[:3]]
        lines.append(f"{violation['id']} ({violation.get('impact')}): {violation.get('help')} -> {targets}")
    return "\n".join(lines)


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """Save artifacts/screenshots/<name>.png (git ignores artifacts/) and return its path."""
    path = ARTIFACTS / "screenshots" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not full_page:
        page.screenshot(path=str(path))
        return path
    # Chromium leaves the fixed bar out of a full-page capture: pin it to the top of the page meanwhile.
    pin = "bar => { if (bar) bar.style.position = bar.style.position ? '' : 'absolute'; }"
    page.evaluate(f"({pin})(document.querySelector('.ws-bar'))")
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.evaluate(f"({pin})(document.querySelector('.ws-bar'))")
    return path
