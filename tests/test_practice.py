"""Practice between sessions without a browser: the current plan, "My practice", and the printable PDFs
offered in the page (the start page's answers, a module's worksheets)."""

from __future__ import annotations

import base64
import html
import re

import pytest

from widgets.landing import Landing
from widgets.page import PRINT_WORKSHEETS, Page
from widgets.pdf_download import PdfDownload
from widgets.practice import HEADING, MY_PRACTICE, NO_PLAN, PracticePage, practice_section
from workshop import practice
from workshop.store import ResponseStore

LADDER = {"steps": [{"text": "Ask a shop worker where something is", "suds": 20}], "next": 0}


@pytest.fixture
def store() -> ResponseStore:
    store = ResponseStore(":memory:")
    store.register_participant("p")
    return store


def test_the_current_plan_is_the_one_saved_last(store: ResponseStore) -> None:
    assert practice.current_plan(store, "p") is None
    store.save("p", "desensitization.week_plan", {"what": "Ask a shop worker", "when": "Monday"})
    store.save("p", "triggers.week_plan", {"what": "Notice one sting"})
    plan = practice.current_plan(store, "p")
    assert plan is not None and plan.exercise.id == "triggers.week_plan"
    store.save("p", "triggers.week_plan", {"what": ""})  # emptied: no longer a plan
    plan = practice.current_plan(store, "p")
    assert plan is not None and plan.exercise.id == "desensitization.week_plan"


def test_my_practice_appears_once_a_ladder_exists(store: ResponseStore) -> None:
    assert practice.kept_up(store.latest_answers("p")) == []
    store.save("p", "desensitization.ladder", {"steps": [], "next": None})
    assert practice.kept_up(store.latest_answers("p")) == []
    assert MY_PRACTICE not in practice_section(store, "p")
    store.save("p", "desensitization.ladder", LADDER)
    assert [e.id for e in practice.kept_up(store.latest_answers("p"))] == ["desensitization.practice"]
    html = practice_section(store, "p")
    assert MY_PRACTICE in html and "my_practice.ipynb?p=p" in html


def test_the_start_page_shows_this_weeks_plan_escaped(store: ResponseStore) -> None:
    landing = Landing(store=store)
    landing._enter("p", new=False)
    assert html.escape(HEADING) in landing.practice_view.value and NO_PLAN in landing.practice_view.value
    store.save("p", "reframing.week_plan", {"what": "One <b>thought</b> record", "when": "Sunday evening"})
    landing._enter("p", new=False)
    shown = landing.practice_view.value
    assert "&lt;b&gt;thought&lt;/b&gt;" in shown and "<b>thought</b>" not in shown
    assert "Sunday evening" in shown and "04_reframing/reframing.ipynb?p=p" in shown


def test_the_practice_page_shows_the_log_to_keep_up(store: ResponseStore, monkeypatch) -> None:
    monkeypatch.setattr("widgets.practice.display", lambda *args: None)
    page = PracticePage(store=store, participant="p", show_banner=False)
    page.show()
    assert page.widgets == {}
    store.save("p", "desensitization.ladder", LADDER)
    page.show()
    assert list(page.widgets) == ["desensitization.practice"]
    widget = page.widgets["desensitization.practice"]
    widget._add_entry()
    widget.flush()
    assert store.latest("p", "desensitization.practice")["entries"][0]["date"]


def pdf_links(download: PdfDownload) -> list[bytes]:
    download.prepare()
    found = re.findall(r"href='data:application/pdf;base64,([^']+)'", download.result.value)
    return [base64.b64decode(data) for data in found]


def test_download_my_answers_as_a_printable_pdf(store: ResponseStore) -> None:
    store.save("p", "triggers.snapshot_what", "A slow reply")
    landing = Landing(store=store)
    landing._enter("p", new=False)
    [printable] = [
        child
        for box in landing.after.children
        for child in getattr(box, "children", ())
        if isinstance(child, PdfDownload)
    ]
    assert printable.button.description == "Download my answers as a printable PDF"
    pdfs = pdf_links(printable)
    assert len(pdfs) == 2 and all(pdf.startswith(b"%PDF") for pdf in pdfs)


def test_every_module_page_with_worksheets_offers_to_print_them(store: ResponseStore, monkeypatch) -> None:
    shown: list = []
    monkeypatch.setattr("widgets.page.display", lambda *args: shown.extend(args))
    page = Page("reframing", store=store, participant="p", show_banner=False)
    page.nav()
    [download] = [item for item in shown if isinstance(item, PdfDownload)]
    assert download.button.description == PRINT_WORKSHEETS
    assert all(pdf.startswith(b"%PDF") for pdf in pdf_links(download))
