"""The pages under the hub (WORKSHOP_DEPLOYMENT=hub, as workshop.hub.spawn sets it): the participant is
signed in as their code, so no page asks for a code or a name, links carry nothing, and what the pages
promise (where answers go, who sees a flag, what erase removes) is true for a server of one's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import ipywidgets as w
import nbformat
import pytest
from bs4 import BeautifulSoup
from test_content import assert_readable, markdown_sentences, offline_syllable_dictionary  # noqa: F401 - autouse

from widgets.answers_notice import WHERE_ANSWERS_GO, AnswersNotice
from widgets.flag_notice import FlagNotice
from widgets.landing import HUB_ERASE, HUB_SUBMITTED_COPIES, Landing
from widgets.page import NO_HUB_CODE, Page, link_with_code
from widgets.practice import PracticePage
from workshop import config, participants, session
from workshop.safety import who_sees_flags
from workshop.store import ResponseStore
from workshop.text import html_literal

REPO = Path(__file__).resolve().parents[1]
START_PAGE = REPO / "modules" / "index.ipynb"


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A participant's server on the hub: the variables the spawner sets, and a code of their own."""
    code = participants.new_code()
    monkeypatch.delenv("WORKSHOP_GROUP_MODE", raising=False)
    monkeypatch.setenv("WORKSHOP_DEPLOYMENT", "hub")
    monkeypatch.setenv("WORKSHOP_PARTICIPANT_CODE", code)
    monkeypatch.setenv("JUPYTERHUB_USER", code)
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path / "users" / code))
    monkeypatch.setattr(session, "query_string", lambda: "")
    yield code


def every_widget(widget: w.Widget) -> Iterator[w.Widget]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from every_widget(child)


def shown_html(widget: w.Widget) -> str:
    return " ".join(str(getattr(x, "value", "")) for x in every_widget(widget) if isinstance(x, w.HTML))


# --- config ---------------------------------------------------------------------------------------------------


def test_the_deployment_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("WORKSHOP_DEPLOYMENT", "WORKSHOP_GROUP_MODE", "BINDER_LAUNCH_HOST", "JUPYTERHUB_SERVICE_PREFIX"):
        monkeypatch.delenv(name, raising=False)
    assert config.deployment() == "self-paced" and not config.hub_mode()
    monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    assert config.deployment() == "binder"
    monkeypatch.setenv("WORKSHOP_GROUP_MODE", "1")
    assert config.deployment() == "group"
    monkeypatch.setenv("WORKSHOP_DEPLOYMENT", " Hub ")
    assert config.deployment() == "hub" and config.hub_mode()


def test_the_participant_is_the_signed_in_code_and_nothing_else(hub: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert config.participant_code_from_hub() == hub
    monkeypatch.setenv("WORKSHOP_PARTICIPANT_CODE", hub.upper().replace("-", " "))
    assert config.participant_code_from_hub() == hub  # as the hub user name is: normalized
    monkeypatch.setenv("JUPYTERHUB_USER", participants.new_code())
    assert config.participant_code_from_hub() is None  # a server that is not this code's own keeps nothing
    monkeypatch.setenv("JUPYTERHUB_USER", hub)
    monkeypatch.setenv("WORKSHOP_PARTICIPANT_CODE", hub[:-1] + str((int(hub[-1]) + 1) % 10))
    assert config.participant_code_from_hub() is None
    monkeypatch.delenv("WORKSHOP_PARTICIPANT_CODE")
    assert config.participant_code_from_hub() is None  # a facilitator's server
    monkeypatch.setenv("WORKSHOP_PARTICIPANT_CODE", hub)
    monkeypatch.setenv("WORKSHOP_DEPLOYMENT", "")
    assert config.participant_code_from_hub() is None  # the variable means nothing outside the hub


# --- the start page -------------------------------------------------------------------------------------------


def test_the_start_page_greets_the_signed_in_code_and_asks_for_nothing(hub: str) -> None:
    landing = Landing()
    assert landing.participant == hub
    assert not any(isinstance(x, w.Text | w.Textarea) for x in every_widget(landing))
    assert not any(isinstance(x, w.Button) and "code" in x.description.lower() for x in every_widget(landing))
    assert landing.entry.layout.display == "none" and landing.entry.children == ()
    assert f"<p class='ws-code' aria-label='Your code'>{hub}</p>" in landing.welcome.value
    assert "You are signed in with your code" in landing.welcome.value
    assert "write this code down" not in landing.welcome.value
    html = shown_html(landing)
    assert "Start with a new code" not in html and "Resume" not in html and "participant code" not in html.lower()
    assert "?p=" not in landing.modules_view.value and "Module 1: Triggers" in landing.modules_view.value
    with ResponseStore.default() as store:  # the code is known to this server's own store from the first visit
        assert store.participant_codes() == [hub]


def test_a_code_in_the_address_is_ignored_under_the_hub(hub: str, monkeypatch: pytest.MonkeyPatch) -> None:
    other = participants.new_code()
    with ResponseStore.default() as store:
        store.register_participant(other)
    monkeypatch.setattr(session, "query_string", lambda: f"p={other}")
    assert Landing().participant == hub
    assert Page("welcome", show_banner=False).participant == hub


def test_erase_under_the_hub_says_submitted_copies_stay_with_the_facilitator(hub: str) -> None:
    landing = Landing()
    landing.store.save(hub, "triggers.snapshot_what", "private words")
    controls = landing.after.children[-1].children
    assert HUB_ERASE in shown_html(landing.after) and "on this computer" not in shown_html(landing.after)
    next(c for c in controls if isinstance(c, w.Checkbox)).value = True
    next(c for c in controls if isinstance(c, w.Button) and c.description == "Erase my answers").click()
    result = controls[-1].value
    assert "saved items are gone" in result and HUB_SUBMITTED_COPIES in result
    assert "This code no longer works" not in result  # the sign-in still works: the server just starts empty
    assert landing.store.latest_answers(hub) == {}


def test_a_server_without_a_code_keeps_nothing_and_asks_for_nothing(hub: str, monkeypatch) -> None:
    monkeypatch.delenv("WORKSHOP_PARTICIPANT_CODE")  # a facilitator's server opening the start page
    landing = Landing()
    assert landing.participant is None
    assert NO_HUB_CODE in landing.message.value
    assert not any(isinstance(x, w.Text) for x in every_widget(landing))
    assert "Start or resume first" not in landing.modules_view.value
    page = Page("welcome", show_banner=False)
    assert page.participant is None and NO_HUB_CODE in page.banner().value
    assert not (Path(config.data_dir()) / "responses.sqlite3").exists()


# --- module pages ---------------------------------------------------------------------------------------------


def test_module_pages_work_with_the_signed_in_code_and_link_without_it(hub: str) -> None:
    page = Page("triggers", show_banner=False)
    assert page.participant == hub and page.store.participant_exists(hub)
    assert f"You are working with code <strong>{hub}</strong>" in page.banner().value
    assert page.home_href() == "../index.ipynb"
    assert link_with_code("01_triggers/triggers.ipynb", hub) == "01_triggers/triggers.ipynb"
    practice = PracticePage(show_banner=False)
    assert practice.participant == hub and "?p=" not in practice.banner().value


def test_outside_the_hub_links_still_carry_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKSHOP_DEPLOYMENT", raising=False)
    code = participants.new_code()
    assert link_with_code("index.ipynb", code) == f"index.ipynb?p={code}"


# --- what the pages promise -----------------------------------------------------------------------------------


def test_who_is_told_of_a_flag_under_the_hub(hub: str) -> None:
    text = who_sees_flags(group=False, binder=False, hub=True)
    assert "Nobody is told right away" in text and "submit a module for review" in text
    assert "during the session" not in text
    assert html_literal(text) in FlagNotice().value
    # The hub wins over any group or Binder variable a server might also carry.
    assert who_sees_flags(group=True, binder=True, hub=True) == text


def test_where_answers_go_follows_the_mode(hub: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "your own space on the workshop server" in AnswersNotice().value
    assert "reads only the modules you submit for review" in AnswersNotice().value
    monkeypatch.setenv("WORKSHOP_DEPLOYMENT", "")
    monkeypatch.setenv("WORKSHOP_GROUP_MODE", "1")
    assert "Your facilitator can read them" in AnswersNotice().value
    monkeypatch.delenv("WORKSHOP_GROUP_MODE")
    assert "sees only what you send them" in AnswersNotice().value
    assert set(WHERE_ANSWERS_GO) == {config.HUB, config.GROUP, config.BINDER, config.SELF_PACED}


def test_the_start_page_shows_the_mode_true_notice_and_states_no_fixed_promise() -> None:
    notebook = nbformat.read(START_PAGE, as_version=4)
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert "AnswersNotice()" in code and "FlagNotice()" in code
    assert "your facilitator can read them" not in markdown.lower()


def test_the_hub_wording_is_plain(hub: str) -> None:
    welcome = BeautifulSoup(Landing().welcome.value, "html.parser")
    welcome.find(class_="ws-code").decompose()
    texts = [
        who_sees_flags(group=False, binder=False, hub=True),
        *WHERE_ANSWERS_GO.values(),
        HUB_ERASE,
        NO_HUB_CODE,
        welcome.get_text(" "),
    ]
    assert_readable([s for text in texts for s in markdown_sentences(text)], "hub wording")
