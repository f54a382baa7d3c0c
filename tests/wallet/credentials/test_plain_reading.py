"""A signed field respelled so the checks' plain reading misses it (same meaning, same RDF signature) is refused."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.wallet.credentials.test_verifier import _verify
from wallet.credentials import demo_issuers
from wallet.credentials.canonical import expand
from wallet.credentials.plain_reading import VC, hidden_from_plain_reading
from wallet.credentials.report import CheckName, Outcome, Status

NOW = datetime(2026, 1, 1, tzinfo=UTC)
LEARNER = "did:example:learner"
TRUSTED = {demo_issuers.HOSPITAL.did: demo_issuers.HOSPITAL.name,
           demo_issuers.WAREHOUSE.did: demo_issuers.WAREHOUSE.name}
DATE_TIME = "http://www.w3.org/2001/XMLSchema#dateTime"


def _full_address(document: dict[str, Any], term: str) -> None:
    document[VC + term] = {"@value": document.pop(term), "@type": DATE_TIME}


def _alias(document: dict[str, Any], term: str) -> None:
    document["@context"] = [*document["@context"], {"endsOn": {"@id": VC + term, "@type": DATE_TIME}}]
    document["endsOn"] = document.pop(term)


def _nested(document: dict[str, Any], term: str) -> None:
    document["@context"] = [*document["@context"], {"meta": "@nest"}]
    document["meta"] = {term: document.pop(term)}


@pytest.mark.parametrize("respell", [_full_address, _alias, _nested])
def test_an_expiry_date_hidden_from_the_plain_reading_is_not_verified(respell: Any) -> None:
    """The demo CPR card expired in 2023; written as a full address, an alias or under @nest its signature still
    holds, but it must not pass as "valid, with no end date"."""
    expired = demo_issuers.expired_cpr(LEARNER)
    assert _verify(expired, trusted_issuers=TRUSTED).status is Status.NOT_VERIFIED
    respelled = copy.deepcopy(expired)
    respell(respelled, "validUntil")
    report = _verify(respelled, trusted_issuers=TRUSTED)
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED  # the same meaning, so the same signature
    assert report.status is Status.NOT_VERIFIED
    data_model = next(c for c in report.checks if c.check is CheckName.DATA_MODEL)
    assert data_model.outcome is Outcome.FAILED and "writes validUntil in a form" in data_model.message
    assert report.outcome_of(CheckName.VALIDITY) is Outcome.NOT_CHECKED  # no tick for "valid, with no end date"


def test_a_subject_id_written_as_at_id_is_not_hidden_from_the_recipient_check() -> None:
    """"@id" for "id" in credentialSubject means the same to the signature but hides whom it was issued to."""
    badge = demo_issuers.forklift_badge("did:example:bob")
    badge["credentialSubject"]["@id"] = badge["credentialSubject"].pop("id")
    report = _verify(badge, trusted_issuers=TRUSTED)
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert report.status is Status.NOT_VERIFIED
    assert report.outcome_of(CheckName.RECIPIENT) is not Outcome.PASSED


def test_a_plainly_written_credential_hides_nothing() -> None:
    """Every demo credential, as issued, is read plainly: nothing is named."""
    for document in (demo_issuers.forklift_badge(LEARNER), demo_issuers.expired_cpr(LEARNER)):
        unsecured = {k: v for k, v in document.items() if k != "proof"}
        assert hidden_from_plain_reading(unsecured, expand(unsecured)[0]) == []


def test_status_and_issuer_respelled_are_named() -> None:
    """A status entry under an alias and an issuer under its full address are both named, in the checks' order."""
    document = {k: v for k, v in demo_issuers.forklift_badge(LEARNER).items() if k != "proof"}
    document["credentialStatus"] = {"id": "https://distribution.example/status/1#0",
                                    "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
                                    "statusListIndex": "0", "statusListCredential": "https://distribution.example/status/1"}
    document["@context"] = [*document["@context"], {"st": {"@id": VC + "credentialStatus", "@type": "@id"}}]
    document["st"] = document.pop("credentialStatus")
    document[VC + "issuer"] = {"@id": document.pop("issuer")["id"]}
    assert hidden_from_plain_reading(document, expand(document)[0]) == ["issuer", "credentialStatus"]
