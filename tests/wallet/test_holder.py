"""The holder profile on a real wallet: name and contacts, identifiers that claim credentials, and what counts."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from tests.wallet._helpers import entry
from wallet.credentials import demo_issuers
from wallet.credentials.dataintegrity import RDFC, sign
from wallet.credentials.report import CheckName, Outcome
from wallet.errors import InvalidInputError, UsageError
from wallet.lifecycle import open_wallet
from wallet.session import Session

FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
PHONE_WALLET = "did:example:sams-phone-wallet"


def _dump(value: object) -> bytes:
    return json.dumps(value).encode()


def _import(session: Session, document: dict[str, Any]) -> str:
    [outcome] = session.credentials.import_bytes(_dump(document), "badge.json")
    assert outcome.outcome == "imported" and outcome.record_id, outcome
    return outcome.record_id


def _recipient(session: Session, record_id: str) -> dict[str, str]:
    check = session.holder.recipient_check(record_id)
    assert check is not None
    return check.to_json()


def _hashed_email_badge(email: str, salt: str) -> dict[str, Any]:
    """The forklift badge re-issued (and re-signed by the warehouse) to a hashed email IdentityObject."""
    badge = demo_issuers.forklift_badge("did:example:unused")
    del badge["proof"]
    identity = "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest()
    badge["id"] = "urn:uuid:7a4f3f10-8d1c-4a57-9a0e-4a3e1b1d2c3e"
    subject = badge["credentialSubject"]
    del subject["id"]
    subject["identifier"] = [{"type": "IdentityObject", "identityType": "emailAddress", "hashed": True,
                              "identityHash": identity, "salt": salt}]
    signer = demo_issuers.WAREHOUSE.signer()
    return sign(badge, suite=RDFC, verification_method=signer.verification_method, created=badge["validFrom"],
                signer=signer.sign)


def test_entries_have_no_recipient_answer(session: Session) -> None:
    """A self-asserted entry was not issued to anyone, so it has no recipient check."""
    assert session.holder.recipient_check(session.add_entry(entry("Volunteer"))) is None


def test_a_new_wallet_calls_its_holder_learner(session: Session) -> None:
    """Before a name is given the holder is "Learner", with no contacts or extra identifiers, and the wallet's DID."""
    profile = session.holder.profile()
    assert (profile.name, profile.display_name, profile.contacts, profile.identifiers) == ("", "Learner", (), ())
    assert profile.did == session.did


def test_the_profile_is_kept_in_the_wallet(session: Session, passphrase: str) -> None:
    """Name and contact lines are saved encrypted in the wallet and are there after locking and unlocking."""
    session.holder.set_profile("  Maria   Ortiz ", ["maria@example.org", "", "Eastside\nLibrary", "maria@example.org"])
    path = session.path
    session.lock()
    with open_wallet(path, passphrase) as again:
        profile = again.holder.profile()
        assert profile.name == "Maria Ortiz"
        assert profile.contacts == ("maria@example.org", "Eastside Library")
        again.holder.set_profile(contacts=[])
        assert again.holder.profile().name == "Maria Ortiz" and again.holder.profile().contacts == ()


def test_self_asserted_credentials_and_endorsements_are_signed_with_the_name(session: Session) -> None:
    """The holder's name, not "Learner", names the issuer of their self-asserted credentials and endorsements."""
    session.holder.set_profile("Maria Ortiz")
    record_id = session.add_entry(entry("Food bank volunteer"))
    credential = session.credentials.issue_self_asserted(record_id)
    assert credential["issuer"]["name"] == "Maria Ortiz (self-asserted)"
    endorsement = session.credentials.endorse(_dump(demo_issuers.forklift_badge("did:example:x")), "Careful driver.")
    assert endorsement["issuer"]["name"] == "Maria Ortiz"


@pytest.mark.parametrize(
    ("name", "contacts", "words"),
    [
        ("x" * 121, None, "too long"),
        ("A\u200bB", None, "control"),
        ("Maria", [f"line {i}" for i in range(9)], "8 contact lines"),
        ("Maria", ["y" * 201], "too long"),
    ],
)
def test_bad_profile_input_is_refused_with_a_sentence_and_changes_nothing(
    session: Session, name: str, contacts: list[str] | None, words: str
) -> None:
    """Overlong names or contacts, invisible characters and too many lines are refused; the profile is unchanged."""
    session.holder.set_profile("Maria", ["maria@example.org"])
    with pytest.raises(InvalidInputError, match=words) as info:
        session.holder.set_profile(name, contacts)
    assert info.value.message.endswith(".")
    assert session.holder.profile().name == "Maria" and session.holder.profile().contacts == ("maria@example.org",)


def test_identifiers_are_normalised_and_checked(session: Session) -> None:
    """Emails are kept lower-case without mailto:; the wallet's own DID, repeats and non-identifiers are refused."""
    session.holder.add_identifier("mailto:Maria@Example.org")
    session.holder.add_identifier(PHONE_WALLET)
    assert session.holder.profile().identifiers == ("maria@example.org", PHONE_WALLET)
    with pytest.raises(UsageError, match="already in your profile"):
        session.holder.add_identifier("MARIA@example.org")
    with pytest.raises(UsageError, match="own DID"):
        session.holder.add_identifier(session.did)
    for bad in ("", "maria", "two words@example.org", "x" * 301):
        with pytest.raises(InvalidInputError):
            session.holder.add_identifier(bad)
    with pytest.raises(UsageError, match="not in your profile"):
        session.holder.remove_identifier("nobody@example.org")
    assert session.holder.profile().identifiers == ("maria@example.org", PHONE_WALLET)


def test_a_credential_for_someone_else_is_kept_marked_and_not_counted(session: Session) -> None:
    """A badge issued to another DID is stored and marked, its status untouched, and shows no skill of yours."""
    record_id = _import(session, demo_issuers.forklift_badge(PHONE_WALLET))
    record = session.get_record(record_id)
    assert record.credential is not None and record.credential.for_someone_else
    assert record.credential.verification == "verified_with_warnings"  # genuine, only not yours
    check = _recipient(session, record_id)
    assert check["outcome"] == "failed" and PHONE_WALLET in check["message"]
    assert session.holder.records_for_someone_else() == {record_id}
    assert FORKLIFT not in session.skills.profile().skills
    match = session.skills.match("Forklift Operator\nWe need someone to operate forklift trucks safely.")
    assert not any(record_id in skill.coverage.evidence for skill in match.skills)
    assert "operate forklift" in {skill.label for skill in match.skills if skill.coverage.coverage == "missing"}
    view = session.skills.create_view("Forklift job")
    with pytest.raises(UsageError, match="someone else"):
        session.skills.update_view(view.id, record_ids=[record_id])


def test_adding_the_identifier_claims_the_credential_and_removing_it_gives_it_back(session: Session) -> None:
    """Adding the other wallet's DID re-checks stored credentials: the badge becomes yours, and counts; removing
    it undoes that."""
    mine = _import(session, demo_issuers.customer_service_badge(session.did))
    theirs = _import(session, demo_issuers.forklift_badge(PHONE_WALLET))
    changes: list[object] = []
    session.events.subscribe(lambda event: changes.append(event.name))
    assert session.holder.add_identifier(PHONE_WALLET) == 1
    assert "records_changed" in changes
    assert _recipient(session, theirs)["outcome"] == "passed"
    assert _recipient(session, mine) == {"check": "recipient", "outcome": "passed",
                                         "message": "Issued to you: it names your wallet's own DID."}
    record = session.get_record(theirs)
    assert record.credential is not None and not record.credential.for_someone_else
    assert record.credential.verification == "verified_with_warnings"
    assert FORKLIFT in session.skills.profile().skills
    assert session.holder.remove_identifier(PHONE_WALLET) == 1
    assert session.holder.records_for_someone_else() == {theirs}
    assert FORKLIFT not in session.skills.profile().skills


def test_a_hashed_email_claims_a_signed_badge(session: Session) -> None:
    """A real signed badge issued to a salted, hashed email is someone else's until that email is added."""
    record_id = _import(session, _hashed_email_badge("sam@example.org", "pepper"))
    assert _recipient(session, record_id)["outcome"] == "failed"
    assert session.holder.add_identifier("Sam@Example.org") == 1
    check = _recipient(session, record_id)
    assert check["outcome"] == "passed" and "hashed recipient matches sam@example.org" in check["message"]


def test_verifying_again_keeps_the_recipient_answer(session: Session) -> None:
    """Re-verifying a stored credential compares its recipient with the holder's identifiers as they are now."""
    record_id = _import(session, demo_issuers.forklift_badge(PHONE_WALLET))
    session.holder.add_identifier(PHONE_WALLET)
    report = session.credentials.verify_record(record_id)
    assert report.outcome_of(CheckName.RECIPIENT) is Outcome.PASSED
    assert _recipient(session, record_id)["outcome"] == "passed"
    record = session.get_record(record_id)
    assert record.credential is not None and record.credential.recipient == "passed"


def test_evidence_strength_trusted_above_verified_above_self_asserted(session: Session) -> None:
    """A verified badge from an unknown issuer is "verified"; once its issuer is trusted it is the strongest,
    "trusted"; the learner's own signed copy of an entry is only self-asserted."""
    record_id = _import(session, demo_issuers.forklift_badge(session.did))
    assert session.skills.profile().skills[FORKLIFT].strength == "verified"
    session.credentials.trust_issuer(demo_issuers.WAREHOUSE.did, demo_issuers.WAREHOUSE.name)
    session.credentials.verify_record(record_id)
    assert session.skills.profile().skills[FORKLIFT].strength == "trusted"
    own = session.add_entry(entry("Forklift driver", skills=("Forklift operation",)))
    copy = session.credentials.issue_self_asserted(own)
    session.delete_record(record_id)
    session.delete_record(own)
    _import(session, copy)
    assert session.skills.profile().skills[FORKLIFT].strength == "self-asserted"


def test_identifiers_other_peoples_credentials_name_are_offered_most_named_first(session: Session) -> None:
    """Of the records given, those issued to someone else offer their plain identifiers, each counted once per
    record; the learner's own credentials and hashed identities offer nothing."""
    two = [_import(session, demo_issuers.forklift_badge(PHONE_WALLET)),
           _import(session, demo_issuers.customer_service_badge(PHONE_WALLET))]
    mine = _import(session, demo_issuers.expired_cpr(session.did))
    hashed = _import(session, _hashed_email_badge("sam@example.org", "pepper"))
    assert session.holder.unclaimed_identifiers([*two, mine, hashed, two[0]]) == [(PHONE_WALLET, 2)]
    assert session.holder.unclaimed_identifiers([mine]) == []
    session.holder.add_identifier(PHONE_WALLET)
    assert session.holder.unclaimed_identifiers(two) == []


def test_claiming_a_trusted_issuers_credential_makes_it_verified(session: Session) -> None:
    """A trusted issuer's badge issued to another identifier is "verified, with warnings" only because it is not
    yours; adding that identifier makes it "verified" at once, and removing it takes that back."""
    session.credentials.trust_issuer(demo_issuers.WAREHOUSE.did, demo_issuers.WAREHOUSE.name)
    record_id = _import(session, demo_issuers.forklift_badge(PHONE_WALLET))
    assert session.get_record(record_id).credential.verification == "verified_with_warnings"  # type: ignore[union-attr]
    session.holder.add_identifier(PHONE_WALLET)
    assert session.get_record(record_id).credential.verification == "verified"  # type: ignore[union-attr]
    session.holder.remove_identifier(PHONE_WALLET)
    assert session.get_record(record_id).credential.verification == "verified_with_warnings"  # type: ignore[union-attr]


def test_badges_issued_to_a_hidden_email_are_found_and_an_address_tested_without_adding_it(session: Session) -> None:
    """Of the records given, those naming their recipient only by a hash are listed; an address is tested against
    them without being added to the profile; text that is no identifier is refused with a sentence."""
    hashed = _import(session, _hashed_email_badge("sam@example.org", "pepper"))
    plain = _import(session, demo_issuers.customer_service_badge(PHONE_WALLET))
    mine = _import(session, demo_issuers.expired_cpr(session.did))
    assert session.holder.hashed_unclaimed([hashed, plain, mine]) == [hashed]
    assert session.holder.claimed_by("SAM@example.org", [hashed, plain, mine]) == 1
    assert session.holder.claimed_by("other@example.org", [hashed]) == 0
    assert session.holder.profile().identifiers == ()
    with pytest.raises(InvalidInputError):
        session.holder.claimed_by("not an address", [hashed])
