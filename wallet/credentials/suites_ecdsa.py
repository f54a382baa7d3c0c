"""Verifying ecdsa-rdfc-2019 and ecdsa-jcs-2019 Data Integrity proofs (P-256 and P-384), as in W3C vc-di-ecdsa.

The signed bytes are hash(canonical proof configuration) ‖ hash(canonical document), where the hash is SHA-256
for a P-256 key and SHA-384 for a P-384 key; the proof value is multibase of the raw r ‖ s signature.
The canonical forms come from `dataintegrity.hash_data`'s helpers in `canonical` (RDFC-1.0 or JCS).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from wallet.credentials.canonical import jcs, rdfc
from wallet.credentials.multikey import decode_multibase
from wallet.credentials.proofoptions import proof_options
from wallet.credentials.report import said
from wallet.errors import CredentialFormatError
from wallet.i18n import N_, _

RDFC_2019 = "ecdsa-rdfc-2019"
JCS_2019 = "ecdsa-jcs-2019"
SUITES = (RDFC_2019, JCS_2019)


@dataclass(frozen=True)
class Curve:
    """One curve the suites allow: its Multikey prefix, JWK name, point and hash sizes."""

    name: str
    prefix: bytes
    curve: ec.EllipticCurve
    size: int
    hash_name: str


@dataclass(frozen=True)
class Verdict:
    """The answer on one proof: valid True / False / None (not checkable), why, and terms no context defines."""

    valid: bool | None
    message: str
    undefined_terms: tuple[str, ...] = ()


P256 = Curve("P-256", b"\x80\x24", ec.SECP256R1(), 32, "sha256")
P384 = Curve("P-384", b"\x81\x24", ec.SECP384R1(), 48, "sha384")
CURVES = (P256, P384)


@dataclass(frozen=True)
class EcdsaKey:
    """A public key and the curve it is on."""

    curve: Curve
    public: ec.EllipticCurvePublicKey


def _point(curve: Curve, encoded: bytes) -> EcdsaKey:
    try:
        return EcdsaKey(curve, ec.EllipticCurvePublicKey.from_encoded_point(curve.curve, encoded))
    except ValueError as exc:
        raise CredentialFormatError(_("The issuer's {name} key is not a valid point.").format(name=curve.name)) from exc


def _b64url(value: object) -> bytes:
    text = str(value)
    if any(c in text for c in "+/="):
        raise CredentialFormatError(_("The issuer's key is not valid base64url."))
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError as exc:
        raise CredentialFormatError(_("The issuer's key is not valid base64url.")) from exc


def ecdsa_key(method: dict[str, Any]) -> EcdsaKey:
    """The P-256 or P-384 key of a verification method (Multikey zDn…/z82… or an EC JWK)."""
    multibase = method.get("publicKeyMultibase")
    if isinstance(multibase, str):
        data = decode_multibase(multibase)
        for curve in CURVES:
            if data.startswith(curve.prefix) and len(data) == 2 + 1 + curve.size:
                return _point(curve, data[2:])
        raise CredentialFormatError(_("The issuer's key is not a P-256 or P-384 key, so it cannot check an ECDSA "
                                      "proof."))
    jwk = method.get("publicKeyJwk")
    if isinstance(jwk, dict) and jwk.get("kty") == "EC":
        for curve in CURVES:
            if jwk.get("crv") == curve.name:
                x, y = _b64url(jwk.get("x", "")), _b64url(jwk.get("y", ""))
                if len(x) != curve.size or len(y) != curve.size:
                    raise CredentialFormatError(_("The issuer's {name} key has the wrong length.").format(
                        name=curve.name))
                return _point(curve, b"\x04" + x + y)
    raise CredentialFormatError(_("The issuer's key is not a P-256 or P-384 key, so it cannot check an ECDSA proof."))


@dataclass(frozen=True)
class EcdsaHashData:
    """What an ECDSA proof signs, as the W3C vectors name it."""

    canonical_document: str
    canonical_proof: str
    doc_hash: bytes
    proof_hash: bytes
    undefined_terms: tuple[str, ...]

    @property
    def combined(self) -> bytes:
        return self.proof_hash + self.doc_hash


def hash_data(unsecured: dict[str, Any], config: dict[str, Any], suite: str, curve: Curve) -> EcdsaHashData:
    """Canonicalise the document and proof configuration for `suite` and hash them with the curve's hash."""
    if suite == JCS_2019:
        canon_doc, canon_proof = jcs(unsecured).decode("utf-8"), jcs(config).decode("utf-8")
        undefined: tuple[str, ...] = ()
    else:
        sha384 = curve is P384
        doc = rdfc(unsecured, sha384=sha384)
        canon_doc, canon_proof = doc.nquads, rdfc(config, sha384=sha384).nquads
        undefined = tuple(doc.undefined_terms)
    digest = getattr(hashlib, curve.hash_name)
    return EcdsaHashData(
        canon_doc,
        canon_proof,
        digest(canon_doc.encode("utf-8")).digest(),
        digest(canon_proof.encode("utf-8")).digest(),
        undefined,
    )


def signature_holds(key: EcdsaKey, raw_signature: bytes, data: bytes) -> bool:
    """Whether a raw r ‖ s signature over `data` holds for `key` (hash chosen by the curve)."""
    size = key.curve.size
    if len(raw_signature) != 2 * size:
        return False
    r = int.from_bytes(raw_signature[:size], "big")
    s = int.from_bytes(raw_signature[size:], "big")
    algorithm = hashes.SHA256() if key.curve is P256 else hashes.SHA384()
    try:
        key.public.verify(encode_dss_signature(r, s), data, ec.ECDSA(algorithm))
    except (InvalidSignature, ValueError):
        return False
    return True


def signature_of(proof: dict[str, Any], key: EcdsaKey) -> bytes:
    """The raw signature in the proof value; a wrong length is a changed proof."""
    signature = decode_multibase(str(proof.get("proofValue", "")))
    if len(signature) != 2 * key.curve.size:
        raise CredentialFormatError(_("The signature has the wrong length: it has been changed."))
    return signature


def check(unsecured: dict[str, Any], proof: dict[str, Any], method: dict[str, Any]) -> Verdict:
    """Verify one ecdsa-rdfc-2019 / ecdsa-jcs-2019 proof over `unsecured` (the credential as its proof signed it).

    Raises CredentialFormatError for a malformed proof or key, UnknownContextError for a context not shipped.
    """
    suite = str(proof.get("cryptosuite", ""))
    key = ecdsa_key(method)
    signature = signature_of(proof, key)
    config = proof_options(unsecured, proof, jcs_suite=suite == JCS_2019)
    data = hash_data(unsecured, config, suite, key.curve)
    if not signature_holds(key, signature, data.combined):
        return Verdict(
            False, said(N_("The signature does not match: the credential was changed after it was "
                           "signed.")), data.undefined_terms
        )
    return Verdict(True, said(N_("The {suite} signature ({name}) is valid."),
        suite=suite, name=key.curve.name), data.undefined_terms)
