"""Issued to you? The `recipient` check: plain and hashed identities (OB 3.0, OB 2.0, OB 1.0), and in real reports."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from wallet.credentials import demo_issuers, formats
from wallet.credentials.dataintegrity import RDFC, sign
from wallet.credentials.recipient import Holder, check_recipient, check_within_record, claims_of, hashed_identity
from wallet.credentials.report import CheckName, Outcome, Status
from wallet.credentials.verifier import Verifier, VerifyOptions

ME = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
NOW = datetime(2025, 1, 1, tzinfo=UTC)
NOBODY_HASH = "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"
"""nobody@example.org salted with "deadsea": the OB 2.0 assertion in openbadges-validator-core's test data."""


def vc(subject: dict[str, Any] | None) -> dict[str, Any]:
    document: dict[str, Any] = {"type": ["VerifiableCredential", "OpenBadgeCredential"]}
    if subject is not None:
        document["credentialSubject"] = subject
    return document


def identity_object(value: str, *, hashed: bool, salt: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"type": "IdentityObject", "identityType": "emailAddress", "hashed": hashed,
                             "identityHash": value}
    if salt is not None:
        found["salt"] = salt
    return found


def test_the_wallets_own_did_is_you() -> None:
    """A subject id equal to the wallet's did:key passes and says it is your wallet's own DID."""
    check = check_recipient(vc({"id": ME}), Holder(ME))
    assert check.check is CheckName.RECIPIENT and check.outcome is Outcome.PASSED
    assert check.message == "Issued to you: it names your wallet's own DID."


def test_a_did_url_of_your_did_is_you() -> None:
    """A subject naming a key of your DID (did:key:…#…) is you too; a longer DID sharing the prefix is not."""
    assert check_recipient(vc({"id": ME + "#key-1"}), Holder(ME)).outcome is Outcome.PASSED
    assert check_recipient(vc({"id": ME + "x"}), Holder(ME)).outcome is Outcome.FAILED


def test_someone_elses_did_fails_and_names_them() -> None:
    """A subject id that is not the holder's fails with one sentence naming the other identifier."""
    check = check_recipient(vc({"id": "did:example:sam"}), Holder(ME))
    assert check.outcome is Outcome.FAILED
    assert "did:example:sam" in check.message and "someone else" in check.message
    assert check.message.endswith(".") and "\n" not in check.message


def test_no_subject_id_is_a_warning() -> None:
    """A subject without id or identifier cannot be tied to anyone: a warning, not a failure."""
    for document in (vc({"type": "AchievementSubject"}), vc(None), vc({"id": "  "})):
        check = check_recipient(document, Holder(ME))
        assert check.outcome is Outcome.WARNING and "no id" in check.message


def test_without_a_holder_it_is_not_checked_and_says_why() -> None:
    """With no wallet (verify on its own) the check is "not checked", never failed, and gives the reason."""
    check = check_recipient(vc({"id": "did:example:sam"}), None)
    assert check.outcome is Outcome.NOT_CHECKED
    assert "without a wallet" in check.message


def test_an_added_email_claims_a_plain_identity_object_in_any_case() -> None:
    """OB 3.0 identifier with a plain email matches the email the learner added, whatever its capitals or mailto:."""
    document = vc({"identifier": [identity_object("Sam.Learner@Example.org", hashed=False)]})
    assert check_recipient(document, Holder(ME)).outcome is Outcome.FAILED
    check = check_recipient(document, Holder(ME, ("sam.learner@example.org",)))
    assert check.outcome is Outcome.PASSED and "sam.learner@example.org" in check.message
    assert check_recipient(vc({"id": "mailto:sam.learner@example.org"}),
                           Holder(ME, ("sam.learner@example.org",))).outcome is Outcome.PASSED


def test_a_hashed_identity_object_matches_identifier_plus_salt() -> None:
    """OB 3.0 hashed identity: "sha256$" + hex(sha256(identifier + salt)) matches; another salt or email does not."""
    digest = "sha256$" + hashlib.sha256(b"sam@example.org" + b"pepper").hexdigest()
    document = vc({"identifier": [identity_object(digest, hashed=True, salt="pepper")]})
    check = check_recipient(document, Holder(ME, ("sam@example.org",)))
    assert check.outcome is Outcome.PASSED and "hashed recipient matches sam@example.org" in check.message
    assert check_recipient(document, Holder(ME, ("other@example.org",))).outcome is Outcome.FAILED
    salted_wrong = vc({"identifier": [identity_object(digest, hashed=True, salt="salt")]})
    failed = check_recipient(salted_wrong, Holder(ME, ("sam@example.org",)))
    assert failed.outcome is Outcome.FAILED and "a hashed identity" in failed.message


def test_ob2_hashed_recipient_from_the_validator_fixture() -> None:
    """The OB 2.0 validator's hashed recipient (nobody@example.org, salt "deadsea") is matched by that email only."""
    assertion = {"type": "Assertion", "recipient": {"type": "email", "hashed": True, "salt": "deadsea",
                                                    "identity": NOBODY_HASH}}
    assert check_recipient(assertion, Holder(ME, ("nobody@example.org",))).outcome is Outcome.PASSED
    assert check_recipient(assertion, Holder(ME, ("NOBODY@example.org",))).outcome is Outcome.PASSED
    assert check_recipient(assertion, Holder(ME, ("somebody@example.org",))).outcome is Outcome.FAILED
    assert hashed_identity("nobody@example.org", "deadsea") == NOBODY_HASH


def test_ob2_plain_and_ob1_bare_recipients() -> None:
    """OB 2.0 unhashed {identity} and OB 1.0's bare string with a top-level salt (md5 allowed) are both read."""
    plain = {"recipient": {"type": "email", "hashed": False, "identity": "sam@example.org"}}
    assert check_recipient(plain, Holder(ME, ("sam@example.org",))).outcome is Outcome.PASSED
    old = {"recipient": "md5$" + hashlib.md5(b"sam@example.orgNaCl").hexdigest(), "salt": "NaCl"}
    assert claims_of(old)[0].hashed
    assert check_recipient(old, Holder(ME, ("sam@example.org",))).outcome is Outcome.PASSED


def test_an_unknown_hash_cannot_be_checked() -> None:
    """A recipient hashed with an algorithm the wallet does not know is a warning, not a claim of someone else."""
    document = vc({"identifier": [identity_object("sha1$" + "ab" * 20, hashed=True, salt="x")]})
    check = check_recipient(document, Holder(ME, ("sam@example.org",)))
    assert check.outcome is Outcome.WARNING and "cannot check" in check.message


def test_an_endorsement_has_no_recipient() -> None:
    """An endorsement's subject is the record it endorses, so its recipient is not checked."""
    endorsement = demo_issuers.supervisor_endorsement(demo_issuers.forklift_badge(ME))
    assert check_recipient(endorsement, Holder(ME)).outcome is Outcome.NOT_CHECKED


def test_odd_shapes_give_a_check_not_an_error() -> None:
    """Subjects and identifiers of the wrong JSON types give a check, never an exception."""
    for subject in ([1, "x", None], {"id": 5, "identifier": "x"}, {"identifier": [{"identityHash": ["x"]}, 3]}):
        assert check_recipient(vc(subject), Holder(ME)).outcome is Outcome.WARNING  # type: ignore[arg-type]
    assert check_recipient({"recipient": {"identity": None}}, Holder(ME)).outcome is Outcome.WARNING


def _report(document: dict[str, Any], holder: Holder | None) -> Any:
    [parsed] = formats.parse(json.dumps(document).encode())
    trusted = {demo_issuers.WAREHOUSE.did: demo_issuers.WAREHOUSE.name, demo_issuers.COLLEGE.did: "College"}
    return Verifier(VerifyOptions(now=NOW, trusted_issuers=trusted, holder=holder)).verify(parsed)


@pytest.mark.parametrize(("holder", "outcome", "status"), [
    (Holder(ME), Outcome.PASSED, Status.VERIFIED),
    (Holder("did:example:else"), Outcome.FAILED, Status.VERIFIED_WITH_WARNINGS),
    (None, Outcome.NOT_CHECKED, Status.VERIFIED),
])
def test_a_real_signed_badge_gets_a_recipient_line_and_is_verified_only_for_its_holder(
    holder: Holder | None, outcome: Outcome, status: Status
) -> None:
    """A real signed badge's report has one recipient line; for someone else it is genuine but never "verified"."""
    report = _report(demo_issuers.forklift_badge(ME), holder)
    assert [c.outcome for c in report.checks if c.check is CheckName.RECIPIENT] == [outcome]
    assert report.status is status
    assert {"check": "recipient", "outcome": str(outcome)} .items() <= next(
        c for c in report.to_json()["checks"] if c["check"] == "recipient").items()


def test_a_clr_and_each_credential_inside_it_are_the_holders() -> None:
    """A CLR's own subject and each credential inside it are compared with the holder; the demo CLR's all pass."""
    report = _report(demo_issuers.college_clr(ME), Holder(ME))
    assert report.outcome_of(CheckName.RECIPIENT) is Outcome.PASSED
    assert report.children
    assert all(child.outcome_of(CheckName.RECIPIENT) is Outcome.PASSED for child in report.children)
    assert report.outcome_of(CheckName.NESTED) is Outcome.PASSED


def _wrapped(learner: str, inside: list[dict[str, Any]]) -> dict[str, Any]:
    """A CLR for `learner`, really signed by a made-up issuer, carrying `inside` (really signed by theirs)."""
    maker = demo_issuers.DemoIssuer("Mallory (test)", "https://mallory.example/")
    clr = demo_issuers.college_clr(learner)
    clr.pop("proof")
    clr["issuer"] = maker.profile()
    clr["credentialSubject"]["verifiableCredential"] = inside
    signer = maker.signer()
    return sign(clr, suite=RDFC, verification_method=signer.verification_method, created="2024-12-20T12:00:00Z",
                signer=signer.sign)


@pytest.mark.parametrize("holder", [Holder(ME), None], ids=["in-a-wallet", "no-wallet"])
def test_someone_elses_badges_wrapped_in_a_clr_are_not_the_learners(holder: Holder | None) -> None:
    """Mallory wraps Alice's genuinely signed forklift badge in a CLR about Mallory: the CLR verifies, but the badge
    inside says it is someone else's and the nested line warns, in a wallet and with none."""
    alice = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    report = _report(_wrapped(ME, [demo_issuers.forklift_badge(alice), demo_issuers.forklift_badge(ME)]), holder)
    theirs, mine = report.children
    assert theirs.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    expected = Outcome.FAILED if holder else Outcome.WARNING  # without a wallet: maybe another identifier of hers
    assert theirs.outcome_of(CheckName.RECIPIENT) is expected
    assert theirs.status is (Status.VERIFIED_WITH_WARNINGS if holder else Status.VERIFIED)  # genuine, as before
    assert mine.outcome_of(CheckName.RECIPIENT) is Outcome.PASSED
    nested = next(c for c in report.checks if c.check is CheckName.NESTED)
    assert nested.outcome is Outcome.WARNING and "1 of the 2 credentials inside it cannot be tied" in nested.message


def test_a_nested_credential_with_a_hashed_email_matches_the_clrs_plain_one() -> None:
    """Without a wallet, a nested badge naming the learner by salted email hash is the CLR learner's, whose
    subject gives that email in plain; another email's hash is not."""
    inside = vc({"identifier": [identity_object(hashed_identity("ana@example.org", "pepper"), hashed=True,
                                                salt="pepper")]})
    record = vc({"id": ME, "identifier": [identity_object("ana@example.org", hashed=False)]})
    assert check_within_record(inside, record, None).outcome is Outcome.PASSED
    other = vc({"identifier": [identity_object("bo@example.org", hashed=False)]})
    assert check_within_record(inside, other, None).outcome is Outcome.WARNING
    assert check_within_record(inside, vc({"type": "ClrSubject"}), None).outcome is Outcome.NOT_CHECKED
    assert check_within_record(vc(None), record, None).outcome is Outcome.WARNING


def test_in_a_wallet_a_student_number_inside_the_holders_clr_is_the_holders() -> None:
    """A CLR bound to the holder's DID that also names a student number: a credential inside naming only that
    number is the holder's; another number, or the same number inside someone else's CLR, is not."""
    def student(number: str) -> dict[str, Any]:
        return {"type": "IdentityObject", "identityType": "studentId", "hashed": False, "identityHash": number}

    record = vc({"id": ME, "identifier": [student("S-123")]})
    inside = vc({"identifier": [student("S-123")]})
    passed = check_within_record(inside, record, Holder(ME))
    assert passed.outcome is Outcome.PASSED and "a record issued to you" in passed.message
    assert check_within_record(vc({"identifier": [student("S-999")]}), record, Holder(ME)).outcome is Outcome.FAILED
    theirs = vc({"id": "did:example:else", "identifier": [student("S-123")]})
    assert check_within_record(inside, theirs, Holder(ME)).outcome is Outcome.FAILED
