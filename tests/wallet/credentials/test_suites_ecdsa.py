"""ecdsa-rdfc-2019 and ecdsa-jcs-2019 (P-256, P-384): the W3C vectors verify, changes break them, proof chains and
proof-level contexts are honoured, and suites the wallet cannot check (bbs-2023, MerkleProof2019) stay unverifiable."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import base58
import pytest
import rfc8785
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from wallet.credentials import dataintegrity as di
from wallet.credentials.formats import parse
from wallet.credentials.keys import KeyResolver
from wallet.credentials.report import CheckName, Outcome, Status
from wallet.credentials.verifier import Verifier, VerifyOptions

VECTORS = Path(__file__).resolve().parents[2] / "fixtures" / "ecdsa_2019"
SIGNED = sorted(p.name for p in VECTORS.glob("*.json"))
NOW = datetime(2025, 6, 1, tzinfo=UTC)
V2 = ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"]


def _load(name: str) -> dict[str, Any]:
    return dict(json.loads((VECTORS / name).read_text("utf-8")))


def _report_status(document: dict[str, Any]) -> Any:
    parsed = parse(json.dumps(document).encode("utf-8"))
    return Verifier(VerifyOptions(now=NOW, resolver=KeyResolver())).verify(parsed[0])


def test_all_six_public_vectors_are_present() -> None:
    """The fixture folder holds the six signed ecdsa-*-2019 vectors (P-256/P-384, RDFC/JCS, two documents)."""
    assert len(SIGNED) == 6


@pytest.mark.parametrize("name", SIGNED)
def test_w3c_vector_verifies(name: str) -> None:
    """Each W3C vc-di-ecdsa signed vector's proof is valid with its did:key."""
    [result] = di.verify_all(_load(name), KeyResolver())
    assert result.valid is True, result.message


@pytest.mark.parametrize("name", SIGNED)
def test_w3c_vector_changed_fails(name: str) -> None:
    """Changing the credential's validFrom after signing makes the proof fail, not 'not checked'."""
    document = _load(name)
    document["validFrom"] = "2001-01-01T00:00:00Z"
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is False
    assert "changed" in result.message


@pytest.mark.parametrize("name", SIGNED)
def test_w3c_vector_with_a_changed_signature_fails(name: str) -> None:
    """A proof value with one byte flipped (same length) fails."""
    document = _load(name)
    raw = bytearray(base58.b58decode(document["proof"]["proofValue"][1:]))
    raw[5] ^= 1
    document["proof"]["proofValue"] = "z" + base58.b58encode(bytes(raw)).decode()
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is False


# ----------------------------------------------------------------------------- signed in the test, by hand


def _multikey_p256(key: ec.EllipticCurvePrivateKey) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    point = key.public_key().public_bytes(Encoding.X962, PublicFormat.CompressedPoint)
    return "z" + base58.b58encode(b"\x80\x24" + point).decode()


def _raw_sig(key: ec.EllipticCurvePrivateKey, data: bytes) -> bytes:
    r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def _jcs_sign(
    document: dict[str, Any], key: ec.EllipticCurvePrivateKey, vm: str | None = None, **extra: Any
) -> dict[str, Any]:
    """Add an ecdsa-jcs-2019 proof computed directly from the spec (JCS, SHA-256, raw r‖s)."""
    multikey = _multikey_p256(key)
    signed = copy.deepcopy(document)
    existing = signed.pop("proof", None)
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": "ecdsa-jcs-2019",
        "created": "2024-01-01T00:00:00Z",
        "verificationMethod": vm or f"did:key:{multikey}#{multikey}",
        "proofPurpose": "assertionMethod",
        "@context": signed["@context"],
        **extra,
    }
    unsecured = dict(signed)
    if "previousProof" in extra:
        unsecured["proof"] = existing
    data = hashlib.sha256(rfc8785.dumps(proof)).digest() + hashlib.sha256(rfc8785.dumps(unsecured)).digest()
    proof["proofValue"] = "z" + base58.b58encode(_raw_sig(key, data)).decode()
    if existing is None:
        signed["proof"] = proof
    else:
        signed["proof"] = [existing, proof] if isinstance(existing, dict) else [*existing, proof]
    return signed


def _credential(issuer: str) -> dict[str, Any]:
    return {
        "@context": V2,
        "type": ["VerifiableCredential", "AlumniCredential"],
        "issuer": issuer,
        "validFrom": "2023-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner", "alumniOf": "The School of Examples"},
    }


def test_hand_signed_jcs_proof_verifies_and_report_is_verified() -> None:
    """A P-256 ecdsa-jcs-2019 proof made in the test by the issuer's did:key gives a 'verified' report."""
    key = ec.generate_private_key(ec.SECP256R1())
    did = "did:key:" + _multikey_p256(key)
    report = _report_status(_jcs_sign(_credential(did), key))
    assert report.status in (Status.VERIFIED, Status.VERIFIED_WITH_WARNINGS), report.to_json()
    assert any(c.check is CheckName.SIGNATURE and c.outcome is Outcome.PASSED for c in report.checks)


def test_proof_context_that_does_not_start_the_credentials_context_fails() -> None:
    """A proof-level @context is honoured: one the credential's @context does not start with fails the proof."""
    key = ec.generate_private_key(ec.SECP256R1())
    document = _jcs_sign(_credential("did:key:" + _multikey_p256(key)), key)
    document["proof"]["@context"] = ["https://www.w3.org/ns/credentials/examples/v2"]
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is False
    assert "@context" in result.message


def test_previous_proof_chain_verifies_in_order_and_breaks_when_the_first_changes() -> None:
    """A second proof chained by previousProof signs the first: both hold; altering the first breaks both."""
    key = ec.generate_private_key(ec.SECP256R1())
    cosigner = ec.generate_private_key(ec.SECP256R1())
    first = _jcs_sign(_credential("did:key:" + _multikey_p256(key)), key, id="urn:proof:1")
    chained = _jcs_sign(first, cosigner, id="urn:proof:2", previousProof="urn:proof:1")
    assert [r.valid for r in di.verify_all(chained, KeyResolver())] == [True, True]
    chained["proof"][0]["created"] = "2024-02-02T00:00:00Z"
    assert [r.valid for r in di.verify_all(chained, KeyResolver())] == [False, False]


def test_previous_proof_naming_a_missing_proof_fails() -> None:
    """A chain that names a proof the credential does not carry fails with a sentence naming it."""
    key = ec.generate_private_key(ec.SECP256R1())
    document = _jcs_sign(_credential("did:key:" + _multikey_p256(key)), key, previousProof="urn:proof:gone")
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is False
    assert "urn:proof:gone" in result.message


def test_p256_jwk_key_from_did_jwk_verifies() -> None:
    """An ecdsa-jcs-2019 proof whose key is a P-256 JWK (did:jwk) verifies."""
    key = ec.generate_private_key(ec.SECP256R1())
    numbers = key.public_key().public_numbers()

    def b64(n: int) -> str:
        return base64.urlsafe_b64encode(n.to_bytes(32, "big")).rstrip(b"=").decode()

    jwk = {"kty": "EC", "crv": "P-256", "x": b64(numbers.x), "y": b64(numbers.y)}
    did = "did:jwk:" + base64.urlsafe_b64encode(json.dumps(jwk).encode()).rstrip(b"=").decode()
    signed = _jcs_sign(_credential(did), key, vm=did + "#0")
    [result] = di.verify_all(signed, KeyResolver())
    assert result.valid is True, result.message


# ----------------------------------------------------------------------------- cannot check offline


@pytest.mark.parametrize(
    "proof",
    [
        {"type": "DataIntegrityProof", "cryptosuite": "bbs-2023", "proofPurpose": "assertionMethod",
         "verificationMethod": "did:example:issuer#bls", "proofValue": "u2V0ChVhA"},
        {"type": "MerkleProof2019", "proofPurpose": "assertionMethod",
         "verificationMethod": "did:example:issuer#key-1", "proofValue": "z7veGu1qoKR3AS5Aa"},
        {"type": "MerkleProof2017", "merkleRoot": "ab", "targetHash": "cd", "anchors": []},
        {"type": "DataIntegrityProof", "cryptosuite": "future-suite-2030", "proofValue": "zabc"},
    ],
    ids=["bbs-2023", "MerkleProof2019", "MerkleProof2017", "unknown-cryptosuite"],
)
def test_suites_the_wallet_cannot_check_are_unverifiable_with_a_sentence(proof: dict[str, Any]) -> None:
    """BBS, Blockcerts Merkle proofs and unknown cryptosuites are 'not checked' (unverifiable), never failed."""
    document = {**_credential("did:example:issuer"), "proof": proof}
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is None
    assert "cannot check" in result.message
    report = _report_status(document)
    assert report.status is Status.UNVERIFIABLE, report.to_json()
    assert not any(c.outcome is Outcome.FAILED for c in report.checks if c.check is CheckName.SIGNATURE)


def test_eddsa_rdfc_proof_context_is_honoured_too() -> None:
    """An eddsa-rdfc-2022 proof-level @context verifies when it starts the credential's, fails otherwise."""
    from nacl.signing import SigningKey

    from wallet.credentials.multikey import multikey_from_ed25519

    key = SigningKey(bytes(32))
    multikey = multikey_from_ed25519(bytes(key.verify_key))
    did = f"did:key:{multikey}"
    signed = di.sign(_credential(did), suite=di.RDFC, verification_method=f"{did}#{multikey}",
                     created="2024-01-01T00:00:00Z", signer=lambda d: key.sign(d).signature)
    signed["proof"]["@context"] = V2[:1]
    assert [r.valid for r in di.verify_all(signed, KeyResolver())] == [True]
    signed["proof"]["@context"] = V2[1:]
    [result] = di.verify_all(signed, KeyResolver())
    assert result.valid is False
    assert "@context" in result.message
