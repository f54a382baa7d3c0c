"""A presentation's holder proof is checked and reported on import; its credentials are still judged one by one."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from wallet.credentials import dataintegrity, demo_issuers
from wallet.crypto.identity import Identity
from wallet.session import Session

HOLDER = Identity(hashlib.sha256(b"presentation test holder").digest())
STRANGER = Identity(hashlib.sha256(b"presentation test stranger").digest())
OPTIONS = {"proofPurpose": "authentication", "challenge": "c-1", "domain": "employer.example"}


def _presentation(session: Session, holder: str = HOLDER.did) -> dict[str, Any]:
    return {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
            "holder": holder, "verifiableCredential": [demo_issuers.forklift_badge(session.did)]}


def _signed(document: dict[str, Any], by: Identity = HOLDER) -> dict[str, Any]:
    return dataintegrity.sign(document, suite=dataintegrity.RDFC, verification_method=by.verification_method,
                              created="2026-01-01T00:00:00Z", signer=by.sign, proof_options=OPTIONS)


def _import(session: Session, document: dict[str, Any]) -> tuple[str, str | None]:
    [outcome] = session.credentials.import_bytes(json.dumps(document).encode(), "bundle.json")
    assert outcome.outcome == "imported", outcome.message
    return outcome.message, outcome.status


def test_valid_holder_proof_is_reported_with_challenge_and_domain(session: Session) -> None:
    """A holder-signed presentation says who presented it, for which challenge and domain; the credential is judged."""
    message, status = _import(session, _signed(_presentation(session)))
    assert f"Presented by the holder {HOLDER.did}, whose proof is valid (challenge c-1, domain employer.example)." \
        in message
    assert status == "verified_with_warnings"


def test_broken_holder_proof_is_reported_and_the_credential_still_judged(session: Session) -> None:
    """A presentation changed after the holder signed it says the proof is broken; its credential keeps its verdict."""
    signed = _signed(_presentation(session))
    signed["holder"] = HOLDER.did + "?changed"
    signed["proof"]["verificationMethod"] = HOLDER.verification_method
    message, status = _import(session, signed)
    assert "The holder's proof is broken" in message
    assert status == "verified_with_warnings"


def test_tampered_holder_proof_fails(session: Session) -> None:
    """A presentation whose signed challenge was changed has a broken holder proof."""
    signed = _signed(_presentation(session))
    signed["proof"]["challenge"] = "c-2"
    message, _ = _import(session, signed)
    assert "The holder's proof is broken: The signature does not match" in message


def test_signed_by_someone_other_than_the_holder(session: Session) -> None:
    """A valid proof by a key that is not the named holder's is reported as not the holder's."""
    message, _ = _import(session, _signed(_presentation(session), by=STRANGER))
    assert f"signed by {STRANGER.did}, not by the holder {HOLDER.did}" in message


def test_no_proof_and_empty_proof_are_said(session: Session) -> None:
    """No proof: 'anyone could have put these together'; an empty proof: 'proves nothing'; credentials imported."""
    message, status = _import(session, _presentation(session))
    assert "no holder proof" in message and status == "verified_with_warnings"
    empty = {**_presentation(session), "proof": {}}
    empty["verifiableCredential"] = [demo_issuers.customer_service_badge(session.did)]
    message, _ = _import(session, empty)
    assert "proof is empty" in message


def test_holder_proof_is_not_one_of_the_credentials_own_checks(session: Session) -> None:
    """The holder proof is kept apart: the credential's stored checks are its own."""
    [outcome] = session.credentials.import_bytes(json.dumps(_signed(_presentation(session))).encode(), "b.json")
    report = session.credentials.last_report(outcome.record_id or "")
    assert report is not None
    assert all(str(c.check) != "presentation" for c in report.checks)


def test_presentation_without_credentials_is_named_with_a_sentence(session: Session) -> None:
    """An empty presentation is said to be one, from its holder, and nothing is added."""
    empty = {**_presentation(session), "verifiableCredential": []}
    [outcome] = session.credentials.import_bytes(json.dumps(_signed(empty)).encode(), "empty.json")
    assert outcome.outcome == "failed"
    assert outcome.message == (f"This is a presentation from {HOLDER.did} that carries no credentials, "
                               "so nothing was added to your records.")
    assert session.count() == 0
