"""`workshop hub ...`: codes and the sheet of slips (read back with pdftotext), cohorts, withdraw, and
facilitators' password hashes."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from test_content import assert_readable, offline_syllable_dictionary  # noqa: F401 - the fixture is used
from test_handouts import PAGE_SIZES, needs_poppler, pdf_info, words

from workshop import participants
from workshop.cli import main
from workshop.hub import commands, passwords
from workshop.hub.cohorts import CohortsFile

URL = "https://workshop.clinic.example/"


@pytest.fixture
def hub_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKSHOP_HUB_DIR", str(tmp_path / "hub"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "hub"


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def printed_codes(out: str) -> list[str]:
    return [line.strip() for line in out.splitlines() if line.startswith("  ") and not participants.problems(line)]


def printed_token(out: str) -> str | None:
    found = re.search(r"^Cohort token: (\S+)$", out, re.M)
    return found.group(1) if found else None


def test_codes_for_a_new_cohort_are_printed_with_its_token_and_put_on_slips(hub_dir: Path, capsys) -> None:
    needs_poppler()
    assert main(["hub", "codes", "--cohort", "Tuesday group", "--count", "7", "--hub-url", URL]) == 0
    out = capsys.readouterr().out
    codes, token = printed_codes(out), printed_token(out)
    assert len(codes) == 7 and token
    cohorts = CohortsFile(hub_dir)
    assert cohorts.load()["Tuesday group"].codes == codes
    assert all(cohorts.check(code, token) == "Tuesday group" for code in codes)

    sheet = hub_dir.parent / "codes-Tuesday-group.pdf"
    assert str(sheet) in out
    text = pdf_text(sheet)
    slips = [chunk for chunk in text.split("Rejection Resilience Workshop") if "Participant code" in chunk]
    assert len(slips) == 7  # one slip per participant, each with the address, its code and the token
    for code, slip in zip(codes, slips, strict=True):
        flat = words(slip)
        assert f"Participant code: {code}" in flat
        assert f"Cohort token: {token}" in flat
        assert f"Go to: {URL}" in flat
        assert commands.SLIP_NAME_LINE in flat
    assert words(commands.SHEET_INSTRUCTIONS) in words(text)
    info = pdf_info(sheet)
    assert info["Page size"] == PAGE_SIZES["a4"]
    assert int(info["Pages"]) == 2  # five slips to a page


def test_more_codes_keep_the_token_and_never_replace_an_earlier_sheet(hub_dir: Path, capsys) -> None:
    needs_poppler()
    main(["hub", "codes", "--cohort", "Tuesday", "--count", "2"])
    first = capsys.readouterr().out
    main(["hub", "codes", "--cohort", "Tuesday", "--count", "1", "--paper", "letter"])
    second = capsys.readouterr().out
    assert printed_token(second) is None and "keeps its token" in second
    (code,) = printed_codes(second)
    assert CohortsFile(hub_dir).check(code, printed_token(first)) == "Tuesday"
    earlier, later = hub_dir.parent / "codes-Tuesday.pdf", hub_dir.parent / "codes-Tuesday-2.pdf"
    assert set(printed_codes(first)) <= set(words(pdf_text(earlier)).split())
    flat = words(pdf_text(later))
    assert f"Participant code: {code}" in flat and f"Cohort token: {commands.SLIP_WRITE_IN}" in flat
    assert f"Go to: {commands.SLIP_NO_ADDRESS}" in flat
    assert pdf_info(later)["Page size"] == PAGE_SIZES["letter"]


def test_a_new_token_replaces_the_old_one_for_everyone(hub_dir: Path, capsys) -> None:
    main(["hub", "codes", "--cohort", "Tuesday", "--count", "1"])
    first = capsys.readouterr().out
    assert main(["hub", "codes", "--cohort", "Tuesday", "--count", "0", "--new-token"]) == 0
    second = capsys.readouterr().out
    (code,) = printed_codes(first)
    assert "old token no longer works" in second
    cohorts = CohortsFile(hub_dir)
    assert cohorts.check(code, printed_token(first)) is None
    assert cohorts.check(code, printed_token(second)) == "Tuesday"


def test_an_existing_sheet_named_with_out_stops_before_any_code_is_made(hub_dir: Path, capsys) -> None:
    taken = hub_dir.parent / "sheet.pdf"
    taken.write_bytes(b"someone's earlier sheet")
    assert main(["hub", "codes", "--cohort", "Tuesday", "--out", str(taken)]) == 1
    assert "exists already" in capsys.readouterr().err
    assert taken.read_bytes() == b"someone's earlier sheet"
    assert CohortsFile(hub_dir).load() == {}


def test_cohorts_lists_counts_never_tokens(hub_dir: Path, capsys) -> None:
    main(["hub", "cohorts"])
    assert "No cohorts yet" in capsys.readouterr().out
    main(["hub", "codes", "--cohort", "Tuesday", "--count", "3"])
    token = printed_token(capsys.readouterr().out)
    main(["hub", "cohorts"])
    listed = capsys.readouterr().out
    assert "Tuesday: 3 code(s)" in listed and token not in listed and "scrypt" not in listed


def test_withdraw_takes_a_code_off_its_cohort(hub_dir: Path, capsys) -> None:
    main(["hub", "codes", "--cohort", "Tuesday", "--count", "2"])
    out = capsys.readouterr().out
    code, other = printed_codes(out)
    assert main(["hub", "withdraw", code.upper()]) == 0
    assert "cannot sign in any more" in capsys.readouterr().out
    cohorts = CohortsFile(hub_dir)
    assert cohorts.check(code, printed_token(out)) is None
    assert cohorts.check(other, printed_token(out)) == "Tuesday"
    assert main(["hub", "withdraw", code]) == 1
    assert "not a code of any cohort" in capsys.readouterr().err


def test_facilitator_password_keeps_a_hash_for_the_hub_and_prints_it_for_the_config(
    hub_dir: Path, monkeypatch, capsys
) -> None:
    import json

    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough secret\n"))
    assert main(["hub", "facilitator-password", "--name", "Alex"]) == 0
    out = capsys.readouterr().out
    hashed = out.splitlines()[0]
    assert passwords.verify_secret("a long enough secret", hashed)
    assert "a long enough secret" not in out
    assert f'c.ParticipantCodeAuthenticator.facilitators = {{"alex": "{hashed}"}}' in out
    saved = hub_dir / "facilitators.json"
    assert json.loads(saved.read_text(encoding="utf-8")) == {"alex": hashed}
    assert saved.stat().st_mode & 0o077 == 0, "the hashes are readable by other accounts"
    # A second facilitator is added beside the first; a new password replaces the old hash.
    monkeypatch.setattr("sys.stdin", io.StringIO("another long secret\n"))
    assert main(["hub", "facilitator-password", "--name", "sam"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("a changed long secret\n"))
    assert main(["hub", "facilitator-password", "--name", "alex"]) == 0
    kept = json.loads(saved.read_text(encoding="utf-8"))
    assert set(kept) == {"alex", "sam"} and passwords.verify_secret("a changed long secret", kept["alex"])
    saved.write_text("{not json", encoding="utf-8")
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough secret\n"))
    assert main(["hub", "facilitator-password", "--name", "alex"]) == 1
    assert "damaged" in capsys.readouterr().err


def test_facilitator_password_refuses_short_passwords_and_code_shaped_names(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["hub", "facilitator-password"]) == 1
    assert "12 characters" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough secret\n"))
    assert main(["hub", "facilitator-password", "--name", participants.new_code()]) == 1
    assert "looks like a participant code" in capsys.readouterr().err


def test_the_words_on_a_slip_are_plain() -> None:
    assert_readable(list(commands.PARTICIPANT_TEXTS), "hub sign-in slips")
