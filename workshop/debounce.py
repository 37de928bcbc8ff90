"""Run a save shortly after the last change, not on every keystroke."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable


def running_in_kernel() -> bool:
    """True inside a Jupyter kernel, whose asyncio loop runs the widgets. Another running loop (a test
    harness's, Playwright's) only runs while its owner awaits, so a save put on it could wait forever."""
    kernelapp = sys.modules.get("ipykernel.kernelapp")
    return bool(kernelapp is not None and kernelapp.IPKernelApp.initialized())


class Debouncer:
    """Calls ``action`` once ``delay`` seconds after the most recent ``trigger()``.

    Inside a Jupyter kernel the call is scheduled on the kernel's running asyncio loop (same thread as the
    widgets, so no locking). Elsewhere (plain Python, unit tests) it runs at once, so nothing waits on a
    timer that never fires. ``in_kernel`` overrides the detection (tests of the delayed path)."""

    def __init__(self, action: Callable[[], None], delay: float = 0.4, in_kernel: bool | None = None) -> None:
        self.action = action
        self.delay = delay
        self.in_kernel = running_in_kernel() if in_kernel is None else in_kernel
        self._handle: asyncio.TimerHandle | None = None

    def trigger(self) -> None:
        self.cancel()
        try:
            loop = asyncio.get_running_loop() if self.in_kernel else None
        except RuntimeError:
            loop = None
        if loop is None:
            self.action()
            return
        self._handle = loop.call_later(self.delay, self._fire)

    def _fire(self) -> None:
        self._handle = None
        self.action()

    @property
    def pending(self) -> bool:
        return self._handle is not None

    def flush(self) -> None:
        """Run a pending action now (e.g. before the page is submitted)."""
        if self._handle is not None:
            self.cancel()
            self.action()

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
