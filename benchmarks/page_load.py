"""Page-load benchmark (`make bench`): how long until a participant can use a page, and what each
participant's kernel costs in memory, alone and with a group of 12 arriving at once.

Runs the real `workshop serve` on a copy of modules/ with one extra, trivial one-widget notebook (the
baseline, measured in the same run), and drives Debian's Chromium. A page is usable once Voila has run
every cell (its spinner is gone) and a control can be used, timed in the page from the start of its
navigation. Every page participants open (the start page, every module page) and the authors' gallery is
measured against the baseline, on cold kernels.

The group of 12 arrives as light clients that do what a browser does over the network (fetch the page,
open its kernel's websocket, ask for the widgets' state) plus one real browser among them, timed to
usable: 12 Chromium instances on 2 cores would measure the browsers, not the server.

The facilitator's dashboard (`workshop dashboard`, on the kernel it keeps ready) is timed to usable with 12
participants' answers to every exercise of the 8 modules, next to the one-widget page of the same run.

Prints a table and writes artifacts/bench/page_load.json. Nothing here asserts a time: figures depend on
the machine; the runs do check that every page became usable with no outside request and no console error.
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

from support.browser import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    VOILA_SPINNER,
    BrowserLog,
    browser_unavailable_reason,
)
from support.group_data import fill_everything  # noqa: E402
from support.server import DashboardServer, Server, run_dashboard, run_workshop_server  # noqa: E402

TRIVIAL = "bench_trivial.ipynb"
# The first thing a participant can use: any enabled widget control.
INTERACTIVE = (
    ".jupyter-widgets button:not([disabled]), .jupyter-widgets input:not([disabled]), "
    ".jupyter-widgets textarea:not([disabled]), .jupyter-widgets [role=slider]"
)
TIMEOUT_MS = 180_000
# Rounds by default: a page's median over 5 visits moved its ratio to the baseline by up to 0.1 between runs.
RUNS = 9


@dataclass
class Visit:
    page: str
    seconds: float
    kernel_id: str
    problems: list[str]
    cpu: dict[str, float]


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


class CpuMeter:
    """CPU seconds (user + system) spent during one visit by the server, the page's kernel and the browser.

    Less sensitive to other work on the machine than wall-clock time: a loaded machine makes a page wait
    longer, not cost more CPU. The kernel's figure (cold kernel) includes its start; the browser's is every
    Chromium process this benchmark started (renderer, network, GPU)."""

    def __init__(self, server: Server) -> None:
        assert server.process is not None
        self.server = psutil.Process(server.process.pid)
        self.start = self._snapshot()

    def _snapshot(self) -> dict[int, float]:
        found = {}
        candidates = [self.server, *self.server.children(recursive=True)]
        candidates += [p for p in psutil.Process().children(recursive=True) if "chrom" in p.name().lower()]
        for process in candidates:
            try:
                found[process.pid] = cpu_seconds(process)
            except psutil.NoSuchProcess:
                continue
        return found

    def total(self) -> float:
        """CPU seconds since the meter started, all parts together."""
        return sum(seconds - self.start.get(pid, 0.0) for pid, seconds in self._snapshot().items())

    def spent(self, kernel_id: str) -> dict[str, float]:
        """CPU seconds since the meter started, by part: server, kernel (``kernel_id``'s), browser."""
        spent = {"server": 0.0, "kernel": 0.0, "browser": 0.0}
        for pid, seconds in self._snapshot().items():
            try:
                process = psutil.Process(pid)
                command = " ".join(process.cmdline())
            except psutil.NoSuchProcess:
                continue
            delta = seconds - self.start.get(pid, 0.0)
            if pid == self.server.pid:
                spent["server"] += delta
            elif command.endswith(f"kernel-{kernel_id}.json"):
                spent["kernel"] += delta
            elif "chrom" in process.name().lower():
                spent["browser"] += delta
        return spent


def write_trivial_notebook(folder: Path) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Benchmark page\n\nOne widget."),
        nbformat.v4.new_code_cell("import ipywidgets as widgets\nwidgets.IntSlider(description='Rating')"),
    ]
    nbformat.write(notebook, folder / TRIVIAL)


def compile_workshop() -> None:
    """Write the bytecode of the workshop's own packages, as an installed copy has it (pip compiles on install).

    A machine that runs with PYTHONDONTWRITEBYTECODE=1 would otherwise make every kernel compile the workshop's
    sources again (0.1 to 0.3 s a kernel), which the one-widget page (ipywidgets only, compiled) never pays."""
    import compileall

    for package in ("workshop", "widgets"):
        compileall.compile_dir(REPO / package, quiet=1)


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
    devtools = await context.new_cdp_session(page)
    await devtools.send("Performance.enable")
    meter = CpuMeter(server)
    await page.goto(server.page_url(path), timeout=TIMEOUT_MS, wait_until="commit")
    seconds = await wait_until_usable(page)
    config = await page.eval_on_selector("#jupyter-config-data", "e => JSON.parse(e.textContent)")
    cpu = meter.spent(config["kernelId"])
    metrics = {m["name"]: m["value"] for m in (await devtools.send("Performance.getMetrics"))["metrics"]}
    # Where the page's main thread spent its time (seconds), and how big the page became.
    timing = await page.evaluate(
        "() => { const t = performance.getEntriesByType('navigation')[0]; return [t.responseStart, t.responseEnd]; }"
    )
    # The page streams while Voila runs its cells: its first byte comes once the kernel is started, its last
    # once the last cell has run.
    cpu["first_byte_s"], cpu["cells_run_s"] = timing[0] / 1000, timing[1] / 1000
    for name in ("ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "TaskDuration", "Nodes"):
        cpu[name] = metrics.get(name, 0.0)
    rss = kernel_rss_mib(server)[config["kernelId"]]
    await leave(page, server, config["kernelId"])
    await context.close()
    return Visit(path, seconds, config["kernelId"], log.problems(), cpu), rss


async def leave(page, server: Server, kernel_id: str, timeout: float = 20) -> None:  # type: ignore[no-untyped-def]
    """Close the page as a person leaving does, so that Voila's beforeunload beacon shuts its kernel down, and
    wait until that kernel has gone. Closing the browser context alone skips beforeunload: every kernel would
    stay until the idle cull (15 minutes), and a run's later visits would share the machine with dozens of them."""
    await page.close(run_before_unload=True)
    deadline = time.perf_counter() + timeout
    while kernel_id in kernel_rss_mib(server):
        if time.perf_counter() > deadline:
            raise SystemExit(f"the kernel of {page.url} was still running {timeout:.0f} s after the page closed")
        await asyncio.sleep(0.05)


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


# The moment is taken in the page itself, on every change to the document and every frame: Playwright's own
# waits poll at growing intervals (up to 0.5 s apart), which added a random 0-0.5 s to a visit's time.
USABLE_AT_JS = """([spinner, interactive, required]) => new Promise(resolve => {
  const shown = e => { const box = e.getBoundingClientRect(); return box.width > 0 && box.height > 0 && e.checkVisibility(); };
  const usable = () => !document.querySelector(spinner)
    && (!required || document.querySelector(required) !== null)
    && [...document.querySelectorAll(interactive)].some(shown);
  let settled = false;
  const check = () => {
    if (settled || !usable()) return;
    settled = true;
    observer.disconnect();
    resolve(performance.now());
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {subtree: true, childList: true, attributes: true});
  const everyFrame = () => { check(); if (!settled) requestAnimationFrame(everyFrame); };
  everyFrame();
})"""


async def wait_until_usable(page, required: str = "") -> float:  # type: ignore[no-untyped-def]
    """Every cell has run (Voila's spinner is gone; the page shows nothing before) and a control can be used
    (and ``required`` is in the page, when given). Seconds from the start of the page's navigation."""
    usable_ms = await asyncio.wait_for(page.evaluate(USABLE_AT_JS, [VOILA_SPINNER, INTERACTIVE, required]), TIMEOUT_MS / 1000)
    return float(usable_ms) / 1000


LANDING = "/voila/render/index.ipynb"
BASELINE = "one-widget page"
PAGES = {"landing page": LANDING, BASELINE: f"/voila/render/{TRIVIAL}"}


def module_pages() -> dict[str, str]:
    """Every module page and the gallery, by title, as the start page and authors open them."""
    from workshop.exercises import module_index

    modules, _ = module_index(REPO / "modules")
    return {module.title.split(":")[0]: f"/voila/render/{module.notebook}" for module in modules}


async def single_runs(browser, server: Server, runs: int, pages: dict[str, str]) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    """``runs`` rounds; each round visits every page once, starting one page further along each time, and the
    baseline (when among the pages) twice, half a round apart.

    Interleaved, not page after page: a machine whose speed drifts during the run (another process, the
    server warming up) then slows every page alike, and a page's ratio to the baseline of its own round
    (``paired_ratio``, the median over rounds) compares visits made seconds apart. The baseline is the
    divisor of every ratio, so it is measured twice as often: a kernel's start alone varies by 0.2-0.3 s
    from one visit to the next, and the spread of its median is in every page's ratio."""
    labels = list(pages)
    visits: dict[str, list[tuple[Visit, float, int]]] = {label: [] for label in labels}
    for round_number in range(runs):
        start = round_number % len(labels)
        order = labels[start:] + labels[:start]
        if BASELINE in pages and len(order) > 2:
            order.insert((order.index(BASELINE) + len(order) // 2) % len(order) + 1, BASELINE)
        for label in order:
            result, rss = await visit_and_measure(browser, server, pages[label])
            if result.problems:
                raise SystemExit(f"{label}: {result.problems}")
            visits[label].append((result, rss, round_number))
            # The visit's kernel has gone (``leave``); a moment for the browser to close its page, and nothing
            # else runs (these kernels are cold: no pool refills after a visit).
            await asyncio.sleep(1)
    results: dict[str, dict[str, float]] = {}
    for label in labels:
        times = [visit.seconds for visit, _, _ in visits[label]]
        cpu = [visit.cpu for visit, _, _ in visits[label]]
        results[label] = {
            "median_s": statistics.median(times),
            "min_s": min(times),
            "max_s": max(times),
            "kernel_rss_mib": statistics.median(rss for _, rss, _ in visits[label]),
            "cpu_s": {part: statistics.median(c[part] for c in cpu) for part in cpu[0]},
            # Each visit in the order made (round by round), for a look at the spread: seconds to usable, when the
            # first and last byte came.
            "visits": [
                {
                    "round": n,
                    "s": round(v.seconds, 3),
                    "first_byte_s": v.cpu["first_byte_s"],
                    "cells_run_s": v.cpu["cells_run_s"],
                }
                for v, _, n in visits[label]
            ],
        }
        if BASELINE in visits:
            baseline_of_round = {
                n: statistics.mean(v.seconds for v, _, m in visits[BASELINE] if m == n) for n in range(runs)
            }
            results[label]["paired_ratio"] = statistics.median(
                visit.seconds / baseline_of_round[n] for visit, _, n in visits[label]
            )
    return results


async def light_arrival(server: Server, path: str) -> float:
    """What a browser does over the network, without a browser: fetch the page (Voila runs the notebook
    on a pool kernel and streams it), open that kernel's websocket, and ask for every widget's state
    (ipywidgets' control comm, "request_states"). Seconds until the states have arrived."""
    import re
    import uuid
    from datetime import datetime, timezone

    import websockets
    from tornado.httpclient import AsyncHTTPClient

    started = time.perf_counter()
    response = await AsyncHTTPClient().fetch(server.page_url(path), request_timeout=TIMEOUT_MS / 1000)
    html = response.body.decode("utf-8")
    config = json.loads(re.search(r'id="jupyter-config-data"[^>]*>(.*?)</script>', html, re.S).group(1))
    session, comm = uuid.uuid4().hex, uuid.uuid4().hex
    url = server.page_url(f"/api/kernels/{config['kernelId']}/channels", session_id=session).replace("http", "ws", 1)

    def message(msg_type: str, content: dict, metadata: dict | None = None) -> str:
        header = {
            "msg_id": uuid.uuid4().hex, "username": "bench", "session": session, "msg_type": msg_type,
            "version": "5.3", "date": datetime.now(timezone.utc).isoformat(),
        }  # fmt: skip
        return json.dumps(
            {
                "header": header,
                "parent_header": {},
                "metadata": metadata or {},
                "content": content,
                "channel": "shell",
                "buffers": [],
            }
        )

    async with websockets.connect(url, max_size=None, open_timeout=TIMEOUT_MS / 1000) as socket:
        # ipywidgets 8 refuses a control comm that does not say which version of the protocol it speaks.
        opening = {"comm_id": comm, "target_name": "jupyter.widget.control", "data": {}}
        await socket.send(message("comm_open", opening, {"version": "1.0.0"}))
        await socket.send(message("comm_msg", {"comm_id": comm, "data": {"method": "request_states"}}))
        while True:
            frame = await asyncio.wait_for(socket.recv(), TIMEOUT_MS / 1000)
            if isinstance(frame, bytes):
                continue  # a message with binary buffers: not the state reply of these pages
            reply = json.loads(frame)
            content = reply.get("content", {})
            if content.get("comm_id") == comm and content.get("data", {}).get("method") == "update_states":
                if not content["data"].get("states"):
                    raise SystemExit(f"{path}: the kernel sent no widget state")
                return time.perf_counter() - started


async def light_group_run(browser, server: Server, participants: int, path: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """``participants`` arriving at once: all but one as light clients, one in a real browser."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    log = BrowserLog()
    log.attach(page)

    async def in_browser() -> float:
        await page.goto(server.page_url(path), timeout=TIMEOUT_MS, wait_until="commit")
        return await wait_until_usable(page)

    outcomes = await asyncio.gather(
        in_browser(), *(light_arrival(server, path) for _ in range(participants - 1)), return_exceptions=True
    )
    await context.close()
    failed = [repr(o)[:300] for o in outcomes if isinstance(o, BaseException)]
    if failed or log.problems():
        raise SystemExit(f"group arrival on {path} failed: {failed} {log.problems()}")
    times = [float(o) for o in outcomes]  # type: ignore[arg-type]
    return {
        "participants": participants,
        "browser_s": times[0],
        "light_slowest_s": max(times[1:]),
        "median_s": statistics.median(times),
        "slowest_s": max(times),
    }


async def main_async(args: argparse.Namespace) -> dict:
    from playwright.async_api import async_playwright

    compile_workshop()
    modules = modules_copy()
    data = Path(tempfile.mkdtemp(prefix="bench-data-"))
    report: dict = {
        "machine": {"cpus": psutil.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1)}
    }
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        if args.group_only:
            report["cold"] = report["preheated"] = {}
        elif args.dashboard_only:
            with run_workshop_server(data / "cold", modules_dir=modules, extra_args=["--pool", "0"]) as server:
                report["cold"] = await single_runs(browser, server, args.runs, {BASELINE: PAGES[BASELINE]})
            report["preheated"] = {}
        elif args.pages:
            # Only the chosen pages, beside the baseline, on cold kernels; nothing else.
            wanted = [name.lower() for name in args.pages]
            chosen = {
                label: path
                for label, path in {**PAGES, **module_pages()}.items()
                if label == BASELINE or any(name in label.lower() for name in wanted)
            }
            with run_workshop_server(data / "cold", modules_dir=modules, extra_args=["--pool", "0"]) as server:
                report["cold"] = await single_runs(browser, server, args.runs, chosen)
            report["preheated"] = {}
        # Both pages on a cold kernel: the ratio compares the pages themselves.
        else:
            with run_workshop_server(data / "cold", modules_dir=modules, extra_args=["--pool", "0"]) as server:
                report["cold"] = await single_runs(browser, server, args.runs, {**PAGES, **module_pages()})
            # What a self-paced participant gets: the landing page on its preheated kernel.
            with run_workshop_server(data / "preheated", modules_dir=modules) as server:
                await wait_for_pool(server, 1)
                await wait_until_quiet(server)
                report["preheated"] = await single_runs(browser, server, args.runs, {"landing page": LANDING})
                # One participant arriving alone on a preheated kernel, as a light client: the reference for
                # the group's slowest (the group arrives on preheated kernels too).
                alone = []
                for _ in range(args.runs):
                    await wait_for_pool(server, 1)
                    await wait_until_quiet(server)
                    alone.append(await light_arrival(server, LANDING))
                    await asyncio.sleep(2)
                report["alone_light_s"] = statistics.median(alone)
        if not args.group_only and not args.pages:
            # The facilitator's dashboard, as `workshop dashboard` serves it, on a group's worth of answers.
            answers = dashboard_data(data / "dashboard", args.participants)
            with run_dashboard(data / "dashboard", cohort=BENCH_COHORT) as server:
                report["dashboard"] = {
                    "participants": args.participants,
                    "modules": BENCH_MODULES,
                    "answers": answers,
                    **await dashboard_runs(browser, server, args.runs, args.participants),
                }
        if not args.dashboard_only and not args.pages:
            with run_workshop_server(data / "group", modules_dir=modules, group=True) as server:
                await wait_for_pool(server, args.participants)
                await wait_until_quiet(server)
                report["group"] = await light_group_run(browser, server, args.participants, LANDING)
        await browser.close()
    shutil.rmtree(modules.parent, ignore_errors=True)
    shutil.rmtree(data, ignore_errors=True)
    return report


async def wait_for_pool(
    server: Server, size: int, timeout: float = 240, notebook: str = "index.ipynb", times: int = 1
) -> None:
    """Until ``notebook``'s pool reports full (the server logs it) for the ``times``-th time, as before a session
    starts, or after a visit took the ready kernel."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.log_text().count(f"Kernel pool of {notebook} is filled with {size} kernel(s)") >= times:
            return
        await asyncio.sleep(0.5)
    raise SystemExit(f"the pool of {size} kernels for {notebook} was not ready within {timeout:.0f} s")


async def wait_until_quiet(server: Server, timeout: float = 180, busy_share: float = 0.05) -> None:
    """Until the server, its kernels and the browser together use under ``busy_share`` of one CPU for a second.

    Voila logs a pool as filled once its kernels have started; each then runs the notebook ahead of its visitor
    (a few tenths of a second of CPU each, several seconds for a pool of 12 on 2 CPUs). A group arrives minutes
    after the facilitator starts the server, so the benchmark waits for that work to end too."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        meter = CpuMeter(server)
        await asyncio.sleep(1)
        if meter.total() < busy_share:
            return
    raise SystemExit(f"the server was still busy {timeout:.0f} s after its pool was filled")


# The dashboard is usable when its first section (Now) is shown and its controls answer (every cell has run);
# its charts are drawn in the background after that, and timed separately.
DASHBOARD_READ = ".ws-updated [data-as-of]"
DASHBOARD_CHARTS = ".ws-dash figure svg"
BENCH_COHORT = "bench"
BENCH_MODULES = 8


def dashboard_data(folder: Path, participants: int) -> int:
    """A data folder holding ``participants`` people with answers to every exercise of the 8 listed modules."""
    from workshop.exercises import all_modules
    from workshop.store import STORE_FILE, ResponseStore

    modules = [m for m in all_modules() if m.listed]
    assert len(modules) == BENCH_MODULES, f"expected {BENCH_MODULES} modules, found {len(modules)}"
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    with ResponseStore(folder / STORE_FILE) as store:
        fill_everything(store, modules, BENCH_COHORT, participants)
        return sum(len(answers) for answers in store.latest_answers_of(store.participant_codes()).values())


async def dashboard_runs(browser, server: DashboardServer, runs: int, participants: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Time from navigation until the dashboard is usable (and until its charts are drawn), on the preheated
    kernel `workshop dashboard` keeps ready, waiting for the pool to refill between visits."""
    usable, charts, memory = [], [], []
    for visit in range(runs):
        await wait_for_pool(server, 1, notebook="dashboard.ipynb", times=visit + 1)
        context = await browser.new_context(viewport={"width": 1280, "height": 900})
        page = await context.new_page()
        log = BrowserLog()
        log.attach(page)
        await page.goto(
            server.page_url("/voila/render/dashboard.ipynb", cohort=BENCH_COHORT),
            timeout=TIMEOUT_MS,
            wait_until="commit",
        )
        usable.append(await wait_until_usable(page, required=DASHBOARD_READ))
        await page.wait_for_function(
            f"n => document.querySelectorAll({DASHBOARD_CHARTS!r}).length >= n", arg=4, timeout=TIMEOUT_MS
        )
        charts.append(await page.evaluate("performance.now()") / 1000)
        config = await page.eval_on_selector("#jupyter-config-data", "e => JSON.parse(e.textContent)")
        memory.append(kernel_rss_mib(server)[config["kernelId"]])
        text = await page.inner_text("body")
        await context.close()
        if log.problems() or f"{participants} participant(s)" not in text:
            raise SystemExit(f"dashboard visit {visit + 1}: {log.problems() or 'the dashboard did not show the group'}")
    return {
        "median_s": statistics.median(usable),
        "min_s": min(usable),
        "max_s": max(usable),
        "charts_median_s": statistics.median(charts),
        "kernel_rss_mib": statistics.median(memory),
    }


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
    if len(report["cold"]) > 1:
        cold = report["cold"]
        baseline = cold[BASELINE]["median_s"]
        print(
            f"\nRatio to the {BASELINE} (cold), measured in the same run: of the medians, and the median of each"
            " round's ratio (visits seconds apart)"
        )
        print(f"  {'page':<32}{'medians':>8}{'rounds':>8}")
        for label, row in cold.items():
            if label != BASELINE:
                print(f"  {label:<32}{row['median_s'] / baseline:>7.2f}x{row['paired_ratio']:>7.2f}x")
        print("\nCPU seconds a visit (cold, median), less sensitive to the machine's load than the times above:")
        print(f"  {'page':<32}{'server':>8}{'kernel':>8}{'browser':>9}{'total':>8}{'/ baseline':>12}")
        def total_cpu(cpu: dict[str, float]) -> float:
            return cpu["server"] + cpu["kernel"] + cpu["browser"]

        base_total = total_cpu(cold[BASELINE]["cpu_s"])
        for label, row in cold.items():
            cpu = row["cpu_s"]
            total = total_cpu(cpu)
            print(
                f"  {label:<32}{cpu['server']:>8.2f}{cpu['kernel']:>8.2f}{cpu['browser']:>9.2f}{total:>8.2f}"
                f"{total / base_total:>11.2f}x"
            )
        print(
            "\nIn the page (seconds, cold, median): first byte (kernel started), every cell run (last byte), and the"
            " work of Chromium's main thread"
        )
        print(f"  {'page':<32}{'1st byte':>9}{'cells run':>10}{'script':>8}{'layout':>8}{'style':>8}{'tasks':>8}{'DOM nodes':>11}")
        for label, row in cold.items():
            cpu = row["cpu_s"]
            print(
                f"  {label:<32}{cpu['first_byte_s']:>9.2f}{cpu['cells_run_s']:>10.2f}{cpu['ScriptDuration']:>8.2f}{cpu['LayoutDuration']:>8.2f}"
                f"{cpu['RecalcStyleDuration']:>8.2f}{cpu['TaskDuration']:>8.2f}{cpu['Nodes']:>11.0f}"
            )
    dashboard = report.get("dashboard")
    if dashboard:
        baseline = report["cold"][BASELINE]["median_s"]
        print(
            f"\nThe facilitator dashboard ({dashboard['participants']} participants, {dashboard['modules']} modules, "
            f"{dashboard['answers']} answers), preheated kernel, medians:"
        )
        print(
            f"  usable (Now shown, controls ready) {dashboard['median_s']:.2f} s (min {dashboard['min_s']:.2f}, max "
            f"{dashboard['max_s']:.2f}); charts drawn by {dashboard['charts_median_s']:.2f} s; kernel "
            f"{dashboard['kernel_rss_mib']:.0f} MiB"
        )
        print(
            f"  beside the {BASELINE} (cold) of the same run, {baseline:.2f} s: {dashboard['median_s'] / baseline:.2f}x"
        )
    group = report.get("group")
    if not group:
        return
    print(
        f"\n{group['participants']} participants arriving at once on the landing page (--group, pool "
        f"{group['participants']}; {group['participants'] - 1} light clients and one real browser): all usable, "
        "no errors, no outside requests"
    )
    print(
        f"  median {group['median_s']:.2f} s, slowest {group['slowest_s']:.2f} s, the browser {group['browser_s']:.2f} s"
    )
    # Each kind of arrival against the same kind alone, on a preheated kernel: the browser in the group against the
    # preheated landing page's median, the slowest light client against a light client alone.
    lone_browser = report.get("preheated", {}).get("landing page", {}).get("median_s")
    if lone_browser:
        print(
            f"  the browser in the group / a browser alone ({lone_browser:.2f} s): {group['browser_s'] / lone_browser:.2f}x"
        )
    if report.get("alone_light_s"):
        print(
            f"  the slowest light client ({group['light_slowest_s']:.2f} s) / one alone ({report['alone_light_s']:.2f} s): "
            f"{group['light_slowest_s'] / report['alone_light_s']:.2f}x"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"rounds of visits, each page once a round (default {RUNS})")
    parser.add_argument("--participants", type=int, default=12, help="group size arriving at once (default 12)")
    parser.add_argument("--group-only", action="store_true", help="only the group arrival")
    parser.add_argument(
        "--dashboard-only", action="store_true", help="only the dashboard, beside the one-widget page (cold)"
    )
    parser.add_argument(
        "--pages",
        nargs="+",
        metavar="NAME",
        help="only the cold pages whose title contains one of these words (e.g. Reframing Gallery), beside the "
        "one-widget page; skips the preheated, dashboard and group runs",
    )
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
