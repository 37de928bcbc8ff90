"""Hub benchmark: what each participant costs on a JupyterHub running the deployment's own configuration.

Starts a real JupyterHub and configurable-http-proxy (deploy/jupyterhub/jupyterhub_config.py, on free
loopback ports, state in a temporary folder), then through the hub's REST API starts N user servers one
after another (the time from the request until the hub reports the server ready), then opens each user's
start page once (over HTTP with the API token, as a participant's browser would fetch it: Voila runs every
cell and keeps the page's kernel), and measures memory (RSS, MiB) of:

- the hub and the proxy together;
- each user server alone, before any page is open;
- each user server with its start page's kernel.

It also starts N more servers at the same moment, to see a group arriving at once. Prints a table and
writes artifacts/bench/hub_servers.json. Nothing here asserts a time: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import signal
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from support.hub import Hub, hub_unavailable_reason  # noqa: E402

from workshop import participants  # noqa: E402

LANDING = "/voila/render/index.ipynb"


def mib(processes: list[psutil.Process]) -> float:
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total / 2**20


def user_server_trees(hub: Hub) -> dict[str, list[psutil.Process]]:
    """Each user's server process and everything it started (its kernels), by user name."""
    trees: dict[str, list[psutil.Process]] = {}
    for process in hub.server_processes():
        try:
            if "jupyterhub-singleuser" not in " ".join(process.cmdline()):
                continue
            name = process.environ().get("JUPYTERHUB_USER", "?")
            trees[name] = [process, *process.children(recursive=True)]
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return trees


def hub_and_proxy(hub: Hub) -> list[psutil.Process]:
    assert hub.process is not None
    found = [psutil.Process(hub.process.pid)]
    for process in psutil.Process(hub.process.pid).children():
        try:
            if "configurable-http-proxy" in " ".join(process.cmdline()):
                found.append(process)
        except psutil.NoSuchProcess:
            continue
    return found


def open_start_page(hub: Hub, name: str) -> float:
    """Fetch the user's start page as their browser would; Voila runs the page's cells in a new kernel."""
    request = urllib.request.Request(
        f"{hub.url}/user/{name}{LANDING}", headers={"Authorization": f"token {hub.api_token}"}
    )
    began = time.monotonic()
    with urllib.request.urlopen(request, timeout=300) as response:
        body = response.read()
    assert response.status == 200 and b"jupyter-config-data" in body, body[:300]
    return time.monotonic() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10, help="user servers started one after another (default 10)")
    parser.add_argument("--together", type=int, default=10, help="then this many more started at once (default 10)")
    args = parser.parse_args()
    # Stopped from outside (timeout, kill): still stop the hub and its servers on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    reason = hub_unavailable_reason()
    if reason:
        print(f"benchmark needs a hub: {reason}", file=sys.stderr)
        return 2
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="bench-hub-") as folder:
        hub = Hub(hub_dir=Path(folder) / "hub").start()
        try:
            report["hub_and_proxy_mib_idle"] = round(mib(hub_and_proxy(hub)), 1)
            # Participants' servers (names shaped like codes): the workshop's pages only, as participants get.
            names = [participants.new_code() for _ in range(args.users)]
            starts = [hub.start_server(name) for name in names]
            time.sleep(2)  # let start-up allocations settle before measuring
            trees = user_server_trees(hub)
            servers_mib = [mib(trees[name]) for name in names]
            pages = [open_start_page(hub, name) for name in names]
            time.sleep(2)
            trees = user_server_trees(hub)
            with_page_mib = [mib(trees[name]) for name in names]
            together = [participants.new_code() for _ in range(args.together)]
            together_times: dict[str, float] = {}

            def start(name: str) -> None:
                together_times[name] = hub.start_server(name)

            threads = [threading.Thread(target=start, args=(name,)) for name in together]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=600)
                assert not thread.is_alive(), "a server start did not return"
            report.update(
                users=args.users,
                start_s=[round(s, 2) for s in starts],
                server_mib=[round(m, 1) for m in servers_mib],
                first_page_s=[round(s, 2) for s in pages],
                server_with_page_mib=[round(m, 1) for m in with_page_mib],
                together=args.together,
                together_start_s=sorted(round(s, 2) for s in together_times.values()),
                hub_and_proxy_mib=round(mib(hub_and_proxy(hub)), 1),
            )
        finally:
            leftovers = hub.stop()
        report["leftover_processes"] = leftovers
    print_table(report)
    out = REPO / "artifacts" / "bench" / "hub_servers.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"\nwritten to {out.relative_to(REPO)}")
    return 0 if not report["leftover_processes"] else 1


def print_table(report: dict) -> None:  # type: ignore[type-arg]
    def line(label: str, values: list[float], unit: str) -> None:
        print(
            f"  {label:<44} median {statistics.median(values):7.2f} {unit}  min {min(values):7.2f}  max {max(values):7.2f}"
        )

    print(f"JupyterHub with the deployment's configuration, {report['users']} user servers started one by one:")
    line("server start (request to ready)", report["start_s"], "s")
    line("user server memory, no page open", report["server_mib"], "MiB")
    line("first start page (Voila runs its cells)", report["first_page_s"], "s")
    line("user server + start page kernel", report["server_with_page_mib"], "MiB")
    print(f"  hub and proxy: {report['hub_and_proxy_mib_idle']} MiB idle, {report['hub_and_proxy_mib']} MiB at the end")
    print(f"{report['together']} more servers requested at the same moment:")
    line("server start (request to ready)", report["together_start_s"], "s")
    if report["leftover_processes"]:
        print("processes left after the hub stopped:", *report["leftover_processes"], sep="\n  ")
    else:
        print("every process ended with the hub")


if __name__ == "__main__":
    sys.exit(main())
