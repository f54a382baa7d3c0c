"""Backing up from the app: the backup restores, its place and date are kept in the wallet, reminders."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from wallet import lifecycle
from wallet.errors import InvalidInputError, UsageError, WalletDamagedError
from wallet.models import EntryInput, EntryKind
from wallet.session import Session
from wallet.wallet_care import REMIND_AFTER, back_up, backup_info, backup_reminder, last_backup

WHEN = datetime.datetime(2026, 12, 4, 15, 0, tzinfo=datetime.UTC)


def test_backup_is_remembered_and_restores(session: Session, tmp_path: Path) -> None:
    """A backup into a folder gets a name, reads back, is recorded with its time, and restores the records."""
    session.add_entry(EntryInput(kind=EntryKind.JOB, title="Line cook"))
    assert last_backup(session) is None
    usb = tmp_path / "usb"
    usb.mkdir()
    done = back_up(session, usb, clock=lambda: WHEN)
    assert done.place.parent == usb.resolve() and done.place.suffix == ".lerbackup"
    assert last_backup(session) == done and done.when == WHEN
    info = backup_info(done.place)
    assert info.size == done.place.stat().st_size and info.created.startswith("20")
    target = tmp_path / "restored.lerwallet"
    lifecycle.restore_backup(done.place, target, PASSPHRASE)
    with lifecycle.open_wallet(target, PASSPHRASE) as restored:
        assert [r.title for r in restored.list_records()] == ["Line cook"]


def test_backup_inside_the_wallet_is_refused_and_not_recorded(session: Session) -> None:
    """A backup into the wallet's own folder is refused with a sentence; nothing is recorded."""
    with pytest.raises(UsageError, match="outside the wallet"):
        back_up(session, session.path / "inside.lerbackup")
    assert last_backup(session) is None


def test_reminders() -> None:
    """Never backed up, or older than the limit: a sentence; a recent backup: none."""
    assert "never been backed up" in backup_reminder(None, WHEN)
    from wallet.wallet_care import LastBackup

    recent = LastBackup(Path("/b"), WHEN - datetime.timedelta(days=2))
    old = LastBackup(Path("/b"), WHEN - REMIND_AFTER - datetime.timedelta(days=1))
    assert backup_reminder(recent, WHEN) == ""
    assert "31 days old" in backup_reminder(old, WHEN)


def test_backup_info_checks_the_file(session: Session, tmp_path: Path) -> None:
    """Not a backup, or a damaged one: refused with a sentence before anything is restored."""
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="not an LER Wallet backup"):
        backup_info(other)
    done = back_up(session, tmp_path / "b.lerbackup")
    data = bytearray(done.place.read_bytes())
    data[len(data) // 2] ^= 0xFF
    done.place.write_bytes(bytes(data))
    with pytest.raises(WalletDamagedError):
        backup_info(done.place)
