"""A SQLCipher 4 connection keyed with the raw 256-bit data key, with errors in plain words."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from sqlcipher3 import dbapi2 as sqlcipher

from wallet.errors import StorageError, WalletDamagedError, WalletError

_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class Connection(Protocol):
    """The part of the DB-API connection the wallet uses (sqlcipher3 ships no type hints)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def close(self) -> None: ...

    def interrupt(self) -> None: ...

    @property
    def in_transaction(self) -> bool: ...


def translate(exc: Exception, path: Path | str) -> WalletError:
    """Map a SQLCipher error to the wallet's error tree."""
    text = str(exc).lower()
    # SQLite's result code is authoritative: some corruption arrives with a generic message
    # (e.g. "vtable constructor failed" when a full-text index page fails its HMAC).
    code = getattr(exc, "sqlite_errorcode", None)
    damaged = isinstance(code, int) and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    if damaged or "not a database" in text or "malformed" in text or "corrupt" in text:
        return WalletDamagedError(
            f"The wallet at {path} is damaged or truncated, so it cannot be read; restore it from a backup, or "
            "copy what can still be read into a new wallet with 'ler-wallet rescue NEW-FOLDER'."
        )
    if "readonly" in text or "read-only" in text:
        return StorageError(f"The wallet at {path} is on a read-only disk or folder, so it cannot be changed.")
    if "full" in text:
        return StorageError("The disk is full, so the change was not saved. Free some space and try again.")
    if "locked" in text or "busy" in text:
        return StorageError("The wallet is in use by another program. Close it there and try again.")
    if "unable to open" in text or "disk i/o" in text:
        return StorageError(f"The wallet at {path} could not be read or written (disk error).")
    return StorageError(f"The wallet at {path} could not be used: {exc}.")


def connect(db_path: Path, data_key: bytes, *, create: bool, read_only: bool = False) -> Connection:
    """Open (or create) the encrypted database; raises WalletDamagedError if the key does not fit.

    A `read_only` connection (the app's window reads through one, see wallet.session) cannot write and only
    ever sees committed data. The writing connection keeps a transaction's pages in memory until it commits
    (`cache_spill` off), so a long import never takes the exclusive lock that would shut such readers out.
    """
    if not create and not db_path.is_file():
        raise WalletDamagedError(f"The wallet at {db_path.parent} has lost its database file.")
    try:
        if read_only:
            target, uri = f"{db_path.resolve().as_uri()}?mode=ro", True
        else:
            target, uri = str(db_path), False
        conn = sqlcipher.connect(target, isolation_level=None, check_same_thread=False, uri=uri)
    except sqlcipher.Error as exc:
        raise translate(exc, db_path.parent) from exc
    try:
        # SQLCipher logs failed page checks to stderr; people see our sentence instead. Set before keying.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files outside the wallet
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        # Reading the schema forces page 1 to be decrypted and authenticated.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if read_only:
            conn.execute("PRAGMA query_only = ON")
        else:
            conn.execute("PRAGMA journal_mode = DELETE").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA cache_spill = OFF")
    except sqlcipher.Error as exc:
        conn.close()
        raise translate(exc, db_path.parent) from exc
    connection: Connection = conn
    return connection


@contextmanager
def guarded(path: Path | str) -> Iterator[None]:
    """Translate SQLCipher errors raised inside the block."""
    try:
        yield
    except sqlcipher.Error as exc:
        raise translate(exc, path) from exc


@contextmanager
def transaction(conn: Connection, path: Path | str) -> Iterator[Connection]:
    """One atomic write: everything in the block is committed together or not at all.

    Inside an outer transaction (see `batch`) it becomes a savepoint: the block is still all-or-nothing,
    and the outer transaction pays for one disk sync instead of one per block.
    """
    with guarded(path):
        if conn.in_transaction:
            conn.execute("SAVEPOINT block")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK TO block")
                conn.execute("RELEASE block")
                raise
            conn.execute("RELEASE block")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


@contextmanager
def batch(conn: Connection, path: Path | str) -> Iterator[Connection]:
    """Many writes, one commit: each `transaction` inside is a savepoint, kept or undone on its own.

    If the process dies before the end, none of the batch is stored; every item is whole either way.
    """
    with transaction(conn, path):
        yield conn


def page_problems(conn: Connection, db_path: Path) -> list[str]:
    """Every page's authentication code and the file's length: damage anywhere in the file, or [].

    This reads each page once without walking the tables (90-250 ms for 10,000 records, a sixth of the
    KDF; see bench/README.md), so every open can afford it; SQLite's structural check is `integrity_problems`.
    """
    problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    size = db_path.stat().st_size
    if size != pages * page_size and not problems:
        problems.append(f"the file holds {size} bytes where its header promises {pages} pages of {page_size}")
    return problems


def integrity_problems(conn: Connection, db_path: Path) -> list[str]:
    """`page_problems` plus SQLite's full structural check (tables, indexes, free list); [] when healthy.

    A page that fails its check while the structure is walked is reported, not raised.
    """
    problems = page_problems(conn, db_path)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlcipher.DatabaseError as exc:
        problems.append(f"the tables cannot be walked ({exc})")
    else:
        problems.extend(str(r[0]) for r in rows if str(r[0]) != "ok")
    return problems
