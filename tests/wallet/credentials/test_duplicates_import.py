"""The same credential twice keeps one copy and says which and why; different credentials sharing an id are kept."""

from __future__ import annotations

import json

from wallet.credentials import demo_issuers
from wallet.session import Session


def test_same_credential_in_other_bytes_keeps_the_stored_copy_and_says_how_they_compare(session: Session) -> None:
    """A re-indented copy of a stored credential is a duplicate naming the kept copy's verdict and this one's."""
    badge = demo_issuers.forklift_badge(session.did)
    [first] = session.credentials.import_bytes(json.dumps(badge).encode(), "a.json")
    [second] = session.credentials.import_bytes(json.dumps(badge, indent=2).encode(), "b.json")
    assert second.outcome == "duplicate" and second.record_id == first.record_id
    assert second.message == ("Already in the wallet: the copy you have was kept (verified with warnings); "
                              "this copy checks no better (verified with warnings).")
    assert session.count() == 1


def test_a_better_checking_copy_replaces_the_stored_one_and_says_so(session: Session) -> None:
    """A stored copy with a broken signature gives way to a copy that verifies; tags and note stay on the record."""
    badge = demo_issuers.forklift_badge(session.did)
    broken = json.loads(json.dumps(badge))
    broken["proof"]["proofValue"] = "z" + "1" * 87
    [first] = session.credentials.import_bytes(json.dumps(broken).encode(), "broken.json")
    assert first.status == "not_verified" and first.record_id
    session.set_tags(first.record_id, ["forklift"])
    good = json.dumps(badge).encode()
    [second] = session.credentials.import_bytes(good, "good.json")
    assert second.outcome == "duplicate" and second.record_id == first.record_id
    assert "this copy checks better (verified with warnings), so the wallet now keeps this one" in second.message
    assert session.credential_original(first.record_id) == good
    record = session.get_record(first.record_id)
    assert record.credential is not None and record.credential.verification == "verified_with_warnings"
    assert record.tags == ("forklift",) and session.count() == 1
    [again] = session.credentials.import_bytes(json.dumps(broken).encode(), "broken-again.json")
    assert "checks no better (not verified)" in again.message
    assert session.credential_original(first.record_id) == good


def test_two_different_credentials_sharing_an_id_are_both_kept(session: Session) -> None:
    """A credential whose content differs from a stored one with the same id is kept too, with a sentence."""
    badge = demo_issuers.forklift_badge(session.did)
    other = json.loads(json.dumps(badge))
    other["name"] = "Certified Reach Truck Operator"
    [first] = session.credentials.import_bytes(json.dumps(badge).encode(), "a.json")
    [second] = session.credentials.import_bytes(json.dumps(other).encode(), "b.json")
    assert first.outcome == second.outcome == "imported"
    assert "shares its id with a different credential in your wallet; both are kept" in second.message
    assert session.count() == 2


def test_two_copies_in_one_import_are_one_record(session: Session) -> None:
    """Two copies of one credential in the same import: the second is the duplicate."""
    badge = demo_issuers.forklift_badge(session.did)
    outcomes = session.credentials.import_many([("a.json", json.dumps(badge).encode()),
                                                ("b.json", json.dumps(badge, indent=1).encode())])
    assert [o.outcome for o in outcomes] == ["imported", "duplicate"]
