"""Who is on this page: the participant code from the page's URL (``?p=CODE``), or under the hub the code the
participant signed in with (``code_for_page``), and the store to use.

Voila hands the page's query string to the kernel in QUERY_STRING. A preheated kernel runs the notebook
before anyone asks for the page, so it first waits for the request, which the server sends over a websocket.
Outside Voila (nbval, tests) there is nothing to wait for, and the page works on a private in-memory store.

This does what ``voila.utils.get_query_string`` does without importing voila: that import pulls in
jupyter_server and jsonschema's format checkers, about 3 s and 50 MB in every kernel (measured here), which
made the start page three times slower to appear than a one-widget page.
"""

from __future__ import annotations

import asyncio
import json
import os
import ssl
import threading
from functools import cache
from urllib.parse import parse_qs

from workshop import participants
from workshop.store import ResponseStore

CODE_PARAMETER = "p"


REQUEST_WAIT_S = 24 * 3600  # a preheated kernel may wait all day in its pool for a participant


def _request_info_url() -> str:
    """Where a preheated kernel hears about its request: voila's /voila/query/<kernel id> websocket."""
    env = os.environ
    protocol = env.get("VOILA_WS_PROTOCOL", "ws")
    ip, port = env.get("VOILA_APP_IP", "127.0.0.1"), env.get("VOILA_APP_PORT", "8866")
    base = env.get("VOILA_WS_BASE_URL", env.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{ip}:{port}{base}voila/query/{env.get('VOILA_KERNEL_ID', '')}"


def _tls_context() -> ssl.SSLContext:
    """For a server started with --certfile: trust exactly the certificate it serves.

    The kernel reaches its own server by address (127.0.0.1), not by the name on the certificate, so the
    name is not checked; the certificate itself is the trust anchor (a self-signed one included)."""
    context = ssl.create_default_context()
    certfile = os.environ.get("WORKSHOP_TLS_CERTFILE")
    if certfile:
        context.load_verify_locations(certfile)
        context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
        context.check_hostname = False
    return context


def _wait_for_request() -> None:
    """Block until Voila sends this preheated kernel its request, then put the request's variables
    (QUERY_STRING among them) into the environment, as voila.utils.wait_for_request does."""
    import websockets

    received: list[str] = []
    url = _request_info_url()
    options = {"ssl": _tls_context()} if url.startswith("wss://") else {}

    async def receive() -> None:
        async with websockets.connect(url, open_timeout=5, **options) as connection:
            received.append(await asyncio.wait_for(connection.recv(), REQUEST_WAIT_S))

    # Its own thread and loop: the kernel's loop is busy running this very cell.
    worker = threading.Thread(target=lambda: asyncio.run(receive()), daemon=True)
    worker.start()
    worker.join()
    if received:
        os.environ.update({str(k): str(v) for k, v in json.loads(received[0]).items()})


@cache  # a preheated kernel gets its request once: asking again would wait for a request that never comes
def query_string() -> str:
    if os.environ.get("VOILA_PREHEAT") == "True":
        _wait_for_request()
    return os.environ.get("QUERY_STRING", "")


def code_from_query() -> str | None:
    """The raw ``p`` parameter of the page's URL, if any (not yet checked)."""
    values = parse_qs(query_string()).get(CODE_PARAMETER)
    return values[0] if values else None


def participant_from_query(store: ResponseStore | None = None) -> str | None:
    """The participant code of this page, when it is well formed and (given a store) known to it."""
    code = code_from_query()
    if not code or participants.problems(code):
        return None
    code = participants.normalize(code)
    if store is not None and not store.participant_exists(code):
        return None
    return code


def code_for_page() -> str | None:
    """The code this page works with, not yet checked: under the hub the code the participant signed in with
    (the page's address is ignored there), elsewhere the ``p`` parameter of the page's URL."""
    from workshop import config

    if not config.hub_mode():
        return code_from_query()
    # A preheated kernel still waits for its request, so that the page shows what is true when it is opened
    # (feedback released since, this week's practice), not what was true when the kernel was started.
    query_string()
    return config.participant_code_from_hub()


def participant_for_page(store: ResponseStore) -> str | None:
    """The participant of this page, known to ``store``. Under the hub the signed-in code is registered on
    first use (it was issued by the facilitator, so there is nothing to start); elsewhere it comes from the
    page's URL and must be known already."""
    from workshop import config

    if not config.hub_mode():
        return participant_from_query(store)
    code = config.participant_code_from_hub()
    if code is not None:
        store.register_participant(code)
    return code


def join_group_session(store: ResponseStore, participant: str) -> None:
    """In a group session (`workshop serve --group --cohort NAME`), a participant who starts or resumes
    (on the start page, or on a module page with their code) joins its cohort, or is noted as seen again."""
    from workshop import config
    from workshop.errors import WorkshopError

    cohort = config.cohort()
    if cohort is None:
        return
    try:
        store.join_cohort(participant, cohort)
    except WorkshopError:
        pass  # the participant works on either way; the dashboard lists them once a visit is recorded


def open_store(participant: str | None = None) -> ResponseStore:
    """The real store for a known participant; otherwise a private in-memory one that touches no file."""
    return ResponseStore.default() if participant else ResponseStore(":memory:")
