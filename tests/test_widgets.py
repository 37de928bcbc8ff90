"""Exercise widgets without a browser: restore, save through the store, refuse bad input, report status."""

from __future__ import annotations

import ipywidgets as w
import pytest

from widgets.base import NOT_ANSWERED, NOT_SAVED, PRACTICE, SAVED
from widgets.checklist import ChecklistWidget
from widgets.choice import NOT_BEST, RIGHT, feedback_html
from widgets.rating import RatingWidget
from widgets.reflection import ReflectionWidget
from widgets.registry import widget_for
from workshop.kinds.checklist import Checklist
from workshop.kinds.choice import Choice
from workshop.kinds.rating import Rating
from workshop.kinds.reflection import Reflection
from workshop.store import ResponseStore

NOTE = Reflection(id="demo.note", prompt="What happened?", max_length=20)
PICK = Checklist(id="demo.pick", prompt="Which fit?", options=("one", "two", "three"))
SMALL = Rating(id="demo.small", prompt="How strong?", minimum=0, maximum=10, anchors=((0, "none"), (10, "most")))
LARGE = Rating(id="demo.large", prompt="Distress now?", minimum=0, maximum=100)


@pytest.fixture
def store() -> ResponseStore:
    s = ResponseStore(":memory:")
    s.register_participant("p")
    return s


def test_reflection_saves_each_change_as_a_revision_and_restores(store: ResponseStore) -> None:
    widget = ReflectionWidget(NOTE, store=store, participant="p")
    assert widget.status == NOT_ANSWERED
    widget.text.value = "first"
    widget.text.value = "first, then more"
    assert widget.status == SAVED
    assert [r.value for r in store.revisions("p", "demo.note")] == ["first", "first, then more"]
    again = ReflectionWidget(NOTE, store=store, participant="p")
    assert again.text.value == "first, then more" and again.status == SAVED
    assert "16 of 20 characters" in again.counter.value


def test_too_long_text_is_refused_but_stays_on_screen(store: ResponseStore) -> None:
    widget = ReflectionWidget(NOTE, store=store, participant="p")
    widget.text.value = "x" * 25
    assert widget.status == NOT_SAVED
    assert "limit here is 20" in widget.message and "not been cut" in widget.message
    assert widget.text.value == "x" * 25
    assert store.revisions("p") == []
    assert "too long to save" in widget.counter.value
    widget.text.value = "x" * 20
    assert widget.status == SAVED and widget.message == ""


def test_the_note_appears_above_the_status_only_once_there_is_something_to_say(store: ResponseStore) -> None:
    widget = ReflectionWidget(NOTE, store=store, participant="p")
    notes = [c for c in widget.children if "ws-message" in c._dom_classes]
    assert notes == [], "an exercise with nothing to say holds no note widget"
    widget.text.value = "x" * 25
    (note,) = [c for c in widget.children if "ws-message" in c._dom_classes]
    assert "Please note:" in note.value and "limit here is 20" in note.value
    assert widget.children.index(note) == widget.children.index(widget._status_view) - 1
    widget.text.value = "short"
    assert note.value == "" and note in widget.children
    widget.text.value = "y" * 30
    assert [c for c in widget.children if "ws-message" in c._dom_classes] == [note], "one note, reused"


def test_participant_text_is_escaped_in_every_html_view(store: ResponseStore) -> None:
    widget = ReflectionWidget(NOTE, store=store, participant="p")
    widget.text.value = "<img src=x onerror=alert(1)>" * 2
    html = " ".join(child.value for child in widget.children if isinstance(child, w.HTML))
    assert "<img" not in html


def test_checklist_keeps_declared_order_and_other_text(store: ResponseStore) -> None:
    widget = ChecklistWidget(PICK, store=store, participant="p")
    widget.boxes[2].value = True
    widget.boxes[0].value = True
    widget.other.value = "my own"
    assert store.latest("p", "demo.pick") == {"selected": ["one", "three"], "other": "my own"}
    again = ChecklistWidget(PICK, store=store, participant="p")
    assert [b.value for b in again.boxes] == [True, False, True] and again.other.value == "my own"


def test_ratings_save_only_what_the_participant_chose(store: ResponseStore) -> None:
    small = RatingWidget(SMALL, store=store, participant="p")
    assert isinstance(small.control, w.RadioButtons) and small.control.value is None
    assert small.control.options[0] == ("0 none", 0)
    small.control.value = 7
    assert store.latest("p", "demo.small") == 7
    large = RatingWidget(LARGE, store=store, participant="p")
    assert isinstance(large.control, w.IntSlider)
    assert store.latest("p", "demo.large") is None  # untouched slider is not an answer
    large.keep.click()
    assert store.latest("p", "demo.large") == 0 and large.keep.layout.display == "none"
    large.control.value = 65
    assert store.latest("p", "demo.large") == 65
    assert RatingWidget(LARGE, store=store, participant="p").control.value == 65


def test_without_a_participant_nothing_is_stored(store: ResponseStore) -> None:
    widget = ReflectionWidget(NOTE, store=store, participant=None)
    widget.text.value = "practice"
    assert widget.status == PRACTICE
    assert store.revisions("p") == [] and widget.value == "practice"


def test_a_store_failure_is_reported_and_the_text_kept(store: ResponseStore) -> None:
    widget = ReflectionWidget(NOTE, store=store, participant="p")
    store.close()
    widget.text.value = "important words"
    assert widget.status == NOT_SAVED
    assert "still here" in widget.message and widget.text.value == "important words"


def test_registry_finds_widgets_by_kind() -> None:
    assert widget_for("reflection") is ReflectionWidget
    with pytest.raises(KeyError, match="No widget"):
        widget_for("no-such-kind")


def test_feedback_names_the_verdict_in_words_and_escapes_text() -> None:
    question = Choice(
        id="triggers.sample", prompt="Pick one", options=("a", "b"), answer=1, explanations=("No <b>", "Yes & so")
    )
    assert feedback_html(question, None) == ""
    assert RIGHT in feedback_html(question, 1) and "Yes &amp; so" in feedback_html(question, 1)
    assert NOT_BEST in feedback_html(question, 0) and "&lt;b&gt;" in feedback_html(question, 0)
