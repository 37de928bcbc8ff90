"""The hub's cohorts file and its hashes: tokens never stored, codes checked per cohort, private, locked writes."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import sys
from pathlib import Path

import pytest

from workshop import participants
from workshop.hub import passwords
from workshop.hub.cohorts import (
    COHORTS_FILE,
    CohortError,
    CohortsFile,
    check_facilitator_name,
    hub_dir,
    is_participant_name,
    normalize_token,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and flock, as JupyterHub itself")


# --- hashes ---------------------------------------------------------------------------------------------------


def test_a_hash_checks_its_secret_and_nothing_else() -> None:
    hashed = passwords.hash_secret("maple-harbor-candle-otter")
    assert passwords.verify_secret("maple-harbor-candle-otter", hashed)
    assert not passwords.verify_secret("maple-harbor-candle-otte", hashed)
    assert not passwords.verify_secret("", hashed)
    assert "maple" not in hashed
    scheme, n, r, p, salt, digest = hashed.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", passwords.COST_N, passwords.BLOCK_R, passwords.PARALLEL_P)
    assert len(bytes.fromhex(salt)) == passwords.SALT_BYTES and len(bytes.fromhex(digest)) == passwords.HASH_BYTES
    # Salted: the same secret hashes differently each time, and each hash still checks it.
    again = passwords.hash_secret("maple-harbor-candle-otter")
    assert again != hashed and passwords.verify_secret("maple-harbor-candle-otter", again)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plain text password",
        "bcrypt$12$abc$def$00$00",
        "scrypt$16384$8$1$zz$00",
        "scrypt$16000$8$1$00$00",  # N not a power of two
        f"scrypt${2**24}$8$1$00$00",  # a cost that would stall every login
        "scrypt$16384$8$1$$00",
    ],
)
def test_a_stored_hash_that_is_not_ours_is_refused_not_trusted(stored: str) -> None:
    with pytest.raises(passwords.HashError):
        passwords.verify_secret("anything", stored)
    with pytest.raises(passwords.HashError):
        passwords.check_hash(stored)


def test_an_empty_password_is_never_hashed() -> None:
    with pytest.raises(passwords.HashError):
        passwords.hash_secret("")


# --- names ----------------------------------------------------------------------------------------------------


def test_codes_are_valid_hub_names_as_the_hub_normalizes_them() -> None:
    """JupyterHub lowercases names and refuses '/', empty names and dots only; codes are lowercase words and digits."""
    for _ in range(50):
        code = participants.new_code()
        assert is_participant_name(code)
        assert code == code.lower() == code.strip() and "/" not in code
    code = participants.new_code()
    assert not is_participant_name(code.upper())  # not as the hub stores it: the authenticator normalizes first
    assert not is_participant_name(code[:-1] + str((int(code[-1]) + 1) % 10))  # check digit wrong
    assert not is_participant_name("alex")


def test_a_facilitator_name_may_not_look_like_a_code() -> None:
    assert check_facilitator_name(" Alex ") == "alex"
    with pytest.raises(CohortError, match="looks like a participant code"):
        check_facilitator_name(participants.new_code().upper())
    for bad in ("", "a/b", ".."):
        with pytest.raises(CohortError):
            check_facilitator_name(bad)


# --- the file -------------------------------------------------------------------------------------------------


def test_the_hub_folder_is_the_variable_or_hub_in_the_data_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("WORKSHOP_HUB_DIR", raising=False)
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path / "data"))
    assert hub_dir() == tmp_path / "data" / "hub"
    monkeypatch.setenv("WORKSHOP_HUB_DIR", str(tmp_path / "elsewhere"))
    assert hub_dir() == tmp_path / "elsewhere" and hub_dir().is_dir()
    assert CohortsFile().path == tmp_path / "elsewhere" / COHORTS_FILE


def test_a_new_cohort_gets_a_token_that_is_kept_only_as_a_hash(tmp_path: Path) -> None:
    cohorts = CohortsFile(tmp_path)
    issued = cohorts.issue_codes("Tuesday group", 5)
    assert issued.created and issued.cohort == "Tuesday group" and issued.token
    assert len(issued.codes) == len(set(issued.codes)) == 5
    assert all(is_participant_name(code) for code in issued.codes)
    raw = cohorts.path.read_text(encoding="utf-8")
    assert issued.token not in raw  # (its words may well be in codes: both come from the same list)
    assert set(json.loads(raw)["cohorts"]["Tuesday group"]["codes"]) == set(issued.codes)
    for code in issued.codes:
        assert cohorts.check(code, issued.token) == "Tuesday group"


def test_codes_and_tokens_are_forgiven_their_case_and_spaces(tmp_path: Path) -> None:
    cohorts = CohortsFile(tmp_path)
    issued = cohorts.issue_codes("A", 1)
    code, token = issued.codes[0], issued.token
    assert cohorts.check(code.upper().replace("-", " "), token.title().replace("-", " ")) == "A"
    assert normalize_token(" Maple  Harbor_candle.otter ") == "maple-harbor-candle-otter"


def test_a_wrong_token_an_unknown_code_or_another_cohorts_code_is_refused(tmp_path: Path) -> None:
    cohorts = CohortsFile(tmp_path)
    tuesday, wednesday = cohorts.issue_codes("Tuesday", 2), cohorts.issue_codes("Wednesday", 2)
    assert tuesday.token != wednesday.token
    code = tuesday.codes[0]
    assert cohorts.check(code, wednesday.token) is None  # another cohort's token
    assert cohorts.check(wednesday.codes[0], tuesday.token) is None  # another cohort's code
    assert cohorts.check(participants.new_code(), tuesday.token) is None  # well formed, never issued
    assert cohorts.check("not a code", tuesday.token) is None
    assert cohorts.check(code, "") is None
    assert cohorts.check(code, tuesday.token + "x") is None
    assert cohorts.check(code, tuesday.token) == "Tuesday"


def test_more_codes_keep_the_token_and_a_new_token_replaces_it(tmp_path: Path) -> None:
    cohorts = CohortsFile(tmp_path)
    first = cohorts.issue_codes("Tuesday", 2)
    more = cohorts.issue_codes("Tuesday", 3)
    assert not more.created and more.token is None and len(more.codes) == 3
    assert not set(first.codes) & set(more.codes)
    assert cohorts.check(more.codes[0], first.token) == "Tuesday"
    assert len(cohorts.load()["Tuesday"].codes) == 5

    renewed = cohorts.issue_codes("Tuesday", 0, replace_token=True)
    assert renewed.codes == [] and renewed.token and renewed.token != first.token
    assert cohorts.check(first.codes[0], first.token) is None
    assert cohorts.check(first.codes[0], renewed.token) == "Tuesday"


def test_a_withdrawn_code_no_longer_signs_in(tmp_path: Path) -> None:
    cohorts = CohortsFile(tmp_path)
    issued = cohorts.issue_codes("Tuesday", 2)
    assert cohorts.withdraw(issued.codes[0].upper()) == "Tuesday"
    assert cohorts.check(issued.codes[0], issued.token) is None
    assert cohorts.check(issued.codes[1], issued.token) == "Tuesday"
    assert cohorts.withdraw(issued.codes[0]) is None


@pytest.mark.parametrize("name", ["", " starts with a space", "a/b", "x" * 61])
def test_a_cohort_name_follows_the_group_rule(tmp_path: Path, name: str) -> None:
    with pytest.raises(CohortError, match="cannot name a cohort"):
        CohortsFile(tmp_path).issue_codes(name, 1)
    assert not (tmp_path / COHORTS_FILE).exists()


@pytest.mark.parametrize("count", [-1, 501])
def test_the_count_is_bounded(tmp_path: Path, count: int) -> None:
    with pytest.raises(CohortError, match="--count"):
        CohortsFile(tmp_path).issue_codes("A", count)


def test_a_damaged_file_is_named_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / COHORTS_FILE
    for content in ("{not json", '{"version": 99, "cohorts": {}}', '{"version": 1, "cohorts": {"A": {}}}'):
        path.write_text(content, encoding="utf-8")
        cohorts = CohortsFile(tmp_path)
        with pytest.raises(CohortError, match=str(path)):
            cohorts.check(participants.new_code(), "token")
        with pytest.raises(CohortError, match="left as it is"):
            cohorts.issue_codes("A", 1)
        assert path.read_text(encoding="utf-8") == content


@posix_only
def test_the_folder_and_file_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        cohorts = CohortsFile(tmp_path / "hub")
        cohorts.issue_codes("A", 1)
        cohorts.issue_codes("A", 1)  # rewritten: still private
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "hub").stat().st_mode) == 0o700
    for path in (tmp_path / "hub").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert sorted(p.name for p in (tmp_path / "hub").iterdir()) == [COHORTS_FILE, f"{COHORTS_FILE}.lock"]


def _add_codes(folder: str, cohort: str, rounds: int) -> None:
    for _ in range(rounds):
        CohortsFile(Path(folder)).issue_codes(cohort, 2)


@posix_only
def test_writers_at_the_same_time_lose_no_codes(tmp_path: Path) -> None:
    """Four processes add codes to two cohorts at once: every code issued is in the file afterwards."""
    CohortsFile(tmp_path).issue_codes("Tuesday", 0)
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(target=_add_codes, args=(str(tmp_path), cohort, 5))
        for cohort in ("Tuesday", "Wednesday", "Tuesday", "Wednesday")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    found = CohortsFile(tmp_path).load()
    assert len(found["Tuesday"].codes) == len(found["Wednesday"].codes) == 20
    every = found["Tuesday"].codes + found["Wednesday"].codes
    assert len(set(every)) == 40
