"""Safety and questionnaire widgets without a browser: what appears, what is stored, what is flagged."""

from __future__ import annotations

import ipywidgets as w
import pytest

from widgets.checkin import CheckInWidget
from widgets.crisis import CrisisPanel
from widgets.fear_ratings import FearRatingsWidget
from widgets.grounding import GroundingPanel
from widgets.questionnaire import QuestionnaireWidget
from widgets.reflection import ReflectionWidget
from widgets.registry import widget_for
from workshop.kinds.checkin import CheckIn, CheckOut
from workshop.kinds.fear_ratings import FearRatings
from workshop.kinds.questionnaire import Questionnaire
from workshop.kinds.reflection import Reflection
from workshop.safety import FLAG_DISTRESS
from workshop.store import ResponseStore

CHECKIN = CheckIn(id="demo.checkin", prompt="How much distress do you feel right now?")
CHECKOUT = CheckOut(id="demo.checkout", prompt="And now?")
RSES = Questionnaire(id="welcome.rses", prompt="About you", measure="rses")
FEARS = FearRatings(id="welcome.fears", prompt="Three situations")
FEARS_AGAIN = FearRatings(id="closing.fears", prompt="The same three", same_as="welcome.fears")


@pytest.fixture
def store() -> ResponseStore:
    s = ResponseStore(":memory:")
    s.register_participant("p")
    return s


def html_of(widget: w.Widget) -> str:
    """All the HTML a widget tree shows (children included)."""
    parts = [widget.value] if isinstance(widget, w.HTML) else []
    for child in getattr(widget, "children", ()):
        parts.append(html_of(child))
    return " ".join(parts)


def panels(widget: w.Widget, cls: type) -> list[w.Widget]:
    found = [widget] if isinstance(widget, cls) else []
    for child in getattr(widget, "children", ()):
        found += panels(child, cls)
    return found


def test_each_kind_has_its_widget() -> None:
    assert widget_for("checkin") is CheckInWidget and widget_for("checkout") is CheckInWidget
    assert widget_for("questionnaire") is QuestionnaireWidget and widget_for("fear_ratings") is FearRatingsWidget


def test_crisis_panel_shows_the_resources_in_a_labelled_region() -> None:
    panel = CrisisPanel()
    assert "aria-label='Crisis support'" in panel.value
    assert 'href="tel:988"' in panel.value and 'href="tel:911"' in panel.value


def test_the_panel_for_danger_from_others_adds_the_hotline_and_its_own_lead() -> None:
    danger = CrisisPanel(category="danger_from_others").value
    assert "You deserve to be safe" in danger and 'href="tel:18007997233"' in danger and 'href="tel:988"' in danger
    ideation = CrisisPanel(category="ideation").value
    assert 'href="tel:988"' in ideation and "18007997233" not in ideation and "very painful" in ideation
    assert 'href="tel:18007997233"' in CrisisPanel().value  # no category: every resource, as in the header
    assert "ws-crisis-lead" not in CrisisPanel(lead="", category="danger_from_others").value


def test_a_check_in_of_85_offers_grounding_and_resources_and_flags_it(store: ResponseStore) -> None:
    widget = CheckInWidget(CHECKIN, store=store, participant="p")
    assert not panels(widget, GroundingPanel)
    widget.control.value = 85
    (grounding,) = panels(widget, GroundingPanel)
    assert panels(grounding, CrisisPanel)
    grounding.breathing_button.click()
    assert "count to 4" in grounding.shown.value
    grounding.five_button.click()
    assert "5 things you can see" in grounding.shown.value
    grounding.pause_button.click()
    assert "take a break" in grounding.shown.value
    (flag,) = store.flags()
    assert (flag.kind, flag.module, flag.details["value"]) == (FLAG_DISTRESS, "demo", 85)
    assert store.latest("p", "demo.checkin") == 85
    widget.control.value = 90  # one flag per check-in on a page
    assert len(store.flags()) == 1 and len(panels(widget, GroundingPanel)) == 1


def test_a_low_check_in_offers_nothing_and_flags_nothing(store: ResponseStore) -> None:
    widget = CheckInWidget(CHECKIN, store=store, participant="p")
    widget.control.value = 69
    assert not panels(widget, GroundingPanel) and store.flags() == []


def test_a_rise_of_30_since_the_check_in_offers_grounding(store: ResponseStore) -> None:
    store.save("p", "demo.checkin", 30)
    checkout = CheckInWidget(CHECKOUT, store=store, participant="p")
    checkout.control.value = 59
    assert not panels(checkout, GroundingPanel)
    checkout.control.value = 60
    assert panels(checkout, GroundingPanel)
    (flag,) = store.flags()
    assert flag.details["checkin"] == 30 and flag.details["value"] == 60


def test_practice_mode_check_out_still_compares_with_the_check_in() -> None:
    checkin = CheckInWidget(CheckIn(id="practice.checkin", prompt="Now?"), store=ResponseStore(":memory:"))
    checkin.control.value = 10
    checkout = CheckInWidget(CheckOut(id="practice.checkout", prompt="Now?"), store=ResponseStore(":memory:"))
    checkout.control.value = 45
    assert panels(checkout, GroundingPanel)


def test_crisis_language_in_a_reflection_shows_the_resources_and_flags_it(store: ResponseStore) -> None:
    widget = ReflectionWidget(Reflection(id="welcome.hopes", prompt="Your hopes"), store=store, participant="p")
    widget.text.value = "This rejection is killing me"
    assert not panels(widget, CrisisPanel)
    widget.text.value = "honestly i dont want to be alive anymore"
    assert panels(widget, CrisisPanel)
    assert [f.kind for f in store.flags()] == ["crisis_language"]


def test_questionnaire_scores_only_when_complete_and_allows_skipping(store: ResponseStore) -> None:
    widget = QuestionnaireWidget(RSES, store=store, participant="p")
    assert len(widget.items) == 10
    assert widget.items[1].description == "2. At times I think I am no good at all."
    assert [label for label, _ in widget.items[0].options] == [
        "Strongly agree",
        "Agree",
        "Disagree",
        "Strongly disagree",
    ]
    answers = [3, 0, 3, 3, 0, 0, 3, 0, 0, 3]
    for radio, answer in zip(widget.items[:-1], answers[:-1], strict=True):
        radio.value = answer
    assert store.latest("p", "welcome.rses") == [*answers[:-1], None]
    assert "9 of 10 answered" in widget.summary.value and "score" not in widget.summary.value.split(".")[0]
    widget.items[-1].value = 3
    assert "Your score is 30, on a scale from 0 to 30" in widget.summary.value
    again = QuestionnaireWidget(RSES, store=store, participant="p")
    assert [r.value for r in again.items] == answers and "Your score is 30" in again.summary.value
    again.clear.click()
    assert store.latest("p", "welcome.rses") == [None] * 10


def test_scs_sf_score_is_a_mean_with_one_decimal(store: ResponseStore) -> None:
    widget = QuestionnaireWidget(
        Questionnaire(id="welcome.scs", prompt="Hard times", measure="scs-sf"), store=store, participant="p"
    )
    for radio, answer in zip(widget.items, [2, 4, 3, 5, 1, 2, 4, 1, 3, 5, 2, 4], strict=True):
        radio.value = answer
    assert "Your score is 3.2, on a scale from 1 to 5" in widget.summary.value


def test_fear_ratings_are_three_named_situations_rated_separately(store: ResponseStore) -> None:
    widget = FearRatingsWidget(FEARS, store=store, participant="p")
    widget.situations[0].value = "Asking a friend to lunch"
    widget.rate_buttons[0].click()  # keep 0 as the rating
    widget.situations[2].value = "Speaking up <b>in</b> a meeting"
    widget.ratings[2].value = 80
    assert store.latest("p", "welcome.fears") == [
        {"situation": "Asking a friend to lunch", "rating": 0},
        {"situation": "", "rating": None},
        {"situation": "Speaking up <b>in</b> a meeting", "rating": 80},
    ]
    later = FearRatingsWidget(FEARS_AGAIN, store=store, participant="p")
    assert later.situations[0].value == "Asking a friend to lunch" and later.situations[0].disabled
    assert not later.situations[1].disabled
    later.ratings[2].value = 40
    assert store.latest("p", "closing.fears")[2] == {"situation": "Speaking up <b>in</b> a meeting", "rating": 40}
    assert "<b>in</b>" not in html_of(later)


class FlakyFlags(ResponseStore):
    """A store that refuses flags until told otherwise (a locked or full disk, say)."""

    refusing = True

    def record_flag(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from workshop.store import StoreError

        if self.refusing:
            raise StoreError("the store is locked")
        return super().record_flag(*args, **kwargs)


def test_a_flag_that_cannot_be_saved_is_logged_kept_and_saved_with_the_next_answer(caplog: pytest.LogCaptureFixture) -> None:
    store = FlakyFlags(":memory:")
    store.register_participant("p")
    widget = ReflectionWidget(Reflection(id="welcome.hopes", prompt="Your hopes"), store=store, participant="p")
    with caplog.at_level("WARNING", logger="workshop"):
        widget.text.value = "honestly i dont want to be alive anymore"
        widget.flush()
    assert panels(widget, CrisisPanel), "the help stays on screen"
    assert store.flags() == [] and "could not be saved yet" in caplog.text
    store.refusing = False
    widget.text.value = "honestly i dont want to be alive anymore."
    widget.flush()
    assert [f.kind for f in store.flags()] == ["crisis_language"]


def test_a_distress_flag_that_cannot_be_saved_is_tried_again(caplog: pytest.LogCaptureFixture) -> None:
    store = FlakyFlags(":memory:")
    store.register_participant("p")
    widget = CheckInWidget(CHECKIN, store=store, participant="p")
    with caplog.at_level("WARNING", logger="workshop"):
        widget.control.value = 85
        widget.flush()
    assert panels(widget, GroundingPanel) and store.flags() == []
    store.refusing = False
    widget.control.value = 86
    widget.flush()
    assert [f.kind for f in store.flags()] == [FLAG_DISTRESS]


def test_separate_fields_are_not_read_as_one_sentence(store: ResponseStore) -> None:
    """A log entry's fields, each harmless, must not raise the panel when joined ("...slow." + "no")."""
    from workshop.safety import crisis_in_answer

    entry = {"prediction": "People will think I am slow.", "feared": "no", "happened": "It went fine."}
    assert crisis_in_answer({"entries": [entry]}) is None
    text, check = crisis_in_answer({"entries": [{**entry, "learned": "honestly i dont want to be alive anymore"}]})
    assert check and text == "honestly i dont want to be alive anymore"
