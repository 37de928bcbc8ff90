"""Check-in, check-out and pulse: distress right now, 0-100, with anchor words at 0, 50 and 100.

At or above the threshold (70), or after a rise of 30 or more since the module's check-in, the page offers
grounding, a pause and the crisis resources (``widgets.grounding``), without blocking anything, and records
a flag so that the facilitator can follow up (``workshop flags``).

The response waits until the rating settles: a keyboard user reaching 85 presses End (100) and then steps
down, and every key press reaches the kernel. Acting on each step would flag and offer grounding for values
the participant only passed through, so the offer and the flag follow the value the participant settles on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from widgets.rating import RatingWidget
from widgets.registry import register
from workshop.debounce import Debouncer

if TYPE_CHECKING:
    from widgets.grounding import GroundingPanel

# How long the rating must stay put before the page responds: long enough for a person stepping with the
# arrow keys (or a screen reader user listening to each value) to pause between presses.
DISTRESS_SETTLE_S = 1.0

# In practice mode nothing is stored, so a check-out finds its check-in here (same kernel, same page set).
_PRACTICE_CHECKINS: dict[str, int] = {}


@register("checkin", "checkout", "pulse")
class CheckInWidget(RatingWidget):
    kind = "checkin"

    def build_controls(self) -> list[Any]:
        self.grounding: GroundingPanel | None = None
        self._flagged = False
        self._settled = Debouncer(self._respond_to_distress, DISTRESS_SETTLE_S)
        controls = super().build_controls()
        self.observe(self._on_distress_change, "value")
        return controls

    def checkin_value(self) -> int | None:
        """The module's check-in, for a check-out or pulse (None for a check-in, or when it was skipped)."""
        checkin_id = self.exercise.checkin_id
        if checkin_id is None:
            return None
        if self.participant:
            stored = self.store.latest(self.participant, checkin_id)
            return stored if isinstance(stored, int) else None
        return _PRACTICE_CHECKINS.get(checkin_id)

    def _on_distress_change(self, _change: dict[str, Any]) -> None:
        if self._restoring:
            # A stored answer is already settled: show the offer again at once, without a second flag.
            self._respond_to_distress()
        else:
            self._settled.trigger()

    def flush(self) -> None:
        super().flush()
        self._settled.flush()

    def _respond_to_distress(self) -> None:
        # Imported on the first rating, not with the page (as the crisis check in widgets.base).
        from widgets.grounding import GroundingPanel
        from workshop.safety import grounding_reasons, record_distress

        value = self.value
        if not isinstance(value, int):
            return
        if self.exercise.checkin_id is None and not self.participant:
            _PRACTICE_CHECKINS[self.exercise.id] = value
        checkin = self.checkin_value()
        if not grounding_reasons(value, checkin):
            return
        if self.grounding is None:
            # Once shown it stays: taking help away when the number drops would be jarring.
            self.grounding = GroundingPanel()
            self.show_below(self.grounding)
        if self.participant and not self._flagged and not self._restoring:
            # One flag per rating on a page; if the store cannot take it now, the next save tries again.
            self._flagged = True
            self._pending_flags.append(
                lambda: record_distress(self.store, self.participant, self.exercise.id, value, checkin)
            )
            self.record_pending_flags()
