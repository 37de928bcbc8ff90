from __future__ import annotations

from typing import Any

from support.drivers._keys import choose, press, type_into

KINDS = ("thought_record",)


def planned(exercise: Any) -> Any:
    if exercise.display_only:
        return None  # a worked example: nothing to enter
    return {
        "situation": "A friend did not answer my message <b>for two days</b>.",
        "moods": [{"name": "Hurt", "before": 80, "after": 50}, {"name": "Worried", "before": 60, "after": 35}],
        "thoughts": ["She is angry with me.", "I always push people away."],
        "hot": 1,
        "evidence_for": "She usually answers fast.",
        "evidence_against": "She told me work is busy this week.",
        "balanced": "She may be busy; one slow answer does not mean I push people away.",
        "belief": 65,
    }


def enter(page: Any, box: Any, exercise: Any, value: Any, *, tap: bool = False) -> None:
    from workshop.kinds import thought_record as tr

    if value is None:
        return
    type_into(page, box.get_by_role("textbox", name=tr.SITUATION, exact=True), value["situation"], tap=tap)
    for n, mood in enumerate(value["moods"]):
        name, before, _after = tr.mood_labels(n)
        type_into(page, box.get_by_role("textbox", name=name, exact=True), mood["name"], tap=tap)
        choose(box.get_by_role("combobox", name=before, exact=True), mood["before"], tap=tap)
    for n, thought in enumerate(value["thoughts"]):
        type_into(page, box.get_by_role("textbox", name=tr.thought_label(n), exact=True), thought, tap=tap)
    hot = box.get_by_role("radiogroup", name=tr.HOT, exact=True)
    press(page, hot.get_by_role("radio", name=tr.thought_label(value["hot"]), exact=True), tap=tap)
    type_into(page, box.get_by_role("textbox", name=tr.EVIDENCE_FOR, exact=True), value["evidence_for"], tap=tap)
    type_into(
        page, box.get_by_role("textbox", name=tr.EVIDENCE_AGAINST, exact=True), value["evidence_against"], tap=tap
    )
    type_into(page, box.get_by_role("textbox", name=tr.BALANCED, exact=True), value["balanced"], tap=tap)
    choose(box.get_by_role("combobox", name=tr.BELIEF, exact=True), value["belief"], tap=tap)
    for n, mood in enumerate(value["moods"]):
        choose(box.get_by_role("combobox", name=tr.mood_labels(n)[2], exact=True), mood["after"], tap=tap)


def expect_shown(box: Any, exercise: Any, value: Any) -> None:
    from playwright.sync_api import expect

    from workshop.kinds import thought_record as tr
    from workshop.kinds.base import cell_words

    if value is None:
        example = exercise.example_value()
        expect(box).to_contain_text(example["situation"])
        expect(box).to_contain_text(example["balanced"])
        expect(box.get_by_role("textbox")).to_have_count(0)  # read-only: nothing to type in
        # Its moods as a table, each row a mood's name, before, after and change; then the belief.
        for row in exercise.mood_rows(example):
            cells = [cell_words(cell) for cell in row]
            expect(box.get_by_role("row").filter(has_text=cells[0])).to_have_text("".join(cells))
        expect(box).to_contain_text(f"{tr.BELIEF_SHOWN}: {tr.belief_words(example)}")
        return
    expect(box.get_by_role("textbox", name=tr.SITUATION, exact=True)).to_have_value(value["situation"])
    expect(box.get_by_role("textbox", name=tr.BALANCED, exact=True)).to_have_value(value["balanced"])
    hot = box.get_by_role("radiogroup", name=tr.HOT, exact=True)
    expect(hot.get_by_role("radio", name=tr.thought_label(value["hot"]), exact=True)).to_be_checked()
    # The before and after of each mood, in words.
    for mood in value["moods"]:
        expect(box.locator(".ws-mood-change")).to_contain_text(
            f"{mood['name']}: {mood['before']} before, {mood['after']} now"
        )
