"""The learner's Ed25519 signing identity and its did:key form (multicodec ed25519-pub, base58btc)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import base58
from nacl import bindings, signing

from wallet.errors import InvalidInputError
from wallet.i18n import _

_ED25519_PUB = b"\xed\x01"
_X25519_PUB = b"\xec\x01"
SEED_BYTES = 32


def multibase_key(prefix: bytes, raw: bytes) -> str:
    """Multibase base58btc ('z') of a multicodec-prefixed key."""
    return "z" + base58.b58encode(prefix + raw).decode("ascii")


def decode_did_key(did: str) -> bytes:
    """The raw Ed25519 public key inside an Ed25519 did:key."""
    if not did.startswith("did:key:z") or len(did) > 200:
        raise InvalidInputError(_("That is not a base58btc Ed25519 did:key."))
    try:
        data = base58.b58decode(did[len("did:key:z") :].split("#")[0])
    except ValueError as exc:
        raise InvalidInputError(_("The did:key has characters that are not base58.")) from exc
    if not data.startswith(_ED25519_PUB) or len(data) != 2 + 32:
        raise InvalidInputError(_("The did:key is not an Ed25519 public key."))
    return data[2:]


@dataclass(frozen=True)
class Identity:
    """An Ed25519 key pair. `seed` is secret and lives only inside the encrypted store.

    Its repr and str show the public did:key only, never the seed.
    """

    seed: bytes = field(repr=False)

    def __repr__(self) -> str:
        try:
            return f"Identity(did={self.did!r})"
        except (TypeError, ValueError):  # a seed of the wrong size: still say nothing about it
            return "Identity(did=<not a valid key>)"

    __str__ = __repr__

    @classmethod
    def generate(cls) -> Identity:
        return cls(seed=bytes(signing.SigningKey.generate()))

    @property
    def public_key(self) -> bytes:
        return bytes(signing.SigningKey(self.seed).verify_key)

    @property
    def did(self) -> str:
        return "did:key:" + multibase_key(_ED25519_PUB, self.public_key)

    @property
    def verification_method(self) -> str:
        return f"{self.did}#{self.did[len('did:key:') :]}"

    def sign(self, message: bytes) -> bytes:
        """Detached 64-byte Ed25519 signature."""
        return bytes(signing.SigningKey(self.seed).sign(message).signature)

    def did_document(self) -> dict[str, Any]:
        """The did:key DID document (Multikey form) with its derived X25519 key agreement key."""
        return did_document(self.did)


def did_document(did: str) -> dict[str, Any]:
    """Resolve an Ed25519 did:key offline into its DID document."""
    public = decode_did_key(did)
    fingerprint = did[len("did:key:") :]
    x25519 = bindings.crypto_sign_ed25519_pk_to_curve25519(public)
    x_fingerprint = multibase_key(_X25519_PUB, x25519)
    vm_id = f"{did}#{fingerprint}"
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": [
            {"id": vm_id, "type": "Multikey", "controller": did, "publicKeyMultibase": fingerprint},
            {
                "id": f"{did}#{x_fingerprint}",
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": x_fingerprint,
            },
        ],
        "authentication": [vm_id],
        "assertionMethod": [vm_id],
        "capabilityInvocation": [vm_id],
        "capabilityDelegation": [vm_id],
        "keyAgreement": [f"{did}#{x_fingerprint}"],
    }
