"""Participant text is data: helpers that show it literally in HTML and Markdown, never as markup."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any


def html_literal(text: str) -> str:
    """Escape for HTML text and attribute values; NUL and other control characters become visible marks."""
    return html.escape(_visible_controls(text), quote=True)


def strings_in(value: Any) -> list[str]:
    """Every piece of text inside an answer, however it is nested (for the crisis-language check)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings_in(v)]
    return []


def _visible_controls(text: str) -> str:
    # NUL and other C0 controls (except tab and newline) would vanish or break renderers: show them.
    return "".join(
        f"\\u{ord(ch):04x}" if ord(ch) < 32 and ch not in "\t\n" else ch for ch in text.replace("\r\n", "\n")
    )


# --- Participant text inside review notebooks and exports ---------------------------------------
# Markdown that shows exactly what was typed and nothing else.
#
# Every ASCII character that Markdown, GFM tables, LaTeX (``$``) or Jupyter's renderers could read as
# syntax is backslash-escaped, ``& < >`` become HTML entities, controls (NUL...) are shown as ``\\uXXXX``,
# leading indentation becomes non-breaking spaces (never a code block) and line breaks stay hard breaks.
# Each answer sits in its own ``<div dir="auto">``: right-to-left text and stray direction marks stay
# inside it, and MathJax is told to leave it alone.


_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:$=^@%])")
_INDENT = re.compile(r"^[ \t]+")


def markdown_text(text: str) -> str:
    """``text`` as inert Markdown: it renders character for character as typed."""
    lines = []
    for line in _visible_controls(text).split("\n"):
        escaped = html.escape(_SYNTAX.sub(r"\\\1", line), quote=False)
        lines.append(_INDENT.sub(lambda m: "&nbsp;" * len(m.group(0)), escaped))
    return "  \n".join(lines)


def answer_markdown(text: str) -> str:
    """A participant's answer as a Markdown cell body, contained in its own block."""
    return (
        f'<div dir="auto" class="participant-answer tex2jax_ignore mathjax_ignore">\n\n{markdown_text(text)}\n\n</div>'
    )


def markdown_to_html(markdown: str) -> str:
    """Markdown whose every piece of participant text went through ``markdown_text`` (the kinds'
    ``as_markdown``), as HTML for a page. ``markdown_text`` turns ``< > &`` into entities, so no tag can
    come from participant text; mistune keeps those entities as they are."""
    import mistune

    return str(mistune.create_markdown(escape=False, plugins=["table"])(markdown))


def html_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, caption: str = "", row_classes: list[str] | None = None
) -> str:
    """An HTML table of cells that are already HTML (callers escape participant text with html_literal)."""
    head = "".join(f"<th scope='col'>{h}</th>" for h in header)
    body = []
    for n, row in enumerate(rows):
        css = f" class='{row_classes[n]}'" if row_classes and row_classes[n] else ""
        cells = "".join(cell if cell.startswith("<t") else f"<td>{cell}</td>" for cell in row)
        body.append(f"<tr{css}>{cells}</tr>")
    cap = f"<caption>{caption}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
