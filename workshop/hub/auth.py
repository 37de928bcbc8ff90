"""The hub's sign-in: participants by their code and their cohort's token, facilitators by their own sign-in.

In jupyterhub_config.py::

    import os
    os.environ["WORKSHOP_HUB_DIR"] = "/srv/workshop/hub"  # the hub process reads its cohorts file here

    from workshop.hub.auth import FACILITATOR_ROLE
    from workshop.hub.spawn import prepare_spawner

    c.JupyterHub.authenticator_class = "workshop-codes"   # this class, by its entry point
    c.ParticipantCodeAuthenticator.facilitators = {"alex": "scrypt$..."}  # `workshop hub facilitator-password`
    # or, for the clinic's own directory (any authenticator that reads the sign-in form's two fields):
    c.ParticipantCodeAuthenticator.delegate_class = "ldapauthenticator.LDAPAuthenticator"
    c.JupyterHub.load_roles = [FACILITATOR_ROLE]
    c.Spawner.pre_spawn_hook = prepare_spawner

and `workshop hub codes --cohort NAME` run with the same WORKSHOP_HUB_DIR, as the account that runs the hub.

A participant's hub user name is their code, so nothing in the hub's database names a person. The sign-in
form asks for a "Participant code" and the "Cohort token" (both on the slip from ``workshop hub codes``),
never for a name. A wrong code, a wrong token and a code of another cohort all get the same message.

A name shaped like a code (five words and four digits) is always a participant's: facilitators' names may
never look like one, so the spawner (workshop.hub.spawn) can tell the two apart by the name alone.

Facilitators are put in the hub group ``facilitators`` (``manage_groups`` is on by default). They are not
hub admins unless ``facilitators_are_admins`` is set: a JupyterHub admin may open every user's server, and
so read every participant's answers, where a facilitator is meant to read only what is submitted for review.
``FACILITATOR_ROLE`` is a role for ``c.JupyterHub.load_roles`` that lets the group see and start or stop
servers without entering them.
"""

from __future__ import annotations

from typing import Any

from jupyterhub.auth import Authenticator
from traitlets import Bool, Dict, Instance, TraitError, Type, default, validate

from workshop import participants
from workshop.errors import WorkshopError
from workshop.hub import passwords
from workshop.hub.cohorts import CohortError, CohortsFile, check_facilitator_name, is_participant_name

FACILITATORS_GROUP = "facilitators"
STOCK_FAILURE = "Invalid username or password"  # what the hub says when authenticate() returns None
FAILURE = (
    "That did not work. Please check your participant code and the cohort token against your slip, "
    "and try again. If it still does not work, ask your facilitator."
)
# For c.JupyterHub.load_roles: facilitators see who has a server and start or stop it, but cannot open one
# (no access:servers), and so cannot read a participant's answers outside what is submitted.
FACILITATOR_ROLE: dict[str, Any] = {
    "name": "workshop-facilitator",
    "description": "Workshop facilitators: see and start or stop participants' servers, never open them",
    "groups": [FACILITATORS_GROUP],
    "scopes": ["admin-ui", "list:users", "read:users", "read:servers", "admin:servers", "read:groups"],
}


def login_form() -> str:
    """The sign-in form (a Jinja template the hub renders with its login context): code and token, no name.

    Colours: JupyterHub's orange is too light behind white text for a reader with low vision (contrast 2.8:1);
    the workshop's blue and rust are above 4.5:1. After a failed sign-in the hub hands back a code longer than
    32 characters cut short for its log ("tulip-otter-lan...(37 chars)"): the field then starts empty."""
    return f"""
<style>
  #login-main .ws-hub-login .auth-form-header, #login-main .ws-hub-login .btn-jupyter {{
    background-color: #1f5f8b; border-color: #1f5f8b; color: #ffffff;
  }}
  #login-main .ws-hub-login .login_error {{ color: #9a3412; }}
  #login-main .ws-hub-help {{ max-width: 36rem; margin: 1rem auto; padding: 0 1rem; }}
  #login-main .ws-hub-help summary {{ font-weight: bold; }}
</style>
<main>
<form action="{{{{ authenticator_login_url | e }}}}" method="post" role="form" class="ws-hub-login">
  <div class="auth-form-header"><h1>Sign in to the workshop</h1></div>
  <div class="auth-form-body m-auto">
    <p id="insecure-login-warning" class="hidden alert alert-warning">
      This page is not using a secure (HTTPS) connection. Please tell your facilitator.
    </p>
    {{% if login_error %}}<p class="login_error" role="alert">{{% if login_error == "{STOCK_FAILURE}" %}}{FAILURE}{{% else %}}{{{{ login_error | e }}}}{{% endif %}}</p>{{% endif %}}
    <input type="hidden" name="_xsrf" value="{{{{ xsrf | e }}}}" />
    <label for="username_input">Participant code</label>
    {{% set typed = username or '' %}}{{% if typed.endswith(' chars)') and '...(' in typed %}}{{% set typed = '' %}}{{% endif %}}
    <input id="username_input" type="text" name="username" value="{{{{ typed | e }}}}"
           class="form-control" autocapitalize="off" autocorrect="off" spellcheck="false"
           autocomplete="username" autofocus="autofocus" aria-describedby="code_help" />
    <p id="code_help" class="form-text">{participants.code_format().capitalize()}, from the slip your facilitator gave you.</p>
    <label for="password_input">Cohort token</label>
    <input id="password_input" type="password" name="password" class="form-control"
           autocapitalize="off" autocorrect="off" spellcheck="false" autocomplete="current-password"
           aria-describedby="token_help" />
    <p id="token_help" class="form-text">The group's words, on the same slip.
      <label><input type="checkbox" onchange="document.getElementById('password_input').type = this.checked ? 'text' : 'password'" /> Show what I type</label>
    </p>
    <div class="feedback-container">
      <input id="login_submit" type="submit" class="btn btn-jupyter form-control" value="Sign in" />
    </div>
    <p class="form-text">We never ask for your name: your code is all the workshop knows about you.
      Facilitators sign in here too, with their own sign-in and password.</p>
  </div>
</form>
<details class="ws-hub-help"><summary>Need help now?</summary>{help_now()}</details>
</main>
"""


def help_now() -> str:
    """The clinic's crisis resources (as on every workshop page), for the sign-in page: reachable before anyone
    has signed in. Braces become entities, so configured text can never act as template code."""
    from workshop import safety

    return safety.resources_html().replace("{", "&#123;").replace("}", "&#125;")


class ParticipantCodeAuthenticator(Authenticator):
    """Participants: code and cohort token (workshop.hub.cohorts). Facilitators: ``facilitators`` or a delegate."""

    facilitators = Dict(
        help="""Facilitators who sign in with a password: {name: hash}, each hash printed by
        `workshop hub facilitator-password`. Names are lowercased; a name may not look like a participant code.""",
    ).tag(config=True, allow_config=True)

    delegate_class = Type(
        None,
        klass=Authenticator,
        allow_none=True,
        help="""The clinic's own authenticator (for example ldapauthenticator.LDAPAuthenticator) for
        facilitators: a name that is not a participant code and not in `facilitators` is passed to it with
        the password. It must read the sign-in form's two fields (redirect-based ones such as OAuth do not).
        Configure it under its own class name as usual.""",
    ).tag(config=True, allow_config=True)

    facilitators_are_admins = Bool(
        False,
        help="""Make facilitators JupyterHub admins. An admin can open every participant's server and read
        all their answers, not only what they submit for review: leave this off unless that is intended, and
        give the `facilitators` group FACILITATOR_ROLE instead.""",
    ).tag(config=True)

    delegate = Instance(Authenticator, allow_none=True)

    @default("delegate")
    def _default_delegate(self) -> Authenticator | None:
        if self.delegate_class is None:
            return None
        delegate = self.delegate_class(parent=self)
        if delegate.login_service:  # it sends people to an outside sign-in page (OAuth and the like)
            raise TraitError(
                f"c.ParticipantCodeAuthenticator.delegate_class: {self.delegate_class.__name__} signs in through "
                f"{delegate.login_service}'s own page, not this form; use an authenticator that checks a name and "
                "password (LDAP, PAM), or facilitators' password hashes."
            )
        return delegate

    def check_allow_config(self) -> None:
        """At hub start: the delegate is made (so a wrong one stops the hub now) and checks its own config."""
        super().check_allow_config()
        if self.delegate is not None:
            self.delegate.check_allow_config()

    @default("manage_groups")
    def _default_manage_groups(self) -> bool:
        return True

    @default("any_allow_config")
    def _default_any_allow_config(self) -> bool:
        return True  # participants are allowed by the cohorts file, which the hub's check cannot see

    @validate("facilitators")
    def _check_facilitators(self, proposal: dict[str, Any]) -> dict[str, str]:
        try:
            return {check_facilitator_name(str(n)): passwords.check_hash(str(h)) for n, h in proposal["value"].items()}
        except WorkshopError as error:
            raise TraitError(f"c.ParticipantCodeAuthenticator.facilitators: {error}") from None

    def get_custom_html(self, base_url: str) -> str:
        return self.custom_html or login_form()

    def normalize_username(self, username: str) -> str:
        """A typed code as the code it is ('Tulip Otter ...' is 'tulip-otter-...'); any other name lowercased."""
        code = participants.normalize(username)
        if not participants.problems(code):
            return code
        return super().normalize_username(username)

    def cohorts(self) -> CohortsFile:
        return CohortsFile()

    async def authenticate(self, handler: Any, data: dict[str, str] | None) -> dict[str, Any] | None:
        data = data or {}
        typed, secret = data.get("username", ""), data.get("password", "")
        name = self.normalize_username(typed)
        if is_participant_name(name):
            return self._participant(name, secret)
        if name in self.facilitators:
            if passwords.verify_secret(secret, self.facilitators[name]):
                return self._facilitator(name)
            return None
        if self.delegate is not None:
            return await self._delegated(handler, data)
        passwords.spend_time_as_verify(secret)
        return None

    def _participant(self, code: str, token: str) -> dict[str, Any] | None:
        try:
            cohort = self.cohorts().check(code, token)
        except WorkshopError as error:  # the cohorts file, or a hash in it, is damaged
            self.log.error("Participant sign-in refused: %s", error)
            return None
        if cohort is None:
            return None
        return {"name": code, "admin": False, "groups": []}

    def _facilitator(self, name: str) -> dict[str, Any]:
        return {"name": name, "admin": True if self.facilitators_are_admins else None, "groups": [FACILITATORS_GROUP]}

    async def _delegated(self, handler: Any, data: dict[str, str]) -> dict[str, Any] | None:
        assert self.delegate is not None
        found = await self.delegate.get_authenticated_user(handler, data)
        if not found:
            return None
        name = self.normalize_username(found["name"])
        if is_participant_name(name):
            self.log.warning("Refused %r from the delegate authenticator: it looks like a participant code", name)
            return None
        return {**found, "name": name, **self._facilitator(name)}

    def check_allowed(self, username: str, authentication: dict[str, Any] | None = None) -> bool:
        """Who signed in as above may use the hub (the allow-list of the cohorts file and the facilitators)."""
        if is_participant_name(username):
            try:
                return self.cohorts().cohort_of(username) is not None
            except CohortError as error:
                self.log.error("%s", error)
                return False
        if username in self.facilitators:
            return True
        if authentication is not None and FACILITATORS_GROUP in (authentication.get("groups") or []):
            return True  # vouched for by the delegate, whose own allow config has run
        return super().check_allowed(username, authentication)

    async def refresh_user(self, user: Any, handler: Any = None) -> bool:
        """A code taken off its cohort (`workshop hub withdraw`) signs out at the next refresh."""
        if is_participant_name(user.name):
            try:
                return self.cohorts().cohort_of(user.name) is not None
            except CohortError as error:
                self.log.error("%s", error)
                return False
        return True
