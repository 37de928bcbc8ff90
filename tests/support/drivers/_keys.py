"""Keyboard helpers shared by the drivers."""

from __future__ import annotations

from typing import Any


def type_into(page: Any, control: Any, text: str) -> None:
    """Focus a text field, select what is there and type ``text`` (as a person with a keyboard would)."""
    control.focus()
    page.keyboard.press("Control+A")
    if text:
        page.keyboard.insert_text(text)
    else:
        page.keyboard.press("Delete")


def press(page: Any, control: Any, key: str = "Space") -> None:
    control.focus()
    page.keyboard.press(key)


def choose(control: Any, value: Any) -> None:
    """A <select>: pick the option whose label is ``value`` (None: the "Not rated" option)."""
    control.select_option(label="Not rated" if value is None else str(value))


def checkbox(page: Any, control: Any, wanted: bool) -> None:
    if control.is_checked() != wanted:
        press(page, control, "Space")
