"""Small labelled controls that several exercise widgets compose (each label is also the accessible name)."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from workshop.text import html_literal

NOT_RATED = "Not rated"
HUNDRED_STEP = 5
WIDE = {"description_width": "initial"}
# A button as wide as its words (a dict: every such button shares one layout model, see widgets/shared.py).
AUTO_WIDTH = {"width": "auto"}


def text_area(label: str, rows: int = 3, placeholder: str = "") -> w.Textarea:
    return w.Textarea(description=label, placeholder=placeholder, rows=rows, layout={"width": "100%"}, style=WIDE)


def text_line(label: str, width: str = "100%") -> w.Text:
    return w.Text(description=label, layout={"width": width}, style=WIDE)


def hundred(label: str) -> w.Dropdown:
    """A 0-100 rating that can also be left unrated (a slider cannot say "no answer yet")."""
    options = [(NOT_RATED, None), *((str(n), n) for n in range(0, 101, HUNDRED_STEP))]
    return w.Dropdown(description=label, options=options, value=None, style=WIDE, layout={"width": "auto"})


def scale_radios(description: str, points: list[int], anchors: dict[int, str]) -> tuple[w.RadioButtons, w.HTML]:
    """A short rating scale: radio buttons named "0 Not at all", "1", ... "10 Very strongly", laid out as
    even cells (``widgets.style``), and the anchor words printed under them.

    On screen a cell shows its number; its anchor words stay in its name for screen readers (workshop.js).
    The printed line is hidden from them, as each radio already says its words."""
    radios = w.RadioButtons(
        options=[(f"{p} {anchors[p]}" if p in anchors else str(p), p) for p in points],
        value=None,
        description=description,
        style=WIDE,
        layout={"width": "100%"},
    )
    radios.add_class("ws-scale")
    radios.add_class(f"ws-scale-{len(points)}")
    words = "".join(f"<span>{p} = {html_literal(text)}</span>" for p, text in sorted(anchors.items()))
    legend = w.HTML(f"<p class='ws-anchors ws-scale-anchors' aria-hidden='true'>{words}</p>" if words else "")
    return radios, legend


def option_grid(radios: w.RadioButtons) -> w.RadioButtons:
    """Lay a group's options out as even columns (one under another on a phone, unless they pair up)."""
    radios.add_class("ws-options")
    if len(radios.options) % 2 == 0:
        radios.add_class("ws-options-even")
    return radios


def set_choice(control: w.Dropdown | w.RadioButtons, value: Any) -> None:
    """Show ``value`` even when it is not one of the control's steps (an answer made elsewhere)."""
    values = [option[1] if isinstance(option, tuple) else option for option in control.options]
    if value not in values:
        control.options = [*control.options, (str(value), value)]
    control.value = value


def paragraph(text: str, css: str = "ws-help") -> w.HTML:
    return w.HTML(f"<p class='{css}'>{html_literal(text)}</p>")


def intro(prompt: str, *notes: str) -> w.HTML:
    """An exercise's prompt and the help under it (empty notes left out), as one widget: each widget on a
    page costs its kernel, server and browser time when the page loads."""
    paragraphs = [f"<p class='ws-prompt'>{html_literal(prompt)}</p>"]
    paragraphs += [f"<p class='ws-help'>{html_literal(note)}</p>" for note in notes if note]
    return w.HTML("".join(paragraphs))


def bullet_list(title: str, entries: list[str] | tuple[str, ...]) -> w.HTML:
    items = "".join(f"<li>{html_literal(entry)}</li>" for entry in entries)
    return w.HTML(f"<p class='ws-help'><strong>{html_literal(title)}</strong></p><ul class='ws-ideas'>{items}</ul>")
