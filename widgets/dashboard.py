"""The facilitator's dashboard and the group view: the pages in ``dashboard/``, served by `workshop dashboard`.

Everything shown comes from ``workshop.group`` (one read of the store per refresh); this file only lays it
out. Both pages refresh by themselves (every ``REFRESH_SECONDS``) on the kernel's own event loop, and a
section is sent to the browser again only when its content changed. Meaning is never carried by colour
alone: "High" and "Rising" are words, charts differ by hatching and marker shape, and every chart has its
figures beside it as text. Participant text is escaped wherever it appears.

The group view (``GroupView``) is for a shared screen: it is built from ``group.group_view`` only, so it
holds no participant code, no free text and no figure from fewer than three people.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

import ipywidgets as w

from widgets.download import download_link
from workshop import config, group, session
from workshop.dashboard import COHORT_VARIABLE, SERVED_VARIABLE
from workshop.debounce import running_in_kernel
from workshop.errors import WorkshopError
from workshop.exercises import ExerciseDeclarationError, Module, all_modules
from workshop.store import ResponseStore
from workshop.text import html_literal, html_table

REFRESH_SECONDS = 5
GROUP_REFRESH_SECONDS = 10
EVERYONE = "Everyone in this store"
KIND_WORDS = {"checkin": "check-in", "checkout": "check-out", "pulse": "pulse"}
SECTIONS = (
    ("now", "Now"),
    ("flags", "Flags"),
    ("progress", "Progress"),
    ("practice", "Practice"),
    ("change", "Change"),
    ("export", "Export"),
)

CSS = """
/* The dashboard's tables need more room than a page of reading. */
body.ws-page .ws-main:has(.ws-dash) { max-width: 84rem; }
.ws-dash code { white-space: nowrap; font-size: 0.9rem; }
.ws-dash h1 { font-size: 1.7rem; margin: 0.5rem 0; }
.ws-dash h2 { font-size: 1.35rem; margin: 1.6rem 0 0.4rem; border-bottom: 2px solid #475569; padding-bottom: 0.2rem; }
.ws-dash h3 { font-size: 1.1rem; margin: 1rem 0 0.3rem; }
.ws-dash table { border-collapse: collapse; margin: 0.4rem 0 0.8rem; font-size: 0.95rem; }
.ws-dash th, .ws-dash td { border: 1px solid #9ca3af; padding: 0.3rem 0.55rem; text-align: left; vertical-align: top; }
.ws-dash th { background: #f1f5f9; }
.ws-dash td.ws-num { text-align: right; font-variant-numeric: tabular-nums; }
.ws-dash .ws-attention { font-weight: 700; }
.ws-dash .ws-attention::before { content: "\\26A0\\FE0E\\00a0"; }
.ws-dash tr.ws-needs-attention td:first-child { border-left: 6px solid #111; }
.ws-dash .ws-cell-submitted { font-weight: 700; }
.ws-dash .ws-cell-not-started { color: #4b5563; }
.ws-dash .ws-flag { border: 2px solid #475569; border-radius: 6px; padding: 0.5rem 0.8rem; margin: 0.6rem 0; }
.ws-dash .ws-flag-new { border-width: 4px; border-color: #111; }
.ws-dash .ws-flag p { margin: 0.2rem 0; }
.ws-dash .ws-flag-words { font-size: 1.05rem; }
.ws-dash .ws-updated { color: #374151; font-size: 0.95rem; }
.ws-dash .ws-caution { border-left: 4px solid #475569; background: #f8fafc; padding: 0.4rem 0.8rem; }
.ws-dash nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
.ws-dash figure { margin: 0.5rem 0 1rem; }
.ws-dash figcaption { font-size: 0.95rem; }
.ws-group-view { font-size: 1.15rem; }
.ws-group-view .ws-big { font-size: 2rem; font-weight: 700; }
.ws-dash .widget-textarea textarea { min-height: 3.5rem; font-size: 1rem; }
.ws-dash a { color: #1d4ed8; text-decoration: underline; }
.ws-dash a:focus-visible, .ws-dash .jupyter-button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.ws-dash .jupyter-button { width: auto !important; height: auto !important; min-height: 2.2rem; padding: 0.3rem 0.9rem;
  font-size: 1rem; align-self: flex-start; }
.ws-dash .jupyter-button:not(.mod-primary) { background: #fff; border: 2px solid #475569; color: #111827; border-radius: 4px; }
.ws-dash .widget-label { width: auto !important; }
"""


def stylesheet() -> w.HTML:
    return w.HTML(f"<style>{CSS}</style>")


def when(moment: datetime | None) -> str:
    """Local time, with the day when it is not today."""
    if moment is None:
        return "–"
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%a %d %b %Y, %H:%M")


def ago(moment: datetime, now: datetime) -> str:
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    days = seconds // 86400
    return f"{days} day{'s' if days != 1 else ''} ago"


def number(value: float | None, digits: int = 0, unit: str = "") -> str:
    return "–" if value is None else f"{value:.{digits}f}{unit}"


def signed(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:+.{digits}f}".replace("-", "−")


def heading(key: str, title: str) -> str:
    return f"<h2 id='ws-dash-{key}'>{html_literal(title)}</h2>"


class Refresher:
    """Calls ``action`` every ``seconds`` on the kernel's event loop (the widgets' own thread); nothing outside
    a kernel. Stops with the kernel, which Voila shuts down when the page is closed."""

    def __init__(self, action: Callable[[], None], seconds: float) -> None:
        self.action = action
        self.seconds = seconds
        self.enabled = True
        self._handle: asyncio.TimerHandle | None = None

    def start(self) -> None:
        if not running_in_kernel():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._handle = loop.call_later(self.seconds, self._tick)

    def _tick(self) -> None:
        try:
            if self.enabled:
                self.action()
        finally:
            self.start()

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None


class ChartPainter:
    """Charts drawn off the kernel's event loop, in one worker thread, and kept until their data changes.

    Drawing a chart takes a fraction of a second (seconds on a busy machine); on the loop it would hold up
    the page's first display and every click while the charts of a refresh are drawn. ``get`` returns the
    chart for its data, or the previous one (or None) while the new one is drawn; ``on_ready`` runs on the
    loop when a chart is done. Outside a kernel (tests), charts are drawn at once."""

    def __init__(self, on_ready: Callable[[], None]) -> None:
        self.on_ready = on_ready
        self._done: dict[str, tuple[str, str]] = {}
        self._pending: dict[str, str] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._worker: ThreadPoolExecutor | None = None
        if running_in_kernel():
            try:
                self._loop = asyncio.get_running_loop()
            except RuntimeError:
                self._loop = None
        if self._loop is not None:
            self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dashboard-charts")

    def get(self, key: str, data: Any, draw: Callable[[], str]) -> str | None:
        signature = repr(data)
        done = self._done.get(key)
        if done is not None and done[0] == signature:
            return done[1]
        if self._worker is None:
            self._done[key] = (signature, self._draw(draw))
            return self._done[key][1]
        if self._pending.get(key) != signature:
            self._pending[key] = signature
            self._worker.submit(self._draw_in_worker, key, signature, draw)
        return done[1] if done is not None else None

    @staticmethod
    def _draw(draw: Callable[[], str]) -> str:
        try:
            return draw()
        except Exception as error:  # a chart must never take the page down: its figures are in the table
            return f"<p>The chart could not be drawn ({html_literal(type(error).__name__)}); the figures are below.</p>"

    def _draw_in_worker(self, key: str, signature: str, draw: Callable[[], str]) -> None:
        svg = self._draw(draw)

        def finished() -> None:
            if self._pending.get(key) == signature:
                del self._pending[key]
                self._done[key] = (signature, svg)
                self.on_ready()

        assert self._loop is not None
        self._loop.call_soon_threadsafe(finished)


def figure_html(svg: str | None, caption: str) -> str:
    shown = svg if svg is not None else "<p>Drawing the chart…</p>"
    return f"<figure>{shown}<figcaption>{caption}</figcaption></figure>"


# ------------------------------------------------------------------------------------------------
# Flags: one card per flag, kept across refreshes so that a note being typed is never lost
# ------------------------------------------------------------------------------------------------


class FlagCard(w.VBox):
    def __init__(self, row: group.FlagRow, acknowledge: Callable[[FlagCard], None]) -> None:
        self.row = row
        self.summary = w.HTML()
        self.note = w.Textarea(
            description=f"Note on flag {row.seq}",
            placeholder="What you did or will do, e.g. spoke with them at the break; they are safe tonight.",
            style={"description_width": "initial"},
            layout={"width": "100%", "max_width": "44rem"},
        )
        self.button = w.Button(description=f"Acknowledge flag {row.seq}", button_style="primary")
        self.button.on_click(lambda _b: acknowledge(self))
        self.result = w.HTML()
        self.result.add_class("ws-status")
        super().__init__([self.summary, self.note, self.button, self.result])
        self.add_class("ws-flag")
        self.update(row)

    def update(self, row: group.FlagRow) -> None:
        self.row = row
        who = html_literal(row.participant or "(no code: practice mode)")
        status = "<strong>NEW</strong>" if row.new else "Acknowledged"
        source = "from an imported submission" if row.source == group.IMPORTED else "raised on the page"
        exercise = html_literal(row.exercise_id or row.module)
        text = (
            f"<details><summary>The whole text</summary><p>{html_literal(row.text)}</p></details>" if row.text else ""
        )
        history = "".join(
            f"<li>{html_literal(when(a.acknowledged_at))}: {html_literal(a.note)}</li>" for a in row.acknowledgements
        )
        trail = f"<p>Acknowledged:</p><ul>{history}</ul>" if history else ""
        self.summary.value = (
            f"<h3>{status}: {html_literal(row.category)}, {who}</h3>"
            f"<p class='ws-flag-words'>What raised it: {html_literal(row.words)}</p>"
            f"<p>Module {html_literal(row.module)}, exercise {exercise}; {html_literal(when(row.raised_at))}, {source}; "
            f"flag {row.seq}.</p>{text}{trail}"
        )
        self.button.description = f"Acknowledge flag {row.seq}" if row.new else f"Add a note to flag {row.seq}"
        self.button.button_style = "primary" if row.new else ""
        self.remove_class("ws-flag-new")
        if row.new:
            self.add_class("ws-flag-new")


# ------------------------------------------------------------------------------------------------
# The facilitator's dashboard
# ------------------------------------------------------------------------------------------------


class Dashboard(w.VBox):
    """Now, Flags, Progress, Practice, Change and Export for one cohort (or everyone in the store)."""

    def __init__(
        self,
        store: ResponseStore,
        cohort: str | None = None,
        *,
        modules: list[Module] | None = None,
        course: Path | None = None,
        refresh_seconds: float = REFRESH_SECONDS,
        group_view_href: str = "group.ipynb",
    ) -> None:
        self.store = store
        self.modules = modules if modules is not None else [m for m in all_modules() if m.listed]
        self.course = course
        self.refresh_seconds = refresh_seconds
        self.group_view_href = group_view_href
        self.refreshes = 0
        self.snap: group.Snapshot | None = None
        self.charts = ChartPainter(self._charts_ready)
        self._cards: dict[int, FlagCard] = {}

        self.intro = w.HTML()
        self.cohort_choice = w.Dropdown(description="Group", style={"description_width": "initial"})
        self.cohort_choice.observe(self._on_cohort, "value")
        self.auto = w.Checkbox(
            value=True, description=f"Refresh by itself every {refresh_seconds:g} seconds", indent=False
        )
        self.auto.observe(lambda change: setattr(self.refresher, "enabled", change["new"]), "value")
        self.refresh_button = w.Button(description="Refresh now")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.updated = w.HTML()
        self.updated.add_class("ws-updated")
        self.now_view = w.HTML()
        self.flags_intro = w.HTML()
        self.flag_cards = w.VBox()
        self.progress_view = w.HTML()
        self.practice_view = w.HTML()
        self.change_view = w.HTML()
        self.export_button = w.Button(description="Make the CSV files")
        self.export_button.on_click(lambda _b: self.export())
        self.export_links = w.HTML()
        self.export_links.add_class("ws-status")
        self.problem = w.HTML()
        self.problem.add_class("ws-status")
        controls = w.HBox([self.cohort_choice, self.auto, self.refresh_button], layout={"flex_flow": "row wrap"})
        super().__init__(
            [
                stylesheet(),
                self.intro,
                controls,
                self.updated,
                self.problem,
                w.HTML(heading("now", "Now: how people feel") + self._now_help()),
                self.now_view,
                w.HTML(heading("flags", "Flags")),
                self.flags_intro,
                self.flag_cards,
                w.HTML(heading("progress", "Progress")),
                self.progress_view,
                w.HTML(heading("practice", "Practice: predicted and what happened")),
                self.practice_view,
                w.HTML(heading("change", "Change: the welcome and closing measures")),
                self.change_view,
                w.HTML(
                    heading("export", "Export")
                    + "<p>CSV files for the clinic's records: progress, flags (with every acknowledgement) and "
                    "measures, with participant codes only. They hold health information: keep them where the "
                    "clinic keeps records, not in email or a shared folder.</p>"
                ),
                self.export_button,
                self.export_links,
            ]
        )
        self.add_class("ws-dash")
        self.refresher = Refresher(self.refresh, refresh_seconds)
        self._fill_cohorts(cohort)
        self.refresh()

    # -- cohort -----------------------------------------------------------------------------------

    def _fill_cohorts(self, wanted: str | None) -> None:
        names = [c.name for c in self.store.cohorts()]
        if wanted is not None and wanted not in names:
            names.insert(0, wanted)  # named on the command line before anyone has joined
        options = [(name, name) for name in names] + [(EVERYONE, "")]
        self._filling = True
        self.cohort_choice.options = options
        self.cohort_choice.value = wanted if wanted is not None else (names[0] if names else "")
        self._filling = False

    @property
    def cohort(self) -> str | None:
        return self.cohort_choice.value or None

    def _on_cohort(self, _change: dict[str, Any]) -> None:
        if not getattr(self, "_filling", False) and hasattr(self, "refresher"):
            self.export_links.value = ""
            self.refresh()

    # -- refresh ----------------------------------------------------------------------------------

    def start(self) -> Dashboard:
        """Refresh by itself from now on (inside a kernel)."""
        self.refresher.start()
        return self

    def refresh(self) -> None:
        try:
            snap = group.snapshot(self.store, self.cohort, self.modules, self.course)
        except WorkshopError as error:
            self.problem.value = f"<p><strong>Could not read the answers:</strong> {html_literal(str(error))}</p>"
            return
        self.problem.value = ""
        self.snap = snap
        known = {c.name for c in self.store.cohorts()}
        if known - {name for _, name in self.cohort_choice.options}:
            self._fill_cohorts(self.cohort)
        self._render_intro(snap)
        self._render_now(snap)
        self._render_flags(snap)
        self._render_progress(snap)
        self._render_practice(snap)
        self._render_change(snap)
        self.refreshes += 1
        stamp = snap.read_at.isoformat(timespec="microseconds")
        self.updated.value = (
            f"<p data-as-of='{stamp}' data-refresh='{self.refreshes}'>Updated at "
            f"{snap.read_at.astimezone():%H:%M:%S}.</p>"
        )

    def _now_help(self) -> str:
        return (
            "<p>Each person's latest distress rating (check-in, pulse or check-out, 0 to 100) and how it changed "
            "since their rating before. <strong>High</strong> means 70 or more; <strong>Rising</strong> means up "
            "30 or more since the module's check-in. Both offered the person grounding and the crisis resources "
            "on their page, and raised a flag below.</p>"
        )

    def _render_intro(self, snap: group.Snapshot) -> None:
        who = "everyone in this store" if snap.cohort is None else f"the group “{html_literal(snap.cohort)}”"
        nav = "".join(f"<li><a href='#ws-dash-{key}'>{title}</a></li>" for key, title in SECTIONS)
        href = self.group_view_href + (f"?cohort={quote(snap.cohort)}" if snap.cohort else "")
        self.intro.value = (
            "<h1>Facilitator dashboard</h1>"
            f"<p>Showing {who}: {len(snap.participants)} participant(s). <strong>For you only:</strong> this page "
            "shows codes, ratings, flags and words people wrote. To show the group something on a shared screen, "
            f"use the <a href='{html_literal(href)}' target='_blank' rel='noopener'>group view</a> (opens in a "
            "new tab): it shows totals only.</p>"
            f"<nav aria-label='Dashboard sections'><ul>{nav}</ul></nav>"
        )

    def _render_now(self, snap: group.Snapshot) -> None:
        rows, silent = group.distress_now(snap)
        if not rows and not silent:
            self.now_view.value = "<p>Nobody has joined this group yet.</p>"
            return
        cells, classes = [], []
        for row in rows:
            marks = "; ".join(row.marks)
            attention = f"<span class='ws-attention'>{html_literal(marks)}</span>" if marks else "–"
            cells.append(
                [
                    f"<code>{html_literal(row.participant)}</code>",
                    f"<td class='ws-num'>{row.value}</td>",
                    f"<td class='ws-num'>{signed(row.change)}</td>",
                    attention,
                    html_literal(f"{KIND_WORDS.get(row.kind, row.kind)}, {row.module_title}"),
                    html_literal(f"{when(row.saved_at)} ({ago(row.saved_at, snap.read_at)})"),
                ]
            )
            classes.append("ws-needs-attention" if marks else "")
        html = html_table(
            ["Participant", "Latest distress (0-100)", "Change", "Needs attention", "Rating", "When"],
            cells,
            caption="Latest distress rating of each participant; those needing attention first",
            row_classes=classes,
        )
        if silent:
            codes = ", ".join(f"<code>{html_literal(code)}</code>" for code in silent)
            html += f"<p>No rating yet from: {codes}.</p>"
        self.now_view.value = html

    def _render_flags(self, snap: group.Snapshot) -> None:
        rows = group.flag_rows(snap)
        new = sum(1 for row in rows if row.new)
        elsewhere = (
            f" There {'is' if snap.new_flags_elsewhere == 1 else 'are'} also {snap.new_flags_elsewhere} new flag(s) "
            f"of people outside this group: choose “{EVERYONE}” to see them."
            if snap.new_flags_elsewhere
            else ""
        )
        self.flags_intro.value = (
            f"<p><strong>{new} new</strong>, {len(rows) - new} acknowledged.{html_literal(elsewhere)} A flag is a prompt "
            "to follow up as the safety guide describes, not a risk assessment. Acknowledging keeps your note and "
            "its time; nothing here deletes a flag.</p>"
        )
        cards = []
        for row in rows:
            card = self._cards.get(row.seq)
            if card is None:
                card = self._cards[row.seq] = FlagCard(row, self.acknowledge)
            else:
                card.update(row)
            cards.append(card)
        if tuple(cards) != self.flag_cards.children:
            self.flag_cards.children = cards

    def acknowledge(self, card: FlagCard) -> None:
        try:
            self.store.acknowledge_flag(card.row.seq, card.note.value)
        except WorkshopError as error:
            card.result.value = f"<p><strong>Not saved:</strong> {html_literal(str(error))}</p>"
            return
        card.note.value = ""
        card.result.value = f"<p>Saved at {datetime.now().astimezone():%H:%M:%S}.</p>"
        self.refresh()

    def _render_progress(self, snap: group.Snapshot) -> None:
        rows = group.progress(snap)
        if not rows:
            self.progress_view.value = "<p>Nobody has joined this group yet.</p>"
            return
        header = ["Participant", *(html_literal(m.title.split(":")[0]) for m in snap.modules), "Last seen"]
        cells = []
        for row in rows:
            line = [f"<code>{html_literal(row.participant)}</code>"]
            for module in snap.modules:
                cell = row.modules[module.key]
                css = {"submitted": "ws-cell-submitted", "not started": "ws-cell-not-started"}.get(cell.state, "")
                if cell.state == "not started":
                    text = "–"
                else:
                    text = f"{cell.answered}/{cell.total}"
                    text = f"✓ submitted, {text}" if cell.state == "submitted" else text
                line.append(f"<td class='{css}'>{text}</td>")
            seen = html_literal(when(row.last_seen))
            if row.away is not None:
                seen = f"<span class='ws-attention'>Not back for {row.away.days} days</span> ({seen})"
            line.append(seen)
            cells.append(line)
        away = [row for row in rows if row.away is not None]
        note = (
            f"<p><strong>{len(away)} participant(s) have not come back for a week or more.</strong></p>" if away else ""
        )
        self.progress_view.value = (
            "<p>Each cell: exercises answered out of the module's exercises (3/25), and “✓ submitted” once the "
            "answers were sent for review. A dash: not started.</p>"
            + note
            + html_table(header, cells, caption="Progress of each participant through the modules")
        )

    def _charts_ready(self) -> None:
        if self.snap is not None:
            self._render_practice(self.snap)
            self._render_change(self.snap)

    def _render_practice(self, snap: group.Snapshot) -> None:
        from widgets import charts

        overall, rows = group.practice(snap)
        if not rows:
            self.practice_view.value = "<p>No practice recorded yet (the practice log in module 5).</p>"
            return
        pairs = [charts.Pair(f"Group ({overall.people})", overall.predicted, overall.happened, bold=True)]
        pairs += [charts.Pair(row.participant or "", row.predicted, row.happened) for row in rows]
        svg = self.charts.get(
            "practice",
            pairs,
            lambda: charts.paired_bars(
                pairs,
                first="how likely it seemed (mean %)",
                second="how much happened (mean %)",
                low=0,
                high=100,
                unit="%",
                label="Practice: for the group and each participant, how likely the feared outcome seemed against "
                "how much of it happened. The same figures are in the table below.",
                name="practice",
            ),
        )
        cells = [
            [
                "<strong>The group</strong>"
                if row.participant is None
                else f"<code>{html_literal(row.participant)}</code>",
                f"<td class='ws-num'>{row.attempts}</td>",
                f"<td class='ws-num'>{number(row.predicted, unit='%')}</td>",
                f"<td class='ws-num'>{number(row.happened, unit='%')}</td>",
                *(f"<td class='ws-num'>{row.outcomes.get(word, 0)}</td>" for word in ("yes", "partly", "no")),
            ]
            for row in [overall, *rows]
        ]
        self.practice_view.value = (
            "<p>From the practice logs: how likely each person thought the feared outcome was, against how much of it "
            "happened (yes 100, partly 50, no 0). What helps is learning that the feared outcome did not happen or "
            "was bearable, not how low the numbers get.</p>"
            + figure_html(svg, "Solid bars: how likely it seemed. Hatched bars: how much happened.")
            + html_table(
                ["", "Attempts", "How likely it seemed (mean)", "How much happened (mean)", "Happened: yes",
                 "Partly", "No"],
                cells,
                caption="Practice attempts, predicted and what happened",
            )
        )  # fmt: skip

    def _render_change(self, snap: group.Snapshot) -> None:
        from widgets import charts

        per_person = group.participant_changes(snap)
        caution = f"<p class='ws-caution'><strong>Please note:</strong> {html_literal(group.NOT_A_DIAGNOSIS)}</p>"
        if not per_person:
            self.change_view.value = caution + "<p>No measures answered yet (the welcome and the closing).</p>"
            return
        measures = group.group_changes(per_person)
        summary = html_table(
            ["Measure", "People with start and end", "Mean at start", "Mean at end", "Mean change"],
            [
                [
                    html_literal(m.name),
                    f"<td class='ws-num'>{m.people}</td>",
                    f"<td class='ws-num'>{number(m.start, 1)}</td>",
                    f"<td class='ws-num'>{number(m.end, 1)}</td>",
                    f"<td class='ws-num'>{signed(m.change, 1)}</td>",
                ]
                for m in measures
            ],
            caption="The group: means over the people who answered both at the start and at the end",
        )
        blocks = [caution, summary]
        scales = {"rses": (0, 30, 0), "scs-sf": (1, 5, 1), "fear": (0, 100, 0)}
        for measure in measures:
            low, high, digits = scales[measure.key]
            pairs = [charts.Pair(f"Group mean ({measure.people})", measure.start, measure.end, bold=True)]
            for code, items in per_person.items():
                for change in items:
                    if group.measure_key(change) == measure.key:
                        suffix = f" ({change.key[-1]})" if measure.key == "fear" else ""
                        pairs.append(charts.Pair(f"{code}{suffix}", change.start, change.end))
            if len(pairs) == 1:
                continue
            svg = self.charts.get(
                f"change-{measure.key}",
                pairs,
                lambda pairs=pairs, low=low, high=high, digits=digits, name=measure.key, title=measure.name: (
                    charts.start_and_end(
                        pairs,
                        low=low,
                        high=high,
                        digits=digits,
                        label=f"{title}: each participant's start and end, and the group mean. The same figures are in "
                        "the table below.",
                        name=f"change-{name}",
                    )
                ),
            )
            rows = [
                [
                    f"<strong>{html_literal(p.label)}</strong>" if p.bold else f"<code>{html_literal(p.label)}</code>",
                    f"<td class='ws-num'>{number(p.first, digits)}</td>",
                    f"<td class='ws-num'>{number(p.second, digits)}</td>",
                    f"<td class='ws-num'>{signed(None if p.first is None or p.second is None else p.second - p.first, digits)}</td>",
                ]
                for p in pairs
            ]
            fear_note = (
                " Fear ratings: (1), (2), (3) are the three situations each person named; lower means less fear."
                if measure.key == "fear"
                else ""
            )
            blocks.append(
                f"<h3>{html_literal(measure.name)}</h3>"
                + figure_html(svg, f"Filled circle: start (welcome). Open square: end (closing).{fear_note}")
                + "<details><summary>The figures for each participant</summary>"
                + html_table(["", "Start", "End", "Change"], rows, caption=html_literal(measure.name))
                + "</details>"
            )
        self.change_view.value = "".join(blocks)

    def export(self) -> dict[str, str]:
        snap = self.snap or group.snapshot(self.store, self.cohort, self.modules, self.course)
        files = group.export_files(snap)
        links = "".join(
            f"<li>{download_link(name, name, text, 'text/csv;charset=utf-8')}</li>" for name, text in files.items()
        )
        self.export_links.value = f"<p>Ready to save (as of {when(snap.read_at)}):</p><ul>{links}</ul>"
        return files


# ------------------------------------------------------------------------------------------------
# The group view, for a shared screen
# ------------------------------------------------------------------------------------------------


class GroupView(w.VBox):
    """Aggregates only: no code, no free text, no figure from fewer than three people."""

    def __init__(
        self,
        store: ResponseStore,
        cohort: str | None,
        *,
        modules: list[Module] | None = None,
        course: Path | None = None,
        refresh_seconds: float = GROUP_REFRESH_SECONDS,
    ) -> None:
        self.store = store
        self.cohort = cohort
        self.modules = modules if modules is not None else [m for m in all_modules() if m.listed]
        self.course = course
        self.view = w.HTML()
        self.charts = ChartPainter(self.refresh)
        super().__init__([stylesheet(), self.view])
        self.add_class("ws-dash")
        self.add_class("ws-group-view")
        self.refresher = Refresher(self.refresh, refresh_seconds)
        self.refresh()

    def start(self) -> GroupView:
        self.refresher.start()
        return self

    def refresh(self) -> None:
        from widgets import charts

        try:
            view = group.group_view(group.snapshot(self.store, self.cohort, self.modules, self.course))
        except WorkshopError as error:
            self.view.value = f"<p>The group view cannot be shown: {html_literal(str(error))}</p>"
            return

        def fig(figure: group.Figure) -> str:
            return f"<strong>{html_literal(figure.text())}</strong>"

        blocks = [
            "<h1>Our group</h1>",
            f"<p>Totals for the group only: nothing here shows who said what, and any number from fewer than "
            f"{group.MIN_GROUP} people is not shown.</p>",
            f"<p>People in the group: <span class='ws-big'>{html_literal(view.people.text())}</span></p>",
            "<h2>How we are today</h2>",
            f"<p>Checked in today: {fig(view.checked_in_today)}. Average distress at the latest rating today "
            f"(0 to 100): {fig(view.distress_today)}.</p>",
            "<h2>Where we are</h2>",
            html_table(
                ["Module", "People who started it", "People who sent it for review"],
                [[html_literal(title), html_literal(s.text()), html_literal(d.text())] for title, s, d in view.modules],
                caption="How many people started and sent each module",
            ),
            "<h2>Practice: what we predicted and what happened</h2>",
        ]
        if view.practice_predicted.shown and view.practice_happened.shown:
            pairs = [charts.Pair("The group", view.practice_predicted.value, view.practice_happened.value, bold=True)]
            svg = self.charts.get(
                "group-practice",
                pairs,
                lambda: charts.paired_bars(
                    pairs,
                    first="how likely it seemed",
                    second="how much happened",
                    low=0,
                    high=100,
                    unit="%",
                    label="The group's practice: how likely the feared outcome seemed on average, against how much "
                    "of it happened on average. The same figures are written below.",
                    name="group-practice",
                ),
            )
            blocks.append(figure_html(svg, "Solid bar: how likely it seemed. Hatched bar: how much happened."))
        if view.practice_people.people == 0:
            blocks.append("<p>Nobody has recorded practice yet.</p>")
        elif not view.practice_predicted.shown:
            blocks.append(f"<p>People who recorded practice: {fig(view.practice_people)}.</p>")
        else:
            blocks.append(
                f"<p>People who recorded practice: {fig(view.practice_people)}. On average, the feared outcome "
                f"seemed {fig(view.practice_predicted)} likely; {fig(view.practice_happened)} of it happened "
                "(yes counts 100, partly 50, no 0).</p>"
            )
        blocks.append("<h2>Our measures, start and end</h2>")
        blocks.append(f"<p class='ws-caution'>{html_literal(group.NOT_A_DIAGNOSIS)}</p>")
        blocks.append(
            html_table(
                ["Measure", "Average at the start", "Average at the end", "Average change"],
                [
                    [html_literal(name), html_literal(a.text()), html_literal(b.text()), html_literal(c.text())]
                    for name, a, b, c in view.measures
                ],
                caption="Averages over the people who answered at the start and at the end",
            )
        )
        self.view.value = "".join(blocks)


# ------------------------------------------------------------------------------------------------
# What the notebooks in dashboard/ call
# ------------------------------------------------------------------------------------------------


def _cohort_from_request() -> str | None:
    """The group to show: ?cohort= in the page's address, else `workshop dashboard --cohort`, else None."""
    values = parse_qs(session.query_string()).get("cohort")
    if values and values[0].strip():
        return values[0].strip()
    return os.environ.get(COHORT_VARIABLE) or None


NOT_HERE = (
    "<p>This page works only when the facilitator starts it with <code>workshop dashboard</code> on their own "
    "computer. It shows nothing here.</p>"
)


def _open() -> tuple[ResponseStore, list[Module]] | str:
    if os.environ.get(SERVED_VARIABLE) != "1":
        return NOT_HERE
    try:
        return ResponseStore.default(), [m for m in all_modules() if m.listed]
    except (WorkshopError, ExerciseDeclarationError) as error:
        return str(error)


def warm_up() -> None:
    """What a preheated kernel does before anyone opens the page: import what the first refresh needs (the
    review package brings nbformat: seconds on a busy machine, measured by `make bench`) and draw a chart once
    (matplotlib and its fonts)."""
    import workshop.review.course
    import workshop.review.safety_notes  # noqa: F401
    from widgets import charts

    charts.warm_up()


def show_dashboard() -> Dashboard | w.HTML:
    """The facilitator's dashboard for the group the request names (a preheated kernel waits for it here)."""
    warm_up()
    cohort = _cohort_from_request()
    opened = _open()
    if opened == NOT_HERE:
        return w.HTML(NOT_HERE)
    if isinstance(opened, str):
        return w.HTML(f"<p><strong>The dashboard cannot open the answers:</strong> {html_literal(opened)}</p>")
    store, modules = opened
    return Dashboard(store, cohort, modules=modules, course=config.course_dir()).start()


def show_group_view() -> GroupView | w.HTML:
    warm_up()
    cohort = _cohort_from_request()
    opened = _open()
    if opened == NOT_HERE:
        return w.HTML(NOT_HERE)
    if isinstance(opened, str):
        return w.HTML(f"<p>The group view cannot be shown: {html_literal(opened)}</p>")
    store, modules = opened
    if cohort is None:
        names = [c.name for c in store.cohorts()]
        cohort = names[0] if names else None
    return GroupView(store, cohort, modules=modules, course=config.course_dir()).start()
