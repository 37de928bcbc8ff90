"""`workshop export` and `workshop erase`: a participant's right to a copy of their answers and to erasure."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from workshop import participants, permissions
from workshop.errors import WorkshopError
from workshop.review import course as course_files
from workshop.review.course import CourseErasure
from workshop.store import ResponseStore


def export(args: argparse.Namespace) -> int:
    store = ResponseStore.default()
    code = participants.check_code(args.code, store)
    if args.format == "json":
        text = json.dumps(store.export(code), ensure_ascii=False, indent=2) + "\n"
    else:
        text = store.export_markdown(code)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        target = Path(args.output)
        if target.exists() and not args.force:
            raise WorkshopError(f"{target} exists already; choose another name or add --force.")
        # Only this account may read it (0600), whatever the umask: it holds the participant's own words.
        permissions.write_private(target, text)
        print(f"Wrote the answers of {code} to {target} (readable by this account only).", file=sys.stderr)
    return 0


@dataclass(frozen=True)
class Erasure:
    """What erasing one participant removed: rows of the answer store, and copies in the review course."""

    code: str
    store_rows: int
    course: CourseErasure
    # Under JupyterHub: the participant's own copies of what they submitted through nbgrader's exchange and of
    # the feedback they fetched (in their data folder). What the facilitator collected stays in the course.
    exchange_copies: int = 0

    def report(self) -> str:
        store = (
            f"{self.store_rows} stored rows removed from the answer store, and the store file rewritten so the text "
            "is gone"
            if self.store_rows
            else "the answer store held nothing for this code"
        )
        local = (
            f"\n{self.exchange_copies} file(s) of submissions and feedback kept for this participant on this "
            "server removed."
            if self.exchange_copies
            else ""
        )
        return f"Erased {self.code}: {store}.\n{self.course.summary()}{local}"


def erase_everywhere(code: str, store: ResponseStore, course_dir: Path | str | None = None) -> Erasure:
    """Erase ``code`` (normalized) from the answer store and from the nbgrader course on this machine."""
    from workshop.review.exchange import erase_local_copies

    course = course_files.erase_participant(code, course_dir)
    rows = store.erase(code) if store.participant_exists(code) else 0
    return Erasure(code, rows, course, erase_local_copies(code))


def _known_code(typed: str, store: ResponseStore) -> tuple[str, list[str]]:
    """The normalized code and what the course holds for it; refused when neither place knows it."""
    try:
        code = participants.check_code(typed, store)
    except participants.CodeError:
        if participants.problems(typed):
            raise
        code = participants.normalize(typed)
        copies = course_files.participant_copies(code)
        if not copies:
            raise
        return code, copies
    return code, course_files.participant_copies(code)


def erase(args: argparse.Namespace) -> int:
    store = ResponseStore.default()
    code, copies = _known_code(args.code, store)
    if not args.yes:
        if not sys.stdin.isatty():
            raise WorkshopError("Erasing cannot be undone. Add --yes to confirm when not at a terminal.")
        where = f"from {store.path}" + (f" and from the review course ({', '.join(copies)})" if copies else "")
        reply = input(f"Erase every answer of {code} {where}? This cannot be undone. Type 'erase': ")
        if reply.strip().lower() != "erase":
            print("Nothing was erased.")
            return 1
    erasure = erase_everywhere(code, store)
    print(erasure.report())
    return 1 if erasure.course.leftovers else 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write all of one participant's answers to a file",
        description="Export every revision of one participant's answers (JSON) or their latest answers as a readable "
        "Markdown document. Give the file to the participant; it holds their own words.",
    )
    parser.add_argument("code", help=f"the participant's code, e.g. {participants.example_code()}")
    parser.add_argument(
        "--format", choices=["json", "md"], default="json", help="json: every revision; md: readable (default: json)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of to standard output")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.set_defaults(func=export)

    parser = subparsers.add_parser(
        "erase",
        help="erase all of one participant's answers for good",
        description="Delete every answer, revision and safety flag of one participant, then rewrite the store file so "
        "the text is gone from the disk. Also remove their copies in the review course on this computer "
        "(submitted, autograded and feedback folders, and their gradebook rows) and say what was removed. "
        "Export first if the participant wants a copy.",
    )
    parser.add_argument("code", help="the participant's code")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.set_defaults(func=erase)
