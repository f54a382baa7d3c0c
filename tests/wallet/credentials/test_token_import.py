"""Token forms through a real wallet: an SD-JWT is a record holding only its disclosed claims; a JWT presentation
imports its credentials with the holder proof in the sentence; both re-verify from the kept bytes."""

from __future__ import annotations

import json

from tests.wallet.credentials.test_jwt_presentation import _vp_jwt
from tests.wallet.credentials.test_sdjwt import FIRST, issued
from wallet.credentials import formats
from wallet.session import Session


def test_sd_jwt_is_imported_with_its_disclosed_claims(session: Session) -> None:
    """Only the disclosed first name reaches the record; the hidden last name never does; re-checking agrees."""
    [outcome] = session.credentials.import_bytes(f"{issued()}~{FIRST[0]}~".encode(), "id.sd-jwt")
    assert outcome.outcome == "imported", outcome.message
    assert outcome.record_id is not None
    assert "Doe" not in json.dumps(session.credentials.details(outcome.record_id).parsed)
    [kept] = formats.parse(session.credentials._repo.credential_original(outcome.record_id))
    subject = kept.document["credentialSubject"]
    assert subject["firstName"] == "Jane" and "lastName" not in subject
    report = session.credentials.verify_record(outcome.record_id)
    assert str(report.status) == outcome.status


def test_jwt_presentation_import_names_the_holder_proof(session: Session) -> None:
    """A VP-JWT's credential is imported and the sentence says who presented it, with challenge and domain."""
    [outcome] = session.credentials.import_bytes(_vp_jwt(exp=4102444800).encode(), "vp.jwt")  # valid until 2100
    assert outcome.outcome == "imported", outcome.message
    assert "Presented by the holder" in outcome.message and "challenge c-42" in outcome.message
