""" "Submit for review" on a module page: the participant's answers become an nbgrader submission.

In group mode (``workshop serve --group``) the button puts the filled review notebook straight into the
facilitator's course. Under JupyterHub (``config.hub_mode()``) it submits it to nbgrader's exchange with
the participant code (the hub user) as the student id; the facilitator collects it. Otherwise "Download my
submission" makes a download link: the file holds the answers only, and the facilitator imports it with
``workshop review import``. Either way the store keeps every revision; submitting again makes a newer
submission.

A module notebook shows it with ``page.submit()``.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from widgets.download import download_link
from workshop import config
from workshop.errors import WorkshopError
from workshop.text import html_literal


class SubmitForReview(w.VBox):
    """The submit (group mode, JupyterHub) or download (self-paced, Binder) control of one module page."""

    def __init__(
        self, page: Any, group: bool | None = None, course_dir: Any = None, exchange: bool | None = None
    ) -> None:
        self.page = page
        self.exchange = config.hub_mode() if exchange is None else exchange
        self.group = self.exchange or (config.group_mode() if group is None else group)
        self.course_dir = course_dir
        heading = w.HTML(f"<h2>Send your answers to your facilitator</h2><p>{html_literal(self._explanation())}</p>")
        label = "Submit for review" if self.group else "Download my submission"
        self.button = w.Button(description=label, button_style="primary", tooltip=label)
        self.button.on_click(lambda _b: self.submit())
        # role=status: screen readers announce the result without moving focus.
        self.result = w.HTML("", layout={"min_height": "1.5rem"})
        self.result.add_class("ws-status")
        super().__init__([heading, self.button, self.result])
        self.add_class("ws-exercise")
        self.add_class("ws-submit")  # left off a printed page
        self.button.disabled = not page.participant

    def _explanation(self) -> str:
        if not self.page.participant:
            return "Start or resume with your code on the start page first: then you can send your answers."
        if self.group:
            return (
                "When you are ready, submit this module. Your facilitator will read what you wrote and may "
                "leave comments, which you will find on the start page. You can submit again after changes."
            )
        return (
            "When you are ready, save your answers to this module as a file and send it to your facilitator "
            "in the safe way that you and your clinic agree on, such as a secure patient portal. Please do not "
            "send it by plain email. The file holds only your answers to this module and your code."
        )

    def _say(self, text: str, link: str = "") -> None:
        self.result.value = f"<div role='status'><p>{html_literal(text)} {link}</p></div>"

    def submit(self) -> None:
        participant = self.page.participant
        if not participant:
            self._say("Please start or resume with your code first.")
            return
        # Imported on click: nbformat's schema validation costs seconds to import, and most page loads never submit.
        from workshop.review.submission import submission_for_download, submit_to_course

        try:
            self.page.answers()  # saves anything still waiting for its short delay
            if self.exchange:
                self._submit_to_exchange(participant)
            elif self.group:
                submit_to_course(self.page.store, participant, self.page.module, self.course_dir)
                self._say("Submitted. Thank you. Your facilitator can now read your answers.")
            else:
                filename, data = submission_for_download(self.page.store, participant, self.page.module)
                self._say(
                    "Your file is ready:",
                    download_link(f"Download my submission ({filename})", filename, data, "application/x-ipynb+json"),
                )
        except WorkshopError as error:
            self._say(f"This could not be sent: {error}")

    def _submit_to_exchange(self, participant: str) -> None:
        from workshop.review.exchange import submit

        # Under the hub the code is the signed-in user: a page opened with another code must not submit as it.
        signed_in = config.participant_code_from_hub()
        if signed_in and signed_in != participant:
            raise WorkshopError("This page is open with another code than the one you signed in with.")
        submit(self.page.store, participant, self.page.module)
        self._say("Submitted. Thank you. Your facilitator can now collect and read your answers.")
