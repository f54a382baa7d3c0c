"""Verifying the Linked Data signature suites many issued badges still use: `Ed25519Signature2018` and
`JsonWebSignature2020` (Ed25519, P-256 and P-384 keys).

Both carry a detached JWS with an unencoded payload (RFC 7797: header `{"b64": false, "crit": ["b64"]}`) in
`proof.jws`, written `header..signature`. The signed bytes are ASCII(base64url(header)) ‖ "." ‖
sha256(RDFC-1.0 of the proof options) ‖ sha256(RDFC-1.0 of the credential). An algorithm the wallet does not
implement (ES256K, RSA, …) is "cannot check", never a failed signature.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from wallet.credentials.canonical import rdfc
from wallet.credentials.keys import KeyMaterial
from wallet.credentials.proofoptions import proof_options
from wallet.credentials.report import clip, said
from wallet.credentials.suites_ecdsa import P256, P384, Verdict, ecdsa_key, signature_holds
from wallet.errors import CredentialFormatError
from wallet.i18n import N_, _

ED25519_2018 = "Ed25519Signature2018"
JWS_2020 = "JsonWebSignature2020"
SUITES = (ED25519_2018, JWS_2020)
ED25519_2018_CONTEXT = "https://w3id.org/security/suites/ed25519-2018/v1"
JWS_2020_CONTEXT = "https://w3id.org/security/suites/jws-2020/v1"
SECURITY_V2_CONTEXT = "https://w3id.org/security/v2"
MAX_JWS_CHARS = 2_000
"""A detached JWS here is a short header and one signature; far longer text is refused unread."""

ALGORITHMS = {"EdDSA": None, "ES256": P256, "ES384": P384}
"""The JWS algorithms the wallet checks, with the ECDSA curve each needs (None: Ed25519)."""


def _b64url_decode(text: str, what: str) -> bytes:
    if not text or any(c in text for c in "+/=") or not text.isascii():
        raise CredentialFormatError(_("The proof's JWS {what} is not base64url text.").format(what=what))
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError as exc:
        raise CredentialFormatError(_("The proof's JWS {what} is not base64url text.").format(what=what)) from exc


def split_jws(jws: object) -> tuple[str, dict[str, Any], bytes]:
    """The encoded header, the header and the signature of a detached JWS (`header..signature`)."""
    if not isinstance(jws, str) or len(jws) > MAX_JWS_CHARS:
        raise CredentialFormatError(_("The proof has no detached JWS signature (its jws value is missing or too "
                                      "long)."))
    parts = jws.split(".")
    if len(parts) != 3 or parts[1] != "":
        raise CredentialFormatError(_("The proof's JWS is not a detached signature (header..signature)."))
    try:
        header = json.loads(_b64url_decode(parts[0], "header"))
    except (ValueError, RecursionError) as exc:
        raise CredentialFormatError(_("The proof's JWS header is not JSON.")) from exc
    if not isinstance(header, dict):
        raise CredentialFormatError(_("The proof's JWS header is not a JSON object."))
    return parts[0], header, _b64url_decode(parts[2], "signature")


def signing_input(
    encoded_header: str, unsecured: dict[str, Any], proof: dict[str, Any], *, security_v2: bool = False
) -> tuple[bytes, tuple[str, ...]]:
    """The bytes a detached JWS signs for these suites, and the terms no context defines.

    The proof options take the credential's @context, or with `security_v2` the security vocabulary's
    (what older jsonld-signatures releases signed).
    """
    doc = rdfc(unsecured)
    config = proof_options(unsecured, proof, jcs_suite=False)
    if security_v2:
        config["@context"] = SECURITY_V2_CONTEXT
    options = rdfc(config)
    verify_data = hashlib.sha256(options.nquads.encode("utf-8")).digest()
    verify_data += hashlib.sha256(doc.nquads.encode("utf-8")).digest()
    return encoded_header.encode("ascii") + b"." + verify_data, tuple(doc.undefined_terms)


def _holds(alg: str, key: KeyMaterial, signature: bytes, data: bytes) -> bool:
    curve = ALGORITHMS[alg]
    if curve is None:
        try:
            VerifyKey(key.ed25519()).verify(data, signature)
        except (BadSignatureError, ValueError):
            return False
        return True
    ec_key = ecdsa_key(key.method)
    if ec_key.curve is not curve:
        raise CredentialFormatError(_("The proof says {alg}, but the issuer's key is a {name} key.").format(
            alg=alg, name=ec_key.curve.name))
    return signature_holds(ec_key, signature, data)


def check(unsecured: dict[str, Any], proof: dict[str, Any], key: KeyMaterial) -> Verdict:
    """Verify one Ed25519Signature2018 or JsonWebSignature2020 proof over `unsecured`.

    Raises CredentialFormatError for a malformed proof or key, UnknownContextError for a context not shipped.
    """
    suite = str(proof.get("type", ""))
    encoded_header, header, signature = split_jws(proof.get("jws"))
    alg = header.get("alg")
    if header.get("b64") is not False or "b64" not in as_crit(header):
        raise CredentialFormatError(_("The proof's JWS must sign the payload unencoded (\"b64\": false)."))
    if not isinstance(alg, str) or alg not in ALGORITHMS:
        return Verdict(None, said(N_("Not checked: the proof is signed with {alg}, which this wallet cannot check."),
            alg=clip(str(alg))))
    if suite == ED25519_2018 and alg != "EdDSA":
        raise CredentialFormatError(_("An Ed25519Signature2018 proof must use EdDSA, not {alg}.").format(alg=clip(alg)))
    data, undefined = signing_input(encoded_header, unsecured, proof)
    if not _holds(alg, key, signature, data) and not (
        suite == ED25519_2018
        and _holds(alg, key, signature, signing_input(encoded_header, unsecured, proof, security_v2=True)[0])
    ):
        message = said(N_("The signature does not match: the credential was changed after it was signed."))
        return Verdict(False, message, undefined)
    return Verdict(True, said(N_("The {suite} signature ({alg}) is valid."), suite=suite, alg=alg), undefined)


def as_crit(header: dict[str, Any]) -> list[Any]:
    crit = header.get("crit")
    return crit if isinstance(crit, list) else []
