""" "Feedback from your facilitator" on the landing page: the participant's own feedback, and only theirs.

The landing page shows ``FeedbackList(code)`` once a participant has started or resumed. In group mode the
pages come from the course on this machine; under JupyterHub they are fetched from nbgrader's exchange
(``workshop.review.exchange.fetch_feedback``: only feedback on this participant's own submissions). Feedback
pages are nbgrader's HTML; each is shown in a sandboxed frame (no scripts run, nothing is fetched)
and offered as a download.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.download import download_link
from workshop import config
from workshop.errors import WorkshopError
from workshop.review import Feedback, feedback_for
from workshop.text import html_literal


class FeedbackList(w.VBox):
    """Feedback files for ``participant``; in self-paced mode, a note on how feedback arrives instead."""

    def __init__(
        self, participant: str | None, course_dir: Any = None, group: bool | None = None, exchange: bool | None = None
    ) -> None:
        self.participant = participant
        exchange = config.hub_mode() if exchange is None else exchange
        group = exchange or (config.group_mode() if group is None else group)
        parts = ["<h2>Feedback from your facilitator</h2>"]
        items: list[Feedback] = []
        if participant and exchange:
            items = self._fetch(participant, parts)
        elif participant and group:
            items = feedback_for(participant, course_dir)
        if not group:
            parts.append("<p>Your facilitator sends feedback to you directly, as a file you can open in a browser.</p>")
        elif not items:
            parts.append("<p>No feedback yet. When your facilitator has read your answers, it will appear here.</p>")
        else:
            parts.append("<ul class='ws-feedback'>")
            for item in items:
                title = html_literal(item.title)
                parts.append(
                    f"<li><h3>{title}</h3>"
                    f"<iframe title='Feedback on {title}' sandbox='' srcdoc='{html_literal(item.html)}' "
                    "style='width:100%;height:28rem;border:1px solid #8a8a8a'></iframe>"
                    f"<p>{download_link(f'Download the feedback on {item.title}', f'feedback-{item.module}.html', item.html, 'text/html')}</p></li>"
                )
            parts.append("</ul>")
        super().__init__([w.HTML("".join(parts))])
        self.count = len(items)

    @staticmethod
    def _fetch(participant: str, parts: list[str]) -> list[Feedback]:
        from workshop.review.exchange import fetch_feedback, fetched_feedback

        try:
            return fetch_feedback(participant)
        except WorkshopError:
            # The exchange could not be read just now: show what was fetched before, and say so.
            parts.append("<p>New feedback could not be checked just now. Please look again later.</p>")
            try:
                return fetched_feedback(participant)
            except WorkshopError:
                return []
