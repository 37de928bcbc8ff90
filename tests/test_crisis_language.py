"""The crisis-language check, measured on two labelled sets (tests/data/README.md).

- ``crisis_heldout.jsonl`` was written and committed before the detector was changed and is never used
  to tune it. The test asserts the targets on it: recall at least 0.95, false positives at most 0.10.
- ``crisis_dev.jsonl`` is the development set the rules and the concept model were tuned on.

Recall and the false-positive rate of both sets are printed in pytest's terminal summary (with or
without ``-s``) and recorded as test properties. Missing a disclosure costs far more than a false alarm,
which only shows the help panel; the check is a backstop that shows help, not a screening tool.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from workshop.safety.language import CATEGORIES, DANGER_FROM_OTHERS, check_crisis_language, mentions_crisis

DATA = Path(__file__).parent / "data"
SETS = {"held-out": DATA / "crisis_heldout.jsonl", "development": DATA / "crisis_dev.jsonl"}
SET_CATEGORIES = {*CATEGORIES, "slang_spelling"} - {"not_safe"}


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class Figures:
    name: str
    positives: int
    negatives: int
    missed: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return 1 - len(self.missed) / self.positives

    @property
    def false_positive_rate(self) -> float:
        return len(self.false_alarms) / self.negatives

    def line(self) -> str:
        return (
            f"crisis language, {self.name} set ({self.positives} positives, {self.negatives} negatives): "
            f"recall {self.recall:.3f}, false-positive rate {self.false_positive_rate:.3f}"
        )

    def by_category(self) -> str:
        missed = Counter(r["category"] for r in self.missed)
        alarms = Counter(r["category"] for r in self.false_alarms)
        parts = [f"{c} missed {missed[c]}, false alarms {alarms[c]}" for c in sorted(missed.keys() | alarms.keys())]
        return "; ".join(parts) or "no errors"


def measure(name: str) -> Figures:
    rows = load(SETS[name])
    figures = Figures(name, sum(r["label"] for r in rows), sum(1 - r["label"] for r in rows))
    for row in rows:
        found = mentions_crisis(row["text"])
        if row["label"] and not found:
            figures.missed.append(row)
        elif found and not row["label"]:
            figures.false_alarms.append(row)
    return figures


class _Summary:
    """A plugin registered while the tests run: prints the figures at the end of pytest's output."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if self.lines:
            terminalreporter.section("crisis-language figures")
            for line in self.lines:
                terminalreporter.write_line(line)


@pytest.fixture(scope="module")
def figures(pytestconfig: pytest.Config) -> dict[str, Figures]:
    summary = _Summary()
    pytestconfig.pluginmanager.register(summary, "crisis-language-figures")
    measured = {name: measure(name) for name in SETS}
    for result in measured.values():
        summary.lines += [result.line(), f"  by category: {result.by_category()}"]
        print(result.line(), file=sys.stderr)
    return measured


def test_both_sets_are_big_enough_and_cover_every_category() -> None:
    texts: dict[str, set[str]] = {}
    for name, path in SETS.items():
        rows = load(path)
        assert sum(r["label"] for r in rows) >= 300, name
        assert sum(1 - r["label"] for r in rows) >= 300, name
        assert {r["label"] for r in rows} == {0, 1}, name
        for label in (0, 1):
            assert {r["category"] for r in rows if r["label"] == label} == SET_CATEGORIES, (name, label)
        keys = [r["text"].strip().lower() for r in rows]
        assert len(keys) == len(set(keys)), f"{name}: a sentence appears twice"
        texts[name] = set(keys)
    assert not texts["held-out"] & texts["development"], "a held-out sentence is in the development set"


def test_heldout_recall_is_at_least_095(figures: dict[str, Figures], record_property: Any) -> None:
    heldout = figures["held-out"]
    record_property("heldout_recall", round(heldout.recall, 3))
    assert heldout.recall >= 0.95, [r["text"] for r in heldout.missed]


def test_heldout_false_positives_are_at_most_010(figures: dict[str, Figures], record_property: Any) -> None:
    heldout = figures["held-out"]
    record_property("heldout_false_positive_rate", round(heldout.false_positive_rate, 3))
    assert heldout.false_positive_rate <= 0.10, [r["text"] for r in heldout.false_alarms]


def test_development_figures_are_recorded(figures: dict[str, Figures], record_property: Any) -> None:
    dev = figures["development"]
    record_property("dev_recall", round(dev.recall, 3))
    record_property("dev_false_positive_rate", round(dev.false_positive_rate, 3))
    # Tuned on this set: anything less than this means a rule or the model was broken, not a new limit.
    assert dev.recall >= 0.95 and dev.false_positive_rate <= 0.05, dev.by_category()


@pytest.mark.parametrize(
    "text",
    ["I want to kill myself", "I WANT TO KILL MYSELF", "i want to kill. myself", "i  want to  kil  myself"],
)
def test_case_spacing_punctuation_and_misspelling_do_not_hide_it(text: str) -> None:
    assert mentions_crisis(text)


@pytest.mark.parametrize("text", ["", "   ", "\n", "ok"])
def test_empty_or_trivial_text_is_not_crisis_language(text: str) -> None:
    assert not mentions_crisis(text)
    assert check_crisis_language(text).category is None


def test_long_text_with_one_crisis_sentence_is_found() -> None:
    ordinary = "I went to the party and nobody talked to me. I felt awkward and went home early. " * 30
    assert mentions_crisis(ordinary + "Honestly, I don't want to be alive anymore. " + ordinary)
    assert not mentions_crisis(ordinary)


@pytest.mark.parametrize(
    ("text", "category", "words"),
    [
        ("I've been thinking about suicide a lot", "ideation", "suicide"),
        ("I wish I could fall asleep and not wake up", "passive_wish", "wake up"),
        ("I've been hoarding my sleeping pills", "plan_means", "pills"),
        ("I wrote a goodbye letter to my mum for after I'm gone", "preparation", "after i am gone"),
        ("I cut my arms again last night", "self_harm", "cut my arms"),
        ("Everyone would be better off without me", "hopeless_burden", "better off without me"),
        ("I can't go on anymore", "cant_go_on", "can not go on"),
        ("He said he'd kill me if I left him", DANGER_FROM_OTHERS, "kill me"),
        ("I'm not safe at home", DANGER_FROM_OTHERS, "not safe at home"),
    ],
)
def test_the_result_names_the_category_and_the_words(text: str, category: str, words: str) -> None:
    result = check_crisis_language(text)
    assert result.matched and bool(result)
    assert result.category == category, result
    assert words in result.words or any(words in m.words for m in result.matches), result
    assert category in result.categories


@pytest.mark.parametrize(
    "text",
    [
        "I would never hurt myself",
        "I'm not suicidal, just really sad",
        "My friend wanted to die after her divorce and I helped her get support",
        "I'm dying to see the new film",
        "I cut myself some slack this week",
        "My mum will kill me when she sees the dent in the car",
        "I took too many photos at the wedding",
    ],
)
def test_denials_other_people_and_everyday_talk_do_not_match(text: str) -> None:
    assert not check_crisis_language(text).matched


def test_a_wording_no_rule_knows_is_caught_by_the_concept_model() -> None:
    from workshop.safety import language as crisis_language

    text = "I wish my heart would just stop."
    assert crisis_language._rules_match(text) is None
    result = check_crisis_language(text)
    assert result.matched and result.category == "passive_wish" and "heart would just stop" in result.words


def test_danger_and_self_risk_in_one_text_report_both() -> None:
    result = check_crisis_language("He hits me when he drinks. Some nights I want to die.")
    assert set(result.categories) == {"danger_from_others", "passive_wish"}


def test_someone_being_angry_is_not_danger_but_fear_of_them_is() -> None:
    """After a rejection people often write that someone is angry with them: that alone is no alarm."""
    from workshop.safety import check_crisis_language

    for everyday in ("She is angry with me.", "My boss was angry with me today.", "They got angry when I said no."):
        assert not check_crisis_language(everyday), everyday
    for danger in ("He has a bad temper and I am afraid of him.", "He gets angry and hits me."):
        assert check_crisis_language(danger).category == "danger_from_others", danger
