"""Keyboard and touch helpers shared by the drivers.

With ``tap=True`` a helper acts as a person on a phone would: a finger taps the control (Playwright's
``tap``, in a context made with ``has_touch=True``), and text comes from the on-screen keyboard, which
types characters into the focused field and has an Enter key but no shortcuts (no Control+A, no arrows).
"""

from __future__ import annotations

from typing import Any


def type_into(page: Any, control: Any, text: str, *, tap: bool = False) -> None:
    """Focus a text field, clear what is there and type ``text``: by keyboard, or tapped and typed on screen."""
    if tap:
        control.tap()
        control.evaluate("field => field.select()")  # a long press, then "Select all"
        if text:
            page.keyboard.insert_text(text)
        elif control.input_value():
            page.keyboard.press("Backspace")
        return
    control.focus()
    page.keyboard.press("Control+A")
    if text:
        page.keyboard.insert_text(text)
    else:
        page.keyboard.press("Delete")


def press(page: Any, control: Any, key: str = "Space", *, tap: bool = False) -> None:
    """Activate a radio, check box or button: its key (Space, Enter) after focusing it, or a tap."""
    if tap:
        control.tap()
        return
    control.focus()
    page.keyboard.press(key)


def choose(control: Any, value: Any, *, tap: bool = False) -> None:
    """A <select>: pick the option whose label is ``value`` (None: the "Not rated" option).

    On a phone a tap opens the system's own picker, which Playwright cannot see; picking from it sets the
    select's value and fires its events as ``select_option`` does, so the tap only comes first."""
    if tap:
        control.tap()
    control.select_option(label="Not rated" if value is None else str(value))


def checkbox(page: Any, control: Any, wanted: bool, *, tap: bool = False) -> None:
    if control.is_checked() != wanted:
        press(page, control, "Space", tap=tap)


def slide_to(page: Any, slider: Any, value: int, *, minimum: int = 0, step: int = 1, tap: bool = False) -> None:
    """An ipywidgets slider set to ``value``: Home, then ArrowRight once per step; or, by touch, the number
    beside the track tapped and ``value`` typed over it with the on-screen keyboard (then its Enter key)."""
    if tap:
        widget = slider.locator("xpath=ancestor::*[contains(concat(' ', @class, ' '), ' widget-slider ')][1]")
        readout = widget.locator(".widget-readout")
        readout.tap()
        readout.evaluate("number => document.getSelection().selectAllChildren(number)")  # "Select all"
        page.keyboard.insert_text(str(value))
        page.keyboard.press("Enter")
        return
    slider.focus()
    page.keyboard.press("Home")
    for _ in range((value - minimum) // step):
        page.keyboard.press("ArrowRight")
