"""Who is on this page: the participant code from the page's URL (``?p=CODE``) and the store to use.

Voila hands the page's query string to the kernel. With preheated kernels the notebook starts before anyone
asks for it, so ``voila.utils.get_query_string`` waits for the request; outside Voila (nbval, tests) it
returns at once with nothing, and the page then works on a private in-memory store.
"""

from __future__ import annotations

import os
from functools import cache
from urllib.parse import parse_qs

from workshop import participants
from workshop.store import ResponseStore

CODE_PARAMETER = "p"


@cache  # a preheated kernel gets its request once: asking again would wait for a request that never comes
def query_string() -> str:
    if os.environ.get("VOILA_PREHEAT") is None and os.environ.get("QUERY_STRING") is None:
        return ""  # not under Voila: nothing to wait for
    from voila.utils import get_query_string

    return get_query_string() or ""


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


def open_store(participant: str | None = None) -> ResponseStore:
    """The real store for a known participant; otherwise a private in-memory one that touches no file."""
    return ResponseStore.default() if participant else ResponseStore(":memory:")
