"""Ghost Admin API keys and the short-lived tokens made from them (no Qt, no network).

A Ghost integration's Admin API key is ``<id>:<secret>``: a 24-character hex id and a
64-character hex secret. The secret never travels; each request carries an HS256 JWT signed
with it, naming the key's id, for the Admin API's audience, valid for five minutes (Ghost
refuses tokens that live longer)."""

from __future__ import annotations

import re
import time

import jwt

from smugdesk.publish.remote import AuthError

TOKEN_SECONDS = 5 * 60
AUDIENCE = "/admin/"
_HEX = re.compile(r"[0-9a-fA-F]+")
WHERE = "Ghost Admin → Settings → Integrations → a custom integration → Admin API key"


class GhostKeyError(AuthError):
    """What was given is not a Ghost Admin API key."""


def parse_key(text: str) -> tuple[str, bytes]:
    """(key id, secret bytes) from ``id:secret``; a clear one-line error for anything else
    (a Content API key, a password, a key cut short when it was copied)."""
    key = "".join(text.split())
    key_id, colon, secret = key.partition(":")
    if not colon:
        if _HEX.fullmatch(key) and len(key) == 26:
            raise GhostKeyError(
                f"that is a Ghost Content API key, which can only read; smugdesk needs the "
                f"Admin API key (id:secret) from {WHERE}"
            )
        raise GhostKeyError(
            f"a Ghost Admin API key has the form id:secret (two parts with a colon): copy it "
            f"from {WHERE}"
        )
    if not (_HEX.fullmatch(key_id) and _HEX.fullmatch(secret)):
        raise GhostKeyError(
            f"a Ghost Admin API key is made of hexadecimal digits (0-9, a-f) on both sides of "
            f"the colon: copy it again from {WHERE}"
        )
    if len(secret) % 2 or len(secret) < 32:
        raise GhostKeyError(
            f"the secret part of this Admin API key is too short ({len(secret)} digits): "
            f"it was probably cut off when copied; copy it again from {WHERE}"
        )
    return key_id.lower(), bytes.fromhex(secret)


def admin_token(key_id: str, secret: bytes, now: float | None = None) -> str:
    """A token for one request: made fresh each time, so a copied one soon expires."""
    issued = int(time.time() if now is None else now)
    claims = {"iat": issued, "exp": issued + TOKEN_SECONDS, "aud": AUDIENCE}
    return jwt.encode(claims, secret, algorithm="HS256", headers={"kid": key_id})
