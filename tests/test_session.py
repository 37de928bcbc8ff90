"""workshop.session: how a preheated kernel reaches its own server when that server speaks HTTPS, and when it
waits for its request."""

from __future__ import annotations

import os
import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.tls import ca_issued_certificate, self_signed_certificate

from workshop import session
from workshop.participants import new_code


@pytest.fixture
def tls_listener(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """A TLS server on 127.0.0.1 serving a leaf certificate issued by a CA nobody trusts (cert only, no
    chain), as a clinic's certificate is served; yields (port, the served certificate file)."""
    certfile, keyfile = ca_issued_certificate(tmp_path / "tls")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certfile, keyfile)
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            try:
                with context.wrap_socket(connection, server_side=True) as wrapped:
                    wrapped.sendall(b"ok")
            except (ssl.SSLError, OSError):
                pass  # a client that refused the certificate

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], certfile
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def handshake(port: int, context: ssl.SSLContext) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
        with context.wrap_socket(raw, server_hostname="127.0.0.1") as wrapped:
            return wrapped.recv(2)


def test_the_kernel_trusts_exactly_the_certificate_its_server_serves(
    tls_listener: tuple[int, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port, certfile = tls_listener
    # Without the pin, the system's trust store does not know the clinic's (here: a throwaway) CA.
    monkeypatch.delenv("WORKSHOP_TLS_CERTFILE", raising=False)
    with pytest.raises(ssl.SSLCertVerificationError):
        handshake(port, session._tls_context())
    # Pinned to the served certificate: accepted, although it names another host and its CA is unknown.
    monkeypatch.setenv("WORKSHOP_TLS_CERTFILE", str(certfile))
    assert handshake(port, session._tls_context()) == b"ok"
    # Pinned to some other certificate: refused.
    other, _ = self_signed_certificate(tmp_path / "other")
    monkeypatch.setenv("WORKSHOP_TLS_CERTFILE", str(other))
    with pytest.raises(ssl.SSLCertVerificationError):
        handshake(port, session._tls_context())


def test_request_info_url_follows_the_protocol_voila_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOILA_WS_PROTOCOL", "wss")
    monkeypatch.setenv("VOILA_APP_IP", "127.0.0.1")
    monkeypatch.setenv("VOILA_APP_PORT", "8443")
    monkeypatch.setenv("VOILA_KERNEL_ID", "abc")
    monkeypatch.delenv("VOILA_WS_BASE_URL", raising=False)
    monkeypatch.delenv("VOILA_SERVER_URL", raising=False)
    assert session._request_info_url() == "wss://127.0.0.1:8443/voila/query/abc"


def test_under_the_hub_a_preheated_page_waits_for_its_request_before_it_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The start page fetches feedback when it is built: built in the pool, it would show none released since."""
    waited: list[bool] = []
    monkeypatch.setattr(session, "_wait_for_request", lambda: waited.append(True))
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("WORKSHOP_DEPLOYMENT", "hub")
    monkeypatch.setenv("WORKSHOP_PARTICIPANT_CODE", new_code())
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    session.query_string.cache_clear()
    try:
        code = session.code_for_page()
    finally:
        session.query_string.cache_clear()
    assert waited == [True]
    assert code == os.environ["WORKSHOP_PARTICIPANT_CODE"]
