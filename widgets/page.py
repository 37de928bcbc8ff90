"""A module page: its declarations, its participant, its store, and the widgets it shows.

A module notebook needs only::

    from widgets.page import Page
    page = Page("triggers")
    ...
    page.show("recent_rejection")
    ...
    page.nav()
"""

from __future__ import annotations

from urllib.parse import quote

import ipywidgets as w
from IPython.display import display

from widgets.pdf_download import PdfDownload
from widgets.registry import widget_for
from widgets.shared import opened_when_built
from widgets.style import stylesheet
from widgets.submit import SubmitForReview
from workshop import config, session
from workshop.errors import WorkshopError
from workshop.exercises import ExerciseDeclarationError, Module, ModuleInfo, find_module, module_index
from workshop.store import ResponseStore
from workshop.text import html_literal


def link_with_code(href: str, participant: str | None) -> str:
    """A page link that carries the participant code along (codes are checked, so they are URL-safe).

    Under the hub the sign-in says who the participant is, so links carry nothing."""
    if not participant or config.hub_mode():
        return href
    return f"{href}?{session.CODE_PARAMETER}={quote(participant)}"


# Under the hub a server without a participant code is a facilitator's (or wrongly set up): say so, keep nothing.
NO_HUB_CODE = (
    "Practice mode: this server was not started for a participant code, so nothing you type here is stored. "
    "Participants sign in to the workshop with their own code."
)
PRINT_WORKSHEETS = "Print the worksheets"
WORKSHEETS_ABOUT = "Prefer paper? Get blank worksheets for this module's exercises, to print and fill in by hand."


class Page:
    """Everything a module notebook needs; ``store`` and ``participant`` may be given directly in tests."""

    def __init__(
        self,
        module_key: str,
        *,
        store: ResponseStore | None = None,
        participant: str | None = None,
        show_banner: bool = True,
    ) -> None:
        # Only this module's declarations are checked here: a mistake in another module's file must not
        # take this page down (that module's own page says what is wrong).
        self.key = module_key
        self.widgets: dict[str, w.Widget] = {}
        self.problem = ""
        self.broken = ""
        try:
            self.module: Module | None = find_module(module_key)
        except ExerciseDeclarationError as error:
            self.module, self.broken = None, str(error)
        self.modules: list[ModuleInfo] = [m for m in module_index()[0] if m.listed or m.key == module_key]
        if self.broken:
            # Nothing can be shown or saved; say so plainly (the help control is in the page template).
            store, participant = ResponseStore(":memory:"), None
        if store is not None:
            self.store, self.participant = store, participant
        else:
            self.participant, self.store = self._participant_and_store()
        if show_banner:
            with opened_when_built():
                shown = [stylesheet(), self.banner()]
            display(*shown)

    def _participant_and_store(self) -> tuple[str | None, ResponseStore]:
        raw = session.code_for_page()
        if not raw:
            return None, ResponseStore(":memory:")
        try:
            store = ResponseStore.default()
            code = session.participant_for_page(store)
        except WorkshopError as error:
            self.problem = f"Your answers cannot be saved right now: {error}"
            return None, ResponseStore(":memory:")
        if code is None:
            self.problem = (
                "The code in this page's address is not one this workshop knows, so answers here will not be "
                "saved. Please go back to the start page and type your code again."
            )
            return None, ResponseStore(":memory:")
        session.join_group_session(store, code)
        return code, store

    def home_href(self) -> str:
        return link_with_code("../index.ipynb", self.participant)

    def banner(self) -> w.HTML:
        home = f"<a href='{html_literal(self.home_href())}'>Back to the start page</a>"
        if self.broken:
            text = (
                "<strong>This module cannot be shown right now.</strong> Its set-up file has a mistake, so no "
                "exercise here would work. Please tell your facilitator. The other modules still work. "
                f"<br><small>For the facilitator: {html_literal(self.broken)}</small>"
            )
        elif self.problem:
            text = f"<strong>Please note:</strong> {html_literal(self.problem)}"
        elif self.participant:
            text = f"You are working with code <strong>{html_literal(self.participant)}</strong>. Your answers save as you go."
        elif config.hub_mode():
            text = NO_HUB_CODE
        else:
            text = (
                "Practice mode: you have not started with a code, so nothing you type here is stored. "
                "Start or resume on the start page to keep your answers."
            )
        banner = w.HTML(f"<p>{text} {home}</p>")
        banner.add_class("ws-banner")
        return banner

    def exercise_widget(self, name: str) -> w.Widget:
        """Build (once) the widget for the declared exercise ``name``."""
        if self.module is None:
            raise WorkshopError(self.broken)
        exercise = self.module[name]
        if exercise.id not in self.widgets:
            cls = widget_for(exercise.kind)
            with opened_when_built():  # one message a widget, with the state it has once built and restored
                self.widgets[exercise.id] = cls(exercise, store=self.store, participant=self.participant)
        return self.widgets[exercise.id]

    def show(self, *names: str) -> None:
        """Display the declared exercises ``names`` here, in that order.

        Exercises with no text between them share one cell (``page.show("a", "b")``): Voila runs a page
        cell by cell, one round trip each, so fewer cells make a page usable sooner.
        Returns nothing on purpose: a notebook would display a returned widget a second time. Use
        ``exercise_widget(name)`` to get the widget itself."""
        if self.module is not None:  # a broken module shows its message once, in the banner
            display(*(self.exercise_widget(name) for name in names))

    def answers(self) -> dict[str, object]:
        """This page's latest answers, after saving anything still waiting for its delay."""
        for widget in self.widgets.values():
            getattr(widget, "flush", lambda: None)()
        if not self.participant:
            return {eid: wdg.value for eid, wdg in self.widgets.items()}
        return self.store.latest_answers(self.participant, f"{self.key}.")

    def submit(self) -> None:
        """Display "Submit for review" (group mode) or "Download my submission" for this module."""
        if self.module is not None:
            with opened_when_built():
                submit = SubmitForReview(self)
            display(submit)

    def nav(self) -> None:
        """Display "Print the worksheets" (when the module has any), then links to the previous and next module
        and the start page, carrying the code along."""
        if self.module is not None and self.module.has_worksheets():
            module = self.module

            def worksheets(paper: str) -> bytes:
                # Imported when asked for: drawing PDFs is not needed to show the page.
                from workshop.handouts import worksheets_pdf

                return worksheets_pdf(module, paper)

            with opened_when_built():
                download = PdfDownload(
                    PRINT_WORKSHEETS,
                    worksheets,
                    f"{module.folder}-worksheets",
                    about=WORKSHEETS_ABOUT,
                )
            display(download)
        keys = [m.key for m in self.modules]
        position = keys.index(self.key) if self.key in keys else len(keys)
        links = []
        if position > 0:
            before = self.modules[position - 1]
            href = link_with_code(f"../{before.notebook}", self.participant)
            links.append(f"<a href='{html_literal(href)}' rel='prev'>Previous: {html_literal(before.title)}</a>")
        links.append(f"<a href='{html_literal(self.home_href())}'>Start page</a>")
        if position + 1 < len(self.modules):
            after = self.modules[position + 1]
            href = link_with_code(f"../{after.notebook}", self.participant)
            links.append(f"<a href='{html_literal(href)}' rel='next'>Next: {html_literal(after.title)}</a>")
        separator = " <span class='ws-nav-sep' aria-hidden='true'>·</span> "
        display(w.HTML("<nav aria-label='Modules' class='ws-nav'>" + separator.join(links) + "</nav>"))
