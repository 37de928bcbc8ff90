"""Pseudonymous participant codes: easy to read aloud and type, hard to guess, and nothing else about a person.

A code is five short, plain words and four digits, e.g. ``tulip-otter-lantern-pebble-cocoa-4827``. The words
come from ``workshop/data/code_words.txt``, a list curated so that no word stings a person who is hurting
(how it is made: tools/README.md). The first three digits are random; the last is a check digit, so a
mistyped code can be told apart from a code this server has never seen.

Codes given out before that list (four words of the EFF long list, then four digits) keep working: they
are well formed when their check digit fits, and a store that holds them resumes, exports and erases them.
"""

from __future__ import annotations

import difflib
import importlib.resources as package_files
import math
import re
import secrets
from functools import cache
from typing import Protocol

from workshop.errors import WorkshopError

WORDS_PER_CODE = 5
RANDOM_DIGITS = 3
WORD_LIST_FILE = "code_words.txt"
# Codes of the first format: four EFF words, three random digits and a weighted-sum check digit. The number
# of words tells the two formats, and so their check digits, apart: keep WORDS_PER_CODE different from it.
LEGACY_WORDS_PER_CODE = 4
EXAMPLE_WORDS = ("tulip", "otter", "lantern", "pebble", "cocoa")
_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

# Damm's check-digit table: a quasigroup of order 10 with a zero diagonal in which
# T[T[c][x]][y] != T[T[c][y]][x] whenever x != y, so any one changed digit and any swap of two neighbouring
# digits changes the check digit (tests/test_participants.py checks these properties of the table).
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


class CodeError(WorkshopError):
    """A participant code that cannot be used; the message says whether it looks mistyped or is unknown."""


class KnowsParticipants(Protocol):
    def participant_exists(self, code: str) -> bool: ...


@cache
def word_list() -> tuple[str, ...]:
    """The code words, read from the package's curated list (lines starting with '#' are its notes)."""
    text = package_files.files("workshop.data").joinpath(WORD_LIST_FILE).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def entropy_bits() -> float:
    """Randomness in one new code, in bits (the check digit adds none)."""
    return WORDS_PER_CODE * math.log2(len(word_list())) + RANDOM_DIGITS * math.log2(10)


def _damm_check_digit(words: list[str], digits: str) -> str:
    # Each letter as two decimal digits (a=01 ... z=26), then the random digits, through Damm's table.
    stream = "".join(f"{ord(ch) - 96:02d}" for ch in "".join(words)) + digits
    interim = 0
    for digit in stream:
        interim = _DAMM[interim][int(digit)]
    return str(interim)


def _legacy_check_digit(words: list[str], digits: str) -> str:
    # The first format's weighted sum over every character, kept so that its codes still check.
    total = sum((i + 1) * ord(ch) for i, ch in enumerate("-".join(words) + digits))
    return str(total % 10)


def _check_digit(words: list[str], digits: str) -> str:
    legacy = len(words) == LEGACY_WORDS_PER_CODE
    return (_legacy_check_digit if legacy else _damm_check_digit)(words, digits)


def new_code() -> str:
    words = [secrets.choice(word_list()) for _ in range(WORDS_PER_CODE)]
    digits = "".join(secrets.choice("0123456789") for _ in range(RANDOM_DIGITS))
    return "-".join([*words, digits + _check_digit(words, digits)])


def code_format() -> str:
    """How a code looks, in words: 'five words and four digits'."""
    return f"{_NUMBER_WORDS[WORDS_PER_CODE]} words and {_NUMBER_WORDS[RANDOM_DIGITS + 1]} digits"


def example_code() -> str:
    """A well-formed code to show as an example (the same every time)."""
    words = list(EXAMPLE_WORDS)
    return "-".join([*words, "482" + _check_digit(words, "482")])


def normalize(code: str) -> str:
    """Forgive case, spaces, dots and underscores between parts: 'Tulip Otter ...' reads as 'tulip-otter-...'."""
    parts = re.split(r"[\s\-_.,/]+", code.strip().lower())
    return "-".join(p for p in parts if p)


def _unknown_words(words: list[str]) -> list[str]:
    known = set(word_list())
    found = []
    for word in words:
        if word not in known:
            close = difflib.get_close_matches(word, word_list(), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            found.append(f"'{word}' is not one of the code words.{hint}")
    return found


def problems(code: str) -> list[str]:
    """Why ``code`` cannot be a code at all (empty when it has the form of a code we give out, or gave out
    before, and its check digit fits)."""
    normal = normalize(code)
    if not normal:
        return ["Please type your code."]
    parts = normal.split("-")
    words, digits = parts[:-1], parts[-1]
    if (
        len(words) not in (WORDS_PER_CODE, LEGACY_WORDS_PER_CODE)
        or len(digits) != RANDOM_DIGITS + 1
        or not (digits.isascii() and digits.isdigit())
        or not all(w.isascii() and w.isalpha() for w in words)
    ):
        return [
            f"A code has {code_format()}, like {example_code()}. "
            f"Codes given out before have {_NUMBER_WORDS[LEGACY_WORDS_PER_CODE]} words."
        ]
    if _check_digit(words, digits[:-1]) == digits[-1]:
        return []
    found = _unknown_words(words) if len(words) == WORDS_PER_CODE else []
    return found or ["One word or digit seems to be mistyped: please check the code against where you wrote it."]


def is_canonical(code: object) -> bool:
    """True for a well-formed code exactly as the workshop writes it (normalized): what may become a folder
    name or an nbgrader student id."""
    return isinstance(code, str) and not problems(code) and normalize(code) == code


def check_code(code: str, store: KnowsParticipants) -> str:
    """Return the normalized code, or raise CodeError telling a typo from a code this server does not know.

    A well-formed code the store holds is accepted even when one of its words has left the word list.
    """
    found = problems(code)
    if found:
        raise CodeError(" ".join(found))
    normal = normalize(code)
    if store.participant_exists(normal):
        return normal
    words = normal.split("-")[:-1]
    off_list = _unknown_words(words) if len(words) == WORDS_PER_CODE else []
    if off_list:  # not a code we hold, and a word that is not ours: most likely a typo the check digit missed
        raise CodeError(" ".join(off_list))
    raise CodeError(
        "That code is spelled correctly but no answers are kept for it here. It may belong to another "
        "computer or server, or its answers were erased. You can start again with a new code."
    )
