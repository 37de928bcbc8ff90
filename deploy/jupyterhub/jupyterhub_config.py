"""JupyterHub for the Rejection Resilience Workshop on one server: many groups, one machine.

Start it with `jupyterhub -f deploy/jupyterhub/jupyterhub_config.py` from the environment the workshop is
installed in (`pip install 'rejection-resilience[hub]'`), with configurable-http-proxy on PATH. What it
does (facilitator_guide/deploying.md has the whole procedure):

- participants log in with the participant code their facilitator issued (`workshop hub codes`) and their
  cohort's token: hub user names are codes, so nothing the hub stores names a person;
- facilitators log in with a name and password (hashes in WORKSHOP_HUB_DIR/facilitators.json, written by
  `workshop hub facilitator-password --name NAME`; or the clinic's own authenticator, see
  workshop.hub.auth) and keep JupyterLab and formgrader, in a server whose folder holds their review course;
- a participant's server offers the workshop's pages only (workshop.server_extension, participant_only);
- review copies travel through nbgrader's exchange in WORKSHOP_HUB_DIR/exchange;
- idle user servers are stopped after an hour (jupyterhub-idle-culler).

Every process listens on 127.0.0.1: put HTTPS in front (a reverse proxy such as nginx or Caddy with the
clinic's certificate) or set JupyterHub.ssl_cert / ssl_key below. Settings read from the environment:
WORKSHOP_HUB_DIR (state: database, cookie secret, cohorts, stores, exchange; default
/srv/rejection-resilience), WORKSHOP_HUB_BIND_URL (default http://127.0.0.1:8000), WORKSHOP_CRISIS_CONFIG
(the clinic's crisis resources for every server; default WORKSHOP_HUB_DIR/crisis_resources.toml when it
exists, else the built-in US resources).

User isolation: SimpleLocalProcessSpawner runs every user's server as the account that runs the hub, so
user servers can read one another's files. It is here because it needs no system set-up and is what the
tests run; with real clients use jupyterhub-systemdspawner (one dynamic user per participant, as The
Littlest JupyterHub does) or a container spawner: deploy/jupyterhub/README.md.
"""

import json
import os
import signal
import sys
from pathlib import Path

from workshop.exercises import modules_dir
from workshop.hub.auth import FACILITATOR_ROLE
from workshop.hub.cohorts import is_participant_name
from workshop.hub.spawn import prepare_spawner

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

hub_dir = Path(os.environ.get("WORKSHOP_HUB_DIR", "/srv/rejection-resilience"))
hub_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
os.environ["WORKSHOP_HUB_DIR"] = str(hub_dir)  # the authenticator and the spawn hook read it

# Network: the proxy is the only public entry; the hub and the proxy's API stay on loopback.
c.JupyterHub.bind_url = os.environ.get("WORKSHOP_HUB_BIND_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_bind_url = "http://127.0.0.1:8081"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:8001"
c.JupyterHub.db_url = f"sqlite:///{hub_dir / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(hub_dir / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(hub_dir / "jupyterhub-proxy.pid")
# No outside requests from the hub's own pages either.
c.JupyterHub.tornado_settings = {
    "headers": {"Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                "script-src 'self' 'unsafe-inline'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'"}
}

# Who logs in: participants by code and cohort token, facilitators by name and password (or the clinic's
# authenticator). Facilitators are hub admins: they can see the list of participant codes and stop servers.
c.JupyterHub.authenticator_class = "workshop-codes"
facilitators_file = hub_dir / "facilitators.json"
if facilitators_file.exists():
    c.ParticipantCodeAuthenticator.facilitators = json.loads(facilitators_file.read_text(encoding="utf-8"))

# Each user's own server: the workshop's pages, from the modules installed with the package.
c.JupyterHub.spawner_class = "simple"
c.Spawner.cmd = [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]


def prepare_server(spawner):
    """The workshop's environment (workshop.hub.spawn), and each server's folder: the curriculum for a
    participant (the start page at /voila/render/index.ipynb), the facilitator's own folder, which holds
    their review course, for a facilitator (formgrader needs the course inside the server's folder)."""
    prepare_spawner(spawner)
    if is_participant_name(spawner.user.name):
        spawner.notebook_dir = str(modules_dir())
    else:
        spawner.notebook_dir = spawner.environment["WORKSHOP_DATA_DIR"]


c.Spawner.pre_spawn_hook = prepare_server
crisis_config = os.environ.get("WORKSHOP_CRISIS_CONFIG") or str(hub_dir / "crisis_resources.toml")
if Path(crisis_config).exists():
    os.environ["WORKSHOP_CRISIS_CONFIG"] = crisis_config  # the sign-in page shows them too
    c.Spawner.environment = {"WORKSHOP_CRISIS_CONFIG": crisis_config}
c.SimpleLocalProcessSpawner.home_dir_template = str(hub_dir / "users" / "{username}")
# A user server takes seconds to import Jupyter and Voila; give a loaded machine time.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
if os.geteuid() == 0:
    # Only where the hub itself runs as root with SimpleLocalProcessSpawner (a container, a test machine):
    # Jupyter refuses to run as root otherwise. Never run real participants this way (see above).
    c.Spawner.args = ["--allow-root"]
# Memory: a user server holds about 150 MB and each open page's kernel about 60 MB (benchmarks/README.md).
c.Spawner.mem_limit = "1G"

# Idle servers are stopped after an hour without activity; an open page keeps its server alive.
# JupyterHub stops a service with SIGINT and sends SIGTERM only 30 s later; it starts its services before it
# sets up its own signal handling, so a hub started where SIGINT is ignored (in the background of a script,
# `jupyterhub ... &`) passed that on to the culler, and every shutdown of the hub waited those 30 s for it.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600"],
    }
]
c.JupyterHub.load_roles = [
    FACILITATOR_ROLE,
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
