"""Participant codes: random enough, easy to type, and typos told apart from unknown codes."""

from __future__ import annotations

import pytest

from workshop import participants
from workshop.errors import WorkshopError
from workshop.store import ResponseStore


def test_codes_carry_at_least_60_bits_and_are_all_different() -> None:
    assert participants.entropy_bits() >= 60
    codes = {participants.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:200]:
        words, digits = code.split("-")[:-1], code.split("-")[-1]
        assert len(words) == 4 and all(w.isalpha() for w in words)
        assert len(digits) == 4 and digits.isdigit()
        assert participants.problems(code) == []


def test_no_unkind_words_in_codes() -> None:
    assert not participants.UNKIND_WORDS & set(participants.word_list())


def test_normalize_forgives_case_and_separators() -> None:
    assert participants.normalize("  Velvet Walnut_harbor.PANCAKE  4824 ") == "velvet-walnut-harbor-pancake-4824"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", "Please type your code"),
        ("velvet-walnut-4824", "4 words and then 4 digits"),
        ("velvet-walnot-harbor-pancake-4824", "Did you mean 'walnut'"),
        ("velvet-walnut-harbor-pancake-4825", "mistyped"),
        ("velvet-walnut-harbor-pancake-4284", "mistyped"),
    ],
)
def test_typos_are_explained(typed: str, expected: str) -> None:
    assert expected in " ".join(participants.problems(typed))


def test_check_code_tells_typo_from_unknown() -> None:
    store = ResponseStore(":memory:")
    known = participants.new_code()
    store.register_participant(known)
    assert participants.check_code(known.upper(), store) == known
    with pytest.raises(WorkshopError, match="no answers are kept for it here"):
        participants.check_code(participants.new_code(), store)
    with pytest.raises(WorkshopError, match="mistyped"):
        participants.check_code(known[:-1] + str((int(known[-1]) + 1) % 10), store)
