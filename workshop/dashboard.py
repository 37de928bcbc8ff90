"""`workshop dashboard`: the facilitator's view of a group, a Voila app of its own on this computer only.

It serves the notebooks in ``dashboard/`` (never the curriculum) with the same page template, Content
Security Policy and kernel settings as `workshop serve` (``workshop.server``), but always on 127.0.0.1, with
a token of its own made at each start, and every request without that token answered 403: a participant's
link opens nothing here, and this link opens no participant's page. The page shows the group named by
--cohort (default: the group seen most recently), and can switch to any other or to everyone.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shlex
import shutil
import tempfile
from pathlib import Path
from urllib.parse import quote

from workshop import config
from workshop.errors import WorkshopError
from workshop.locations import bundled_folder

DEFAULT_PORT = 8867
DASHBOARD_NOTEBOOK = "dashboard.ipynb"
GROUP_NOTEBOOK = "group.ipynb"
DASHBOARD_PATH = f"/voila/render/{DASHBOARD_NOTEBOOK}"
# The kernels learn which group to show first (widgets.dashboard reads it).
COHORT_VARIABLE = "WORKSHOP_DASHBOARD_COHORT"
# Set only in the kernels of `workshop dashboard`: the pages show nothing anywhere else (a Jupyter server
# with Voila as an extension, Binder), where they would not be behind the dashboard's own token.
SERVED_VARIABLE = "WORKSHOP_DASHBOARD"
# One kernel kept ready: the dashboard opens without waiting for Python to start and import.
POOL = 1


def dashboard_dir() -> Path:
    """The dashboard's notebooks: $WORKSHOP_DASHBOARD_DIR, else the repository's dashboard/ folder in a
    checkout, else the copy the installed package carries."""
    configured = os.environ.get("WORKSHOP_DASHBOARD_DIR")
    if configured:
        return Path(configured).expanduser().resolve()
    return bundled_folder("dashboard")


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "dashboard",
        help="the facilitator's dashboard of a group: who is here, distress now, flags, progress, practice, change",
        description=(
            "Open the facilitator's dashboard in the web browser: each participant's latest distress rating, "
            "new safety flags (acknowledge them with a note), progress through the modules, practice logs, the "
            "welcome and closing measures, and CSV export. It runs on this computer only (127.0.0.1) with an "
            "access token of its own: participants' links cannot open it. Keep it open during a session; it "
            "refreshes by itself. A group view with totals only (nothing from fewer than 3 people) is linked "
            "from it, for a shared screen."
        ),
        epilog=(
            "Examples:\n"
            '  workshop dashboard --cohort "Tuesday group"   the group `workshop serve --group --cohort` named\n'
            "  workshop dashboard                           the group seen most recently\n"
            "Answers are read from WORKSHOP_DATA_DIR (default: your user data folder), the same place "
            "`workshop serve` keeps them."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--cohort",
        metavar="NAME",
        help="the group to show first, as named by `workshop serve --group --cohort NAME` (default: the group "
        "seen most recently; the page can switch to any other, or to everyone)",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port on 127.0.0.1 (default {DEFAULT_PORT})")
    parser.add_argument("--no-browser", action="store_true", help="print the link instead of opening a browser")
    parser.set_defaults(func=run_dashboard)


def check_cohort(name: str | None) -> str | None:
    from workshop.store import COHORT_NAME, COHORT_NAME_RULE

    if name is None:
        return None
    name = name.strip()
    if not COHORT_NAME.match(name):
        raise WorkshopError(f"--cohort {name!r}: {COHORT_NAME_RULE}")
    return name


def dashboard_url(port: int, token: str, cohort: str | None) -> str:
    query = f"token={quote(token)}" + (f"&cohort={quote(cohort)}" if cohort else "")
    return f"http://127.0.0.1:{port}{DASHBOARD_PATH}?{query}"


def run_dashboard(args: argparse.Namespace) -> int:
    from workshop import server

    cohort = check_cohort(args.cohort)
    root = dashboard_dir()
    if not (root / DASHBOARD_NOTEBOOK).is_file():
        raise WorkshopError(f"no dashboard at {root / DASHBOARD_NOTEBOOK}; is WORKSHOP_DASHBOARD_DIR right?")
    server.secure_data_location()
    token = server.generate_token()

    runtime_dir = Path(tempfile.mkdtemp(prefix="workshop-dashboard-"))
    atexit.register(shutil.rmtree, runtime_dir, ignore_errors=True)
    server.prepare_template_dir(runtime_dir)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(runtime_dir), os.environ.get("JUPYTER_PATH")]))
    # The kernels are the facilitator's, not a participant's: no group mode, no participants' cohort.
    for name in ("WORKSHOP_GROUP_MODE", config.COHORT_VARIABLE, "VOILA_WS_PROTOCOL", server.TLS_CERT_VARIABLE):
        os.environ.pop(name, None)
    if cohort is not None:
        os.environ[COHORT_VARIABLE] = cohort
    else:
        os.environ.pop(COHORT_VARIABLE, None)
    os.environ["VOILA_APP_IP"] = server.DEFAULT_IP
    os.environ[SERVED_VARIABLE] = "1"

    settings = argparse.Namespace(ip=server.DEFAULT_IP, port=args.port, group=False, pool=None, module_pool=None)
    pools = {"default": {"pool_size": 0}, DASHBOARD_NOTEBOOK: {"pool_size": POOL}, GROUP_NOTEBOOK: {"pool_size": 0}}
    voila_class = server._workshop_voila_class(landing_path=DASHBOARD_PATH, facilitator_only=True)
    app = voila_class(config=server.voila_config(settings, token, root, pools=pools))
    url = dashboard_url(args.port, token, cohort)
    app.announce = lambda: _announce(url, cohort, open_browser=not args.no_browser)
    app.initialize([])
    try:
        app.start()
    finally:
        shutil.rmtree(runtime_dir, ignore_errors=True)
    return 0


def _announce(url: str, cohort: str | None, *, open_browser: bool) -> None:
    import webbrowser

    shown = f"the group {cohort!r}" if cohort else "the group seen most recently"
    print(
        f"\nThe facilitator dashboard is running on this computer only, showing {shown}. Open it with this link "
        f"(it carries the dashboard's own access token; do not share it):\n\n    {url}\n\n"
        f"The group view for a shared screen is linked from the dashboard. Press Ctrl+C to stop.\n"
        f"To show another group: workshop dashboard --cohort {shlex.quote('NAME')}\n",
        flush=True,
    )
    if open_browser:
        webbrowser.open(url)
