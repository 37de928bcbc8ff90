"""The hub's authenticator, through JupyterHub's own sign-in pipeline (get_authenticated_user: authenticate,
normalize, the block and allow checks, admin): participants by code and cohort token, facilitators by their
password hash or a delegate, and a sign-in form that asks for a code, never a name."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from jinja2 import Template
from jupyterhub.auth import Authenticator
from support.own_loop import run_on_own_loop
from traitlets import TraitError
from traitlets.config import Config

from workshop import participants
from workshop.hub import passwords
from workshop.hub.auth import FACILITATOR_ROLE, FACILITATORS_GROUP, FAILURE, STOCK_FAILURE, ParticipantCodeAuthenticator
from workshop.hub.cohorts import CohortsFile, Issued

PASSWORD = "correct horse battery staple"


@pytest.fixture
def hub_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKSHOP_HUB_DIR", str(tmp_path / "hub"))
    return tmp_path / "hub"


@pytest.fixture
def tuesday(hub_dir: Path) -> Issued:
    return CohortsFile(hub_dir).issue_codes("Tuesday", 3)


def sign_in(authenticator: Authenticator, name: str, password: str) -> dict[str, Any] | None:
    return run_on_own_loop(authenticator.get_authenticated_user(None, {"username": name, "password": password}))


def authenticator(**settings: Any) -> ParticipantCodeAuthenticator:
    config = Config()
    for key, value in settings.items():
        setattr(config.ParticipantCodeAuthenticator, key, value)
    return ParticipantCodeAuthenticator(config=config)


# --- participants ---------------------------------------------------------------------------------------------


def test_a_participant_signs_in_with_code_and_cohort_token(tuesday: Issued) -> None:
    code = tuesday.codes[0]
    found = sign_in(authenticator(), code, tuesday.token)
    assert found is not None
    assert found["name"] == code and found["admin"] is False and found["groups"] == []


def test_a_code_typed_as_people_type_it_is_the_same_hub_user(tuesday: Issued) -> None:
    code = tuesday.codes[1]
    typed = " ".join(part.capitalize() for part in code.split("-"))
    found = sign_in(authenticator(), typed, tuesday.token.upper().replace("-", " "))
    assert found is not None and found["name"] == code
    assert authenticator().normalize_username(typed) == code
    assert authenticator().normalize_username("Alex Smith") == "alex smith"  # other names: lowercased only


def test_wrong_code_wrong_token_and_another_cohorts_code_are_refused(hub_dir: Path, tuesday: Issued) -> None:
    wednesday = CohortsFile(hub_dir).issue_codes("Wednesday", 1)
    auth = authenticator()
    code = tuesday.codes[0]
    assert sign_in(auth, code, wednesday.token) is None
    assert sign_in(auth, wednesday.codes[0], tuesday.token) is None
    assert sign_in(auth, participants.new_code(), tuesday.token) is None
    assert sign_in(auth, code[:-1] + str((int(code[-1]) + 1) % 10), tuesday.token) is None  # one digit off
    assert sign_in(auth, code, "") is None
    assert sign_in(auth, "", tuesday.token) is None


def test_a_withdrawn_code_is_refused_and_its_session_ends(tuesday: Issued) -> None:
    auth = authenticator()
    code = tuesday.codes[0]

    class User:
        name = code

    assert run_on_own_loop(auth.refresh_user(User())) is True
    CohortsFile().withdraw(code)
    assert sign_in(auth, code, tuesday.token) is None
    assert run_on_own_loop(auth.refresh_user(User())) is False
    assert auth.check_allowed(code, None) is False


def test_a_participant_is_never_an_admin_even_if_listed(tuesday: Issued) -> None:
    code = tuesday.codes[0]
    found = sign_in(authenticator(admin_users={code}), code, tuesday.token)
    assert found is not None and found["admin"] is False


def test_the_hubs_block_list_still_applies(tuesday: Issued) -> None:
    code = tuesday.codes[0]
    assert sign_in(authenticator(blocked_users={code}), code, tuesday.token) is None


def test_a_damaged_cohorts_file_refuses_everyone_and_says_why(hub_dir: Path, tuesday: Issued, caplog) -> None:
    path = hub_dir / "cohorts.json"
    path.write_text(path.read_text(encoding="utf-8").replace("scrypt$16384", "scrypt$16000"), encoding="utf-8")
    assert sign_in(authenticator(), tuesday.codes[0], tuesday.token) is None
    assert "scrypt settings out of range" in caplog.text
    path.write_text("{", encoding="utf-8")
    assert sign_in(authenticator(), tuesday.codes[0], tuesday.token) is None
    assert "cohorts file" in caplog.text


# --- facilitators ---------------------------------------------------------------------------------------------


def test_a_facilitator_signs_in_with_a_configured_password_hash(hub_dir: Path) -> None:
    auth = authenticator(facilitators={"Alex": passwords.hash_secret(PASSWORD)})
    assert list(auth.facilitators) == ["alex"]
    found = sign_in(auth, "ALEX", PASSWORD)
    assert found is not None
    assert found["name"] == "alex" and found["groups"] == [FACILITATORS_GROUP]
    assert not found["admin"]  # not a hub admin unless asked: an admin could open participants' servers
    assert sign_in(auth, "alex", PASSWORD + "!") is None
    assert sign_in(auth, "sam", PASSWORD) is None  # not a facilitator, and no delegate

    admins = authenticator(facilitators={"alex": passwords.hash_secret(PASSWORD)}, facilitators_are_admins=True)
    assert sign_in(admins, "alex", PASSWORD)["admin"] is True


def test_facilitator_config_is_checked_when_the_hub_starts() -> None:
    with pytest.raises((TraitError, ValueError), match="looks like a participant code"):
        authenticator(facilitators={participants.new_code(): passwords.hash_secret(PASSWORD)})
    with pytest.raises((TraitError, ValueError), match="scrypt"):
        authenticator(facilitators={"alex": PASSWORD})  # a password where its hash belongs


class ClinicDirectory(Authenticator):
    """Stands in for the clinic's own authenticator (LDAP and the like): one name, one password."""

    async def authenticate(self, handler: Any, data: dict[str, str]) -> str | None:
        if data["password"] == "clinic-" + data["username"].lower():
            return data["username"]
        return None


def delegating(**delegate_settings: Any) -> ParticipantCodeAuthenticator:
    config = Config()
    config.ParticipantCodeAuthenticator.delegate_class = ClinicDirectory
    config.ClinicDirectory.allow_all = True
    for key, value in delegate_settings.items():
        setattr(config.ClinicDirectory, key, value)
    return ParticipantCodeAuthenticator(config=config)


def test_a_delegate_signs_facilitators_in_and_its_own_allow_config_applies(tuesday: Issued) -> None:
    auth = delegating()
    assert isinstance(auth.delegate, ClinicDirectory)
    found = sign_in(auth, "Sam", "clinic-sam")
    assert found is not None and found["name"] == "sam" and found["groups"] == [FACILITATORS_GROUP]
    assert sign_in(auth, "sam", "wrong") is None
    # Participants still sign in by code, not through the delegate.
    assert sign_in(auth, tuesday.codes[0], tuesday.token)["name"] == tuesday.codes[0]

    limited = delegating(allow_all=False, allowed_users={"kim"})
    assert sign_in(limited, "sam", "clinic-sam") is None
    assert sign_in(limited, "kim", "clinic-kim")["name"] == "kim"


def test_a_delegate_that_sends_people_elsewhere_stops_the_hub_at_start() -> None:
    class OutsideSignIn(ClinicDirectory):
        login_service = "Clinic SSO"

    config = Config()
    config.ParticipantCodeAuthenticator.delegate_class = OutsideSignIn
    auth = ParticipantCodeAuthenticator(config=config)
    with pytest.raises(TraitError, match="Clinic SSO"):
        auth.check_allow_config()  # what JupyterHub calls as it starts


def test_the_delegates_own_allow_config_is_checked_at_start(caplog) -> None:
    delegating().check_allow_config()
    assert "No allow config found" not in caplog.text
    config = Config()
    config.ParticipantCodeAuthenticator.delegate_class = ClinicDirectory
    ParticipantCodeAuthenticator(config=config).check_allow_config()
    assert "No allow config found" in caplog.text  # the delegate would let nobody in: the hub's warning says so


def test_a_delegate_cannot_sign_anyone_in_as_a_participant(tuesday: Issued) -> None:
    """A directory entry named like a code would otherwise get that participant's server."""
    code = tuesday.codes[0]
    assert sign_in(delegating(), code, "clinic-" + code) is None


# --- hub configuration ----------------------------------------------------------------------------------------


def test_registered_for_jupyterhub_by_its_entry_point() -> None:
    from jupyterhub.app import JupyterHub

    (found,) = [e for e in entry_points(group="jupyterhub.authenticators") if e.name == "workshop-codes"]
    assert found.load() is ParticipantCodeAuthenticator
    assert JupyterHub(authenticator_class="workshop-codes").authenticator_class is ParticipantCodeAuthenticator


def test_groups_are_managed_and_the_facilitator_role_cannot_open_servers() -> None:
    from jupyterhub.scopes import scope_definitions

    auth = authenticator()
    assert auth.manage_groups is True and auth.any_allow_config is True
    assert FACILITATOR_ROLE["groups"] == [FACILITATORS_GROUP]
    for scope in FACILITATOR_ROLE["scopes"]:
        assert scope.split("!")[0] in scope_definitions, scope
    assert not any(scope.startswith(("access:servers", "admin:users", "tokens")) for scope in FACILITATOR_ROLE["scopes"])


# --- the sign-in form -----------------------------------------------------------------------------------------


def rendered_form(**context: Any) -> BeautifulSoup:
    """The form as JupyterHub's LoginHandler renders an authenticator's custom HTML (a Jinja template)."""
    values = {
        "next": "",
        "username": None,
        "login_error": None,
        "login_url": "/hub/login",
        "authenticator_login_url": "/hub/login?next=%2Fhub%2F",
        "authenticator": authenticator(),
        "xsrf": "xsrf-token-value",
        **context,
    }
    html = Template(authenticator().get_custom_html("/hub/")).render(**values)
    return BeautifulSoup(html, "html.parser")


def visible_text(form: BeautifulSoup) -> str:
    return " ".join(form.get_text(" ").split())


def test_the_form_asks_for_a_participant_code_and_the_cohort_token_never_a_name() -> None:
    form = rendered_form()
    labels = {label.get_text(" ", strip=True): label.get("for") for label in form.find_all("label") if label.get("for")}
    assert labels == {"Participant code": "username_input", "Cohort token": "password_input"}
    assert form.find("input", {"name": "username"})["id"] == "username_input"
    assert form.find("input", {"name": "password"})["type"] == "password"
    assert form.find("input", {"name": "_xsrf"})["value"] == "xsrf-token-value"
    assert form.find("form")["action"] == "/hub/login?next=%2Fhub%2F"
    text = visible_text(form).lower()
    assert "username" not in text and "user name" not in text and "your name" not in text.replace(
        "never ask for your name", ""
    )
    assert "never ask for your name" in text
    assert participants.code_format() in text


def test_the_sign_in_page_offers_the_crisis_resources_before_anyone_signs_in() -> None:
    from workshop.safety import load_resources

    help_now = rendered_form().find("details", class_="ws-hub-help")
    assert help_now.find("summary").get_text(strip=True) == "Need help now?"
    shown = help_now.get_text(" ", strip=True)
    for resource in load_resources().for_category(None):
        assert resource.name in shown


def test_a_failed_sign_in_does_not_say_which_part_was_wrong() -> None:
    form = rendered_form(login_error=STOCK_FAILURE, username="tulip otter")
    error = form.find(class_="login_error")
    assert error.get_text(" ", strip=True) == FAILURE
    assert "username" not in visible_text(form).lower()
    assert form.find("input", {"name": "username"})["value"] == "tulip otter"  # kept, to correct a typo
    # A long code comes back cut short for the hub's log: not put in the field to be signed in with.
    cut = rendered_form(login_error=STOCK_FAILURE, username="stir-putt-pluck-...(34 chars)")
    assert cut.find("input", {"name": "username"})["value"] == ""
    # Other errors (an expired form) are shown as the hub words them.
    assert rendered_form(login_error="Login form invalid or expired. Try again.").find(class_="login_error")


def test_what_was_typed_is_escaped_in_the_form() -> None:
    form = rendered_form(username="\"><script>alert(1)</script>", login_error="<b>x</b>")
    assert form.find("script") is None and form.find("b") is None
    assert form.find("input", {"name": "username"})["value"] == "\"><script>alert(1)</script>"
