"""Where a participant's answers are kept and who reads them, in words that are true for the mode this page
runs in (the start page shows it)."""

from __future__ import annotations

import ipywidgets as w

from workshop import config
from workshop.text import html_literal

DOWNLOAD_OR_ERASE = "You can download or erase your answers at any time from this page."
WHERE_ANSWERS_GO = {
    config.SELF_PACED: (
        "Your answers are saved on the computer that runs this workshop, under a code instead of your name. "
        "Your facilitator sees only what you send them. " + DOWNLOAD_OR_ERASE
    ),
    config.GROUP: (
        "Your answers are saved on the computer that runs this workshop, under a code instead of your name. "
        "Your facilitator can read them to give you feedback; nobody else can. " + DOWNLOAD_OR_ERASE
    ),
    config.BINDER: (
        "This practice copy runs on a public service. Your answers are kept only while it is open, under a "
        "code instead of your name. Please do not type real personal details here."
    ),
    config.HUB: (
        "Your answers are saved in your own space on the workshop server, under your code instead of your "
        "name. Your facilitator reads only the modules you submit for review, to give you feedback. "
        + DOWNLOAD_OR_ERASE
    ),
}


def where_answers_go(mode: str) -> str:
    """The promise for ``mode`` (one of workshop.config's deployments)."""
    return WHERE_ANSWERS_GO[mode]


class AnswersNotice(w.HTML):
    def __init__(self, **kwargs: object) -> None:
        text = where_answers_go(config.deployment())
        super().__init__(value=f"<p><strong>Where your answers go.</strong> {html_literal(text)}</p>", **kwargs)
        self.add_class("ws-answers-notice")
