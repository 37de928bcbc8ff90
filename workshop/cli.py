"""The ``workshop`` command. Each command group lives beside the code it drives and adds itself here.

A command module defines ``add_commands(subparsers)``; each parser it adds sets ``func`` (called with
the parsed arguments, returns an exit code).

Commands run with umask 077 (``workshop.permissions``): what they create, and what the Voila server, its
kernels, nbgrader and formgrader create, is for this account only. A command that writes files other
accounts must read (``install-voila-template``) sets ``shared_files=True`` to keep the caller's umask.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from contextlib import nullcontext

from workshop.errors import WorkshopError
from workshop.permissions import private_umask

# Order is the order of `workshop --help`.
COMMAND_MODULES = [
    "workshop.server",
    "workshop.dashboard",
    "workshop.data_commands",
    "workshop.safety",
    "workshop.review.commands",
    "workshop.handouts",
    "workshop.hub.commands",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop",
        description=(
            "The Rejection Resilience Workshop: serve the modules, manage participants' answers, "
            "check safety settings and review submissions. Answers live in WORKSHOP_DATA_DIR "
            "(default: your user data folder)."
        ),
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    umask = nullcontext() if getattr(args, "shared_files", False) else private_umask()
    try:
        with umask:
            return int(args.func(args) or 0)
    except WorkshopError as error:
        print(f"workshop: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
