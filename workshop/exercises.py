"""Exercise declarations: the one source of truth for an exercise's id, prompt and options.

Each module folder holds a ``module.toml`` that declares its exercises once. The Voila view
(``widgets``), the response store (keyed by ``Exercise.id``) and the nbgrader review notebook
(``workshop.review``) are all derived from these declarations; nothing is kept in sync by hand.

Exercise ids are ``"<module>.<exercise>"``, for example ``"triggers.recent_rejection"``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ID_PART = re.compile(r"^[a-z][a-z0-9_]*$")
MODULE_FILE = "module.toml"


class ExerciseDeclarationError(ValueError):
    """A module.toml that does not describe its exercises correctly."""


@dataclass(frozen=True)
class Exercise:
    """Fields every exercise has. ``kind`` picks the widget and how the value is checked."""

    id: str
    prompt: str
    help: str = ""
    kind: str = field(default="", init=False)

    @property
    def module(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.id.split(".", 1)[1]

    def validate(self, value: Any) -> Any:
        """Return ``value`` in canonical form, or raise ``ValueError`` with a message for a person."""
        raise NotImplementedError

    def empty(self) -> Any:
        """The value of an exercise nobody has answered yet."""
        raise NotImplementedError

    def is_answered(self, value: Any) -> bool:
        return value is not None and value != self.empty()


@dataclass(frozen=True)
class Reflection(Exercise):
    """Free text. ``max_length`` is shown to the participant; longer text is refused, never cut."""

    max_length: int = 3000
    placeholder: str = ""
    kind: str = field(default="reflection", init=False)

    def empty(self) -> str:
        return ""

    def validate(self, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("A reflection must be text.")
        if len(value) > self.max_length:
            raise ValueError(
                f"This answer is {len(value):,} characters long; the limit here is {self.max_length:,}. "
                "Your text has not been cut. Please shorten it to save it."
            )
        return value


@dataclass(frozen=True)
class Checklist(Exercise):
    """Pick any of ``options``; with ``other`` the participant may add their own words."""

    options: tuple[str, ...] = ()
    other: bool = True
    other_label: str = "Something else (in your own words)"
    other_max_length: int = 500
    kind: str = field(default="checklist", init=False)

    def empty(self) -> dict[str, Any]:
        return {"selected": [], "other": ""}

    def validate(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ValueError("A checklist answer must have 'selected' and 'other'.")
        selected = value.get("selected", [])
        other = value.get("other", "")
        if not isinstance(selected, list | tuple) or any(s not in self.options for s in selected):
            raise ValueError("Only the options shown can be selected.")
        if not isinstance(other, str):
            raise ValueError("The 'other' answer must be text.")
        if other and not self.other:
            raise ValueError("This checklist has no 'other' answer.")
        if len(other) > self.other_max_length:
            raise ValueError(
                f"The 'other' answer is {len(other):,} characters; the limit is {self.other_max_length:,}."
            )
        # Keep the declared order so that revisions compare equal when the same boxes are ticked.
        ordered = [o for o in self.options if o in selected]
        return {"selected": ordered, "other": other}


@dataclass(frozen=True)
class Rating(Exercise):
    """A whole number on a labelled scale, e.g. distress 0-100 with anchor words."""

    minimum: int = 0
    maximum: int = 10
    step: int = 1
    anchors: tuple[tuple[int, str], ...] = ()
    kind: str = field(default="rating", init=False)

    def empty(self) -> None:
        return None

    def is_answered(self, value: Any) -> bool:
        return value is not None

    def validate(self, value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            raise ValueError(f"Please choose a whole number from {self.minimum} to {self.maximum}.")
        value = int(value)
        if not self.minimum <= value <= self.maximum:
            raise ValueError(f"{value} is outside the scale; please choose from {self.minimum} to {self.maximum}.")
        return value


@dataclass(frozen=True)
class Choice(Exercise):
    """A knowledge-check question: one right option, and an explanation for every option."""

    options: tuple[str, ...] = ()
    answer: int = 0
    explanations: tuple[str, ...] = ()
    kind: str = field(default="choice", init=False)

    def empty(self) -> None:
        return None

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


KINDS: dict[str, type[Exercise]] = {
    "reflection": Reflection,
    "checklist": Checklist,
    "rating": Rating,
    "choice": Choice,
}

# Core modules that add kinds of their own (check-in, questionnaires) with register_kind().
KIND_PROVIDERS = ("workshop.safety", "workshop.measures")


def register_kind(kind: str, cls: type[Exercise]) -> None:
    """Let another core module (e.g. questionnaires) add an exercise kind that module.toml may use."""
    KINDS[kind] = cls


def _load_kind_providers() -> None:
    import importlib

    for name in KIND_PROVIDERS:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:  # a provider that exists but fails to import is a real bug
                raise


@dataclass(frozen=True)
class Module:
    """One module of the curriculum, as its module.toml declares it."""

    key: str  # the id prefix, e.g. "triggers"
    folder: str  # e.g. "01_triggers"
    title: str
    order: int
    exercises: tuple[Exercise, ...]
    minutes: int = 0
    path: Path | None = None

    def __getitem__(self, name: str) -> Exercise:
        full = name if "." in name else f"{self.key}.{name}"
        for exercise in self.exercises:
            if exercise.id == full:
                return exercise
        raise KeyError(f"Module {self.key!r} declares no exercise {name!r}.")

    def __iter__(self):
        return iter(self.exercises)

    @property
    def notebook(self) -> str:
        """The notebook's path relative to the modules folder (what Voila renders)."""
        return f"{self.folder}/{self.key}.ipynb"


def _build_exercise(module_key: str, raw: dict[str, Any], where: str) -> Exercise:
    raw = dict(raw)
    kind = raw.pop("kind", None)
    if kind not in KINDS:
        _load_kind_providers()
    name = raw.pop("id", None)
    if kind not in KINDS:
        raise ExerciseDeclarationError(f"{where}: unknown kind {kind!r}; use one of {sorted(KINDS)}.")
    if not isinstance(name, str) or not ID_PART.match(name):
        raise ExerciseDeclarationError(f"{where}: id {name!r} must be lower-case letters, digits and _.")
    cls = KINDS[kind]
    for key in ("options", "explanations"):
        if key in raw:
            raw[key] = tuple(raw[key])
    if "anchors" in raw:
        raw["anchors"] = tuple(sorted((int(k), str(v)) for k, v in raw["anchors"].items()))
    allowed = {f for f in cls.__dataclass_fields__ if f != "kind"}
    unknown = set(raw) - allowed
    if unknown:
        raise ExerciseDeclarationError(f"{where}: {kind} has no field(s) {sorted(unknown)}.")
    try:
        exercise = cls(id=f"{module_key}.{name}", **raw)
    except TypeError as error:
        raise ExerciseDeclarationError(f"{where}: {error}") from None
    _check(exercise, where)
    return exercise


def _check(exercise: Exercise, where: str) -> None:
    if not exercise.prompt.strip():
        raise ExerciseDeclarationError(f"{where}: the prompt is empty.")
    if isinstance(exercise, Checklist | Choice) and len(exercise.options) < 2:
        raise ExerciseDeclarationError(f"{where}: needs at least two options.")
    if isinstance(exercise, Choice):
        if not 0 <= exercise.answer < len(exercise.options):
            raise ExerciseDeclarationError(f"{where}: answer {exercise.answer} is not an option index.")
        if len(exercise.explanations) != len(exercise.options):
            raise ExerciseDeclarationError(f"{where}: every option needs an explanation.")
    if isinstance(exercise, Rating):
        if exercise.minimum >= exercise.maximum or exercise.step < 1:
            raise ExerciseDeclarationError(f"{where}: the scale's range or step is wrong.")
        if any(not exercise.minimum <= at <= exercise.maximum for at, _ in exercise.anchors):
            raise ExerciseDeclarationError(f"{where}: an anchor lies outside the scale.")


def load_module(folder: Path) -> Module:
    """Read ``folder/module.toml``; raise ExerciseDeclarationError naming the file and the problem."""
    path = Path(folder) / MODULE_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ExerciseDeclarationError(f"{path}: {error}") from None
    key = data.get("key")
    if not isinstance(key, str) or not ID_PART.match(key):
        raise ExerciseDeclarationError(f"{path}: 'key' must be lower-case letters, digits and _.")
    exercises = tuple(
        _build_exercise(key, raw, f"{path} exercise #{n + 1}") for n, raw in enumerate(data.get("exercises", []))
    )
    ids = [e.id for e in exercises]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ExerciseDeclarationError(f"{path}: exercise ids declared twice: {sorted(duplicates)}.")
    return Module(
        key=key,
        folder=Path(folder).name,
        title=str(data.get("title", key)),
        order=int(data.get("order", 0)),
        minutes=int(data.get("minutes", 0)),
        exercises=exercises,
        path=Path(folder),
    )


def modules_dir() -> Path:
    """Where the curriculum lives: $WORKSHOP_MODULES_DIR, else the repository's modules/ folder."""
    import os

    configured = os.environ.get("WORKSHOP_MODULES_DIR")
    if configured:
        return Path(configured).expanduser().resolve()
    return Path(__file__).resolve().parent.parent / "modules"


def all_modules(root: Path | None = None) -> list[Module]:
    """Every module folder with a module.toml, in curriculum order."""
    root = root or modules_dir()
    found = [load_module(p.parent) for p in sorted(root.glob(f"*/{MODULE_FILE}"))]
    keys = [m.key for m in found]
    if len(set(keys)) != len(keys):
        raise ExerciseDeclarationError(f"{root}: two modules share a key: {keys}.")
    return sorted(found, key=lambda m: (m.order, m.folder))
