"""Train the crisis-language concept model on the development set and write its weights.

    .venv/bin/python tools/train_crisis_model.py            # writes workshop/data/crisis_model.json
    .venv/bin/python tools/train_crisis_model.py --check    # cross-validated figures only, writes nothing

Only tests/data/crisis_dev.jsonl is read. The held-out set (tests/data/crisis_heldout.jsonl) is never
read here: it measures the finished check, once.

The model is a logistic regression over the concept features of ``workshop.safety.language``
(``concept_features``), fitted by plain gradient descent with an L2 penalty and balanced class weights.
Everything is deterministic: no random numbers, fixed folds, fixed iterations. The threshold is the
lowest score at which the cross-validated false-positive rate on the development negatives, for the
rules and the model together, stays at or under ``--max-fpr``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop.safety import language as cl  # noqa: E402

DEV = ROOT / "tests" / "data" / "crisis_dev.jsonl"
OUT = ROOT / "workshop" / "data" / "crisis_model.json"


def load(path: Path) -> list[tuple[str, int]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["text"], int(r["label"])) for r in rows]


def sentence_features(text: str) -> list[tuple[str, ...]]:
    """Each sentence's features, sorted (so that sums run in the same order on every machine)."""
    return [tuple(sorted(cl.concept_features(s.text).features)) for s in cl._sentences(text)] or [()]


def training_examples(rows: list[tuple[str, int]]) -> list[tuple[tuple[str, ...], int]]:
    """Each sentence of a negative text is a negative; a positive text is one positive (its features united)."""
    examples = []
    for text, label in rows:
        sentences = sentence_features(text)
        if label:
            examples.append((tuple(sorted(set().union(*sentences))), 1))
        else:
            examples.extend((features, 0) for features in sentences)
    return examples


def fit(examples: list[tuple[tuple[str, ...], int]], l2: float, iterations: int, rate: float) -> tuple[float, dict]:
    positives = sum(label for _, label in examples)
    negatives = len(examples) - positives
    weight_of = {1: len(examples) / (2 * positives), 0: len(examples) / (2 * negatives)}
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_square = 0.0, 0.0
    for _ in range(iterations):
        gradient: dict[str, float] = {}
        bias_gradient = 0.0
        for features, label in examples:
            z = bias + sum(weights.get(f, 0.0) for f in features)
            p = 1 / (1 + math.exp(-max(min(z, 30), -30)))
            error = (p - label) * weight_of[label]
            bias_gradient += error
            for f in features:
                gradient[f] = gradient.get(f, 0.0) + error
        n = len(examples)
        for f, g in sorted(gradient.items()):
            g = g / n + l2 * weights.get(f, 0.0)
            squares[f] = squares.get(f, 0.0) + g * g
            weights[f] = weights.get(f, 0.0) - rate * g / (math.sqrt(squares[f]) + 1e-8)
        bias_gradient /= n
        bias_square += bias_gradient**2
        bias -= rate * bias_gradient / (math.sqrt(bias_square) + 1e-8)
    return bias, weights


def score(bias: float, weights: dict[str, float], text: str) -> float:
    return max(bias + sum(weights.get(f, 0.0) for f in features) for features in sentence_features(text))


def cross_validate(rows, folds: int, l2: float, iterations: int, rate: float) -> list[float]:
    scores = [0.0] * len(rows)
    for k in range(folds):
        train = [row for i, row in enumerate(rows) if i % folds != k]
        bias, weights = fit(training_examples(train), l2, iterations, rate)
        for i, (text, _) in enumerate(rows):
            if i % folds == k:
                scores[i] = score(bias, weights, text)
    return scores


def choose_threshold(rows, scores, rule_hits, max_fpr: float) -> float:
    negatives = [i for i, (_, label) in enumerate(rows) if not label]
    candidates = sorted({round(s, 3) for s in scores})
    for threshold in candidates:
        false_alarms = sum(1 for i in negatives if rule_hits[i] or scores[i] >= threshold)
        if false_alarms / len(negatives) <= max_fpr:
            return threshold
    return candidates[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="print cross-validated figures, write nothing")
    parser.add_argument("--l2", type=float, default=0.002)
    parser.add_argument("--iterations", type=int, default=400)
    parser.add_argument("--rate", type=float, default=0.3)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--max-fpr", type=float, default=0.05)
    args = parser.parse_args(argv)

    rows = load(DEV)
    rule_hits = [cl._rules_match(text) is not None for text, _ in rows]
    scores = cross_validate(rows, args.folds, args.l2, args.iterations, args.rate)
    threshold = choose_threshold(rows, scores, rule_hits, args.max_fpr)
    positives = [i for i, (_, label) in enumerate(rows) if label]
    negatives = [i for i, (_, label) in enumerate(rows) if not label]
    model_recall = sum(scores[i] >= threshold for i in positives) / len(positives)
    model_fpr = sum(scores[i] >= threshold for i in negatives) / len(negatives)
    both_fpr = sum(rule_hits[i] or scores[i] >= threshold for i in negatives) / len(negatives)
    print(
        f"{len(rows)} development texts; {args.folds}-fold cross-validated model: recall {model_recall:.3f}, "
        f"false positives {model_fpr:.3f} at threshold {threshold}; with the rules: false positives {both_fpr:.3f}"
    )
    if args.check:
        return 0
    bias, weights = fit(training_examples(rows), args.l2, args.iterations, args.rate)
    model = {
        "about": "Crisis-language concept model; see workshop/safety/language.py. Written by tools/train_crisis_model.py.",
        "trained_on": "tests/data/crisis_dev.jsonl",
        "texts": len(rows),
        "l2": args.l2,
        "iterations": args.iterations,
        "threshold": threshold,
        "bias": round(bias, 4),
        "weights": {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 0.001},
    }
    OUT.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(model['weights'])} weights")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
