"""JWS JSON serialisation (RFC 7515 section 7.2): general (`signatures`) and flattened (`protected`, `signature`).

Each signature is read through the same strict compact-JWS parser (`<protected>.<payload>.<signature>`), so the
protected header must name its algorithm and the same refusals apply. An unprotected `header` may add a `kid` or
other hints, never an `alg`, `crit` or `b64`, and never a name the protected header already has (RFC 7515 requires
them disjoint). A credential signed several times has every signature checked and shown; the issuer must have made
one of them (`proofset.assess`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wallet.credentials import jose
from wallet.errors import CredentialFormatError
from wallet.i18n import _

MAX_SIGNATURES = 50
_UNPROTECTED_NEVER = ("alg", "crit", "b64", "zip")


def looks_like_jws_json(value: Any) -> bool:
    """A JSON object shaped like a general or flattened JWS (and not a credential)."""
    if not isinstance(value, dict) or "@context" in value or not isinstance(value.get("payload"), str):
        return False
    return isinstance(value.get("signatures"), list) or "signature" in value


def _one(entry: Any, payload: str) -> jose.Jws:
    if not isinstance(entry, dict):
        raise CredentialFormatError(_("A signature of the JSON-serialised token is not a JSON object."))
    protected, signature, unprotected = entry.get("protected"), entry.get("signature"), entry.get("header", {})
    if not isinstance(protected, str) or not protected:
        raise CredentialFormatError(
            _("A signature of the JSON-serialised token has no protected header, so its algorithm is not signed; it "
              "is refused.")
        )
    if not isinstance(signature, str) or not isinstance(unprotected, dict):
        raise CredentialFormatError(_("A signature of the JSON-serialised token is incomplete or misshapen."))
    jws = jose.parse_compact(f"{protected}.{payload}.{signature}")
    clash = [name for name in unprotected if name in jws.header or name in _UNPROTECTED_NEVER]
    if clash:
        raise CredentialFormatError(
            _("The unprotected header of a signature repeats or sets \"{clash}\", which only the signed header may "
              "say; it is refused.").format(clash=clash[0])
        )
    return replace(jws, header={**jws.header, **unprotected})


def read(value: dict[str, Any]) -> list[jose.Jws]:
    """Every signature of a general or flattened JWS, each as a `jose.Jws` over the one payload."""
    payload = value.get("payload")
    if not isinstance(payload, str):
        raise CredentialFormatError(_("The JSON-serialised token has no payload."))
    if "signatures" in value:
        if any(name in value for name in ("protected", "signature", "header")):
            raise CredentialFormatError(_("The JSON-serialised token mixes the general and flattened forms."))
        entries = value["signatures"]
        if not isinstance(entries, list) or not entries:
            raise CredentialFormatError(_("The JSON-serialised token has no signatures."))
        if len(entries) > MAX_SIGNATURES:
            raise CredentialFormatError(_("The token has more than {max_signatures} signatures; it is not "
                                          "read.").format(
                                max_signatures=MAX_SIGNATURES))
        return [_one(entry, payload) for entry in entries]
    return [_one({k: value[k] for k in ("protected", "signature", "header") if k in value}, payload)]
