"""Exercise kinds: one file per kind, each a class that owns everything about that kind.

The registry is built from the files of this package: adding a kind is adding its file here (plus its
widget in ``widgets/`` and its browser driver in ``tests/support/drivers/``), nothing else.

A kind's file is imported when the kind is first asked for (``kind_class``), the file named like the kind
first: a module page's kernel loads the kinds that page declares, not all of them (each kind file is a few
dataclasses, whose methods Python builds at import). ``all_kinds()`` imports every file.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil

from workshop.kinds.base import AnswerPart, CodeCells, Exercise, ExerciseDeclarationError, WorksheetPart

_KINDS: dict[str, type[Exercise]] = {}


@functools.cache  # the package's files do not change while a process runs
def _kind_files() -> list[str]:
    return [info.name for info in pkgutil.iter_modules(__path__) if info.name != "base"]


@functools.cache  # once a file: its kinds are registered by then
def _import(name: str) -> None:
    """Import ``workshop/kinds/<name>.py`` and register the kinds it declares."""
    module = importlib.import_module(f"{__name__}.{name}")
    for _, cls in inspect.getmembers(module, inspect.isclass):
        if issubclass(cls, Exercise) and cls.kind and cls.__module__ == module.__name__:
            _KINDS[cls.kind] = cls


def all_kinds() -> dict[str, type[Exercise]]:
    """Every kind, by name (every kind file imported)."""
    for name in _kind_files():
        _import(name)
    return dict(_KINDS)


def kind_class(kind: str) -> type[Exercise]:
    """The class of exercise kind ``kind``; KeyError names the kinds there are.

    ``workshop/kinds/<kind>.py`` is looked in first, then the other files one by one (a file may declare
    several kinds: ``checkout`` is in ``checkin.py``)."""
    if kind not in _KINDS:
        for name in sorted(_kind_files(), key=lambda name: name != kind):
            _import(name)
            if kind in _KINDS:
                break
    try:
        return _KINDS[kind]
    except KeyError:
        raise KeyError(f"unknown kind {kind!r}; use one of {', '.join(sorted(all_kinds()))}") from None


__all__ = [
    "AnswerPart",
    "CodeCells",
    "Exercise",
    "ExerciseDeclarationError",
    "WorksheetPart",
    "all_kinds",
    "kind_class",
]
