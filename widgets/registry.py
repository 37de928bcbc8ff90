"""Which widget shows which exercise kind. Each widget file registers itself with ``@register``."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

import widgets

WIDGETS: dict[str, type] = {}


def register(*kinds: str) -> Callable[[type], type]:
    def decorate(cls: type) -> type:
        for kind in kinds:
            WIDGETS[kind] = cls
        return cls

    return decorate


def widget_files() -> list[str]:
    """The names of the widget package's files, in the order they are looked through."""
    return [info.name for info in pkgutil.iter_modules(widgets.__path__)]


def widget_for(kind: str) -> type:
    """The widget class for ``kind``, importing widget files on first need: ``widgets/<kind>.py`` first, then
    the file named like the kind's core file (``checkout`` is declared in ``workshop/kinds/checkin.py``), then
    the others one by one until one registers it. A page imports only what it shows (the dashboard's and the
    charts' files stay out of a module page's kernel)."""
    if kind not in WIDGETS:
        from workshop.kinds import kind_class

        try:
            core = kind_class(kind).__module__.rsplit(".", 1)[-1]
        except KeyError:
            core = kind
        names = widget_files()
        for name in sorted(names, key=lambda name: (name != kind, name != core)):
            importlib.import_module(f"widgets.{name}")
            if kind in WIDGETS:
                break
    try:
        return WIDGETS[kind]
    except KeyError:
        raise KeyError(f"No widget shows exercises of kind {kind!r}; known kinds: {sorted(WIDGETS)}.") from None


def all_widgets() -> dict[str, type]:
    """Every registered widget, by kind, after importing every widget file."""
    for name in widget_files():
        importlib.import_module(f"widgets.{name}")
    return dict(WIDGETS)
