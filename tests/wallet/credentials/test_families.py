"""Open Badges 1.x, Blockcerts v2/v3 and Europass credentials are named for what they are on import."""

from __future__ import annotations

import json
from typing import Any

from wallet.credentials.report import CheckName, Outcome
from wallet.session import Session

OB2 = "https://w3id.org/openbadges/v2"


def _import(session: Session, document: dict[str, Any]) -> tuple[str, str, dict[str, tuple[str, str]]]:
    """Import one document through the real import path: its outcome message, status and checks by name."""
    [outcome] = session.credentials.import_bytes(json.dumps(document).encode(), "given.json")
    assert outcome.outcome == "imported", outcome.message
    assert outcome.record_id is not None and outcome.status is not None
    report = session.credentials.last_report(outcome.record_id)
    assert report is not None
    checks = {str(c.check): (str(c.outcome), c.message) for c in report.checks}
    return outcome.message, outcome.status, checks


def _blockcerts_v2() -> dict[str, Any]:
    return {
        "@context": [OB2, "https://w3id.org/blockcerts/v2"],
        "type": "Assertion",
        "id": "urn:uuid:bbba8553-8ec1-445f-82c9-a57251dd731c",
        "issuedOn": "2017-06-29T14:58:57.461422+00:00",
        "recipient": {"type": "email", "identity": "learner@example.org", "hashed": False},
        "badge": {"type": "BadgeClass", "id": "urn:uuid:82a4c9f2-3588-457b-80ea-da695571b8fc",
                  "name": "Certificate of Accomplishment", "description": "Completed the course.",
                  "issuer": {"type": "Profile", "id": "https://issuer.example/profile.json",
                             "name": "Example University"}},
        "verification": {"type": ["MerkleProofVerification2017", "Extension"],
                         "publicKey": "ecdsa-koblitz-pubkey:msBCHdwaQ7N2ypBYupkp6uNxtr9Pg76imj"},
        "signature": {"type": ["MerkleProof2017", "Extension"], "targetHash": "ab" * 32, "merkleRoot": "ab" * 32,
                      "proof": [],
                      "anchors": [{"sourceId": "cd" * 32, "type": "BTCOpReturn", "chain": "bitcoinTestnet"}]},
    }


def test_blockcerts_v2_is_named_and_unverifiable_never_hosted(session: Session) -> None:
    """A Blockcerts v2 certificate is 'Blockcerts v2', its anchor 'cannot be checked offline', status unverifiable."""
    message, status, checks = _import(session, _blockcerts_v2())
    assert message == "Imported Blockcerts v2 (JSON-LD)."
    assert status == "unverifiable", checks
    outcome, sentence = checks[str(CheckName.SIGNATURE)]
    assert outcome == str(Outcome.NOT_CHECKED) and "blockchain" in sentence and "offline" in sentence
    assert "hosted" not in json.dumps(checks)


def test_blockcerts_v3_is_named_and_its_merkle_proof_not_checked(session: Session) -> None:
    """A Blockcerts v3 credential (MerkleProof2019) is 'Blockcerts v3' and unverifiable, never a failed signature."""
    document = {
        "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/blockcerts/v3"],
        "type": ["VerifiableCredential", "BlockcertsCredential"],
        "id": "urn:uuid:3a2d1c8e-5b0c-4c57-9b1f-7e3f7a1d2c44",
        "issuer": "did:example:23adb1f712ebc6f1c276eba4dfa",
        "issuanceDate": "2022-01-01T19:33:24Z",
        "credentialSubject": {"id": "did:example:learner", "name": "Ada", "claim": {"name": "Master of Puppets"}},
        "proof": {"type": "MerkleProof2019", "created": "2022-01-01T19:33:24Z", "proofValue": "z7veGu1qoKR3",
                  "proofPurpose": "assertionMethod",
                  "verificationMethod": "did:example:23adb1f712ebc6f1c276eba4dfa#key-1"},
    }
    message, status, checks = _import(session, document)
    assert message == "Imported Blockcerts v3 (JSON-LD)."
    assert status == "unverifiable"
    assert checks[str(CheckName.SIGNATURE)][0] == str(Outcome.NOT_CHECKED)
    assert "MerkleProof2019" in checks[str(CheckName.SIGNATURE)][1]


def test_europass_credential_is_shown_and_jades_said_not_checked(session: Session) -> None:
    """A Europass EDC is named, its content kept, and its JAdES signature 'cannot check offline'."""
    document = {
        "@context": ["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"],
        "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
        "id": "urn:credential:5e8b2d3a-94a6-4f5e-8d7c-0b1a2c3d4e5f",
        "issuer": {"id": "urn:epass:org:1", "type": "Organisation", "legalName": {"en": "Example Institute"}},
        "issuanceDate": "2023-03-01T00:00:00Z",
        "credentialSubject": {"id": "urn:epass:person:1", "type": "Person", "givenName": {"en": "Ada"}},
    }
    message, status, checks = _import(session, document)
    assert message == "Imported Europass European Digital Credential (JSON-LD)."
    assert status == "unverifiable"
    outcome, sentence = checks[str(CheckName.SIGNATURE)]
    assert outcome == str(Outcome.NOT_CHECKED) and "JAdES" in sentence


def test_open_badges_1_hosted_assertion_is_named_1x(session: Session) -> None:
    """An Open Badges 1.x hosted assertion is named 'Open Badges 1.x', never 'Open Badges 2.0'."""
    document = {
        "uid": "f2c20",
        "recipient": {"type": "email", "hashed": True, "identity": "sha256$c7ef86405ba71b85acd8e2e95166c4b1"},
        "badge": "https://issuer.example/badge-class.json",
        "verify": {"type": "hosted", "url": "https://issuer.example/assertions/f2c20.json"},
        "issuedOn": 1359217910,
    }
    message, status, checks = _import(session, document)
    assert message.startswith("Imported Open Badges 1.x (")
    assert status == "unverifiable"
    assert checks[str(CheckName.SIGNATURE)][1].startswith("This is a hosted Open Badges 1.x badge")
    assert "2.0" not in checks[str(CheckName.SIGNATURE)][1]
