"""tools/train_crisis_model.py: the shipped weights match the development set, and training is repeatable."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import train_crisis_model as train  # noqa: E402


def test_the_shipped_model_was_trained_on_the_current_development_set() -> None:
    model = json.loads((ROOT / "workshop" / "data" / "crisis_model.json").read_text(encoding="utf-8"))
    texts = [line for line in train.DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert model["trained_on"] == "tests/data/crisis_dev.jsonl"
    assert model["texts"] == len(texts), "the development set changed: run tools/train_crisis_model.py"
    assert model["weights"] and isinstance(model["threshold"], float)


def test_fitting_is_deterministic_and_learns_the_difference() -> None:
    rows = [
        ("I want to die", 1),
        ("I wish I was dead", 1),
        ("I have been saving up my pills", 1),
        ("I'm dying to see the film", 0),
        ("I took my pills with breakfast", 0),
        ("The party was dead boring", 0),
    ]
    examples = train.training_examples(rows)
    first = train.fit(examples, l2=0.002, iterations=60, rate=0.3)
    second = train.fit(examples, l2=0.002, iterations=60, rate=0.3)
    assert first == second
    bias, weights = first
    scores = [train.score(bias, weights, text) for text, _ in rows]
    assert min(scores[:3]) > max(scores[3:])
