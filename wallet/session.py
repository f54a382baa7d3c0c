"""An unlocked wallet: the one object that holds the data key, the connection and the signing key.

Locking closes the database and drops every secret reference; any later call raises
WalletLockedError. (Python cannot promise to wipe freed memory; SQLCipher's own key memory is
wiped because `cipher_memory_security` is on.)

Threads (the app; the command line uses one thread). The session's own connection is the writer: one
background thread uses it (the app's job queue, ui.worker.Jobs), one job at a time, each inside
`working()`. The window's thread never touches it: it reads through `reader`, a read-only session on its
own connection, which sees only committed data, so it never shows rows that a running job might still
roll back (an import is one transaction; see wallet.store.database for why readers are never locked out
while it runs). `lock()` does not wait for a job: it sets the session's CancelToken, forgets the keys and
closes the reader at once; a job checks the token between its steps, its WalletLockedError rolls its
transaction back, and the writer is closed by that job's thread when it leaves `working()`, so a
connection is never closed under a thread that is still using it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from wallet.cancel import CancelToken
from wallet.clock import Clock, system_clock, utc_iso
from wallet.credential_service import CredentialService
from wallet.crypto import identity as identity_mod
from wallet.crypto.identity import Identity
from wallet.crypto.kdf import KdfParams, calibrate
from wallet.crypto.keywrap import new_recovery_code
from wallet.errors import UsageError, WalletDamagedError, WalletLockedError, WrongPassphraseError
from wallet.events import EventBus
from wallet.holder import HolderService
from wallet.i18n import _
from wallet.models import EntryInput, Record
from wallet.sharing.service import SharingService, sources_from
from wallet.skills_service import EvidenceKinds, SkillsService
from wallet.store import backup as backup_format
from wallet.store.database import Connection, connect, guarded, page_problems
from wallet.store.deletion import Deleted
from wallet.store.files import atomic_write, os_errors
from wallet.store.holder_store import HolderStore
from wallet.store.keyfile import KeyFile
from wallet.store.layout import WalletLayout
from wallet.store.migrations import schema_version
from wallet.store.repository import CredentialFields, Repository
from wallet.store.share_store import ShareStore
from wallet.store.skills_store import SkillsStore
from wallet.store.verification_store import VerificationStore
from wallet.validation import check_new_passphrase


class Session:
    """Use cases on an unlocked wallet. Created by `wallet.lifecycle`, never directly."""

    def __init__(
        self,
        layout: WalletLayout,
        keys: KeyFile,
        data_key: bytes,
        conn: Connection,
        identity: Identity,
        clock: Clock = system_clock,
        *,
        read_only: bool = False,
    ) -> None:
        self._guard = threading.Lock()
        """Guards the fields below, which the job thread and the window's thread both look at."""
        self._locked = False
        self._cancel = CancelToken()
        self._workers = 0
        self._read_only = read_only
        self._reader: Session | None = None
        self._deleted: list[Deleted] = []
        """Records deleted in this session, newest last, for Undo; dropped on lock (memory only)."""
        self._layout = layout
        self._keys = keys
        self._data_key: bytes | None = data_key
        self._conn: Connection | None = conn
        self._identity: Identity | None = identity
        self._repo: Repository | None = Repository(conn, layout.root, clock)
        self._clock = clock
        self.events = EventBus()
        results = VerificationStore(conn, layout.root, clock)
        self._holder: HolderService | None = HolderService(
            self._repo, HolderStore(conn, layout.root, clock), results, lambda: self.identity.did, self.events.emit
        )
        self._credentials: CredentialService | None = CredentialService(
            self._repo, results, lambda: self.identity, clock, self.events.emit,
            lambda: self.holder.display_name(), holder=lambda: self.holder.holder(), checkpoint=self._cancel.check,
        )
        self._skills: SkillsService | None = SkillsService(
            self._repo, SkillsStore(conn, layout.root, clock), self._credentials.endorsed_records,
            evidence_kinds=lambda: EvidenceKinds(
                self.holder.records_for_someone_else(), results.check_outcomes("trusted issuer"), self.identity.did,
                results.children_for_someone_else(),
            ),
        )
        self.events.subscribe(self._skills.on_event)
        self._sharing: SharingService | None = SharingService(
            sources_from(lambda: self.repo, lambda: self.skills, lambda: self.credentials, lambda: self.holder,
                         lambda: self.identity),
            ShareStore(conn, layout.root), clock, self.events.emit,
        )

    def __repr__(self) -> str:
        """Where and whether it is open; never a key."""
        state = "locked" if self._locked else "read-only" if self._read_only else "unlocked"
        return f"<Session {self._layout.root} ({state})>"

    # -- state ----------------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self._layout.root

    @property
    def is_demo(self) -> bool:
        return self._keys.demo

    @property
    def is_locked(self) -> bool:
        return self._locked

    @property
    def kdf_params(self) -> KdfParams:
        return self._keys.kdf

    def lock(self) -> None:
        """Forget the keys, cancel background work and close the database. Safe to call twice.

        Never waits for a job: one still inside `working()` is cancelled at its next step, and its thread
        closes the connection on the way out (see the module docstring).
        """
        with self._guard:
            if self._locked:
                return
            self._locked = True
            self._cancel.cancel()
            conn = self._conn if self._workers == 0 else None
            if conn is not None:
                self._conn = None
            reader, self._reader = self._reader, None
            self._repo = None
            self._credentials = None
            self._skills = None
            self._holder = None
            self._sharing = None
            self._data_key = None
            self._identity = None
            self._deleted = []
        try:
            if reader is not None:
                reader.lock()
            if conn is not None:
                conn.close()
        finally:
            self.events.emit("locked")

    @contextmanager
    def working(self) -> Iterator[CancelToken]:
        """Bracket one background job that uses this session: `lock()` meanwhile cancels it (the token is
        checked between steps) instead of waiting, and the connection is closed when the last job leaves."""
        with self._guard:
            if self._locked:
                raise WalletLockedError(_("The wallet is locked. Unlock it first."))
            self._workers += 1
        try:
            yield self._cancel
        finally:
            with self._guard:
                self._workers -= 1
                conn = self._conn if self._locked and self._workers == 0 else None
                if conn is not None:
                    self._conn = None
            if conn is not None:
                conn.close()

    @property
    def cancel_token(self) -> CancelToken:
        """Set by `lock()`; long calls check it between their steps."""
        return self._cancel

    @property
    def reader(self) -> Session:
        """This wallet, read-only, on a connection of its own: for the app's window thread (see the module
        docstring). It sees only committed data. Opened on first use; `lock()` closes it."""
        with self._guard:
            if self._locked or self._data_key is None or self._identity is None:
                raise WalletLockedError(_("The wallet is locked. Unlock it first."))
            if self._read_only:
                return self
            if self._reader is None:
                conn = connect(self._layout.db, self._data_key, create=False, read_only=True)
                self._reader = Session(self._layout, self._keys, self._data_key, conn, self._identity, self._clock,
                                       read_only=True)
            return self._reader

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    @property
    def repo(self) -> Repository:
        if self._repo is None:
            raise WalletLockedError(_("The wallet is locked. Unlock it first."))
        return self._repo

    @property
    def credentials(self) -> CredentialService:
        """Import, verify, trust, issue and endorse."""
        if self._credentials is None:
            raise WalletLockedError(_("The wallet is locked. Unlock it first."))
        return self._credentials

    @property
    def skills(self) -> SkillsService:
        """The skill profile, matching, views, pathways and credit for prior learning."""
        if self._skills is None:
            raise WalletLockedError(_("The wallet is locked. Unlock it first."))
        return self._skills

    @property
    def sharing(self) -> SharingService:
        """Signed bundles of a view, JSON Resume, and the share history."""
        if self._sharing is None:
            raise WalletLockedError(_("The wallet is locked. Unlock it first."))
        return self._sharing

    @property
    def holder(self) -> HolderService:
        """The holder's profile: name, contact lines and the identifiers that are theirs."""
        if self._holder is None:
            raise WalletLockedError(_("The wallet is locked. Unlock it first."))
        return self._holder

    @property
    def identity(self) -> Identity:
        if self._identity is None:
            raise WalletLockedError(_("The wallet is locked. Unlock it first."))
        return self._identity

    # -- identity -------------------------------------------------------------------------------
    @property
    def did(self) -> str:
        return self.identity.did

    def did_document(self) -> dict[str, Any]:
        return identity_mod.did_document(self.identity.did)

    # -- records --------------------------------------------------------------------------------
    def count(self, *, include_hidden: bool = True) -> int:
        return self.repo.count(include_hidden=include_hidden)

    def list_records(self, *, limit: int | None = None, offset: int = 0, include_hidden: bool = True) -> list[Record]:
        return self.repo.list_records(limit=limit, offset=offset, include_hidden=include_hidden)

    def get_record(self, record_id: str) -> Record:
        return self.repo.get(record_id)

    def search(self, text: str, *, limit: int = 50, include_hidden: bool = True) -> list[Record]:
        return self.repo.search(text, limit=limit, include_hidden=include_hidden)

    def add_entry(self, entry: EntryInput, *, demo: bool = False) -> str:
        record_id = self.repo.add_entry(entry, demo=demo)
        self.events.emit("records_changed", ids=[record_id])
        return record_id

    def update_entry(self, record_id: str, entry: EntryInput) -> None:
        self.repo.update_entry(record_id, entry)
        self.credentials.forget_self_issued(self.repo.resolve_id(record_id))
        self.events.emit("records_changed", ids=[record_id])

    def add_credential(
        self, original: bytes, *, media_type: str, fmt: str, fields: CredentialFields, demo: bool = False
    ) -> str:
        record_id = self.repo.add_credential(original, media_type=media_type, fmt=fmt, fields=fields, demo=demo)
        self.events.emit("records_changed", ids=[record_id])
        return record_id

    def add_evidence(
        self, record_id: str, filename: str, data: bytes, *, media_type: str, description: str = ""
    ) -> str:
        evidence_id = self.repo.add_evidence(record_id, filename, data, media_type=media_type,
                                             description=description)
        self.events.emit("records_changed", ids=[record_id])
        return evidence_id

    def evidence_data(self, evidence_id: str) -> bytes:
        return self.repo.evidence_data(evidence_id)

    def credential_original(self, record_id: str) -> bytes:
        return self.repo.credential_original(record_id)

    def set_tags(self, record_id: str, tags: Iterable[str]) -> None:
        self.repo.set_tags(record_id, tags)
        self.events.emit("records_changed", ids=[record_id])

    def remove_evidence(self, evidence_id: str) -> None:
        record_id = self.repo.remove_evidence(evidence_id)
        self.events.emit("records_changed", ids=[record_id])

    def replace_evidence(self, evidence_id: str, filename: str, data: bytes, *, media_type: str) -> None:
        """New bytes for an evidence file (the same id and description)."""
        record_id = self.repo.replace_evidence(evidence_id, filename, data, media_type=media_type)
        self.events.emit("records_changed", ids=[record_id])

    def set_note(self, record_id: str, note: str) -> None:
        """The learner's own note on any record; it is never shared."""
        self.repo.set_note(record_id, note)
        self.events.emit("records_changed", ids=[record_id])

    def set_hidden(self, record_id: str, hidden: bool) -> None:
        """Hide a record from the records list and search (it stays in the wallet), or show it again."""
        self.repo.set_hidden(record_id, hidden)
        self.events.emit("records_changed", ids=[record_id])

    def delete_record(self, record_id: str) -> str:
        """Delete a record; `undo_delete` puts it back until the wallet locks. Returns its title."""
        if self._read_only:
            raise UsageError(_("A read-only view of the wallet can't delete records."))
        deleted = self.repo.delete(record_id)
        with self._guard:
            self._deleted.append(deleted)
        self.events.emit("records_changed", ids=[deleted.record_id])
        return deleted.title

    def undoable_delete(self) -> str | None:
        """The title of the record that `undo_delete` would put back (None: nothing deleted this session)."""
        with self._guard:
            return self._deleted[-1].title if self._deleted else None

    def undo_delete(self) -> str:
        """Put back the record deleted last in this session; returns its id."""
        with self._guard:
            if not self._deleted:
                raise UsageError(_("Nothing was deleted since the wallet was unlocked, so there is nothing to undo."))
            deleted = self._deleted[-1]
        self.repo.put_back(deleted)
        with self._guard:
            if self._deleted and self._deleted[-1] is deleted:
                self._deleted.pop()
        self.events.emit("records_changed", ids=[deleted.record_id])
        return deleted.record_id

    # -- keys -----------------------------------------------------------------------------------
    def verify_passphrase(self, passphrase: str) -> None:
        """Raise WrongPassphraseError unless `passphrase` is the current one (for re-confirmation)."""
        if self._keys.unseal_with_passphrase(passphrase) != self._require_key():
            raise WrongPassphraseError(_("That passphrase does not unlock this wallet."))

    def change_passphrase(self, new_passphrase: str, *, kdf: KdfParams | None = None) -> None:
        """Seal the data key under a new passphrase; the records are not touched."""
        check_new_passphrase(new_passphrase)
        params = kdf or calibrate()
        self._keys = self._keys.with_passphrase(self._require_key(), new_passphrase, params)
        self._keys.write(self._layout.keys)
        self.events.emit("passphrase_changed")

    def replace_recovery_code(self, passphrase: str) -> str:
        """Seal the data key under a brand-new recovery code and return it, to be shown once.

        The old code stops opening this wallet (backups made before keep their own key file, so they still
        open with it). The passphrase is asked again so nobody at an unlocked, unattended wallet can do this;
        the records are not touched. The key file is written before anything changes here, so a failed write
        leaves the old code working.
        """
        if self._read_only:
            raise UsageError(_("A read-only view of the wallet can't replace its recovery code."))
        self.verify_passphrase(passphrase)
        code = new_recovery_code()
        keys = self._keys.with_recovery_code(self._require_key(), code)
        self._cancel.check()  # locked meanwhile: change nothing, since the new code could no longer be shown
        keys.write(self._layout.keys)
        self._keys = keys
        self.events.emit("recovery_code_replaced")
        return code

    def raise_kdf_if_fast(self, passphrase: str, seconds_taken: float) -> bool:
        """Rewrap with a costlier KDF when this machine derived the key much faster than the target."""
        from wallet.crypto.kdf import stronger

        better = stronger(self._keys.kdf, seconds_taken)
        if better is None:
            return False
        self._keys = self._keys.with_passphrase(self._require_key(), passphrase, better)
        self._keys.write(self._layout.keys)
        return True

    def _require_key(self) -> bytes:
        if self._data_key is None:
            raise WalletLockedError(_("The wallet is locked. Unlock it first."))
        return self._data_key

    # -- backup ---------------------------------------------------------------------------------
    def backup_bytes(self) -> bytes:
        """A consistent snapshot of the wallet as one encrypted backup file's bytes."""
        conn = self._conn
        if conn is None or self._locked:
            raise WalletLockedError(_("The wallet is locked. Unlock it first."))
        with guarded(self.path):
            # A write lock keeps other writers out while the file is copied; nothing is changed.
            conn.execute("BEGIN IMMEDIATE")
            try:
                if page_problems(conn, self._layout.db):  # a backup of damage would not restore
                    raise WalletDamagedError(
                        _("The wallet at {path} is damaged, so no backup was made (it would not restore); copy what "
                          "can still be read into a new wallet with 'ler-wallet rescue NEW-FOLDER'.").format(
                              path=self.path)
                    )
                with os_errors(self._layout.db):
                    database = self._layout.db.read_bytes()
                version = schema_version(conn)
            finally:
                conn.execute("ROLLBACK")
        return backup_format.pack(
            backup_format.Backup(self._keys, version, utc_iso(self._clock()), database)
        )

    def backup(self, out: Path) -> int:
        """Write an encrypted backup to `out` atomically and check it reads back; returns its size."""
        data = self.backup_bytes()
        if out.is_dir():
            out = out / f"{self.path.name.removesuffix('.lerwallet')}-{time.strftime('%Y%m%d-%H%M%S')}.lerbackup"
        if out.resolve().is_relative_to(self.path.resolve()):
            raise UsageError(_("Save the backup outside the wallet folder, ideally on another disk."))
        _refuse_to_clobber(out)
        atomic_write(out, data)
        with os_errors(out):
            backup_format.unpack(out.read_bytes(), out)
        return len(data)

    # -- writing helpers used by lifecycle ------------------------------------------------------
    def _replace_keys(self, keys: KeyFile) -> None:
        self._keys = keys
        keys.write(self._layout.keys)


def _refuse_to_clobber(out: Path) -> None:
    """A backup may replace an earlier backup file, never any other file or a device."""
    if not out.exists() and not out.is_symlink():
        return
    if not out.is_file() or out.is_symlink():
        raise UsageError(_("{out} is not a regular file; choose a new file name for the backup.").format(out=out))
    with os_errors(out), out.open("rb") as handle:
        head = handle.read(len(backup_format.MAGIC))
    if head != backup_format.MAGIC:
        raise UsageError(_("{out} already exists and is not an LER Wallet backup; choose a new file name.").format(
            out=out))


def store_identity(conn: Connection, identity: Identity, clock: Clock) -> None:
    conn.execute(
        "INSERT INTO identity (id, seed, did, created_at) VALUES (1, ?, ?, ?)",
        (identity.seed, identity.did, utc_iso(clock())),
    )


def load_identity(conn: Connection) -> Identity:
    row = conn.execute("SELECT seed FROM identity WHERE id = 1").fetchone()
    if row is None:
        raise WalletDamagedError(_("The wallet has lost its signing key; restore it from a backup."))
    return Identity(seed=bytes(row[0]))
