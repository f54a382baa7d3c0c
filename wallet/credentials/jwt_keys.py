"""Which key a JOSE token's `kid` names, found offline.

Without a `kid`, an `iss` that is a did:key or did:jwk names its one key. A `kid` is read, in order, as:

* an absolute DID URL or URL (`did:jwk:…#0`, `https://issuer.example/keys#1`), resolved as any proof's key;
* a fragment of the token's `iss` (`<iss>#<kid>`), as VC-JWT issuers with DID documents write it;
* a bare key id or RFC 7638 thumbprint (as the W3C VC-JOSE-COSE test suite writes it): a supplied verification
  method controlled by `iss` whose JWK carries that `kid` or has that thumbprint.

Finding a key says nothing yet about whose it is: `binding.issuer_binding` answers that.
"""

from __future__ import annotations

from typing import Any

from wallet.credentials import jose
from wallet.credentials.formats import as_list
from wallet.credentials.keys import KeyMaterial, KeyResolver, did_of
from wallet.credentials.multikey import decode_multibase
from wallet.credentials.p256 import p256_key
from wallet.errors import WalletError


def _methods(document: dict[str, Any]) -> list[dict[str, Any]]:
    found = [document] if isinstance(document.get("publicKeyJwk"), dict) else []
    for name in ("verificationMethod", "assertionMethod", "authentication"):
        found += [entry for entry in as_list(document.get(name)) if isinstance(entry, dict)]
    return found


def _names(jwk: dict[str, Any], kid: str) -> bool:
    if jwk.get("kid") == kid:
        return True
    try:
        return jose.key_from_jwk(jwk).thumbprint() == kid
    except WalletError:
        return False


def _controlled_by(method: dict[str, Any], document: dict[str, Any], iss: str | None) -> bool:
    if iss is None:
        return True
    method_id = method.get("id")
    owners = {method.get("controller"), document.get("id")}
    if isinstance(method_id, str):
        owners.add(did_of(method_id))
    return iss in owners


def find_key(resolver: KeyResolver, kid: object, iss: object) -> KeyMaterial | None:
    """The key a token's `kid` names (relative to `iss`), or None when it is not at hand offline."""
    issuer = iss if isinstance(iss, str) and iss else None
    if kid is None and issuer is not None:  # no kid at all (an odd one is never guessed past)
        if issuer.startswith("did:jwk:"):  # the identifier is the key: nothing to choose
            return resolver.resolve(f"{issuer}#0")
        if issuer.startswith("did:key:"):
            return resolver.resolve(f"{issuer}#{issuer[len('did:key:'):]}")
    if not isinstance(kid, str) or not kid:
        return None
    if ":" in kid:
        return resolver.resolve(kid)
    if issuer is not None:
        found = resolver.resolve(f"{issuer}#{kid}")
        if found is not None:
            return found
    for document in list(resolver.documents.values()):
        if not isinstance(document, dict):
            continue
        for method in _methods(document):
            jwk = method.get("publicKeyJwk")
            method_id = method.get("id")
            if not isinstance(jwk, dict) or not isinstance(method_id, str):
                continue
            if _names(jwk, kid) and _controlled_by(method, document, issuer):
                return resolver.resolve(method_id)
    return None


def public_key_of(key: KeyMaterial) -> jose.PublicKey:
    """The JOSE public key of a verification method: PEM, JWK, or an Ed25519 / P-256 Multikey (did:key)."""
    method = key.method
    if isinstance(method.get("publicKeyPem"), str):
        return jose.key_from_pem(method["publicKeyPem"], id=key.id, controller=key.controller)
    jwk = key.jwk()
    if jwk is not None:
        return jose.key_from_jwk(jwk, id=key.id, controller=key.controller)
    multibase = method.get("publicKeyMultibase")
    if isinstance(multibase, str) and multibase.startswith("zDn"):
        return jose.PublicKey("EC", p256_key(decode_multibase(multibase)), key.id, key.controller)
    return jose.key_from_ed25519(key.ed25519(), id=key.id, controller=key.controller)
