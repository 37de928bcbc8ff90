"""Exercise declarations: module.toml files load, validate values, and refuse mistakes with the file named."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop import exercises
from workshop.errors import WorkshopError
from workshop.exercises import (
    ExerciseDeclarationError,
    ModulesNotFoundError,
    all_modules,
    load_module,
    loadable_modules,
    module_index,
    modules_dir,
)
from workshop.kinds.checklist import Checklist
from workshop.kinds.choice import Choice
from workshop.kinds.rating import Rating
from workshop.kinds.reflection import Reflection


def write_module(folder: Path, body: str, key: str = "demo") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "module.toml").write_text(f'key = "{key}"\ntitle = "Demo"\norder = 1\n' + body, encoding="utf-8")
    return folder


def test_every_module_in_the_curriculum_loads_with_unique_ids() -> None:
    modules = all_modules()
    assert modules, "no module.toml found under modules/"
    ids = [e.id for m in modules for e in m.exercises]
    assert len(ids) == len(set(ids))
    for module in modules:
        assert (module.path / f"{module.key}.ipynb").exists(), module.notebook
        assert all(e.id.startswith(f"{module.key}.") for e in module.exercises)


def test_a_declaration_builds_typed_exercises(tmp_path: Path) -> None:
    folder = write_module(
        tmp_path / "01_demo",
        """
[[exercises]]
id = "note"
kind = "reflection"
prompt = "Write"
max_length = 10

[[exercises]]
id = "pick"
kind = "checklist"
prompt = "Pick"
options = ["a", "b", "c"]

[[exercises]]
id = "scale"
kind = "rating"
prompt = "Rate"
minimum = 0
maximum = 100
anchors = { 0 = "calm", 50 = "medium", 100 = "worst" }

[[exercises]]
id = "quiz"
kind = "choice"
prompt = "Which?"
options = ["x", "y"]
answer = 1
explanations = ["No, because.", "Yes, because."]
""",
    )
    module = load_module(folder)
    assert [type(e) for e in module.exercises] == [Reflection, Checklist, Rating, Choice]
    assert module["note"].id == "demo.note" and module["demo.pick"].kind == "checklist"
    assert module["scale"].anchors == ((0, "calm"), (50, "medium"), (100, "worst"))
    assert module.notebook == "01_demo/demo.ipynb"


def test_values_are_validated_with_messages_for_people() -> None:
    note = Reflection(id="m.note", prompt="Write", max_length=5)
    assert note.validate("12345") == "12345"
    with pytest.raises(ValueError, match="has not been cut"):
        note.validate("123456")
    pick = Checklist(id="m.pick", prompt="Pick", options=("a", "b"))
    assert pick.validate({"selected": ["b", "a"], "other": ""}) == {"selected": ["a", "b"], "other": ""}
    with pytest.raises(ValueError, match="Only the options shown"):
        pick.validate({"selected": ["z"], "other": ""})
    scale = Rating(id="m.scale", prompt="Rate", minimum=0, maximum=100)
    assert scale.validate(100) == 100 and scale.validate(None) is None
    for bad in (101, -1, 2.5, True, "50"):
        with pytest.raises(ValueError):
            scale.validate(bad)
    quiz = Choice(id="m.q", prompt="Q", options=("x", "y"), answer=1, explanations=("a", "b"))
    assert quiz.is_correct(1) and not quiz.is_correct(0)
    with pytest.raises(ValueError):
        quiz.validate(2)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('[[exercises]]\nid = "x"\nkind = "essay"\nprompt = "p"\n', "unknown kind"),
        ('[[exercises]]\nid = "Bad Id"\nkind = "reflection"\nprompt = "p"\n', "lower-case"),
        ('[[exercises]]\nid = "x"\nkind = "reflection"\nprompt = " "\n', "prompt is empty"),
        ('[[exercises]]\nid = "x"\nkind = "reflection"\nprompt = "p"\ncolour = "red"\n', "no field"),
        ('[[exercises]]\nid = "x"\nkind = "choice"\nprompt = "p"\noptions = ["a", "b"]\nanswer = 0\n', "explanation"),
        ('[[exercises]]\nid = "x"\nkind = "rating"\nprompt = "p"\nminimum = 5\nmaximum = 1\n', "range"),
        ('[[exercises]]\nid = "x"\nkind = "reflection"\nprompt = "p"\n' * 2, "declared twice"),
        ("this is = = not toml", "module.toml"),
    ],
)
def test_mistakes_in_a_declaration_name_the_file_and_the_problem(tmp_path: Path, body: str, problem: str) -> None:
    folder = write_module(tmp_path / "01_demo", body)
    with pytest.raises(ExerciseDeclarationError, match=problem) as error:
        load_module(folder)
    assert "module.toml" in str(error.value)


def test_what_the_dashboard_reads_from_a_value_comes_from_its_kind() -> None:
    """Distress ratings say their distress (and which check-in they are compared with); a practice log says
    each attempt's prediction and outcome; every other kind says neither."""
    exercises = {e.id: e for m in all_modules() for e in m.exercises}
    checkout = exercises["closing.checkout"]
    assert exercises["welcome.checkin"].distress(85) == 85 and exercises["welcome.checkin"].checkin_id is None
    assert checkout.distress(None) is None and checkout.distress(True) is None
    assert checkout.checkin_id == "closing.checkin"
    log = next(e for e in exercises.values() if e.kind == "practice_log")
    entries = [
        {**log.empty_entry(), "likelihood": 80, "feared": "no"},
        {**log.empty_entry(), "likelihood": 60, "feared": "partly"},
        {**log.empty_entry(), "feared": "yes"},
    ]
    assert log.prediction_outcomes({"entries": entries}) == [(80, 0), (60, 50), (None, 100)]
    assert log.prediction_outcomes(None) == []
    for exercise in exercises.values():
        if exercise.kind not in ("checkin", "checkout", "pulse"):
            assert exercise.distress(50) is None, exercise.id
        if exercise.kind != "practice_log":
            assert exercise.prediction_outcomes({"entries": entries}) == [], exercise.id


def test_a_folder_without_modules_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()  # a folder, but no module.toml in it
    for read in (all_modules, lambda root: module_index(root)[0], lambda root: loadable_modules(root)[0]):
        with pytest.raises(ModulesNotFoundError) as caught:
            read(tmp_path)
        assert str(tmp_path) in str(caught.value)
        assert isinstance(caught.value, WorkshopError)  # the commands print it, without a traceback


def test_an_empty_workshop_modules_dir_is_named_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKSHOP_MODULES_DIR", str(tmp_path))
    with pytest.raises(ModulesNotFoundError) as caught:
        module_index()
    message = str(caught.value)
    assert f"in {tmp_path}, the folder WORKSHOP_MODULES_DIR names" in message
    assert "unset it" in message


def test_an_install_without_its_modules_says_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "site-packages" / "modules"
    monkeypatch.delenv("WORKSHOP_MODULES_DIR", raising=False)
    monkeypatch.setattr(exercises, "bundled_folder", lambda name: tmp_path / "site-packages" / name)
    assert modules_dir() == missing
    with pytest.raises(ModulesNotFoundError) as caught:
        all_modules()
    message = str(caught.value)
    assert str(missing) in message and "Reinstall the workshop" in message and "WORKSHOP_MODULES_DIR" in message
