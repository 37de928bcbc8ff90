"""The workshop's Jupyter server extension: Voila inside any Jupyter server (JupyterHub's single-user servers,
Binder, `jupyter lab`) behaves as under `workshop serve`.

The package enables it (``etc/jupyter/jupyter_server_config.d/rejection_resilience.json``, shipped as
shared data). It runs in two steps, around Voila's and JupyterLab's own extensions:

- when extensions are linked (before any of them builds its routes, before kernels are managed): the page
  template is laid out with the clinic's crisis resources and put first on the Jupyter path; Voila gets the
  workshop's page settings (template, no code, no tracebacks, widget manager only); kernels whose page was
  closed are culled as under `workshop serve`; JupyterLab fetches no news and checks for no updates.
- when extensions are loaded (after Voila's routes exist): the workshop's Content-Security-Policy goes on
  every response; Voila's page and file handlers are swapped for the workshop's (xsrf cookie, no MathJax,
  /voila/files behind the login; workshop.voila_handlers, shared with `workshop serve`); with
  ``WorkshopExtension.participant_only`` the server offers the Voila pages and nothing else.

What Voila cannot do as an extension: pools of pre-started kernels. Its pooling kernel manager needs the
standalone Voila application as its parent (notebook path, template paths, its tornado app) and the
request-info websocket only standalone Voila registers; under a server extension Voila asks the server's
own kernel manager and starts a kernel per page. Culling works: it is the server's kernel manager's.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from traitlets import Bool, List, Unicode
from traitlets.config import Config, LoggingConfigurable

from workshop import server

# Paths under the server's base URL a participant's server still answers (regular expressions, whole path).
# Everything Voila's pages need: the notebook page and its assets, the kernel's websocket, the shutdown beacon,
# images in the modules; and the sign-in and sign-out routes of Jupyter and JupyterHub. Not /voila/tree or
# /voila/api/contents: those list the folder.
PARTICIPANT_PATHS = (
    r"voila/render/.*",
    r"voila/static/.*",
    r"voila/templates/.*",
    r"voila/labextensions/.*",
    r"voila/api/themes/.*",
    r"voila/api/shutdown/.*",
    r"voila/files/.*",
    r"api/kernels/[^/]+",  # the page's kernel model (Voila's widget manager asks for it)
    r"api/kernels/[^/]+/channels",
    r"static/.*",
    r"login",
    r"logout",
    r"oauth_callback",
    r"api",
    r"api/status",
)
NOT_FOR_PARTICIPANTS_PAGE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
    "<meta name='viewport' content='width=device-width, initial-scale=1'>"
    "<title>Not part of the workshop</title></head><body><main><h1>This page is not part of the workshop</h1>"
    "<p><a href='{landing}'>Go to the workshop's start page</a>.</p></main></body></html>"
)


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "workshop.server_extension"}]


class WorkshopExtension(LoggingConfigurable):
    """The workshop's settings for a Jupyter server, read from the server's configuration (for example
    ``--WorkshopExtension.participant_only=True`` on a single-user server's command line)."""

    participant_only = Bool(
        False,
        help="A participant's server: it offers the workshop's Voila pages only. JupyterLab, the file tree, "
        "terminals, the contents and files APIs answer 403 with a short page, and / goes to the start page. "
        "Leave False for a facilitator's server (JupyterLab, formgrader).",
    ).tag(config=True)

    landing_path = Unicode(server.LANDING_PATH, help="Where / goes on a participant's server.").tag(config=True)

    extra_participant_paths = List(
        Unicode(),
        help="More paths (regular expressions, relative to the base URL) a participant's server answers, "
        "for a deployment whose sign-in needs routes of its own.",
    ).tag(config=True)

    def participant_path_pattern(self) -> str:
        """Every path, relative to the base URL, that a participant's server refuses."""
        allowed = "|".join(f"(?:{path})" for path in (*PARTICIPANT_PATHS, *self.extra_participant_paths))
        # The empty path (the landing redirect) is routed before this pattern is tried.
        return rf"(?!(?:{allowed})$).+"


def _link_jupyter_server_extension(serverapp: Any) -> None:
    """Before any extension builds its routes and before the kernel manager exists."""
    settings = WorkshopExtension(parent=serverapp)
    template_root = Path(tempfile.mkdtemp(prefix="workshop-template-"))
    atexit.register(shutil.rmtree, template_root, ignore_errors=True)
    try:
        server.prepare_template_dir(template_root)
    except Exception as error:
        # Jupyter would log an extension's failure and serve Voila's own pages, without the crisis control.
        # As `workshop serve` does, stop: SystemExit is the one exception the extension manager lets through.
        serverapp.log.critical("workshop: the server cannot start: %s", error)
        raise SystemExit(f"workshop: the server cannot start: {error}") from error
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(template_root), os.environ.get("JUPYTER_PATH")]))

    ours = Config()
    for name, value in server.voila_extension_settings().items():
        setattr(ours.VoilaConfiguration, name, value)
    # Kernels whose page was closed and that did nothing for a while are shut down; open pages never are.
    # A deployment's own culling settings win.
    configured = {
        **serverapp.config.get("MappingKernelManager", {}),
        **serverapp.config.get("AsyncMappingKernelManager", {}),
    }
    for name, value in (
        ("cull_idle_timeout", server.CULL_IDLE_SECONDS),
        ("cull_interval", server.CULL_INTERVAL_SECONDS),
        ("cull_connected", False),
    ):
        if name not in configured:
            setattr(ours.MappingKernelManager, name, value)
    if settings.participant_only:
        # Jupyter's login page must not offer to set a password on a participant's server.
        ours.PasswordIdentityProvider.allow_password_change = False
    serverapp.update_config(ours)
    _quiet_jupyterlab(serverapp)


def _quiet_jupyterlab(serverapp: Any) -> None:
    """No JupyterLab news feed and no update check: both would fetch from the internet. JupyterLab has been
    linked already (its name sorts first) but builds its routes and page config only when loaded."""
    from jupyterlab.handlers.announcements import NeverCheckForUpdate

    for name, apps in serverapp.extension_manager.extension_apps.items():
        for app in apps:
            if name == "jupyterlab" or type(app).__name__ == "LabApp":
                app.news_url = None
                app.check_for_updates_class = NeverCheckForUpdate


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """After Voila's routes exist: the policy on every response, the workshop's handlers, participants' limits."""
    from workshop.voila_handlers import ContentSecurityPolicyTransform

    settings = WorkshopExtension(parent=serverapp)
    web_app = serverapp.web_app
    if ContentSecurityPolicyTransform not in web_app.transforms:
        web_app.add_transform(ContentSecurityPolicyTransform)
    swapped = _swap_voila_handlers(web_app)
    if not swapped:
        serverapp.log.warning("workshop: Voila's routes were not found; is the voila server extension enabled?")
    if settings.participant_only:
        _offer_only_the_workshop(web_app, settings)
    serverapp.log.info(
        "workshop: server extension loaded (%s)",
        "participant: Voila pages only" if settings.participant_only else "facilitator: JupyterLab kept",
    )


def _rules(router: Any) -> list[Any]:
    """Every routing rule under ``router``, depth first (tornado nests a router per add_handlers call)."""
    found = []
    for rule in getattr(router, "rules", []):
        found.append(rule)
        found.extend(_rules(rule.target))
    return found


def _swap_voila_handlers(web_app: Any) -> int:
    """Swap Voila's handlers for the workshop's where Voila registered them; reassert Voila's page settings
    on its configuration object (a voila.json read after the server's config must not undo them)."""
    from workshop.voila_handlers import VOILA_HANDLER_REPLACEMENTS, reuse_compiled_templates

    reuse_compiled_templates()
    swapped = 0
    for rule in _rules(web_app.default_router):
        replacement = VOILA_HANDLER_REPLACEMENTS.get(rule.target) if isinstance(rule.target, type) else None
        if replacement is None:
            continue
        rule.target = replacement
        swapped += 1
        voila_configuration = (rule.target_kwargs or {}).get("voila_configuration")
        if voila_configuration is not None:
            for name, value in server.voila_extension_settings().items():
                if name != "template":  # the template's paths are already collected
                    setattr(voila_configuration, name, value)
    return swapped


def _offer_only_the_workshop(web_app: Any, settings: WorkshopExtension) -> None:
    """Routes ahead of every other: / to the start page, anything not in PARTICIPANT_PATHS refused."""
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join
    from tornado import web

    base_url = web_app.settings.get("base_url", "/")
    landing = url_path_join(base_url, settings.landing_path)

    class NotForParticipantsHandler(JupyterHandler):
        """Any method, any path outside the workshop: 403 and a short page pointing to the start page."""

        def prepare(self) -> None:  # before authentication and xsrf checks: nothing here is for anyone
            self.set_status(403)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(NOT_FOR_PARTICIPANTS_PAGE.format(landing=landing))

        def check_xsrf_cookie(self) -> None:
            return None

    before = list(web_app.default_router.rules)
    web_app.add_handlers(
        ".*$",
        [
            (re.escape(base_url.rstrip("/")) + "/?", web.RedirectHandler, {"url": landing, "permanent": False}),
            (re.escape(base_url) + settings.participant_path_pattern(), NotForParticipantsHandler),
        ],
    )
    # add_handlers puts a host's routes after those added before; these must be tried first.
    added = [rule for rule in web_app.default_router.rules if rule not in before]
    for rule in added:
        web_app.default_router.rules.remove(rule)
    web_app.default_router.rules[0:0] = added
