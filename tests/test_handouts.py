"""Printable handouts: the worksheet protocol of every kind, and the PDFs `workshop handouts` writes.

The PDFs' first pages are rendered to images with poppler-utils (pdftoppm; CI installs it) and kept in
artifacts/handouts/ to be looked at; their text (pdftotext) must hold the module's title and the
worksheet's headings; every page is A4 or US Letter as asked, and black and white (grey only).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from support.browser import ARTIFACTS, running_in_ci
from test_content import assert_readable, offline_syllable_dictionary  # noqa: F401 - the fixture is used

from workshop import handouts
from workshop.cli import main
from workshop.exercises import all_modules
from workshop.kinds import WorksheetPart, all_kinds
from workshop.store import ResponseStore

OUT = ARTIFACTS / "handouts"
POPPLER = ("pdftoppm", "pdftotext", "pdfinfo")
PAGE_SIZES = {"a4": "595.276 x 841.89 pts (A4)", "letter": "612 x 792 pts (letter)"}


def listed_modules() -> list:
    return [m for m in all_modules() if m.listed]


def needs_poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        reason = f"poppler-utils is missing ({', '.join(missing)}): apt-get install poppler-utils"
        if running_in_ci():
            pytest.fail(f"CI=true but {reason}", pytrace=False)
        pytest.skip(reason)


def words(text: str) -> str:
    return " ".join(text.split())


def first_page_text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return words(done.stdout)


def pdf_info(pdf: Path) -> dict[str, str]:
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in done.stdout.splitlines())}


def first_page_image(pdf: Path, name: str) -> Path:
    """The first page as a PNG under artifacts/handouts/ (look at them)."""
    OUT.mkdir(parents=True, exist_ok=True)
    stem = OUT / name
    subprocess.run(
        ["pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-png", "-singlefile", str(pdf), str(stem)], check=True
    )
    return stem.with_suffix(".png")


def assert_black_and_white(png: Path) -> None:
    from PIL import Image

    with Image.open(png) as image:
        rgb = image.convert("RGB")
        colours = {(r, g, b) for _, (r, g, b) in rgb.getcolors(maxcolors=1 << 20)}
        dark = sum(count for count, (r, g, b) in rgb.getcolors(maxcolors=1 << 20) if r < 100)
    coloured = [c for c in colours if max(c) - min(c) > 8]
    assert not coloured, f"{png.name}: colour on the page ({coloured[:3]}); handouts are black and white"
    assert dark > 500, f"{png.name}: the page is (almost) blank"


# --- the protocol -----------------------------------------------------------------------------------


def every_exercise() -> list:
    return [exercise for module in all_modules() for exercise in module.exercises]


def test_every_kind_used_somewhere_says_what_its_worksheet_is() -> None:
    used = {exercise.kind for exercise in every_exercise()}
    kinds = set(all_kinds())
    assert used == kinds, f"kinds no module uses, so their worksheets are untested: {kinds - used}"
    for exercise in every_exercise():
        parts = exercise.worksheet()
        assert all(isinstance(p, WorksheetPart) for p in parts), exercise.id
        fillers = [p for p in parts if not handouts.is_heading(p)]
        if exercise.answer_parts() and not exercise.display_only:
            assert fillers, f"{exercise.id}: asks for free text, but its worksheet has nowhere to write it"
        for part in parts:
            shapes = [bool(part.lines), bool(part.boxes), part.scale is not None, bool(part.columns)]
            assert sum(shapes) <= 1, f"{exercise.id}: a worksheet part is one thing to fill, not {sum(shapes)}"
            assert bool(part.columns) == bool(part.rows), f"{exercise.id}: a table needs headings and rows"


def test_a_thought_record_worksheet_has_every_column_of_the_record() -> None:
    from workshop.kinds import thought_record as tr

    record = next(e for e in every_exercise() if e.kind == "thought_record" and not e.display_only)
    parts = {part.label: part for part in record.worksheet()}
    assert list(parts) == [
        tr.SITUATION,
        tr.MOODS,
        tr.THOUGHTS,
        tr.HOT,
        tr.EVIDENCE_FOR,
        tr.EVIDENCE_AGAINST,
        tr.BALANCED,
        tr.BELIEF,
    ]
    assert parts[tr.MOODS].columns == (tr.MOOD_NAME, tr.MOOD_BEFORE, tr.MOOD_AFTER)
    assert parts[tr.MOODS].rows == record.max_moods
    assert parts[tr.BELIEF].scale == (0, 100)


def test_the_words_handouts_add_are_plain() -> None:
    texts = [t.format(low=0, high=100) for t in handouts.PARTICIPANT_TEXTS]
    assert_readable([t if t.endswith((".", ")")) else f"{t}." for t in texts], "workshop/handouts.py")


# --- the PDFs --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("handouts")
    assert main(["handouts", "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_handouts_for_every_module_on_both_papers(written: Path, paper: str) -> None:
    needs_poppler()
    folder = written / paper
    expected = {"group-agreements.pdf"}
    for module in listed_modules():
        expected.add(f"{module.folder}-summary.pdf")
        if module.has_worksheets():
            expected.add(f"{module.folder}-worksheets.pdf")
    assert {p.name for p in folder.glob("*.pdf")} == expected
    for pdf in sorted(folder.glob("*.pdf")):
        info = pdf_info(pdf)
        assert info["Page size"] == PAGE_SIZES[paper], f"{pdf.name}: {info['Page size']}"
        assert info.get("Title"), f"{pdf.name} has no title"
        if pdf.name.endswith("-summary.pdf") or pdf.name == "group-agreements.pdf":
            assert info["Pages"] == "1", f"{pdf.name} is {info['Pages']} pages, not one"


@pytest.mark.parametrize("module", listed_modules(), ids=lambda m: m.key)
def test_a_summary_has_the_title_and_the_summary_headings(written: Path, module) -> None:
    needs_poppler()
    page = handouts.page_text(module)
    for paper in ("a4", "letter"):
        pdf = written / paper / f"{module.folder}-summary.pdf"
        shown = first_page_text(pdf)
        assert words(page.title) in shown
        present = [name for name in handouts.SUMMARY_SECTIONS if page.sections.get(name)]
        for heading in present or [handouts.COVERS_HEADING]:
            assert heading in shown, f"{pdf.name}: no heading {heading!r}"
        if any(e.name == handouts.WEEK_PLAN for e in module.exercises):
            assert handouts.PRACTICE_HEADING in shown
        assert_black_and_white(first_page_image(pdf, f"{paper}-{module.folder}-summary"))


@pytest.mark.parametrize("module", [m for m in listed_modules() if m.has_worksheets()], ids=lambda m: m.key)
def test_worksheets_have_the_title_and_the_exercises_headings(written: Path, module) -> None:
    needs_poppler()
    page = handouts.page_text(module)
    pdf = written / "a4" / f"{module.folder}-worksheets.pdf"
    shown = first_page_text(pdf)
    assert words(page.title) in shown
    first = next(e for e in module.exercises if e.worksheet())
    assert words(first.prompt)[:60] in shown, f"{pdf.name}: the first worksheet's heading is not on page 1"
    labelled = [p.label for p in first.worksheet() if p.label]
    if labelled:
        assert words(labelled[0])[:40] in shown
    everything = words(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for exercise in module.exercises:
        if exercise.worksheet():
            assert words(exercise.prompt)[:50] in everything, f"{pdf.name}: no worksheet for {exercise.id}"
    for paper in ("a4", "letter"):
        target = written / paper / f"{module.folder}-worksheets.pdf"
        assert_black_and_white(first_page_image(target, f"{paper}-{module.folder}-worksheets"))


def test_the_group_agreements_handout(written: Path) -> None:
    needs_poppler()
    pdf = written / "letter" / "group-agreements.pdf"
    shown = first_page_text(pdf)
    assert "Our group agreements" in shown and "Share only what you choose" in shown
    assert_black_and_white(first_page_image(pdf, "letter-group-agreements"))


def test_my_answers_as_a_printable_pdf_shows_text_literally(tmp_path: Path) -> None:
    needs_poppler()
    store = ResponseStore(":memory:")
    store.register_participant("p")
    store.save("p", "triggers.snapshot_what", "A <b>bold</b> & *starred* reply\nsecond line")
    store.save("p", "triggers.snapshot_then", 7)
    store.save("p", "self_worth.week_plan", {"what": "Ask a colleague to lunch", "when": "Tuesday"})
    pdf = tmp_path / "answers.pdf"
    pdf.write_bytes(handouts.answers_pdf("p", store.latest_answers("p"), "letter"))
    shown = first_page_text(pdf)
    assert "My answers: Rejection Resilience Workshop" in shown
    assert "A <b>bold</b> & *starred* reply" in shown
    assert "Ask a colleague to lunch" in shown
    assert pdf_info(pdf)["Page size"] == PAGE_SIZES["letter"]
    assert_black_and_white(first_page_image(pdf, "letter-my-answers"))


def test_markup_in_html_is_kept_as_text_never_as_reportlab_tags() -> None:
    from reportlab.platypus import ListFlowable, Paragraph, Table

    flowables = handouts.html_flowables(
        "<h2>Title &amp; more</h2><p>a &lt;font size=40&gt; b<br>c <strong>bold</strong></p>"
        "<ul><li>one<ul><li>nested</li></ul></li></ul><table><tr><th>h</th></tr><tr><td>&lt;i&gt;</td></tr></table>"
    )
    kinds = [type(f) for f in flowables]
    assert Paragraph in kinds and ListFlowable in kinds and Table in kinds
    paragraph = next(f for f in flowables if isinstance(f, Paragraph) and "font" in f.getPlainText())
    assert paragraph.getPlainText() == "a <font size=40> bc bold"
    assert re.search(r"<b>bold</b>", handouts.inline_markup(handouts.parse_html("<strong>bold</strong>")))
