"""Printable handouts as PDF, made from the declarations: nothing about a module is written here.

For every module: a one-page summary (its title, "What you will learn" and "Key points", read from the
notebook) and blank worksheets for its exercises (each kind says what its worksheet is, ``worksheet()``;
this file draws the parts and never asks which kind made them). Also the group agreements
(facilitator_guide/group_agreements.md) and a participant's own answers ("Download my answers as a
printable PDF"). A4 or US Letter, black and white, fonts embedded.

ReportLab draws the PDFs: pure Python wheels for every platform (no system libraries), BSD licensed,
kept up for over twenty years, and its wheel ships a Unicode TrueType font (Bitstream Vera), so nothing
is fetched. Where DejaVu Sans is installed (most Linux systems) it is used for its wider coverage of
scripts; the layout is the same.
"""

from __future__ import annotations

import argparse
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

from workshop.errors import WorkshopError
from workshop.exercises import Module, all_modules, modules_dir
from workshop.kinds import Exercise, WorksheetPart
from workshop.locations import bundled_folder


def _escape(text: str) -> str:
    """&, < and > as entities, for ReportLab's paragraph markup (quotes are plain text there). html.escape
    rather than xml.sax.saxutils: the latter imports urllib and http.client into every module page's kernel."""
    return html_escape(text, quote=False)


PAPERS = ("a4", "letter")
WORKSHOP_NAME = "Rejection Resilience Workshop"
# The installed package carries this one page of the guide (pyproject.toml); a checkout reads the guide itself.
GUIDE_DIR = bundled_folder("facilitator_guide")
AGREEMENTS_FILE = GUIDE_DIR / "group_agreements.md"
WEEK_PLAN = "week_plan"  # the name every module gives its plan for the week
SUMMARY_SECTIONS = ("What you will learn", "Key points")
# Handwriting needs room: about 8 mm between ruled lines.
LINE_SPACING_MM = 8.0
MARGIN_MM = 18.0
AGREEMENT_LINES = 6
# Words the handouts add, read by participants (the readability test checks them).
SUMMARY_INTRO = "A summary to keep."
COVERS_HEADING = "What this page covers"
PRACTICE_HEADING = "Practice for the week"
WORKSHEETS_INTRO = "Worksheets to fill in by hand. Write only what you are comfortable with."
NO_WORKSHEETS = "This module has no worksheets."
CIRCLE_ONE = "Circle one number, from {low} to {high}."
WRITE_NUMBER = "(write a number from {low} to {high})"
PARTICIPANT_TEXTS = (
    SUMMARY_INTRO, COVERS_HEADING, PRACTICE_HEADING, WORKSHEETS_INTRO, NO_WORKSHEETS, CIRCLE_ONE, WRITE_NUMBER,
)  # fmt: skip
DEJAVU_PLACES = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts/dejavu",
    "/Library/Fonts",
)


# --- fonts and styles -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    italic: str
    bold_italic: str


_FONTS: Fonts | None = None


def fonts() -> Fonts:
    """Register once: DejaVu Sans where installed, else the Bitstream Vera that ReportLab ships."""
    global _FONTS
    if _FONTS is not None:
        return _FONTS
    import reportlab
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    candidates = [
        (
            "Body",
            [Path(p) for p in DEJAVU_PLACES],
            ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
        ),
        ("Body", [Path(reportlab.__file__).parent / "fonts"], ("Vera", "VeraBd", "VeraIt", "VeraBI")),
    ]
    for family, folders, names in candidates:
        for folder in folders:
            files = [folder / f"{name}.ttf" for name in names]
            if all(f.is_file() for f in files):
                styles = ("", "-Bold", "-Italic", "-BoldItalic")
                for style, file in zip(styles, files, strict=True):
                    pdfmetrics.registerFont(TTFont(f"{family}{style}", str(file)))
                addMapping(family, 0, 0, family)
                addMapping(family, 1, 0, f"{family}-Bold")
                addMapping(family, 0, 1, f"{family}-Italic")
                addMapping(family, 1, 1, f"{family}-BoldItalic")
                _FONTS = Fonts(family, f"{family}-Bold", f"{family}-Italic", f"{family}-BoldItalic")
                return _FONTS
    raise WorkshopError("no font for the handouts: ReportLab's own fonts are missing; reinstall reportlab.")


def styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    f = fonts()
    base = ParagraphStyle("body", fontName=f.regular, fontSize=10.5, leading=14, alignment=TA_LEFT, spaceAfter=4)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=f.bold, fontSize=19, leading=23, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontName=f.italic, fontSize=12.5, leading=16, spaceAfter=8),
        "h1": ParagraphStyle(
            "h1", parent=base, keepWithNext=1, fontName=f.bold, fontSize=16, leading=20, spaceBefore=6, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, keepWithNext=1, fontName=f.bold, fontSize=13, leading=17, spaceBefore=10, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, keepWithNext=1, fontName=f.bold, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=3
        ),
        "label": ParagraphStyle(
            "label", parent=base, keepWithNext=1, fontName=f.bold, fontSize=10, leading=13, spaceBefore=4, spaceAfter=2
        ),
        "small": ParagraphStyle("small", parent=base, fontName=f.italic, fontSize=8.5, leading=11, spaceAfter=2),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12, spaceAfter=0),
        "cellhead": ParagraphStyle("cellhead", parent=base, fontName=f.bold, fontSize=9.5, leading=12, spaceAfter=0),
        "footer": ParagraphStyle("footer", parent=base, fontSize=7.5, leading=9.5, spaceAfter=0),
    }


def text(value: str) -> str:
    """Plain text as ReportLab paragraph markup (its own tags are never read from the text)."""
    return _escape(value).replace("\n", "<br/>")


# --- Markdown (as HTML) to flowables ---------------------------------------------------------------


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    VOID: ClassVar[set[str]] = {"br", "hr", "img", "input", "meta", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "div", "blockquote", "hr", "pre", "li"}
INLINE = {"strong": "b", "b": "b", "em": "i", "i": "i"}


def inline_markup(node: Node | str) -> str:
    """A node's inline content as paragraph markup: bold, italic and line breaks kept, every text escaped."""
    if isinstance(node, str):
        return _escape(node)
    if node.tag == "br":
        return "<br/>"
    inner = "".join(inline_markup(child) for child in node.children)
    tag = INLINE.get(node.tag)
    return f"<{tag}>{inner}</{tag}>" if tag and inner.strip() else inner


def html_flowables(html: str, style: dict[str, Any] | None = None, width: float | None = None) -> list[Any]:
    """Flowables for the HTML that ``workshop.text.markdown_to_html`` makes (headings, paragraphs, lists,
    tables, bold, italic, line breaks). Anything else shows as its text."""
    return _blocks(parse_html(html).children, style or styles(), width)


def _blocks(children: Sequence[Node | str], st: dict[str, Any], width: float | None) -> list[Any]:
    from reportlab.platypus import HRFlowable, ListFlowable, ListItem, Paragraph, Spacer

    flowables: list[Any] = []
    loose: list[Node | str] = []

    def flush() -> None:
        markup = "".join(inline_markup(n) for n in loose).strip()
        if markup:
            flowables.append(Paragraph(markup, st["body"]))
        loose.clear()

    for child in children:
        if isinstance(child, str) or child.tag not in BLOCKS:
            loose.append(child)
            continue
        flush()
        tag = child.tag
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            level = min(int(tag[1]), 3)
            flowables.append(Paragraph(inline_markup(child), st[f"h{level}"]))
        elif tag == "p":
            markup = inline_markup(child).strip()
            if markup:
                flowables.append(Paragraph(markup, st["body"]))
        elif tag in {"ul", "ol"}:
            items = [
                ListItem(_blocks(li.children, st, width) or [Paragraph("", st["body"])], leftIndent=14)
                for li in child.children
                if isinstance(li, Node) and li.tag == "li"
            ]
            kind = "1" if tag == "ol" else "bullet"
            flowables.append(
                ListFlowable(items, bulletType=kind, start="•" if kind == "bullet" else None, leftIndent=14)
            )
        elif tag == "table":
            flowables += [_table(child, st, width), Spacer(1, 6)]
        elif tag == "hr":
            flowables.append(HRFlowable(width="100%", thickness=0.5, color="black"))
        else:  # div, blockquote, pre, a stray li: its own blocks
            flowables += _blocks(child.children, st, width)
    flush()
    return flowables


def _rows(node: Node) -> list[Node]:
    rows = []
    for child in node.children:
        if isinstance(child, Node):
            rows += [child] if child.tag == "tr" else _rows(child)
    return rows


def _plain(cell: Any) -> str:
    return cell.getPlainText() if hasattr(cell, "getPlainText") else str(cell)


def column_widths(rows: list[list[Any]], width: float) -> list[float]:
    """Widths that never break a word (each column fits its longest word) and give long texts more room."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    padding, cap = 8.0, 220.0

    def measure(cell: Any, whole: bool) -> float:
        font = getattr(getattr(cell, "style", None), "fontName", fonts().regular)
        size = getattr(getattr(cell, "style", None), "fontSize", 9.5)
        words = _plain(cell).split() or [""]
        return stringWidth(" ".join(words) if whole else max(words, key=len), font, size) + padding

    columns = list(zip(*rows, strict=True))
    least = [max(measure(cell, whole=False) for cell in column) for column in columns]
    wanted = [
        max(low, min(cap, max(measure(cell, whole=True) for cell in column)))
        for low, column in zip(least, columns, strict=True)
    ]
    if sum(wanted) <= width:
        return [w * width / sum(wanted) for w in wanted]
    if sum(least) >= width:
        return [w * width / sum(least) for w in least]
    spare, extra = width - sum(least), [w - low for w, low in zip(wanted, least, strict=True)]
    return [low + spare * e / sum(extra) for low, e in zip(least, extra, strict=True)]


def _table(node: Node, st: dict[str, Any], width: float | None) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    rows = []
    for tr in _rows(node):
        cells = [c for c in tr.children if isinstance(c, Node) and c.tag in {"td", "th"}]
        rows.append([Paragraph(inline_markup(c), st["cellhead" if c.tag == "th" else "cell"]) for c in cells])
    columns = max((len(r) for r in rows), default=1)
    rows = [r + [""] * (columns - len(r)) for r in rows]
    widths = column_widths(rows, width) if width else None
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


# --- worksheet parts ----------------------------------------------------------------------------------


def _ruled_lines(count: int, width: float) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable

    class RuledLines(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = min(width, available_width)
            return self.width, count * LINE_SPACING_MM * mm

        def draw(self) -> None:
            self.canv.setStrokeGray(0.45)
            self.canv.setLineWidth(0.5)
            for n in range(count):
                y = n * LINE_SPACING_MM * mm
                self.canv.line(0, y, self.width, y)

    return RuledLines()


def _tick_box(size: float = 9) -> Any:
    from reportlab.platypus import Flowable

    class TickBox(Flowable):
        def wrap(self, *_args: float) -> tuple[float, float]:
            return size, size

        def draw(self) -> None:
            self.canv.setLineWidth(0.8)
            self.canv.rect(0, 0, size, size)

    return TickBox()


def part_flowables(part: WorksheetPart, st: dict[str, Any], width: float) -> list[Any]:
    """One worksheet part: its label and note, then lines, boxes, a scale or a table to fill by hand."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    out: list[Any] = []
    if part.label:
        out.append(Paragraph(text(part.label), st["label"]))
    if part.note:
        out.append(Paragraph(text(part.note), st["small"]))
    if part.lines:
        out += [Spacer(1, 2 * mm), _ruled_lines(part.lines, width)]
    if part.boxes:
        rows = [[_tick_box(), Paragraph(text(option), st["cell"])] for option in part.boxes]
        table = Table(rows, colWidths=[6 * mm, width - 6 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2.5)]))
        out.append(table)
    if part.scale is not None:
        low, high = part.scale
        if high - low <= 10:
            numbers = [str(n) for n in range(low, high + 1)]
            table = Table([numbers], colWidths=[9 * mm] * len(numbers), rowHeights=[8 * mm], hAlign="LEFT")
            table.setStyle(
                TableStyle(
                    [
                        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("FONT", (0, 0), (-1, -1), fonts().regular, 10.5),
                    ]
                )
            )
            out += [Paragraph(text(CIRCLE_ONE.format(low=low, high=high)), st["small"]), table]
        else:
            table = Table(
                [["", Paragraph(text(WRITE_NUMBER.format(low=low, high=high)), st["small"])]],
                colWidths=[22 * mm, width - 22 * mm],
                rowHeights=[9 * mm],
                hAlign="LEFT",
            )
            table.setStyle(TableStyle([("BOX", (0, 0), (0, 0), 0.8, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            out.append(table)
    if part.columns:
        header = [Paragraph(text(c), st["cellhead"]) for c in part.columns]
        first = width * (0.62 if len(part.columns) == 2 else 0.4)
        rest = (width - first) / max(1, len(part.columns) - 1)
        widths = [first] + [rest] * (len(part.columns) - 1)
        table = Table(
            [header] + [[""] * len(part.columns) for _ in range(part.rows)],
            colWidths=widths,
            rowHeights=[None] + [10 * mm] * part.rows,
            repeatRows=1,
            hAlign="LEFT",
        )
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        out.append(table)
    return out


def exercise_flowables(exercise: Exercise, st: dict[str, Any], width: float) -> list[Any]:
    """An exercise's blank worksheet under its prompt and help; nothing for one with no worksheet."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    parts = exercise.worksheet()
    if not parts:
        return []
    # A part that is only a label (an entry's heading) starts a block that is kept on one page.
    blocks: list[list[Any]] = [[Paragraph(text(exercise.prompt), st["h3"])]]
    if exercise.help:
        blocks[0].append(Paragraph(text(exercise.help), st["small"]))
    for n, part in enumerate(parts):
        if n and is_heading(part):
            blocks.append([])
        blocks[-1] += part_flowables(part, st, width)
    return [*(KeepTogether(block) for block in blocks), Spacer(1, 4 * mm)]


def is_heading(part: WorksheetPart) -> bool:
    return not (part.lines or part.boxes or part.scale is not None or part.columns)


# --- the notebook: title and summary sections ------------------------------------------------------------


@dataclass
class PageText:
    title: str
    subtitle: str
    time: str
    sections: dict[str, str]  # "## " heading -> its Markdown


TIME_LINE = re.compile(r"^\*\*Time:\*\*\s*(.*)$")


def page_text(module: Module) -> PageText:
    """The title, subtitle, time and "## " sections of a module's notebook."""
    path = (module.path or modules_dir() / module.folder) / f"{module.key}.ipynb"
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise WorkshopError(f"cannot read {path}: {error}") from None
    title, subtitle, time = "", "", ""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        for line in (source if isinstance(source, str) else "".join(source)).splitlines():
            if line.startswith("# ") and not title:
                title, current = line[2:].strip(), None
                continue
            if line.startswith("## "):
                heading = line[3:].strip()
                if title and not subtitle and not sections:
                    subtitle, current = heading, None
                else:
                    current = sections.setdefault(heading, [])
                continue
            time_match = TIME_LINE.match(line)
            if time_match and not time:
                time = time_match.group(1).strip()
                continue
            if current is not None:
                current.append(line)
    return PageText(title or module.title, subtitle, time, {h: "\n".join(ls).strip() for h, ls in sections.items()})


# --- documents -------------------------------------------------------------------------------------------


def _footer_text() -> str:
    """The crisis resources in force, in one or two short lines for the foot of every handout page."""
    from workshop.safety import resources_text

    lines = resources_text().splitlines()
    return "Need help now? " + " ".join(line.removeprefix("- ") for line in lines[1:])


def _document(
    story: list[Any],
    paper: str,
    title: str,
    footer: str,
    one_page: bool = False,
) -> bytes:
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.units import mm
    from reportlab.platypus import Frame, KeepInFrame, PageTemplate, Paragraph
    from reportlab.platypus.doctemplate import BaseDocTemplate

    if paper not in PAPERS:
        raise WorkshopError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}.")
    size = A4 if paper == "a4" else LETTER
    st = styles()
    buffer = io.BytesIO()
    margin = MARGIN_MM * mm
    footer_height = 14 * mm
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + footer_height,
        title=title,
        author=WORKSHOP_NAME,
        subject=title,
        creator=WORKSHOP_NAME,
        invariant=True,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0)

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        note = Paragraph(text(f"{footer}  ·  {WORKSHOP_NAME}  ·  page {document.page}"), st["footer"])
        _, height = note.wrap(document.width, footer_height)
        note.drawOn(canvas, document.leftMargin, margin + footer_height - height - 2 * mm)
        canvas.setStrokeGray(0)
        canvas.setLineWidth(0.4)
        canvas.line(
            document.leftMargin, margin + footer_height, document.leftMargin + document.width, margin + footer_height
        )
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    if one_page:
        story = [KeepInFrame(doc.width, doc.height, story, mode="shrink")]
    doc.build(story)
    return buffer.getvalue()


def _width(paper: str) -> float:
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.units import mm

    return (A4 if paper == "a4" else LETTER)[0] - 2 * MARGIN_MM * mm


def _heading_block(page: PageText, st: dict[str, Any], what: str) -> list[Any]:
    from reportlab.platypus import Paragraph

    block = [Paragraph(text(page.title), st["title"])]
    if page.subtitle:
        block.append(Paragraph(text(page.subtitle), st["subtitle"]))
    block.append(Paragraph(text(what), st["small"]))
    return block


def summary_pdf(module: Module, paper: str = "a4") -> bytes:
    """One page: the module's title, what you will learn and the key points (or, for a page without them,
    what it covers), and the plan for the week it asks for."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from workshop.text import markdown_to_html

    st = styles()
    page = page_text(module)
    about = (
        f"Time: {page.time.split('. ')[0].rstrip('.')}."
        if page.time
        else (f"About {module.minutes} minutes." if module.minutes else "")
    )
    story = _heading_block(page, st, f"{SUMMARY_INTRO} {about}".strip())
    found = [name for name in SUMMARY_SECTIONS if page.sections.get(name)]
    for name in found:
        story.append(Paragraph(text(name), st["h2"]))
        story += html_flowables(markdown_to_html(page.sections[name]), st, _width(paper))
    if not found:
        covered = [h for h in page.sections if h.lower() != "sources"]
        story.append(Paragraph(text(COVERS_HEADING), st["h2"]))
        story += html_flowables(markdown_to_html("\n".join(f"- {h}" for h in covered)), st, _width(paper))
    plan = next((e for e in module.exercises if e.name == WEEK_PLAN), None)
    if plan is not None:
        inner = [Paragraph(text(PRACTICE_HEADING), st["h3"]), Paragraph(text(plan.prompt), st["body"])]
        if plan.help:
            inner.append(Paragraph(text(plan.help), st["small"]))
        box = Table([[inner]], colWidths=[_width(paper)])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, "black"), ("LEFTPADDING", (0, 0), (-1, -1), 8)]))
        story += [Spacer(1, 4 * mm), box]
    return _document(story, paper, f"{page.title}: summary", _footer_text(), one_page=True)


def worksheets_pdf(module: Module, paper: str = "a4") -> bytes:
    """Blank worksheets for every exercise of the module that has one, in page order."""
    from reportlab.platypus import Paragraph

    st = styles()
    page = page_text(module)
    story = _heading_block(page, st, WORKSHEETS_INTRO)
    width = _width(paper)
    for exercise in module.exercises:
        story += exercise_flowables(exercise, st, width)
    if len(story) == 3:
        story.append(Paragraph(text(NO_WORKSHEETS), st["body"]))
    return _document(story, paper, f"{page.title}: worksheets", _footer_text())


def agreements_pdf(paper: str = "a4", source: Path = AGREEMENTS_FILE) -> bytes:
    from workshop.text import markdown_to_html

    try:
        markdown = source.read_text(encoding="utf-8")
    except OSError as error:
        raise WorkshopError(f"cannot read the group agreements at {source}: {error}") from None
    title = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), "Group agreements")
    story = html_flowables(markdown_to_html(markdown), styles(), _width(paper))
    # The last section is the group's own additions: lines to write them on.
    story.append(_ruled_lines(AGREEMENT_LINES, _width(paper)))
    return _document(story, paper, title, _footer_text())


def answers_pdf(
    participant: str, answers: dict[str, Any], paper: str = "a4", modules: list[Module] | None = None
) -> bytes:
    """A participant's latest answers, as the Markdown export reads (every answer escaped), on paper."""
    from workshop.export import answers_as_markdown
    from workshop.text import markdown_to_html

    markdown = answers_as_markdown(participant, answers, modules)
    story = html_flowables(markdown_to_html(markdown), styles(), _width(paper))
    return _document(story, paper, "My answers: Rejection Resilience Workshop", "Private: your own answers")


# --- the command ---------------------------------------------------------------------------------------------


def handout_files(modules: Iterable[Module]) -> list[tuple[str, Callable[[str], bytes]]]:
    """(file name, maker taking the paper size) for every handout."""
    files: list[tuple[str, Callable[[str], bytes]]] = []
    for module in modules:
        files.append((f"{module.folder}-summary.pdf", lambda paper, m=module: summary_pdf(m, paper)))
        if module.has_worksheets():
            files.append((f"{module.folder}-worksheets.pdf", lambda paper, m=module: worksheets_pdf(m, paper)))
    files.append(("group-agreements.pdf", agreements_pdf))
    return files


def write_handouts(out: Path, papers: Sequence[str] = PAPERS, modules: list[Module] | None = None) -> list[Path]:
    """Write every handout under ``out/<paper>/``; return the files written."""
    listed = [m for m in (modules if modules is not None else all_modules()) if m.listed]
    written = []
    for paper in papers:
        folder = out / paper
        folder.mkdir(parents=True, exist_ok=True)
        for name, make in handout_files(listed):
            path = folder / name
            path.write_bytes(make(paper))
            written.append(path)
    return written


def run_handouts(args: argparse.Namespace) -> int:
    papers = PAPERS if args.paper == "both" else (args.paper,)
    written = write_handouts(Path(args.out), papers)
    print(f"Wrote {len(written)} handouts (PDF) under {Path(args.out).resolve()}:")
    for path in written:
        print(f"  {path}")
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "handouts",
        help="write the printable handouts (PDF): module summaries, blank worksheets, group agreements",
        description=(
            "Write printable handouts as PDF files, made from the modules as they are declared: for every "
            "module a one-page summary and blank worksheets for its exercises, and the group agreements. "
            "Black and white; A4 and US Letter. Nothing is fetched from outside this computer."
        ),
    )
    parser.add_argument("--out", default="handouts", metavar="DIR", help="folder to write into (default: ./handouts)")
    parser.add_argument(
        "--paper",
        choices=[*PAPERS, "both"],
        default="both",
        help="paper size: a4, letter, or both (default: both, in DIR/a4 and DIR/letter)",
    )
    parser.set_defaults(func=run_handouts, shared_files=True)
