"""CrisisPanel: the crisis resources in force, shown inside a page.

The page header always has a "Need help now?" control; this panel is what appears in the page itself when
a check-in is high or free text mentions crisis, and in the welcome and closing modules. Its content comes
from ``workshop.safety.resources_html()`` (checked defaults or the clinic's validated file). Given the
crisis-language category that opened it (``CrisisPanel(category=check.category)``), it adds that
category's own resources, for example the domestic violence hotline for danger from another person.
"""

from __future__ import annotations

import ipywidgets as w

from workshop.errors import WorkshopError
from workshop.safety import DANGER_FROM_OTHERS, resources_html
from workshop.text import html_literal

DEFAULT_LEAD = "What you wrote sounds very painful. You deserve support with it, and you can reach someone now."
CATEGORY_LEADS = {
    DANGER_FROM_OTHERS: "What you wrote sounds frightening. You deserve to be safe, and you can reach someone now.",
}


def crisis_html(lead: str | None = None, category: str | None = None) -> str:
    """The panel's HTML: a short lead sentence, then the resources (both escaped).

    ``lead``: ``None`` for the default for ``category``, ``""`` for none. ``category``: the crisis-language
    category that opened the panel, or ``None`` for every resource.
    """
    if lead is None:
        lead = CATEGORY_LEADS.get(category or "", DEFAULT_LEAD)
    try:
        fragment = resources_html(category=category)
    except WorkshopError as error:
        # A bad clinic file stops the server at start; if one slips through, say so rather than show nothing.
        fragment = (
            f"<p>The list of crisis services could not be loaded ({html_literal(str(error))}). "
            "If you are in immediate danger, call your local emergency number, and tell your facilitator.</p>"
        )
    lead_html = f"<p class='ws-crisis-lead'><strong>{html_literal(lead)}</strong></p>" if lead else ""
    return f"<div class='ws-crisis' role='region' aria-label='Crisis support'>{lead_html}{fragment}</div>"


class CrisisPanel(w.HTML):
    """The crisis resources, in a labelled region that screen readers announce when it appears."""

    def __init__(self, lead: str | None = None, category: str | None = None, **kwargs: object) -> None:
        super().__init__(value=crisis_html(lead, category), **kwargs)
        self.add_class("ws-crisis-panel")
        self.add_class("ws-status")  # a polite live region (workshop.js): read out when it appears
