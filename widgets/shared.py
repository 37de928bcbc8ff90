"""Fewer widget messages for a page: shared layout and style models, and widgets opened once built.

**Shared layouts and styles.** One Layout model and one Style model for every widget of a page that asks for
the same ones.

ipywidgets gives every widget its own Layout model and its own Style model, even when both are empty. A
module page made about 520 widget models, two thirds of them layouts and styles (190 KB of the 360 KB of widget
state were empty layouts); each is a message from the kernel through the server and a model in the browser,
and together they were most of what made a module page slower to open than a one-widget page.

``install()`` (run when the ``widgets`` package is imported) makes a widget built without a
``layout`` or ``style``, or with one given as a dict (``style={"description_width": "initial"}``,
``layout={"width": "auto"}``), use the one shared model with those values. A ``w.Layout(...)`` or style object
passed in stays the widget's own. Shared models cannot be changed: a widget whose layout or style changes after
it is built (shown and hidden, for example) is given its own, ``layout=w.Layout()``; changing a shared one
raises ``SharedModelError`` rather than changing every widget of the page.

**Opened once built.** ipywidgets opens a widget's comm (one message with its whole state) as soon as the
widget is constructed, so every class added and every value restored while an exercise is being built is one
more "update" message (about 130 a module page). Inside ``opened_when_built()`` the widgets constructed are
opened when the block ends, each after the widgets it refers to, with the state they have then: one message
each. Nothing is shown before that (a page displays an exercise once it is built), so the browser sees the
same widgets with the same state.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import ipywidgets as w
from ipywidgets.widgets.trait_types import InstanceDict

_SHARED: dict[tuple[type, tuple[tuple[str, Any], ...]], w.Widget] = {}
_READ_ONLY: dict[type, type] = {}


class SharedModelError(AttributeError):
    """A shared layout or style was about to be changed (it would change every widget that uses it)."""


class _ReadOnly:
    """Mixed into a Layout or Style class: its synced values are fixed once it is built."""

    _frozen = False

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen and not name.startswith("_") and name in self.keys:  # type: ignore[attr-defined]
            raise SharedModelError(
                f"{type(self).__name__} is shared by several widgets; give the widget its own "
                f"(layout=w.Layout() or a style object) to change {name!r}."
            )
        super().__setattr__(name, value)


def _read_only(klass: type) -> type:
    if klass not in _READ_ONLY:
        # Same model name and traits, so the browser sees an ordinary LayoutModel or style model.
        _READ_ONLY[klass] = type(f"Shared{klass.__name__}", (_ReadOnly, klass), {})
    return _READ_ONLY[klass]


def shared(klass: type, **values: Any) -> w.Widget:
    """The one ``klass(**values)`` (a Layout or a style) that every widget asking for the same gets."""
    key = (klass, tuple(sorted(values.items())))
    found = _SHARED.get(key)
    if found is None or (found.comm is None and found._model_id is not None):  # none yet, or closed (close_all)
        found = _read_only(klass)(**values)
        found._frozen = True
        _SHARED[key] = found
    return found


def _share(trait: InstanceDict) -> None:
    original = trait.validate

    def validate(obj: Any, value: Any) -> Any:
        if isinstance(value, dict):
            try:
                return original(obj, shared(trait.klass, **value))
            except TypeError:  # an unhashable value: the widget gets its own, as before
                return original(obj, value)
        return original(obj, value)

    trait.make_dynamic_default = lambda: shared(trait.klass)  # type: ignore[method-assign]
    trait.validate = validate  # type: ignore[method-assign]
    trait.shared_models = True  # type: ignore[attr-defined]


def _widget_classes(base: type) -> list[type]:
    found, todo = [], [base]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def install() -> None:
    """Make every ipywidgets widget class share its default (and dict-given) layout and style models, and let
    ``opened_when_built()`` hold widgets' comms until they are built."""
    w.Widget.open = _open_or_wait  # type: ignore[method-assign]
    for cls in _widget_classes(w.DOMWidget):
        for name in ("layout", "style"):
            trait = cls.class_traits().get(name)
            if isinstance(trait, InstanceDict) and not getattr(trait, "shared_models", False):
                _share(trait)


_waiting: list[w.Widget] | None = None  # widgets built inside opened_when_built(), not opened yet
_open = w.Widget.open


def _open_or_wait(self: w.Widget) -> None:
    if _waiting is not None and self.comm is None:
        _waiting.append(self)
    else:
        _open(self)


def _open_with_parts(widget: w.Widget) -> None:
    """Open ``widget`` after every widget its state refers to (children, layout, style), as its state names them."""
    if widget.comm is not None:
        return
    for name in widget.keys:
        value = getattr(widget, name)
        for part in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(part, w.Widget):
                _open_with_parts(part)
    _open(widget)


@contextmanager
def opened_when_built() -> Iterator[None]:
    """Widgets constructed inside this block are opened when it ends (see the module's docstring). Nested blocks
    open with the outermost one."""
    global _waiting
    if _waiting is not None:
        yield
        return
    _waiting = []
    try:
        yield
    finally:
        waiting, _waiting = _waiting, None
        for widget in waiting:
            _open_with_parts(widget)
