"""A bundle checks out WITHOUT our verifier: pyld (RDFC-1.0 / URDNA2015) and PyNaCl directly, contexts read
from resources/contexts only, keys read from the did:key strings themselves."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import base58
import pytest
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey
from pyld import jsonld

from tests.wallet.sharing.share_kit import NOW, make_kit
from wallet.session import Session

CONTEXTS = Path(__file__).resolve().parents[3] / "resources" / "contexts"
INDEX = json.loads((CONTEXTS / "index.json").read_text("utf-8"))


def _loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Only the published contexts shipped in resources/contexts; anything else is an error, never a fetch."""
    entry = INDEX[url]  # a KeyError here means the bundle needs a context we do not ship
    document = json.loads((CONTEXTS / entry["file"]).read_text("utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document}


def _canonical(document: dict[str, Any]) -> bytes:
    nquads = jsonld.normalize(document, {"algorithm": "URDNA2015", "format": "application/n-quads",
                                         "documentLoader": _loader, "safe": True})
    return str(nquads).encode("utf-8")


def _did_key(verification_method: str) -> bytes:
    """The raw Ed25519 key inside a did:key (multibase base58btc, multicodec 0xed01)."""
    fingerprint = verification_method.split("#")[0].removeprefix("did:key:")
    assert fingerprint.startswith("z")
    raw = base58.b58decode(fingerprint[1:])
    assert raw[:2] == b"\xed\x01" and len(raw) == 34
    return raw[2:]


def verify_eddsa_rdfc(document: dict[str, Any], purpose: str) -> bool:
    """vc-di-eddsa §3.3 (eddsa-rdfc-2022), written out here: hash(proof options) ‖ hash(document), Ed25519."""
    proof = document["proof"]
    assert (proof["type"], proof["cryptosuite"], proof["proofPurpose"]) == (
        "DataIntegrityProof", "eddsa-rdfc-2022", purpose)
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    options["@context"] = document["@context"]
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    data = hashlib.sha256(_canonical(options)).digest() + hashlib.sha256(_canonical(unsecured)).digest()
    signature = base58.b58decode(proof["proofValue"][1:])
    try:
        VerifyKey(_did_key(proof["verificationMethod"])).verify(data, signature)
    except BadSignatureError:
        return False
    return True


def verify_enveloped_jwt(item: dict[str, Any]) -> bool:
    """An EdDSA VC-JWT in a data: URL, checked against the did:key its header names."""
    token = item["id"].removeprefix("data:application/vc+jwt,")
    header_b64, payload_b64, signature_b64 = token.split(".")
    header = json.loads(base64.urlsafe_b64decode(header_b64 + "=" * (-len(header_b64) % 4)))
    assert header["alg"] == "EdDSA"
    signature = base64.urlsafe_b64decode(signature_b64 + "=" * (-len(signature_b64) % 4))
    try:
        VerifyKey(_did_key(header["kid"])).verify(f"{header_b64}.{payload_b64}".encode(), signature)
    except BadSignatureError:
        return False
    return True


def _signed_items(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    """Every Data Integrity credential in the bundle, a CLR's nested ones too."""
    found = []
    for item in bundle["verifiableCredential"]:
        if "proof" in item:
            found.append(item)
            subject = item.get("credentialSubject", {})
            found += [c for c in subject.get("verifiableCredential", []) if isinstance(c, dict) and "proof" in c]
    return found


@pytest.fixture
def bundle(session: Session) -> dict[str, Any]:
    kit = make_kit(session)
    return session.sharing.share(kit.view_id, to="ACME Logistics", now=NOW).bundle


def test_holder_proof_and_every_credential_verify_with_pyld_and_pynacl_alone(bundle: dict[str, Any]) -> None:
    """The holder's authentication proof, the statement, the self-asserted job, the badge, the CLR and its three
    courses (eddsa-rdfc-2022), and the JWT (EdDSA): all check out with standard pieces only."""
    assert verify_eddsa_rdfc(bundle, "authentication")
    signed = _signed_items(bundle)
    assert len(signed) == 7
    assert all(verify_eddsa_rdfc(item, "assertionMethod") for item in signed)
    enveloped = [i for i in bundle["verifiableCredential"] if i.get("type") == "EnvelopedVerifiableCredential"]
    assert len(enveloped) == 1 and verify_enveloped_jwt(enveloped[0])


def test_the_independent_check_catches_a_changed_statement_and_a_changed_recipient(bundle: dict[str, Any]) -> None:
    """The same standard pieces refuse a rewritten statement and a bundle re-pointed at another recipient."""
    changed = copy.deepcopy(bundle)
    changed["verifiableCredential"][0]["credentialSubject"]["narrative"]["text"] = "Certified crane operator."
    assert not verify_eddsa_rdfc(changed["verifiableCredential"][0], "assertionMethod")
    assert not verify_eddsa_rdfc(changed, "authentication")
    moved = copy.deepcopy(bundle)
    moved["proof"]["domain"] = "Other Corp"
    assert not verify_eddsa_rdfc(moved, "authentication")
