"""Crisis-language check speed (`make bench`): milliseconds per sentence on the development set.

Times ``check_crisis_language`` on every sentence of tests/data/crisis_dev.jsonl (the rules, then the
concept model where no rule matched), after one warm-up call that loads the model's weights. Prints the
mean, median, 95th percentile and slowest, and writes artifacts/bench/crisis_language.json. Nothing here
asserts a time: figures depend on the machine. The target is under 5 ms a sentence.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from workshop.safety.language import check_crisis_language  # noqa: E402

DEV = REPO / "tests" / "data" / "crisis_dev.jsonl"
OUT = REPO / "artifacts" / "bench" / "crisis_language.json"


def sentences() -> list[str]:
    texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [s.strip() for text in texts for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3, help="time every sentence this many times (default 3)")
    args = parser.parse_args(argv)

    check_crisis_language("warm up: load the model")
    items = sentences()
    per_sentence: list[float] = []
    for sentence in items:
        best = float("inf")
        for _ in range(args.rounds):
            start = time.perf_counter()
            check_crisis_language(sentence)
            best = min(best, time.perf_counter() - start)
        per_sentence.append(best * 1000)
    per_sentence.sort()
    figures = {
        "sentences": len(items),
        "mean_ms": round(statistics.fmean(per_sentence), 3),
        "median_ms": round(statistics.median(per_sentence), 3),
        "p95_ms": round(per_sentence[int(0.95 * (len(per_sentence) - 1))], 3),
        "max_ms": round(per_sentence[-1], 3),
    }
    print(
        f"crisis-language check, {figures['sentences']} sentences (best of {args.rounds}): "
        f"mean {figures['mean_ms']} ms, median {figures['median_ms']} ms, 95th percentile {figures['p95_ms']} ms, "
        f"slowest {figures['max_ms']} ms a sentence (target: under 5 ms)"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
