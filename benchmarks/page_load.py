"""Page-load benchmark (`make bench`): how long until a participant can use the first exercise, and what
each participant's kernel costs in memory, alone and with a group of 12 arriving at once.

Runs the real `workshop serve` on a copy of modules/ with one extra, trivial one-widget notebook, and
drives Debian's Chromium. Prints a table and writes artifacts/bench/page_load.json. Nothing here asserts
a time: figures depend on the machine; the group run does check that every page became interactive
with no outside request and no console error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from support.browser import CHROMIUM, CHROMIUM_ARGS, BrowserLog, browser_unavailable_reason  # noqa: E402
from support.server import Server, run_workshop_server  # noqa: E402

TRIVIAL = "bench_trivial.ipynb"
# The first thing a participant can use: any enabled widget control.
INTERACTIVE = (
    ".jupyter-widgets button:not([disabled]), .jupyter-widgets input:not([disabled]), "
    ".jupyter-widgets textarea:not([disabled]), .jupyter-widgets [role=slider]"
)
TIMEOUT_MS = 180_000


@dataclass
class Visit:
    page: str
    seconds: float
    kernel_id: str
    problems: list[str]


def write_trivial_notebook(folder: Path) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Benchmark page\n\nOne widget."),
        nbformat.v4.new_code_cell("import ipywidgets as widgets\nwidgets.IntSlider(description='Rating')"),
    ]
    nbformat.write(notebook, folder / TRIVIAL)


def modules_copy() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="bench-modules-")) / "modules"
    shutil.copytree(REPO / "modules", folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    write_trivial_notebook(folder)
    return folder


async def visit_and_measure(browser, server: Server, path: str) -> tuple[Visit, float]:  # type: ignore[no-untyped-def]
    """One visit, with the RSS (MiB) of its kernel measured while the page is still open."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    log = BrowserLog()
    log.attach(page)
    started = time.perf_counter()
    await page.goto(server.page_url(path), timeout=TIMEOUT_MS)
    await page.wait_for_selector(INTERACTIVE, state="visible", timeout=TIMEOUT_MS)
    seconds = time.perf_counter() - started
    config = await page.eval_on_selector("#jupyter-config-data", "e => JSON.parse(e.textContent)")
    rss = kernel_rss_mib(server)[config["kernelId"]]
    await context.close()
    return Visit(path, seconds, config["kernelId"], log.problems()), rss


def kernel_rss_mib(server: Server) -> dict[str, float]:
    """RSS of each kernel the server started, by kernel id (from its connection file's name)."""
    assert server.process is not None
    found = {}
    for child in psutil.Process(server.process.pid).children(recursive=True):
        try:
            command = " ".join(child.cmdline())
            rss = child.memory_info().rss / 2**20
        except psutil.NoSuchProcess:
            continue
        marker = command.rsplit("kernel-", 1)
        if len(marker) == 2:
            found[marker[1].removesuffix(".json")] = rss
    return found


LANDING = "/voila/render/index.ipynb"
PAGES = {"landing page": LANDING, "one-widget page": f"/voila/render/{TRIVIAL}"}


async def single_runs(browser, server: Server, runs: int, pages: dict[str, str]) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    results: dict[str, dict[str, float]] = {}
    for label, path in pages.items():
        times, memory = [], []
        for _ in range(runs):
            result, rss = await visit_and_measure(browser, server, path)
            if result.problems:
                raise SystemExit(f"{label}: {result.problems}")
            times.append(result.seconds)
            memory.append(rss)
            await asyncio.sleep(2)  # let the pool refill (Voila waits 1 s) so every run starts alike
        results[label] = {
            "median_s": statistics.median(times),
            "min_s": min(times),
            "max_s": max(times),
            "kernel_rss_mib": statistics.median(memory),
        }
    return results


async def group_run(browser, server: Server, participants: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    contexts = [await browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(participants)]
    pages = [await context.new_page() for context in contexts]
    logs = [BrowserLog() for _ in pages]
    for page, log in zip(pages, logs, strict=True):
        log.attach(page)

    async def arrive(page) -> float:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        await page.goto(server.page_url(LANDING), timeout=TIMEOUT_MS)
        await page.wait_for_selector(INTERACTIVE, state="visible", timeout=TIMEOUT_MS)
        return time.perf_counter() - started

    outcomes = await asyncio.gather(*(arrive(page) for page in pages), return_exceptions=True)
    stuck = [i for i, outcome in enumerate(outcomes) if isinstance(outcome, BaseException)]
    for i in stuck:
        screenshot_path = REPO / "artifacts" / "bench" / f"group-stuck-{i}.png"
        screenshot_path.parent.mkdir(parents=True, exist_ok=True)
        await pages[i].screenshot(path=str(screenshot_path), full_page=True)
        screenshot_path.with_suffix(".html").write_text(await pages[i].content(), encoding="utf-8")
    if stuck:
        (REPO / "artifacts" / "bench" / "group-server.log").write_text(server.log_text(), encoding="utf-8")
        raise SystemExit(
            f"{len(stuck)} of {participants} participants never got an interactive page "
            f"(screenshots in artifacts/bench/): {[repr(outcomes[i])[:300] for i in stuck]}\n"
            f"problems: {[log.problems() for log in logs]}"
        )
    times = [float(outcome) for outcome in outcomes]  # type: ignore[arg-type]
    kernel_ids = [
        (await page.eval_on_selector("#jupyter-config-data", "e => JSON.parse(e.textContent)"))["kernelId"]
        for page in pages
    ]
    rss = kernel_rss_mib(server)
    in_use = [rss[k] for k in kernel_ids if k in rss]
    problems = [problem for log in logs for problem in log.problems()]
    for context in contexts:
        await context.close()
    if problems or len(set(kernel_ids)) != participants:
        raise SystemExit(f"group run failed: {problems or 'participants shared a kernel'}")
    return {
        "participants": participants,
        "all_interactive": True,
        "median_s": statistics.median(times),
        "slowest_s": max(times),
        "kernel_rss_mib_per_participant": statistics.median(in_use),
        "kernels_running": len(rss),
        "all_kernels_rss_mib": sum(rss.values()),
    }


async def main_async(args: argparse.Namespace) -> dict:
    from playwright.async_api import async_playwright

    modules = modules_copy()
    data = Path(tempfile.mkdtemp(prefix="bench-data-"))
    report: dict = {
        "machine": {"cpus": psutil.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1)}
    }
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        if args.group_only:
            report["cold"] = report["preheated"] = {}
        # Both pages on a cold kernel: the ratio compares the pages themselves.
        else:
            with run_workshop_server(data / "cold", modules_dir=modules, extra_args=["--pool", "0"]) as server:
                report["cold"] = await single_runs(browser, server, args.runs, PAGES)
            # What a self-paced participant gets: the landing page on its preheated kernel.
            with run_workshop_server(data / "preheated", modules_dir=modules) as server:
                await wait_for_pool(server, 1)
                report["preheated"] = await single_runs(browser, server, args.runs, {"landing page": LANDING})
        with run_workshop_server(data / "group", modules_dir=modules, group=True) as server:
            await wait_for_pool(server, args.participants)
            report["group"] = await group_run(browser, server, args.participants)
        await browser.close()
    shutil.rmtree(modules.parent, ignore_errors=True)
    shutil.rmtree(data, ignore_errors=True)
    return report


async def wait_for_pool(server: Server, size: int, timeout: float = 240) -> None:
    """Until the landing page's pool reports full (the server logs it), as before a session starts."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if f"Kernel pool of index.ipynb is filled with {size} kernel(s)" in server.log_text():
            return
        await asyncio.sleep(0.5)
    raise SystemExit(f"the pool of {size} kernels was not ready within {timeout:.0f} s")


def print_table(report: dict) -> None:
    machine = report["machine"]
    print(f"\nPage load to first interactive exercise ({machine['cpus']} CPUs, {machine['memory_gib']} GiB)\n")
    print(f"{'scenario':<34}{'median s':>10}{'min s':>8}{'max s':>8}{'kernel MiB':>12}")
    if not report["cold"]:
        print("(single-page runs skipped)")
    for mode in ("cold", "preheated") if report["cold"] else ():
        for label, row in report[mode].items():
            print(
                f"{mode + ', ' + label:<34}{row['median_s']:>10.2f}{row['min_s']:>8.2f}{row['max_s']:>8.2f}"
                f"{row['kernel_rss_mib']:>12.0f}"
            )
    if report["cold"]:
        cold = report["cold"]
        ratio = cold["landing page"]["median_s"] / cold["one-widget page"]["median_s"]
        print(f"{'cold, landing / one-widget':<34}{ratio:>10.2f}x")
    group = report["group"]
    print(
        f"\n{group['participants']} participants arriving at once on the landing page (--group, pool "
        f"{group['participants']}): all interactive, no errors, no outside requests"
    )
    print(f"  median {group['median_s']:.2f} s, slowest {group['slowest_s']:.2f} s")
    print(
        f"  kernel memory per participant {group['kernel_rss_mib_per_participant']:.0f} MiB; "
        f"{group['kernels_running']} kernels running (incl. the refilled pool), "
        f"{group['all_kernels_rss_mib']:.0f} MiB in all"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="visits per page for the medians (default 5)")
    parser.add_argument("--participants", type=int, default=12, help="group size arriving at once (default 12)")
    parser.add_argument("--group-only", action="store_true", help="only the group arrival")
    args = parser.parse_args()
    reason = browser_unavailable_reason()
    if reason:
        print(f"benchmark needs a browser: {reason}", file=sys.stderr)
        return 2
    report = asyncio.run(main_async(args))
    print_table(report)
    out = REPO / "artifacts" / "bench" / "page_load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"\nwritten to {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
