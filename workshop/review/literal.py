"""Participant text inside review notebooks: Markdown that shows exactly what was typed and nothing else.

Built on ``workshop.text.markdown_literal`` (HTML-escaped, Markdown syntax backslash-escaped, controls made
visible) plus what notebooks add on top of Markdown: ``$`` starts LaTeX in Jupyter, nbconvert and
formgrader, and ``=`` under a line makes a heading. Each answer sits in its own ``<div dir="auto">``: it
keeps right-to-left text and stray direction marks inside the answer, and tells MathJax to leave it alone.
"""

from __future__ import annotations

import re

from workshop.text import markdown_literal

_NOTEBOOK_SPECIAL = re.compile(r"([$=^@%])")


def markdown_text(text: str) -> str:
    """``text`` as inert Markdown (escaped; every character renders as typed)."""
    return _NOTEBOOK_SPECIAL.sub(r"\\\1", markdown_literal(text))


def answer_markdown(text: str) -> str:
    """A participant's answer as a Markdown cell body, contained in its own block."""
    return (
        f'<div dir="auto" class="participant-answer tex2jax_ignore mathjax_ignore">\n\n{markdown_text(text)}\n\n</div>'
    )
