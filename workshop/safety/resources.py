"""Crisis resources: who to reach, checked defaults, a clinic's own file, and how they are shown.

The default set is the US one checked in the project's references (988 Suicide & Crisis Lifeline: call
or text 988, chat at 988lifeline.org, press 1 for the Veterans Crisis Line; 911 for immediate danger;
the National Domestic Violence Hotline, added to the help panel when the words suggest danger from
another person). A clinic elsewhere writes its own in a TOML file (``$WORKSHOP_CRISIS_CONFIG``, else
``<data dir>/crisis_resources.toml``). A file that is wrong in any way is refused with a message naming
the problem: wrong help numbers are a known failure of mental-health apps, so we never fall back
silently to something the clinic did not ask for.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from importlib import resources as package_files
from pathlib import Path
from urllib.parse import urlsplit

# The TOML parser workshop/exercises.py uses (tomli: the standard library's tomllib, compiled).
import tomli as tomllib

from workshop.errors import WorkshopError
from workshop.safety.language import CATEGORIES, DANGER_FROM_OTHERS

CONFIG_ENV = "WORKSHOP_CRISIS_CONFIG"
CONFIG_FILE_NAME = "crisis_resources.toml"

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
