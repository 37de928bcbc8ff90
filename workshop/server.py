"""`workshop serve`: the modules as Voila web apps, on this machine only unless a token guards them.

Voila 0.5 runs in this process with the workshop's page template (``workshop/web``): no code shown, no
tracebacks, nothing fetched from outside the server, a "Need help now?" control on every page. In group
mode a token is required (generated when not given), kernels learn it through WORKSHOP_GROUP_MODE=1,
and a pool of preheated kernels serves a group arriving at once on the landing page. A request without
the token gets the workshop's own page saying to ask the facilitator for the full link. A group session has
a name, its cohort (--cohort, default today's date): whoever starts or resumes through it joins it, which
is what `workshop dashboard --cohort NAME` shows. With --certfile
(and --keyfile) the server speaks HTTPS; without it, listening beyond this machine prints one warning
that answers cross the network unencrypted.
"""

from __future__ import annotations

import argparse
import atexit
import ipaddress
import os
import secrets
import shlex
import shutil
import ssl
import sys
import tempfile
import webbrowser
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from workshop import config
from workshop.content_policy import CONTENT_SECURITY_POLICY
from workshop.errors import WorkshopError

DEFAULT_IP = "127.0.0.1"
DEFAULT_PORT = 8866
LANDING_NOTEBOOK = "index.ipynb"
LANDING_PATH = f"/voila/render/{LANDING_NOTEBOOK}"
TEMPLATE_NAME = "workshop"
WEB_DIR = Path(__file__).resolve().parent / "web"
# `make docs` builds the facilitator guide here (outside modules/, the folder the server serves).
GUIDE_INDEX = Path(__file__).resolve().parent.parent / "build" / "guide" / "index.html"
CRISIS_INCLUDE = "crisis_resources.html"
# Written at each start: the Binder notice when running on a public Binder service, else empty.
BINDER_INCLUDE = "binder_notice.html"
BINDER_NOTICE = (
    '<div class="ws-practice-notice" role="note"><p><strong>This is a practice copy on a free public '
    "service (Binder).</strong> Nothing you type here is kept: it is gone when you close the page or stop "
    "for a while. Please do not type real personal details, such as names or what happened to you. For "
    "real work, use the copy your clinic gives you.</p></div>"
)
# Kernels reach this server by its own address, not by the name on its certificate: they trust exactly
# the certificate it serves (workshop.session reads this variable).
TLS_CERT_VARIABLE = "WORKSHOP_TLS_CERTFILE"
UNENCRYPTED_WARNING = (
    "Warning: this server is reachable beyond this computer over plain HTTP, so participants' answers and "
    "the access token cross the network unencrypted: anyone on the same network could read them. Serve "
    "HTTPS with --certfile and --keyfile (a certificate your clinic's IT provides), or use only a network "
    "you trust."
)
# Loopback names: serving on these reaches nobody but this machine, so no token is needed.
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1"}
# A group of up to 12 opens the landing page within a minute of each other.
SELF_PACED_POOL = 1
GROUP_POOL = 12
GROUP_MODULE_POOL = 2
# A kernel whose page was closed (no connection) and that did nothing for this long is shut down.
# Open pages are never culled (cull_connected stays False), so a slow reader keeps their kernel.
# Voila refills a pool 1 s after a kernel is taken; when a whole group arrives, a dozen kernels starting
# at once compete with the pages being served. In group mode the refill waits until the arrivals are over;
# a request meanwhile gets a kernel of its own at once, not the waiting refill (without_waiting_refills).
GROUP_REFILL_DELAY_SECONDS = 30
CULL_IDLE_SECONDS = 15 * 60
CULL_INTERVAL_SECONDS = 60
# Only the widget manager runs in participants' pages: other installed JupyterLab extensions (nbgrader's,
# Notebook's) expect JupyterLab around them and fail in Voila. A new widget library must be added here.
PAGE_EXTENSIONS = ["@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8"]


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the workshop in a web browser (self-paced, or --group for a facilitated session)",
        description=(
            "Serve the workshop modules as web pages (Voila: text and exercises, no code). "
            "Self-paced (the default) listens on 127.0.0.1 only: nobody else can reach it. "
            "--group is for a facilitated session: participants on the same network (or telehealth "
            "screen share) open the printed link, which carries an access token. Nothing on any page "
            "is fetched from outside this server."
        ),
        epilog=(
            "Examples:\n"
            "  workshop serve                      just me, on this computer\n"
            "  workshop serve --group --ip 0.0.0.0 a group on this network; hand out the printed link\n"
            '  workshop serve --group --ip 0.0.0.0 --cohort "Tuesday group"\n'
            "                                      the same, keeping weekly sessions of one group together\n"
            "  workshop serve --group --ip 0.0.0.0 --certfile cert.pem --keyfile key.pem\n"
            "                                      the same over HTTPS (encrypted)\n"
            "Answers are kept in WORKSHOP_DATA_DIR (default: your user data folder)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--ip",
        default=DEFAULT_IP,
        help=f"address to listen on (default {DEFAULT_IP}: this computer only). "
        "Any other address needs a token (--token or --group).",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})")
    parser.add_argument(
        "--group",
        action="store_true",
        help="facilitated group session: requires a token (one is generated and printed if --token is not given); "
        "submissions go straight to the facilitator's course",
    )
    parser.add_argument(
        "--cohort",
        metavar="NAME",
        help='with --group: the name of this group, e.g. "Tuesday group" (default: today\'s date, '
        "year-month-day). Whoever starts or resumes through this server joins it; `workshop dashboard "
        "--cohort NAME` shows the group. Use the same name each week to keep one group together.",
    )
    parser.add_argument(
        "--token",
        help="access token every page request must carry (?token=...); give it to participants in the link. "
        "Use a long random string; prefer --group, which generates one.",
    )
    parser.add_argument(
        "--certfile",
        metavar="PEM",
        help="serve HTTPS with this certificate (PEM; it may hold the private key too). Strongly advised when "
        "--ip is not this computer: without it answers cross the network unencrypted.",
    )
    parser.add_argument("--keyfile", metavar="PEM", help="the certificate's private key (PEM), if not in --certfile")
    parser.add_argument("--no-browser", action="store_true", help="do not open a web browser on this computer")
    parser.add_argument(
        "--pool",
        type=int,
        metavar="N",
        help="kernels kept started and ready for the landing page, so a group arriving at once does not wait "
        f"(default {SELF_PACED_POOL}; {GROUP_POOL} with --group)",
    )
    parser.add_argument(
        "--module-pool",
        type=int,
        metavar="N",
        help=f"ready kernels kept for each module page (default 0; {GROUP_MODULE_POOL} with --group). "
        "Each ready kernel uses memory (see `make bench`).",
    )
    parser.set_defaults(func=run_serve)

    install = subparsers.add_parser(
        "install-voila-template",
        help="install the page template for Voila run inside Jupyter (Binder, JupyterHub)",
        description=(
            "For deployments where Voila runs as a Jupyter server extension instead of `workshop serve` "
            "(Binder, JupyterHub): install the workshop's page template (crisis-support control, landmarks, "
            "accessibility fixes, nothing fetched from outside) into PREFIX/share/jupyter, and a server "
            "config in PREFIX/etc/jupyter that makes Voila use it, hide code and tracebacks, and load only "
            "the widget manager. Run it again after changing the clinic's crisis resources."
        ),
    )
    install.add_argument(
        "--prefix", default=sys.prefix, help=f"environment to install into (default: this one, {sys.prefix})"
    )
    # The template must stay readable by every account that runs Voila (JupyterHub): not the private umask.
    install.set_defaults(func=run_install_template, shared_files=True)


def voila_extension_settings() -> dict[str, Any]:
    """The page settings `workshop serve` and a Voila server extension share."""
    return {
        "template": TEMPLATE_NAME,
        "theme": "light",
        "allow_template_override": "NO",
        "allow_theme_override": "NO",
        "strip_sources": True,
        "show_tracebacks": False,
        "extension_allowlist": PAGE_EXTENSIONS,
    }


def run_install_template(args: argparse.Namespace) -> int:
    import json

    prefix = Path(args.prefix)
    templates = prefix / "share" / "jupyter" / "voila" / "templates"
    shutil.rmtree(templates / TEMPLATE_NAME, ignore_errors=True)
    prepare_template_dir(prefix / "share" / "jupyter")
    # Voila's server extension reads its settings from voila.json on the Jupyter config path (not from
    # jupyter_server_config.d, which only enables extensions).
    config_dir = prefix / "etc" / "jupyter"
    config_dir.mkdir(parents=True, exist_ok=True)
    config_file = config_dir / "voila.json"
    config_file.write_text(
        json.dumps({"VoilaConfiguration": voila_extension_settings()}, indent=2) + "\n", encoding="utf-8"
    )
    print(f"Installed the Voila template in {templates / TEMPLATE_NAME} and its settings in {config_file}.")
    return 0


def is_loopback(ip: str) -> bool:
    if ip in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def check_binding(ip: str, token: str | None) -> None:
    """Refuse to expose the workshop beyond this machine without a token: answers are health information."""
    if token is None and not is_loopback(ip):
        raise WorkshopError(
            f"refusing to listen on {ip} without a token: anyone who can reach this computer could read "
            "participants' answers. Use --group (generates a token and prints the link to hand out) or "
            f"--token, or keep the default --ip {DEFAULT_IP}."
        )


def generate_token() -> str:
    """A token nobody can guess (256 bits), short enough to paste in a chat message."""
    return secrets.token_urlsafe(32)


def kernel_ip_for(ip: str) -> str:
    """Where a preheated kernel reaches this server to learn its request (voila.utils.wait_for_request)."""
    if ip in ("", "0.0.0.0", "localhost") or ip.startswith("127."):  # noqa: S104 - comparing, not binding
        return "127.0.0.1"
    if ip in ("::", "::1"):
        return "[::1]"
    return f"[{ip}]" if ":" in ip else ip


def prepare_template_dir(runtime_dir: Path) -> Path:
    """Lay out the page template for this start under runtime_dir, with today's crisis resources.

    Voila finds templates on the Jupyter data path (``<path>/voila/templates/<name>``); the returned
    folder is prepended to JUPYTER_PATH. The repository is never written to.
    """
    template_dir = runtime_dir / "voila" / "templates" / TEMPLATE_NAME
    shutil.copytree(WEB_DIR / TEMPLATE_NAME, template_dir, dirs_exist_ok=True)
    # The fragment is included as Jinja source: braces become entities so it can never act as template code.
    from workshop import safety

    fragment = safety.resources_html().replace("{", "&#123;").replace("}", "&#125;")
    (template_dir / CRISIS_INCLUDE).write_text(fragment, encoding="utf-8")
    (template_dir / BINDER_INCLUDE).write_text(BINDER_NOTICE if config.on_binder() else "", encoding="utf-8")
    return runtime_dir


def tls_context(certfile: str, keyfile: str | None) -> ssl.SSLContext:
    """The server's TLS settings from a PEM certificate and key, or a WorkshopError saying what is wrong."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(certfile, keyfile)
    except FileNotFoundError as error:
        raise WorkshopError(f"cannot find {error.filename or certfile}: check --certfile and --keyfile.") from None
    except (ssl.SSLError, OSError) as error:
        raise WorkshopError(
            f"cannot use {certfile}" + (f" with {keyfile}" if keyfile else "") + f" for HTTPS ({error}). Give a PEM "
            "certificate with --certfile and its private key with --keyfile (or one PEM file holding both)."
        ) from None
    return context


def cohort_name(args: argparse.Namespace, today: date | None = None) -> str | None:
    """The group session's name: --cohort, else today's date with --group; None when self-paced."""
    from workshop.store import COHORT_NAME, COHORT_NAME_RULE

    if not args.group:
        if args.cohort is not None:
            raise WorkshopError("--cohort names a group session: use it with --group.")
        return None
    name = (args.cohort if args.cohort is not None else (today or date.today()).isoformat()).strip()
    if not COHORT_NAME.match(name):
        raise WorkshopError(f"--cohort {args.cohort!r}: {COHORT_NAME_RULE}")
    return name


def pool_sizes(args: argparse.Namespace) -> tuple[int, int]:
    landing = args.pool if args.pool is not None else (GROUP_POOL if args.group else SELF_PACED_POOL)
    module = args.module_pool if args.module_pool is not None else (GROUP_MODULE_POOL if args.group else 0)
    if landing < 0 or module < 0:
        raise WorkshopError("--pool and --module-pool must be 0 or more.")
    return landing, module


def kernel_pools(modules_root: Path, landing_pool: int, module_pool: int) -> dict[str, dict[str, int]]:
    """Pool size per notebook: the landing page's, each module notebook's; none for anything else."""
    from workshop.exercises import ModulesNotFoundError, loadable_modules, module_index

    pools = {"default": {"pool_size": 0}, LANDING_NOTEBOOK: {"pool_size": landing_pool}}
    try:
        modules, _ = module_index(modules_root)
    except ModulesNotFoundError as error:
        # A folder of pages without modules (a start page alone) is served, but never without a word.
        print(f"workshop: warning: {error}", file=sys.stderr)
        return pools
    for problem in loadable_modules(modules_root)[1]:
        # One broken module.toml must not stop the workshop: its page says what is wrong.
        print(f"workshop: warning: {problem}", file=sys.stderr)
    for module in modules:
        pools[module.notebook] = {"pool_size": module_pool}
    return pools


def voila_config(
    args: argparse.Namespace, token: str | None, modules_root: Path, pools: dict[str, dict[str, int]] | None = None
) -> Any:
    """Voila's settings for a workshop server on ``modules_root``. ``pools``: kernels kept ready per notebook
    (default: from --pool and --module-pool for the curriculum). `workshop dashboard` uses this too."""
    from traitlets.config import Config

    if pools is None:
        pools = kernel_pools(modules_root, *pool_sizes(args))
    config = Config()
    config.Voila.ip = args.ip
    config.Voila.port = args.port
    # The printed link must be the one that works: fail rather than drift to another port.
    config.Voila.port_retries = 0
    config.Voila.open_browser = False  # opened below, with the token in the link
    config.Voila.root_dir = str(modules_root)
    config.Voila.token = token
    # The login page must not offer to set a server password: the token is the only key, per session.
    config.PasswordIdentityProvider.allow_password_change = False
    config.Voila.tornado_settings = {"headers": {"Content-Security-Policy": CONTENT_SECURITY_POLICY}}
    # Participants cannot switch to a template or theme that loads from a CDN or shows code.
    for name, value in voila_extension_settings().items():
        setattr(config.VoilaConfiguration, name, value)
    config.VoilaConfiguration.preheat_kernel = any(pool["pool_size"] > 0 for pool in pools.values())
    config.VoilaKernelManager.kernel_pools_config = pools
    if args.group:
        config.VoilaKernelManager.fill_delay = GROUP_REFILL_DELAY_SECONDS
    config.MappingKernelManager.cull_idle_timeout = CULL_IDLE_SECONDS
    config.MappingKernelManager.cull_interval = CULL_INTERVAL_SECONDS
    config.MappingKernelManager.cull_connected = False
    return config


def participant_url(ip: str, port: int, token: str | None, https: bool = False) -> str:
    host = ip
    if ip in ("0.0.0.0", "::", ""):  # noqa: S104 - describing, not binding
        host = _lan_address() or "127.0.0.1"
    elif ":" in ip:
        host = f"[{ip}]"
    query = f"?{urlencode({'token': token})}" if token else ""
    return f"{'https' if https else 'http'}://{host}:{port}/{query}"


def _lan_address() -> str | None:
    """This computer's address on the local network (no packet is sent: UDP connect only picks a route)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere, nothing is sent
            return str(probe.getsockname()[0])
        except OSError:
            return None


def run_serve(args: argparse.Namespace) -> int:
    from workshop.exercises import ModulesNotFoundError, modules_dir

    token = args.token
    if token is not None and len(token) < 16:
        raise WorkshopError("--token must be at least 16 characters; leave it out with --group to get a strong one.")
    if args.group and token is None:
        token = generate_token()
    check_binding(args.ip, token)
    cohort = cohort_name(args)
    if args.keyfile and not args.certfile:
        raise WorkshopError("--keyfile needs --certfile: give the certificate as well as its key.")
    context = tls_context(args.certfile, args.keyfile) if args.certfile else None
    if context is None and not is_loopback(args.ip):
        print(UNENCRYPTED_WARNING, file=sys.stderr, flush=True)
    modules_root = modules_dir()
    if not (modules_root / LANDING_NOTEBOOK).is_file():
        raise ModulesNotFoundError(modules_root, f"no start page ({LANDING_NOTEBOOK})")
    secure_data_location()
    if args.group:
        build_review_course()

    runtime_dir = Path(tempfile.mkdtemp(prefix="workshop-serve-"))
    atexit.register(shutil.rmtree, runtime_dir, ignore_errors=True)
    prepare_template_dir(runtime_dir)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(runtime_dir), os.environ.get("JUPYTER_PATH")]))
    # Kernels inherit this environment: this is how widgets learn the mode and find this server.
    if args.group:
        os.environ["WORKSHOP_GROUP_MODE"] = "1"
    else:
        os.environ.pop("WORKSHOP_GROUP_MODE", None)
    if cohort is not None:
        os.environ[config.COHORT_VARIABLE] = cohort
    else:
        os.environ.pop(config.COHORT_VARIABLE, None)
    os.environ["VOILA_APP_IP"] = kernel_ip_for(args.ip)
    if context is not None:
        os.environ["VOILA_WS_PROTOCOL"] = "wss"
        os.environ[TLS_CERT_VARIABLE] = str(Path(args.certfile).resolve())
    else:
        os.environ.pop("VOILA_WS_PROTOCOL", None)
        os.environ.pop(TLS_CERT_VARIABLE, None)

    url = participant_url(args.ip, args.port, token, https=context is not None)
    app = _workshop_voila_class()(config=voila_config(args, token, modules_root))
    app.ssl_context = context
    app.announce = lambda: _announce(url, group=args.group, open_browser=not args.no_browser, cohort=cohort)
    app.initialize([])
    try:
        app.start()
    finally:
        shutil.rmtree(runtime_dir, ignore_errors=True)
    return 0


def build_review_course() -> None:
    """Group mode: build the nbgrader course before anyone arrives, so that no participant's kernel ever
    runs nbgrader. A module whose declarations are wrong is left out and named; the others are built."""
    from workshop.exercises import ModulesNotFoundError, loadable_modules
    from workshop.review.build import build_course

    try:
        modules, problems = loadable_modules()
    except ModulesNotFoundError as error:
        print(f"workshop: warning: no review course built: {error}", file=sys.stderr, flush=True)
        return
    for problem in problems:
        print(f"workshop: warning: not in the review course: {problem}", file=sys.stderr, flush=True)
    report = build_course(modules=modules)
    built = report.created + report.updated
    print(f"Review course ready in {report.course}" + (f" (built: {', '.join(built)})" if built else "") + ".", flush=True)


def secure_data_location() -> None:
    """Before any page opens the store: make the data folder private to this account and say once what
    changed, or refuse to start (PermissionsError) when another account owns something others can read."""
    from workshop import config, permissions

    changes = permissions.secure_data_folder(config.data_dir())
    if changes:
        print(permissions.describe_changes(changes) + "\n", flush=True)


def guide_note(index: Path | None = None) -> str:
    """Where the facilitator guide site is, for the facilitator's terminal only: the server never serves it
    and no participant page links to it (it lives outside the served modules folder)."""
    index = index or GUIDE_INDEX
    if index.is_file():
        return f"The facilitator guide (for you, not for participants) is at:\n\n    {index.as_uri()}\n"
    return "The facilitator guide (for you, not for participants): build it with `make docs`, then open build/guide/index.html.\n"


def _announce(url: str, *, group: bool, open_browser: bool, cohort: str | None = None) -> None:
    if group:
        print(
            "\nThe workshop is running in group mode. Give participants this link (it includes the access "
            f"token; anyone with the link can open the workshop):\n\n    {url}\n\n"
            f"This group is called {cohort!r}: whoever starts or resumes through this link joins it. To see the "
            f"group, run in another terminal:\n\n    workshop dashboard --cohort {shlex.quote(cohort or '')}\n",
            flush=True,
        )
    else:
        print(f"\nThe workshop is running at:\n\n    {url}\n\nPress Ctrl+C to stop it.\n", flush=True)
    print(guide_note(), flush=True)
    if open_browser:
        webbrowser.open(url.replace("0.0.0.0", "127.0.0.1"))  # noqa: S104


FORBIDDEN_PAGE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Facilitator only</title></head><body>"
    "<main><h1>This page is for the facilitator only</h1><p>Open the dashboard with the link that "
    "<code>workshop dashboard</code> printed in its terminal on this computer.</p></main></body></html>"
)


def without_waiting_refills(kernel_manager_class: type) -> type:
    """Voila's pooling kernel manager, except that a refill still waiting out ``fill_delay`` is not offered to
    a request.

    Voila puts a refill into the pool the moment a kernel is taken, as a task that sleeps ``fill_delay``
    (GROUP_REFILL_DELAY_SECONDS in group mode) before it starts its kernel, and the next request for the
    page takes that task and waits for it: a participant who came after the pool ran out, or reloaded the
    start page, waited up to 30 s for a kernel that had not even started. Here such a request gets a kernel
    of its own at once (Voila's path without a pool), and the refill keeps its delay for the ones after."""

    class WithoutWaitingRefills(kernel_manager_class):  # type: ignore[misc, valid-type]
        def fill_if_needed(self, delay: float | None = None, notebook_name: str | None = None, *args, **kwargs):
            import asyncio
            import weakref

            waits = getattr(self, "_workshop_refill_starts", None)
            if waits is None:
                waits = self._workshop_refill_starts = weakref.WeakKeyDictionary()
            before = list(self._pools.get(notebook_name, []))
            super().fill_if_needed(delay, notebook_name, *args, **kwargs)
            wait = self.fill_delay if delay is None else delay
            starts = asyncio.get_event_loop().time() + wait
            for task in self._pools.get(notebook_name, []):
                if task not in before:
                    waits[task] = starts

        def get_pool_size(self, notebook_name: str) -> int:
            import asyncio

            waits = getattr(self, "_workshop_refill_starts", {})
            now = asyncio.get_event_loop().time()
            return sum(1 for task in self._pools.get(notebook_name, []) if waits.get(task, now) <= now)

    WithoutWaitingRefills.__name__ = WithoutWaitingRefills.__qualname__ = f"WithoutWaitingRefills{kernel_manager_class.__name__}"
    return WithoutWaitingRefills


def _workshop_voila_class(landing_path: str = LANDING_PATH, facilitator_only: bool = False) -> type:
    """Voila with the workshop's routes: / goes to the landing page, files need the token too, a request
    without the token gets the workshop's own page, and HTTPS when a certificate is given.

    ``facilitator_only`` (`workshop dashboard`): every request without this server's token, for a page, a
    file, a script or the API, is answered 403 with a short page; there is no login page at all."""
    import functools
    import inspect

    from jupyter_server.base.handlers import JupyterHandler
    from tornado import web
    from tornado.ioloop import IOLoop
    from tornado.websocket import WebSocketHandler
    from voila.app import Voila
    from voila.utils import create_include_assets_functions
    from voila.voila_identity_provider import VoilaLoginHandler

    from workshop.voila_handlers import replace_voila_handlers

    class AskForTheLinkHandler(VoilaLoginHandler):
        """Instead of Jupyter's developer login page (password box, `jupyter server list` advice), a page
        of ours, with the crisis control, saying to ask the facilitator for the full link."""

        def _render(self, message: Any = None) -> None:
            template = self.settings["voila_jinja2_env"].get_template("ask_for_link.html")
            self.write(
                template.render(base_url=self.base_url, **create_include_assets_functions(TEMPLATE_NAME, self.base_url))
            )

    def facilitator_only_handler(cls: type) -> type:
        """``cls`` answering 403 to any request that does not carry this server's token (or its cookie)."""
        base = cls if issubclass(cls, JupyterHandler) else type(cls.__name__, (JupyterHandler, cls), {})

        class FacilitatorOnly(base):  # type: ignore[misc, valid-type]
            async def prepare(self, *args: Any, **kwargs: Any) -> None:
                prepared = super().prepare(*args, **kwargs)
                if inspect.isawaitable(prepared):
                    await prepared
                if self.current_user is None:
                    raise web.HTTPError(403)

            def get_login_url(self) -> str:
                raise web.HTTPError(403)

            def write_error(self, status_code: int, **kwargs: Any) -> None:
                if status_code != 403:
                    return super().write_error(status_code, **kwargs)
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(FORBIDDEN_PAGE)
                return None

        FacilitatorOnly.__name__ = FacilitatorOnly.__qualname__ = f"FacilitatorOnly{cls.__name__}"
        return FacilitatorOnly

    class WorkshopVoila(Voila):
        announce: Any = None
        ssl_context: ssl.SSLContext | None = None

        def _url(self, ip: str) -> str:
            url = super()._url(ip)
            return url.replace("http://", "https://", 1) if self.ssl_context is not None else url

        def listen(self) -> None:
            if self.ssl_context is not None:
                # Voila calls app.listen(port, ip) itself; tornado passes ssl_options on to its HTTPServer.
                self.app.listen = functools.partial(self.app.listen, ssl_options=self.ssl_context)
            super().listen()

        def load_config_file(self, *args: Any, **kwargs: Any) -> None:
            # A voila.json in the user's Jupyter config must not undo the safety settings made here.
            ours = self.config.copy()
            super().load_config_file(*args, **kwargs)
            self.update_config(ours)

        def init_settings(self) -> dict:
            settings = super().init_settings()
            if hasattr(self.kernel_manager, "fill_if_needed"):  # kernels are pooled (preheat_kernel)
                self.kernel_manager.__class__ = without_waiting_refills(type(self.kernel_manager))
            return settings

        def init_handlers(self) -> list:
            # The same page and file handlers as under the server extension (workshop.voila_handlers).
            handlers = []
            for handler in replace_voila_handlers(super().init_handlers()):
                if len(handler) > 1 and handler[1] is VoilaLoginHandler:
                    handler = (handler[0], AskForTheLinkHandler, *handler[2:])
                handlers.append(handler)
            # First match wins in tornado: "/" goes to the landing page, keeping ?p= and ?token=.
            handlers = [(r"/", web.RedirectHandler, {"url": landing_path, "permanent": False}), *handlers]
            if facilitator_only:
                # Websockets check the token themselves (403); the kernel's own request-info socket has none.
                handlers = [
                    (h[0], facilitator_only_handler(h[1]), *h[2:]) if not issubclass(h[1], WebSocketHandler) else h
                    for h in handlers
                ]
            return handlers

        def start(self) -> None:
            if self.announce is not None:
                IOLoop.current().add_callback(self.announce)
            super().start()

    return WorkshopVoila
