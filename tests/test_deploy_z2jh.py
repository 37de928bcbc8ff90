"""The Zero to JupyterHub values (deploy/jupyterhub/z2jh/config.yaml) against the chart's published values schema
(a copy in tests/data/z2jh/, see its README): they validate as Helm validates them, merged over the chart's own
defaults, with Draft 7; a misspelt key is refused where the schema is strict, and checked here where it is not
(hub.config sections, the admin role); the spawn hook in hub.extraConfig keeps the pods' own folders; the
memory figures follow the measured ones."""

from __future__ import annotations

import copy
import json
import re
import sys
import types
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from jupyterhub import scopes
from jupyterhub.app import JupyterHub
from support.own_loop import run_on_own_loop

from workshop import participants

REPO = Path(__file__).resolve().parents[1]
Z2JH = REPO / "deploy" / "jupyterhub" / "z2jh"
DATA = Path(__file__).resolve().parent / "data" / "z2jh"

# Measured on one server (issue 16): one user server, and each page open in it.
SERVER_MB = 156
START_PAGE_MB = 152
PAGE_MB = 65


def load_config() -> dict[str, Any]:
    return yaml.safe_load((Z2JH / "config.yaml").read_text(encoding="utf-8"))


def merged(defaults: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Helm's merge of a user's values over the chart's values.yaml: maps merge key by key, the rest replaces."""
    out = copy.deepcopy(defaults)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads((DATA / "values.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.fixture(scope="module")
def chart_defaults() -> dict[str, Any]:
    return json.loads((DATA / "values.json").read_text(encoding="utf-8"))


def errors(validator: jsonschema.Draft7Validator, values: dict[str, Any]) -> list[str]:
    return [f"{'.'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in validator.iter_errors(values)]


def test_config_validates_against_the_charts_values_schema(validator, chart_defaults) -> None:
    assert not errors(validator, chart_defaults), "the copied chart defaults should be valid on their own"
    problems = errors(validator, merged(chart_defaults, load_config()))
    assert not problems, "config.yaml does not fit the chart:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("path", "typo"),
    [
        ((), "singeluser"),
        (("singleuser",), "extraEnvs"),
        (("singleuser", "storage"), "homeMountPth"),
        (("singleuser", "memory"), "guarantees"),
        (("cull",), "timout"),
        (("proxy", "https"), "tpye"),
        (("hub", "config"), "jupyterHub"),
        (("prePuller",), "continous"),
    ],
)
def test_a_misspelt_key_is_refused(validator, chart_defaults, path: tuple[str, ...], typo: str) -> None:
    config = load_config()
    node = config
    for key in path:
        node = node.setdefault(key, {})
    node[typo] = "x"
    problems = errors(validator, merged(chart_defaults, config))
    assert any(typo in problem for problem in problems), f"{'.'.join((*path, typo))} was accepted"


def test_inside_a_hub_config_section_the_schema_accepts_anything(validator, chart_defaults) -> None:
    """The chart passes hub.config.<Class> through to traitlets unchecked: the schema cannot catch a typo there,
    so the next test checks the JupyterHub section against JupyterHub's own configurable traits."""
    config = load_config()
    config["hub"]["config"]["JupyterHub"]["authenticator_clas"] = "workshop-codes"
    assert not errors(validator, merged(chart_defaults, config))


def test_hub_config_names_real_settings() -> None:
    sections = load_config()["hub"]["config"]
    classes: dict[str, type] = {"JupyterHub": JupyterHub}
    try:
        from workshop.hub.auth import ParticipantCodeAuthenticator
    except ImportError:  # until workshop.hub is in this checkout
        pass
    else:
        classes["ParticipantCodeAuthenticator"] = ParticipantCodeAuthenticator
    for name, cls in classes.items():
        settings = sections[name]
        configurable = set(cls.class_traits(config=True))
        assert settings and set(settings) <= configurable, f"{name}: {set(settings) - configurable}"
    assert sections["JupyterHub"]["authenticator_class"] == "workshop-codes"


def test_the_admin_role_cannot_open_users_servers_or_act_as_them() -> None:
    admin = load_config()["hub"]["loadRoles"]["admin"]
    scopes._check_scopes_exist(admin["scopes"])  # raises on a scope JupyterHub does not know
    granted = scopes.expand_scopes(admin["scopes"])
    for power in ("access:servers", "tokens", "shares", "users:shares", "proxy"):
        assert power not in granted, f"the admin role still has {power}"
    assert {"admin-ui", "start:servers", "delete:servers", "list:users"} <= granted


def test_user_servers_get_the_workshops_variables_and_folders() -> None:
    singleuser = load_config()["singleuser"]
    env = singleuser["extraEnv"]
    assert env["WORKSHOP_DEPLOYMENT"] == "hub"
    # Per-user values come from the spawn hook, never one value for everyone.
    assert "WORKSHOP_PARTICIPANT_CODE" not in env and "WORKSHOP_COHORT" not in env
    storage = singleuser["storage"]
    mounts = {mount["name"]: mount["mountPath"] for mount in storage["extraVolumeMounts"]}
    volumes = {volume["name"]: volume for volume in storage["extraVolumes"]}
    assert Path(env["WORKSHOP_DATA_DIR"]).parent == Path(storage["homeMountPath"])  # inside the user's own volume
    assert Path(mounts["workshop-exchange"]) in Path(env["WORKSHOP_EXCHANGE_ROOT"]).parents
    assert Path(env["WORKSHOP_CRISIS_CONFIG"]).parent == Path(mounts["crisis-resources"])
    assert set(mounts) == set(volumes)
    readme = (REPO / "deploy" / "jupyterhub" / "README.md").read_text(encoding="utf-8")
    assert f"create configmap {volumes['crisis-resources']['configMap']['name']}" in readme


def test_the_exchange_claim_is_shared_storage() -> None:
    claim = yaml.safe_load((Z2JH / "exchange-pvc.yaml").read_text(encoding="utf-8"))
    assert claim["kind"] == "PersistentVolumeClaim" and claim["spec"]["accessModes"] == ["ReadWriteMany"]
    volumes = {volume["name"]: volume for volume in load_config()["singleuser"]["storage"]["extraVolumes"]}
    assert volumes["workshop-exchange"]["persistentVolumeClaim"]["claimName"] == claim["metadata"]["name"]


def test_the_server_root_holds_the_start_page() -> None:
    config = load_config()
    root = Path(config["hub"]["config"]["KubeSpawner"]["notebook_dir"])
    # repo2docker copies the repository into /home/jovyan unless told otherwise.
    assert (REPO / root.relative_to("/home/jovyan") / "index.ipynb").is_file()


def test_no_outside_requests_from_user_servers() -> None:
    rules = load_config()["singleuser"]["networkPolicy"]["egressAllowRules"]
    assert rules["nonPrivateIPs"] is False
    assert load_config()["proxy"]["https"]["type"] != "letsencrypt"  # no certificate fetched from outside


def megabytes(value: str) -> float:
    """KubeSpawner's sizes: K, M, G, T are powers of 1024."""
    number, unit = re.fullmatch(r"(\d+(?:\.\d+)?)([KMGT])", value).groups()  # type: ignore[union-attr]
    return float(number) * 1024 ** "KMGT".index(unit) / 1024


def test_memory_follows_the_measured_figures() -> None:
    memory = load_config()["singleuser"]["memory"]
    guarantee, limit = megabytes(memory["guarantee"]), megabytes(memory["limit"])
    assert guarantee >= SERVER_MB + START_PAGE_MB + PAGE_MB  # the start page and one module
    assert limit >= SERVER_MB + START_PAGE_MB + 4 * PAGE_MB > guarantee
    assert limit < SERVER_MB + START_PAGE_MB + 8 * PAGE_MB  # a limit, not a guess far above what was measured


class FakeSpawner:
    """What the hook touches of a KubeSpawner, with the chart's singleuser.extraEnv as its environment."""

    def __init__(self, environment: dict[str, str], name: str) -> None:
        self.environment = dict(environment)
        self.user = types.SimpleNamespace(name=name, admin=False)
        self.args: list[str] = []
        self.default_url = ""
        self.mem_limit: str | None = "512M"


def stand_in_hub_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until workshop.hub is in this checkout: a spawn hook that behaves as the one-machine hook does (the
    participant's code, the store and the exchange under the hub's own folder, a new environment mapping) and
    the facilitators' role."""

    def prepare_spawner(spawner) -> None:
        env = {
            "WORKSHOP_DEPLOYMENT": "hub",
            "WORKSHOP_DATA_DIR": f"/srv/hub/users/{spawner.user.name}",
            "WORKSHOP_EXCHANGE_ROOT": "/srv/hub/exchange",
        }
        if not participants.problems(spawner.user.name):
            env["WORKSHOP_PARTICIPANT_CODE"] = spawner.user.name
        spawner.environment = {**spawner.environment, **env}

    hub = types.ModuleType("workshop.hub")
    spawn = types.ModuleType("workshop.hub.spawn")
    spawn.prepare_spawner = prepare_spawner  # type: ignore[attr-defined]
    auth = types.ModuleType("workshop.hub.auth")
    auth.FACILITATOR_ROLE = {"name": "workshop-facilitator", "groups": ["facilitators"], "scopes": ["admin-ui"]}  # type: ignore[attr-defined]
    for name, module in (("workshop.hub", hub), ("workshop.hub.spawn", spawn), ("workshop.hub.auth", auth)):
        monkeypatch.setitem(sys.modules, name, module)


def run_hook(hook: Any, spawner: FakeSpawner) -> None:
    """Await the hook as JupyterHub does, on a loop of its own (another test may have left one running here)."""
    run_on_own_loop(hook.KubeSpawner.pre_spawn_hook(spawner))


@pytest.fixture
def hook(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """The code in hub.extraConfig, run as the chart runs it (exec with `c`, load_roles already a list), with the
    workshop's own hub modules when this checkout has them."""
    monkeypatch.setenv("WORKSHOP_HUB_DIR", str(tmp_path / "hub"))
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path / "data"))
    try:
        import workshop.hub.auth
        import workshop.hub.spawn  # noqa: F401
    except ImportError:
        stand_in_hub_modules(monkeypatch)
    from traitlets.config import Config

    c = Config()
    c.JupyterHub.load_roles = []
    code = load_config()["hub"]["extraConfig"]["workshop"]
    exec(compile(code, "hub.extraConfig.workshop", "exec"), {"c": c})
    return c


def test_the_spawn_hook_keeps_the_pods_folders(hook) -> None:
    pod_env = load_config()["singleuser"]["extraEnv"]
    code = participants.new_code()
    participant = FakeSpawner(pod_env, code)
    run_hook(hook, participant)
    assert participant.environment["WORKSHOP_PARTICIPANT_CODE"] == code
    for name in ("WORKSHOP_DATA_DIR", "WORKSHOP_EXCHANGE_ROOT", "WORKSHOP_CRISIS_CONFIG"):
        assert participant.environment[name] == pod_env[name]
    assert participant.mem_limit == "512M"
    facilitator = FakeSpawner(pod_env, "alex")
    run_hook(hook, facilitator)
    assert "WORKSHOP_PARTICIPANT_CODE" not in facilitator.environment
    assert facilitator.environment["WORKSHOP_DATA_DIR"] == pod_env["WORKSHOP_DATA_DIR"]
    assert facilitator.mem_limit is None


def test_facilitators_get_the_workshops_role(hook) -> None:
    roles = {role["name"]: role for role in hook.JupyterHub.load_roles}
    facilitator = roles["workshop-facilitator"]
    assert facilitator["groups"] == ["facilitators"]
    assert "access:servers" not in scopes.expand_scopes(facilitator["scopes"])
