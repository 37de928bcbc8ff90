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


def widget_for(kind: str) -> type:
    """The widget class for ``kind``, importing the widget files on first need."""
    if kind not in WIDGETS:
        for info in pkgutil.iter_modules(widgets.__path__):
            importlib.import_module(f"widgets.{info.name}")
    try:
        return WIDGETS[kind]
    except KeyError:
        raise KeyError(f"No widget shows exercises of kind {kind!r}; known kinds: {sorted(WIDGETS)}.") from None
