"""The learner's LERRSCredential: an LER-RS Resume whose every term is defined, signed by the learner."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from wallet.credentials import formats
from wallet.credentials.canonical import rdfc
from wallet.credentials.contexts import context_document
from wallet.credentials.issuing import Signer
from wallet.credentials.report import Status
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.crypto.identity import Identity
from wallet.sharing.lerrs import LERRS_CONTEXT, ResumeContent, ResumeEntry, ResumeSkill, lerrs_credential

ME = Identity(b"\x07" * 32)
SIGNER = Signer(ME.did, ME.verification_method, "Zoë Ødegård", ME.sign)
CONTENT = ResumeContent(
    ME.did, "Zoë Ødegård", ("zoe@example.org",), "Careful, quick, kind.", "Warehouse lead",
    (ResumeSkill("operate forklift", "http://data.europa.eu/esco/skill/x", ("urn:uuid:b1",)),
     ResumeSkill("Excel", "onet:tech:43232110", ())),
    (ResumeEntry("Picker", "Riverside", "2021-03", None, "Picked orders.", "job", True, "urn:uuid:j1"),
     ResumeEntry("First aid", "Red Cross", "2022-05-01", None, "", "training", True, "urn:uuid:t1"),
     ResumeEntry("Forklift badge", "College", "2023-01-10", None, "", "credential", False, "urn:uuid:b1")))


def test_every_term_is_defined_and_no_protected_vc_term_is_redefined() -> None:
    """Canonicalised with only the shipped VC 2.0 context and the inline one: no undefined term, no error."""
    credential = lerrs_credential(SIGNER, CONTENT, now="2026-01-01T00:00:00Z", expires="2026-12-31T23:59:59Z")
    unsecured = {k: v for k, v in credential.items() if k != "proof"}
    assert rdfc(unsecured).undefined_terms == []
    protected = set(context_document("https://www.w3.org/ns/credentials/v2")["@context"]["VerifiableCredential"]
                    ["@context"])
    assert not (set(LERRS_CONTEXT) - {"@protected"}) & protected


def test_sections_follow_the_kind_of_each_record() -> None:
    """Jobs go under employmentHistory; training and issued credentials under educationAndLearning."""
    subject = lerrs_credential(SIGNER, CONTENT, now="2026-01-01T00:00:00Z")["credentialSubject"]
    assert [e["title"] for e in subject["employmentHistory"]] == ["Picker"]
    assert [e["title"] for e in subject["educationAndLearning"]] == ["First aid", "Forklift badge"]
    assert subject["skill"][1] == {"name": "Excel", "definitionReference": "onet:tech:43232110", "evidencedBy": []}
    assert subject["person"] == {"formattedName": "Zoë Ødegård", "primaryLanguage": "en",
                                 "contact": ["zoe@example.org"]}


def test_the_statement_verifies_as_the_learners_own_credential() -> None:
    """Our verifier: the signature and the did:key issuer check out; it is valid until the expiry, not after."""
    credential = lerrs_credential(SIGNER, CONTENT, now="2026-01-01T00:00:00Z", expires="2026-12-31T23:59:59Z")
    parsed = formats.parse(json.dumps(credential, ensure_ascii=False).encode("utf-8"))[0]
    inside = Verifier(VerifyOptions(now=datetime(2026, 6, 1, tzinfo=UTC))).verify(parsed)
    assert inside.status is Status.VERIFIED_WITH_WARNINGS and inside.issuer == ME.did
    after = Verifier(VerifyOptions(now=datetime(2027, 1, 1, tzinfo=UTC))).verify(parsed)
    assert after.status is Status.NOT_VERIFIED
