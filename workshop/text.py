"""Participant text is data: helpers that show it literally in HTML and Markdown, never as markup."""

from __future__ import annotations

import html
import re

# Every character Markdown (CommonMark + GFM tables) or HTML could read as syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:=$])")


def html_literal(text: str) -> str:
    """Escape for HTML text and attribute values; NUL and other control characters become visible marks."""
    return html.escape(_visible_controls(text), quote=True)


def markdown_literal(text: str) -> str:
    """Text that renders exactly as typed in Markdown: no emphasis, links, headings, HTML or raw tags.

    Line breaks are kept as hard breaks; blank lines stay paragraph breaks."""
    # Markdown first, then HTML: escaping HTML first would leave entities (&#x27;) for Markdown to mangle.
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", _visible_controls(text))
    escaped = html.escape(escaped, quote=False)
    # A line of only spaces or a leading indent must not become a code block.
    lines = [line.lstrip(" \t") for line in escaped.split("\n")]
    return "  \n".join(lines)


def _visible_controls(text: str) -> str:
    # NUL and other C0 controls (except tab and newline) would vanish or break renderers: show them.
    return "".join(
        f"\\u{ord(ch):04x}" if ord(ch) < 32 and ch not in "\t\n" else ch for ch in text.replace("\r\n", "\n")
    )
