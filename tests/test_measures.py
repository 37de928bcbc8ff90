"""Questionnaire scoring, checked against answers scored by hand, and the questionnaire exercise kinds."""

from __future__ import annotations

import json
from importlib import resources as package_files
from pathlib import Path

import pytest

from workshop.exercises import ExerciseDeclarationError, load_module
from workshop.kinds import kind_class
from workshop.kinds.fear_ratings import FearRatings
from workshop.kinds.questionnaire import Questionnaire
from workshop.measures import get_measure, item_scores, score, score_if_complete

SHARED_MEASURES = Path(__file__).resolve().parents[2] / "shared" / "measures"

# --- Rosenberg Self-Esteem Scale: 10 answers coded 0-3; items 2, 5, 6, 8, 9 reversed; total 0-30 -------


def test_rses_all_minimum_answers_score_15_because_five_items_are_reversed() -> None:
    # Non-reversed items 1, 3, 4, 7, 10 give 0 each; reversed items give 3 - 0 = 3 each: 15.
    assert score("rses", [0] * 10) == 15


def test_rses_all_maximum_answers_score_15_too() -> None:
    # Non-reversed 3 each (15); reversed 3 - 3 = 0 each.
    assert score("rses", [3] * 10) == 15


def test_rses_highest_and_lowest_possible_totals() -> None:
    highest = [3, 0, 3, 3, 0, 0, 3, 0, 0, 3]
    assert score("rses", highest) == 30
    assert score("rses", [3 - a for a in highest]) == 0


def test_rses_mixed_answers_with_reverse_items() -> None:
    answers = [3, 1, 2, 2, 0, 1, 3, 2, 0, 1]
    # By hand: 3, (3-1)=2, 2, 2, (3-0)=3, (3-1)=2, 3, (3-2)=1, (3-0)=3, 1
    assert item_scores("rses", answers) == [3, 2, 2, 2, 3, 2, 3, 1, 3, 1]
    assert score("rses", answers) == 22


# --- Self-Compassion Scale short form: 12 answers 1-5; items 1, 4, 8, 9, 11, 12 reversed; mean 1-5 ----


def test_scs_sf_all_minimum_and_all_maximum_answers_both_give_3() -> None:
    # All 1: six reversed items score 5, six others score 1: 36 / 12 = 3.
    assert score("scs-sf", [1] * 12) == pytest.approx(3.0)
    assert score("scs-sf", [5] * 12) == pytest.approx(3.0)


def test_scs_sf_highest_and_lowest_possible_means() -> None:
    reversed_items = {1, 4, 8, 9, 11, 12}
    highest = [1 if n in reversed_items else 5 for n in range(1, 13)]
    assert score("scs-sf", highest) == pytest.approx(5.0)
    assert score("scs-sf", [6 - a for a in highest]) == pytest.approx(1.0)


def test_scs_sf_mixed_answers_with_reverse_items() -> None:
    answers = [2, 4, 3, 5, 1, 2, 4, 1, 3, 5, 2, 4]
    # By hand: (6-2)=4, 4, 3, (6-5)=1, 1, 2, 4, (6-1)=5, (6-3)=3, 5, (6-2)=4, (6-4)=2; sum 38
    assert item_scores("scs-sf", answers) == [4, 4, 3, 1, 1, 2, 4, 5, 3, 5, 4, 2]
    assert score("scs-sf", answers) == pytest.approx(38 / 12)


# --- every error case ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("measure_id", "answers", "message"),
    [
        ("rses", [0] * 9, "10 items, but 9 answer"),
        ("rses", [0] * 11, "10 items, but 11 answer"),
        ("rses", [], "10 items, but 0 answer"),
        ("rses", [0] * 9 + [4], "item 10: 4 is out of range"),
        ("rses", [-1] + [0] * 9, "item 1: -1 is out of range"),
        ("rses", [1] * 9 + [1.5], "item 10: the answer must be a whole number"),
        ("rses", [1] * 9 + [None], "item 10: the answer must be a whole number"),
        ("rses", [True] * 10, "item 1: the answer must be a whole number"),
        ("rses", "0000000000", "answers must be a list"),
        ("scs-sf", [3] * 10, "12 items, but 10 answer"),
        ("scs-sf", [3] * 11 + [0], "item 12: 0 is out of range"),
        ("scs-sf", [6] + [3] * 11, "item 1: 6 is out of range"),
        ("scs-sf", ["3"] * 12, "item 1: the answer must be a whole number"),
        ("nope", [1], "Unknown measure 'nope'"),
    ],
)
def test_wrong_answers_raise_a_clear_value_error(measure_id, answers, message) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        score(measure_id, answers)


def test_a_partial_questionnaire_is_not_scored() -> None:
    assert score_if_complete("rses", [3] * 9 + [None]) is None
    assert score_if_complete("rses", [3, 0, 3, 3, 0, 0, 3, 0, 0, 3]) == 30


# --- the checked texts -----------------------------------------------------------------------------


@pytest.mark.parametrize("measure_id", ["rses", "scs-sf"])
def test_packaged_measure_is_an_exact_copy_of_the_checked_one(measure_id: str) -> None:
    packaged = json.loads(package_files.files("workshop.data").joinpath(f"{measure_id}.json").read_text("utf-8"))
    assert packaged["citation"] and packaged["permission"]
    checked = SHARED_MEASURES / f"{measure_id}.json"
    if not checked.exists():
        pytest.skip(f"the checked copy {checked} is not beside this checkout")
    assert packaged == json.loads(checked.read_text("utf-8"))


def test_reverse_keys_are_the_documented_ones() -> None:
    assert [i.n for i in get_measure("rses").items if i.reverse] == [2, 5, 6, 8, 9]
    assert [i.n for i in get_measure("scs-sf").items if i.reverse] == [1, 4, 8, 9, 11, 12]
    assert [o.value for o in get_measure("rses").options] == [3, 2, 1, 0]
    assert get_measure("rses").options[-1].label == "Strongly disagree"


# --- exercise kinds --------------------------------------------------------------------------------


def _module(tmp_path: Path, body: str):
    folder = tmp_path / "00_welcome"
    folder.mkdir()
    (folder / "module.toml").write_text('key = "welcome"\ntitle = "Welcome"\n' + body, encoding="utf-8")
    return load_module(folder)


def test_module_toml_can_declare_questionnaires_and_fear_ratings(tmp_path: Path) -> None:
    module = _module(
        tmp_path,
        '[[exercises]]\nid = "rses"\nkind = "questionnaire"\nmeasure = "rses"\nprompt = "About you"\n'
        '[[exercises]]\nid = "fears"\nkind = "fear_ratings"\nprompt = "Three situations"\n',
    )
    assert kind_class("questionnaire") is Questionnaire and kind_class("fear_ratings") is FearRatings
    questionnaire = module["rses"]
    assert questionnaire.measure == "rses"
    assert questionnaire.validate([None] * 10) == [None] * 10
    assert questionnaire.score([3, None] + [0] * 8) is None
    assert questionnaire.score([3, 0, 3, 3, 0, 0, 3, 0, 0, 3]) == 30
    with pytest.raises(ValueError, match="choose one of the options"):
        questionnaire.validate([4] + [None] * 9)
    fears = module["fears"]
    value = [
        {"situation": "asking a friend to lunch", "rating": 60},
        {"situation": "", "rating": None},
        {"situation": "speaking up in a meeting", "rating": 85},
    ]
    assert fears.validate(value) == value
    for bad, message in [
        ([{"situation": "x", "rating": 101}] * 3, "0 to 100"),
        ([{"situation": "x", "rating": 50}] * 2, "3 situations"),
        ([{"situation": "x" * 201, "rating": 5}] * 3, "limit here is 200"),
        ([{"situation": "x", "rating": 5, "total": 1}] * 3, "unknown part"),
    ]:
        with pytest.raises(ValueError, match=message):
            fears.validate(bad)


def test_a_questionnaire_needs_a_known_measure(tmp_path: Path) -> None:
    with pytest.raises(ExerciseDeclarationError, match="'measure' must be one of"):
        _module(tmp_path, '[[exercises]]\nid = "q"\nkind = "questionnaire"\nmeasure = "a-rsq"\nprompt = "Q"\n')
