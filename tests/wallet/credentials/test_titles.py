"""A record's title is the most specific name the credential carries, never the bare 'Verifiable Credential'."""

from __future__ import annotations

import json
from typing import Any

from wallet.session import Session

V2 = "https://www.w3.org/ns/credentials/v2"


def _title(session: Session, document: dict[str, Any]) -> str:
    [outcome] = session.credentials.import_bytes(json.dumps(document).encode(), "given.json")
    assert outcome.outcome == "imported", outcome.message
    return session.get_record(outcome.record_id or "").title


def _credential(**members: Any) -> dict[str, Any]:
    return {"@context": [V2], "type": ["VerifiableCredential"], "issuer": "did:example:issuer",
            "validFrom": "2024-01-01T00:00:00Z", "credentialSubject": {"id": "did:example:learner"}, **members}


def test_subject_degree_name_is_the_title(session: Session) -> None:
    """A nameless credential whose subject holds a named degree is titled by the degree."""
    document = _credential(credentialSubject={"id": "did:example:learner",
                                              "degree": {"type": "BachelorDegree", "name": "Bachelor of Arts"}})
    document["type"] = ["VerifiableCredential", "UniversityDegreeCredential"]
    assert _title(session, document) == "Bachelor of Arts"


def test_specific_type_then_issuer_name_never_the_bare_type(session: Session) -> None:
    """Without names, the most specific type reads as words; without that, the issuer's name; never the bare type."""
    typed = _credential(id="urn:uuid:1")
    typed["type"] = ["VerifiableCredential", "UniversityDegreeCredential"]
    assert _title(session, typed) == "University Degree Credential"
    issued = _credential(id="urn:uuid:2", issuer={"id": "did:example:college", "name": "Example College"})
    assert _title(session, issued) == "Example College"


def test_language_map_name_is_read(session: Session) -> None:
    """A name given as a language map (as Europass credentials do) is the title, not a placeholder."""
    assert _title(session, _credential(id="urn:uuid:3", name={"en": "Certificate in Welding"})) == \
        "Certificate in Welding"


def test_achievement_given_as_a_link_is_no_title(session: Session) -> None:
    """An achievement that is only a link never becomes the title."""
    document = _credential(id="urn:uuid:4", credentialSubject={"id": "did:example:learner",
                                                               "achievement": "https://issuer.example/a/1"})
    assert "https://" not in _title(session, document)
