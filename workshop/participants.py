"""Pseudonymous participant codes: easy to read aloud and type, hard to guess, and nothing else about a person.

A code is four common English words and four digits, e.g. ``velvet-walnut-harbor-pancake-4824``. Words come
from the EFF long word list (shipped by the xkcdpass package), minus a few words that would sting in a
workshop about rejection. The first three digits are random; the last is a check digit, so a mistyped code
can be told apart from a code this server has never seen.
"""

from __future__ import annotations

import difflib
import math
import re
import secrets
from functools import cache
from pathlib import Path

import xkcdpass

from workshop.errors import WorkshopError

WORDS_PER_CODE = 4
RANDOM_DIGITS = 3

# Words of the EFF list that would read badly on a card a hurting person keeps.
UNKIND_WORDS = frozenset(
    """abnormal agony alone chokehold crazy crying cut depress despair divorcee dreaded dreadful drown dumping
    exclude excluding failing graveness graves graveyard hate helpless humiliate mocker panic poison psychic
    sadden sadly sadness shame shun smother snub strangle suffocate unlovable unloved unlovely unloving
    unwanted uselessly widow wound""".split()
)


class CodeError(WorkshopError):
    """A participant code that cannot be used; the message says whether it looks mistyped or is unknown."""


@cache
def word_list() -> tuple[str, ...]:
    path = Path(xkcdpass.__file__).parent / "static" / "eff-long"
    words = path.read_text(encoding="utf-8").split()
    return tuple(w for w in words if w.isalpha() and w.islower() and w not in UNKIND_WORDS)


def entropy_bits() -> float:
    """Randomness in one code, in bits (the check digit adds none)."""
    return WORDS_PER_CODE * math.log2(len(word_list())) + RANDOM_DIGITS * math.log2(10)


def _check_digit(words: list[str], digits: str) -> str:
    # Weighted sum over every character: catches any single changed letter or digit and most swaps.
    total = sum((i + 1) * ord(ch) for i, ch in enumerate("-".join(words) + digits))
    return str(total % 10)


def new_code() -> str:
    words = [secrets.choice(word_list()) for _ in range(WORDS_PER_CODE)]
    digits = "".join(secrets.choice("0123456789") for _ in range(RANDOM_DIGITS))
    return "-".join([*words, digits + _check_digit(words, digits)])


def normalize(code: str) -> str:
    """Forgive case, spaces, dots and underscores between parts: 'Velvet Walnut ...' reads as 'velvet-walnut-...'."""
    parts = re.split(r"[\s\-_.,/]+", code.strip().lower())
    return "-".join(p for p in parts if p)


def problems(code: str) -> list[str]:
    """Why ``code`` cannot be a code at all (empty when it is well formed and its check digit fits)."""
    normal = normalize(code)
    if not normal:
        return ["Please type your code."]
    parts = normal.split("-")
    words, digits = parts[:-1], parts[-1]
    found: list[str] = []
    if len(parts) != WORDS_PER_CODE + 1 or not digits.isdigit() or len(digits) != RANDOM_DIGITS + 1:
        found.append(
            f"A code has {WORDS_PER_CODE} words and then {RANDOM_DIGITS + 1} digits, like velvet-walnut-harbor-pancake-4824."
        )
        return found
    known = set(word_list())
    for word in words:
        if word not in known:
            close = difflib.get_close_matches(word, word_list(), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            found.append(f"'{word}' is not one of the code words.{hint}")
    if not found and _check_digit(words, digits[:-1]) != digits[-1]:
        found.append("One word or digit seems to be mistyped: please check the code against where you wrote it.")
    return found


def check_code(code: str, store) -> str:
    """Return the normalized code, or raise CodeError telling a typo from a code this server does not know."""
    found = problems(code)
    if found:
        raise CodeError(" ".join(found))
    normal = normalize(code)
    if not store.participant_exists(normal):
        raise CodeError(
            "That code is spelled correctly but no answers are kept for it here. It may belong to another "
            "computer or server, or its answers were erased. You can start again with a new code."
        )
    return normal
