"""Numbered schema migrations, tracked with `PRAGMA user_version`.

Each released schema gets a fixture wallet in tests/fixtures/wallets/; a migration is never edited
once released, only followed by a new one.
"""

from __future__ import annotations

from collections.abc import Callable

from wallet.errors import NewerWalletError
from wallet.store.database import Connection

Migration = Callable[[Connection], None]


def _run_statements(conn: Connection, script: str) -> None:
    """Run `;`-separated statements inside the caller's transaction (executescript would commit)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1_initial(conn: Connection) -> None:
    _run_statements(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seed BLOB NOT NULL,
            did TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE records (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('credential', 'entry')),
            entry_kind TEXT,
            title TEXT NOT NULL,
            organisation TEXT NOT NULL DEFAULT '',
            start_date TEXT,
            end_date TEXT,
            description TEXT NOT NULL DEFAULT '',
            skills TEXT NOT NULL DEFAULT '[]',
            demo INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE credential_sources (
            record_id TEXT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
            media_type TEXT NOT NULL,
            format TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            parsed TEXT NOT NULL DEFAULT '{}',
            original BLOB NOT NULL  -- last, so listing reads the small columns without the blob's pages
        );
        CREATE TABLE evidence (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
            filename TEXT NOT NULL,
            media_type TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            data BLOB NOT NULL,
            sha256 TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE INDEX evidence_by_record ON evidence (record_id);
        CREATE TABLE tags (
            record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (record_id, tag)
        );
        CREATE VIRTUAL TABLE record_search USING fts5 (
            record_id UNINDEXED, title, organisation, body, tags,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        """
    )


def _v2_verification(conn: Connection) -> None:
    """Issue 3: verification results, trusted issuers, offline key/status material, links, self-issued copies."""
    _run_statements(
        conn,
        """
        CREATE TABLE verification_results (
            record_id TEXT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            report TEXT NOT NULL,
            checked_at TEXT NOT NULL
        );
        CREATE TABLE trusted_issuers (
            issuer_id TEXT PRIMARY KEY,
            name TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL
        );
        CREATE TABLE verification_material (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('document', 'status_list')),
            content TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE TABLE record_links (
            from_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
            to_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
            relation TEXT NOT NULL,
            PRIMARY KEY (from_id, to_id, relation)
        );
        CREATE INDEX record_links_to ON record_links (to_id);
        CREATE TABLE self_issued (
            record_id TEXT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
            credential TEXT NOT NULL,
            issued_at TEXT NOT NULL
        )
        """
    )


def _v3_skills(conn: Connection) -> None:
    """Issue 4: the learner's corrections to their skill profile, and saved views (one per opportunity)."""
    _run_statements(
        conn,
        """
        CREATE TABLE skill_overrides (
            skill_id TEXT PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('add', 'hide', 'rename')),
            target TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
        CREATE TABLE views (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            statement TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'opportunity' CHECK (kind IN ('opportunity', 'cpl')),
            opportunity TEXT NOT NULL DEFAULT '{}',
            record_ids TEXT NOT NULL DEFAULT '[]',
            skill_ids TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


def _v4_holder(conn: Connection) -> None:
    """Issue 8: the holder's profile (name, contact lines, the other identifiers that are theirs) and, per
    verification result, whether the credential was issued to them ('' until it has been checked)."""
    _run_statements(
        conn,
        """
        CREATE TABLE holder_profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL DEFAULT '',
            contacts TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
        );
        CREATE TABLE holder_identifiers (
            identifier TEXT PRIMARY KEY,
            added_at TEXT NOT NULL
        );
        ALTER TABLE verification_results ADD COLUMN recipient TEXT NOT NULL DEFAULT ''
        """
    )


def _v5_shares(conn: Connection) -> None:
    """Issue 10: the share history: when, to whom, which view, which records, which form. No foreign key to
    `views` or `records`: deleting a view or a record keeps what was shared (names and titles are copied)."""
    _run_statements(
        conn,
        """
        CREATE TABLE shares (
            id TEXT PRIMARY KEY,
            shared_at TEXT NOT NULL,
            recipient TEXT NOT NULL DEFAULT '',
            view_id TEXT NOT NULL,
            view_name TEXT NOT NULL,
            records TEXT NOT NULL DEFAULT '[]',
            form TEXT NOT NULL,
            challenge TEXT NOT NULL,
            expires TEXT NOT NULL DEFAULT '',
            bundle_id TEXT NOT NULL,
            sha256 TEXT NOT NULL
        );
        CREATE INDEX shares_by_time ON shares (shared_at)
        """
    )


def _v6_record_marks(conn: Connection) -> None:
    """Issue 12: the learner's own marks on any record: a personal note, and hidden from the records list."""
    _run_statements(
        conn,
        """
        CREATE TABLE record_marks (
            record_id TEXT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
            note TEXT NOT NULL DEFAULT '',
            hidden INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        )
        """
    )



def _v7_record_skills(conn: Connection) -> None:
    """Issue 13: the skills recognised in each record (wallet.store.record_skills_store), kept so the profile
    reads only new or changed records; `pack_key` says which skills data and recogniser found them."""
    _run_statements(
        conn,
        """
        CREATE TABLE record_skills (
            record_id TEXT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
            content_hash TEXT NOT NULL,
            pack_key TEXT NOT NULL,
            mentions TEXT NOT NULL DEFAULT '[]'
        )
        """
    )


MIGRATIONS: list[Migration] = [
    _v1_initial, _v2_verification, _v3_skills, _v4_holder, _v5_shares, _v6_record_marks, _v7_record_skills
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_supported(version: int) -> None:
    if version > SCHEMA_VERSION:
        raise NewerWalletError(
            f"This wallet was made by a newer version of LER Wallet (schema {version}; this version "
            f"reads up to {SCHEMA_VERSION}). Please update LER Wallet to open it."
        )


def migrate(conn: Connection) -> int:
    """Bring the schema up to date, one numbered step per transaction; returns the new version."""
    current = schema_version(conn)
    check_supported(current)
    for number in range(current + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](conn)
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return SCHEMA_VERSION
