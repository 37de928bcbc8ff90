"""Participant text inside review notebooks: Markdown that shows exactly what was typed and nothing else.

Every ASCII character that Markdown, GFM tables, LaTeX (``$``) or Jupyter's renderers could read as
syntax is backslash-escaped, ``& < >`` become HTML entities, controls (NUL...) are shown as ``\\uXXXX``,
leading indentation becomes non-breaking spaces (never a code block) and line breaks stay hard breaks.
Each answer sits in its own ``<div dir="auto">``: right-to-left text and stray direction marks stay
inside it, and MathJax is told to leave it alone.

(``workshop.text.markdown_literal`` escapes quotes as ``&#x27;`` and then escapes that entity's ``#``,
so an apostrophe would show as "&#x27;"; hence this module's own escaping.)
"""

from __future__ import annotations

import html
import re

_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:$=^@%])")
_INDENT = re.compile(r"^[ \t]+")


def _visible_controls(text: str) -> str:
    text = text.replace("\r\n", "\n")
    return "".join(f"\\u{ord(ch):04x}" if ord(ch) < 32 and ch not in "\t\n" else ch for ch in text)


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
