"""The signed bundle a view becomes: a VCDM 2.0 presentation by the learner, the view's credentials unchanged."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.wallet.sharing.share_kit import EXPIRES, EXPIRES_AT, NOW, STATEMENT, Kit, credentials_of, make_kit
from wallet.credentials.contexts import is_known
from wallet.errors import InvalidInputError, UsageError
from wallet.session import Session
from wallet.sharing.lerrs import is_lerrs


@pytest.fixture
def kit(session: Session) -> Kit:
    return make_kit(session)


def test_bundle_is_a_presentation_signed_by_the_holder_for_authentication(kit: Kit) -> None:
    """holder = the learner's did:key; eddsa-rdfc-2022, purpose authentication, challenge, domain, expires."""
    shared = kit.session.sharing.share(kit.view_id, to="ACME Logistics", expires=EXPIRES, now=NOW)
    bundle = shared.bundle
    assert bundle["type"] == ["VerifiablePresentation"]
    assert bundle["@context"] == ["https://www.w3.org/ns/credentials/v2"]
    assert bundle["holder"] == kit.session.did
    proof = bundle["proof"]
    assert (proof["type"], proof["cryptosuite"], proof["proofPurpose"]) == (
        "DataIntegrityProof", "eddsa-rdfc-2022", "authentication")
    assert proof["verificationMethod"].startswith(kit.session.did + "#")
    assert proof["domain"] == "ACME Logistics" == shared.recipient
    assert proof["expires"] == EXPIRES_AT
    assert proof["challenge"] == shared.challenge and len(shared.challenge) >= 20
    assert json.loads(shared.data) == bundle


def test_every_share_has_its_own_challenge_and_no_domain_without_a_recipient(kit: Kit) -> None:
    """Two shares of one view never share a challenge; without --to the proof names no domain."""
    first = kit.session.sharing.share(kit.view_id, now=NOW)
    second = kit.session.sharing.share(kit.view_id, now=NOW)
    assert first.challenge != second.challenge
    assert "domain" not in first.bundle["proof"] and "expires" not in first.bundle["proof"]
    assert first.bundle["id"] != second.bundle["id"]


def test_credentials_travel_unchanged_and_jwts_enveloped(kit: Kit) -> None:
    """The badge is its issued JSON (proof included); the JWT is a data: URL holding the very token."""
    items = credentials_of(kit.session.sharing.share(kit.view_id, now=NOW).bundle)
    assert is_lerrs(items[0])
    assert kit.badge_document in items
    assert kit.clr_document in items
    enveloped = [i for i in items if i.get("type") == "EnvelopedVerifiableCredential"]
    assert enveloped == [{"@context": ["https://www.w3.org/ns/credentials/v2"],
                          "id": f"data:application/vc+jwt,{kit.token}", "type": "EnvelopedVerifiableCredential"}]
    assert len(items) == 5


def test_self_asserted_entries_travel_as_learner_signed_credentials_marked_so(kit: Kit) -> None:
    """The job the learner wrote is an OB 3.0 credential issued by their did:key, tagged and named self-asserted."""
    items = credentials_of(kit.session.sharing.share(kit.view_id, now=NOW).bundle)
    own = [i for i in items[1:] if isinstance(i.get("issuer"), dict) and i["issuer"]["id"] == kit.session.did]
    assert len(own) == 1
    job = own[0]
    assert job["name"] == "Warehouse associate (self-asserted)"
    assert "self-asserted" in job["credentialSubject"]["achievement"]["tag"]
    assert job["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert job["credentialSubject"]["activityStartDate"] == "2021-03-01T00:00:00Z"


def test_statement_is_an_lerrs_resume_with_skills_in_order_and_their_evidence(kit: Kit) -> None:
    """The LERRSCredential's Resume: person, narrative, the chosen skills in order, each pointing at credentials."""
    bundle = kit.session.sharing.share(kit.view_id, now=NOW).bundle
    statement = credentials_of(bundle)[0]
    assert statement["type"] == ["VerifiableCredential", "LERRSCredential"]
    assert statement["issuer"]["id"] == kit.session.did
    subject = statement["credentialSubject"]
    assert subject["type"] == "Resume" and subject["id"] == kit.session.did
    assert subject["person"]["formattedName"] == "Maria Lopez"
    assert subject["person"]["contact"] == ["maria@example.org", "+1 555 0100"]
    assert subject["narrative"] == {"text": STATEMENT}
    assert [s["definitionReference"] for s in subject["skill"]] == kit.skill_ids
    forklift = subject["skill"][0]
    ids = {_ref(i) for i in credentials_of(bundle)[1:]}
    assert forklift["evidencedBy"] and set(forklift["evidencedBy"]) <= ids
    assert kit.badge_document["id"] in forklift["evidencedBy"]
    titles = [e["title"] for e in subject["employmentHistory"]]
    assert titles == ["Warehouse associate"]
    assert [e["selfAsserted"] for e in subject["employmentHistory"]] == [True]
    learning = {e["title"]: e for e in subject["educationAndLearning"]}
    assert learning["Certified Forklift Operator"]["selfAsserted"] is False


def _ref(item: dict[str, Any]) -> str:
    if item.get("type") == "EnvelopedVerifiableCredential":
        return "urn:uuid:7d3f5f3c-2c1e-4a43-9d8e-3c7f2b4c1a10"
    return str(item["id"])


def _contexts(value: Any) -> list[Any]:
    """Every @context value anywhere in a JSON document (nested credentials included)."""
    found: list[Any] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "@context":
                found.extend(inner if isinstance(inner, list) else [inner])
            else:
                found.extend(_contexts(inner))
    elif isinstance(value, list):
        for inner in value:
            found.extend(_contexts(inner))
    return found


def test_every_context_in_the_bundle_ships_in_resources_or_is_inline(kit: Kit) -> None:
    """A verifier with only the bundled (published) contexts can read it: each URL is served offline."""
    contexts = _contexts(kit.session.sharing.share(kit.view_id, now=NOW).bundle)
    urls = [c for c in contexts if isinstance(c, str)]
    inline = [c for c in contexts if not isinstance(c, str)]
    assert urls and all(is_known(url) for url in urls), [u for u in urls if not is_known(u)]
    assert len(inline) == 1 and isinstance(inline[0], dict) and "LERRSCredential" in inline[0]


def test_picked_nested_credentials_travel_on_their_own_instead_of_the_clr(kit: Kit) -> None:
    """--nested CLR=1,3: those two course credentials (as issued) are in the bundle, the CLR and course 2 are not."""
    nested = kit.clr_document["credentialSubject"]["verifiableCredential"]
    shared = kit.session.sharing.share(kit.view_id, nested={kit.clr[:8]: ["1", nested[2]["id"]]}, now=NOW)
    items = credentials_of(shared.bundle)
    assert kit.clr_document not in items
    assert nested[0] in items and nested[2] in items and nested[1] not in items
    learning = [e["title"] for e in items[0]["credentialSubject"]["educationAndLearning"]]
    assert nested[0]["name"] in learning and nested[2]["name"] in learning


def test_picking_nested_credentials_in_a_non_clr_or_a_missing_one_is_refused(kit: Kit) -> None:
    """A clear sentence, and nothing is written to the history."""
    with pytest.raises(InvalidInputError, match="not a CLR"):
        kit.session.sharing.share(kit.view_id, nested={kit.badge: ["1"]}, now=NOW)
    with pytest.raises(InvalidInputError, match="no nested credential '9'"):
        kit.session.sharing.share(kit.view_id, nested={kit.clr: ["9"]}, now=NOW)
    with pytest.raises(InvalidInputError, match="not one of this view's records"):
        kit.session.sharing.share(kit.view_id, nested={"ffffffff": ["1"]}, now=NOW)
    assert kit.session.sharing.history() == []


def test_a_view_is_found_by_id_prefix_or_name_and_bad_options_are_sentences(kit: Kit) -> None:
    """VIEW may be the id, its first characters or the name; a past expiry and an unknown form are refused."""
    by_name = kit.session.sharing.share("forklift OPERATOR", now=NOW)
    by_prefix = kit.session.sharing.share(kit.view_id[:6], now=NOW)
    assert by_name.share.view_id == by_prefix.share.view_id == kit.view_id
    with pytest.raises(InvalidInputError, match="already passed"):
        kit.session.sharing.share(kit.view_id, expires="2020-01-01", now=NOW)
    with pytest.raises(InvalidInputError, match="date like"):
        kit.session.sharing.share(kit.view_id, expires="next week", now=NOW)
    with pytest.raises(UsageError, match="Share as one of"):
        kit.session.sharing.share(kit.view_id, form="docx", now=NOW)


def test_history_keeps_when_to_whom_which_view_records_and_form_after_the_view_is_deleted(kit: Kit) -> None:
    """Each share is a history line; deleting the view and a record keeps every line as it was."""
    kit.session.sharing.share(kit.view_id, to="ACME", form="json", now=NOW)
    kit.session.sharing.share(kit.view_id, form="jsonresume", now=NOW)
    kit.session.skills.delete_view(kit.view_id)
    kit.session.delete_record(kit.job)
    history = kit.session.sharing.history()
    assert [h.form for h in history] == ["jsonresume", "json"]
    line = history[1]
    assert (line.recipient, line.view_id, line.view_name) == ("ACME", kit.view_id, "Forklift operator")
    assert [rid for rid, _ in line.records] == [kit.job, kit.badge, kit.jwt, kit.clr]
    assert line.records[0][1] == "Warehouse associate"
    assert line.shared_at == NOW.strftime("%Y-%m-%dT%H:%M:%SZ") and len(line.sha256) == 64


def test_a_record_deleted_after_the_view_was_saved_is_named_as_left_out(kit: Kit) -> None:
    """The share goes ahead without it and says so; it is not in the bundle or the history."""
    kit.session.delete_record(kit.badge)
    shared = kit.session.sharing.share(kit.view_id, now=NOW)
    assert shared.left_out and kit.badge[:8] in shared.left_out[0]
    assert kit.badge not in shared.record_ids
    assert kit.badge_document not in credentials_of(shared.bundle)


def test_a_recipient_is_one_clean_line(kit: Kit) -> None:
    """Controls, bidi overrides and line breaks are taken out of --to; an empty or overlong one is refused/ignored."""
    shared = kit.session.sharing.share(kit.view_id, to="ACME\u202e\x1b[31m\nLogistics ", now=NOW)
    assert shared.bundle["proof"]["domain"] == "ACME Logistics" == shared.share.recipient
    assert "domain" not in kit.session.sharing.share(kit.view_id, to=" \n ", now=NOW).bundle["proof"]
    with pytest.raises(InvalidInputError, match="at most 200 characters"):
        kit.session.sharing.share(kit.view_id, to="x" * 201, now=NOW)


def test_a_self_asserted_copy_signed_with_a_broken_partial_date_is_signed_again(
        kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    """Copies the wallet kept from before partial dates were written out ("2021-03T00:00:00Z") are re-signed."""
    from wallet.credentials import issuing

    kit.session.credentials.forget_self_issued(kit.job)
    with monkeypatch.context() as patch:  # sign the copy as older versions did
        patch.setattr(issuing, "_date_time", lambda value: value if "T" in value else f"{value}T00:00:00Z")
        old = kit.session.credentials.issue_self_asserted(kit.job)
    assert old["credentialSubject"]["activityStartDate"] == "2021-03T00:00:00Z"
    items = credentials_of(kit.session.sharing.share(kit.view_id, now=NOW).bundle)
    job = next(i for i in items[1:] if isinstance(i.get("issuer"), dict) and i["issuer"]["id"] == kit.session.did)
    assert job["credentialSubject"]["activityStartDate"] == "2021-03-01T00:00:00Z"
    assert kit.session.credentials.issue_self_asserted(kit.job) == job
