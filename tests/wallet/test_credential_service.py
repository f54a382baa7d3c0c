"""Credential use cases on a wallet: import whole items, verify again, trust, endorse, issue self-asserted."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from tests.wallet._helpers import entry
from wallet.credentials import demo_issuers, formats
from wallet.credentials.report import CheckName, Outcome, Status
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.models import RecordKind
from wallet.session import Session

LEARNER = "did:example:learner"


def _dump(value: object) -> bytes:
    return json.dumps(value).encode()


def test_import_stores_original_bytes_and_report(session: Session) -> None:
    """An imported credential keeps its exact bytes, parsed fields and verification status."""
    data = _dump(demo_issuers.forklift_badge(session.did))
    [outcome] = session.credentials.import_bytes(data, "badge.json")
    assert outcome.outcome == "imported" and outcome.status == "verified_with_warnings"
    assert outcome.record_id is not None
    record = session.get_record(outcome.record_id)
    assert record.kind is RecordKind.CREDENTIAL and record.title == "Certified Forklift Operator"
    assert record.credential is not None and record.credential.verification == "verified_with_warnings"
    assert "operate forklift" in record.skills
    assert session.credential_original(record.id) == data
    report = session.credentials.last_report(record.id)
    assert report is not None and report.status == "verified_with_warnings"


def test_duplicate_import_is_reported_not_stored(session: Session) -> None:
    """The same bytes twice: the second is a duplicate pointing at the first."""
    data = _dump(demo_issuers.forklift_badge(session.did))
    [first] = session.credentials.import_bytes(data, "a.json")
    [second] = session.credentials.import_bytes(data, "b.json")
    assert second.outcome == "duplicate" and second.record_id == first.record_id
    assert session.count() == 1


def test_bad_items_fail_with_a_sentence_and_leave_nothing(session: Session) -> None:
    """Unreadable inputs fail with a plain sentence and add no record."""
    for data in (b"", b"{", b"not a credential", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, b'{"type": "Thing"}'):
        [outcome] = session.credentials.import_bytes(data, "bad")
        assert outcome.outcome == "failed" and outcome.message.endswith(".")
    assert session.count() == 0


def test_presentation_items_are_imported_one_by_one(session: Session) -> None:
    """Each credential of a bundle is its own record; a bad one does not stop the others."""
    vp = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [demo_issuers.forklift_badge(LEARNER), demo_issuers.expired_cpr(LEARNER)],
    }
    outcomes = session.credentials.import_bytes(_dump(vp), "bundle.json")
    assert [o.outcome for o in outcomes] == ["imported", "imported"]
    assert [o.status for o in outcomes] == ["verified_with_warnings", "not_verified"]


def test_trusting_an_issuer_changes_the_next_verification(session: Session) -> None:
    """Adding the issuer to the trusted list turns a warning into a pass for a badge issued to this wallet's holder."""
    [outcome] = session.credentials.import_bytes(_dump(demo_issuers.forklift_badge(session.did)), "b.json")
    assert outcome.record_id
    session.credentials.trust_issuer(demo_issuers.WAREHOUSE.did, "Riverside Distribution (demo)")
    report = session.credentials.verify_record(outcome.record_id)
    assert report.status is Status.VERIFIED
    assert session.get_record(outcome.record_id).credential.verification == "verified"  # type: ignore[union-attr]
    session.credentials.untrust_issuer(demo_issuers.WAREHOUSE.did)
    assert session.credentials.verify_record(outcome.record_id).status is Status.VERIFIED_WITH_WARNINGS


def test_endorsement_is_linked_to_the_record_it_endorses(session: Session) -> None:
    """An imported endorsement is shown with the credential it is about, in either import order."""
    badge = demo_issuers.forklift_badge(LEARNER)
    endorsement = demo_issuers.supervisor_endorsement(badge)
    [e] = session.credentials.import_bytes(_dump(endorsement), "endorsement.json")
    [b] = session.credentials.import_bytes(_dump(badge), "badge.json")
    assert b.record_id and e.record_id
    assert session.credentials.endorsements_for(b.record_id) == [e.record_id]


def test_endorse_signs_an_endorsement_another_wallet_can_import(session: Session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A supervisor's wallet endorses a learner's credential file; it verifies and points at that credential."""
    from tests.conftest import FAST_KDF, PASSPHRASE
    from wallet.lifecycle import create_wallet

    badge = demo_issuers.forklift_badge(LEARNER)
    supervisor = create_wallet(tmp_path / "supervisor.lerwallet", PASSPHRASE, kdf=FAST_KDF).session
    endorsement = supervisor.credentials.endorse(_dump(badge), "Safe and careful driver.")
    assert endorsement["credentialSubject"]["id"] == badge["id"]
    [parsed] = formats.parse(_dump(endorsement))
    report = Verifier(VerifyOptions(now=datetime.now(UTC))).verify(parsed)
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.PASSED
    supervisor.lock()
    [b] = session.credentials.import_bytes(_dump(badge), "badge.json")
    [e] = session.credentials.import_bytes(_dump(endorsement), "endorsement.json")
    assert b.record_id and session.credentials.endorsements_for(b.record_id) == [e.record_id]


def test_self_asserted_entry_is_issued_signed_and_marked(session: Session) -> None:
    """A self-asserted entry becomes an OB 3.0 credential by the learner's did:key, marked self-asserted."""
    record_id = session.add_entry(entry("Food bank volunteer", description="Saturday distributions."))
    credential = session.credentials.issue_self_asserted(record_id)
    assert credential["issuer"]["id"] == session.did
    assert "self-asserted" in credential["name"] and "self-asserted" in credential["issuer"]["name"]
    [parsed] = formats.parse(_dump(credential))
    report = Verifier(session.credentials.options()).verify(parsed)
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert report.outcome_of(CheckName.FORMAT) is None  # every term is defined by the OB 3.0 context
    assert "Self-asserted" in next(c.message for c in report.checks if c.check is CheckName.TRUSTED_ISSUER)
    assert session.credentials.issue_self_asserted(record_id) == credential  # issued once, kept


def test_editing_an_entry_reissues_its_credential(session: Session) -> None:
    """After an edit the next issued credential carries the new text."""
    record_id = session.add_entry(entry("Caring for a parent"))
    first = session.credentials.issue_self_asserted(record_id)
    session.update_entry(record_id, entry("Caring for my father"))
    second = session.credentials.issue_self_asserted(record_id)
    assert second["credentialSubject"]["achievement"]["name"] == "Caring for my father"
    assert second["id"] != first["id"]


def test_added_did_document_is_used_offline(session: Session) -> None:
    """A DID document imported into the wallet resolves a did:web issuer's key on the next verification."""
    import hashlib

    from nacl.signing import SigningKey

    from wallet.credentials import dataintegrity as di
    from wallet.credentials.multikey import multikey_from_ed25519

    key = SigningKey(hashlib.sha256(b"web issuer").digest())
    multikey = multikey_from_ed25519(bytes(key.verify_key))
    did = "did:web:college.example"
    badge = demo_issuers.forklift_badge(LEARNER)
    badge.pop("proof")
    badge["issuer"] = {"id": did, "type": ["Profile"], "name": "Web College"}
    signed = di.sign(
        badge,
        suite=di.RDFC,
        verification_method=f"{did}#k1",
        created="2025-01-01T00:00:00Z",
        signer=lambda m: key.sign(m).signature,
    )
    [outcome] = session.credentials.import_bytes(_dump(signed), "web.json")
    assert outcome.status == "unverifiable" and outcome.record_id
    document = {
        "id": did,
        "verificationMethod": [
            {"id": f"{did}#k1", "type": "Multikey", "controller": did, "publicKeyMultibase": multikey}
        ],
        "assertionMethod": ["#k1"],
    }
    assert "DID document" in session.credentials.add_material(_dump(document))
    assert session.credentials.verify_record(outcome.record_id).status is Status.VERIFIED_WITH_WARNINGS


def test_demo_wallet_has_every_kind_of_credential(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The demo holds OB 3.0 badges, a CLR, an OB 2.0 baked badge, an endorsement and an expired credential."""
    from tests.conftest import FAST_KDF, PASSPHRASE
    from wallet.demo import populate
    from wallet.lifecycle import create_wallet

    with create_wallet(tmp_path / "demo.lerwallet", PASSPHRASE, kdf=FAST_KDF, demo=True).session as demo:
        populate(demo)
        credentials = [r for r in demo.list_records() if r.credential is not None]
        kinds = {demo.repo.credential_parsed(r.id)["kind"] for r in credentials}
        statuses = {r.title: r.credential.verification for r in credentials}  # type: ignore[union-attr]
        assert kinds == {"ob3", "clr", "ob2", "endorsement"}
        assert statuses["CPR and First Aid (Adult)"] == "not_verified"
        assert statuses["Certified Forklift Operator"] == "verified"
        assert statuses["3D Printing Basics"] == "unverifiable"
        assert all(r.demo for r in credentials)
        assert all("(demo)" in r.organisation for r in credentials)


def test_same_credential_in_other_bytes_is_a_duplicate(session: Session) -> None:
    """The same credential re-saved with other formatting, or baked in an image, is not imported twice."""
    from wallet.credentials.baked import bake_png
    from wallet.credentials.demo_issuers import _plain_png

    badge = demo_issuers.forklift_badge(LEARNER)
    [first] = session.credentials.import_bytes(json.dumps(badge).encode(), "compact.json")
    [again] = session.credentials.import_bytes(json.dumps(badge, indent=4).encode(), "pretty.json")
    [baked] = session.credentials.import_bytes(bake_png(_plain_png(), json.dumps(badge)), "badge.png")
    assert first.outcome == "imported"
    assert (again.outcome, baked.outcome) == ("duplicate", "duplicate")
    assert again.record_id == baked.record_id == first.record_id
    assert session.count() == 1


def test_trusting_an_issuer_checks_its_credentials_again_at_once(session: Session) -> None:
    """trust_issuer and untrust_issuer re-check exactly that issuer's credentials and say how each came out."""
    [badge] = session.credentials.import_bytes(_dump(demo_issuers.forklift_badge(session.did)), "b.json")
    [other] = session.credentials.import_bytes(_dump(demo_issuers.customer_service_badge(session.did)), "c.json")
    assert badge.record_id and other.record_id
    rechecked = session.credentials.trust_issuer(demo_issuers.WAREHOUSE.did, "Riverside Distribution (demo)")
    assert [(r.record_id, r.title, r.status) for r in rechecked] == [
        (badge.record_id, "Certified Forklift Operator", Status.VERIFIED)]
    assert session.get_record(badge.record_id).credential.verification == "verified"  # type: ignore[union-attr]
    assert session.credentials.credentials_from(demo_issuers.WAREHOUSE.did) == [badge.record_id]
    [untrusted] = session.credentials.untrust_issuer(demo_issuers.WAREHOUSE.did)
    assert untrusted.status is Status.VERIFIED_WITH_WARNINGS
    assert session.credentials.trusted_issuers() == {}


def test_verify_all_checks_every_credential_and_skips_entries(session: Session) -> None:
    """verify_all re-checks each stored credential once (self-asserted entries have no signature)."""
    session.add_entry(entry("Warehouse associate"))
    [badge] = session.credentials.import_bytes(_dump(demo_issuers.forklift_badge(LEARNER)), "b.json")
    [cpr] = session.credentials.import_bytes(_dump(demo_issuers.expired_cpr(LEARNER)), "cpr.json")
    checked = {r.record_id: r.status for r in session.credentials.verify_all()}
    assert checked == {badge.record_id: Status.VERIFIED_WITH_WARNINGS, cpr.record_id: Status.NOT_VERIFIED}


def test_last_report_and_details_are_typed(session: Session) -> None:
    """The stored report reads back as a SavedReport (status, checks, when) and details gather the rest."""
    badge = demo_issuers.forklift_badge(LEARNER)
    [b] = session.credentials.import_bytes(_dump(badge), "badge.json")
    [e] = session.credentials.import_bytes(_dump(demo_issuers.supervisor_endorsement(badge)), "endorsement.json")
    assert b.record_id and e.record_id
    report = session.credentials.last_report(b.record_id)
    assert report is not None and report.status is Status.VERIFIED_WITH_WARNINGS and report.checked_at
    assert report.outcome_of("signature") is Outcome.PASSED and report.signed_by_issuer
    assert report.outcome_of("trusted issuer") is Outcome.WARNING
    details = session.credentials.details(b.record_id[:8])
    assert details.report == report and details.status == "verified_with_warnings"
    assert (details.issuer_id, details.trusted, details.kind_name) == (demo_issuers.WAREHOUSE.did, False, "Open Badge")
    assert [x.record_id for x in details.endorsements] == [e.record_id]
    assert details.kind == "ob3" and details.description.startswith("Operates counterbalance and reach forklifts")
    assert details.criteria.startswith("Passed the written test") and details.hosted_url == ""
    assert [(a.name, a.framework) for a in details.aligned_skills][:1] == [("operate forklift", "ESCO")]
    assert details.aligned_skills[0].url.endswith("28cb374e-6261-4133-8371-f9a5470145da")
    assert session.credentials.details(e.record_id).endorses == "Certified Forklift Operator"


def test_import_paths_reads_files_and_folders_and_keeps_failures_in_place(session: Session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Files, a folder and a missing path import in the order named; an unreadable one is a failure in its place."""
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "b.json").write_bytes(_dump(demo_issuers.customer_service_badge(LEARNER)))
    (folder / "notes.md").write_text("not a credential")
    first = tmp_path / "first.json"
    first.write_bytes(_dump(demo_issuers.forklift_badge(LEARNER)))
    outcomes = session.credentials.import_paths([str(first), str(tmp_path / "missing.json"), str(folder)])
    assert [(o.source, o.outcome) for o in outcomes] == [
        (str(first), "imported"), (str(tmp_path / "missing.json"), "failed"), (str(folder / "b.json"), "imported")]
    assert "There is no file" in outcomes[1].message
    assert session.count() == 2
