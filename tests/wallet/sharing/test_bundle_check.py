"""Checking a bundle: one report, and changes, replays, expiry and a forged issuer document all say what failed."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest

from tests.wallet.sharing.share_kit import EXPIRES, EXPIRES_AT, NOW, STATEMENT, Kit, credentials_of, make_kit
from wallet.credentials import demo_issuers, formats
from wallet.credentials.checking import offline_options
from wallet.credentials.dataintegrity import RDFC, sign
from wallet.credentials.issuing import Signer
from wallet.credentials.keys import KeyResolver
from wallet.credentials.report import Outcome, Status
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.crypto.identity import Identity
from wallet.errors import CredentialFormatError
from wallet.i18n import set_language
from wallet.session import Session
from wallet.sharing.bundle import build_bundle
from wallet.sharing.bundle_check import BundleReport, check_bundle, read_bundle

LATER = NOW + timedelta(days=1)


@pytest.fixture
def kit(session: Session) -> Kit:
    return make_kit(session)


@pytest.fixture
def bundle(kit: Kit) -> dict[str, Any]:
    return kit.session.sharing.share(kit.view_id, to="ACME Logistics", expires=EXPIRES, now=NOW).bundle


def _check(bundle: dict[str, Any], at: datetime = LATER, **kwargs: Any) -> BundleReport:
    return check_bundle(json.dumps(bundle).encode(), offline_options(at), **kwargs)


def _messages(report: BundleReport) -> str:
    lines = [c.message for c in report.checks]
    for item in [*report.items, *([report.statement.report] if report.statement else [])]:
        lines += [f"{item.name}: {c.message}" for c in item.checks if c.outcome is Outcome.FAILED]
    return "\n".join(lines)


def test_a_fresh_bundle_checks_out_with_its_recipient_challenge_expiry_and_statement(bundle: dict[str, Any]) -> None:
    """Proof passed, recipient and challenge shown, every credential genuine, the statement is the learner's."""
    report = _check(bundle)
    assert report.proof.outcome is Outcome.PASSED
    assert report.recipient == "ACME Logistics" and report.challenge == bundle["proof"]["challenge"]
    assert report.expires == EXPIRES_AT
    assert report.status is Status.VERIFIED_WITH_WARNINGS  # issuers not on this checker's trusted list
    assert all(item.status is not Status.NOT_VERIFIED for item in report.items)
    assert len(report.items) == 4
    statement = report.statement
    assert statement is not None
    assert (statement.person, statement.text, statement.opportunity) == ("Maria Lopez", STATEMENT,
                                                                        "Forklift operator")
    assert statement.report.issuer == report.holder
    forklift = statement.skills[0]
    assert "Certified Forklift Operator" in forklift.shown_by and not forklift.missing


def test_changing_a_credential_fails_the_holder_proof_and_that_credential(bundle: dict[str, Any]) -> None:
    """A renamed badge: the holder's proof is broken and the badge's own signature does not match."""
    changed = copy.deepcopy(bundle)
    badge = next(i for i in credentials_of(changed) if i.get("name") == "Certified Forklift Operator")
    badge["name"] = "Certified Crane Operator"
    report = _check(changed)
    assert report.status is Status.NOT_VERIFIED
    assert report.proof.outcome is Outcome.FAILED and "holder's proof is broken" in report.proof.message
    failed = [i for i in report.items if i.status is Status.NOT_VERIFIED]
    assert [i.name for i in failed] == ["Certified Crane Operator"]
    assert "changed after it was signed" in _messages(report)


def test_changing_the_statement_fails_and_says_the_statement_was_changed(bundle: dict[str, Any]) -> None:
    """A rewritten narrative: the holder's proof and the statement's own signature both fail."""
    changed = copy.deepcopy(bundle)
    credentials_of(changed)[0]["credentialSubject"]["narrative"]["text"] = "I am a certified crane operator."
    report = _check(changed)
    assert report.status is Status.NOT_VERIFIED
    assert report.statement is not None and report.statement.report.status is Status.NOT_VERIFIED
    assert report.proof.outcome is Outcome.FAILED
    assert "Résumé for Forklift operator (self-asserted): The signature does not match" in _messages(report)


@pytest.mark.parametrize("change", ["reorder", "rename", "drop evidence"])
def test_changing_a_chosen_skill_fails(bundle: dict[str, Any], change: str) -> None:
    """Reordering the skills, renaming one or dropping its evidence all break the statement's signature."""
    changed = copy.deepcopy(bundle)
    skills = credentials_of(changed)[0]["credentialSubject"]["skill"]
    if change == "reorder":
        skills.reverse()
    elif change == "rename":
        skills[0]["name"] = "operate crane"
    else:
        skills[0]["evidencedBy"] = []
    report = _check(changed)
    assert report.statement is not None and report.statement.report.status is Status.NOT_VERIFIED
    assert report.status is Status.NOT_VERIFIED


def test_a_changed_recipient_or_challenge_breaks_the_proof(bundle: dict[str, Any]) -> None:
    """The domain and challenge are signed: pointing the bundle at someone else fails."""
    for key, value in (("domain", "Other Corp"), ("challenge", "replayed")):
        changed = copy.deepcopy(bundle)
        changed["proof"][key] = value
        assert _check(changed).proof.outcome is Outcome.FAILED


def test_a_bundle_for_one_recipient_is_refused_by_another_or_for_another_request(bundle: dict[str, Any]) -> None:
    """A verifier that asked for its own domain or challenge is told this bundle was made for someone else."""
    report = _check(bundle, expected_domain="Other Corp")
    assert report.status is Status.NOT_VERIFIED
    assert "made for ACME Logistics, not for Other Corp" in _messages(report)
    report = _check(bundle, expected_challenge="the verifier's own challenge")
    assert report.status is Status.NOT_VERIFIED and "may be a copy made for someone else" in _messages(report)
    ok = _check(bundle, expected_domain="ACME Logistics", expected_challenge=bundle["proof"]["challenge"])
    assert ok.status is Status.VERIFIED_WITH_WARNINGS


def test_an_expired_bundle_says_so(bundle: dict[str, Any]) -> None:
    """Checked after its expiry, the bundle fails with the date; before it, it passes."""
    report = _check(bundle, at=NOW + timedelta(days=31))
    assert report.status is Status.NOT_VERIFIED
    assert f"The bundle expired on {EXPIRES} 23:59 UTC" in _messages(report)
    assert f"good until {EXPIRES}" in _messages(_check(bundle))


def test_a_bundle_key_never_vouches_for_an_issuer_even_with_a_forged_issuer_document() -> None:
    """A credential naming the college but signed by the holder, with a forged college DID document in the bundle,
    is not verified: keys come from the checker's options, never from the bundle."""
    holder = Identity.generate()
    signer = Signer(holder.did, holder.verification_method, "Mallory", holder.sign)
    college = "did:web:college.example"
    forged_doc = {"@context": ["https://www.w3.org/ns/did/v1"], "id": college,
                  "verificationMethod": [{"id": f"{college}#key-1", "type": "Multikey", "controller": college,
                                          "publicKeyMultibase": holder.did[len("did:key:"):]}],
                  "assertionMethod": [f"{college}#key-1"]}
    fake = {k: v for k, v in demo_issuers.forklift_badge(holder.did).items() if k != "proof"}
    fake["issuer"] = {"id": college, "type": ["Profile"], "name": "Riverside Community College"}
    by_holder = sign(fake, suite=RDFC, verification_method=holder.verification_method,
                     created="2026-01-01T00:00:00Z", signer=holder.sign)
    by_web_key = sign(fake, suite=RDFC, verification_method=f"{college}#key-1", created="2026-01-01T00:00:00Z",
                      signer=holder.sign)
    bundle = build_bundle(signer, [by_holder, by_web_key], now="2026-01-01T00:00:00Z", challenge="c1")
    bundle["didDocuments"] = [forged_doc]  # carried along, unsigned by anyone who matters
    report = check_bundle(bundle, VerifyOptions(now=LATER, resolver=KeyResolver()))
    assert report.proof.outcome is Outcome.PASSED  # the holder did hand it over...
    assert [i.status for i in report.items] == [Status.NOT_VERIFIED, Status.UNVERIFIABLE]  # ...but vouches for none
    assert "belongs to" not in report.items[1].checks[1].message


def test_something_that_is_not_a_bundle_is_a_sentence() -> None:
    """A credential on its own or broken JSON is not read as a bundle; check_bundle says what a bundle is."""
    badge = json.dumps(demo_issuers.forklift_badge("did:example:x")).encode()
    assert read_bundle(badge) is None and read_bundle(b"{not json") is None and read_bundle(b"\x89PNG") is None
    with pytest.raises(CredentialFormatError, match="not a bundle"):
        check_bundle(badge, offline_options(NOW))


@pytest.mark.parametrize("change", [
    ("proof", "not a proof"), ("proof", [1, 2]), ("proof", {}), ("holder", {"id": 5}), ("holder", None),
    ("statement", {"skill": 7}), ("statement", {"skill": [{"name": {"x": 1}, "evidencedBy": 3}]}),
    ("statement", {"person": "Maria"}), ("statement", {"narrative": ["a", "b"]}), ("statement", {"skill": "x"}),
])
def test_odd_shapes_are_reports_never_crashes(bundle: dict[str, Any], change: tuple[str, Any]) -> None:
    """A bundle with a field of an unexpected shape gets a report that is not verified; nothing raises."""
    where, value = change
    odd = copy.deepcopy(bundle)
    if where == "statement":
        credentials_of(odd)[0]["credentialSubject"].update(value)
    else:
        odd[where] = value
    report = _check(odd)
    assert report.status is not Status.VERIFIED and report.status is not Status.VERIFIED_WITH_WARNINGS
    json.dumps(report.to_json())


def test_credentials_are_compared_with_the_holder_who_presented_them(bundle: dict[str, Any]) -> None:
    """Without a wallet: issued to the proven holder passes; a credential naming someone else gets a warning
    naming them; once the holder's proof fails, nothing is compared with a holder it did not prove."""
    report = _check(bundle)
    recipient = [next(c for c in i.checks if c.check.value == "recipient") for i in report.items]
    assert all(c.outcome is Outcome.PASSED and "Issued to the holder who presented" in c.message for c in recipient)
    holder = Identity(b"\x05" * 32)
    badge = demo_issuers.forklift_badge("mailto:maria@example.org")
    signer = Signer(holder.did, holder.verification_method, "Maria", holder.sign)
    other = build_bundle(signer, [badge], now="2026-01-01T00:00:00Z", challenge="c2")
    item = check_bundle(other, offline_options(LATER)).items[0]
    check = next(c for c in item.checks if c.check.value == "recipient")
    assert check.outcome is Outcome.WARNING and "Issued to mailto:maria@example.org, not to the presenting" in \
        check.message
    broken = copy.deepcopy(bundle)
    broken["proof"]["challenge"] = "changed"
    checks = [next(c for c in i.checks if c.check.value == "recipient") for i in _check(broken).items]
    assert all(c.outcome is Outcome.NOT_CHECKED for c in checks)


def _web_holder_bundle(holder_id: str, key: Identity, key_name: str) -> dict[str, Any]:
    """A bundle naming `holder_id` (a did:web or https holder), signed by `key` under `<holder_id>#<key_name>`."""
    signer = Signer(holder_id, f"{holder_id}#{key_name}", "Alice", key.sign)
    return build_bundle(signer, [demo_issuers.forklift_badge(holder_id)], now="2026-01-01T00:00:00Z", challenge="c1")


@pytest.mark.parametrize("holder_id", ["did:web:alice.example", "https://alice.example/me"])
def test_a_key_written_in_the_proof_s_link_never_proves_a_web_holder(holder_id: str) -> None:
    """Anyone can sign as `did:web:alice.example#z6Mk<own key>`: with Alice's document not imported, the holder's
    proof is "not checked", never passed, and no credential is "issued to the holder who presented" it."""
    mallory = Identity.generate()
    bundle = _web_holder_bundle(holder_id, mallory, mallory.did[len("did:key:"):])
    report = check_bundle(bundle, VerifyOptions(now=LATER, resolver=KeyResolver()))
    assert report.proof.outcome is Outcome.NOT_CHECKED
    assert "nothing available offline shows that its key belongs to" in report.proof.message
    assert report.status not in (Status.VERIFIED, Status.VERIFIED_WITH_WARNINGS)
    recipient = next(c for c in report.items[0].checks if c.check.value == "recipient")
    assert recipient.outcome is not Outcome.PASSED


def _did_document(holder_id: str, key: Identity, relationship: str) -> dict[str, Any]:
    return {"@context": ["https://www.w3.org/ns/did/v1"], "id": holder_id,
            "verificationMethod": [{"id": f"{holder_id}#key-1", "type": "Multikey", "controller": holder_id,
                                    "publicKeyMultibase": key.did[len("did:key:"):]}],
            relationship: [f"{holder_id}#key-1"]}


def test_a_web_holder_is_proven_by_a_key_their_imported_document_lists_for_authentication() -> None:
    """With Alice's DID document imported, her authentication key proves her; a key she lists only for issuing
    (assertionMethod) does not, and another key under her name is refused."""
    alice, mallory = Identity.generate(), Identity.generate()
    holder_id = "did:web:alice.example"
    for relationship, signer_key, outcome in [("authentication", alice, Outcome.PASSED),
                                              ("assertionMethod", alice, Outcome.FAILED),
                                              ("authentication", mallory, Outcome.FAILED)]:
        resolver = KeyResolver()
        resolver.add_document(_did_document(holder_id, alice, relationship))
        report = check_bundle(_web_holder_bundle(holder_id, signer_key, "key-1"),
                              VerifyOptions(now=LATER, resolver=resolver))
        assert report.proof.outcome is outcome, (relationship, report.proof.message)


def test_a_presentation_read_credential_by_credential_must_answer_the_challenge_asked(
    bundle: dict[str, Any]
) -> None:
    """Read as a plain presentation (not as a bundle), each credential's report fails when the verifier asked
    another challenge or domain than the holder's proof signed; the bundle's own check answers once, as before."""
    asked = replace(offline_options(LATER), challenge="another", domain="ACME Logistics")
    reports = [Verifier(asked).verify(item) for item in formats.parse(json.dumps(bundle).encode())]
    assert reports and all(r.status is Status.NOT_VERIFIED for r in reports)
    assert all("not the one asked for (another)" in (r.presentation.message if r.presentation else "") for r in reports)
    right = replace(asked, challenge=bundle["proof"]["challenge"])
    assert all(r.status is not Status.NOT_VERIFIED
               for r in (Verifier(right).verify(item) for item in formats.parse(json.dumps(bundle).encode())))
    report = check_bundle(json.dumps(bundle).encode(), asked)
    assert report.status is Status.NOT_VERIFIED
    assert all(item.status is not Status.NOT_VERIFIED for item in report.items)  # the credentials stay genuine


def test_a_bundle_s_own_lines_read_in_spanish(bundle: dict[str, Any]) -> None:
    """The bundle's expiry and recipient lines are the wallet's sentences, so a Spanish reader gets Spanish."""
    set_language("es")
    try:
        messages = [str(c.message) for c in _check(bundle).checks]
    finally:
        set_language("en")
    assert any(m.startswith("El paquete es válido hasta el ") for m in messages), messages
