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
from wallet.crypto.keywrap import new_data_key, new_recovery_code
from wallet.errors import (
    UsageError,
    WalletDamagedError,
    WalletError,
    WalletExistsError,
    WrongPassphraseError,
)
from wallet.inputs import read_file
from wallet.session import Session, load_identity, store_identity
from wallet.store import backup as backup_format
from wallet.store import layout as layout_mod
from wallet.store.database import connect, guarded, integrity_problems, transaction
from wallet.store.files import fsync_dir, os_errors
from wallet.store.keyfile import KeyFile
from wallet.store.layout import WalletLayout
from wallet.store.migrations import check_supported, migrate, schema_version
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


def open_wallet(path: Path, passphrase: str, *, clock: Clock = system_clock, strengthen: bool = True) -> Session:
    """Unlock the wallet at `path`. Wrong passphrase and damaged files raise different errors.

    When this machine derives the key in well under the target time, the key is rewrapped with a
    costlier KDF (`strengthen`), so wallets grow stronger on faster machines.
    """
    if not passphrase:
        raise UsageError("The passphrase can't be empty.")
    layout = layout_mod.existing(path.expanduser())
    keys = KeyFile.read(layout.keys)
    started = time.perf_counter()
    data_key = keys.unseal_with_passphrase(passphrase)
    elapsed = time.perf_counter() - started
    session = _open_with_key(layout, keys, data_key, clock)
    for leftover in layout.stale_temp_files():
        with contextlib.suppress(OSError):
            leftover.unlink()
    if strengthen:
        # A wallet on read-only media still opens; it just keeps its current cost.
        with contextlib.suppress(WalletError):
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
    session = _open_with_key(layout, keys, data_key, clock)
    try:
        session.change_passphrase(new_passphrase, kdf=kdf)
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
        return ["The wallet is locked."]
    with guarded(session.path):
        problems = integrity_problems(conn)
    if problems:
        raise WalletDamagedError(
            f"The wallet at {session.path} is damaged ({len(problems)} problem(s) found); restore it from a "
            f"backup. Details: {'; '.join(problems)[:500]}"
        )
    return problems


def read_backup(backup_file: Path) -> backup_format.Backup:
    """Read and fully check a backup file (no secret needed)."""
    data = read_file(backup_file, limit=MAX_BACKUP_BYTES, what="The backup")
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
            f"A wallet is already at {target}. Restore to another place, or confirm replacing it."
        )
    backup = read_backup(backup_file)
    if recovery_code is not None:
        data_key = backup.keys.unseal_with_recovery_code(recovery_code)
    elif passphrase:
        data_key = backup.keys.unseal_with_passphrase(passphrase)
    else:
        raise UsageError("A passphrase or the recovery code is needed to restore a backup.")
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
                problems = integrity_problems(conn)
                version = schema_version(conn)
            if problems:
                raise WalletDamagedError(f"The backup {backup_file} holds a damaged wallet; nothing was restored.")
            check_supported(version)
            load_identity(conn)
        finally:
            conn.close()
        backup.keys.write(staged.keys)
        with os_errors(staged.readme):
            staged.readme.write_text(layout_mod.README_TEXT, encoding="utf-8")
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


def _open_with_key(layout: WalletLayout, keys: KeyFile, data_key: bytes, clock: Clock) -> Session:
    conn = connect(layout.db, data_key, create=False)
    try:
        with guarded(layout.root):
            version = schema_version(conn)
            if version == 0:
                raise WalletDamagedError(
                    f"The wallet at {layout.root} is damaged: its database is empty or truncated, so it cannot be read."
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
    "WrongPassphraseError",
    "check_wallet",
    "create_wallet",
    "default_wallet_path",
    "ensure_can_create",
    "layout_check",
    "open_wallet",
    "read_backup",
    "recover_wallet",
    "restore_backup",
    "wallet_is_demo",
]
