"""`ler-wallet verify` on ECDSA (ecdsa-jcs-2019, P-384) and on proofs it cannot check offline (bbs-2023)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import base58
import rfc8785
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"]


def _p384_signed() -> dict[str, Any]:
    """A credential its P-384 did:key issuer signed with ecdsa-jcs-2019, built by hand (JCS, SHA-384, r‖s)."""
    key = ec.generate_private_key(ec.SECP384R1())
    point = key.public_key().public_bytes(Encoding.X962, PublicFormat.CompressedPoint)
    multikey = "z" + base58.b58encode(b"\x81\x24" + point).decode()
    did = f"did:key:{multikey}"
    document = {
        "@context": CONTEXT,
        "type": ["VerifiableCredential", "AlumniCredential"],
        "name": "Alumni Credential",
        "issuer": did,
        "validFrom": "2023-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner", "alumniOf": "The School of Examples"},
    }
    proof = {"type": "DataIntegrityProof", "cryptosuite": "ecdsa-jcs-2019", "created": "2024-01-01T00:00:00Z",
             "verificationMethod": f"{did}#{multikey}", "proofPurpose": "assertionMethod", "@context": CONTEXT}
    data = hashlib.sha384(rfc8785.dumps(proof)).digest() + hashlib.sha384(rfc8785.dumps(document)).digest()
    r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA384())))
    proof["proofValue"] = "z" + base58.b58encode(r.to_bytes(48, "big") + s.to_bytes(48, "big")).decode()
    return {**document, "proof": proof}


def _checks(out: str) -> dict[str, str]:
    return {c["check"]: c["outcome"] for c in json.loads(out)["items"][0]["checks"]}


def test_p384_ecdsa_jcs_credential_verifies(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A P-384 ecdsa-jcs-2019 credential from a trusted did:key issuer is verified: signature and issuer key pass."""
    document = _p384_signed()
    path = tmp_path / "p384.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = cli("verify", str(path), "--json", "--trusted-issuer", document["issuer"], "--at", "2026-01-01")
    assert json.loads(result.out)["status"] == "verified", result.out
    assert _checks(result.out)["signature"] == "passed"
    assert _checks(result.out)["issuer key"] == "passed"
    assert result.code == 0


def test_changed_p384_credential_is_not_verified(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same credential with its subject changed fails its signature: not verified, exit 1."""
    document = _p384_signed()
    document["credentialSubject"]["alumniOf"] = "Another School"
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = cli("verify", str(path), "--json", "--at", "2026-01-01")
    assert json.loads(result.out)["status"] == "not_verified"
    assert _checks(result.out)["signature"] == "failed"
    assert result.code == 1


def test_bbs_proof_is_unverifiable_with_a_reason(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A bbs-2023 proof is 'not checked' with the suite named: the credential is unverifiable, never failed."""
    document = {**_p384_signed(), "proof": {"type": "DataIntegrityProof", "cryptosuite": "bbs-2023",
                                            "verificationMethod": "did:example:issuer#bls",
                                            "proofPurpose": "assertionMethod", "proofValue": "u2V0ChVhA"}}
    path = tmp_path / "bbs.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = cli("verify", str(path), "--json", "--at", "2026-01-01")
    report = json.loads(result.out)
    assert report["status"] == "unverifiable", result.out
    signature = next(c for c in report["items"][0]["checks"] if c["check"] == "signature")
    assert signature["outcome"] == "not checked"
    assert "bbs-2023" in signature["message"] and "cannot check" in signature["message"]
