"""The unlocked session: events for the UI, locking, identity and passphrase checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet._helpers import entry
from wallet.crypto.identity import decode_did_key
from wallet.crypto.kdf import DEFAULT_MEMLIMIT, KdfParams
from wallet.errors import WalletLockedError, WrongPassphraseError
from wallet.events import Event, EventBus
from wallet.lifecycle import CreatedWallet, create_wallet, open_wallet
from wallet.session import Session
from wallet.store.repository import CredentialFields


@pytest.fixture
def events(session: Session) -> list[Event]:
    """Every event the session emits, in order."""
    seen: list[Event] = []
    session.events.subscribe(seen.append)
    return seen


def test_every_write_emits_records_changed(session: Session, events: list[Event]) -> None:
    """add, update, tag, evidence, credential and delete each emit records_changed naming the record."""
    record_id = session.add_entry(entry("Barista"))
    session.update_entry(record_id, entry("Head barista"))
    session.set_tags(record_id, ["coffee"])
    session.add_evidence(record_id, "photo.jpg", b"\xff\xd8", media_type="image/jpeg")
    credential_id = session.add_credential(b'{"a": 1}', media_type="application/json", fmt="vc",
                                           fields=CredentialFields(title="Badge"))
    session.delete_record(record_id)
    assert [(e.name, e.detail) for e in events] == [
        ("records_changed", {"ids": [record_id]}),
        ("records_changed", {"ids": [record_id]}),
        ("records_changed", {"ids": [record_id]}),
        ("records_changed", {"ids": [record_id]}),
        ("records_changed", {"ids": [credential_id]}),
        ("records_changed", {"ids": [record_id]}),
    ]


def test_reads_emit_nothing(session: Session, events: list[Event]) -> None:
    """Listing, searching and getting records emit no events."""
    record_id = session.add_entry(entry("Barista"))
    events.clear()
    session.list_records()
    session.search("bar")
    session.get_record(record_id)
    assert events == []


def test_failed_write_emits_nothing(session: Session, events: list[Event]) -> None:
    """A write that fails (unknown record) emits no records_changed."""
    with pytest.raises(Exception):  # noqa: B017 - the kind is tested elsewhere; only silence matters here
        session.set_tags("ffffffff", ["x"])
    assert events == []


def test_lock_emits_locked_once(session: Session, events: list[Event]) -> None:
    """lock() emits 'locked' once; locking again is harmless and silent."""
    session.lock()
    session.lock()
    assert [e.name for e in events] == ["locked"]
    assert session.is_locked


def test_context_manager_locks(created: CreatedWallet, events: list[Event]) -> None:
    """Leaving a `with session:` block locks the wallet and emits 'locked'."""
    with created.session as session:
        assert not session.is_locked
    assert session.is_locked
    assert [e.name for e in events] == ["locked"]


def test_change_passphrase_emits_event(session: Session, events: list[Event]) -> None:
    """Changing the passphrase emits passphrase_changed (and no records_changed)."""
    session.change_passphrase("a whole new passphrase", kdf=FAST_KDF)
    assert [e.name for e in events] == ["passphrase_changed"]


def test_unsubscribe_stops_events(session: Session) -> None:
    """The function returned by subscribe removes the listener (and is safe to call twice)."""
    seen: list[Event] = []
    unsubscribe = session.events.subscribe(seen.append)
    unsubscribe()
    unsubscribe()
    session.add_entry(entry("Barista"))
    assert seen == []


def test_listener_may_unsubscribe_while_handling() -> None:
    """A listener removing itself during emit does not stop the other listeners."""
    bus = EventBus()
    seen: list[str] = []
    remove_first = bus.subscribe(lambda e: (seen.append("first"), remove_first()))
    bus.subscribe(lambda e: seen.append("second"))
    bus.emit("records_changed", ids=[])
    bus.emit("records_changed", ids=[])
    assert seen == ["first", "second", "second"]


def test_identity_and_did_document(session: Session) -> None:
    """The session's DID is an Ed25519 did:key whose document names it, and signatures are 64 bytes."""
    assert decode_did_key(session.did) == session.identity.public_key
    document = session.did_document()
    assert document["id"] == session.did
    assert len(session.identity.sign(b"x")) == 64


def test_locking_drops_secrets(session: Session) -> None:
    """After lock the identity and repository are gone."""
    session.lock()
    with pytest.raises(WalletLockedError):
        _ = session.identity
    with pytest.raises(WalletLockedError):
        _ = session.repo


def test_verify_passphrase(session: Session) -> None:
    """verify_passphrase accepts the current passphrase and rejects any other."""
    session.verify_passphrase(PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        session.verify_passphrase("not the passphrase")


def test_kdf_params_and_demo_flag(session: Session) -> None:
    """The session reports its KDF settings and that it is not a demo."""
    assert session.kdf_params == FAST_KDF
    assert session.is_demo is False


def test_fast_kdf_is_never_strengthened(session: Session) -> None:
    """raise_kdf_if_fast leaves low-memory (test) parameters alone."""
    assert session.raise_kdf_if_fast(PASSPHRASE, 0.001) is False
    assert session.kdf_params == FAST_KDF


@pytest.mark.slow
def test_strengthening_rewraps_with_more_passes(tmp_path: Path) -> None:
    """A 256 MiB wallet derived much faster than the target is rewrapped with more passes and still opens."""
    light = KdfParams(opslimit=1, memlimit=DEFAULT_MEMLIMIT)
    made = create_wallet(tmp_path / "w", PASSPHRASE, kdf=light)
    try:
        assert made.session.raise_kdf_if_fast(PASSPHRASE, 0.2) is True
        assert made.session.kdf_params == KdfParams(opslimit=3, memlimit=DEFAULT_MEMLIMIT)
    finally:
        made.session.lock()
    reopened = open_wallet(made.session.path, PASSPHRASE, strengthen=False)
    assert reopened.kdf_params.opslimit == 3
    reopened.lock()
