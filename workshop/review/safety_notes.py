"""Safety flags travel with a submission, so that a flag reaches a person in every mode.

* Group mode: flags were recorded live in the shared store; the submission lists them.
* Self-paced and Binder: the downloaded submission carries the module's flags (``metadata.workshop.flags``),
  and `workshop review import` checks every answer again (free text for crisis language, distress ratings
  for high values and sharp rises), records what it finds in the facilitator's store, marked as found at
  import, and lists it. Nothing a file says about flags is trusted: they are found again from the values.

A flagged review notebook opens with a safety cell listing each flag (exercise, what was found, when, the
words), so a facilitator cannot grade past it in formgrader.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import nbformat

from workshop.exercises import Module
from workshop.safety import (
    CATEGORIES,
    FLAG_CRISIS_LANGUAGE,
    FLAG_DISTRESS,
    crisis_flag_details,
    crisis_in_answer,
    grounding_reasons,
)
from workshop.text import markdown_text

FOUND_AT_IMPORT = "at import"
SAFETY_CELL_ID = "safety-flags"


def flag_record(kind: str, details: dict[str, Any], raised_at: datetime | str) -> dict[str, Any]:
    """One flag as plain JSON data (what a submission carries and the safety cell lists)."""
    when = raised_at.isoformat() if isinstance(raised_at, datetime) else str(raised_at)
    return {"kind": kind, "details": details, "raised_at": when}


def stored_flags(store: Any, participant: str, module: Module) -> list[dict[str, Any]]:
    """The flags the store holds for ``participant`` in ``module`` (live sessions and earlier imports)."""
    return [
        flag_record(flag.kind, flag.details, flag.raised_at)
        for flag in store.flags(participant=participant)
        if flag.module == module.key
    ]


def flags_in_answers(module: Module, answers: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(kind, details) of every flag the answers call for, found again from the values alone."""
    found: list[tuple[str, dict[str, Any]]] = []
    for exercise in module.exercises:
        value = answers.get(exercise.id)
        if value is None:
            continue
        if exercise.is_distress_rating and isinstance(value, int):
            checkin = answers.get(exercise.checkin_id) if exercise.checkin_id else None
            reasons = grounding_reasons(value, checkin if isinstance(checkin, int) else None)
            if reasons:
                found.append((FLAG_DISTRESS, {"exercise_id": exercise.id, "value": value, "reasons": reasons}))
        crisis = crisis_in_answer(value)
        if crisis:
            found.append((FLAG_CRISIS_LANGUAGE, crisis_flag_details(exercise.id, *crisis)))
    return found


def record_import_flags(
    store: Any, participant: str, module: Module, answers: dict[str, Any], source: str
) -> list[dict[str, Any]]:
    """Record in the facilitator's store what an imported submission's answers call for; return them."""
    recorded = []
    for kind, details in flags_in_answers(module, answers):
        details = {**details, "found": FOUND_AT_IMPORT, "file": source[:200]}
        store.record_flag(participant, module.key, kind, details)
        recorded.append(flag_record(kind, details, datetime.now().astimezone()))
    return recorded


def _flag_line(module: Module, flag: dict[str, Any]) -> str:
    details = flag.get("details", {})
    exercise_id = str(details.get("exercise_id", ""))
    try:
        where = module[exercise_id].prompt
    except KeyError:
        where = exercise_id
    if flag.get("kind") == FLAG_DISTRESS:
        what = f"distress rated {details.get('value')}" + (
            f" ({'; '.join(map(str, details.get('reasons', [])))})" if details.get("reasons") else ""
        )
    else:
        category = details.get("category")
        what = "crisis language" + (f" ({CATEGORIES.get(category, category)})" if category else "")
    found = " (found at import)" if details.get("found") == FOUND_AT_IMPORT else ""
    line = f"- **{markdown_text(what)}**{found} at *{markdown_text(where)}*, {markdown_text(str(flag.get('raised_at', ''))[:16])}"
    words = details.get("matched") or details.get("text")
    if flag.get("kind") == FLAG_CRISIS_LANGUAGE and words:
        shown = words if isinstance(words, str) else " / ".join(map(str, words))
        line += f"  \n  The words: {markdown_text(shown[:600])}"
        if details.get("words"):
            line += f"  \n  What the check matched: {markdown_text(str(details['words'])[:200])}"
    return line


def safety_cell(module: Module, flags: list[dict[str, Any]]) -> nbformat.NotebookNode | None:
    """The cell a flagged review notebook opens with (None when there is no flag)."""
    if not flags:
        return None
    lines = [
        "## ⚠ Safety flags: read these before anything else",
        "",
        "This participant's answers to this module raised the flags below. Follow the safety protocol "
        "(facilitator_guide/safety.md) before you review or comment: contact the participant as agreed. "
        "The check is a backstop, not a risk assessment.",
        "",
        *(_flag_line(module, flag) for flag in flags),
    ]
    cell = nbformat.v4.new_markdown_cell("\n".join(lines), metadata={"workshop": {"audience": "facilitator"}})
    cell.id = SAFETY_CELL_ID
    return cell
