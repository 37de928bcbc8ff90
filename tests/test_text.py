"""Participant text shown literally: what a Markdown renderer makes of markdown_text() is the text typed."""

from __future__ import annotations

import html
import re

import pytest
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from workshop.text import html_literal, markdown_text

TEXTS = [
    "it's fine, isn't it?",
    "**bold** _it_ `code` [link](http://example.com) ![img](x.png)",
    "# heading\n## another\n===\n---",
    "> a quote\n- a list\n1. numbered\n    indented code",
    "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "a & b < c > d $x^2$ | table | cell |",
    "שלום عربي 😔 \u202eabc",
]


def rendered_text(markdown: str) -> str:
    """The visible text of the HTML a Markdown renderer makes (tags dropped, entities decoded)."""
    produced = markdown2html_mistune(markdown)
    assert "<script" not in produced and "<img" not in produced and "<h1" not in produced
    return html.unescape(re.sub(r"<[^>]+>", "", produced))


@pytest.mark.parametrize("text", TEXTS)
def test_markdown_text_renders_as_typed(text: str) -> None:
    shown = rendered_text(markdown_text(text))
    assert " ".join(shown.split()) == " ".join(text.split())


def test_html_literal_escapes_markup_and_shows_control_characters() -> None:
    assert html_literal("<b a='x'>&\x00") == "&lt;b a=&#x27;x&#x27;&gt;&amp;\\u0000"
