"""Wallet lifecycle: create, unlock, recover, check, back up and restore wallets (reached through `wallet.api`).

Secrets come in as arguments (the caller asks the person); they are never read from argv or
files here. Everything else happens on the `Session` these functions return.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from wallet.clock import Clock, system_clock, utc_iso
from wallet.crypto.identity import Identity
from wallet.crypto.kdf import KdfParams, calibrate
from wallet.crypto.kdf import floor as kdf_floor
from wallet.crypto.keywrap import new_data_key, new_recovery_code
from wallet.errors import (
    UsageError,
    WalletDamagedError,
    WalletError,
    WalletExistsError,
    WrongPassphraseError,
)
from wallet.i18n import _, ngettext
from wallet.inputs import read_file
from wallet.session import Session, load_identity, store_identity
from wallet.store import backup as backup_format
from wallet.store import layout as layout_mod
from wallet.store import salvage
from wallet.store.database import Connection, connect, guarded, integrity_problems, page_problems, transaction
from wallet.store.files import fsync_dir, fsync_file, os_errors
from wallet.store.keyfile import KeyFile
from wallet.store.layout import WalletLayout
from wallet.store.migrations import check_supported, migrate, schema_version
from wallet.store.repository import Repository
from wallet.validation import check_new_passphrase

MAX_BACKUP_BYTES = 4 * 1024**3


@dataclass
class CreatedWallet:
    """A new wallet, unlocked, and the recovery code to show the person exactly once (never in its repr)."""

    session: Session
    recovery_code: str = field(repr=False)


def default_wallet_path() -> Path:
    """`LER_WALLET` if set, else `<platform data folder>/LER Wallet/wallet.lerwallet`."""
    env = os.environ.get("LER_WALLET")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("LER Wallet", appauthor=False)) / "wallet.lerwallet"


def create_wallet(
    path: Path,
    passphrase: str,
    *,
    kdf: KdfParams | None = None,
    demo: bool = False,
    clock: Clock = system_clock,
) -> CreatedWallet:
    """Make a new wallet at `path` (which must not exist, or be an empty folder).

    The wallet is built in a hidden sibling folder and renamed into place, so a crash never leaves
    half a wallet at `path`.
    """
    check_new_passphrase(passphrase)
    path = path.expanduser()
    layout_mod.ensure_free(path)
    params = kdf or calibrate()
    data_key = new_data_key()
    recovery_code = new_recovery_code()
    identity = Identity.generate()
    with os_errors(path.parent):
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.creating-", dir=path.parent))
    try:
        staged = WalletLayout(staging)
        conn = connect(staged.db, data_key, create=True)
        try:
            with guarded(path):
                migrate(conn)
            with transaction(conn, staging):
                store_identity(conn, identity, clock)
        finally:
            conn.close()
        keys = KeyFile.seal_new(
            wallet_id=str(uuid.uuid4()), created=utc_iso(clock()), demo=demo, data_key=data_key,
            passphrase=passphrase, recovery_code=recovery_code, kdf=params,
        )
        keys.write(staged.keys)
        with os_errors(staged.readme):
            staged.readme.write_text(layout_mod.README_TEXT, encoding="utf-8")
        with os_errors(path):
            if path.is_dir():
                path.rmdir()  # ensure_free allowed only an empty folder
            os.replace(staging, path)
            fsync_dir(path.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return CreatedWallet(session=_open_with_key(WalletLayout(path), keys, data_key, clock), recovery_code=recovery_code)


def open_wallet(
    path: Path, passphrase: str, *, clock: Clock = system_clock, strengthen: bool = True, check: bool = True
) -> Session:
    """Unlock the wallet at `path`. Wrong passphrase and damaged files raise different errors.

    With `check` (the command line), every page of the database is authenticated before anything is
    read or migrated, so damage anywhere is refused at once; the app passes False and runs a
    `DamageScan` in the background instead, so the first page is not delayed.
    When this machine derives the key in well under the target time, the key is rewrapped with a
    costlier KDF (`strengthen`), so wallets grow stronger on faster machines.
    """
    if not passphrase:
        raise UsageError(_("The passphrase can't be empty."))
    layout = layout_mod.existing(path.expanduser())
    keys = KeyFile.read(layout.keys)
    started = time.perf_counter()
    data_key = keys.unseal_with_passphrase(passphrase)
    elapsed = time.perf_counter() - started
    session = _open_with_key(layout, keys, data_key, clock, check=check)
    for leftover in layout.stale_temp_files():
        with contextlib.suppress(OSError):
            leftover.unlink()
    # A wallet on read-only media still opens; it just keeps its current key file.
    with contextlib.suppress(WalletError):
        if keys.needs_upgrade or not keys.kdf.meets(kdf_floor()):
            # An older key file: authenticate its header and lift its cost to the floor, now the passphrase is known.
            session._replace_keys(keys.with_passphrase(data_key, passphrase, keys.kdf.raised_to(kdf_floor())))
        elif strengthen:
            session.raise_kdf_if_fast(passphrase, elapsed)
    return session


def recover_wallet(
    path: Path, recovery_code: str, new_passphrase: str, *, kdf: KdfParams | None = None,
    clock: Clock = system_clock,
) -> Session:
    """Unlock with the recovery code and set a new passphrase (the recovery code stays valid)."""
    check_new_passphrase(new_passphrase)
    layout = layout_mod.existing(path.expanduser())
    keys = KeyFile.read(layout.keys)
    data_key = keys.unseal_with_recovery_code(recovery_code)
    session = _open_with_key(layout, keys, data_key, clock, check=True)  # damage is refused before the key file changes
    try:
        session.change_passphrase(new_passphrase, kdf=kdf)
        # Sealed again (after the passphrase, so the file is all format 2): an old recovery box gains its version byte.
        session._replace_keys(session._keys.with_recovery_code(data_key, recovery_code))
    except BaseException:
        session.lock()
        raise
    return session


def check_wallet(session: Session) -> list[str]:
    """Every page's authentication and SQLite's structure; empty when the wallet is healthy.

    Damage raises WalletDamagedError with a plain sentence (SQLite's own findings follow it), the
    same error that damage found while reading raises, whichever page it is on.
    """
    conn = session._conn
    if conn is None:
        return [_("The wallet is locked.")]
    with guarded(session.path):
        problems = integrity_problems(conn, session._layout.db)
    if problems:
        raise WalletDamagedError(
            _("The wallet at {path} is damaged ({count} problem(s) found); restore it from a backup. Details: "
              "{problems}").format(path=session.path, count=len(problems), problems='; '.join(problems)[:500])
        )
    return problems


def damage_sentence(path: Path, problems: list[str], *, opened: bool = False) -> str:
    """The one sentence people see for a damaged wallet, with the way out (`opened`: the app found it after unlock)."""
    pages = sum(1 for p in problems if "page" in p.lower())
    what = (ngettext("{n} of its pages fails its check", "{n} of its pages fail their check", pages).format(n=pages)
            if pages else _("its database fails its check"))
    if opened:
        return _("The wallet at {path} is damaged ({what}); restore it from a backup, or copy what can still be "
                 "read into a new wallet with 'ler-wallet rescue NEW-FOLDER'.").format(path=path, what=what)
    return _("The wallet at {path} is damaged ({what}), so it was not opened; restore it from a backup, or copy "
             "what can still be read into a new wallet with 'ler-wallet rescue NEW-FOLDER'.").format(path=path,
                                                                                                 what=what)


class DamageScan:
    """Every page's check on a connection of its own, so the app can run it in a thread after unlock.

    `cancel` (called when the wallet locks) interrupts the scan; `run` then returns [] and reports nothing.
    """

    def __init__(self, session: Session) -> None:
        self._db = session._layout.db
        self._key: bytes | None = session._require_key()
        self._conn: Connection | None = None
        self._cancelled = False

    def run(self) -> list[str]:
        """Problems found (empty when healthy or cancelled); never raises for damage."""
        key, self._key = self._key, None
        if key is None or self._cancelled:
            return []
        try:
            self._conn = connect(self._db, key, create=False)
        except WalletDamagedError as exc:
            return [str(exc)]
        except WalletError:
            return []
        try:
            with guarded(self._db.parent):
                return [] if self._cancelled else page_problems(self._conn, self._db)
        except WalletDamagedError as exc:
            return [] if self._cancelled else [str(exc)]
        except WalletError:
            return []
        finally:
            conn, self._conn = self._conn, None
            conn.close()

    def cancel(self) -> None:
        self._cancelled = True
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.interrupt()


@dataclass
class Inspection:
    """What `ler-wallet check` reports: the problems found and what could still be read."""

    problems: list[str]
    salvage: salvage.SalvageReport

    @property
    def healthy(self) -> bool:
        return not self.problems and self.salvage.complete


def inspect_wallet(path: Path, passphrase: str) -> Inspection:
    """Run the full check (pages, structure, and a trial read of every row) without changing a byte.

    Unlike `open_wallet` it works on a damaged wallet; it never migrates or writes.
    """
    if not passphrase:
        raise UsageError(_("The passphrase can't be empty."))
    layout = layout_mod.existing(path.expanduser())
    data_key = KeyFile.read(layout.keys).unseal_with_passphrase(passphrase)
    conn = connect(layout.db, data_key, create=False, read_only=True)
    try:
        with guarded(layout.root):
            problems = integrity_problems(conn, layout.db)
    finally:
        conn.close()
    report = salvage.SalvageReport()
    if problems:
        source = salvage.Source(lambda: connect(layout.db, data_key, create=False, read_only=True))
        report = _trial_copy(source, layout.root)
    return Inspection(problems, report)


def _trial_copy(old: salvage.Source, where: Path) -> salvage.SalvageReport:
    """Copy into a throwaway in-memory database to learn what a rescue would lose."""
    scratch = connect(Path(":memory:"), new_data_key(), create=True)
    try:
        with guarded(where):
            migrate(scratch)
            return _copy_records(old, scratch)
    finally:
        scratch.close()


def _copy_records(old: salvage.Source, new: Connection) -> salvage.SalvageReport:
    report = salvage.SalvageReport()
    new.execute("BEGIN IMMEDIATE")
    try:
        salvage.copy_into(old, new, report)
        # A credential is its original bytes: one whose original was lost is lost, not kept half.
        new.execute("DELETE FROM records WHERE kind = 'credential' AND id NOT IN (SELECT record_id FROM "
                    "credential_sources)")
        copied = {str(r[0]) for r in new.execute("SELECT id FROM records")}
        report.copied["records"] = len(copied)
        report.lost_records = {rid: title for rid, title in salvage.known_records(old).items() if rid not in copied}
    except BaseException:
        new.execute("ROLLBACK")
        raise
    new.execute("COMMIT")
    return report


@dataclass
class Rescue:
    """The outcome of `rescue_wallet`: where the new wallet is and what did not come across."""

    path: Path
    salvage: salvage.SalvageReport
    new_identity: bool


def rescue_wallet(path: Path, passphrase: str, out: Path, *, clock: Clock = system_clock) -> Rescue:
    """Copy every record that can still be read from a (damaged) wallet into a new wallet at `out`.

    The new wallet keeps the same key file, so the same passphrase and recovery code open it, and the
    same signing key when it can be read (otherwise a new one, and `new_identity` says so). The damaged
    wallet is only read. Like `create_wallet`, the new wallet is built aside and renamed into place.
    """
    if not passphrase:
        raise UsageError(_("The passphrase can't be empty."))
    layout = layout_mod.existing(path.expanduser())
    out = out.expanduser()
    layout_mod.ensure_free(out)
    keys = KeyFile.read(layout.keys)
    data_key = keys.unseal_with_passphrase(passphrase)
    old = salvage.Source(lambda: connect(layout.db, data_key, create=False, read_only=True))
    with os_errors(out.parent):
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.rescuing-", dir=out.parent))
    try:
        staged = WalletLayout(staging)
        new = connect(staged.db, data_key, create=True)
        try:
            with guarded(staging):
                migrate(new)
                report = _copy_records(old, new)
                new_identity = new.execute("SELECT count(*) FROM identity").fetchone()[0] == 0
                if new_identity:
                    with transaction(new, staging):
                        store_identity(new, Identity.generate(), clock)
                _reindex_all(new, staging, clock)
        finally:
            new.close()
        with os_errors(staging):
            fsync_file(staged.db)
        keys.write(staged.keys)  # the same sealed keys: the same passphrase and recovery code
        with os_errors(staged.readme):
            staged.readme.write_text(layout_mod.README_TEXT, encoding="utf-8")
        fsync_dir(staging)
        with os_errors(out):
            if out.is_dir():
                out.rmdir()  # ensure_free allowed only an empty folder
            os.replace(staging, out)
            fsync_dir(out.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Rescue(out, report, new_identity)


def _reindex_all(conn: Connection, where: Path, clock: Clock) -> None:
    """Rebuild the search index of a rescued wallet from its records (the index itself is not copied)."""
    repo = Repository(conn, where, clock)
    ids = [str(r[0]) for r in conn.execute("SELECT id FROM records").fetchall()]
    with transaction(conn, where):
        for record_id in ids:
            repo._reindex(record_id)


def read_backup(backup_file: Path) -> backup_format.Backup:
    """Read and fully check a backup file (no secret needed)."""
    data = read_file(backup_file, limit=MAX_BACKUP_BYTES, what=_("The backup"))
    return backup_format.unpack(data, backup_file)


def restore_backup(
    backup_file: Path,
    target: Path,
    passphrase: str | None = None,
    *,
    recovery_code: str | None = None,
    replace: bool = False,
    clock: Clock = system_clock,
) -> Path:
    """Restore a backup to `target`, checking everything before anything is replaced.

    An existing wallet at `target` is replaced only with `replace=True`, and even then it is moved
    aside (to `<target>.before-restore-<time>`), never deleted. Returns where the old one went, or
    `target` if there was none.
    """
    target = target.expanduser()
    if target.exists() and not replace:
        raise WalletExistsError(
            _("A wallet is already at {target}. Restore to another place, or confirm replacing it.").format(
                target=target)
        )
    backup = read_backup(backup_file)
    if recovery_code is not None:
        data_key = backup.keys.unseal_with_recovery_code(recovery_code)
    elif passphrase:
        data_key = backup.keys.unseal_with_passphrase(passphrase)
    else:
        raise UsageError(_("A passphrase or the recovery code is needed to restore a backup."))
    with os_errors(target.parent):
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.restoring-", dir=target.parent))
    try:
        staged = WalletLayout(staging)
        with os_errors(staged.db):
            staged.db.write_bytes(backup.database)
        conn = connect(staged.db, data_key, create=False)
        try:
            with guarded(staging):
                problems = integrity_problems(conn, staged.db)
                version = schema_version(conn)
            if problems:
                raise WalletDamagedError(_("The backup {backup_file} holds a damaged wallet; nothing was "
                                           "restored.").format(
                                        backup_file=backup_file))
            check_supported(version)
            load_identity(conn)
        finally:
            conn.close()
        backup.keys.write(staged.keys)
        with os_errors(staged.readme):
            staged.readme.write_text(layout_mod.README_TEXT, encoding="utf-8")
        # The database reaches the disk before it is renamed into place, and the folder is synced once
        # SQLite's journal (if the check left one) is gone, so a power cut cannot bring back half of it.
        with os_errors(staged.db):
            fsync_file(staged.db)
        fsync_dir(staging)
        moved_to = target
        with os_errors(target):
            if target.exists():
                moved_to = target.with_name(f"{target.name}.before-restore-{time.strftime('%Y%m%d-%H%M%S')}")
                os.replace(target, moved_to)
            os.replace(staging, target)
            fsync_dir(target.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return moved_to


def layout_check(path: Path) -> None:
    """Raise a clear error unless a wallet is at `path` (before asking anyone for a secret)."""
    layout_mod.existing(path.expanduser())


def ensure_can_create(path: Path) -> None:
    """Raise WalletExistsError if creating a wallet at `path` would overwrite anything."""
    layout_mod.ensure_free(path.expanduser())


def wallet_is_demo(path: Path) -> bool:
    """Whether the wallet at `path` was made by `ler-wallet demo` (readable without a secret)."""
    try:
        return KeyFile.read(layout_mod.existing(path.expanduser()).keys).demo
    except WalletError:
        return False


def _open_with_key(
    layout: WalletLayout, keys: KeyFile, data_key: bytes, clock: Clock, *, check: bool = False
) -> Session:
    conn = connect(layout.db, data_key, create=False)
    try:
        with guarded(layout.root):
            if check:  # before migrate, which would write to a damaged file
                problems = page_problems(conn, layout.db)
                if problems:
                    raise WalletDamagedError(damage_sentence(layout.root, problems))
            version = schema_version(conn)
            if version == 0:
                raise WalletDamagedError(
                    _("The wallet at {root} is damaged: its database is empty or truncated, so it cannot be "
                      "read.").format(
                                                root=layout.root)
                )
            check_supported(version)
            migrate(conn)
            identity = load_identity(conn)
    except BaseException:
        conn.close()
        raise
    return Session(layout, keys, data_key, conn, identity, clock)


__all__ = [
    "CreatedWallet",
    "DamageScan",
    "Inspection",
    "Rescue",
    "WrongPassphraseError",
    "check_wallet",
    "create_wallet",
    "damage_sentence",
    "default_wallet_path",
    "ensure_can_create",
    "inspect_wallet",
    "layout_check",
    "open_wallet",
    "read_backup",
    "recover_wallet",
    "rescue_wallet",
    "restore_backup",
    "wallet_is_demo",
]
