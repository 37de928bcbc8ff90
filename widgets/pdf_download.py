"""A button that makes a printable PDF in the page and offers it for A4 and for US Letter paper.

The PDF is made only when asked for (making it takes a moment), as a data: link, so nothing is fetched
or kept on a server. Used for "Print the worksheets" on module pages and "Download my answers as a
printable PDF" on the start page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from widgets.download import download_link
from workshop.errors import WorkshopError
from workshop.text import html_literal

PAPER_LABELS = (("letter", "for US Letter paper"), ("a4", "for A4 paper"))
READY = "Your file is ready. Open it, then print it:"


class PdfDownload(w.VBox):
    """``make(paper)`` returns the PDF's bytes; ``stem`` names the file (``stem-a4.pdf``)."""

    def __init__(self, label: str, make: Callable[[str], bytes], stem: str, about: str = "", **kwargs: Any) -> None:
        self.make, self.stem = make, stem
        self.button = w.Button(description=label, tooltip=label, layout={"width": "auto"})
        self.button.on_click(lambda _b: self.prepare())
        self.result = w.HTML("", layout={"min_height": "1.5rem"})
        self.result.add_class("ws-status")
        children: list[w.Widget] = [w.HTML(f"<p>{html_literal(about)}</p>")] if about else []
        super().__init__(children=[*children, self.button, self.result], **kwargs)
        self.add_class("ws-pdf-download")

    def prepare(self) -> None:
        self.result.value = "<div role='status'><p>Making your file…</p></div>"
        try:
            links = [
                download_link(
                    f"{self.stem}-{paper}.pdf ({words})",
                    f"{self.stem}-{paper}.pdf",
                    self.make(paper),
                    "application/pdf",
                )
                for paper, words in PAPER_LABELS
            ]
        except WorkshopError as error:
            self.result.value = (
                f"<div role='status'><p>The file could not be made: {html_literal(str(error))}</p></div>"
            )
            return
        items = "".join(f"<li>{link}</li>" for link in links)
        self.result.value = f"<div role='status'><p>{html_literal(READY)}</p><ul>{items}</ul></div>"
