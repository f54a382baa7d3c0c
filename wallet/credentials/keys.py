"""Finding the public key behind a proof's `verificationMethod`, offline, and who controls it.

Sources, in the order tried:
- did:key — the key is the identifier itself.
- did:jwk — the key is the base64url JWK inside the identifier.
- DID documents and keys the learner imported into the wallet or passed on the command line
  (did:web, https key URLs, OB 2.0 CryptographicKey documents).
- As a last resort, an `https://…#z6Mk…` link whose fragment is a Multikey. Anyone can write such a link,
  so a key found this way checks the signature's arithmetic only: it is never tied to the issuer.

Whether a key found here speaks for a credential's issuer is a separate question, answered in `binding`.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from wallet.credentials.formats import as_list
from wallet.credentials.jose import resolve_did_jwk
from wallet.credentials.multikey import ed25519_from_multikey
from wallet.errors import CredentialFormatError
from wallet.i18n import _


class KeySource(StrEnum):
    DID_KEY = "did:key"
    DID_JWK = "did:jwk"
    DID_DOCUMENT = "an imported DID document"
    SUPPLIED_KEY = "a key you supplied"
    LINK_FRAGMENT = "the key written in the proof's link"


@dataclass(frozen=True)
class KeyMaterial:
    """A verification method object and where it came from."""

    id: str
    controller: str | None
    method: dict[str, Any]
    source: KeySource

    def ed25519(self) -> bytes:
        """The raw Ed25519 public key, for Data Integrity proofs."""
        method = self.method
        if isinstance(method.get("publicKeyMultibase"), str):
            return ed25519_from_multikey(method["publicKeyMultibase"])
        if isinstance(method.get("publicKeyBase58"), str):
            return ed25519_from_multikey("z" + method["publicKeyBase58"])
        jwk = method.get("publicKeyJwk")
        if isinstance(jwk, dict) and jwk.get("kty") == "OKP" and jwk.get("crv") == "Ed25519":
            x = str(jwk.get("x", ""))
            try:
                raw = base64.urlsafe_b64decode(x + "=" * (-len(x) % 4))
            except ValueError as exc:
                raise CredentialFormatError(_("The issuer's key is not valid base64url.")) from exc
            if len(raw) == 32:
                return raw
        raise CredentialFormatError(_("The issuer's key is not an Ed25519 key, so it cannot check this proof."))

    def jwk(self) -> dict[str, Any] | None:
        jwk = self.method.get("publicKeyJwk")
        return jwk if isinstance(jwk, dict) else None


def did_of(url: str) -> str:
    return url.split("#", 1)[0]


def did_jwk_document(did: str) -> dict[str, Any]:
    """Resolve did:jwk offline (the DID is the key); jose checks the key is a public signing key."""
    document, _unused = resolve_did_jwk(did)
    return document


def _method_in_document(document: dict[str, Any], vm_id: str) -> dict[str, Any] | None:
    """The verification method `vm_id` in a DID/controller document (or the document itself when it is the key)."""
    doc_id = str(document.get("id", ""))

    def absolute(ref: str) -> str:
        return doc_id + ref if ref.startswith("#") else ref

    methods: dict[str, dict[str, Any]] = {}
    for entry in as_list(document.get("verificationMethod")) + as_list(document.get("publicKey")):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            methods[absolute(entry["id"])] = entry
    for ref in as_list(document.get("assertionMethod")):
        if isinstance(ref, dict) and absolute(str(ref.get("id", ""))) == vm_id:
            methods[vm_id] = ref
    method = methods.get(vm_id)
    if (
        method is None
        and document.get("id") == vm_id
        and any(name in document for name in ("publicKeyMultibase", "publicKeyBase58", "publicKeyJwk", "publicKeyPem"))
    ):
        return document  # the document is itself the key (OB 2.0 CryptographicKey, Multikey document)
    return method


@dataclass
class KeyResolver:
    """Resolves verification methods from offline sources only."""

    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    """DID documents and key documents the user supplied, by id."""

    def add_document(self, document: dict[str, Any]) -> None:
        """Add a DID document, a controller document, a single key (Multikey/JWK VM) or an OB 2.0 CryptographicKey."""
        if not isinstance(document, dict) or not isinstance(document.get("id"), str):
            raise CredentialFormatError(_("A DID document or key must be a JSON object with an \"id\"."))
        self.documents[document["id"]] = document

    def resolve(self, vm_id: str) -> KeyMaterial | None:
        """The key for `vm_id`, or None when it is not available offline."""
        if not isinstance(vm_id, str) or not vm_id:
            return None
        did = did_of(vm_id)
        if did.startswith("did:key:"):
            fingerprint = did[len("did:key:") :]
            if "#" in vm_id and vm_id.split("#", 1)[1] != fingerprint:
                return None
            key_method: dict[str, Any] = {
                "id": f"{did}#{fingerprint}",
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": fingerprint,
            }
            return KeyMaterial(vm_id, did, key_method, KeySource.DID_KEY)
        if did.startswith("did:jwk:"):
            document = did_jwk_document(did)
            if "#" in vm_id and not vm_id.endswith("#0"):
                return None
            return KeyMaterial(vm_id, did, document["verificationMethod"][0], KeySource.DID_JWK)
        if vm_id in self.documents:
            method = _method_in_document(self.documents[vm_id], vm_id)
            if method is not None:
                controller = method.get("controller") or method.get("owner")
                return KeyMaterial(vm_id, str(controller) if controller else None, method, KeySource.SUPPLIED_KEY)
        if did in self.documents:
            method = _method_in_document(self.documents[did], vm_id)
            if method is not None:
                source = KeySource.DID_DOCUMENT if did.startswith("did:") else KeySource.SUPPLIED_KEY
                return KeyMaterial(vm_id, did, method, source)
        if "#" in vm_id and vm_id.split("#", 1)[1].startswith(("z6Mk", "zDna")):  # Ed25519 or P-256 Multikey
            fragment = vm_id.split("#", 1)[1]
            method = {"id": vm_id, "type": "Multikey", "publicKeyMultibase": fragment}
            return KeyMaterial(vm_id, None, method, KeySource.LINK_FRAGMENT)
        return None
