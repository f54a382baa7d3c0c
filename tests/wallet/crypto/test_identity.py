"""Ed25519 identity and did:key, checked against the W3C CCG did:key test vectors."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import base58
import pytest
from nacl import exceptions as nacl_exceptions
from nacl.signing import VerifyKey

from wallet.crypto.identity import Identity, decode_did_key, did_document, multibase_key
from wallet.errors import InvalidInputError

VECTORS_FILE = Path(__file__).resolve().parents[2] / "fixtures" / "vectors" / "did-key" / "ed25519-x25519.json"
VECTORS: dict[str, dict[str, Any]] = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))


def _raw_public(pair: dict[str, Any]) -> bytes:
    """The raw public key of a vector key pair, whether given as base58 or as a JWK."""
    if "publicKeyBase58" in pair:
        return base58.b58decode(pair["publicKeyBase58"])
    x = pair["publicKeyJwk"]["x"]
    return base64.urlsafe_b64decode(x + "=" * (-len(x) % 4))


def _absolute(did: str, vm_id: str) -> str:
    """Vector ids are either '#fragment' or absolute; make them absolute."""
    return did + vm_id if vm_id.startswith("#") else vm_id


def test_vector_file_has_ed25519_vectors() -> None:
    """The copied vector file is present and holds several Ed25519 vectors."""
    assert len(VECTORS) >= 5
    assert all(did.startswith("did:key:z6Mk") for did in VECTORS)


@pytest.mark.parametrize("did", sorted(VECTORS), ids=lambda d: d[-8:])
def test_identity_matches_vector(did: str) -> None:
    """Identity(seed) yields exactly the vector's DID, verification method id and Ed25519 public key."""
    vector = VECTORS[did]
    identity = Identity(seed=bytes.fromhex(vector["seed"]))
    assert identity.did == did
    assert identity.verification_method == _absolute(did, vector["verificationKeyPair"]["id"])
    assert identity.public_key == _raw_public(vector["verificationKeyPair"])
    assert decode_did_key(did) == identity.public_key


@pytest.mark.parametrize("did", sorted(VECTORS), ids=lambda d: d[-8:])
def test_did_document_matches_vector_key_agreement(did: str) -> None:
    """The resolved DID document carries the vector's X25519 key agreement id and public key."""
    vector = VECTORS[did]
    document = Identity(seed=bytes.fromhex(vector["seed"])).did_document()
    expected_ka_id = _absolute(did, vector["keyAgreementKeyPair"]["id"])
    assert document["id"] == did
    assert document["keyAgreement"] == [expected_ka_id]
    methods = {vm["id"]: vm for vm in document["verificationMethod"]}
    ka = methods[expected_ka_id]
    x25519 = base58.b58decode(ka["publicKeyMultibase"][1:])
    assert x25519[:2] == b"\xec\x01"
    assert x25519[2:] == _raw_public(vector["keyAgreementKeyPair"])
    vm_id = _absolute(did, vector["verificationKeyPair"]["id"])
    assert methods[vm_id]["publicKeyMultibase"] == did.removeprefix("did:key:")
    for relation in ("authentication", "assertionMethod", "capabilityInvocation", "capabilityDelegation"):
        assert document[relation] == [vm_id]


def test_did_document_of_a_did_equals_identity_document() -> None:
    """Resolving a did:key offline gives the same document as the identity that owns it."""
    identity = Identity.generate()
    assert did_document(identity.did) == identity.did_document()


def test_signatures_verify_with_nacl() -> None:
    """A detached signature verifies with nacl's VerifyKey over the did:key's public key, and only for the message."""
    identity = Identity(seed=bytes.fromhex(next(iter(VECTORS.values()))["seed"]))
    message = b"a learner signs this"
    signature = identity.sign(message)
    assert len(signature) == 64
    verify_key = VerifyKey(decode_did_key(identity.did))
    assert verify_key.verify(message, signature) == message
    with pytest.raises(nacl_exceptions.BadSignatureError):
        verify_key.verify(b"a learner signs that", signature)


def test_generated_identities_are_distinct_and_well_formed() -> None:
    """Two generated identities differ, each with a 32-byte seed and a did:key:z6Mk DID."""
    first, second = Identity.generate(), Identity.generate()
    assert first.seed != second.seed and first.did != second.did
    assert len(first.seed) == 32 and first.did.startswith("did:key:z6Mk")


def test_decode_accepts_a_fragment() -> None:
    """A verification method id (DID plus fragment) decodes to the same public key as the DID."""
    identity = Identity.generate()
    assert decode_did_key(identity.verification_method) == identity.public_key


@pytest.mark.parametrize(
    "did",
    [
        "did:web:example.com",
        "did:key:" + "u" + "AAAA",  # multibase other than base58btc
        "did:key:z6Mk0OIl",  # 0, O, I and l are not base58
        "did:key:z",  # empty key
    ],
)
def test_decode_rejects_non_base58_did_key(did: str) -> None:
    """Non-did:key, non-base58btc and non-base58 inputs raise InvalidInputError, never a crash."""
    with pytest.raises(InvalidInputError):
        decode_did_key(did)


def test_decode_rejects_bad_base58_with_clear_message() -> None:
    """Characters outside base58 give a message that says so."""
    with pytest.raises(InvalidInputError, match="not base58"):
        decode_did_key("did:key:z6MkO0O0")


@pytest.mark.parametrize(
    ("prefix", "length"),
    [
        (b"\xec\x01", 32),  # X25519 multicodec
        (b"\xe7\x01", 33),  # secp256k1 multicodec
        (b"\xed\x01", 31),  # Ed25519 codec but the key is short
        (b"\xed\x01", 33),  # Ed25519 codec but the key is long
    ],
)
def test_decode_rejects_wrong_multicodec_or_length(prefix: bytes, length: int) -> None:
    """A did:key that is not a 32-byte Ed25519 key is refused with a clear message."""
    did = "did:key:" + multibase_key(prefix, b"\x07" * length)
    with pytest.raises(InvalidInputError, match="not an Ed25519 public key"):
        decode_did_key(did)
