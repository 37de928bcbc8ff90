"""Small labelled controls that several exercise widgets compose (each label is also the accessible name)."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from workshop.text import html_literal

NOT_RATED = "Not rated"
HUNDRED_STEP = 5
WIDE = {"description_width": "initial"}


def text_area(label: str, rows: int = 3, placeholder: str = "") -> w.Textarea:
    return w.Textarea(description=label, placeholder=placeholder, rows=rows, layout=w.Layout(width="100%"), style=WIDE)


def text_line(label: str, width: str = "100%") -> w.Text:
    return w.Text(description=label, layout=w.Layout(width=width), style=WIDE)


def hundred(label: str) -> w.Dropdown:
    """A 0-100 rating that can also be left unrated (a slider cannot say "no answer yet")."""
    options = [(NOT_RATED, None), *((str(n), n) for n in range(0, 101, HUNDRED_STEP))]
    return w.Dropdown(description=label, options=options, value=None, style=WIDE, layout=w.Layout(width="auto"))


def set_choice(control: w.Dropdown | w.RadioButtons, value: Any) -> None:
    """Show ``value`` even when it is not one of the control's steps (an answer made elsewhere)."""
    values = [option[1] if isinstance(option, tuple) else option for option in control.options]
    if value not in values:
        control.options = [*control.options, (str(value), value)]
    control.value = value


def paragraph(text: str, css: str = "ws-help") -> w.HTML:
    return w.HTML(f"<p class='{css}'>{html_literal(text)}</p>")


def bullet_list(title: str, entries: list[str] | tuple[str, ...]) -> w.HTML:
    items = "".join(f"<li>{html_literal(entry)}</li>" for entry in entries)
    return w.HTML(f"<p class='ws-help'><strong>{html_literal(title)}</strong></p><ul class='ws-ideas'>{items}</ul>")
