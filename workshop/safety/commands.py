"""The safety commands: `workshop safety check`, `workshop safety print-default`, `workshop flags`."""

from __future__ import annotations

import argparse
from typing import Any

from workshop.safety.checkin import GROUNDING_RISE, GROUNDING_THRESHOLD
from workshop.safety.flags import format_flags, parse_since
from workshop.safety.language import CATEGORIES
from workshop.safety.resources import (
    CONFIG_ENV,
    CONFIG_FILE_NAME,
    config_path,
    default_config_text,
    load_resources,
    resources_text,
)

_CATEGORY_LIST = ", ".join(CATEGORIES)
_CONFIG_HELP = f"""\
Crisis resources are shown on every page. By default they are the US services (988 Suicide & Crisis
Lifeline: call or text 988, chat at 988lifeline.org, press 1 for the Veterans Crisis Line; 911 for
immediate danger). To set your own, write a TOML file at ${CONFIG_ENV}, or else at
<data dir>/{CONFIG_FILE_NAME} (data dir: $WORKSHOP_DATA_DIR or your user data folder):

  region = "the United Kingdom"          # where these services work (shown to participants)
  intro = "..."                          # optional first sentence

  [[resource]]
  name = "Emergency services"
  when = "if you are in immediate danger" # optional
  call = "999"                            # and/or text = "...", chat = "https://..."
  # press = "1"   tty = "..."   text_keyword = "SHOUT"   note = "..."   (optional)

A resource with `categories = ["danger_from_others"]` is listed in the header's help like every other,
but in the panel that crisis language opens it appears only when the words matched one of those
categories. A [category.NAME] table sets that category's first sentence (intro = "...") and, with
replace = true, shows only the category's own resources in its panel instead of adding them to the
general ones. Categories: {_CATEGORY_LIST}.

A file with no resources, a malformed number or address, or an unknown key is refused: the server will
not start with it. `workshop safety print-default` prints the built-in file to start from. Check the
numbers yourself against the services' own published details before you use them.
"""


def _safety_check(args: argparse.Namespace) -> int:
    resources = load_resources()
    print(f"Crisis resources in force (from {resources.source}):\n")
    print(resources_text(resources))
    for category, label in CATEGORIES.items():
        own = [r.name for r in resources if category in r.categories]
        settings = resources.category_settings.get(category)
        if own or settings:
            how = "only" if settings and settings.replace else "added to the general ones"
            print(f"\nWhen the words suggest {label}: {', '.join(own) or '(no resources of its own)'} ({how}).")
            if settings and settings.intro:
                print(f"  First sentence: {settings.intro}")
    print(f"\nOK: {len(resources.resources)} resource(s), every number and address well formed.")
    if resources.source.startswith("built-in"):
        print(f"To use your own, see `workshop safety --help` (file: {config_path()}).")
    return _report_data_location()


def _report_data_location() -> int:
    """Where participants' answers are kept and whether other accounts can read them (1 if they can)."""
    from workshop import config, permissions
    from workshop.store import STORE_FILE

    lines, private = permissions.describe_location(config.data_dir(), STORE_FILE)
    print("\n" + "\n".join(lines))
    return 0 if private else 1


def _safety_print_default(args: argparse.Namespace) -> int:
    print(default_config_text(), end="")
    return 0


FOLLOW_POLL_S = 0.5


def _flags(args: argparse.Namespace) -> int:
    import time

    from workshop.store import ResponseStore

    since = parse_since(args.since) if args.since else None
    with ResponseStore.default() as store:
        flags = store.flags(since=since)
        if not flags:
            print("No flags" + (f" since {since.astimezone():%Y-%m-%d %H:%M}." if since else "."), flush=True)
        else:
            print(f"{len(flags)} flag(s); times are local. Please follow up as the safety guide describes.\n")
            print(format_flags(flags), flush=True)
        if not args.follow:
            return 0
        print("\nWaiting for new flags (Ctrl+C to stop)...", flush=True)
        seen = len(store.flags())
        while True:  # the store is append-only, so new flags are the ones past those already seen
            time.sleep(FOLLOW_POLL_S)
            every = store.flags()
            seen = min(seen, len(every))  # a participant's flags were erased meanwhile
            if len(every) > seen:
                print(format_flags(every[seen:]), flush=True)
                seen = len(every)


def add_commands(subparsers: Any) -> None:
    safety = subparsers.add_parser(
        "safety",
        help="check the crisis resources shown on every page",
        description=_CONFIG_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    safety_commands = safety.add_subparsers(title="commands", metavar="COMMAND")
    check = safety_commands.add_parser(
        "check",
        help="print the crisis resources in force and validate them",
        description=_CONFIG_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.set_defaults(func=_safety_check)
    default = safety_commands.add_parser("print-default", help="print the built-in resource file, to copy and edit")
    default.set_defaults(func=_safety_print_default)
    safety.set_defaults(func=lambda args: (safety.print_help(), 2)[1])

    flags = subparsers.add_parser(
        "flags",
        help="list safety flags (high distress, crisis language) to follow up",
        description=(
            "List the safety flags raised on the pages: a check-in or check-out at or above "
            f"{GROUNDING_THRESHOLD}, a rise of {GROUNDING_RISE} or more since the check-in, and free text "
            "that suggested suicide, self-harm, not being safe or danger from another person (with that "
            "text, what it suggested and the words that matched). Each line gives the time, participant "
            "code and module. Flags from live sessions and from imported submissions (marked 'found at "
            "import') are listed alike."
        ),
    )
    flags.add_argument(
        "--since", metavar="WHEN", help="only flags from then on: 7d, 12h, 30m, or a date/time like 2025-03-01T14:00"
    )
    flags.add_argument(
        "--follow",
        action="store_true",
        help="keep running and print each new flag as it is raised (keep it open during a group session; "
        "Ctrl+C stops it)",
    )
    flags.set_defaults(func=_flags)
