"""PlanCard: the participant's plan for the next hard rejection, as a one-page card to print or download.

Built from the closing module's plan answers and the crisis resources in force. The download is a
self-contained HTML file made in the page (a data: link), so nothing leaves the machine; opening it and
printing gives one page.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.download import download_link
from workshop.errors import WorkshopError
from workshop.safety import resources_html
from workshop.text import html_literal

# (exercise name in the closing module, heading on the card)
PLAN_PARTS = (
    ("plan_signs", "How I will know a rejection has hit me hard"),
    ("plan_first_steps", "What I will do first to look after myself"),
    ("plan_thought", "A balanced thought I can tell myself"),
    ("plan_people", "People I can talk to"),
    ("plan_next_step", "A small step I can take when I am ready"),
    ("plan_skills", "Skills that helped me"),
)

CARD_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:40rem;margin:1.5rem auto;color:#111;line-height:1.45}"
    "h1{font-size:1.5rem}h2{font-size:1.05rem;margin:1rem 0 .2rem}p{margin:.2rem 0}"
    ".crisis{border:2px solid #1e3a8a;padding:.5rem .75rem;margin-top:1.25rem}"
    "@media print{body{margin:0}a{color:#111}}"
)


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):  # a checklist: ticked options and the participant's own words
        parts = list(value.get("selected", []))
        if value.get("other"):
            parts.append(value["other"])
        return "; ".join(str(p) for p in parts)
    return ""


def card_body(answers: dict[str, Any], top: int = 1) -> str:
    """The card's sections (escaped participant text), then the crisis resources; ``top`` is the title's heading level."""
    h1, h2 = f"h{top}", f"h{top + 1}"
    sections = []
    for name, heading in PLAN_PARTS:
        text = _as_text(answers.get(f"closing.{name}"))
        shown = html_literal(text).replace("\n", "<br>") if text else "<em>(left blank)</em>"
        sections.append(f"<{h2}>{html_literal(heading)}</{h2}><p>{shown}</p>")
    try:
        crisis = resources_html()
    except WorkshopError as error:
        crisis = f"<p>{html_literal(str(error))}</p>"
    return (
        f"<{h1}>My plan for the next hard rejection</{h1}>"
        + "".join(sections)
        + f"<div class='crisis'><{h2}>If I am not safe</{h2}>{crisis}</div>"
    )


def card_document(answers: dict[str, Any]) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>My plan card</title>"
        f"<style>{CARD_CSS}</style></head><body>{card_body(answers)}</body></html>"
    )


def plan_card_link(answers: dict[str, Any]) -> str:
    return download_link(
        "Download my plan card (a web page you can open and print)",
        "my-plan-card.html",
        card_document(answers),
        "text/html",
        css_class="ws-download",
    )


class PlanCard(w.VBox):
    """A button that makes the card from the latest answers, shows it, and offers it as a download."""

    def __init__(self, page: Any, **kwargs: Any) -> None:
        self.page = page
        self.make_button = w.Button(description="Make my plan card", layout={"width": "auto"})
        self.make_button.on_click(lambda _button: self.make())
        self.view = w.HTML()
        self.view.add_class("ws-status")
        super().__init__(children=[self.make_button, self.view], **kwargs)
        self.add_class("ws-plan-card")

    def make(self) -> None:
        answers = self.page.answers()
        self.view.value = (
            f"<p>{plan_card_link(answers)}</p>"
            f"<div class='ws-card-preview' style='border:1px solid #6b7280;padding:.5rem 1rem'>{card_body(answers, top=3)}</div>"
        )
