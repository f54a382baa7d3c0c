"""Editing what is in the wallet: entries of every kind, evidence replace/remove, notes, hiding, delete and undo."""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.wallet._helpers import entry
from wallet.credentials import demo_issuers
from wallet.errors import DuplicateRecordError, InvalidInputError, RecordNotFoundError, UsageError
from wallet.models import EntryInput, EntryKind
from wallet.session import Session
from wallet.skills.suggest import suggest_skills


def _badge(session: Session, name: str = "badge.json") -> str:
    data = json.dumps(demo_issuers.forklift_badge(session.did)).encode()
    [outcome] = session.credentials.import_bytes(data, name)
    assert outcome.record_id
    return outcome.record_id


def _originals(session: Session) -> dict[str, str]:
    return {r.id: hashlib.sha256(session.credential_original(r.id)).hexdigest()
            for r in session.list_records() if r.credential is not None}


@pytest.mark.parametrize("kind", list(EntryKind))
def test_every_kind_is_added_edited_and_read_back(session: Session, kind: EntryKind) -> None:
    """Each kind of experience, "other" included, is stored, edited and read back as written."""
    rid = session.add_entry(EntryInput.from_json({"kind": kind.value, "title": "First", "start": "2021-03"}))
    session.update_entry(rid, entry("Second", kind, organisation="Org", end="2022-01", tags=("a",)))
    record = session.get_record(rid)
    assert (record.entry_kind, record.title, record.organisation, record.end, record.tags) == (
        kind, "Second", "Org", "2022-01", ("a",))
    assert record.kind_label.endswith("(self-asserted)")


def test_evidence_is_replaced_in_place_and_removed(session: Session) -> None:
    """Replacing keeps the evidence id and description with new bytes; removing takes it out of the record."""
    rid = session.add_entry(entry("Warehouse"))
    eid = session.add_evidence(rid, "old.txt", b"old", media_type="text/plain", description="shift log")
    session.replace_evidence(eid, "/somewhere/new.pdf", b"%PDF new", media_type="application/pdf")
    [item] = session.get_record(rid).evidence
    assert (item.id, item.filename, item.description, item.size) == (eid, "new.pdf", "shift log", 8)
    assert session.evidence_data(eid) == b"%PDF new"
    assert session.search("new.pdf")[0].id == rid
    session.remove_evidence(eid)
    assert session.get_record(rid).evidence == ()
    with pytest.raises(RecordNotFoundError):
        session.remove_evidence(eid)


def test_note_and_hidden_apply_to_imported_records(session: Session) -> None:
    """A note and the hidden flag work on an issued credential without touching its original bytes."""
    rid = _badge(session)
    before = _originals(session)
    session.set_note(rid, "  Ask Sam for the paper copy  ")
    session.set_hidden(rid, True)
    record = session.get_record(rid)
    assert (record.note, record.hidden) == ("Ask Sam for the paper copy", True)
    assert rid not in [r.id for r in session.list_records(include_hidden=False)]
    assert rid in [r.id for r in session.list_records()]
    assert session.count(include_hidden=False) == 0 and session.count() == 1
    assert session.search("paper copy", include_hidden=False) == []
    assert session.search("paper copy")[0].id == rid
    session.set_hidden(rid, False)
    assert [r.id for r in session.list_records(include_hidden=False)] == [rid]
    assert _originals(session) == before
    with pytest.raises(InvalidInputError):
        session.set_note(rid, "x" * 20_001)


def test_delete_and_undo_restore_everything_and_touch_no_other_record(session: Session) -> None:
    """Undo puts back the record with its id, tags, note, evidence and check; the other records' bytes stay."""
    keep = _badge(session, "keep.json")
    gone = session.add_entry(entry("Caregiving", EntryKind.CAREGIVING, tags=("family",)))
    session.add_evidence(gone, "letter.txt", b"thanks", media_type="text/plain")
    session.set_note(gone, "mine")
    session.credentials.issue_self_asserted(gone)
    before_other = _originals(session)
    full = session.get_record(gone)
    assert session.delete_record(gone) == "Caregiving"
    assert session.undoable_delete() == "Caregiving"
    with pytest.raises(RecordNotFoundError):
        session.get_record(gone)
    assert session.search("Caregiving") == []
    assert _originals(session) == before_other and [r.id for r in session.list_records()] == [keep]
    assert session.undo_delete() == gone
    back = session.get_record(gone)
    assert (back.title, back.tags, back.note, [e.filename for e in back.evidence]) == (
        "Caregiving", ("family",), "mine", ["letter.txt"])
    assert back.created_at == full.created_at
    assert session.search("Caregiving")[0].id == gone
    assert session.undoable_delete() is None
    with pytest.raises(UsageError):
        session.undo_delete()


def test_deleted_credential_comes_back_with_its_original_bytes_and_check(session: Session) -> None:
    """A deleted credential returns byte for byte with its verification result; re-imported meanwhile, undo says so."""
    rid = _badge(session)
    original = session.credential_original(rid)
    status = session.get_record(rid).credential
    session.delete_record(rid)
    session.undo_delete()
    assert session.credential_original(rid) == original
    assert session.get_record(rid).credential == status
    session.delete_record(rid)
    again = _badge(session, "again.json")
    with pytest.raises(DuplicateRecordError):
        session.undo_delete()
    assert [r.id for r in session.list_records()] == [again]


def test_undo_lasts_until_the_wallet_locks(session: Session) -> None:
    """Deleted records are kept for undo only in memory: locking drops them."""
    session.delete_record(session.add_entry(entry("Gone")))
    session.lock()
    assert session._deleted == []


def test_skill_suggestions_use_the_taxonomy_words(session: Session) -> None:
    """Text about an experience suggests the taxonomy's labels, without those already chosen or repeats."""
    text = "Supervised a team of five; customer service every day and more customer service."
    found = suggest_skills(text)
    assert "customer service" in found and "manage a team" in found
    assert len(found) == len(set(found))
    assert "customer service" not in suggest_skills(text, already=["Customer Service"])
    assert suggest_skills("") == []
