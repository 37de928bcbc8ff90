"""Exercise kinds: one file per kind, each a class that owns everything about that kind.

The registry is built from the files of this package: adding a kind is adding its file here (plus its
widget in ``widgets/`` and its browser driver in ``tests/support/drivers/``), nothing else.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from workshop.kinds.base import AnswerPart, CodeCells, Exercise, ExerciseDeclarationError, WorksheetPart

KINDS: dict[str, type[Exercise]] = {}


def _discover() -> None:
    for info in pkgutil.iter_modules(__path__):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Exercise) and cls.kind and cls.__module__ == module.__name__:
                KINDS[cls.kind] = cls


def kind_class(kind: str) -> type[Exercise]:
    """The class of exercise kind ``kind``; KeyError names the kinds there are."""
    try:
        return KINDS[kind]
    except KeyError:
        raise KeyError(f"unknown kind {kind!r}; use one of {', '.join(sorted(KINDS))}") from None


_discover()

__all__ = ["KINDS", "AnswerPart", "CodeCells", "Exercise", "ExerciseDeclarationError", "WorksheetPart", "kind_class"]
