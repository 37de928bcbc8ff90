"""The start page: start with a new code or resume with one, then the modules, linked with the code.

Under the hub the participant has signed in with their code already: the page asks for nothing and greets
them with it (a server without a code, a facilitator's, keeps nothing)."""

from __future__ import annotations

import json
import re
from typing import Any

import ipywidgets as w

from widgets.download import download_link
from widgets.feedback import FeedbackList
from widgets.page import NO_HUB_CODE, link_with_code
from widgets.pdf_download import PdfDownload
from widgets.practice import practice_section
from workshop import config, participants, session
from workshop.errors import WorkshopError
from workshop.exercises import ExerciseDeclarationError, ModuleInfo, module_index, modules_dir
from workshop.store import ResponseStore
from workshop.text import html_literal

# Answers are health information: a download goes to the clinic by a channel it secures, never plain email.
SEND_SAFELY = (
    "Keep the file somewhere private. If you send it to your facilitator, use the safe way that you and "
    "your clinic agree on, such as a secure patient portal. Please do not send it by plain email."
)
ERASE = (
    "Erasing removes every answer kept under your code, and any copies sent to your facilitator for review on "
    "this computer. It cannot be undone. Download a copy first if you want one."
)
# Under the hub, erase reaches this participant's own server only: what was submitted is with the facilitator.
HUB_SUBMITTED_COPIES = (
    "Modules you submitted for review stay with your facilitator. Ask them if you want those copies erased too."
)
HUB_ERASE = (
    "Erasing removes every answer kept under your code on your workshop server, and the copies of your "
    "submissions and feedback kept there. It cannot be undone. "
    + HUB_SUBMITTED_COPIES
    + " Download a copy first if you want one."
)
NUMBERED_HEADING = re.compile(r"^Module (\d+):\s*(\S.*)$")
COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def module_heading(module: ModuleInfo) -> str:
    """The module page's own title (its first "# " heading, e.g. "Module 1: Triggers"), else its title."""
    try:
        notebook = json.loads((modules_dir() / module.notebook).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        notebook = {}
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        for line in (source if isinstance(source, str) else "".join(source)).splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return module.title


def module_entry(module: ModuleInfo, heading: str) -> tuple[str, str]:
    """(link text, what follows it): "Module 1: Triggers" and "why rejection can hit so hard"."""
    name, _, subtitle = module.title.partition(": ")
    numbered = NUMBERED_HEADING.match(heading)
    shown_name = numbered.group(2) if numbered else heading
    return heading, subtitle if subtitle and name.strip().lower() == shown_name.strip().lower() else ""


def count_words(count: int) -> str:
    return COUNT_WORDS[count] if count < len(COUNT_WORDS) else str(count)


def modules_summary(headings: list[str]) -> str:
    """How many numbered modules there are, and what comes before and after them, from the modules found."""
    numbered = [n for n, heading in enumerate(headings) if NUMBERED_HEADING.match(heading)]
    if not numbered:
        return ""
    count = len(numbered)
    text = f"There {'is' if count == 1 else 'are'} {count_words(count)} module{'' if count == 1 else 's'}"
    before = [h for n, h in enumerate(headings) if n < numbered[0]]
    after = [h for n, h in enumerate(headings) if n > numbered[-1]]
    them = "it" if count == 1 else "them"
    extras = [f"{h.split(':')[0].lower()} before {them}" for h in before] + [
        f"{h.split(':')[0].lower()} after {them}" for h in after
    ]
    if extras:
        text += ", with a " + " and a ".join(extras)
    return text + "."


class Landing(w.VBox):
    """Start or resume; once a participant is known, their modules, downloads, feedback and erase."""

    def __init__(self, store: ResponseStore | None = None, **kwargs: Any) -> None:
        self._store = store
        self.participant: str | None = None
        self.start_button = w.Button(description="Start with a new code", button_style="primary")
        self.start_button.on_click(lambda _b: self.start())
        self.code_field = w.Text(
            description="Your participant code",
            placeholder=f"e.g. {participants.example_code()}",
            style={"description_width": "initial"},
            layout={"width": "100%", "max_width": "36rem"},
        )
        self.code_field.on_submit(lambda _t: self.resume(self.code_field.value))
        self.resume_button = w.Button(description="Resume with this code")
        self.resume_button.on_click(lambda _b: self.resume(self.code_field.value))
        self.message = w.HTML()
        self.message.add_class("ws-status")
        self.welcome = w.HTML()
        self.practice_view = w.HTML()
        self.modules_view = w.HTML()
        self.after = w.VBox()
        self.hub = config.hub_mode()
        # Under the hub nobody starts or resumes here: the sign-in said who this is, so nothing is asked.
        self.entry = w.VBox(
            []
            if self.hub
            else [
                w.HTML(f"<h2>New here?</h2><p>You will get a code made of {participants.code_format()}.</p>"),
                self.start_button,
                w.HTML("<h2>Coming back?</h2>"),
                self.code_field,
                self.resume_button,
            ],
            layout=w.Layout(),  # hidden once a code is in use: its own layout, not the page's shared one
        )
        super().__init__(
            children=[self.entry, self.message, self.welcome, self.practice_view, self.modules_view, self.after],
            **kwargs,
        )
        self.add_class("ws-landing")
        if self.hub:
            self.entry.layout.display = "none"
            self._enter_from_hub()
        else:
            code = session.participant_from_query(self.store) if session.code_from_query() else None
            if code:
                self._enter(code, new=False)
        self._show_modules()

    @property
    def store(self) -> ResponseStore:
        if self._store is None:
            self._store = ResponseStore.default()
        return self._store

    def start(self) -> str:
        code = participants.new_code()
        try:
            self.store.register_participant(code)
        except WorkshopError as error:
            self.message.value = f"<p><strong>Could not start:</strong> {html_literal(str(error))}</p>"
            raise
        self._enter(code, new=True)
        return code

    def resume(self, typed: str) -> str | None:
        try:
            code = participants.check_code(typed, self.store)
        except WorkshopError as error:
            self.message.value = f"<p><strong>That code did not work.</strong> {html_literal(str(error))}</p>"
            return None
        self._enter(code, new=False)
        return code

    def _enter_from_hub(self) -> None:
        try:
            code = session.participant_for_page(self.store) if session.code_for_page() else None
        except WorkshopError as error:
            self.message.value = (
                f"<p><strong>Your answers cannot be kept right now.</strong> {html_literal(str(error))}</p>"
            )
            return
        if code is None:
            self.message.value = f"<p>{html_literal(NO_HUB_CODE)}</p>"
            return
        self._enter(code, new=False)

    def _enter(self, code: str, *, new: bool) -> None:
        self.participant = code
        session.join_group_session(self.store, code)
        self.entry.layout.display = "none"
        self.message.value = ""
        # The module links carry the code before the code shows: whoever sees the code can follow a link.
        self._show_modules()
        shown = f"<p class='ws-code' aria-label='Your code'>{html_literal(code)}</p>"
        if self.hub:
            self.welcome.value = (
                f"<h2>Welcome</h2><p>You are signed in with your code</p>{shown}"
                "<p>Your answers are kept under this code. The workshop never asks for your name.</p>"
            )
        elif new:
            self.welcome.value = (
                "<h2>Your code</h2>"
                f"{shown}"
                "<p><strong>Please write this code down now</strong> and keep it somewhere private. "
                "You need it to come back to your answers. It is the only way to find them: "
                "we do not ask for your name or email, so nobody can send it to you again.</p>"
            )
        else:
            self.welcome.value = f"<h2>Welcome back</h2><p>You are working with code</p>{shown}"
        self._show_practice()
        self._show_after()

    def _show_practice(self) -> None:
        """This week's plan, and "My practice" once there is something to keep up between sessions."""
        try:
            self.practice_view.value = practice_section(self.store, self.participant)
        except (WorkshopError, ExerciseDeclarationError) as error:
            self.practice_view.value = f"<p>This week's practice cannot be shown: {html_literal(str(error))}</p>"

    def _show_modules(self) -> None:
        try:
            # A module with wrong exercises is listed (its page explains); the authors' gallery is not.
            modules = [m for m in module_index()[0] if m.listed]
        except ExerciseDeclarationError as error:
            self.modules_view.value = f"<p>The modules could not be listed: {html_literal(str(error))}</p>"
            return
        headings = [module_heading(module) for module in modules]
        items = []
        for module, heading in zip(modules, headings, strict=True):
            href = link_with_code(module.notebook, self.participant)
            text, subtitle = module_entry(module, heading)
            about = ", ".join(
                part for part in (subtitle, f"about {module.minutes} minutes" if module.minutes else "") if part
            )
            after = f" – {html_literal(about)}" if about else ""
            items.append(f"<li><a href='{html_literal(href)}'>{html_literal(text)}</a>{after}</li>")
        summary = modules_summary(headings)
        note = (
            ""
            if self.participant or self.hub  # under the hub without a code the message above says why
            else "<p>Start or resume first, so that your answers are kept.</p>"
        )
        self.modules_view.value = (
            "<h2>The modules</h2>"
            + (f"<p>{html_literal(summary)}</p>" if summary else "")
            + note
            + "<ul class='ws-modules'>"
            + "".join(items)
            + "</ul>"
        )

    def _show_after(self) -> None:
        children: list[w.Widget] = []
        children.append(FeedbackList(self.participant))
        children.append(self._my_answers())
        self.after.children = children

    def _my_answers(self) -> w.VBox:
        code = self.participant
        export = self.store.export(code)
        links = w.HTML(
            "<h2>Your answers</h2><p>Download a copy of everything you have written: "
            + download_link(
                "as a readable document (Markdown)",
                f"my-answers-{code}.md",
                self.store.export_markdown(code),
                "text/markdown;charset=utf-8",
            )
            + " or "
            + download_link(
                "as data (JSON)",
                f"my-answers-{code}.json",
                json.dumps(export, ensure_ascii=False, indent=2),
                "application/json;charset=utf-8",
            )
            + ".</p>"
            f"<p>{html_literal(SEND_SAFELY)}</p>"
        )
        printable = PdfDownload(
            "Download my answers as a printable PDF",
            lambda paper: self._answers_pdf(code, paper),
            f"my-answers-{code}",
        )
        confirm = w.Checkbox(description="Yes, erase all my answers for good", indent=False)
        erase = w.Button(description="Erase my answers", disabled=True)
        confirm.observe(lambda change: setattr(erase, "disabled", not change["new"]), "value")
        result = w.HTML()
        result.add_class("ws-status")

        def do_erase(_button: w.Button) -> None:
            from workshop.data_commands import erase_everywhere

            try:
                erased = erase_everywhere(code, self.store)
            except WorkshopError as error:
                result.value = f"<p>{html_literal(str(error))}</p>"
                return
            if self.hub:
                result.value = (
                    f"<p>Erased: {erased.store_rows} saved items are gone. {html_literal(HUB_SUBMITTED_COPIES)}</p>"
                )
            else:
                review = (
                    " The copies your facilitator had for review (your submissions and their comments) were erased too."
                    if erased.course.removed_anything
                    else ""
                )
                result.value = (
                    f"<p>Erased: {erased.store_rows} saved items are gone.{review} This code no longer works.</p>"
                )
            erase.disabled = confirm.disabled = True

        erase.on_click(do_erase)
        about = w.HTML(f"<h3>Erase</h3><p>{html_literal(HUB_ERASE if self.hub else ERASE)}</p>")
        return w.VBox([links, printable, about, confirm, erase, result])

    def _answers_pdf(self, code: str, paper: str) -> bytes:
        from workshop.handouts import answers_pdf  # imported on click: most visits never print

        return answers_pdf(code, self.store.latest_answers(code), paper)
