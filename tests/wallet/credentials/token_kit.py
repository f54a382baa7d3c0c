"""Keys made in the test and tokens signed with them, for the JOSE / SD-JWT / presentation token tests."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from nacl.signing import SigningKey

from wallet.credentials import formats, jose
from wallet.credentials.keys import KeyResolver
from wallet.credentials.multikey import multikey_from_ed25519
from wallet.credentials.report import ItemReport
from wallet.credentials.verifier import Verifier, VerifyOptions

NOW = datetime(2026, 1, 1, tzinfo=UTC)
V2 = "https://www.w3.org/ns/credentials/v2"
V1 = "https://www.w3.org/2018/credentials/v1"


@dataclass(frozen=True)
class Signer:
    """A key made in the test: its DID, the kid to put in a header, its algorithm and how it signs."""

    did: str
    kid: str
    alg: str
    sign: Callable[[bytes], bytes]
    jwk: dict[str, str]


def ed25519_did_key(label: str) -> Signer:
    """An Ed25519 did:key signer (deterministic from the label)."""
    key = SigningKey(hashlib.sha256(label.encode()).digest())
    multikey = multikey_from_ed25519(bytes(key.verify_key))
    public = jose.key_from_ed25519(bytes(key.verify_key))
    return Signer(f"did:key:{multikey}", f"did:key:{multikey}#{multikey}", "EdDSA",
                  lambda m: bytes(key.sign(m).signature), public.jwk())


def ec_did_jwk(curve: ec.EllipticCurve | None = None) -> Signer:
    """A did:jwk signer on P-256 (ES256), P-384 (ES384) or P-521 (ES512)."""
    curve = curve or ec.SECP256R1()
    private = ec.generate_private_key(curve)
    public = jose.PublicKey("EC", private.public_key())
    alg, digest, size = {
        "secp256r1": ("ES256", hashes.SHA256(), 32),
        "secp384r1": ("ES384", hashes.SHA384(), 48),
        "secp521r1": ("ES512", hashes.SHA512(), 66),
    }[curve.name]

    def sign(message: bytes) -> bytes:
        r, s = decode_dss_signature(private.sign(message, ec.ECDSA(digest)))
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")

    did = jose.did_jwk_for(public)
    return Signer(did, f"{did}#0", alg, sign, public.jwk())


def token(signer: Signer, payload: dict[str, Any], **header: Any) -> str:
    """A compact JWS over the JSON payload, kid and alg from the signer unless given."""
    fields = {"alg": signer.alg, "kid": signer.kid, **header}
    fields = {k: v for k, v in fields.items() if v is not None}
    return jose.sign_compact(fields, json.dumps(payload).encode(), signer.sign)


def credential_v2(issuer: str, subject: str = "did:example:learner", **extra: Any) -> dict[str, Any]:
    """A small VC 2.0 credential."""
    return {
        "@context": [V2],
        "id": "urn:uuid:6f0c1c36-5d0b-4a43-9a8b-6f3a1d8e0a01",
        "type": ["VerifiableCredential"],
        "issuer": issuer,
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {"id": subject, "name": "Forklift safety"},
        **extra,
    }


def credential_v1(issuer: Any, **extra: Any) -> dict[str, Any]:
    """A small VC 1.1 credential, as carried in a VC-JWT `vc` claim."""
    return {
        "@context": [V1],
        "type": ["VerifiableCredential"],
        "issuer": issuer,
        "issuanceDate": "2025-01-01T00:00:00Z",
        "credentialSubject": {"name": "Forklift safety"},
        **extra,
    }


def verify(data: bytes | str, *, documents: list[dict[str, Any]] | None = None,
           now: datetime = NOW, challenge: str | None = None, domain: str | None = None) -> list[ItemReport]:
    """Every credential in `data`, verified with the given supplied documents (and what a verifier asked)."""
    resolver = KeyResolver()
    for document in documents or []:
        resolver.add_document(document)
    verifier = Verifier(VerifyOptions(now=now, resolver=resolver, challenge=challenge, domain=domain))
    raw = data.encode() if isinstance(data, str) else data
    return [verifier.verify(item) for item in formats.parse(raw)]


def messages(report: ItemReport) -> str:
    """Every check's sentence, for assertions about what the report says."""
    return " | ".join(f"{c.check}:{c.outcome}:{c.message}" for c in report.checks)
