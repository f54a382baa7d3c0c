"""Tables of schema 4: the holder's profile (one row) and the other identifiers that are the holder's."""

from __future__ import annotations

import json
from pathlib import Path

from wallet.clock import Clock, utc_iso
from wallet.store.database import Connection, guarded, transaction


class HolderStore:
    """Plain reads and writes; what the values may be is decided in wallet.holder."""

    def __init__(self, conn: Connection, wallet_path: Path, clock: Clock) -> None:
        self._conn = conn
        self._path = wallet_path
        self._clock = clock

    def profile(self) -> tuple[str, list[str]]:
        """(name, contact lines); ("", []) before the holder has written anything."""
        with guarded(self._path):
            row = self._conn.execute("SELECT name, contacts FROM holder_profile WHERE id = 1").fetchone()
        if row is None:
            return "", []
        return str(row[0]), [str(line) for line in json.loads(row[1])]

    def save_profile(self, name: str, contacts: list[str]) -> None:
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO holder_profile (id, name, contacts, updated_at) VALUES (1, ?, ?, ?)",
                (name, json.dumps(contacts, ensure_ascii=False), utc_iso(self._clock())),
            )

    def identifiers(self) -> list[str]:
        """The identifiers the holder added, oldest first."""
        with guarded(self._path):
            rows = self._conn.execute("SELECT identifier FROM holder_identifiers ORDER BY rowid")
            return [str(r[0]) for r in rows.fetchall()]

    def add_identifier(self, identifier: str) -> bool:
        """False when it was already there."""
        with transaction(self._conn, self._path) as conn:
            added: int = conn.execute(
                "INSERT OR IGNORE INTO holder_identifiers (identifier, added_at) VALUES (?, ?)",
                (identifier, utc_iso(self._clock())),
            ).rowcount
        return added > 0

    def remove_identifier(self, identifier: str) -> bool:
        """False when it was not there."""
        with transaction(self._conn, self._path) as conn:
            removed: int = conn.execute(
                "DELETE FROM holder_identifiers WHERE identifier = ?", (identifier,)
            ).rowcount
        return removed > 0
