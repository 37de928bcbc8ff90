"""Browser drivers: one file per exercise kind, each answering, and checking, its widget as a person would.

A driver file names the kinds it drives (``KINDS``) and has three functions:

* ``planned(exercise)``: the answer a test gives (the store must then hold ``exercise.validate(planned)``);
* ``enter(page, box, exercise, value, *, tap=False)``: give that answer in the exercise's box, by keyboard
  where the control allows (text is typed, boxes and radios toggled with Space, buttons pressed with
  Enter), or with ``tap=True`` by touch (controls tapped, text typed with the on-screen keyboard; see
  ``_keys``);
* ``expect_shown(box, exercise, value)``: after a reload, the controls show that answer again.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

DRIVERS: dict[str, ModuleType] = {}
for _info in pkgutil.iter_modules(__path__):
    if _info.name.startswith("_"):
        continue
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    for _kind in _module.KINDS:
        DRIVERS[_kind] = _module


def driver_for(kind: str) -> ModuleType:
    try:
        return DRIVERS[kind]
    except KeyError:
        raise KeyError(f"no browser driver for kind {kind!r}: add tests/support/drivers/{kind}.py") from None
