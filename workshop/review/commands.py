"""`workshop review ...`: build the course, import downloads, autograde, open formgrader, make feedback."""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

from workshop import config
from workshop.review import course as course_files


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    review = subparsers.add_parser(
        "review",
        help="review participants' work with nbgrader (build, import or release and collect, autograde, open, feedback)",
        description=(
            "Facilitator review with nbgrader. Typical order: build, then collect submissions (group mode "
            "puts them in the course; under JupyterHub `release` the modules and `collect` what participants "
            "submit through nbgrader's exchange; otherwise `import` the files participants send), autograde, "
            "open formgrader to read and comment, then feedback."
        ),
    )
    commands = review.add_subparsers(title="review commands", metavar="COMMAND")

    def add(name: str, help_text: str, func) -> argparse.ArgumentParser:
        parser = commands.add_parser(name, help=help_text, description=help_text)
        parser.add_argument(
            "--course-dir", type=Path, default=None, help="the nbgrader course (default: WORKSHOP_DATA_DIR/course)"
        )
        parser.set_defaults(func=func)
        return parser

    add("build", "create or update the nbgrader course: one assignment per module", _build)
    importer = add("import", "import submissions that participants downloaded and sent you", _import)
    importer.add_argument("files", nargs="+", type=Path, metavar="FILE", help="downloaded .ipynb submissions")
    grader = add("autograde", "autograde every new or re-sent submission", _autograde)
    grader.add_argument("--force", action="store_true", help="grade every submission again")
    opener = add("open", "start JupyterLab with formgrader on the course (this computer only)", _open)
    opener.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    opener.add_argument("--no-browser", action="store_true", help="print the address instead of opening it")
    add(
        "feedback",
        "generate feedback HTML from your comments, for every graded submission (and release it to nbgrader's "
        "exchange when one is configured)",
        _feedback,
    )
    add("release", "release every module to nbgrader's exchange (builds the course first if needed)", _release)
    add("collect", "collect participants' submissions from nbgrader's exchange into the course", _collect)
    review.set_defaults(func=lambda _args: review.print_help() or 2)


def _build(args: argparse.Namespace) -> int:
    from workshop.review.build import build_course

    report = build_course(args.course_dir)
    for label, keys in (("created", report.created), ("updated", report.updated), ("unchanged", report.unchanged)):
        if keys:
            print(f"{label}: {', '.join(keys)}")
    print(f"Course: {report.course}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from workshop.review.importer import import_submissions

    results = import_submissions(args.files, args.course_dir)
    for result in results:
        who = f" ({result.module}, {result.participant})" if result.participant else ""
        print(f"{result.path.name}{who}: {result.reason}")
    refused = sum(1 for r in results if r.reason.startswith("refused"))
    print(f"{sum(r.imported for r in results)} imported, {refused} refused, {len(results)} file(s) in all.")
    return 1 if refused else 0


def _autograde(args: argparse.Namespace) -> int:
    from workshop.review.autograde import autograde

    results = autograde(args.course_dir, force=args.force)
    for result in results:
        if not result.ok:
            print(f"{result.module}, {result.participant}: not graded: {result.message}", file=sys.stderr)
    print(f"{sum(r.ok for r in results)} submission(s) graded, {sum(not r.ok for r in results)} failed.")
    return 0 if all(r.ok for r in results) else 1


def _feedback(args: argparse.Namespace) -> int:
    from workshop.review.feedback import generate_feedback

    results = generate_feedback(args.course_dir)
    for result in results:
        if not result.ok:
            print(f"{result.module}, {result.participant}: no feedback: {result.message}", file=sys.stderr)
    course = course_files.resolve(args.course_dir)
    print(f"{sum(r.ok for r in results)} feedback file(s) in {course / 'feedback'}.")
    released_ok = True
    if config.exchange_configured():
        from workshop.review.exchange import release_feedback

        released = release_feedback(course)
        released_ok = all(r.ok for r in released)
        fresh = sum(r.status == "released" for r in released)
        print(
            f"{fresh} feedback page(s) released to the exchange ({course_files.exchange_root(course)}), "
            f"{len(released) - fresh} already there. Participants see them on their start page."
        )
    return 0 if all(r.ok for r in results) and released_ok else 1


def _release(args: argparse.Namespace) -> int:
    from workshop.review.exchange import release

    outcomes = release(args.course_dir)
    for status in ("released", "unchanged"):
        keys = [o.module for o in outcomes if o.status == status]
        if keys:
            print(f"{status}: {', '.join(keys)}")
    print(f"Exchange: {course_files.exchange_root(course_files.resolve(args.course_dir))}")
    return 0


def _collect(args: argparse.Namespace) -> int:
    from workshop.review.exchange import collect

    outcomes = collect(args.course_dir)
    for outcome in outcomes:
        if outcome.status != "unchanged":
            who = f", {outcome.participant}" if outcome.participant else ""
            print(f"{outcome.module}{who}: {outcome.message}")
    counts = {status: sum(o.status == status for o in outcomes) for status in ("collected", "unchanged", "refused")}
    print(
        f"{counts['collected']} submission(s) collected, {counts['unchanged']} already in the course, "
        f"{counts['refused']} refused. Next: `workshop review autograde`."
    )
    return 1 if counts["refused"] else 0


# formgrader's grading view needs the MathJax 2 global (formgrade.js waits on it before wiring up the comment
# boxes), and its template loads MathJax from a CDN whatever the config says. This Jupyter data folder holds a
# formgrade/mathjax.html.j2 that nbconvert finds first; it loads the copy jupyter-server-mathjax serves.
JUPYTER_DATA = Path(__file__).resolve().parent / "jupyter_data"


def lab_command(course: Path, port: int, token: str, open_browser: bool) -> list[str]:
    """JupyterLab for formgrader: this computer only, a token, and nothing fetched from the internet."""
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={course}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.open_browser={open_browser}",
        # JupyterLab would otherwise fetch its news feed and check PyPI for updates and extensions.
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        "--ServerApp.default_url=/formgrader",
    ]
    # Jupyter refuses to start as root unless told to; in a container or CI job root is the only user.
    if _running_as_root():
        command.append("--ServerApp.allow_root=True")
    return command


def _running_as_root() -> bool:
    return getattr(os, "geteuid", lambda: -1)() == 0  # Windows has no geteuid (and no root)


def _open(args: argparse.Namespace) -> int:
    course = course_files.resolve(args.course_dir)
    course_files.require_course(course)
    token = secrets.token_urlsafe(24)
    # Jupyter logs a token it was given as "token=...", so this command prints the address itself, and
    # needs the port for it: a free one is picked here rather than by Jupyter.
    port = args.port or _free_port()
    environment = dict(os.environ)
    environment["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), environment.get("PATH", "")])
    environment["JUPYTER_PATH"] = os.pathsep.join(p for p in [str(JUPYTER_DATA), environment.get("JUPYTER_PATH")] if p)
    print("Starting JupyterLab with formgrader on this computer only. Press Ctrl+C to stop.")
    print("Formgrader (this address includes a private token; do not share it):")
    print(f"    http://127.0.0.1:{port}/formgrader?token={token}", flush=True)
    # cwd: nbgrader's formgrader reads nbgrader_config.py from the folder it starts in.
    completed = subprocess.run(
        lab_command(course, port, token, not args.no_browser), cwd=course, env=environment, check=False
    )
    return completed.returncode


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
