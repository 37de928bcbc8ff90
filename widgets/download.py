"""A link that saves a file made in the page: a data: URI, so nothing is fetched or kept on a server."""

from __future__ import annotations

import base64

from workshop.text import html_literal


def download_link(label: str, filename: str, content: str | bytes, mime: str, css_class: str = "") -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    encoded = base64.b64encode(data).decode("ascii")
    class_attribute = f" class='{html_literal(css_class)}'" if css_class else ""
    return (
        f"<a{class_attribute} download='{html_literal(filename)}' href='data:{mime};base64,{encoded}'>"
        f"{html_literal(label)}</a>"
    )
