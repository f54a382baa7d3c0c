"""Ed25519Signature2018 and JsonWebSignature2020 (Ed25519 and P-256 keys): detached JWS proofs made by hand in the
test verify, changes break them, and algorithms the wallet does not implement are 'cannot check'."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import base58
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from nacl.signing import SigningKey
from pyld import jsonld

from wallet.credentials import dataintegrity as di
from wallet.credentials.contexts import document_loader
from wallet.credentials.formats import parse
from wallet.credentials.keys import KeyResolver
from wallet.credentials.report import Outcome, Status
from wallet.credentials.verifier import Verifier, VerifyOptions

NOW = datetime(2025, 6, 1, tzinfo=UTC)
V1 = "https://www.w3.org/2018/credentials/v1"
EXAMPLES_V1 = "https://www.w3.org/2018/credentials/examples/v1"
JWS_2020_CONTEXT = "https://w3id.org/security/suites/jws-2020/v1"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _nquads(document: dict[str, Any]) -> bytes:
    """URDNA2015 N-Quads straight from pyld with the bundled contexts (not through the wallet's helpers)."""
    options = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": document_loader}
    return str(jsonld.normalize(document, options)).encode("utf-8")


def _credential(issuer: str, contexts: list[str]) -> dict[str, Any]:
    return {
        "@context": [V1, EXAMPLES_V1, *contexts],
        "id": "urn:uuid:3f1c0e6a-8c1e-4a55-9b61-5d0a7c1f0001",
        "type": ["VerifiableCredential", "AlumniCredential"],
        "issuer": issuer,
        "issuanceDate": "2023-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner", "alumniOf": "The School of Examples"},
    }


def _sign_jws(
    document: dict[str, Any], suite: str, vm: str, alg: str, sign: Any, header: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Add a detached-JWS Linked Data proof built by hand: b64(header) '.' sha256(options) ‖ sha256(document)."""
    proof: dict[str, Any] = {
        "type": suite,
        "created": "2024-01-01T00:00:00Z",
        "verificationMethod": vm,
        "proofPurpose": "assertionMethod",
    }
    options = {**proof, "@context": document["@context"]}
    head = _b64(json.dumps(header or {"alg": alg, "b64": False, "crit": ["b64"]}).encode())
    data = head.encode() + b"." + hashlib.sha256(_nquads(options)).digest() + hashlib.sha256(_nquads(document)).digest()
    proof["jws"] = head + ".." + _b64(sign(data))
    return {**copy.deepcopy(document), "proof": proof}


def _ed25519() -> tuple[SigningKey, str]:
    key = SigningKey.generate()
    multikey = "z" + base58.b58encode(b"\xed\x01" + bytes(key.verify_key)).decode()
    return key, f"did:key:{multikey}"


def _ed25519_2018(header: dict[str, Any] | None = None) -> dict[str, Any]:
    key, did = _ed25519()
    vm = f"{did}#{did.split(':')[2]}"
    return _sign_jws(_credential(did, []), "Ed25519Signature2018", vm, "EdDSA", lambda d: key.sign(d).signature, header)


def _did_jwk(jwk: dict[str, Any]) -> str:
    return "did:jwk:" + _b64(json.dumps(jwk).encode())


def _p256_jws2020(curve_name: str = "P-256", alg: str = "ES256") -> dict[str, Any]:
    key = ec.generate_private_key(ec.SECP256R1())
    numbers = key.public_key().public_numbers()
    jwk = {"kty": "EC", "crv": curve_name, "x": _b64(numbers.x.to_bytes(32, "big")),
           "y": _b64(numbers.y.to_bytes(32, "big"))}
    did = _did_jwk(jwk)

    def sign(data: bytes) -> bytes:
        r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    return _sign_jws(_credential(did, [JWS_2020_CONTEXT]), "JsonWebSignature2020", did + "#0", alg, sign)


def _ed25519_jws2020() -> dict[str, Any]:
    key = SigningKey.generate()
    did = _did_jwk({"kty": "OKP", "crv": "Ed25519", "x": _b64(bytes(key.verify_key))})
    return _sign_jws(_credential(did, [JWS_2020_CONTEXT]), "JsonWebSignature2020", did + "#0", "EdDSA",
                     lambda d: key.sign(d).signature)


MAKERS = {"Ed25519Signature2018": _ed25519_2018, "JWS2020-Ed25519": _ed25519_jws2020, "JWS2020-P256": _p256_jws2020}


def _status(document: dict[str, Any]) -> Status:
    parsed = parse(json.dumps(document).encode("utf-8"))
    return Verifier(VerifyOptions(now=NOW, resolver=KeyResolver())).verify(parsed[0]).status


@pytest.mark.parametrize("maker", MAKERS.values(), ids=MAKERS.keys())
def test_hand_made_proof_verifies(maker: Any) -> None:
    """A detached JWS made in the test with the issuer's own key verifies, and the report is verified."""
    document = maker()
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is True, result.message
    assert _status(document) in (Status.VERIFIED, Status.VERIFIED_WITH_WARNINGS)


@pytest.mark.parametrize("maker", MAKERS.values(), ids=MAKERS.keys())
def test_changed_subject_fails(maker: Any) -> None:
    """Changing a subject value after signing fails the proof and the report is not_verified."""
    document = maker()
    document["credentialSubject"]["alumniOf"] = "Another School"
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is False
    assert _status(document) is Status.NOT_VERIFIED


@pytest.mark.parametrize("maker", MAKERS.values(), ids=MAKERS.keys())
def test_changed_proof_options_fail(maker: Any) -> None:
    """Changing the proof's created date (part of the signed options) fails the proof."""
    document = maker()
    document["proof"]["created"] = "2030-01-01T00:00:00Z"
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is False


def test_encoded_payload_header_is_refused() -> None:
    """A JWS whose header does not say b64:false is not this suite's form and fails with a sentence."""
    document = _ed25519_2018(header={"alg": "EdDSA"})
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is False
    assert "b64" in result.message


def test_attached_payload_jws_fails() -> None:
    """A jws with a payload in the middle is not a detached signature and fails."""
    document = _ed25519_2018()
    head, _, sig = document["proof"]["jws"].split(".")
    document["proof"]["jws"] = f"{head}.eyJ4IjoxfQ.{sig}"
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is False


def test_algorithm_the_wallet_does_not_implement_is_unverifiable() -> None:
    """A JsonWebSignature2020 proof with ES256K is 'cannot check' and the report is unverifiable, not failed."""
    document = _p256_jws2020(alg="ES256K")
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is None
    assert "cannot check" in result.message
    assert _status(document) is Status.UNVERIFIABLE


def test_ed25519_2018_claiming_es256_fails() -> None:
    """An Ed25519Signature2018 proof must be EdDSA; another algorithm is a broken proof."""
    key, did = _ed25519()
    document = _sign_jws(_credential(did, []), "Ed25519Signature2018", f"{did}#{did.split(':')[2]}", "ES256",
                         lambda d: key.sign(d).signature)
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is False


def test_undefined_term_is_named_as_a_warning() -> None:
    """A field no context defines is outside the signature: the report names it as a format warning."""
    key, did = _ed25519()
    credential = _credential(did, [])
    credential["credentialSubject"]["favouriteColour"] = "blue"
    document = _sign_jws(credential, "Ed25519Signature2018", f"{did}#{did.split(':')[2]}", "EdDSA",
                         lambda d: key.sign(d).signature)
    parsed = parse(json.dumps(document).encode("utf-8"))
    report = Verifier(VerifyOptions(now=NOW, resolver=KeyResolver())).verify(parsed[0])
    assert report.status is Status.VERIFIED_WITH_WARNINGS, report.to_json()
    assert any(c.outcome is Outcome.WARNING and "favouriteColour" in c.message for c in report.checks)


def test_ed25519_2018_signed_with_security_v2_proof_options_verifies() -> None:
    """Older signers put the security/v2 @context in the proof options; such an Ed25519Signature2018 proof holds."""
    key, did = _ed25519()
    document = _credential(did, [])
    proof = {"type": "Ed25519Signature2018", "created": "2024-01-01T00:00:00Z",
             "verificationMethod": f"{did}#{did.split(':')[2]}", "proofPurpose": "assertionMethod"}
    head = _b64(json.dumps({"alg": "EdDSA", "b64": False, "crit": ["b64"]}).encode())
    options = {**proof, "@context": "https://w3id.org/security/v2"}
    data = head.encode() + b"." + hashlib.sha256(_nquads(options)).digest() + hashlib.sha256(_nquads(document)).digest()
    signed = {**document, "proof": {**proof, "jws": head + ".." + _b64(key.sign(data).signature)}}
    [result] = di.verify_all(signed, KeyResolver())
    assert result.valid is True, result.message
    signed["credentialSubject"]["alumniOf"] = "Another School"
    [result] = di.verify_all(signed, KeyResolver())
    assert result.valid is False
