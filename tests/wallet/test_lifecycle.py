"""The facade's lifecycle: create, lock, open, change passphrase, recover; refusals change nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet._helpers import entry, snapshot
from wallet import lifecycle
from wallet.errors import (
    InvalidInputError,
    StorageError,
    UsageError,
    WalletExistsError,
    WalletLockedError,
    WalletNotFoundError,
    WrongPassphraseError,
)
from wallet.lifecycle import CreatedWallet, check_wallet, create_wallet, open_wallet, recover_wallet
from wallet.models import EntryKind
from wallet.session import Session
from wallet.store.keyfile import KeyFile
from wallet.store.layout import WalletLayout

NEW_PASSPHRASE = "a brand new passphrase"


def _populate(session: Session) -> dict[str, bytes]:
    """Add entries of several kinds, tags and evidence; return evidence id -> bytes."""
    job = session.add_entry(entry("Warehouse Associate", organisation="Riverside", start="2021-03",
                                  end="2023-08", skills=("Forklift operation",), tags=("logistics",)))
    session.add_entry(entry("Food bank helper", EntryKind.VOLUNTEERING, start="2020-01"))
    care = session.add_entry(entry("Caring for a parent", EntryKind.CAREGIVING, description="Daily care."))
    session.set_tags(care, ["family", "care"])
    blob = os.urandom(5000) + b"\x00\xff"
    evidence_id = session.add_evidence(job, "forklift-licence.pdf", blob, media_type="application/pdf")
    return {evidence_id: blob}


def _state(session: Session) -> list[dict[str, object]]:
    """Everything a person can see about the records, in list order."""
    return [session.get_record(r.id).to_json() for r in session.list_records()]


def test_lifecycle_create_lock_open(created: CreatedWallet) -> None:
    """Records, tags, evidence bytes and the DID survive lock and open unchanged."""
    session = created.session
    blobs = _populate(session)
    before, did = _state(session), session.did
    session.lock()
    assert session.is_locked
    reopened = open_wallet(session.path, PASSPHRASE)
    try:
        assert _state(reopened) == before
        assert reopened.did == did
        for evidence_id, blob in blobs.items():
            assert reopened.evidence_data(evidence_id) == blob
        assert check_wallet(reopened) == []
    finally:
        reopened.lock()


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.list_records(),
        lambda s: s.count(),
        lambda s: s.search("warehouse"),
        lambda s: s.get_record("abcd"),
        lambda s: s.add_entry(entry("After lock")),
        lambda s: s.set_tags("abcd", ["x"]),
        lambda s: s.delete_record("abcd"),
        lambda s: s.evidence_data("abcd"),
        lambda s: s.did,
        lambda s: s.did_document(),
        lambda s: s.verify_passphrase(PASSPHRASE),
        lambda s: s.change_passphrase(NEW_PASSPHRASE, kdf=FAST_KDF),
        lambda s: s.backup_bytes(),
    ],
)
def test_locked_session_refuses_everything(created: CreatedWallet, call: object) -> None:
    """After lock every use of the session raises WalletLockedError and nothing is written."""
    session = created.session
    session.lock()
    before = snapshot(session.path)
    with pytest.raises(WalletLockedError, match="locked"):
        call(session)  # type: ignore[operator]
    assert snapshot(session.path) == before


def test_opening_and_reading_writes_nothing(created: CreatedWallet) -> None:
    """Open, list, search and lock leave every file byte-identical (FAST_KDF is never 'strengthened')."""
    _populate(created.session)
    created.session.lock()
    before = snapshot(created.session.path)
    with open_wallet(created.session.path, PASSPHRASE) as session:
        session.list_records()
        session.search("ware")
    assert snapshot(created.session.path) == before


def test_change_passphrase(created: CreatedWallet) -> None:
    """After a change the old passphrase fails, the new one works, and records and wallet.db bytes are unchanged."""
    session = created.session
    _populate(session)
    before = _state(session)
    db = WalletLayout(session.path).db
    db_bytes = db.read_bytes()
    session.change_passphrase(NEW_PASSPHRASE, kdf=FAST_KDF)
    assert db.read_bytes() == db_bytes
    session.verify_passphrase(NEW_PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        session.verify_passphrase(PASSPHRASE)
    session.lock()
    assert db.read_bytes() == db_bytes
    with pytest.raises(WrongPassphraseError):
        open_wallet(session.path, PASSPHRASE)
    with open_wallet(session.path, NEW_PASSPHRASE) as reopened:
        assert _state(reopened) == before


@pytest.mark.parametrize("weak", ["", "   ", "short"])
def test_change_to_weak_passphrase_refused(created: CreatedWallet, weak: str) -> None:
    """An empty or too-short new passphrase is a usage error and the key file is untouched."""
    before = snapshot(created.session.path)
    with pytest.raises(UsageError):
        created.session.change_passphrase(weak, kdf=FAST_KDF)
    assert snapshot(created.session.path) == before
    created.session.verify_passphrase(PASSPHRASE)


def _with_known_recovery_code(wallet: Path, code: str) -> None:
    """Reseal a locked wallet's data key under a chosen recovery code (through the key-file API)."""
    keys_path = WalletLayout(wallet).keys
    keys = KeyFile.read(keys_path)
    keys.with_recovery_code(keys.unseal_with_passphrase(PASSPHRASE), code).write(keys_path)


def test_recover_with_printed_code(created: CreatedWallet) -> None:
    """The recovery code shown at creation unlocks the wallet and sets a new passphrase; it stays valid."""
    session = created.session
    _populate(session)
    before = _state(session)
    session.lock()
    with recover_wallet(session.path, created.recovery_code, NEW_PASSPHRASE, kdf=FAST_KDF) as recovered:
        assert _state(recovered) == before
    with pytest.raises(WrongPassphraseError):
        open_wallet(session.path, PASSPHRASE)
    open_wallet(session.path, NEW_PASSPHRASE).lock()
    recover_wallet(session.path, created.recovery_code, "yet another passphrase", kdf=FAST_KDF).lock()


@pytest.mark.parametrize(
    "typed",
    [
        "ab01-cd01-ef01-gh01-jk01-mn01-pq01-rs01",  # lower case
        "AB01 CD01 EF01 GH01 JK01 MN01 PQ01 RS01",  # spaces instead of dashes
        "AB01CD01EF01GH01JK01MN01PQ01RS01",  # no separators
        "ABOI-CDOI-EFOl-GHOl-JKOI-MNOI-PQOI-RSOI",  # O for 0, I and l for 1
        "  aboi cdol-efoi ghoi jkoi-mnoi pqoi rsoi\n",  # all of it at once
    ],
)
def test_recover_accepts_sloppy_typing(created: CreatedWallet, typed: str) -> None:
    """Recovery accepts lower case, spaces and O/0, I/1, l/1 confusions."""
    session = created.session
    session.lock()
    _with_known_recovery_code(session.path, "AB01-CD01-EF01-GH01-JK01-MN01-PQ01-RS01")
    recover_wallet(session.path, typed, NEW_PASSPHRASE, kdf=FAST_KDF).lock()
    open_wallet(session.path, NEW_PASSPHRASE).lock()


def test_recover_accepts_lower_case_printed_code(created: CreatedWallet) -> None:
    """The real printed code typed in lower case with spaces unlocks the wallet."""
    created.session.lock()
    typed = created.recovery_code.lower().replace("-", " ")
    recover_wallet(created.session.path, typed, NEW_PASSPHRASE, kdf=FAST_KDF).lock()


def test_wrong_recovery_code(created: CreatedWallet) -> None:
    """A wrong recovery code raises WrongPassphraseError; the old passphrase still works; nothing changed."""
    created.session.lock()
    wallet = created.session.path
    before = snapshot(wallet)
    wrong = "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"
    assert wrong != created.recovery_code
    with pytest.raises(WrongPassphraseError, match="recovery code does not unlock"):
        recover_wallet(wallet, wrong, NEW_PASSPHRASE, kdf=FAST_KDF)
    assert snapshot(wallet) == before
    open_wallet(wallet, PASSPHRASE).lock()


def test_malformed_recovery_code(created: CreatedWallet) -> None:
    """A recovery code of the wrong shape is an input error, not a wrong code, and changes nothing."""
    created.session.lock()
    before = snapshot(created.session.path)
    with pytest.raises(InvalidInputError, match="8 groups of 4"):
        recover_wallet(created.session.path, "1234", NEW_PASSPHRASE, kdf=FAST_KDF)
    assert snapshot(created.session.path) == before


def test_recover_with_weak_new_passphrase(created: CreatedWallet) -> None:
    """Recovery with a too-short new passphrase is refused before anything is unlocked or written."""
    created.session.lock()
    before = snapshot(created.session.path)
    with pytest.raises(UsageError):
        recover_wallet(created.session.path, created.recovery_code, "short", kdf=FAST_KDF)
    assert snapshot(created.session.path) == before


def test_create_over_non_empty_folder(tmp_path: Path) -> None:
    """Creating where a non-empty folder is raises WalletExistsError and changes nothing."""
    target = tmp_path / "things"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(WalletExistsError, match="already at"):
        create_wallet(target, PASSPHRASE, kdf=FAST_KDF)
    assert snapshot(tmp_path) == before


def test_create_over_existing_wallet(created: CreatedWallet) -> None:
    """Creating over an existing wallet raises WalletExistsError and the wallet still opens as before."""
    session = created.session
    _populate(session)
    session.lock()
    parent = session.path.parent
    before = snapshot(parent)
    with pytest.raises(WalletExistsError):
        create_wallet(session.path, "another passphrase", kdf=FAST_KDF)
    assert snapshot(parent) == before
    open_wallet(session.path, PASSPHRASE).lock()


def test_create_over_a_file(tmp_path: Path) -> None:
    """Creating where a plain file is raises WalletExistsError and leaves the file alone."""
    target = tmp_path / "wallet.lerwallet"
    target.write_bytes(b"precious")
    with pytest.raises(WalletExistsError):
        create_wallet(target, PASSPHRASE, kdf=FAST_KDF)
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["wallet.lerwallet"]


def test_create_leaves_only_the_wallet(tmp_path: Path) -> None:
    """After create the parent holds exactly the wallet folder (no staging folder), with its three files."""
    made = create_wallet(tmp_path / "mine.lerwallet", PASSPHRASE, kdf=FAST_KDF)
    made.session.lock()
    assert [p.name for p in tmp_path.iterdir()] == ["mine.lerwallet"]
    assert sorted(p.name for p in made.session.path.iterdir()) == ["README.txt", "wallet.db", "wallet.keys"]


def test_create_into_empty_folder_and_nested_parent(tmp_path: Path) -> None:
    """An empty folder may be the target, and missing parent folders are made."""
    (tmp_path / "empty").mkdir()
    create_wallet(tmp_path / "empty", PASSPHRASE, kdf=FAST_KDF).session.lock()
    create_wallet(tmp_path / "a" / "b" / "w.lerwallet", PASSPHRASE, kdf=FAST_KDF).session.lock()
    open_wallet(tmp_path / "empty", PASSPHRASE).lock()
    open_wallet(tmp_path / "a" / "b" / "w.lerwallet", PASSPHRASE).lock()


@pytest.mark.parametrize("weak", ["", "    ", "seven77"])
def test_create_with_weak_passphrase(tmp_path: Path, weak: str) -> None:
    """An empty or short passphrase is refused and nothing is created."""
    with pytest.raises(UsageError):
        create_wallet(tmp_path / "w", weak, kdf=FAST_KDF)
    assert list(tmp_path.iterdir()) == []


def test_create_under_a_file_is_storage_error(tmp_path: Path) -> None:
    """A parent path that is a file gives a StorageError, and no staging folder is left."""
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    with pytest.raises(StorageError):
        create_wallet(tmp_path / "plain" / "w.lerwallet", PASSPHRASE, kdf=FAST_KDF)
    assert [p.name for p in tmp_path.iterdir()] == ["plain"]


def test_new_wallet_has_unique_identity_and_code(tmp_path: Path) -> None:
    """Two new wallets have different DIDs, recovery codes and data."""
    first = create_wallet(tmp_path / "one", PASSPHRASE, kdf=FAST_KDF)
    second = create_wallet(tmp_path / "two", PASSPHRASE, kdf=FAST_KDF)
    try:
        assert first.session.did != second.session.did
        assert first.recovery_code != second.recovery_code
        assert first.session.count() == second.session.count() == 0
    finally:
        first.session.lock()
        second.session.lock()


def test_check_wallet_on_locked_session(created: CreatedWallet) -> None:
    """check_wallet on a locked session says so instead of crashing."""
    created.session.lock()
    assert check_wallet(created.session) == ["The wallet is locked."]


def test_layout_helpers(created: CreatedWallet, tmp_path: Path) -> None:
    """layout_check, ensure_can_create and wallet_is_demo answer without any secret."""
    wallet = created.session.path
    lifecycle.layout_check(wallet)
    with pytest.raises(WalletNotFoundError):
        lifecycle.layout_check(tmp_path / "missing")
    with pytest.raises(WalletExistsError):
        lifecycle.ensure_can_create(wallet)
    lifecycle.ensure_can_create(tmp_path / "fresh")
    assert lifecycle.wallet_is_demo(wallet) is False
    assert lifecycle.wallet_is_demo(tmp_path / "missing") is False


def test_demo_flag_is_kept(tmp_path: Path) -> None:
    """A wallet created as a demo is reported as one, before and after unlocking."""
    made = create_wallet(tmp_path / "demo", PASSPHRASE, kdf=FAST_KDF, demo=True)
    assert made.session.is_demo
    made.session.lock()
    assert lifecycle.wallet_is_demo(tmp_path / "demo")


def test_default_wallet_path_honours_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """LER_WALLET chooses the wallet; without it the path is in the platform data folder."""
    monkeypatch.setenv("LER_WALLET", str(tmp_path / "usb" / "w.lerwallet"))
    assert lifecycle.default_wallet_path() == tmp_path / "usb" / "w.lerwallet"
    monkeypatch.delenv("LER_WALLET")
    default = lifecycle.default_wallet_path()
    assert default.name == "wallet.lerwallet" and "LER Wallet" in str(default)
