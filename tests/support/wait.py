"""Polling for something a server or a kernel does in its own time (a save, a flag, a refresh)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest


def wait_until(condition: Callable[[], Any], what: str, seconds: float = 10) -> Any:
    """Poll ``condition`` (e.g. a store query) until it returns something truthy; fail with ``what``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    pytest.fail(f"waited {seconds:.0f} s for {what}")
