"""Run a save shortly after the last change, not on every keystroke."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Debouncer:
    """Calls ``action`` once ``delay`` seconds after the most recent ``trigger()``.

    Inside a Jupyter kernel an asyncio loop is running and the call is scheduled on it (same thread as the
    widgets, so no locking). Without a running loop (plain Python, unit tests) it runs at once, so nothing
    waits on a timer that never fires."""

    def __init__(self, action: Callable[[], None], delay: float = 0.4) -> None:
        self.action = action
        self.delay = delay
        self._handle: asyncio.TimerHandle | None = None

    def trigger(self) -> None:
        self.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
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
