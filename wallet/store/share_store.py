"""The share history (schema 5): one row per share, kept when its view or records are deleted."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wallet.store.database import Connection, guarded, transaction


@dataclass(frozen=True)
class ShareRecord:
    """One share: when, to whom, which view, which records (ids and titles as they were), which form."""

    id: str
    shared_at: str
    recipient: str
    view_id: str
    view_name: str
    records: tuple[tuple[str, str], ...]
    """(record id, title) of each record shared, in the view's order."""
    form: str
    """"json", "jsonresume", "qr" or "pdf"."""
    challenge: str
    expires: str
    bundle_id: str
    sha256: str
    """Of the file's bytes (for "qr" and "pdf": of the bundle they carry)."""

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["records"] = [{"id": rid, "title": title} for rid, title in self.records]
        return data


class ShareStore:
    def __init__(self, conn: Connection, wallet_path: Path) -> None:
        self._conn = conn
        self._path = wallet_path

    def add(self, share: ShareRecord) -> None:
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT INTO shares (id, shared_at, recipient, view_id, view_name, records, form, challenge, "
                "expires, bundle_id, sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (share.id, share.shared_at, share.recipient, share.view_id, share.view_name,
                 json.dumps([list(r) for r in share.records], ensure_ascii=False), share.form, share.challenge,
                 share.expires, share.bundle_id, share.sha256),
            )

    def all(self) -> list[ShareRecord]:
        """Every share, newest first."""
        with guarded(self._path):
            rows = self._conn.execute(
                "SELECT id, shared_at, recipient, view_id, view_name, records, form, challenge, expires, bundle_id, "
                "sha256 FROM shares ORDER BY shared_at DESC, rowid DESC"
            ).fetchall()
        return [_row(r) for r in rows]


def _row(row: Any) -> ShareRecord:
    records = tuple((str(rid), str(title)) for rid, title in json.loads(row[5]))
    return ShareRecord(str(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), records, str(row[6]),
                       str(row[7]), str(row[8]), str(row[9]), str(row[10]))
