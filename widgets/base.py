"""The exercise base: binds one declared exercise to the response store.

A subclass builds its controls from the declaration and maps them to and from the exercise's value; the
base does the rest the same way for every exercise: restore the latest answer, save shortly after the
participant stops (debounced), say "Saved" where eyes and screen readers both find it, refuse bad input
with a clear message while keeping it on screen, and open the crisis resources when free text asks for them.
"""

from __future__ import annotations

import logging
from typing import Any, ClassVar

import ipywidgets as w
import traitlets

from workshop.debounce import Debouncer
from workshop.errors import WorkshopError
from workshop.exercises import Exercise, find_exercise
from workshop.store import ResponseStore
from workshop.text import html_literal, markdown_to_html

SAVE_DELAY_S = 0.4
LOG = logging.getLogger("workshop")

# Status words, not colours, carry the meaning; the template makes .ws-status a polite live region.
NOT_ANSWERED = "Not answered yet"
SAVING = "Saving…"
SAVED = "Saved"
NOT_SAVED = "Not saved"
PRACTICE = "Practice mode: answers on this page are not stored"
EXAMPLE = "A worked example to read: nothing to fill in here"


class ExerciseWidget(w.VBox):
    """One exercise on the page. ``value`` is the answer in the exercise's canonical form."""

    kind: ClassVar[str] = ""

    value = traitlets.Any(allow_none=True)
    status = traitlets.Unicode(NOT_ANSWERED)
    message = traitlets.Unicode("")

    def __init__(
        self,
        exercise: Exercise,
        *,
        store: ResponseStore | None = None,
        participant: str | None = None,
        on_flag: Any = None,
        **kwargs: Any,
    ) -> None:
        self.exercise = exercise
        self.participant = participant
        self.store = store if store is not None else ResponseStore(":memory:")
        self._practice = participant is None
        self._debouncer = Debouncer(self._save_now, SAVE_DELAY_S)
        self._restoring = False
        self._crisis_shown = False
        self._pending_flags: list[Any] = []  # flag writes waiting for the store (see record_pending_flags)
        self._status_view = w.HTML(layout={"margin": "2px 0"})
        self._status_view.add_class("ws-status")
        # Added above the status on the first message: most exercises never show one, and every widget a page
        # holds costs its kernel, its server and its browser time on load.
        self._message_view: w.HTML | None = None
        self._extra: w.VBox | None = None  # crisis panel, grounding and the like, once one is shown (show_below)
        controls = self.build_controls()
        children = [*self._shown_back(), *controls, self._status_view]
        super().__init__(children=children, **kwargs)
        self.add_class("ws-exercise")
        self.add_class(f"ws-{self.kind or exercise.kind}")
        self._restore()
        self._render_status()
        self.observe(self._on_value_change, "value")
        self.observe(lambda _change: self._render_status(), ["status", "message"])

    def __repr__(self) -> str:
        # Only a notebook's plain-text fallback shows this; ipywidgets' own walks the state of every child.
        return f"{type(self).__name__}({self.exercise.id!r})"

    # -- for subclasses ------------------------------------------------------------------------------

    def show_below(self, widget: w.Widget) -> None:
        """Show ``widget`` (the crisis panel, a grounding panel) under the exercise's status, after any shown
        before. The box that holds them is added on first need: most exercises never show one."""
        if self._extra is None:
            self._extra = w.VBox()
            self.children = (*self.children, self._extra)
        self._extra.children = (*self._extra.children, widget)

    def build_controls(self) -> list[w.Widget]:
        """Create the controls (call ``self.set_value_from_controls`` when they change)."""
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        """Put a stored value back into the controls."""
        raise NotImplementedError

    def set_value_from_controls(self, value: Any) -> None:
        if not self._restoring:
            self.value = value

    def earlier_answer(self, exercise_id: str) -> tuple[Exercise, Any] | None:
        """This participant's answer to another exercise (possibly of another module), with its declaration;
        None when there is none, or it cannot be read (unknown id, broken module, older declaration)."""
        source = find_exercise(exercise_id) if exercise_id else None
        if source is None or not self.participant:
            return None
        try:
            value = source.validate(self.store.latest(self.participant, source.id))
        except (ValueError, WorkshopError):
            return None
        return (source, value) if source.is_answered(value) else None

    def _shown_back(self) -> list[w.Widget]:
        """An earlier answer this exercise builds on (``shows_back``), shown read-only so it is not retyped."""
        earlier = self.earlier_answer(self.exercise.shows_back)
        if earlier is None:
            return []
        source, value = earlier
        body = markdown_to_html(source.as_markdown(value))
        view = w.HTML(f"<p><strong>Earlier you wrote</strong> ({html_literal(source.prompt)}):</p>{body}")
        view.add_class("ws-shown-back")
        return [view]

    # -- restore, validate, save ---------------------------------------------------------------------

    def _restore(self) -> None:
        asks = self.participant and not self.exercise.display_only
        stored = self.store.latest(self.participant, self.exercise.id) if asks else None
        self._restoring = True
        try:
            if stored is not None:
                try:
                    stored = self.exercise.validate(stored)
                except ValueError:
                    # Saved under an older declaration (e.g. an option renamed): keep it visible, unmodified.
                    self.message = "An earlier answer here no longer fits this exercise; it is kept in your export."
                    stored = None
            self.value = stored if stored is not None else self.exercise.empty()
            self.show_value(self.value)
        finally:
            self._restoring = False
        if self.exercise.display_only:
            self.status = EXAMPLE
        elif self._practice:
            self.status = PRACTICE
        elif stored is not None:
            self.status = SAVED
        else:
            self.status = NOT_ANSWERED

    def _on_value_change(self, change: dict[str, Any]) -> None:
        if self._restoring or self.exercise.display_only:
            return
        self._check_crisis(change["new"])
        try:
            self.exercise.validate(change["new"])
        except ValueError as error:
            self._debouncer.cancel()
            self.message = str(error)
            self.status = NOT_SAVED
            return
        self.message = ""
        if self._practice:
            return
        self.status = SAVING
        self._debouncer.trigger()

    def _save_now(self) -> None:
        try:
            value = self.exercise.validate(self.value)
            self.store.save(self.participant, self.exercise.id, value)
        except ValueError as error:
            self.message, self.status = str(error), NOT_SAVED
        except WorkshopError as error:
            self.message = f"{error} Your answer is still here on the page."
            self.status = NOT_SAVED
        else:
            self.status = SAVED
            self.record_pending_flags()

    def flush(self) -> None:
        """Save now anything still waiting for the debounce delay."""
        self._debouncer.flush()

    def _render_status(self) -> None:
        self._status_view.value = f"<span>{html_literal(self.status)}</span>"
        if self._message_view is None:
            if not self.message:
                return
            self._message_view = w.HTML()
            self._message_view.add_class("ws-message")
            at = self.children.index(self._status_view)
            self.children = (*self.children[:at], self._message_view, *self.children[at:])
        self._message_view.value = (
            f"<p><strong>Please note:</strong> {html_literal(self.message)}</p>" if self.message else ""
        )

    # -- safety --------------------------------------------------------------------------------------

    def _check_crisis(self, value: Any) -> None:
        if self._crisis_shown:
            return  # one panel and one flag per exercise on a page: the facilitator follows up on the first
        # Imported when an answer is first checked, not with the page: a page's kernel builds every exercise
        # before anyone types, and the checks and their panel cost about 7 ms to import.
        from widgets.crisis import CrisisPanel
        from workshop.safety import crisis_in_answer, record_crisis_language

        crisis = crisis_in_answer(value)
        if crisis is None:
            return
        text, check = crisis
        self._crisis_shown = True
        # The panel shows the resources for what was written (danger from others adds its hotline).
        self.show_below(CrisisPanel(category=check.category))
        if self.participant:
            self._pending_flags.append(
                lambda: record_crisis_language(self.store, self.participant, self.exercise.id, text)
            )
            self.record_pending_flags()

    def record_pending_flags(self) -> None:
        """Record flags that could not be stored yet; retried on every save until the store takes them.

        A flag that fails to save is never dropped in silence: it is logged, the help stays on screen, and
        the next save tries again."""
        while self._pending_flags:
            try:
                self._pending_flags[0]()
            except WorkshopError as error:
                LOG.warning(
                    "A safety flag for %s could not be saved yet (%s); it will be tried again.", self.exercise.id, error
                )
                return
            self._pending_flags.pop(0)
