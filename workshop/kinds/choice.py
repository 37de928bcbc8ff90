"""Choice: a knowledge-check question with one right option and an explanation for every option.

In the review notebook the answer is a Python literal (``answer_<name> = 2``) that a hidden test checks,
so nbgrader scores it; the participant's copy shows the explanation of the option they chose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from workshop.kinds.base import CodeCells, Exercise
from workshop.text import markdown_text

BEGIN_HIDDEN = "### BEGIN HIDDEN TESTS"
END_HIDDEN = "### END HIDDEN TESTS"


@dataclass(frozen=True)
class Choice(Exercise):
    options: tuple[str, ...] = ()
    answer: int = 0
    explanations: tuple[str, ...] = ()
    kind: ClassVar[str] = "choice"


    def check(self) -> None:
        super().check()
        if len(self.options) < 2:
            raise ValueError("field 'options': needs at least two options.")
        if not 0 <= self.answer < len(self.options):
            raise ValueError(f"field 'answer': {self.answer} is not an option index (0 to {len(self.options) - 1}).")
        if len(self.explanations) != len(self.options):
            raise ValueError("field 'explanations': every option needs an explanation, in the same order.")

    def is_answered(self, value: Any) -> bool:
        return value is not None

    def validate(self, value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < len(self.options):
            raise ValueError(f"Please pick one of the {len(self.options)} options.")
        return value

    def is_correct(self, value: Any) -> bool:
        return value == self.answer

    def texts(self) -> list[str]:
        return [*super().texts(), *self.options, *self.explanations]

    # -- review -----------------------------------------------------------------------------------

    @property
    def answer_variable(self) -> str:
        """The Python name the answer is bound to (prefixed: exercise names may shadow builtins)."""
        return f"answer_{self.name}"

    def code_cells(self) -> list[CodeCells]:
        explanations = dict(enumerate(self.explanations))
        test = "\n".join(
            [
                "# Checked when the facilitator runs autograde.",
                BEGIN_HIDDEN,
                f"_explanations = {explanations!r}",
                f"print(_explanations.get({self.answer_variable}, 'No answer was given.'))",
                f"assert {self.answer_variable} == {self.answer!r}, 'The right answer is option {self.answer + 1}.'",
                END_HIDDEN,
            ]
        )
        return [CodeCells(f"{self.name}_answer", f"{self.answer_variable} = None", f"{self.name}_check", test)]

    def code_answers(self, value: Any) -> dict[str, str]:
        # repr of a validated int (or None): participant input never reaches code as text.
        literal = repr(value) if isinstance(value, int) and not isinstance(value, bool) else "None"
        return {f"{self.name}_answer": f"{self.answer_variable} = {literal}"}

    def prompt_markdown(self) -> list[str]:
        lines = []
        for number, option in enumerate(self.options, start=1):
            marker = " (right answer)" if number - 1 == self.answer else ""
            lines.append(f"{number}\\. {markdown_text(option)}{marker}  ")
        return lines

    def shown_markdown(self, value: Any) -> str | None:
        verdict = "right" if self.is_correct(value) else "not the best answer"
        return (
            f"**Answer:** option {value + 1}, {markdown_text(self.options[value])} ({verdict})  \n"
            f"*{markdown_text(self.explanations[value])}*"
        )

    def summarize(self, values: Sequence[Any]) -> dict[str, Any]:
        chosen = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
        return {
            **super().summarize(values),
            "chosen": {option: chosen.count(index) for index, option in enumerate(self.options)},
            "right": sum(1 for v in chosen if self.is_correct(v)),
        }
