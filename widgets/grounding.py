"""GroundingPanel: a short grounding exercise, a pause, and the crisis resources, offered without blocking.

Shown under a check-in or check-out when distress is high or has risen sharply. Nothing here is stored or
required: the participant can use it, scroll past it, or carry on.
"""

from __future__ import annotations

import ipywidgets as w

from widgets.crisis import CrisisPanel

INTRO = (
    "Thank you for being honest about how you feel. That is a lot to carry. Here are some things you can do "
    "right now, if you like. You can also just carry on."
)

BREATHING = """
<div class="ws-breathing">
  <p>Paced breathing, for about one minute:</p>
  <ol>
    <li>Sit so that your feet rest on the floor. Let your shoulders drop.</li>
    <li>Breathe in gently through your nose while you count to 4.</li>
    <li>Breathe out slowly, as if through a straw, while you count to 6.</li>
    <li>Do this 6 to 8 times. If counting feels hard, just make each breath out a little longer than the breath in.</li>
  </ol>
  <div class="ws-breath-circle" aria-hidden="true"></div>
</div>
"""

FIVE_FOUR = """
<div class="ws-54321">
  <p>5-4-3-2-1: bring your attention to what is around you. Take your time with each step.</p>
  <ol>
    <li>Name 5 things you can see.</li>
    <li>Name 4 things you can feel, like your feet on the floor or the chair behind you.</li>
    <li>Name 3 things you can hear.</li>
    <li>Name 2 things you can smell (or two smells you like).</li>
    <li>Name 1 thing you can taste, or one kind thing you could say to yourself.</li>
  </ol>
</div>
"""

PAUSE = (
    "<p>You can take a break now. Your answers are saved. Step away, get a drink of water, or talk to someone "
    "you trust. Come back to this page when you are ready, today or another day. You can skip any exercise.</p>"
)

CSS = """
<style>
.ws-grounding { border: 2px solid #1e3a8a; border-radius: 6px; padding: 0.5rem 1rem; margin-top: 0.75rem; background: #f8fafc; }
.ws-breath-circle { width: 3rem; height: 3rem; border-radius: 50%; background: #93c5fd; margin: 0.5rem 0 0.5rem 2rem;
  animation: ws-breathe 10s ease-in-out infinite; }
@keyframes ws-breathe { 0% { transform: scale(1); } 40% { transform: scale(2); } 100% { transform: scale(1); } }
@media (prefers-reduced-motion: reduce) { .ws-breath-circle { animation: none; } }
.ws-crisis { border-left: 4px solid #1e3a8a; padding: 0.25rem 0.75rem; margin: 0.5rem 0; background: #eff6ff; }
</style>
"""


class GroundingPanel(w.VBox):
    """Two grounding exercises behind buttons, a pause, and the resources. Purely an offer."""

    def __init__(self, **kwargs: object) -> None:
        self.intro = w.HTML(f"{CSS}<p><strong>{INTRO}</strong></p>")
        self.breathing_button = w.Button(
            description="Try paced breathing", tooltip="Show a one-minute breathing exercise"
        )
        self.five_button = w.Button(description="Try 5-4-3-2-1 grounding", tooltip="Show the 5-4-3-2-1 exercise")
        self.pause_button = w.Button(description="Take a pause", tooltip="How to take a break and come back later")
        for button in (self.breathing_button, self.five_button, self.pause_button):
            button.layout = {"width": "auto"}
        self.shown = w.HTML()
        self.shown.add_class("ws-status")  # read out politely when the participant opens an exercise
        self.breathing_button.on_click(lambda _b: self.show_exercise("breathing"))
        self.five_button.on_click(lambda _b: self.show_exercise("54321"))
        self.pause_button.on_click(lambda _b: self.show_exercise("pause"))
        self.crisis = CrisisPanel(lead="If you feel unsafe, or the feelings get too strong, you can reach someone now.")
        buttons = w.HBox([self.breathing_button, self.five_button, self.pause_button], layout={"flex_flow": "row wrap"})
        super().__init__(children=[self.intro, buttons, self.shown, self.crisis], **kwargs)
        self.add_class("ws-grounding")

    def show_exercise(self, which: str) -> None:
        self.shown.value = {"breathing": BREATHING, "54321": FIVE_FOUR, "pause": PAUSE}[which]
