"""Distress ratings: when a check-in, check-out or pulse calls for grounding, a pause and the resources.

The exercise kinds themselves live in ``workshop/kinds/checkin.py``; the widget in ``widgets/checkin.py``.
"""

from __future__ import annotations

# A check-in or check-out at or above this, or a rise this big since the module's check-in, offers
# grounding, a pause and the resources.
GROUNDING_THRESHOLD = 70
GROUNDING_RISE = 30


def grounding_reasons(
    value: int | None,
    checkin: int | None = None,
    *,
    threshold: int = GROUNDING_THRESHOLD,
    rise: int = GROUNDING_RISE,
) -> list[str]:
    """Why a distress rating calls for grounding (empty list: it does not).

    ``checkin`` is the module's check-in value when ``value`` is a check-out (or a later rating).
    """
    if value is None:
        return []
    reasons = []
    if value >= threshold:
        reasons.append(f"distress {value} is at or above {threshold}")
    if checkin is not None and value - checkin >= rise:
        reasons.append(f"distress rose by {value - checkin} since the check-in ({checkin} to {value})")
    return reasons


def needs_grounding(value: int | None, checkin: int | None = None, **limits: int) -> bool:
    """True when a check-in/out value (or its rise since the check-in) calls for grounding."""
    return bool(grounding_reasons(value, checkin, **limits))
