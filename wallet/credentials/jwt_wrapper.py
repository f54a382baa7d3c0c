"""A credential handed over inside a small JSON wrapper, as some issuers' APIs and wallets send it.

`{"jwt": "ey…"}`, `{"credential": "ey…"}` and `{"vc": "ey…"}` (optionally with a `format` member, as in
OpenID for Verifiable Credential Issuance responses) carry one compact token; the token is the credential.
An OpenID4VCI credential response may instead carry a JSON-LD credential (`{"credential": {…}}`) or, since
draft 15, several (`{"credentials": [{"credential": …}, …]}`): `wrapped_credentials` takes those out.
"""

from __future__ import annotations

from typing import Any

from wallet.credentials import jose

WRAPPER_KEYS = ("jwt", "credential", "vc")
"""Members that may carry the token, in the order they are looked at."""

_ALSO_ALLOWED = frozenset({"format", "c_nonce", "c_nonce_expires_in", "notification_id"})


def wrapped_token(value: Any) -> str | None:
    """The compact token a JSON wrapper carries, or None when `value` is not such a wrapper."""
    if not isinstance(value, dict) or "@context" in value or "type" in value:
        return None
    carriers = [key for key in WRAPPER_KEYS if key in value]
    if len(carriers) != 1 or not set(value) - {carriers[0]} <= _ALSO_ALLOWED:
        return None
    token = value[carriers[0]]
    if isinstance(token, str) and jose.is_compact_jws(token):
        return token.strip()
    return None


def wrapped_credentials(value: Any) -> list[Any] | None:
    """The credentials (objects or tokens) an OpenID4VCI credential response carries, or None when `value` is
    not one. A credential itself (it has a type or a context) is never read as a wrapper."""
    if not isinstance(value, dict) or "@context" in value or "type" in value:
        return None
    if isinstance(value.get("credential"), dict) and set(value) - {"credential"} <= _ALSO_ALLOWED:
        return [value["credential"]]
    items = value.get("credentials")
    if (isinstance(items, list) and items and set(value) - {"credentials"} <= _ALSO_ALLOWED
            and all(isinstance(item, dict) and set(item) == {"credential"} for item in items)):
        return [item["credential"] for item in items]
    return None
