"""Practice between sessions on the start page ("This week's practice") and on the "My practice" page,
where the practice log can be kept up during the week without opening the whole module."""

from __future__ import annotations

from typing import Any

import ipywidgets as w
from IPython.display import display

from widgets.page import link_with_code
from widgets.registry import widget_for
from widgets.style import stylesheet
from workshop import practice, session
from workshop.errors import WorkshopError
from workshop.exercises import Module
from workshop.store import ResponseStore
from workshop.text import html_literal, markdown_to_html

HEADING = "This week's practice"
NO_PLAN = (
    "Each module ends with a small plan for the week. When you make one, it shows here, so you can find it "
    "between sessions."
)
MY_PRACTICE = "My practice: your practice log"
MY_PRACTICE_ABOUT = "Add an entry each time you try a step, on any day, without opening the whole module."


def module_name(module: Module) -> str:
    return module.title.split(":")[0].strip() or module.key


def plan_html(store: ResponseStore, participant: str, modules: list[Module], home: str = "") -> str:
    """The current plan, shown back read-only (escaped through the kind's own Markdown), or a kind note."""
    plan = practice.current_plan(store, participant, modules)
    if plan is None:
        return f"<p>{html_literal(NO_PLAN)}</p>"
    href = link_with_code(f"{home}{plan.module.notebook}", participant)
    when = plan.saved_at.astimezone().strftime("%d %B %Y").lstrip("0")
    return (
        f"<p>Your plan from <a href='{html_literal(href)}'>{html_literal(module_name(plan.module))}</a>, "
        f"made on {html_literal(when)}:</p>"
        f"<div class='ws-shown-back ws-current-plan'>{markdown_to_html(plan.exercise.as_markdown(plan.value))}</div>"
    )


def practice_section(store: ResponseStore, participant: str, modules: list[Module] | None = None) -> str:
    """ "This week's practice" for the start page: the plan, and "My practice" once there is a log to keep."""
    modules = modules if modules is not None else practice.listed_modules()
    body = plan_html(store, participant, modules)
    if practice.kept_up(store.latest_answers(participant), modules):
        href = link_with_code(practice.PRACTICE_PAGE, participant)
        body += (
            f"<p class='ws-my-practice'><a href='{html_literal(href)}'>{html_literal(MY_PRACTICE)}</a>. "
            f"{html_literal(MY_PRACTICE_ABOUT)}</p>"
        )
    return f"<section aria-labelledby='ws-practice-heading'><h2 id='ws-practice-heading'>{html_literal(HEADING)}</h2>{body}</section>"


class PracticePage:
    """The "My practice" page: the banner, this week's plan, and every exercise kept up between sessions."""

    def __init__(
        self, store: ResponseStore | None = None, participant: str | None = None, *, show_banner: bool = True
    ) -> None:
        self.problem = ""
        if store is not None:
            self.store, self.participant = store, participant
        else:
            self.participant, self.store = self._participant_and_store()
        self.modules = practice.listed_modules()
        self.widgets: dict[str, w.Widget] = {}
        if show_banner:
            display(stylesheet(), self.banner())

    def _participant_and_store(self) -> tuple[str | None, ResponseStore]:
        if not session.code_for_page():
            return None, ResponseStore(":memory:")
        try:
            store = ResponseStore.default()
            return session.participant_for_page(store), store
        except WorkshopError as error:
            self.problem = f"Your answers cannot be saved right now: {error}"
            return None, ResponseStore(":memory:")

    def banner(self) -> w.HTML:
        home = f"<a href='{html_literal(link_with_code('index.ipynb', self.participant))}'>Back to the start page</a>"
        if self.problem:
            text = f"<strong>Please note:</strong> {html_literal(self.problem)}"
        elif self.participant:
            text = f"You are working with code <strong>{html_literal(self.participant)}</strong>. Your answers save as you go."
        else:
            text = "Start or resume with your code on the start page first: this page shows your own practice."
        banner = w.HTML(f"<p>{text} {home}</p>")
        banner.add_class("ws-banner")
        return banner

    def exercises(self) -> list[Any]:
        if not self.participant:
            return []
        return practice.kept_up(self.store.latest_answers(self.participant), self.modules)

    def show(self) -> None:
        """This week's plan, then every exercise the participant keeps up between sessions."""
        if not self.participant:
            return
        display(w.HTML(f"<h2>{html_literal(HEADING)}</h2>" + plan_html(self.store, self.participant, self.modules)))
        found = self.exercises()
        if not found:
            display(w.HTML(f"<p>{html_literal(NOTHING_YET)}</p>"))
        for exercise in found:
            widget = widget_for(exercise.kind)(exercise, store=self.store, participant=self.participant)
            self.widgets[exercise.id] = widget
            display(widget)


NOTHING_YET = (
    "There is nothing to keep up here yet. When a module gives you something to keep up during the week, "
    "such as a practice log, it shows here."
)
