"""A Sphinx extension for the facilitator guide: the handouts, made into the site and listed on a page.

When an HTML build starts, `workshop handouts` writes every handout (A4 and Letter) into the site's
``handouts/`` folder; the ``handouts-list`` directive lists them with links. A module added later gets its
handouts here with no change to the guide.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive

from workshop.handouts import PAPERS, handout_files, write_handouts
from workshop.practice import listed_modules
from workshop.text import html_literal

FOLDER = "handouts"
PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}


def describe(name: str) -> str:
    """"05_desensitization-worksheets.pdf" -> "Module 5: Desensitization: worksheets" (from the module's page)."""
    from workshop.handouts import page_text

    stem = name.removesuffix(".pdf")
    for module in listed_modules():
        for what in ("summary", "worksheets"):
            if stem == f"{module.folder}-{what}":
                return f"{page_text(module).title}: {'one-page summary' if what == 'summary' else 'blank worksheets'}"
    return stem.replace("-", " ").capitalize()


class HandoutsList(Directive):
    """A table of every handout, with a link for each paper size."""

    def run(self) -> list[nodes.Node]:
        rows = []
        for name, _ in handout_files(listed_modules()):
            links = " · ".join(
                f"<a href='{FOLDER}/{paper}/{html_literal(name)}'>{PAPER_NAMES[paper]}</a>" for paper in PAPERS
            )
            rows.append(f"<tr><td>{html_literal(describe(name))}</td><td>{links}</td></tr>")
        table = (
            "<table class='docutils align-default'><thead><tr><th>handout</th><th>PDF</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        return [nodes.raw("", table, format="html")]


def make_handouts(app: Any) -> None:
    if app.builder.format == "html":
        write_handouts(Path(app.outdir) / FOLDER)


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("handouts-list", HandoutsList)
    app.connect("builder-inited", make_handouts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
