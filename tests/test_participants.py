"""Participant codes: random enough, easy to type, typos told apart from unknown codes, and old codes kept."""

from __future__ import annotations

import itertools

import pytest

from workshop import participants, session
from workshop.errors import WorkshopError
from workshop.review.submission import check_participant
from workshop.store import ResponseStore

# Codes given out by the first format (four EFF words, four digits), made by that version of new_code();
# the first is the one quoted in issue 18. Their words are not all on today's list.
OLD_CODES = [
    "florist-coastal-desecrate-gusto-6667",
    "matching-deluge-singing-discuss-2908",
    "blustery-clever-spotless-unheated-8825",
]


def test_codes_are_words_then_digits_and_all_different() -> None:
    codes = {participants.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:200]:
        words, digits = code.split("-")[:-1], code.split("-")[-1]
        assert len(words) == participants.WORDS_PER_CODE and set(words) <= set(participants.word_list())
        assert len(digits) == participants.RANDOM_DIGITS + 1 and digits.isdigit()
        assert participants.problems(code) == []


def test_example_code_is_a_real_code() -> None:
    example = participants.example_code()
    assert participants.problems(example) == []
    assert len(participants.EXAMPLE_WORDS) == participants.WORDS_PER_CODE
    assert set(participants.EXAMPLE_WORDS) <= set(participants.word_list())


def test_normalize_forgives_case_and_separators() -> None:
    assert (
        participants.normalize("  Tulip Otter_lantern.PEBBLE, cocoa  4827 ") == "tulip-otter-lantern-pebble-cocoa-4827"
    )


def _with_last_digit(code: str, digit: int) -> str:
    return code[:-1] + str(digit)


def _wrong_check_digit(code: str) -> str:
    return _with_last_digit(code, (int(code[-1]) + 1) % 10)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", "Please type your code"),
        ("tulip-otter-4827", "A code has five words and four digits"),
        ("tulip-otter-lantern-pebble-cocoa-48271", "five words and four digits"),
        ("tulip-otter-lantren-pebble-cocoa", "five words and four digits"),
        ("tulip-otter-lantern-pebble-cocoa-\uff14\uff18\uff12\uff17", "five words and four digits"),  # full-width
    ],
)
def test_malformed_codes_are_explained(typed: str, expected: str) -> None:
    assert expected in " ".join(participants.problems(typed))


def test_a_mistyped_word_gets_a_suggestion() -> None:
    typo = _wrong_check_digit(participants.example_code().replace("lantern", "lantren"))
    assert "'lantren' is not one of the code words. Did you mean 'lantern'?" in participants.problems(typo)


def test_check_digit_catches_every_changed_digit_and_every_swap_of_neighbouring_digits() -> None:
    for _ in range(300):
        code = participants.new_code()
        head, tail = code.rsplit("-", 1)
        for i, digit in itertools.product(range(len(tail)), "0123456789"):
            if digit != tail[i]:
                changed = f"{head}-{tail[:i]}{digit}{tail[i + 1 :]}"
                assert "mistyped" in " ".join(participants.problems(changed)), (code, changed)
        for i in range(len(tail) - 1):
            if tail[i] != tail[i + 1]:
                swapped = f"{head}-{tail[:i]}{tail[i + 1]}{tail[i]}{tail[i + 2 :]}"
                assert "mistyped" in " ".join(participants.problems(swapped)), (code, swapped)


def test_damm_table_has_the_properties_the_check_digit_relies_on() -> None:
    table = participants._DAMM
    digits = range(10)
    assert all(sorted(row) == list(digits) for row in table)  # a Latin square: a quasigroup
    assert all(sorted(column) == list(digits) for column in zip(*table, strict=True))
    assert all(table[d][d] == 0 for d in digits)
    for c, x, y in itertools.product(digits, digits, digits):
        if x != y:
            assert table[table[c][x]][y] != table[table[c][y]][x]


def test_check_code_tells_typo_from_unknown() -> None:
    store = ResponseStore(":memory:")
    known = participants.new_code()
    store.register_participant(known)
    assert participants.check_code(known.upper(), store) == known
    with pytest.raises(WorkshopError, match="no answers are kept for it here"):
        participants.check_code(participants.new_code(), store)
    with pytest.raises(WorkshopError, match="mistyped"):
        participants.check_code(_wrong_check_digit(known), store)


def test_a_word_off_the_list_is_a_typo_when_the_store_does_not_hold_the_code() -> None:
    # Even when the check digit happens to fit, a code we do not hold with a word we never use gets the hint.
    store = ResponseStore(":memory:")
    typo = participants.example_code().replace("lantern", "lantren")
    for digit in range(10):
        with pytest.raises(WorkshopError, match="Did you mean 'lantern'"):
            participants.check_code(_with_last_digit(typo, digit), store)


def test_a_stored_code_whose_word_left_the_list_still_works() -> None:
    store = ResponseStore(":memory:")
    words = participants.example_code().split("-")[:-1]
    words[2] = "unworthy"  # a word a list edit has since taken out
    code = "-".join(words) + "-000" + participants._check_digit(words, "000")
    store.register_participant(code)
    assert participants.problems(code) == []
    assert participants.check_code(code, store) == code


@pytest.mark.parametrize("old", OLD_CODES)
def test_codes_of_the_first_format_still_resume(old: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert participants.problems(old) == []
    assert not set(old.split("-")[:-1]) <= set(participants.word_list())
    store = ResponseStore(":memory:")
    with pytest.raises(WorkshopError, match="no answers are kept for it here"):
        participants.check_code(old, store)
    store.register_participant(old)
    assert participants.check_code(old.upper().replace("-", " "), store) == old
    assert check_participant(old) == old  # review: it is a submission's student id and folder name
    monkeypatch.setenv("QUERY_STRING", f"p={old}")
    session.query_string.cache_clear()
    try:
        assert session.participant_from_query(store) == old
    finally:
        session.query_string.cache_clear()
    with pytest.raises(WorkshopError, match="mistyped"):
        participants.check_code(_wrong_check_digit(old), store)
