"""P-256 public keys (Multikey or JWK) and raw r‖s ECDSA-SHA-256 signatures, as Data Integrity ECDSA uses them."""

from __future__ import annotations

import base64
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from wallet.credentials.multikey import decode_multibase
from wallet.errors import CredentialFormatError
from wallet.i18n import _

P256_PUB_PREFIX = b"\x80\x24"


def p256_key(multikey: bytes) -> ec.EllipticCurvePublicKey:
    """A P-256 public key from Multikey bytes (0x80 0x24 + compressed point)."""
    if not multikey.startswith(P256_PUB_PREFIX) or len(multikey) != 35:
        raise CredentialFormatError(_("The key is not a P-256 public key."))
    try:
        return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), multikey[2:])
    except ValueError as exc:
        raise CredentialFormatError(_("The P-256 public key is not a valid point.")) from exc


def issuer_p256_key(method: dict[str, Any]) -> ec.EllipticCurvePublicKey:
    """The issuer's P-256 key from a verification method (Multikey or P-256 JWK)."""
    multibase = method.get("publicKeyMultibase")
    if isinstance(multibase, str):
        return p256_key(decode_multibase(multibase))
    jwk = method.get("publicKeyJwk")
    if isinstance(jwk, dict) and jwk.get("kty") == "EC" and jwk.get("crv") == "P-256":
        try:
            x, y = (base64.urlsafe_b64decode(str(jwk[c]) + "=" * (-len(str(jwk[c])) % 4)) for c in ("x", "y"))
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b"\x04" + x + y)
        except (KeyError, ValueError) as exc:
            raise CredentialFormatError(_("The issuer's P-256 key is not valid.")) from exc
    raise CredentialFormatError(_("The issuer's key is not a P-256 key, so it cannot check an ECDSA proof."))


def holds(key: ec.EllipticCurvePublicKey, signature: bytes, data: bytes) -> bool:
    """True when `signature` (64 bytes, r ‖ s) is `key`'s ECDSA-SHA-256 signature of `data`."""
    if len(signature) != 64:
        return False
    der = encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
    try:
        key.verify(der, data, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return False
    return True
