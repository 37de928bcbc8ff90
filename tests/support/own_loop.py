"""Awaiting a coroutine from a test: on an event loop of its own, in a thread of its own.

The browser tests' Playwright (and other tests) may leave a loop running in the main thread, where
``asyncio.run`` then refuses to start; which tests ran before depends on the order, so every test that
awaits something goes through here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
TIMEOUT_SECONDS = 60


def run_on_own_loop(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coroutine)`` in a worker thread; its result, or its exception raised here."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=TIMEOUT_SECONDS)
