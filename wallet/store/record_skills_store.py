"""Table of schema 7: the skills recognised in each record, kept so the profile does not read every record again.

A row belongs to one record (deleted with it) and says what it was recognised from: `content_hash`, the hash of
what recognition read from the record, and `pack_key`, the skills data and recogniser that read it. The caller
(wallet.skills_service) decides when a row still fits; this module only reads and writes rows. Everything is
derived, so losing the table loses nothing: the skills are recognised again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wallet.store.database import Connection, guarded, transaction

Mention = tuple[str, str, str]
"""(skill id, how it was shown: "alignment", "listed" or "text", the words that showed it)."""


@dataclass(frozen=True)
class KeptSkills:
    """One record's row: the hash of what was read, and the skills found in it."""

    content_hash: str
    mentions: list[Mention]


class RecordSkillsStore:
    def __init__(self, conn: Connection, wallet_path: Path) -> None:
        self._conn = conn
        self._path = wallet_path

    def kept(self, pack_key: str) -> dict[str, KeptSkills]:
        """Record id → its row, for rows recognised under `pack_key` (rows of another pack are left out)."""
        with guarded(self._path):
            rows = self._conn.execute(
                "SELECT record_id, content_hash, mentions FROM record_skills WHERE pack_key = ?", (pack_key,)
            ).fetchall()
        kept: dict[str, KeptSkills] = {}
        for record_id, digest, mentions in rows:
            try:
                items = [(str(s), str(h), str(w)) for s, h, w in json.loads(mentions)]
            except (ValueError, TypeError):
                continue  # an unreadable row is recognised again and overwritten
            kept[str(record_id)] = KeptSkills(str(digest), items)
        return kept

    def keep(self, pack_key: str, rows: Iterable[tuple[str, KeptSkills]]) -> int:
        """Write (record id, row) pairs in one transaction and drop rows of any other pack; returns rows written.

        A record deleted meanwhile is skipped (its row would have nothing to belong to)."""
        written = 0
        with transaction(self._conn, self._path) as conn:
            conn.execute("DELETE FROM record_skills WHERE pack_key != ?", (pack_key,))
            present = {str(r[0]) for r in conn.execute("SELECT id FROM records").fetchall()}
            for record_id, row in rows:
                if record_id not in present:
                    continue
                # an upsert, not INSERT OR REPLACE (2.4x slower with foreign keys on; bench/bench_profile.py)
                conn.execute(
                    "INSERT INTO record_skills (record_id, content_hash, pack_key, mentions) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (record_id) DO UPDATE SET content_hash = excluded.content_hash, "
                    "pack_key = excluded.pack_key, mentions = excluded.mentions",
                    (record_id, row.content_hash, pack_key, json.dumps(row.mentions, ensure_ascii=False)),
                )
                written += 1
        return written

    def count(self) -> int:
        """Rows kept, under any pack."""
        with guarded(self._path):
            return int(self._conn.execute("SELECT count(*) FROM record_skills").fetchone()[0])

    def forget(self) -> None:
        """Drop every row: each record's skills are recognised again the next time the profile is built."""
        with transaction(self._conn, self._path) as conn:
            conn.execute("DELETE FROM record_skills")
