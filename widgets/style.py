"""The few style rules the exercise widgets need, shipped with them (no web fonts, nothing fetched)."""

from __future__ import annotations

import ipywidgets as w

CSS = """
.ws-exercise { margin: 1rem 0 1.5rem; padding: 0.75rem 1rem; border: 1px solid #8a8a8a; border-radius: 6px; }
/* ipywidgets' boxes scroll what overflows them; a full-width field's 2 px margins would make every exercise
   (and every ladder step or log entry in it) scroll a few pixels sideways under a finger. The exercise's
   own padding has room for them. */
.ws-exercise, .ws-exercise .widget-box { overflow: visible !important; }
/* Long prompts are the visible labels of their controls: let them wrap above the control. */
.ws-exercise .widget-label, .ws-exercise .widget-label-basic, .ws-exercise label.widget-label {
  width: auto !important; max-width: 100% !important; white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; text-align: left !important; line-height: 1.4; font-weight: 600; height: auto !important;
  padding-bottom: 0.35rem;
}
.ws-exercise .widget-textarea, .ws-exercise .widget-text, .ws-exercise .widget-radio {
  flex-direction: column !important; align-items: stretch !important; height: auto !important;
}
/* A slider keeps its track and number on one line, under its label. */
.ws-exercise .widget-hslider { flex-wrap: wrap !important; height: auto !important; align-items: center !important; }
.ws-exercise .widget-hslider > .widget-label { flex: 0 0 100% !important; }
.ws-exercise .widget-hslider .widget-readout { font-size: 1.1rem; font-weight: 600; min-width: 3rem; }
.ws-exercise .widget-textarea textarea { font-size: 1rem; min-height: 7rem; }
.ws-exercise .widget-radio-box { flex-direction: row !important; flex-wrap: wrap; gap: 0.25rem 1rem; }
.ws-exercise .widget-checkbox { height: auto !important; }
/* Knowledge-check options read best one under another. */
.ws-choice .widget-radio-box { flex-direction: column !important; }
.ws-exercise .widget-checkbox label { white-space: normal !important; }
.widget-html a, .ws-nav a { color: #1d4ed8; text-decoration: underline; }
/* Links that stand on their own (module links, the way back, downloads) are at least 24 px tall targets. */
.ws-nav { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; }
.ws-nav a, .ws-banner a, .ws-modules a { display: inline-block; padding: 0.3rem 0; line-height: 1.5; }
@media (max-width: 40rem) { .ws-nav { flex-direction: column; align-items: flex-start; } .ws-nav-sep { display: none; } }
/* Sliders: a handle big enough for a thumb, and a number that can be tapped. */
.ws-exercise .widget-hslider .noUi-horizontal .noUi-handle { width: 28px !important; height: 28px !important; top: -6px !important; right: -14px !important; border-radius: 50% !important; }
.ws-exercise .widget-hslider .widget-readout { min-height: 1.75rem; line-height: 1.75rem; }
.widget-html a:focus-visible, .jupyter-button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.jupyter-button:not(.mod-primary) { background: #ffffff; border: 2px solid #475569; color: #111827; border-radius: 4px; }
.jupyter-button { align-self: flex-start; height: auto !important; min-height: 2.5rem; padding: 0.3rem 0.9rem; font-size: 1rem; width: auto !important;
  max-width: 100%; white-space: normal !important; text-align: left; line-height: 1.35; margin: 0.25rem 0.5rem 0.25rem 0; }
.ws-prompt { font-weight: 600; margin: 0 0 0.35rem; }
p.ws-help, .ws-anchors, .ws-counter { color: #3b3b3b; font-size: 0.95rem; margin: 0.2rem 0; }
.ws-status { font-size: 0.95rem; color: #2b2b2b; }
.ws-status span::before { content: "\\2022\\00a0"; }
.ws-message p { border-left: 4px solid #9a3412; padding: 0.25rem 0.6rem; margin: 0.35rem 0; background: #fff7ed; }
.ws-banner p { background: #f1f5f9; border: 1px solid #94a3b8; border-radius: 6px; padding: 0.5rem 0.75rem; }
.ws-nav { margin: 1.5rem 0; font-size: 1.05rem; }
/* Touch targets (WCAG 2.2, 2.5.8): every radio and check box is 24 x 24 CSS px, inside a label that is a
   bordered row at least 2.75rem tall, so a tap anywhere on the option chooses it. ipywidgets puts a radio
   after its text; it is shown before it, where people look for it. Long labels wrap beside the button. */
.jupyter-widgets input[type=radio], .jupyter-widgets input[type=checkbox] {
  width: 1.5rem; height: 1.5rem; min-width: 1.5rem; margin: 0; flex: 0 0 auto; accent-color: #1f5f8b; cursor: pointer;
}
/* (ipywidgets pads a radio box to a multiple of its label height: a gap that means nothing here.) */
.ws-exercise .widget-radio-box { gap: 0.5rem; margin-bottom: 0 !important; }
.ws-exercise .widget-radio-box label {
  white-space: normal !important; display: flex; flex-direction: row-reverse; justify-content: flex-end; align-items: center;
  gap: 0.6rem; line-height: 1.35; min-height: 2.75rem; box-sizing: border-box; padding: 0.3rem 0.6rem; margin: 0 !important;
  border: 1px solid #94a3b8; border-radius: 6px; background: #ffffff; cursor: pointer; width: auto !important; position: relative;
}
.ws-exercise .widget-radio-box label:has(input:checked) { border: 2px solid #1f5f8b; background: #e8f0f8; font-weight: 600; }
.ws-exercise .widget-checkbox, .ws-landing .widget-checkbox { height: auto !important; min-height: 2.75rem; align-items: center; }
.jupyter-widgets.widget-checkbox label { display: flex !important; align-items: center; gap: 0.6rem; min-height: 2.75rem; cursor: pointer; line-height: 1.35; }
/* Options side by side in even columns (questionnaire items, claims); one under another on a phone when
   they do not pair evenly. */
/* As many even columns as fit whole words (five trap names do not fit one row on a laptop). */
.ws-options .widget-radio-box { display: grid !important; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); }
@media (max-width: 40rem) {
  .ws-options .widget-radio-box { grid-auto-flow: row; grid-template-columns: 1fr; }
  .ws-options-even .widget-radio-box { grid-template-columns: 1fr 1fr; }
}
/* Rating scales (0-10 and the like): a segmented row of equal cells, the radio over its number; on a phone
   two even rows. The anchor words are part of each radio's name (workshop.js keeps them for screen readers
   and hides them in the cell) and printed under the scale. */
.ws-scale .widget-radio-box { display: grid !important; gap: 0.375rem; }
.ws-scale .widget-radio-box label { flex-direction: column-reverse; justify-content: center; gap: 0.15rem; padding: 0.35rem 0; min-height: 3.5rem; text-align: center; }
.ws-scale .ws-anchor-word { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.ws-scale-anchors { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.25rem 1rem; }
/* Dropdowns and one-line fields sit under their label and may use the whole width (no clipped option text). */
.ws-exercise .widget-dropdown, .ws-exercise .widget-combobox { flex-direction: column !important; align-items: stretch !important; height: auto !important; max-width: 100%; }
/* In a column, ipywidgets' flex basis for a <select> (148px) would become its height: keep it one line. */
.ws-exercise .widget-dropdown select { width: auto !important; max-width: 100%; min-width: 8rem; font-size: 1rem; height: 2.5rem; flex: 0 0 auto !important; }
.ws-exercise .widget-text input, .ws-exercise .widget-combobox input { font-size: 1rem; height: 2.5rem; flex: 0 0 auto !important; }
.ws-exercise .widget-radio { width: 100% !important; }
.ws-exercise input, .ws-exercise textarea, .ws-exercise select { box-sizing: border-box; max-width: 100%; }
.ws-exercise .widget-inline-hbox, .ws-exercise .widget-box { min-width: 0; max-width: 100%; box-sizing: border-box; }
.ws-exercise .widget-textarea, .ws-exercise .widget-text { width: 100% !important; max-width: 100%; box-sizing: border-box; }
.ws-ladder-step, .ws-log-entry { border-top: 1px solid #cbd5e1; padding-top: 0.5rem; margin-top: 0.5rem; gap: 0.25rem; }
.ws-entry-title { margin: 0.25rem 0; }
.ws-part { font-weight: 600; margin: 0.75rem 0 0.25rem; }
.ws-log-chart { max-width: 100%; height: auto; display: block; }
.ws-scale-title { font-style: italic; }
.ws-chart-key { font-size: 0.9rem; margin: 0.25rem 0 0.5rem; }
/* JupyterLab floats an output's <dt> into a fifth of the width: one word a line on a phone. Stack them. */
.ws-example dt { font-weight: 600; margin-top: 0.5rem; float: none !important; width: auto !important; }
.ws-example dd { margin-left: 1rem; float: none !important; width: auto !important; }
.ws-mood-change ul, .ws-ideas { margin: 0.25rem 0 0.5rem 1.25rem; }
.ws-shown-back table, .ws-exercise table { border-collapse: collapse; margin: 0.25rem 0; max-width: 100%; }
/* Only a word longer than its line (a DOI, a long address) is broken, never an ordinary word. */
.ws-exercise, .ws-shown-back { overflow-wrap: break-word; }
.ws-shown-back th, .ws-shown-back td, .ws-exercise th, .ws-exercise td { border: 1px solid #94a3b8; padding: 0.2rem 0.5rem; text-align: left; }
.ws-code { font-size: 1.6rem; font-family: ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: 0.03em;
  background: #f8fafc; border: 2px dashed #475569; padding: 0.5rem 0.75rem; display: inline-block; }
"""

SCALE_SIZES = range(2, 12)
NARROW = "40rem"


def phone_columns(points: int) -> int:
    """Columns of a rating scale on a phone: one row up to 6 points, else two even rows (11 -> 6 + 5)."""
    return points if points <= 6 else (points + 1) // 2


def scale_css() -> str:
    wide = "\n".join(
        f".ws-scale-{n} .widget-radio-box {{ grid-template-columns: repeat({n}, 1fr); }}" for n in SCALE_SIZES
    )
    narrow = "\n".join(
        f"  .ws-scale-{n} .widget-radio-box {{ grid-template-columns: repeat({phone_columns(n)}, 1fr); }}"
        for n in SCALE_SIZES
        if phone_columns(n) != n
    )
    return f"{wide}\n@media (max-width: {NARROW}) {{\n{narrow}\n}}\n"


def stylesheet() -> w.HTML:
    sheet = w.HTML(f"<style>{CSS}{scale_css()}</style>", layout={"display": "none"})
    return sheet
