"""The desk's password (scrypt, from the standard library) and its CSRF tokens.

scrypt is memory-hard and in hashlib, so no password library is needed; the stored form
`scrypt$n$r$p$salt$hash` (base64) keeps its parameters, so they can be raised later. CSRF: each
session holds a random token that every form repeats; the session cookie is signed and
SameSite=strict, and a POST whose token differs is refused (the synchronizer-token pattern —
a few lines here, where a middleware package would also have to learn about file uploads).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

N, R, P = 2**14, 8, 1


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return "$".join(["scrypt", str(N), str(R), str(P), _b64(salt), _b64(digest)])


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def csrf_token(session: dict) -> str:
    """The session's CSRF token, made on first use."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(24)
    return session["csrf"]


def csrf_ok(session: dict, sent: object) -> bool:
    """`sent` is a form's value: a file there is no token."""
    return isinstance(sent, str) and bool(sent) and "csrf" in session and hmac.compare_digest(session["csrf"].encode(), sent.encode())


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
