"""The closing chart and plan card, from answers in the store (no browser)."""

from __future__ import annotations

import base64
import re
from types import SimpleNamespace

from widgets.change_chart import ChangeChart, changes, chart_html
from widgets.plan_card import PlanCard, card_document
from workshop.store import ResponseStore

RSES_START = [2, 1, 2, 2, 1, 1, 2, 2, 1, 1]  # by hand: 2+2+2+2+2+2+2+1+2+1 = 18
RSES_END = [3, 0, 3, 3, 0, 0, 3, 0, 0, 3]  # 30
SCS_START = [1] * 12  # 3.0
FEARS_START = [
    {"situation": "Asking <Sam> to lunch", "rating": 80},
    {"situation": "", "rating": None},
    {"situation": "Speaking up at work", "rating": 60},
]
FEARS_END = [
    {"situation": "Asking <Sam> to lunch", "rating": 50},
    {"situation": "", "rating": None},
    {"situation": "Speaking up at work", "rating": None},
]


def stored_page() -> SimpleNamespace:
    store = ResponseStore(":memory:")
    store.register_participant("p")
    store.save("p", "welcome.rses", RSES_START)
    store.save("p", "welcome.scs_sf", SCS_START)
    store.save("p", "welcome.fear_ratings", FEARS_START)
    store.save("p", "closing.rses", RSES_END)
    store.save("p", "closing.scs_sf", [None] * 12)
    store.save("p", "closing.fear_ratings", FEARS_END)
    store.save("p", "closing.plan_thought", "This hurts, and <one> no does not decide my worth.")
    store.save("p", "closing.plan_skills", {"selected": ["Being kind to myself"], "other": "Texting my sister"})
    return SimpleNamespace(store=store, participant="p", answers=lambda: store.latest_answers("p", "closing."))


def test_changes_are_scored_from_both_ends_and_say_what_is_missing() -> None:
    page = stored_page()
    found = changes(page.store.latest_answers("p", "welcome."), page.answers())
    by_label = {c.label: c for c in found}
    assert (by_label["Self-esteem (Rosenberg scale)"].start, by_label["Self-esteem (Rosenberg scale)"].end) == (18, 30)
    assert by_label["Self-compassion (short scale)"].start == 3.0
    assert by_label["Self-compassion (short scale)"].end is None  # skipped items: not scored
    assert by_label['Fear of "Asking <Sam> to lunch"'].end == 50
    assert len(found) == 4  # two scales and the two named situations
    sentences = [c.sentence() for c in found]
    assert "Self-esteem (Rosenberg scale): 18 at the start and 30 at the end" in sentences[0]
    assert "no complete answer from the end yet" in sentences[1]


def test_chart_is_inline_svg_with_escaped_text_and_no_comparison_or_cut_off() -> None:
    page = stored_page()
    html = chart_html(page.store.latest_answers("p", "welcome."), page.answers())
    assert html.count("<svg") == 1 and "role='img'" in html
    assert "&lt;Sam&gt;" in html and "<Sam>" not in html
    assert not re.search(r"(?:src|href)=['\"]?https?://", html)  # nothing fetched
    lowered = html.lower()
    for word in ("average", "normal", "cut-off", "clinical", "other people", "percentile"):
        assert word not in lowered
    widget = ChangeChart(page)
    assert "18 at the start and 30 at the end" in widget.view.value


def test_chart_without_any_answers_says_so_plainly() -> None:
    assert "nothing to compare yet" in chart_html({}, {})
    practice = SimpleNamespace(store=ResponseStore(":memory:"), participant=None, answers=dict)
    assert "practice mode" in ChangeChart(practice).view.value.lower()


def test_plan_card_is_a_downloadable_page_with_the_plan_and_the_resources() -> None:
    page = stored_page()
    card = PlanCard(page)
    card.make_button.click()
    link = re.search(r"href='data:text/html;base64,([A-Za-z0-9+/=]+)'", card.view.value)
    assert link and "download='my-plan-card.html'" in card.view.value
    document = base64.b64decode(link.group(1)).decode("utf-8")
    assert document == card_document(page.answers())
    assert "&lt;one&gt; no does not decide my worth" in document and "<one>" not in document
    assert "Being kind to myself; Texting my sister" in document
    assert 'href="tel:988"' in document and "(left blank)" in document
    assert "<h3>My plan for the next hard rejection</h3>" in card.view.value  # fits the page's headings
