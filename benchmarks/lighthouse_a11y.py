"""Lighthouse's accessibility score at phone size for the start page and every module page (gallery too).

Not part of `make test` or `make bench`: it needs Node and the npm `lighthouse` package, which the project
does not install. Run it by hand:

    npm install --prefix /tmp/lh lighthouse
    .venv/bin/python benchmarks/lighthouse_a11y.py --npm-prefix /tmp/lh

It starts the real `workshop serve` on a fresh data folder, registers a participant code (so module pages
are in their normal, saving state, not practice mode), and runs benchmarks/lighthouse_a11y.mjs on each
page in Debian's Chromium. Prints one line per page (score, then any failing audit) and writes
artifacts/bench/lighthouse.json. Nothing leaves 127.0.0.1: the script fails if a request would.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from support.server import new_registered_code, run_workshop_server  # noqa: E402

from workshop.exercises import module_index  # noqa: E402
from workshop.store import STORE_FILE, ResponseStore  # noqa: E402

SCRIPT = REPO / "benchmarks" / "lighthouse_a11y.mjs"
OUTPUT = REPO / "artifacts" / "bench" / "lighthouse.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--npm-prefix", type=Path, required=True, help="the folder `npm install --prefix` used")
    args = parser.parse_args()
    if not (args.npm_prefix / "node_modules" / "lighthouse").is_dir():
        parser.error(f"no lighthouse package in {args.npm_prefix}/node_modules (npm install --prefix ... lighthouse)")
    # Node resolves an ES module's imports from the folder the script is in: run a copy beside node_modules.
    script = args.npm_prefix / SCRIPT.name
    shutil.copyfile(SCRIPT, script)
    modules = module_index()[0]  # the gallery too (not listed for participants): it shows every kind
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as data, run_workshop_server(Path(data)) as server:
        with ResponseStore(Path(data) / STORE_FILE) as store:
            code = new_registered_code(store)
        pages = [{"name": "start page", "url": server.page_url("/")}]
        pages += [{"name": m.key, "url": server.page_url(f"/voila/render/{m.notebook}", p=code)} for m in modules]
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        run = subprocess.run(
            ["node", str(script), json.dumps(pages)], capture_output=True, text=True, env=env, cwd=args.npm_prefix
        )
    if run.returncode != 0 and not run.stdout.strip():
        print(run.stderr[-4000:], file=sys.stderr)
        return run.returncode
    report = json.loads(run.stdout)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(report, indent=2), encoding="utf-8")
    for result in report["results"]:
        print(f"{result['name']:<20} {result['score']:>4}")
        for audit in result["failing"]:
            print(f"    {audit['id']}: {audit['title']} {audit['items']}")
    for url in report["outside"]:
        print(f"request left the machine: {url}")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
