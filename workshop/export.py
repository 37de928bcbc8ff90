"""A participant's answers as a readable Markdown document, titled by the exercises' own prompts."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from workshop.exercises import ExerciseDeclarationError, Module, all_modules
from workshop.text import markdown_text


def _unknown_value(value: Any) -> str:
    """An answer whose exercise is no longer declared: kept, shown as escaped JSON text."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=2)
    return markdown_text(text)


def answers_as_markdown(participant: str, answers: dict[str, Any], modules: list[Module] | None = None) -> str:
    try:
        modules = modules if modules is not None else all_modules()
    except ExerciseDeclarationError:
        modules = []
    lines = [
        "# My answers: Rejection Resilience Workshop",
        "",
        f"Participant code: {markdown_text(participant)}  ",
        f"Exported: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        "",
        "This file holds the latest version of each answer. Keep it somewhere private.",
    ]
    shown: set[str] = set()
    for module in modules:
        mine = [e for e in module.exercises if e.id in answers]
        if not mine:
            continue
        lines += ["", f"## {markdown_text(module.title)}"]
        for exercise in mine:
            try:
                body = exercise.as_markdown(exercise.validate(answers[exercise.id]))
            except ValueError:
                body = _unknown_value(answers[exercise.id])  # saved under an older declaration: kept as it is
            lines += ["", f"### {markdown_text(exercise.prompt)}", "", body]
            shown.add(exercise.id)
    rest = [key for key in answers if key not in shown]
    if rest:
        lines += ["", "## Other answers"]
        for key in rest:
            lines += ["", f"### {markdown_text(key)}", "", _unknown_value(answers[key])]
    return "\n".join(lines) + "\n"
