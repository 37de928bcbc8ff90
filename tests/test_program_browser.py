"""The program in a real browser: "This week's practice" and "My practice" on the start page, the printable
PDFs offered in the page, and printing a module page from Chromium (print media: no header, help panel,
navigation or buttons; nothing wider than the paper)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from support.browser import ARTIFACTS, axe_violations, describe_violations, running_in_ci, screenshot, wait_for_widgets

from workshop import participants
from workshop.store import STORE_FILE, ResponseStore

pytestmark = pytest.mark.browser
LANDING = "/voila/render/index.ipynb"
REFRAMING = "/voila/render/04_reframing/reframing.ipynb"
LADDER = {
    "steps": [
        {"text": "Ask a shop worker where something is", "suds": 20},
        {"text": "Ask a question in a meeting", "suds": 45},
    ],
    "next": 0,
}


def registered(server, **answers: object) -> str:
    code = participants.new_code()
    with ResponseStore(server.data_dir / STORE_FILE) as store:
        store.register_participant(code)
        for exercise_id, value in answers.items():
            store.save(code, exercise_id.replace("__", "."), value)
    return code


def pdf_text(pdf: Path, first_page_only: bool = True) -> str:
    if shutil.which("pdftotext") is None:
        if running_in_ci():
            pytest.fail("CI=true but pdftotext (poppler-utils) is missing", pytrace=False)
        pytest.skip("poppler-utils is missing")
    pages = ["-f", "1", "-l", "1"] if first_page_only else []
    done = subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def test_this_weeks_practice_and_my_practice(workshop_server, page) -> None:
    code = registered(
        workshop_server,
        desensitization__ladder=LADDER,
        desensitization__week_plan={"what": "Ask a shop worker <where> things are", "when": "Saturday morning"},
    )
    page.goto(workshop_server.page_url(LANDING, p=code))
    wait_for_widgets(page)
    page.get_by_role("heading", name="This week's practice").wait_for()
    plan = page.locator(".ws-current-plan")
    assert "Ask a shop worker <where> things are" in plan.inner_text()
    assert "Saturday morning" in plan.inner_text()
    screenshot(page, "landing-this-weeks-practice")
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)

    page.get_by_role("link", name="My practice: your practice log").click()
    wait_for_widgets(page)
    page.get_by_role("heading", name="My practice").first.wait_for()
    assert code in page.locator(".ws-banner").inner_text()
    page.get_by_role("button", name="Add an entry").click()
    page.get_by_role("combobox", name="Entry 1: Which step I tried").fill("Ask a shop worker where something is")
    page.get_by_role("textbox", name="Entry 1: What I predicted would happen").fill("They will sigh at me")
    page.locator(".ws-status", has_text="Saved").first.wait_for(timeout=10_000)
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "my-practice")
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    with ResponseStore(workshop_server.data_dir / STORE_FILE) as store:
        entries = store.latest(code, "desensitization.practice")["entries"]
    assert entries[0]["prediction"] == "They will sigh at me"


def test_download_my_answers_as_a_printable_pdf(workshop_server, page, tmp_path: Path) -> None:
    code = registered(workshop_server, triggers__snapshot_what="A slow <b>reply</b>")
    page.goto(workshop_server.page_url(LANDING, p=code))
    wait_for_widgets(page)
    page.get_by_role("button", name="Download my answers as a printable PDF").click()
    link = page.get_by_role("link", name=f"my-answers-{code}-letter.pdf (for US Letter paper)")
    link.wait_for(timeout=30_000)
    with page.expect_download() as download_info:
        link.click()
    pdf = tmp_path / "answers.pdf"
    pdf.write_bytes(Path(download_info.value.path()).read_bytes())
    text = pdf_text(pdf)
    assert "My answers" in text and "A slow <b>reply</b>" in text


def test_printing_a_module_page(workshop_server, page, tmp_path: Path) -> None:
    code = registered(workshop_server, reframing__friend_words="Be kind to yourself")
    page.goto(workshop_server.page_url(REFRAMING, p=code))
    wait_for_widgets(page)

    page.get_by_role("button", name="Print the worksheets").click()
    link = page.get_by_role("link", name="04_reframing-worksheets-a4.pdf (for A4 paper)")
    link.wait_for(timeout=30_000)
    with page.expect_download() as download_info:
        link.click()
    worksheets = tmp_path / "worksheets.pdf"
    worksheets.write_bytes(Path(download_info.value.path()).read_bytes())
    assert "Module 4: Reframing" in pdf_text(worksheets)

    page.get_by_text("Need help now?").click()  # the help panel open, as it may be when someone prints
    assert page.locator(".ws-help-body").is_visible()
    page.emulate_media(media="print")
    for hidden in (".ws-header", ".ws-help-body", ".ws-nav", ".ws-banner", ".ws-pdf-download", ".ws-submit"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} shows on a printed page"
    assert page.get_by_role("heading", name="Module 4: Reframing").is_visible()
    assert page.locator(".ws-exercise").first.is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the printed page is {overflow}px wider than the paper"
    screenshot(page, "print-reframing")

    for paper in ("A4", "Letter"):
        printed = ARTIFACTS / "screenshots" / f"print-reframing-{paper.lower()}.pdf"
        page.pdf(path=str(printed), format=paper, print_background=True)
        first = pdf_text(printed)
        assert "Module 4: Reframing" in first
        everything = pdf_text(printed, first_page_only=False)
        for absent in ("Need help now?", "Print the worksheets", "Back to the start page", code):
            assert absent not in everything, f"{absent!r} is on the printed page ({paper})"
        assert "Be kind to yourself" in page.locator("textarea").evaluate_all("els => els.map(e => e.value).join(' ')")
        subprocess.run(
            [
                "pdftoppm",
                "-f",
                "1",
                "-l",
                "1",
                "-r",
                "60",
                "-png",
                "-singlefile",
                str(printed),
                str(printed.with_suffix("")),
            ],
            check=True,
        )
