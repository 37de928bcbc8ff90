"""The program (facilitator_guide/program.md): every meeting's timings add up to 90 minutes.

A meeting's timings are either its own table in program.md or the module guide's 90-minute plan that
its "Timings:" line links to. Timings are rows "| 0:00-0:08 | ... |": contiguous, from 0:00 to 1:30.
The module guides' own plans are checked the same way, so a module added later is checked too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from workshop.exercises import module_index

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "facilitator_guide"
PROGRAM = GUIDE / "program.md"
MEETING_MINUTES = 90

ROW = re.compile(r"^\|\s*(\d+):(\d\d)\s*-\s*(\d+):(\d\d)\s*\|")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
MEETING = re.compile(r"^Meeting (\d+):")


def slug(heading: str) -> str:
    """The anchor a heading gets (GitHub and MyST's heading anchors)."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def sections(markdown: str, level: int) -> dict[str, str]:
    """Heading text -> body, for the headings of ``level`` (each up to the next heading of that level or higher)."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in markdown.splitlines():
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) <= level:
            current = found.setdefault(heading.group(2), []) if len(heading.group(1)) == level else None
            continue
        if current is not None:
            current.append(line)
    return {title: "\n".join(lines) for title, lines in found.items()}


def section_by_anchor(markdown: str, anchor: str) -> str:
    for level in range(1, 7):
        for title, body in sections(markdown, level).items():
            if slug(title) == anchor:
                return body
    raise AssertionError(f"no heading with the anchor #{anchor}")


def timing_rows(markdown: str) -> list[tuple[int, int]]:
    rows = []
    for line in markdown.splitlines():
        match = ROW.match(line)
        if match:
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            rows.append((h1 * 60 + m1, h2 * 60 + m2))
    return rows


def check_adds_up(rows: list[tuple[int, int]], what: str) -> None:
    """Contiguous blocks of positive length, from 0:00 to 1:30."""
    assert rows, f"{what}: no timings found"
    assert rows[0][0] == 0, f"{what}: the first block starts at {rows[0][0]} minutes, not 0:00"
    for (start, end), (next_start, _) in itertools.pairwise(rows):
        assert end > start, f"{what}: a block from {start} to {end} minutes has no length"
        assert end == next_start, f"{what}: a block ends at {end} minutes but the next starts at {next_start}"
    assert rows[-1][1] > rows[-1][0], f"{what}: the last block has no length"
    total = sum(end - start for start, end in rows)
    assert total == MEETING_MINUTES, f"{what}: the blocks add up to {total} minutes, not {MEETING_MINUTES}"


@dataclass
class Meeting:
    plan: str
    number: int
    title: str
    body: str
    rows: list[tuple[int, int]] = field(default_factory=list)
    source: str = ""


def meeting_timings(body: str) -> tuple[list[tuple[int, int]], str]:
    """A meeting's own table, or the table of the guide section its "Timings:" line links to."""
    own = timing_rows(body)
    if own:
        return own, "program.md"
    line = next((line for line in body.splitlines() if line.startswith("**Timings:**")), "")
    links = LINK.findall(line)
    assert links, "neither a timing table nor a **Timings:** link to a module plan"
    target, _, anchor = links[0].partition("#")
    page = (PROGRAM.parent / target).resolve()
    assert page.is_file(), f"the timings link points to {target}, which does not exist"
    text = page.read_text(encoding="utf-8")
    return timing_rows(section_by_anchor(text, anchor) if anchor else text), str(page.relative_to(REPO))


def meetings(plan_heading: str) -> list[Meeting]:
    program = PROGRAM.read_text(encoding="utf-8")
    plan = sections(program, 2)[plan_heading]
    found = []
    for title, body in sections(plan, 3).items():
        number = MEETING.match(title)
        if number:
            rows, source = meeting_timings(body)
            found.append(Meeting(plan_heading, int(number.group(1)), title, body, rows, source))
    return found


EIGHT = "The eight-meeting plan"
SIX = "The six-meeting variant"


@pytest.mark.parametrize("meeting", meetings(EIGHT) + meetings(SIX), ids=lambda m: f"{m.plan}: {m.title}")
def test_every_meeting_adds_up_to_90_minutes(meeting: Meeting) -> None:
    check_adds_up(meeting.rows, f"{meeting.plan}, {meeting.title} (timings from {meeting.source})")


GUIDE_PAGES = sorted((GUIDE / "modules").glob("*.md"))


@pytest.mark.parametrize("page", GUIDE_PAGES, ids=lambda p: p.name)
def test_every_module_guide_plan_adds_up_to_90_minutes(page: Path) -> None:
    plan = section_by_anchor(page.read_text(encoding="utf-8"), "a-90-minute-group-session")
    check_adds_up(timing_rows(plan), f"{page.relative_to(REPO)}, its 90-minute group session")


def test_eight_meetings_in_order_with_what_each_needs() -> None:
    found = meetings(EIGHT)
    assert [m.number for m in found] == list(range(1, 9))
    for meeting in found:
        for needed in ("**Practice to review:**", "**Check-in round:**"):
            assert needed in meeting.body, f"{meeting.title} does not say its {needed.strip('*:').lower()}"
        assert "- [ ]" in meeting.body, f"{meeting.title} has no fidelity checklist of its own"
    assert "group_agreements.md" in found[0].body, "the first meeting must agree the group agreements, with the handout"


def test_the_six_meeting_variant_covers_every_meeting() -> None:
    """Meetings it gives explicitly add up (above); the others are module meetings of the eight-meeting plan."""
    program = PROGRAM.read_text(encoding="utf-8")
    overview = sections(program, 2)["Two ways to run it"]
    six = {}
    for line in overview.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].isdigit() and cells[2]:
            six[int(cells[0])] = cells[2]
    assert sorted(six) == list(range(1, 7))
    explicit = {m.number for m in meetings(SIX)}
    assert {1, 6} <= explicit, "the six-meeting variant must give the folded first and last meetings"
    eight_titles = " ".join(m.title for m in meetings(EIGHT))
    for number, what in six.items():
        if number in explicit:
            continue
        module = re.match(r"Module (\d+)", what)
        assert module and f"Module {module.group(1)}" in eight_titles, (
            f"six-meeting meeting {number} ({what}) is neither given explicitly nor a module meeting of the eight"
        )


def test_every_listed_module_is_in_the_program() -> None:
    program = PROGRAM.read_text(encoding="utf-8")
    for module in (m for m in module_index()[0] if m.listed):
        guide_page = f"modules/{module.folder}.md"
        assert guide_page in program or module.notebook in program, (
            f"program.md does not place {module.key} ({module.notebook}) in any meeting"
        )


def test_missed_sessions_and_entry_exit_refer_to_the_safety_protocol() -> None:
    top = sections(PROGRAM.read_text(encoding="utf-8"), 2)
    assert "When someone misses a meeting" in top
    entry_exit = top["Entry and exit"]
    assert "### Entry" in entry_exit and "### Exit" in entry_exit
    for part in ("Entry", "Exit"):
        body = sections(entry_exit, 3)[part]
        assert "(safety.md)" in body, f"the {part.lower()} criteria must refer to safety.md"


def test_the_adding_up_check_can_fail() -> None:
    with pytest.raises(AssertionError, match="next starts"):
        check_adds_up([(0, 10), (12, 90)], "gap")
    with pytest.raises(AssertionError, match="85 minutes"):
        check_adds_up([(0, 40), (40, 85)], "short")
    with pytest.raises(AssertionError, match="no length"):
        check_adds_up([(0, 10), (10, 10), (10, 90)], "empty")
    check_adds_up(timing_rows("| 0:00-0:45 | a | b |\n| 0:45-1:30 | c | d |"), "fine")
    assert slug('Teaching: "rejection trauma" is not a diagnosis') == "teaching-rejection-trauma-is-not-a-diagnosis"
