"""Modules and their exercise declarations: the one source of truth for an exercise's id, prompt and options.

Each module folder holds a ``module.toml`` that declares its exercises once. The Voila view
(``widgets``), the response store (keyed by ``Exercise.id``) and the nbgrader review notebook
(``workshop.review``) are all derived from these declarations; nothing is kept in sync by hand. What each
kind of exercise is and does lives in its own file under ``workshop/kinds/``.

Exercise ids are ``"<module>.<exercise>"``, for example ``"triggers.recent_rejection"``.
"""

from __future__ import annotations

import copy
import functools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# tomli is the standard library's tomllib in its own, compiled (mypyc) build: a page's kernel parses every
# module.toml, three times faster with it (about 2 ms instead of 7 for the curriculum's nine).
import tomli as tomllib

from workshop.kinds import Exercise, ExerciseDeclarationError, kind_class
from workshop.kinds.base import check_field_types, declaration_fields
from workshop.locations import bundled_folder

# Lower-case letters and digits, single underscores between them: "__" separates an exercise's parts in
# review grade ids, so no id may contain it.
ID_PART = re.compile(r"^[a-z](?:_?[a-z0-9])*$")
MODULE_FILE = "module.toml"
MODULE_KEYS = {"key", "title", "order", "minutes", "listed", "exercises"}
MODULES_VARIABLE = "WORKSHOP_MODULES_DIR"

__all__ = [
    "ID_PART",
    "Exercise",
    "ExerciseDeclarationError",
    "Module",
    "ModuleInfo",
    "ModulesNotFoundError",
    "all_modules",
    "load_module",
]


class ModulesNotFoundError(ExerciseDeclarationError):
    """The modules folder is missing or holds no module: the message names the folder tried and how to
    name another with WORKSHOP_MODULES_DIR."""

    def __init__(self, root: Path, missing: str = "no module (no folder holding a module.toml)") -> None:
        folder = "the workshop's modules folder (the one holding index.ipynb and a folder per module)"
        if Path(root).expanduser().resolve() != modules_dir():
            advice = ""
        elif os.environ.get(MODULES_VARIABLE):
            advice = (
                f", the folder {MODULES_VARIABLE} names. Set {MODULES_VARIABLE} to {folder}, or unset it to use "
                "the modules this installation ships"
            )
        else:
            advice = (
                f", where this installation keeps its modules. Reinstall the workshop (pip install .), or set "
                f"{MODULES_VARIABLE} to {folder}"
            )
        super().__init__(f"{missing} in {root}{advice}.")
        self.root = root


@dataclass(frozen=True)
class ModuleInfo:
    """What the start page and the previous/next links need, read without checking the exercises."""

    key: str
    folder: str
    title: str
    order: int
    minutes: int = 0
    listed: bool = True  # False: served, but not offered to participants (the authors' gallery)

    @property
    def notebook(self) -> str:
        """The notebook's path relative to the modules folder (what Voila renders)."""
        return f"{self.folder}/{self.key}.ipynb"


@dataclass(frozen=True)
class Module(ModuleInfo):
    """One module of the curriculum, as its module.toml declares it."""

    exercises: tuple[Exercise, ...] = ()
    path: Path | None = None

    def __getitem__(self, name: str) -> Exercise:
        full = name if "." in name else f"{self.key}.{name}"
        for exercise in self.exercises:
            if exercise.id == full:
                return exercise
        raise KeyError(f"Module {self.key!r} declares no exercise {name!r}.")

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def has_worksheets(self) -> bool:
        """Whether any exercise here has a blank worksheet to print (``workshop.handouts`` draws them)."""
        return any(exercise.worksheet() for exercise in self.exercises)


def build_exercise(module_key: str, raw: Any, where: str) -> Exercise:
    """One ``[[exercises]]`` table as its kind's declaration; errors name the file, the id and the field."""
    if not isinstance(raw, dict):
        raise ExerciseDeclarationError(f"{where}: each [[exercises]] entry must be a table.")
    raw = dict(raw)
    kind, name = raw.pop("kind", None), raw.pop("id", None)
    if not isinstance(name, str) or not ID_PART.match(name):
        raise ExerciseDeclarationError(
            f"{where}: field 'id' {name!r} must be lower-case letters and digits, with single _ between them."
        )
    where = f"{where} (id {name!r})"
    try:
        cls = kind_class(str(kind))
    except KeyError as error:
        raise ExerciseDeclarationError(f"{where}: field 'kind': {error.args[0]}.") from None
    unknown = sorted(set(raw) - set(declaration_fields(cls)))
    if unknown:
        raise ExerciseDeclarationError(f"{where}: a {kind} has no field(s) {', '.join(map(repr, unknown))}.")
    try:
        fields = cls.convert(raw)
        check_field_types(cls, fields)
        exercise = cls(id=f"{module_key}.{name}", **fields)
        exercise.check()
    except (TypeError, ValueError) as error:
        raise ExerciseDeclarationError(f"{where}: {error}") from None
    return exercise


@functools.lru_cache(maxsize=64)
def _parsed(path: Path, _modified_ns: int) -> dict[str, Any]:
    """A module.toml parsed once per version of the file (pages look other modules up for their titles,
    earlier answers and last week's plan; parsing every file for each was measurable on page load)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ExerciseDeclarationError(f"{path}: {error}") from None


def _read_toml(folder: Path, *, to_change: bool = True) -> tuple[Path, dict[str, Any]]:
    """The checked top-level fields of ``folder``'s module.toml. A caller that only reads them (the index)
    passes ``to_change=False`` and gets the cached parse itself, not a copy (copying every module's
    exercises for their titles was a measurable part of opening a page)."""
    path = Path(folder) / MODULE_FILE
    try:
        modified = path.stat().st_mtime_ns
    except OSError as error:
        raise ExerciseDeclarationError(f"{path}: {error}") from None
    parsed = _parsed(path, modified)
    data = copy.deepcopy(parsed) if to_change else parsed  # callers that may change what they get get a copy
    key = data.get("key")
    if not isinstance(key, str) or not ID_PART.match(key):
        raise ExerciseDeclarationError(f"{path}: field 'key' must be lower-case letters and digits, with single _.")
    unknown = sorted(set(data) - MODULE_KEYS)
    if unknown:
        raise ExerciseDeclarationError(f"{path}: a module has no field(s) {', '.join(map(repr, unknown))}.")
    for field_name in ("order", "minutes"):
        if not isinstance(data.get(field_name, 0), int) or isinstance(data.get(field_name, 0), bool):
            raise ExerciseDeclarationError(f"{path}: field {field_name!r} must be a whole number.")
    if not isinstance(data.get("listed", True), bool):
        raise ExerciseDeclarationError(f"{path}: field 'listed' must be true or false.")
    return path, data


def _info(folder: Path, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "key": data["key"],
        "folder": Path(folder).name,
        "title": str(data.get("title", data["key"])),
        "order": int(data.get("order", 0)),
        "minutes": int(data.get("minutes", 0)),
        "listed": bool(data.get("listed", True)),
    }


def load_module(folder: Path) -> Module:
    """Read ``folder/module.toml``; raise ExerciseDeclarationError naming the file, the exercise and the field."""
    path, data = _read_toml(folder)
    raws = data.get("exercises", [])
    if not isinstance(raws, list):
        raise ExerciseDeclarationError(f"{path}: 'exercises' must be a list of [[exercises]] tables.")
    exercises = tuple(build_exercise(data["key"], raw, f"{path}, exercise #{n + 1}") for n, raw in enumerate(raws))
    ids = [e.id for e in exercises]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ExerciseDeclarationError(f"{path}: exercise ids declared twice: {', '.join(twice)}.")
    return Module(**_info(folder, data), exercises=exercises, path=Path(folder))


def modules_dir() -> Path:
    """Where the curriculum lives: $WORKSHOP_MODULES_DIR, else the repository's modules/ folder in a checkout
    (``pip install -e .``), else the copy the installed package carries (``pip install .``)."""
    configured = os.environ.get(MODULES_VARIABLE)
    if configured:
        return Path(configured).expanduser().resolve()
    return bundled_folder("modules")


def _folders(root: Path | None) -> list[Path]:
    """Every module's folder under ``root``; ModulesNotFoundError when there is none (never an empty list:
    a start page listing nothing, without a word, is how a broken install used to look)."""
    root = root or modules_dir()
    found = [p.parent for p in sorted(root.glob(f"*/{MODULE_FILE}"))]
    if not found:
        raise ModulesNotFoundError(root)
    return found


def _check_unique(root: Path | None, keys: list[str]) -> None:
    if len(set(keys)) != len(keys):
        raise ExerciseDeclarationError(f"{root or modules_dir()}: two modules share a key: {keys}.")


def module_index(root: Path | None = None) -> tuple[list[ModuleInfo], list[str]]:
    """Every module's title and place, without checking exercises; plus one message per unreadable file.

    A module whose exercises are wrong is still listed (its own page says what is wrong); one whose file
    cannot be read at all is left out and named in the messages."""
    found, problems = [], []
    for folder in _folders(root):
        try:
            _, data = _read_toml(folder, to_change=False)
        except ExerciseDeclarationError as error:
            problems.append(str(error))
            continue
        found.append(ModuleInfo(**_info(folder, data)))
    _check_unique(root, [m.key for m in found])
    return sorted(found, key=lambda m: (m.order, m.folder)), problems


def find_module(key: str, root: Path | None = None) -> Module:
    """Load only the module ``key`` (a broken module.toml elsewhere does not matter here)."""
    infos, _ = module_index(root)
    for info in infos:
        if info.key == key:
            return load_module((root or modules_dir()) / info.folder)
    raise ExerciseDeclarationError(f"No module has key {key!r}; modules: {', '.join(m.key for m in infos)}.")


def loadable_modules(root: Path | None = None) -> tuple[list[Module], list[str]]:
    """Every module whose declarations load, in curriculum order, and one message per module that does not."""
    infos, problems = module_index(root)
    found = []
    for info in infos:
        try:
            found.append(load_module((root or modules_dir()) / info.folder))
        except ExerciseDeclarationError as error:
            problems.append(str(error))
    return found, problems


def all_modules(root: Path | None = None) -> list[Module]:
    """Every module, fully checked, in curriculum order (the first broken module.toml raises)."""
    found = [load_module(folder) for folder in _folders(root)]
    _check_unique(root, [m.key for m in found])
    return sorted(found, key=lambda m: (m.order, m.folder))


def find_exercise(exercise_id: str, root: Path | None = None) -> Exercise | None:
    """The declaration of a full exercise id in any module, or None (unknown module, id or broken file)."""
    key, _, _ = exercise_id.partition(".")
    try:
        return find_module(key, root)[exercise_id]
    except (ExerciseDeclarationError, KeyError):
        return None
