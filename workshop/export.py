"""A participant's answers as a readable Markdown document, titled by the exercises' own prompts."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from workshop.exercises import ExerciseDeclarationError, Module, all_modules
from workshop.text import markdown_literal


def _value_lines(exercise: Any, value: Any) -> list[str]:
    kind = getattr(exercise, "kind", "")
    if value is None or value == "" or value == {}:
        return ["*(no answer)*"]
    if kind == "checklist" and isinstance(value, dict):
        lines = [f"- {markdown_literal(str(item))}" for item in value.get("selected", [])]
        if value.get("other"):
            lines.append(f"- {markdown_literal(exercise.other_label)}: {markdown_literal(value['other'])}")
        return lines or ["*(nothing ticked)*"]
    if kind == "choice" and isinstance(value, int) and 0 <= value < len(exercise.options):
        return [markdown_literal(exercise.options[value])]
    if isinstance(value, str):
        return [markdown_literal(value)]
    if isinstance(value, bool | int | float):
        return [str(value)]
    import json

    return ["```json", json.dumps(value, ensure_ascii=False, indent=2).replace("```", "` ` `"), "```"]


def answers_as_markdown(participant: str, answers: dict[str, Any], modules: list[Module] | None = None) -> str:
    try:
        modules = modules if modules is not None else all_modules()
    except ExerciseDeclarationError:
        modules = []
    lines = [
        "# My answers: Rejection Resilience Workshop",
        "",
        f"Participant code: {markdown_literal(participant)}  ",
        f"Exported: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        "",
        "This file holds the latest version of each answer. Keep it somewhere private.",
    ]
    shown: set[str] = set()
    for module in modules:
        mine = [e for e in module.exercises if e.id in answers]
        if not mine:
            continue
        lines += ["", f"## {markdown_literal(module.title)}"]
        for exercise in mine:
            lines += ["", f"### {markdown_literal(exercise.prompt)}", "", *_value_lines(exercise, answers[exercise.id])]
            shown.add(exercise.id)
    rest = [key for key in answers if key not in shown]
    if rest:
        lines += ["", "## Other answers"]
        for key in rest:
            lines += ["", f"### {markdown_literal(key)}", "", *_value_lines(None, answers[key])]
    return "\n".join(lines) + "\n"
