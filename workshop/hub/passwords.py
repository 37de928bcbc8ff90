"""Salted, slow hashes of the hub's secrets (cohort tokens, facilitators' passwords), checked in constant time.

A hash is one line of text, ``scrypt$N$r$p$salt$hash`` (salt and hash in hex), so it can be kept in the
cohorts file or pasted into jupyterhub_config.py. scrypt is in the standard library (hashlib, on OpenSSL
1.1 and later); N=2**14, r=8 takes about 16 MB and a few tens of milliseconds per check, which is
nothing for one login and a great deal for someone trying millions of guesses against a stolen file.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import cache

from workshop.errors import WorkshopError

SCHEME = "scrypt"
COST_N = 2**14
BLOCK_R = 8
PARALLEL_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
# What a stored hash may ask for: a file someone else edited must not make every login take a minute.
MAX_COST_N = 2**20


class HashError(WorkshopError):
    """A stored hash that is not one this module writes; the message says what is wrong, never the secret."""


def _derive(secret: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r + 2**20, dklen=length)


def hash_secret(secret: str) -> str:
    """A new salted hash of ``secret`` (a token or password) as one line of text."""
    if not secret:
        raise HashError("an empty secret cannot be hashed: choose a password.")
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _derive(secret, salt, COST_N, BLOCK_R, PARALLEL_P, HASH_BYTES)
    return f"{SCHEME}${COST_N}${BLOCK_R}${PARALLEL_P}${salt.hex()}${digest.hex()}"


def parse(encoded: str) -> tuple[int, int, int, bytes, bytes]:
    """(N, r, p, salt, hash) of a stored hash, or HashError."""
    parts = encoded.strip().split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        raise HashError("not a password hash made by `workshop hub facilitator-password` (scrypt$N$r$p$salt$hash).")
    try:
        n, r, p = (int(part) for part in parts[1:4])
        salt, digest = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        raise HashError("a password hash has a part that is not a number or hex.") from None
    if n < 2 or n & (n - 1) or n > MAX_COST_N or not (1 <= r <= 32) or not (1 <= p <= 16) or not salt or not digest:
        raise HashError("a password hash asks for scrypt settings out of range.")
    return n, r, p, salt, digest


def verify_secret(secret: str, encoded: str) -> bool:
    """True when ``secret`` matches the stored hash; the comparison takes the same time wherever they differ."""
    n, r, p, salt, digest = parse(encoded)
    return hmac.compare_digest(_derive(secret, salt, n, r, p, len(digest)), digest)


@cache
def _dummy_hash() -> str:
    return hash_secret("not a secret: hashed only to spend time")


def spend_time_as_verify(secret: str) -> None:
    """Take as long as ``verify_secret`` does, for a name that has no hash: the time taken tells nothing."""
    verify_secret(secret or "-", _dummy_hash())


def check_hash(encoded: str) -> str:
    """``encoded`` when it is a hash this module can check (for config validation), else HashError."""
    parse(encoded)
    return encoded.strip()
