"""The debouncer: one call after the last trigger inside a kernel's loop; at once everywhere else."""

from __future__ import annotations

import asyncio

from support.own_loop import run_on_own_loop

from workshop.debounce import Debouncer, running_in_kernel


def test_outside_a_kernel_the_action_runs_at_once_even_with_a_running_loop() -> None:
    calls: list[int] = []

    async def main() -> None:
        debouncer = Debouncer(lambda: calls.append(1), delay=10)
        debouncer.trigger()  # a loop is running here, but it is not a kernel's: no waiting on it

    run_on_own_loop(main())
    assert not running_in_kernel()
    assert calls == [1]


def test_in_a_kernel_loop_only_the_last_of_quick_triggers_runs_after_the_delay() -> None:
    calls: list[float] = []

    async def main() -> None:
        loop = asyncio.get_running_loop()
        debouncer = Debouncer(lambda: calls.append(loop.time()), delay=0.05, in_kernel=True)
        started = loop.time()
        for _ in range(5):
            debouncer.trigger()
            await asyncio.sleep(0.01)
        assert debouncer.pending and calls == []
        await asyncio.sleep(0.1)
        assert len(calls) == 1 and calls[0] - started >= 0.05
        debouncer.trigger()
        debouncer.flush()  # e.g. before submitting: run now, once
        assert len(calls) == 2 and not debouncer.pending
        await asyncio.sleep(0.1)
        assert len(calls) == 2

    run_on_own_loop(main())
