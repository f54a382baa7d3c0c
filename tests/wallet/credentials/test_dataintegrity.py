"""The W3C vc-di-eddsa vectors reproduced step by step, and signatures that break on any change."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from nacl.signing import SigningKey

from wallet.credentials import dataintegrity as di
from wallet.credentials.keys import KeyResolver
from wallet.credentials.multikey import decode_multibase

VECTORS = Path(__file__).resolve().parents[2] / "fixtures" / "vc-di-eddsa"

# suite folder, file suffix, suite name, input document
SUITES = [
    ("eddsa-rdfc-2022", "DataInt", di.RDFC, "unsigned.json"),
    ("eddsa-rdfc-2022/employ", "DataInt", di.RDFC, "employmentAuth.json"),
    ("eddsa-jcs-2022", "JCS", di.JCS, "unsigned.json"),
    ("Ed25519Signature2020", "EdSig", di.ED25519_2020, "unsigned.json"),
]


def _load(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def _text(path: Path) -> str:
    return path.read_text("utf-8").strip()


def _seed() -> bytes:
    private = decode_multibase(_load(VECTORS / "keyPair.json")["privateKeyMultibase"])
    assert private[:2] == b"\x80\x26"
    return private[2:]


@pytest.mark.parametrize(("folder", "suffix", "suite", "unsigned"), SUITES, ids=[s[0] for s in SUITES])
def test_intermediate_values_match_the_vectors(folder: str, suffix: str, suite: str, unsigned: str) -> None:
    """Canonical document, hashes, canonical proof and combined hash are reproduced exactly."""
    base = VECTORS / folder
    document = _load(VECTORS / unsigned)
    config = _load(base / f"proofConfig{suffix}.json")
    data, _ = di.hash_data(document, config, suite)
    assert data.canonical_document.strip() == _text(base / f"canonDoc{suffix}.txt")
    assert data.doc_hash.hex() == _text(base / f"docHash{suffix}.txt")
    assert data.canonical_proof.strip() == _text(base / f"proofCanon{suffix}.txt")
    assert data.proof_hash.hex() == _text(base / f"proofHash{suffix}.txt")
    assert data.combined.hex() == _text(base / f"combinedHash{suffix}.txt")
    signature = SigningKey(_seed()).sign(data.combined).signature
    assert signature.hex() == _text(base / f"sigHex{suffix}.txt")
    assert "z" + __import__("base58").b58encode(signature).decode() == _text(base / f"sigBTC58{suffix}.txt")


@pytest.mark.parametrize(("folder", "suffix", "suite", "unsigned"), SUITES[:3], ids=[s[0] for s in SUITES[:3]])
def test_signing_reproduces_the_signed_document(folder: str, suffix: str, suite: str, unsigned: str) -> None:
    """Our signer, given the vector's key and options, writes the vector's signed document byte for byte."""
    base = VECTORS / folder
    expected = _load(base / f"signed{suffix}.json")
    proof = expected["proof"]
    signed = di.sign(
        _load(VECTORS / unsigned),
        suite=suite,
        verification_method=proof["verificationMethod"],
        created=proof["created"],
        signer=lambda m: SigningKey(_seed()).sign(m).signature,
    )
    assert signed == expected


SIGNED = [
    "eddsa-rdfc-2022/signedDataInt.json",
    "eddsa-rdfc-2022/employ/signedDataInt.json",
    "eddsa-jcs-2022/signedJCS.json",
    "Ed25519Signature2020/signedEdSig.json",
    "proof-set-chain/signedProofSet1.json",
    "proof-set-chain/signedProofSet2.json",
    "proof-set-chain/signedProofChain1.json",
    "proof-set-chain/signedProofChain2.json",
]


@pytest.mark.parametrize("name", SIGNED)
def test_signed_vectors_verify(name: str) -> None:
    """Every signed vector document verifies, every proof of a set or chain on its own."""
    results = di.verify_all(_load(VECTORS / name), KeyResolver())
    assert results and all(r.valid for r in results), [r.message for r in results]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _paths(v, (*prefix, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _paths(v, (*prefix, i))]
    return [prefix]


def _changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    text = str(value)
    return text[:-1] + ("A" if text[-1:] != "A" else "B")


@pytest.mark.parametrize("name", SIGNED)
def test_any_changed_value_breaks_the_signature(name: str) -> None:
    """Changing any single value (document or proof options) makes at least one proof fail."""
    original = _load(VECTORS / name)
    for path in _paths(original):
        if path[-1] == "@context":
            continue
        tampered = copy.deepcopy(original)
        node = tampered
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = _changed(node[path[-1]])
        results = di.verify_all(tampered, KeyResolver())
        assert not results or not all(r.valid for r in results), f"{name}: changing {path} went unnoticed"


def test_flipped_signature_byte_fails() -> None:
    """A proofValue with one changed character no longer verifies."""
    document = _load(VECTORS / "eddsa-rdfc-2022/signedDataInt.json")
    value = document["proof"]["proofValue"]
    document["proof"]["proofValue"] = value[:10] + ("2" if value[10] != "2" else "3") + value[11:]
    assert di.verify_all(document, KeyResolver())[0].valid is False


def test_second_path_checks_a_wallet_signature_step_by_step() -> None:
    """A credential the wallet signs is checked by an independent pipeline: pyld + hashlib + nacl, no wallet code."""
    from nacl.signing import VerifyKey
    from pyld import jsonld

    from wallet.credentials.contexts import document_loader

    seed = hashlib.sha256(b"second path").digest()
    key = SigningKey(seed)
    multikey = "z" + __import__("base58").b58encode(b"\xed\x01" + bytes(key.verify_key)).decode()
    did = f"did:key:{multikey}"
    document = _load(VECTORS / "unsigned.json")
    signed = di.sign(
        document,
        suite=di.RDFC,
        verification_method=f"{did}#{multikey}",
        created="2026-01-01T00:00:00Z",
        signer=lambda m: key.sign(m).signature,
    )

    def canon(doc: dict[str, Any]) -> bytes:
        out: str = jsonld.normalize(
            doc, {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": document_loader}
        )
        return out.encode()

    proof = dict(signed["proof"])
    signature = decode_multibase(proof.pop("proofValue"))
    proof["@context"] = signed["@context"]
    unsecured = {k: v for k, v in signed.items() if k != "proof"}
    message = hashlib.sha256(canon(proof)).digest() + hashlib.sha256(canon(unsecured)).digest()
    VerifyKey(bytes(key.verify_key)).verify(message, signature)  # raises if wrong
    unsecured["credentialSubject"]["alumniOf"] = "Another School"
    changed = hashlib.sha256(canon(proof)).digest() + hashlib.sha256(canon(unsecured)).digest()
    with pytest.raises(Exception, match="Signature"):
        VerifyKey(bytes(key.verify_key)).verify(changed, signature)


def test_unknown_cryptosuite_is_not_checked_rather_than_failed() -> None:
    """A proof type the wallet does not know is reported as not checked, never as valid."""
    document = _load(VECTORS / "eddsa-rdfc-2022/signedDataInt.json")
    document["proof"]["cryptosuite"] = "example-suite-2099"
    result = di.verify_all(document, KeyResolver())[0]
    assert result.valid is None and "cannot check" in result.message


def test_missing_chained_proof_is_an_error() -> None:
    """A proof that chains to a proof not present fails with a sentence naming it."""
    document = _load(VECTORS / "proof-set-chain/signedProofChain2.json")
    document["proof"] = [p for p in document["proof"] if "previousProof" in p]
    results = di.verify_all(document, KeyResolver())
    assert any(r.valid is False and "chains to" in r.message for r in results)


def test_a_proof_without_a_purpose_fails_and_says_why() -> None:
    """proofPurpose is required: a proof that does not say what it was made for is not read as "issuing"."""
    document = _load(VECTORS / "eddsa-rdfc-2022/signedDataInt.json")
    del document["proof"]["proofPurpose"]
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is False and "no proofPurpose" in result.message


def test_a_did_key_reference_to_a_key_it_does_not_have_fails() -> None:
    """did:key:A#B (B another key) names a key A's document cannot hold: a failure, not "not available offline"."""
    document = _load(VECTORS / "eddsa-rdfc-2022/signedDataInt.json")
    did = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    document["proof"]["verificationMethod"] = f"{did}#z6MketfDnhUoVCriU53doLzskirgZpRxnqUTtX5vR1VqfagY"
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is False and "which that DID does not have" in result.message
