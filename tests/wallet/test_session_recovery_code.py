"""Replacing the recovery code: the data key is re-sealed under a new code and the old one stops working."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet._helpers import entry, snapshot
from wallet.crypto.keywrap import normalise_recovery_code
from wallet.errors import StorageError, WrongPassphraseError
from wallet.events import Event
from wallet.lifecycle import CreatedWallet, create_wallet, open_wallet, recover_wallet, restore_backup
from wallet.store.keyfile import KeyFile

NEW_PASSPHRASE = "a brand new passphrase"


def test_new_code_recovers_and_old_code_is_refused(created: CreatedWallet) -> None:
    """After replacement the new code opens the wallet, the old code is a wrong code, and records are kept."""
    session, old_code = created.session, created.recovery_code
    record_id = session.add_entry(entry("Warehouse associate"))
    new_code = session.replace_recovery_code(PASSPHRASE)
    assert normalise_recovery_code(new_code) != normalise_recovery_code(old_code)
    assert normalise_recovery_code(new_code)  # a well-formed code (8 groups of 4)
    session.lock()
    with pytest.raises(WrongPassphraseError, match="recovery code does not unlock"):
        recover_wallet(session.path, old_code, NEW_PASSPHRASE, kdf=FAST_KDF)
    with recover_wallet(session.path, new_code, NEW_PASSPHRASE, kdf=FAST_KDF) as recovered:
        assert recovered.get_record(record_id).title == "Warehouse associate"


def test_passphrase_still_opens_after_replacement(created: CreatedWallet) -> None:
    """Only the recovery seal changes: the passphrase keeps opening the wallet."""
    session = created.session
    session.replace_recovery_code(PASSPHRASE)
    path = session.path
    session.lock()
    with open_wallet(path, PASSPHRASE, strengthen=False) as again:
        assert again.count() == 0


def test_wrong_passphrase_changes_nothing(created: CreatedWallet) -> None:
    """A wrong passphrase is refused, no file changes, and the old code still recovers the wallet."""
    session = created.session
    before = snapshot(session.path)
    with pytest.raises(WrongPassphraseError):
        session.replace_recovery_code("not the passphrase at all")
    assert snapshot(session.path) == before
    path = session.path
    session.lock()
    recover_wallet(path, created.recovery_code, NEW_PASSPHRASE, kdf=FAST_KDF).lock()


def test_each_replacement_makes_a_different_code(created: CreatedWallet) -> None:
    """Two replacements give two different codes, and only the latest one opens the wallet."""
    session = created.session
    first = session.replace_recovery_code(PASSPHRASE)
    second = session.replace_recovery_code(PASSPHRASE)
    assert first != second
    keys = KeyFile.read(session.path / "wallet.keys")
    with pytest.raises(WrongPassphraseError):
        keys.unseal_with_recovery_code(first)
    assert len(keys.unseal_with_recovery_code(second)) == 32


def test_replacement_is_announced(created: CreatedWallet) -> None:
    """Listeners hear 'recovery_code_replaced' (never with the code in it)."""
    seen: list[Event] = []
    created.session.events.subscribe(seen.append)
    code = created.session.replace_recovery_code(PASSPHRASE)
    assert [e.name for e in seen] == ["recovery_code_replaced"]
    assert code not in repr(seen)


def test_failed_write_keeps_the_old_code(created: CreatedWallet) -> None:
    """If the key file can't be written, the old code stays in force, also for the next passphrase change."""
    session = created.session
    keys_path = session.path / "wallet.keys"
    saved = keys_path.with_name("keys.saved")
    keys_path.rename(saved)
    keys_path.mkdir()  # a folder where the key file goes: replacing it fails, as on a broken disk
    try:
        with pytest.raises(StorageError):
            session.replace_recovery_code(PASSPHRASE)
    finally:
        keys_path.rmdir()
        saved.rename(keys_path)
    session.change_passphrase(NEW_PASSPHRASE, kdf=FAST_KDF)  # writes the key file the session holds
    path = session.path
    session.lock()
    recover_wallet(path, created.recovery_code, "yet another passphrase", kdf=FAST_KDF).lock()


def test_old_backup_still_opens_with_old_code(created: CreatedWallet, tmp_path: Path) -> None:
    """A backup made before the replacement keeps its own key file, so the old code restores it."""
    session = created.session
    backup = tmp_path / "before.lerbackup"
    session.backup(backup)
    new_code = session.replace_recovery_code(PASSPHRASE)
    restored = tmp_path / "restored.lerwallet"
    restore_backup(backup, restored, recovery_code=created.recovery_code)
    with pytest.raises(WrongPassphraseError):
        restore_backup(backup, tmp_path / "other.lerwallet", recovery_code=new_code)


def test_new_wallet_code_replaced_right_away(tmp_path: Path) -> None:
    """A wallet can replace its code in the same session it was made in."""
    made = create_wallet(tmp_path / "w.lerwallet", PASSPHRASE, kdf=FAST_KDF)
    with made.session as session:
        code = session.replace_recovery_code(PASSPHRASE)
    recover_wallet(tmp_path / "w.lerwallet", code, NEW_PASSPHRASE, kdf=FAST_KDF).lock()
