"""Multibase and Multikey encodings used by Data Integrity proofs and did:key."""

from __future__ import annotations

import base64

import base58

from wallet.errors import CredentialFormatError
from wallet.i18n import _

ED25519_PUB_PREFIX = b"\xed\x01"
ED25519_PRIV_PREFIX = b"\x80\x26"


MAX_MULTIBASE_CHARS = 256
"""Keys and signatures are under 100 characters; base58 decoding is quadratic, so longer text is refused."""


def decode_multibase(value: str) -> bytes:
    """Decode base58btc ('z') or base64url ('u') multibase text."""
    if not isinstance(value, str) or len(value) < 2:
        raise CredentialFormatError(_("A key or signature value is empty or not text."))
    if len(value) > MAX_MULTIBASE_CHARS:
        raise CredentialFormatError(_("A key or signature value is far too long to be real."))
    prefix, body = value[0], value[1:]
    try:
        if prefix == "z":
            return bytes(base58.b58decode(body))
        if prefix == "u":
            if any(c in body for c in "+/="):
                raise ValueError(_("not base64url"))
            return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except ValueError as exc:
        raise CredentialFormatError(_("A key or signature value is not valid multibase text.")) from exc
    raise CredentialFormatError(_("A key or signature uses multibase prefix {prefix!r}, which the wallet "
                                  "cannot read.").format(
                prefix=prefix))


def encode_base58btc(data: bytes) -> str:
    return "z" + base58.b58encode(data).decode("ascii")


def ed25519_from_multikey(value: str) -> bytes:
    """The raw 32-byte Ed25519 public key in a publicKeyMultibase (z6Mk…) value."""
    data = decode_multibase(value)
    if data.startswith(ED25519_PUB_PREFIX) and len(data) == 34:
        return data[2:]
    if len(data) == 32 and value.startswith("z"):  # Ed25519VerificationKey2018 publicKeyBase58 style
        return data
    raise CredentialFormatError(_("The key is not an Ed25519 public key."))


def multikey_from_ed25519(raw: bytes) -> str:
    return encode_base58btc(ED25519_PUB_PREFIX + raw)
