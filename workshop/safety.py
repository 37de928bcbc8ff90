"""The safety layer's core: crisis resources, the crisis-language check, distress check-ins, flags.

Nothing here draws a widget (``widgets/crisis.py`` and ``widgets/checkin.py`` do); everything here is a
plain function a test can call.

Crisis resources
    The default set is the US one checked in the project's references (988 Suicide & Crisis Lifeline:
    call or text 988, chat at 988lifeline.org, press 1 for the Veterans Crisis Line; 911 for immediate
    danger). A clinic elsewhere writes its own in a TOML file (``$WORKSHOP_CRISIS_CONFIG``, else
    ``<data dir>/crisis_resources.toml``). A file that is wrong in any way is refused with a message
    naming the problem: wrong help numbers are a known failure of mental-health apps, so we never fall
    back silently to something the clinic did not ask for.

Crisis language
    ``check_crisis_language(text)`` (in ``workshop/crisis_language.py``) says whether free text suggests
    the writer may be at risk, with the category (thoughts of suicide, a plan or means, preparations,
    self-harm, danger from another person...) and the words that matched, so that the page can show the
    resources at once and the flag can say why. ``mentions_crisis(text)`` is its yes or no. It is a
    backstop that shows help, not a screening tool or a risk assessment.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from importlib import resources as package_files
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from workshop.crisis_language import CATEGORIES as CATEGORIES
from workshop.crisis_language import DANGER_FROM_OTHERS as DANGER_FROM_OTHERS
from workshop.crisis_language import CrisisCheck as CrisisCheck
from workshop.crisis_language import CrisisMatch as CrisisMatch
from workshop.crisis_language import check_crisis_language as check_crisis_language
from workshop.crisis_language import mentions_crisis as mentions_crisis
from workshop.crisis_language import normalize_for_check as normalize_for_check
from workshop.errors import WorkshopError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_ENV = "WORKSHOP_CRISIS_CONFIG"
CONFIG_FILE_NAME = "crisis_resources.toml"

# Flag kinds recorded in the store (``workshop flags`` lists them).
FLAG_DISTRESS = "distress"
FLAG_CRISIS_LANGUAGE = "crisis_language"

# A check-in or check-out at or above this, or a rise this big since the module's check-in, offers
# grounding, a pause and the resources.
GROUNDING_THRESHOLD = 70
GROUNDING_RISE = 30

# ------------------------------------------------------------------------------------------------
# Crisis resources
# ------------------------------------------------------------------------------------------------

_TOP_KEYS = {"region", "intro", "resource", "category"}
_RESOURCE_KEYS = {"name", "when", "call", "press", "tty", "text", "text_keyword", "chat", "note", "categories"}
_CATEGORY_KEYS = {"intro", "replace"}
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-.]*$")
_PRESS = re.compile(r"^[0-9*#]{1,4}$")
_KEYWORD = re.compile(r"^[A-Za-z0-9]{1,20}$")

DEFAULT_INTRO = "If you are thinking about suicide or hurting yourself, or you do not feel safe, please reach out now."


@dataclass(frozen=True)
class Resource:
    """One place to get help. At least one of ``call``, ``text`` or ``chat`` is set.

    ``categories`` empty: shown wherever help is shown. Otherwise shown in the header's list and, in the
    panel that crisis language opens, only when the words matched one of these categories (for example
    ``danger_from_others`` for a domestic violence line).
    """

    name: str
    when: str = ""  # who or what it is for, e.g. "if you are in immediate danger"
    call: str = ""  # a phone number
    press: str = ""  # what to press once connected, e.g. "1"
    tty: str = ""  # a number for TTY (text telephone) users
    text: str = ""  # a number to text
    text_keyword: str = ""  # a word to send, for text lines that need one
    chat: str = ""  # an http(s) address of an online chat
    note: str = ""
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class CategorySettings:
    """A clinic's settings for one crisis-language category: its own first sentence, and whether its
    resources replace the general ones in its panel (``replace = true``) or are added to them."""

    intro: str = ""
    replace: bool = False


@dataclass(frozen=True)
class CrisisResources:
    region: str
    resources: tuple[Resource, ...]
    intro: str = DEFAULT_INTRO
    source: str = "built-in default"
    category_settings: dict[str, CategorySettings] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.resources)

    def for_category(self, category: str | None = None) -> tuple[Resource, ...]:
        """The resources to show: all of them (``None``: the header, the welcome and closing pages), or the
        panel for one crisis-language category (the general ones, unless the category replaces them, and
        the category's own)."""
        if category is None:
            return tuple(r for r in self.resources if not r.categories) + tuple(
                r for r in self.resources if r.categories
            )
        own = tuple(r for r in self.resources if category in r.categories)
        if self.category_settings.get(category, CategorySettings()).replace:
            return own
        return tuple(r for r in self.resources if not r.categories) + own

    def intro_for(self, category: str | None = None) -> str:
        settings = self.category_settings.get(category or "")
        return settings.intro if settings and settings.intro else self.intro


def config_path() -> Path:
    """The clinic's crisis-resource file: $WORKSHOP_CRISIS_CONFIG, else <data dir>/crisis_resources.toml."""
    configured = os.environ.get(CONFIG_ENV)
    if configured:
        return Path(configured).expanduser()
    from workshop.config import data_dir

    return data_dir() / CONFIG_FILE_NAME


def default_config_text() -> str:
    """The built-in US resources, as a TOML file a clinic can copy and edit."""
    return package_files.files("workshop.data").joinpath(CONFIG_FILE_NAME).read_text(encoding="utf-8")


def _digits(number: str) -> str:
    return re.sub(r"[^0-9]", "", number)


def _check_phone(value: str, where: str, key: str) -> None:
    if not _PHONE.match(value) or not 2 <= len(_digits(value)) <= 15:
        raise WorkshopError(
            f"{where}: {key!r} is not a phone number: {value!r}. Use digits, with spaces, +, -, dots or "
            'brackets if you like (2 to 15 digits), e.g. "988" or "+44 116 123".'
        )


def _category_names() -> str:
    return ", ".join(CATEGORIES)


def _check_category(value: object, where: str) -> str:
    if not isinstance(value, str) or value not in CATEGORIES:
        raise WorkshopError(f"{where}: {value!r} is not a crisis-language category; use one of: {_category_names()}.")
    return value


def _check_url(value: str, where: str) -> None:
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.netloc or " " in value or "." not in parts.netloc:
        raise WorkshopError(
            f"{where}: 'chat' must be a full web address such as \"https://988lifeline.org\", not {value!r}."
        )


def parse_resources(text: str, source: str) -> CrisisResources:
    """Read and validate a crisis-resource TOML text; raise WorkshopError naming ``source`` and the problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise WorkshopError(f"{source}: this is not valid TOML ({error}).") from None
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise WorkshopError(f"{source}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_TOP_KEYS)}.")
    region = data.get("region")
    if not isinstance(region, str) or not region.strip():
        raise WorkshopError(f"{source}: 'region' must name where these services work, e.g. \"the United States\".")
    intro = data.get("intro", DEFAULT_INTRO)
    if not isinstance(intro, str) or not intro.strip():
        raise WorkshopError(f"{source}: 'intro' must be a sentence of text (or left out).")
    raw_categories = data.get("category", {})
    if not isinstance(raw_categories, dict):
        raise WorkshopError(f"{source}: 'category' must be tables like [category.danger_from_others].")
    settings: dict[str, CategorySettings] = {}
    for name, raw in raw_categories.items():
        where = f"{source}: [category.{name}]"
        _check_category(name, where)
        if not isinstance(raw, dict):
            raise WorkshopError(f"{where}: must be a table with 'intro' and/or 'replace'.")
        unknown = set(raw) - _CATEGORY_KEYS
        if unknown:
            raise WorkshopError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_CATEGORY_KEYS)}.")
        category_intro = raw.get("intro", "")
        if not isinstance(category_intro, str):
            raise WorkshopError(f"{where}: 'intro' must be a sentence of text in quotes.")
        replace = raw.get("replace", False)
        if not isinstance(replace, bool):
            raise WorkshopError(f"{where}: 'replace' must be true or false (no quotes).")
        settings[name] = CategorySettings(intro=category_intro.strip(), replace=replace)
    raw_resources = data.get("resource", [])
    if not isinstance(raw_resources, list) or not raw_resources:
        raise WorkshopError(
            f"{source}: no crisis resources are listed. Add at least one [[resource]] with a name and a "
            "number to call or text (or a chat address)."
        )
    parsed = []
    for n, raw in enumerate(raw_resources, start=1):
        where = f"{source}: resource #{n}"
        if not isinstance(raw, dict):
            raise WorkshopError(f"{where}: each resource must be a [[resource]] table.")
        unknown = set(raw) - _RESOURCE_KEYS
        if unknown:
            raise WorkshopError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_RESOURCE_KEYS)}.")
        for key, value in raw.items():
            if key == "categories":
                if not isinstance(value, list) or not value:
                    raise WorkshopError(
                        f'{where}: \'categories\' must be a list of category names, e.g. categories = ["{DANGER_FROM_OTHERS}"].'
                    )
                for category in value:
                    _check_category(category, where)
            elif not isinstance(value, str):
                raise WorkshopError(f'{where}: {key!r} must be text in quotes, e.g. {key} = "988".')
        name = raw.get("name", "").strip()
        if not name:
            raise WorkshopError(f"{where}: 'name' is missing.")
        where = f"{source}: resource #{n} ({name!r})"
        if not any(raw.get(k, "").strip() for k in ("call", "text", "chat")):
            raise WorkshopError(f"{where}: give at least one way to reach it: 'call', 'text' or 'chat'.")
        for key in ("call", "tty", "text"):
            if raw.get(key):
                _check_phone(raw[key].strip(), where, key)
        if raw.get("chat"):
            _check_url(raw["chat"].strip(), where)
        if raw.get("press") and not (raw.get("call") and _PRESS.match(raw["press"].strip())):
            raise WorkshopError(
                f"{where}: 'press' must be a key or two to press on a call (e.g. \"1\"), with 'call' set."
            )
        if raw.get("text_keyword") and not (raw.get("text") and _KEYWORD.match(raw["text_keyword"].strip())):
            raise WorkshopError(f"{where}: 'text_keyword' must be one word to text, with 'text' set.")
        fields = {k: v.strip() for k, v in raw.items() if k != "categories"}
        parsed.append(Resource(**fields, categories=tuple(dict.fromkeys(raw.get("categories", ())))))
    for name, setting in settings.items():
        if setting.replace and not any(name in r.categories for r in parsed):
            raise WorkshopError(
                f"{source}: [category.{name}] has replace = true but no [[resource]] lists {name!r} in its "
                "'categories': its panel would show no one to reach."
            )
    return CrisisResources(
        region=region.strip(), intro=intro.strip(), resources=tuple(parsed), source=source, category_settings=settings
    )


def load_resources() -> CrisisResources:
    """The crisis resources in force: the clinic's file if there is one, else the built-in US set.

    A file named by $WORKSHOP_CRISIS_CONFIG must exist. Any problem raises WorkshopError (call this when
    the server starts, so that a bad file stops it instead of showing wrong numbers to someone in need).
    """
    path = config_path()
    explicitly_set = bool(os.environ.get(CONFIG_ENV))
    if path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise WorkshopError(f"{path}: cannot read the crisis-resource file ({error}).") from None
        return parse_resources(text, str(path))
    if explicitly_set:
        raise WorkshopError(f"{CONFIG_ENV} names {path}, which does not exist. Fix the path or unset {CONFIG_ENV}.")
    return parse_resources(default_config_text(), "built-in default (United States)")


def _link(href: str, label: str, external: bool = False) -> str:
    extra = ' target="_blank" rel="noopener noreferrer"' if external else ""
    return f'<a href="{html.escape(href, quote=True)}"{extra}>{html.escape(label)}</a>'


def _ways_html(resource: Resource) -> str:
    ways = []
    if resource.call:
        way = "call " + _link(f"tel:{_digits(resource.call)}", resource.call)
        if resource.press:
            way += f", then press {html.escape(resource.press)}"
        ways.append(way)
    if resource.tty:
        ways.append("TTY " + _link(f"tel:{_digits(resource.tty)}", resource.tty))
    if resource.text:
        number = _link(f"sms:{_digits(resource.text)}", resource.text)
        if resource.text_keyword:
            ways.append(f"text {html.escape(resource.text_keyword)} to {number}")
        else:
            ways.append(f"text {number}")
    if resource.chat:
        shown = urlsplit(resource.chat)
        label = (shown.netloc + shown.path).rstrip("/")
        ways.append("chat at " + _link(resource.chat, label, external=True))
    if len(ways) == 1:
        return ways[0]
    return ", ".join(ways[:-1]) + " or " + ways[-1]


def resources_html(resources: CrisisResources | None = None, category: str | None = None) -> str:
    """The resources as an HTML fragment (every piece of configured text escaped).

    ``category``: the crisis-language category whose panel this is (see ``CrisisResources.for_category``);
    ``None`` lists every resource.
    """
    resources = resources or load_resources()
    items = []
    for resource in resources.for_category(category):
        when = f" ({html.escape(resource.when)})" if resource.when else ""
        note = f" {html.escape(resource.note)}" if resource.note else ""
        items.append(f"<li><strong>{html.escape(resource.name)}</strong>{when}: {_ways_html(resource)}.{note}</li>")
    return (
        '<div class="crisis-resources">'
        f'<p class="crisis-intro">{html.escape(resources.intro_for(category))}</p>'
        f'<ul class="crisis-list">{"".join(items)}</ul>'
        f'<p class="crisis-region">These are services in {html.escape(resources.region)}. '
        "If you are somewhere else and in danger now, call your local emergency number.</p>"
        "</div>"
    )


def resources_text(resources: CrisisResources | None = None, category: str | None = None) -> str:
    """The resources as plain text (for the terminal and for printed plan cards)."""
    resources = resources or load_resources()
    lines = [resources.intro_for(category)]
    for resource in resources.for_category(category):
        ways = []
        if resource.call:
            ways.append(f"call {resource.call}" + (f", then press {resource.press}" if resource.press else ""))
        if resource.tty:
            ways.append(f"TTY {resource.tty}")
        if resource.text:
            ways.append(
                f"text {resource.text_keyword} to {resource.text}" if resource.text_keyword else f"text {resource.text}"
            )
        if resource.chat:
            ways.append(f"chat at {resource.chat}")
        when = f" ({resource.when})" if resource.when else ""
        note = f" {resource.note}" if resource.note else ""
        lines.append(f"- {resource.name}{when}: {', '.join(ways)}.{note}")
    lines.append(f"These are services in {resources.region}.")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------
# Crisis language: workshop/crisis_language.py (re-exported here for the pages and the commands)
# ------------------------------------------------------------------------------------------------

# ------------------------------------------------------------------------------------------------
# Check-in and check-out
# ------------------------------------------------------------------------------------------------

def grounding_reasons(
    value: int | None,
    checkin: int | None = None,
    *,
    threshold: int = GROUNDING_THRESHOLD,
    rise: int = GROUNDING_RISE,
) -> list[str]:
    """Why a distress rating calls for grounding (empty list: it does not).

    ``checkin`` is the module's check-in value when ``value`` is a check-out (or a later rating).
    """
    if value is None:
        return []
    reasons = []
    if value >= threshold:
        reasons.append(f"distress {value} is at or above {threshold}")
    if checkin is not None and value - checkin >= rise:
        reasons.append(f"distress rose by {value - checkin} since the check-in ({checkin} to {value})")
    return reasons


def needs_grounding(value: int | None, checkin: int | None = None, **limits: int) -> bool:
    """True when a check-in/out value (or its rise since the check-in) calls for grounding."""
    return bool(grounding_reasons(value, checkin, **limits))


class FlagStore(Protocol):
    def record_flag(self, participant: str | None, module: str, kind: str, details: dict[str, Any]) -> None: ...


def record_distress(
    store: FlagStore, participant: str | None, exercise_id: str, value: int, checkin: int | None = None
) -> bool:
    """Record a distress flag when the rating calls for grounding; return whether it did."""
    reasons = grounding_reasons(value, checkin)
    if reasons:
        details: dict[str, Any] = {"exercise_id": exercise_id, "value": value, "reasons": reasons}
        if checkin is not None:
            details["checkin"] = checkin
        store.record_flag(participant, exercise_id.split(".", 1)[0], FLAG_DISTRESS, details)
    return bool(reasons)


def record_crisis_language(store: FlagStore, participant: str | None, exercise_id: str, text: str) -> CrisisCheck:
    """Record a crisis-language flag when ``text`` calls for one; return what the check found (falsy: nothing).

    The flag's details hold the text that raised it, its category (e.g. ``danger_from_others``), every
    category matched and the words that matched, so ``workshop flags`` can say why it was raised.
    """
    check = check_crisis_language(text)
    if check:
        details = crisis_flag_details(exercise_id, text, check)
        store.record_flag(participant, exercise_id.split(".", 1)[0], FLAG_CRISIS_LANGUAGE, details)
    return check


def crisis_flag_details(exercise_id: str, text: str, check: CrisisCheck) -> dict[str, Any]:
    """What a crisis-language flag records: the text, its category, every category matched, the words."""
    return {
        "exercise_id": exercise_id,
        "text": text,
        "category": check.category,
        "categories": list(check.categories),
        "words": check.words,
    }


# ------------------------------------------------------------------------------------------------
# Commands: `workshop safety check`, `workshop flags`
# ------------------------------------------------------------------------------------------------

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

_DURATION = re.compile(r"^(\d+)\s*([dhm])$")


def parse_since(text: str) -> datetime:
    """A time to list flags from: "7d", "12h", "30m", or an ISO date/time (local time unless it says otherwise)."""
    text = text.strip()
    match = _DURATION.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        delta = {"d": timedelta(days=amount), "h": timedelta(hours=amount), "m": timedelta(minutes=amount)}[unit]
        return datetime.now(timezone.utc) - delta
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise WorkshopError(
            f"--since {text!r}: give a date like 2025-03-01, a time like 2025-03-01T14:00, or an age like 7d or 12h."
        ) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a facilitator types their local time
    return moment.astimezone(timezone.utc)


def describe_flag_details(kind: str, details: dict[str, Any]) -> str:
    """One line about what raised a flag, for the facilitator."""
    exercise = str(details.get("exercise_id") or details.get("exercise") or "")
    if kind == FLAG_CRISIS_LANGUAGE:
        text = " / ".join(line.strip() for line in str(details.get("text", "")).splitlines() if line.strip())
        categories = [c for c in details.get("categories") or [details.get("category")] if c]
        if not categories:  # a flag recorded before categories were
            return f'crisis language in {exercise}: "{text}"'
        why = "; ".join(CATEGORIES.get(c, str(c)) for c in categories)
        return f'crisis language in {exercise} ({why}; words: "{details.get("words", "")}"): "{text}"'
    if kind == FLAG_DISTRESS:
        name = exercise.split(".", 1)[-1].replace("_", "-")
        described = f"{name} distress {details.get('value')}"
        if details.get("checkin") is not None:
            described += f" (check-in was {details['checkin']})"
        return described
    return f"{kind}: {details}"


def format_flags(flags: Iterable[Any]) -> str:
    rows = []
    for flag in flags:
        when = flag.raised_at.astimezone().strftime("%Y-%m-%d %H:%M")
        rows.append(
            f"{when}  {flag.participant or '(no code)'}  {flag.module}  {describe_flag_details(flag.kind, flag.details)}"
        )
    return "\n".join(rows)


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
