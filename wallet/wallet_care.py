"""Caring for a wallet from the app: back up (remembering where and when, inside the wallet), and read a
backup file's header before anything is restored from it.

The last backup's place and time live in the wallet's own encrypted `meta` table, so nothing about backups is
written outside the wallet. A reminder is due when there has never been a backup, or the last one is older
than `REMIND_AFTER`.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass
from pathlib import Path

from wallet import demo, lifecycle
from wallet.clock import Clock, system_clock, utc_iso
from wallet.crypto.kdf import KdfParams
from wallet.errors import WalletError
from wallet.i18n import _, ngettext
from wallet.inputs import read_file
from wallet.session import Session
from wallet.store.database import guarded
from wallet.store.files import atomic_write

REMIND_AFTER = datetime.timedelta(days=30)
DEMO_PASSPHRASE_FILE = "DEMO-PASSPHRASE.txt"
"""In a demo wallet made by the app: its passphrase, in plain text (a demo holds only made-up records)."""
_PLACE = "last_backup_place"
_WHEN = "last_backup_at"


@dataclass(frozen=True)
class LastBackup:
    """Where the last backup made from this wallet went, and when (UTC)."""

    place: Path
    when: datetime.datetime


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file says about itself once it has been fully checked (no secret needed)."""

    path: Path
    created: str
    size: int


def back_up(session: Session, out: Path, *, clock: Clock = system_clock) -> LastBackup:
    """Write an encrypted backup to `out` (a file, or a folder to name it in), check it reads back, and
    remember its place and time in the wallet. Raises a WalletError with one sentence on failure."""
    before = set(out.iterdir()) if out.is_dir() else set()
    session.backup(out)
    written = out
    if out.is_dir():  # the session named the file inside the folder
        made = [p for p in out.iterdir() if p not in before and p.suffix == ".lerbackup"]
        written = max(made, key=lambda p: p.stat().st_mtime) if made else out
    done = LastBackup(written.resolve(), clock().astimezone(datetime.UTC).replace(microsecond=0))
    with session.repo.batch() as conn:
        for key, value in ((_PLACE, str(done.place)), (_WHEN, utc_iso(done.when))):
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
    return done


def last_backup(session: Session) -> LastBackup | None:
    """The last backup made from this wallet by the app, or None when there is none on record."""
    with session.repo.batch() as conn, guarded(session.path):
        rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)", (_PLACE, _WHEN)).fetchall())
    place, when = rows.get(_PLACE), rows.get(_WHEN)
    if not place or not when:
        return None
    try:
        moment = datetime.datetime.fromisoformat(str(when).replace("Z", "+00:00"))
    except ValueError:
        return None
    return LastBackup(Path(str(place)), moment)


def backup_reminder(last: LastBackup | None, now: datetime.datetime) -> str:
    """One sentence when a backup is due ('' when the last one is recent enough)."""
    if last is None:
        return _("This wallet has never been backed up. Back it up to a USB stick or another disk.")
    age = now - last.when
    if age < REMIND_AFTER:
        return ""
    return ngettext("Your last backup is {n} day old. Back up again so new records are safe too.",
                    "Your last backup is {n} days old. Back up again so new records are safe too.",
                    age.days).format(n=age.days)


def backup_info(path: Path) -> BackupInfo:
    """Read and fully check a backup file (its checksum, format and version) before restoring it."""
    backup = lifecycle.read_backup(path)
    return BackupInfo(path, backup.created, path.stat().st_size)


def make_demo_wallet(path: Path, *, kdf: KdfParams | None = None) -> Session:
    """Make the demo wallet at `path` (the demo learner's records, all labelled demo) and return it unlocked.

    Its passphrase is written beside it in plain text, so the unlock page can show it: it guards nothing real."""
    passphrase = "demo-" + secrets.token_hex(4)
    made = lifecycle.create_wallet(path, passphrase, kdf=kdf, demo=True)
    try:
        demo.populate(made.session)
        atomic_write(path / DEMO_PASSPHRASE_FILE, (passphrase + "\n").encode("utf-8"))
    except BaseException:
        made.session.lock()
        raise
    return made.session


def demo_passphrase(path: Path) -> str:
    """The passphrase of a demo wallet the app made, or '' (any other wallet, or none written down)."""
    if not lifecycle.wallet_is_demo(path):
        return ""
    try:
        text = read_file(path / DEMO_PASSPHRASE_FILE, limit=200, what=_("The demo passphrase")).decode("utf-8")
    except (WalletError, UnicodeDecodeError):
        return ""
    return text.strip() if text.strip().isprintable() else ""


__all__ = ["DEMO_PASSPHRASE_FILE", "REMIND_AFTER", "BackupInfo", "LastBackup", "back_up", "backup_info",
           "backup_reminder", "demo_passphrase", "last_backup", "make_demo_wallet"]
