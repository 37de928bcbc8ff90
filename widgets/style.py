"""The few style rules the exercise widgets need, shipped with them (no web fonts, nothing fetched)."""

from __future__ import annotations

import ipywidgets as w

CSS = """
.ws-exercise { margin: 1rem 0 1.5rem; padding: 0.75rem 1rem; border: 1px solid #8a8a8a; border-radius: 6px; }
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
.widget-html a:focus-visible, .jupyter-button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.jupyter-button:not(.mod-primary) { background: #ffffff; border: 2px solid #475569; color: #111827; border-radius: 4px; }
.jupyter-button { align-self: flex-start; height: auto !important; min-height: 2.2rem; padding: 0.3rem 0.9rem; font-size: 1rem; width: auto !important; }
.ws-prompt { font-weight: 600; margin: 0 0 0.35rem; }
.ws-help, .ws-anchors, .ws-counter { color: #3b3b3b; font-size: 0.95rem; margin: 0.2rem 0; }
.ws-status { font-size: 0.95rem; color: #2b2b2b; }
.ws-status span::before { content: "\\2022\\00a0"; }
.ws-message p { border-left: 4px solid #9a3412; padding: 0.25rem 0.6rem; margin: 0.35rem 0; background: #fff7ed; }
.ws-banner p { background: #f1f5f9; border: 1px solid #94a3b8; border-radius: 6px; padding: 0.5rem 0.75rem; }
.ws-nav { margin: 1.5rem 0; font-size: 1.05rem; }
/* Long radio labels (quiz options, claims) wrap under their button instead of pushing it out of view. */
/* ipywidgets puts the input after the text and floats it left; in a flex row the float is ignored, so reverse. */
.ws-exercise .widget-radio-box label { white-space: normal !important; display: flex; flex-direction: row-reverse;
  justify-content: flex-end; align-items: flex-start; gap: 0.4rem; line-height: 1.35; height: auto !important; }
.ws-exercise .widget-radio-box label input { flex: 0 0 auto; margin-top: 0.2rem; }
/* Dropdowns and one-line fields sit under their label and may use the whole width (no clipped option text). */
.ws-exercise .widget-dropdown, .ws-exercise .widget-combobox { flex-direction: column !important; height: auto !important; max-width: 100%; }
.ws-exercise .widget-dropdown { align-items: flex-start !important; width: auto !important; }
.ws-exercise .widget-radio { width: 100% !important; }
/* ipywidgets pads a radio group to a multiple of its label's height: a wrapped prompt left a gap below. */
.ws-exercise .widget-radio-box { margin-bottom: 0 !important; }
.ws-exercise input, .ws-exercise textarea, .ws-exercise select { box-sizing: border-box; max-width: 100%; }
.ws-exercise .widget-combobox { align-items: stretch !important; }
.ws-exercise .widget-dropdown select { flex: 0 0 auto !important; width: auto !important; max-width: 100%; min-width: 10rem;
  font-size: 1rem; height: 2.2rem !important; }
.ws-exercise .widget-text input, .ws-exercise .widget-combobox input { font-size: 1rem; height: 2.2rem; }
.ws-exercise .widget-inline-hbox, .ws-exercise .widget-box { min-width: 0; max-width: 100%; box-sizing: border-box; }
.ws-exercise .widget-textarea, .ws-exercise .widget-text { width: 100% !important; max-width: 100%; box-sizing: border-box; }
.ws-ladder-step, .ws-log-entry { border-top: 1px solid #cbd5e1; padding-top: 0.5rem; margin-top: 0.5rem; gap: 0.25rem; }
.ws-entry-title { margin: 0.25rem 0; }
.ws-part { font-weight: 600; margin: 0.75rem 0 0.25rem; }
.ws-log-chart { max-width: 100%; height: auto; }
/* A worked example's parts, one under the other (the page's own CSS floats dt and dd side by side). */
.ws-example dt, .ws-example dd { float: none; width: auto; }
.ws-example dt { font-weight: 600; margin-top: 0.5rem; }
.ws-example dd { margin-left: 1rem; }
.ws-mood-change ul, .ws-ideas { margin: 0.25rem 0 0.5rem 1.25rem; }
.ws-shown-back table, .ws-exercise table { border-collapse: collapse; margin: 0.25rem 0; }
.ws-shown-back th, .ws-shown-back td, .ws-exercise th, .ws-exercise td { border: 1px solid #94a3b8; padding: 0.2rem 0.5rem; text-align: left; }
.ws-code { font-size: 1.6rem; font-family: ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: 0.03em;
  background: #f8fafc; border: 2px dashed #475569; padding: 0.5rem 0.75rem; display: inline-block; }
"""


def stylesheet() -> w.HTML:
    sheet = w.HTML(f"<style>{CSS}</style>", layout=w.Layout(display="none"))
    return sheet
