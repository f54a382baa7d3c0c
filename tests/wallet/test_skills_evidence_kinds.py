"""The skills profile counts failed credentials only as the learner's own claims and never reads placeholder titles."""

from __future__ import annotations

import json

from wallet.credentials import demo_issuers
from wallet.models import EntryInput, EntryKind
from wallet.session import Session

FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"


def test_credential_that_fails_its_checks_counts_only_as_own_claim(session: Session) -> None:
    """A forklift badge changed after signing shows its skill as self-asserted (own claim), never as issued evidence."""
    badge = demo_issuers.forklift_badge(session.did)
    badge["credentialSubject"]["achievement"]["description"] += " Changed."
    [outcome] = session.credentials.import_bytes(json.dumps(badge).encode(), "changed.json")
    assert outcome.status == "not_verified"
    skill = session.skills.profile().skills[FORKLIFT]
    assert skill.evidence and all(e.strength == "self-asserted" for e in skill.evidence)
    assert skill.strength == "self-asserted"


def test_intact_credential_is_issued_evidence(session: Session) -> None:
    """The same badge unchanged counts as a verified credential (the contrast to the test above)."""
    badge = demo_issuers.forklift_badge(session.did)
    session.credentials.import_bytes(json.dumps(badge).encode(), "badge.json")
    assert session.skills.profile().skills[FORKLIFT].strength in ("verified", "trusted")


def test_title_the_wallet_chose_is_not_read_for_skills(session: Session) -> None:
    """A nameless credential titled by its type ('Forklift Operator Credential') teaches the profile nothing."""
    document = {"@context": ["https://www.w3.org/ns/credentials/v2"],
                "type": ["VerifiableCredential", "ForkliftOperatorCredential"], "issuer": "did:example:issuer",
                "credentialSubject": {"id": session.did}}
    [outcome] = session.credentials.import_bytes(json.dumps(document).encode(), "typed.json")
    assert session.get_record(outcome.record_id or "").title == "Forklift Operator Credential"
    profile = session.skills.profile()
    assert all(outcome.record_id not in skill.record_ids for skill in profile.skills.values())
    session.add_entry(EntryInput(kind=EntryKind.JOB, title="Forklift Operator Credential"))  # the words do teach
    assert FORKLIFT in session.skills.profile().skills
