"""Safety flags: what the pages record for a facilitator to follow up, and how they are described.

Flags go into the response store (``ResponseStore.record_flag``); ``workshop flags`` lists them. A
crisis-language flag's details hold the text that raised it, its category, every category matched and
the words that matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import Any, Protocol

from workshop.errors import WorkshopError
from workshop.safety.checkin import grounding_reasons
from workshop.safety.language import CATEGORIES, CrisisCheck, check_crisis_language

# Flag kinds recorded in the store (``workshop flags`` lists them).
FLAG_DISTRESS = "distress"
FLAG_CRISIS_LANGUAGE = "crisis_language"


class FlagStore(Protocol):
    def record_flag(self, participant: str | None, module: str, kind: str, details: dict[str, Any]) -> None: ...


def record_distress(
    store: FlagStore, participant: str | None, exercise_id: str, value: int, checkin: int | None = None
) -> bool:
    """Record a distress flag when the rating calls for grounding; return whether it did."""
    reasons = grounding_reasons(value, checkin)
    if reasons:
        details: dict[str, Any] = {"exercise_id": exercise_id, "value": value, "reasons": reasons}
        if checkin is not None:
            details["checkin"] = checkin
        store.record_flag(participant, exercise_id.split(".", 1)[0], FLAG_DISTRESS, details)
    return bool(reasons)


def record_crisis_language(store: FlagStore, participant: str | None, exercise_id: str, text: str) -> CrisisCheck:
    """Record a crisis-language flag when ``text`` calls for one; return what the check found (falsy: nothing).

    The flag's details hold the text that raised it, its category (e.g. ``danger_from_others``), every
    category matched and the words that matched, so ``workshop flags`` can say why it was raised.
    """
    check = check_crisis_language(text)
    if check:
        details = crisis_flag_details(exercise_id, text, check)
        store.record_flag(participant, exercise_id.split(".", 1)[0], FLAG_CRISIS_LANGUAGE, details)
    return check


def crisis_in_answer(value: Any) -> tuple[str, CrisisCheck] | None:
    """The first text in an answer that calls for the help panel, with what the check found; None if none.

    Each text of a structured answer (a thought record's parts, a log entry's fields) is checked on its
    own: joined together, separate fields ("People will think I am slow." then "no") would read as one
    made-up sentence and raise false alarms."""
    from workshop.text import strings_in

    for text in strings_in(value):
        if text.strip():
            check = check_crisis_language(text)
            if check:
                return text, check
    return None


def crisis_flag_details(exercise_id: str, text: str, check: CrisisCheck) -> dict[str, Any]:
    """What a crisis-language flag records: the text, its category, every category matched, the words."""
    return {
        "exercise_id": exercise_id,
        "text": text,
        "category": check.category,
        "categories": list(check.categories),
        "words": check.words,
    }


_DURATION = re.compile(r"^(\d+)\s*([dhm])$")


def parse_since(text: str) -> datetime:
    """A time to list flags from: "7d", "12h", "30m", or an ISO date/time (local time unless it says otherwise)."""
    text = text.strip()
    match = _DURATION.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        delta = {"d": timedelta(days=amount), "h": timedelta(hours=amount), "m": timedelta(minutes=amount)}[unit]
        return datetime.now(timezone.utc) - delta
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise WorkshopError(
            f"--since {text!r}: give a date like 2025-03-01, a time like 2025-03-01T14:00, or an age like 7d or 12h."
        ) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a facilitator types their local time
    return moment.astimezone(timezone.utc)


def describe_flag_details(kind: str, details: dict[str, Any]) -> str:
    """One line about what raised a flag, for the facilitator."""
    exercise = str(details.get("exercise_id") or details.get("exercise") or "")
    if kind == FLAG_CRISIS_LANGUAGE:
        text = " / ".join(line.strip() for line in str(details.get("text", "")).splitlines() if line.strip())
        categories = [c for c in details.get("categories") or [details.get("category")] if c]
        if not categories:  # a flag recorded before categories were
            return f'crisis language in {exercise}: "{text}"'
        why = "; ".join(CATEGORIES.get(c, str(c)) for c in categories)
        return f'crisis language in {exercise} ({why}; words: "{details.get("words", "")}"): "{text}"'
    if kind == FLAG_DISTRESS:
        name = exercise.split(".", 1)[-1].replace("_", "-")
        described = f"{name} distress {details.get('value')}"
        if details.get("checkin") is not None:
            described += f" (check-in was {details['checkin']})"
        return described
    return f"{kind}: {details}"


def format_flags(flags: Iterable[Any]) -> str:
    rows = []
    for flag in flags:
        when = flag.raised_at.astimezone().strftime("%Y-%m-%d %H:%M")
        rows.append(
            f"{when}  {flag.participant or '(no code)'}  {flag.module}  {describe_flag_details(flag.kind, flag.details)}"
        )
    return "\n".join(rows)


def who_sees_flags(*, group: bool, binder: bool, hub: bool = False) -> str:
    """What a participant is told about who learns of a flag, and when: true for the mode this runs in.

    Group: the facilitator sees it during the session (`workshop flags --follow`). Alone on one's own
    computer: nobody, until answers are sent to a facilitator, who sees it when importing them. Binder:
    nobody at all. Hub: each participant's flags stay in their own server's store, and the facilitator sees
    those of a module in the safety cell of its review notebook once it is submitted. Each says to use the
    help on the page instead of waiting for someone."""
    if hub:
        return (
            "Nobody is told right away if your distress is high or you write that you are not safe. If you "
            "submit a module for review, your facilitator sees a note in it when they read it. That may be "
            "days later. So if you are not safe, please do not wait. Use the help at the top of the page or "
            "tell someone now."
        )
    if group:
        return (
            "Your distress may be high or go up a lot. Or you may write that you want to die, want to hurt "
            "yourself, or are not safe. Then your facilitator gets a short note with your code during the "
            "session. That way they can check in with you. A computer can miss things. If you are not safe, "
            "please tell someone or use the help at the top of the page."
        )
    if binder:
        return (
            "Nobody is told if your distress is high or you write that you are not safe: this practice copy "
            "keeps nothing and has no facilitator. The page shows the help at the top instead. If you are not "
            "safe, please use it or tell someone now."
        )
    return (
        "Nobody is told right away if your distress is high or you write that you are not safe. This copy "
        "runs only on this computer. If you send your answers to a facilitator, they see a note when they "
        "open them. That may be days later. So if you are not safe, please do not wait. Use the help at the "
        "top of the page or tell someone now."
    )
