"""Crisis resources (default and clinic files), distress check-ins, flags and the safety commands."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from workshop import cli
from workshop.errors import WorkshopError
from workshop.exercises import ExerciseDeclarationError, load_module
from workshop.kinds import kind_class
from workshop.kinds.checkin import CheckIn, CheckOut
from workshop.safety import (
    FLAG_CRISIS_LANGUAGE,
    FLAG_DISTRESS,
    grounding_reasons,
    load_resources,
    needs_grounding,
    parse_since,
    record_crisis_language,
    record_distress,
    resources_html,
    resources_text,
)
from workshop.store import ResponseStore

REFERENCES = Path(__file__).resolve().parents[2] / "shared" / "references.md"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("WORKSHOP_CRISIS_CONFIG", raising=False)
    return tmp_path / "data"


# --- the default set is the checked US list ---------------------------------------------------------


def test_default_resources_are_exactly_the_checked_us_services() -> None:
    resources = load_resources()
    assert resources.region == "the United States"
    as_tuples = [(r.name, r.call, r.press, r.tty, r.text, r.text_keyword, r.chat, r.categories) for r in resources]
    assert as_tuples == [
        ("988 Suicide & Crisis Lifeline", "988", "", "", "988", "", "https://988lifeline.org", ()),
        ("Veterans Crisis Line", "988", "1", "", "", "", "", ()),
        ("Emergency services", "911", "", "", "", "", "", ()),
        (
            "National Domestic Violence Hotline",
            "1-800-799-7233",
            "",
            "1-800-787-3224",
            "88788",
            "START",
            "https://thehotline.org",
            ("danger_from_others",),
        ),
    ]
    assert resources.resources[2].when == "if you are in immediate danger"


def test_every_default_number_and_address_appears_in_the_checked_references() -> None:
    if not REFERENCES.exists():
        pytest.skip(f"{REFERENCES} is not beside this checkout")
    crisis_section = REFERENCES.read_text(encoding="utf-8").split("## Crisis resources", 1)[1]
    for resource in load_resources():
        for number in (resource.call, resource.tty, resource.text):
            if number:
                assert re.search(rf"\b{re.escape(number)}\b", crisis_section), number
        if resource.chat:
            assert resource.chat.removeprefix("https://") in crisis_section
        if resource.press:
            assert f"press {resource.press}" in crisis_section
        if resource.tty:
            assert f"TTY {resource.tty}" in crisis_section
        if resource.text_keyword:
            assert f"text {resource.text_keyword} to {resource.text}" in crisis_section


def test_resources_html_has_working_links_and_says_they_are_us_services() -> None:
    fragment = resources_html()
    assert '<a href="tel:988">988</a>' in fragment
    assert '<a href="sms:988">988</a>' in fragment
    assert 'href="https://988lifeline.org"' in fragment and 'rel="noopener noreferrer"' in fragment
    assert "then press 1" in fragment
    assert '<a href="tel:911">911</a>' in fragment and "immediate danger" in fragment
    assert "services in the United States" in fragment
    assert "<script" not in fragment
    text = resources_text()
    assert "call 988 or text 988" not in text  # the plain-text form lists ways with commas
    assert "call 988, text 988, chat at https://988lifeline.org" in text


def test_danger_from_others_adds_the_domestic_violence_hotline_to_the_same_panel() -> None:
    resources = load_resources()
    general = [r.name for r in resources.for_category("ideation")]
    danger = [r.name for r in resources.for_category("danger_from_others")]
    assert general == ["988 Suicide & Crisis Lifeline", "Veterans Crisis Line", "Emergency services"]
    assert danger == [*general, "National Domestic Violence Hotline"]
    assert [r.name for r in resources.for_category(None)] == danger  # the header lists every resource
    fragment = resources_html(resources, "danger_from_others")
    assert 'call <a href="tel:18007997233">1-800-799-7233</a>, TTY <a href="tel:18007873224">1-800-787-3224</a>' in fragment
    assert 'text START to <a href="sms:88788">88788</a>' in fragment and ">thehotline.org</a>" in fragment
    assert "you deserve to be safe" in fragment
    assert "1-800-799-7233" not in resources_html(resources, "self_harm")
    assert resources.intro_for("self_harm") == resources.intro
    text = resources_text(resources, "danger_from_others")
    assert "call 1-800-799-7233, TTY 1-800-787-3224, text START to 88788, chat at https://thehotline.org" in text


# --- a clinic's own file ----------------------------------------------------------------------------

GOOD = """
region = "the United Kingdom"
[[resource]]
name = "Emergency services"
when = "if you are in immediate danger"
call = "999"
[[resource]]
name = "A <b>test</b> line"
text = "85258"
text_keyword = "SHOUT"
"""


def test_a_clinic_file_replaces_the_default_and_its_text_is_escaped(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "clinic.toml"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("WORKSHOP_CRISIS_CONFIG", str(path))
    resources = load_resources()
    assert resources.source == str(path)
    assert [r.call or r.text for r in resources] == ["999", "85258"]
    fragment = resources_html(resources)
    assert "A &lt;b&gt;test&lt;/b&gt; line" in fragment and "<b>test</b>" not in fragment
    assert "text SHOUT to" in fragment and "988" not in fragment


CATEGORIES_FILE = """
region = "the United Kingdom"
[[resource]]
name = "Emergency services"
call = "999"
[[resource]]
name = "A self-harm line"
text = "85258"
categories = ["self_harm"]
[[resource]]
name = "A domestic abuse line"
call = "0800 000 001"
tty = "0800 000 002"
categories = ["danger_from_others"]
[category.danger_from_others]
intro = "You deserve to be safe."
replace = true
[category.self_harm]
intro = "You do not have to cope with this alone."
"""


def test_a_clinic_file_can_extend_or_replace_each_category(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "clinic.toml"
    path.write_text(CATEGORIES_FILE, encoding="utf-8")
    monkeypatch.setenv("WORKSHOP_CRISIS_CONFIG", str(path))
    resources = load_resources()
    assert [r.name for r in resources.for_category("self_harm")] == ["Emergency services", "A self-harm line"]
    assert [r.name for r in resources.for_category("danger_from_others")] == ["A domestic abuse line"]
    assert [r.name for r in resources.for_category("ideation")] == ["Emergency services"]
    assert len(resources.for_category(None)) == 3
    assert resources.intro_for("danger_from_others") == "You deserve to be safe."
    assert "You do not have to cope with this alone." in resources_html(resources, "self_harm")
    assert "988" not in resources_html(resources) and "National Domestic Violence" not in resources_html(resources)


def test_an_old_clinic_file_without_categories_is_still_valid_and_shown_everywhere(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "clinic.toml"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("WORKSHOP_CRISIS_CONFIG", str(path))
    resources = load_resources()
    for category in (None, "ideation", "danger_from_others"):
        assert [r.call or r.text for r in resources.for_category(category)] == ["999", "85258"]


def test_the_file_in_the_data_dir_is_used_when_no_variable_is_set(isolated_data_dir: Path) -> None:
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / "crisis_resources.toml").write_text(GOOD, encoding="utf-8")
    assert load_resources().region == "the United Kingdom"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('region = "X"\n', "no crisis resources are listed"),
        ('region = "X"\nresource = []\n', "no crisis resources are listed"),
        ('region = "X"\n[[resource]]\nname = "Line"\ncall = "98B"\n', "'call' is not a phone number: '98B'"),
        ('region = "X"\n[[resource]]\nname = "Line"\ncall = "1"\n', "'call' is not a phone number"),
        ('region = "X"\n[[resource]]\nname = "Line"\ncall = "1234567890123456"\n', "'call' is not a phone number"),
        ('region = "X"\n[[resource]]\nname = "Line"\ntext = "call me"\n', "'text' is not a phone number"),
        ('region = "X"\n[[resource]]\nname = "Line"\ncall = 988\n', "'call' must be text in quotes"),
        ('region = "X"\n[[resource]]\nname = "Line"\ncall = "988"\nphone = "988"\n', "unknown key(s) ['phone']"),
        ('region = "X"\nlocale = "en"\n[[resource]]\nname = "L"\ncall = "988"\n', "unknown key(s) ['locale']"),
        ('[[resource]]\nname = "Line"\ncall = "988"\n', "'region' must name"),
        ('region = "X"\n[[resource]]\ncall = "988"\n', "'name' is missing"),
        ('region = "X"\n[[resource]]\nname = "Line"\n', "at least one way to reach it"),
        ('region = "X"\n[[resource]]\nname = "L"\nchat = "988lifeline.org"\n', "'chat' must be a full web address"),
        ('region = "X"\n[[resource]]\nname = "L"\ntext = "988"\npress = "1"\n', "'press' must be"),
        ('region = "X"\n[[resource]]\nname = "L"\ncall = "988"\ntext_keyword = "HI"\n', "'text_keyword' must be"),
        ('region = "X"\n[[resource]\nname = "L"\n', "not valid TOML"),
        ('region = "X"\n[[resource]]\nname = "L"\ncall = "988"\ntty = "TTY"\n', "'tty' is not a phone number"),
        ('region = "X"\n[[resource]]\nname = "L"\ncall = "988"\ncategories = ["dv"]\n', "'dv' is not a crisis-language"),
        ('region = "X"\n[[resource]]\nname = "L"\ncall = "988"\ncategories = "self_harm"\n', "must be a list"),
        ('region = "X"\n[category.dv]\n[[resource]]\nname = "L"\ncall = "988"\n', "'dv' is not a crisis-language"),
        ('region = "X"\n[category.self_harm]\nmode = "x"\n[[resource]]\nname = "L"\ncall = "9"\n', "unknown key"),
        ('region = "X"\n[category.self_harm]\nreplace = "yes"\n[[resource]]\nname = "L"\ncall = "988"\n', "true or false"),
        ('region = "X"\n[category.self_harm]\nreplace = true\n[[resource]]\nname = "L"\ncall = "988"\n', "no one to reach"),
    ],
)
def test_a_bad_clinic_file_is_refused_with_its_reason(tmp_path: Path, monkeypatch, body: str, reason: str) -> None:
    path = tmp_path / "clinic.toml"
    path.write_text(body, encoding="utf-8")
    monkeypatch.setenv("WORKSHOP_CRISIS_CONFIG", str(path))
    with pytest.raises(WorkshopError) as refused:
        load_resources()
    assert reason in str(refused.value)
    assert str(path) in str(refused.value)


def test_a_missing_file_named_by_the_variable_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("WORKSHOP_CRISIS_CONFIG", str(tmp_path / "nowhere.toml"))
    with pytest.raises(WorkshopError, match="does not exist"):
        load_resources()


# --- check-in, check-out, grounding -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "checkin", "expected"),
    [
        (69, None, False),
        (70, None, True),
        (85, None, True),
        (0, None, False),
        (None, None, False),
        (59, 30, False),  # rise of 29
        (60, 30, True),  # rise of 30
        (40, 80, False),  # a drop is fine
        (75, 70, True),  # high, even without a rise
    ],
)
def test_needs_grounding_at_threshold_or_after_a_sharp_rise(value, checkin, expected) -> None:
    assert needs_grounding(value, checkin) is expected


def test_grounding_reasons_name_both_causes() -> None:
    reasons = grounding_reasons(90, 40)
    assert reasons == ["distress 90 is at or above 70", "distress rose by 50 since the check-in (40 to 90)"]
    assert needs_grounding(50, threshold=50) and not needs_grounding(50, 30, rise=21)


def test_checkin_and_checkout_kinds_load_from_module_toml(tmp_path: Path) -> None:
    folder = tmp_path / "01_x"
    folder.mkdir()
    (folder / "module.toml").write_text(
        'key = "x"\n[[exercises]]\nid = "checkin"\nkind = "checkin"\nprompt = "Now?"\n'
        '[[exercises]]\nid = "checkout"\nkind = "checkout"\nprompt = "And now?"\n',
        encoding="utf-8",
    )
    module = load_module(folder)
    checkin, checkout = module["checkin"], module["checkout"]
    assert kind_class("checkin") is CheckIn and kind_class("checkout") is CheckOut
    assert (checkin.minimum, checkin.maximum) == (0, 100)
    assert [at for at, _ in checkin.anchors] == [0, 50, 100]
    assert checkout.checkin_id == "x.checkin"
    assert checkin.validate(85) == 85
    with pytest.raises(ValueError):
        checkin.validate(101)
    (folder / "module.toml").write_text(
        'key = "x"\n[[exercises]]\nid = "c"\nkind = "checkin"\nprompt = "Now?"\nmaximum = 10\n', encoding="utf-8"
    )
    with pytest.raises(ExerciseDeclarationError, match="always 0-100"):
        load_module(folder)


# --- flags ------------------------------------------------------------------------------------------


def test_distress_and_crisis_language_are_recorded_as_flags() -> None:
    store = ResponseStore(":memory:")
    assert not record_distress(store, "maple-river-4821-otter", "triggers.checkin", 40)
    assert record_distress(store, "maple-river-4821-otter", "triggers.checkout", 75, checkin=40)
    assert not record_crisis_language(store, "maple-river-4821-otter", "triggers.snapshot_what", "It stung.")
    assert record_crisis_language(store, "maple-river-4821-otter", "triggers.snapshot_what", "I want to die")
    assert record_crisis_language(store, "maple-river-4821-otter", "triggers.snapshot_what", "He said he'd kill me if I left")
    distress, crisis, danger = store.flags()
    assert (distress.kind, distress.module, distress.details["value"], distress.details["checkin"]) == (
        FLAG_DISTRESS,
        "triggers",
        75,
        40,
    )
    assert (crisis.kind, crisis.details["text"]) == (FLAG_CRISIS_LANGUAGE, "I want to die")
    assert (crisis.details["category"], crisis.details["words"]) == ("passive_wish", "want to die")
    assert (danger.kind, danger.details["category"], danger.details["categories"]) == (
        FLAG_CRISIS_LANGUAGE,
        "danger_from_others",
        ["danger_from_others"],
    )


def test_parse_since_accepts_ages_and_dates() -> None:
    now = datetime.now(timezone.utc)
    assert abs(parse_since("7d") - (now - timedelta(days=7))) < timedelta(seconds=5)
    assert abs(parse_since("12h") - (now - timedelta(hours=12))) < timedelta(seconds=5)
    assert parse_since("2025-03-01T14:00+00:00") == datetime(2025, 3, 1, 14, tzinfo=timezone.utc)
    with pytest.raises(WorkshopError, match="--since 'yesterday'"):
        parse_since("yesterday")


def test_workshop_flags_lists_code_module_values_and_text(capsys) -> None:
    with ResponseStore.default() as store:
        record_distress(store, "maple-river-4821-otter", "triggers.checkin", 85)
        record_crisis_language(store, "fern-lake-1234-heron", "welcome.hopes", "I don't want to be alive anymore")
    assert cli.main(["flags"]) == 0
    out = capsys.readouterr().out
    assert "2 flag(s)" in out
    assert "maple-river-4821-otter  triggers  checkin distress 85" in out
    assert (
        "fern-lake-1234-heron  welcome  crisis language in welcome.hopes (wishing to be dead; "
        'words: "do not want to be alive"): "I don\'t want to be alive anymore"'
    ) in out
    assert cli.main(["flags", "--since", "2099-01-01"]) == 0
    assert "No flags since" in capsys.readouterr().out


def test_workshop_safety_check_prints_and_validates(capsys, tmp_path: Path, monkeypatch) -> None:
    assert cli.main(["safety", "check"]) == 0
    out = capsys.readouterr().out
    assert "built-in default (United States)" in out and "call 911" in out and "OK: 4 resource(s)" in out
    assert "When the words suggest danger from another person: National Domestic Violence Hotline" in out
    bad = tmp_path / "bad.toml"
    bad.write_text('region = "X"\n[[resource]]\nname = "L"\ncall = "nine one one"\n', encoding="utf-8")
    monkeypatch.setenv("WORKSHOP_CRISIS_CONFIG", str(bad))
    assert cli.main(["safety", "check"]) == 1
    assert "'call' is not a phone number" in capsys.readouterr().err


def test_safety_help_documents_the_config_file(capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["safety", "--help"])
    out = capsys.readouterr().out
    assert "WORKSHOP_CRISIS_CONFIG" in out and "crisis_resources.toml" in out and "[[resource]]" in out
    assert "categories" in out and "[category.NAME]" in out and "danger_from_others" in out


def test_what_the_pages_say_about_who_is_told_matches_each_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """The promise follows the mode: the facilitator during a group session; nobody on Binder; nobody until
    answers are sent, when alone. The start page and the welcome page both show it (FlagNotice)."""
    import json
    from pathlib import Path

    from widgets.flag_notice import FlagNotice
    from workshop.safety import who_sees_flags

    assert "during the session" in who_sees_flags(group=True, binder=False)
    assert "Nobody is told" in who_sees_flags(group=False, binder=True)
    alone = who_sees_flags(group=False, binder=False)
    assert "Nobody is told right away" in alone and "when they open" in alone
    monkeypatch.setenv("WORKSHOP_GROUP_MODE", "1")
    assert "during the session" in FlagNotice().value
    monkeypatch.delenv("WORKSHOP_GROUP_MODE")
    assert "Nobody is told right away" in FlagNotice().value
    repo = Path(__file__).resolve().parent.parent
    for notebook in ("modules/index.ipynb", "modules/00_welcome/welcome.ipynb"):
        text = (repo / notebook).read_text(encoding="utf-8")
        assert "FlagNotice()" in json.loads(text)["cells"][1 if "index" in notebook else 0]["source"] or "FlagNotice()" in text
        assert "your facilitator gets a short note" not in text  # no promise the mode may not keep
