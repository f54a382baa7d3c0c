"""One-file backups: restore gives the same wallet; a bad backup or secret writes nothing anywhere."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet._helpers import entry, flip, snapshot
from wallet.errors import (
    InvalidInputError,
    NewerWalletError,
    UsageError,
    WalletDamagedError,
    WalletError,
    WalletExistsError,
    WalletLockedError,
    WrongPassphraseError,
)
from wallet.lifecycle import CreatedWallet, check_wallet, open_wallet, read_backup, recover_wallet, restore_backup
from wallet.models import EntryKind
from wallet.session import Session
from wallet.store import backup as backup_format
from wallet.store.migrations import SCHEMA_VERSION
from wallet.store.repository import CredentialFields


def _state(session: Session) -> list[dict[str, object]]:
    return [session.get_record(r.id).to_json() for r in session.list_records()]


@pytest.fixture
def filled(created: CreatedWallet) -> CreatedWallet:
    """The created wallet with entries, tags, evidence and a credential."""
    session = created.session
    job = session.add_entry(entry("Warehouse Associate", start="2021-03", end="2023-08", tags=("logistics",)))
    session.add_entry(entry("Food bank", EntryKind.VOLUNTEERING, skills=("Teamwork",)))
    session.add_evidence(job, "licence.pdf", os.urandom(20_000), media_type="application/pdf")
    session.add_credential(b'{"name": "Badge"}\n', media_type="application/json", fmt="ob3",
                           fields=CredentialFields(title="Badge"))
    return created


@pytest.fixture
def backup_file(filled: CreatedWallet, tmp_path: Path) -> Path:
    """A backup of the filled wallet, written outside it."""
    out = tmp_path / "backups" / "mine.lerbackup"
    out.parent.mkdir()
    size = filled.session.backup(out)
    assert out.stat().st_size == size
    return out


def test_backup_restore_round_trip(filled: CreatedWallet, backup_file: Path, tmp_path: Path) -> None:
    """A restored wallet opens with the same passphrase, has the same records, evidence and DID, and is healthy."""
    session = filled.session
    expected, did = _state(session), session.did
    evidence = {e.id: session.evidence_data(e.id) for r in session.list_records()
                for e in session.get_record(r.id).evidence}
    target = tmp_path / "restored.lerwallet"
    assert restore_backup(backup_file, target, PASSPHRASE) == target
    with open_wallet(target, PASSPHRASE) as restored:
        assert _state(restored) == expected
        assert restored.did == did
        assert {k: restored.evidence_data(k) for k in evidence} == evidence
        assert check_wallet(restored) == []
    assert sorted(p.name for p in target.iterdir()) == ["README.txt", "wallet.db", "wallet.keys"]


def test_restore_with_recovery_code(filled: CreatedWallet, backup_file: Path, tmp_path: Path) -> None:
    """A backup restores with the recovery code alone, and the code then resets the passphrase."""
    target = tmp_path / "restored.lerwallet"
    code = filled.recovery_code.lower().replace("-", " ")
    restore_backup(backup_file, target, recovery_code=code)
    with recover_wallet(target, filled.recovery_code, "brand new passphrase", kdf=FAST_KDF) as restored:
        assert _state(restored) == _state(filled.session)


def test_backup_of_a_wallet_with_changed_passphrase(filled: CreatedWallet, tmp_path: Path) -> None:
    """A backup carries the passphrase current at backup time."""
    filled.session.change_passphrase("the newer passphrase", kdf=FAST_KDF)
    out = tmp_path / "b.lerbackup"
    filled.session.backup(out)
    with pytest.raises(WrongPassphraseError):
        restore_backup(out, tmp_path / "r1", PASSPHRASE)
    restore_backup(out, tmp_path / "r2", "the newer passphrase")


def test_backup_into_a_folder_names_the_file(filled: CreatedWallet, tmp_path: Path) -> None:
    """Backing up to a folder writes one dated .lerbackup file in it."""
    folder = tmp_path / "usb"
    folder.mkdir()
    filled.session.backup(folder)
    (made,) = folder.iterdir()
    assert made.name.startswith("test-") and made.suffix == ".lerbackup"
    read_backup(made)


def test_backup_into_the_wallet_folder_refused(filled: CreatedWallet) -> None:
    """A backup inside the wallet folder (the folder itself or a file in it) is refused and nothing is written."""
    wallet = filled.session.path
    before = snapshot(wallet)
    for out in (wallet, wallet / "inside.lerbackup"):
        with pytest.raises(UsageError, match="outside the wallet folder"):
            filled.session.backup(out)
    assert snapshot(wallet) == before


def test_backup_of_locked_session(filled: CreatedWallet, tmp_path: Path) -> None:
    """Backing up a locked wallet is WalletLockedError and writes nothing."""
    filled.session.lock()
    with pytest.raises(WalletLockedError):
        filled.session.backup(tmp_path / "x.lerbackup")
    assert not (tmp_path / "x.lerbackup").exists()


def test_backup_header_describes_it(backup_file: Path) -> None:
    """The backup header records the schema version and the key file, and holds no plaintext."""
    parsed = read_backup(backup_file)
    assert parsed.schema_version == SCHEMA_VERSION
    assert parsed.created.endswith("Z")
    data = backup_file.read_bytes()
    assert data.startswith(backup_format.MAGIC)
    for secret in (b"Warehouse", b"logistics", b"licence.pdf", b"Badge", PASSPHRASE.encode()):
        assert secret not in data


def test_restore_onto_existing_wallet_without_replace(filled: CreatedWallet, backup_file: Path) -> None:
    """Restoring onto an existing wallet without replace raises WalletExistsError and changes nothing."""
    filled.session.lock()
    parent = filled.session.path.parent
    before = snapshot(parent)
    with pytest.raises(WalletExistsError, match="already at"):
        restore_backup(backup_file, filled.session.path, PASSPHRASE)
    assert snapshot(parent) == before


def test_restore_with_replace_moves_old_wallet_aside(filled: CreatedWallet, backup_file: Path,
                                                     tmp_path: Path) -> None:
    """replace=True moves the old wallet aside (it still opens, unchanged) and puts the backup in its place."""
    session = filled.session
    later = session.add_entry(entry("Added after the backup"))
    current = _state(session)
    session.lock()
    old_files = snapshot(session.path)
    moved = restore_backup(backup_file, session.path, PASSPHRASE, replace=True)
    assert moved != session.path and moved.parent == session.path.parent
    assert moved.name.startswith(session.path.name + ".before-restore-")
    assert snapshot(moved) == old_files
    with open_wallet(moved, PASSPHRASE) as old:
        assert _state(old) == current
    with open_wallet(session.path, PASSPHRASE) as restored:
        assert later not in {r.id for r in restored.list_records()}
        assert len(restored.list_records()) == len(current) - 1


def _header_end(data: bytes) -> int:
    """Offset where the JSON header ends and the database bytes begin."""
    start = len(backup_format.MAGIC)
    return start + 4 + int.from_bytes(data[start : start + 4], "big")


def _expect_nothing_written(backup: Path, target: Path, error: type[WalletError], **kwargs: object) -> WalletError:
    """restore_backup raises `error`; the target's parent (and the target, if any) are unchanged."""
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    before = snapshot(parent)
    with pytest.raises(WalletError) as info:
        restore_backup(backup, target, **kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, error), f"{type(info.value).__name__}: {info.value}"
    assert snapshot(parent) == before, "something was written (a staging folder or the target)"
    return info.value


@pytest.mark.parametrize("cut", [10, 30, "header", "database", "minus-1", "minus-32", "minus-33"])
def test_truncated_backup(backup_file: Path, tmp_path: Path, cut: int | str) -> None:
    """A backup cut short anywhere is WalletDamagedError before anything is written."""
    data = backup_file.read_bytes()
    header_end = _header_end(data)
    length = {"header": header_end - 50, "database": (header_end + len(data)) // 2, "minus-1": len(data) - 1,
              "minus-32": len(data) - 32, "minus-33": len(data) - 33}.get(str(cut), cut)
    assert isinstance(length, int)
    backup_file.write_bytes(data[:length])
    error = _expect_nothing_written(backup_file, tmp_path / "restore-here" / "w", WalletDamagedError,
                                    passphrase=PASSPHRASE)
    assert "truncated" in str(error) or "damaged" in str(error)


@pytest.mark.parametrize("where", [3, 18, 20, "header", "database", "digest"])
def test_bit_flipped_backup(backup_file: Path, tmp_path: Path, where: int | str) -> None:
    """A flipped bit in the magic, length, header, database or checksum is WalletDamagedError; nothing written."""
    data = backup_file.read_bytes()
    header_end = _header_end(data)
    offset = {"header": header_end - 100, "database": header_end + 5000, "digest": len(data) - 5}.get(
        str(where), where)
    assert isinstance(offset, int)
    backup_file.write_bytes(flip(data, offset))
    _expect_nothing_written(backup_file, tmp_path / "restore-here" / "w", WalletDamagedError, passphrase=PASSPHRASE)


def test_damaged_backup_leaves_existing_target_untouched(filled: CreatedWallet, backup_file: Path) -> None:
    """Even with replace=True, a damaged backup leaves the existing wallet exactly where and as it was."""
    filled.session.lock()
    data = backup_file.read_bytes()
    backup_file.write_bytes(flip(data, len(data) // 2))
    _expect_nothing_written(backup_file, filled.session.path, WalletDamagedError, passphrase=PASSPHRASE,
                            replace=True)
    open_wallet(filled.session.path, PASSPHRASE).lock()


def test_backup_with_damaged_database_but_valid_checksum(backup_file: Path, tmp_path: Path) -> None:
    """A backup whose checksum was rebuilt over a damaged database is still refused, with nothing left behind."""
    parsed = read_backup(backup_file)
    bad = dataclasses.replace(parsed, database=flip(parsed.database, len(parsed.database) - 100))
    backup_file.write_bytes(backup_format.pack(bad))
    _expect_nothing_written(backup_file, tmp_path / "restore-here" / "w", WalletDamagedError, passphrase=PASSPHRASE)


def test_backup_from_a_newer_schema(backup_file: Path, tmp_path: Path) -> None:
    """A correctly checksummed backup saying schema_version 99 asks for an update; nothing is written."""
    newer = dataclasses.replace(read_backup(backup_file), schema_version=99)
    backup_file.write_bytes(backup_format.pack(newer))
    with pytest.raises(NewerWalletError, match="newer version"):
        read_backup(backup_file)
    _expect_nothing_written(backup_file, tmp_path / "restore-here" / "w", NewerWalletError, passphrase=PASSPHRASE)


def test_wrong_passphrase_on_restore(backup_file: Path, tmp_path: Path) -> None:
    """A wrong passphrase or recovery code on restore raises WrongPassphraseError and writes nothing."""
    target = tmp_path / "restore-here" / "w"
    _expect_nothing_written(backup_file, target, WrongPassphraseError, passphrase="not the passphrase")
    _expect_nothing_written(backup_file, target, WrongPassphraseError,
                            recovery_code="ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ")


def test_restore_needs_a_secret(backup_file: Path, tmp_path: Path) -> None:
    """Restoring without a passphrase or recovery code is a usage error; nothing is written."""
    _expect_nothing_written(backup_file, tmp_path / "restore-here" / "w", UsageError)


@pytest.mark.parametrize("content", [b"", b"X", b"PK\x03\x04 a zip file", b"SQLite format 3\x00" + b"\x00" * 100])
def test_restore_from_something_else(tmp_path: Path, content: bytes) -> None:
    """A file that is not a backup at all says so, and nothing is written."""
    other = tmp_path / "other.bin"
    other.write_bytes(content)
    error = _expect_nothing_written(other, tmp_path / "restore-here" / "w", InvalidInputError,
                                    passphrase=PASSPHRASE)
    assert "not an LER Wallet backup" in str(error)


def test_restore_syncs_the_database_and_its_folder_before_renaming_them_into_place(
    backup_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """restore fsyncs the new wallet.db, then its staging folder, before the rename; then the parent folder."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("reading an fd's path needs /proc")
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def spy_fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)  # the real call still happens

    def spy_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        events.append(("replace", f"{os.fspath(src)} -> {os.fspath(dst)}"))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", spy_fsync)
    monkeypatch.setattr(os, "replace", spy_replace)
    target = tmp_path / "restored.lerwallet"
    restore_backup(backup_file, target, passphrase=PASSPHRASE)
    monkeypatch.undo()
    [rename] = [i for i, (kind, what) in enumerate(events) if kind == "replace" and what.endswith(f"-> {target}")]
    staging = events[rename][1].split(" -> ")[0]
    before, after = [path for _, path in events[:rename]], [path for _, path in events[rename + 1:]]
    assert f"{staging}/wallet.db" in before, "the database reaches the disk before the rename"
    last_folder_sync = max(i for i, path in enumerate(before) if path == staging)
    assert before.index(f"{staging}/wallet.db") < last_folder_sync, "its folder is synced after it"
    assert str(tmp_path) in after, "the parent folder is synced once the new wallet is in place"
