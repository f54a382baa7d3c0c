"""Reading and writing records, credentials' original bytes, evidence files and tags.

Each public write is one transaction. The full-text index (FTS5) is kept in step inside the
same transaction, so search never sees half a change.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wallet.clock import Clock, utc_iso
from wallet.errors import DuplicateRecordError, InvalidInputError, RecordNotFoundError, UsageError
from wallet.models import (
    CredentialInfo,
    EntryInput,
    EntryKind,
    EvidenceInfo,
    Record,
    RecordKind,
)
from wallet.store import deletion
from wallet.store.database import Connection, batch, guarded, transaction
from wallet.store.deletion import Deleted
from wallet.store.verification_store import recipient_outcome

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024
MAX_CREDENTIAL_BYTES = 20 * 1024 * 1024
MAX_NOTE = 20_000

_RECORD_COLUMNS = (
    "r.id, r.kind, r.entry_kind, r.title, r.organisation, r.start_date, r.end_date, r.description, "
    "r.skills, r.demo, r.created_at, r.updated_at, c.format, c.media_type, c.sha256, v.status, v.recipient, "
    "m.note, m.hidden"
)
_VERIFIED = ("LEFT JOIN verification_results v ON v.record_id = r.id "
             "LEFT JOIN record_marks m ON m.record_id = r.id")
_SHOWN = "coalesce(m.hidden, 0) = 0"
# Ongoing entries (a start, no end) sort as if they ended today: newest experience first.
_ORDER = (
    "ORDER BY CASE WHEN r.kind = 'entry' AND r.end_date IS NULL AND r.start_date IS NOT NULL THEN '9999' "
    "ELSE coalesce(r.end_date, r.start_date, r.created_at) END DESC, r.title COLLATE NOCASE"
)
# The search index's rowid is the record's `seq` (an INTEGER PRIMARY KEY, stable under VACUUM),
# so one row is found by key; record_id is UNINDEXED in FTS5 and a lookup on it reads every row.
_DELETE_INDEX_ROW = "DELETE FROM record_search WHERE rowid = (SELECT seq FROM records WHERE id = ?)"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class CredentialFields:
    """What the credentials engine parsed from a credential; derived, so it can be rebuilt."""

    title: str
    issuer: str = ""
    issued: str | None = None
    expires: str | None = None
    description: str = ""
    skills: tuple[str, ...] = ()
    parsed: dict[str, Any] = field(default_factory=dict)


def new_id() -> str:
    return uuid.uuid4().hex


def fts_query(text: str) -> str | None:
    """A safe FTS5 query from what a person typed: every word must match, the last as a prefix."""
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


class Repository:
    """All record access for one open wallet connection."""

    def __init__(self, conn: Connection, wallet_path: Path, clock: Clock) -> None:
        self._conn = conn
        self._path = wallet_path
        self._clock = clock

    def batch(self) -> AbstractContextManager[Connection]:
        """Group many writes into one commit; each write stays all-or-nothing on its own (a savepoint)."""
        return batch(self._conn, self._path)

    # -- reading --------------------------------------------------------------------------------
    def count(self, *, include_hidden: bool = True) -> int:
        sql = "SELECT count(*) FROM records r"
        if not include_hidden:
            sql += f" LEFT JOIN record_marks m ON m.record_id = r.id WHERE {_SHOWN}"
        with guarded(self._path):
            return int(self._conn.execute(sql).fetchone()[0])

    def list_records(self, *, limit: int | None = None, offset: int = 0, include_hidden: bool = True) -> list[Record]:
        where = "" if include_hidden else f"WHERE {_SHOWN}"
        sql = (f"SELECT {_RECORD_COLUMNS} FROM records r LEFT JOIN credential_sources c "
               f"ON c.record_id = r.id {_VERIFIED} {where} {_ORDER}")
        params: tuple[Any, ...] = ()
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = (limit, offset)
        with guarded(self._path):
            rows = self._conn.execute(sql, params).fetchall()
            tags = self._tags_for([r[0] for r in rows])
        return [self._record(row, tags.get(row[0], ())) for row in rows]

    def get(self, record_id: str) -> Record:
        """A record by its id or by a unique prefix of at least 4 characters."""
        full_id = self.resolve_id(record_id)
        with guarded(self._path):
            row = self._conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM records r LEFT JOIN credential_sources c "
                f"ON c.record_id = r.id {_VERIFIED} WHERE r.id = ?",
                (full_id,),
            ).fetchone()
            tags = self._tags_for([full_id])
            evidence = self._evidence_for(full_id)
        return self._record(row, tags.get(full_id, ()), evidence)

    def resolve_id(self, record_id: str) -> str:
        cleaned = record_id.strip().lower()
        if len(cleaned) < 4 or not re.fullmatch(r"[0-9a-f]+", cleaned):
            raise RecordNotFoundError(f"There is no record with the id {record_id!r}.")
        with guarded(self._path):
            rows = self._conn.execute(
                "SELECT id FROM records WHERE id >= ? AND id < ? LIMIT 2", (cleaned, cleaned + "g")
            ).fetchall()
        if not rows:
            raise RecordNotFoundError(f"There is no record with the id {record_id!r}.")
        if len(rows) > 1:
            raise UsageError(f"More than one record starts with {record_id!r}; type more of the id.")
        return str(rows[0][0])

    def search(self, text: str, *, limit: int = 50, include_hidden: bool = True) -> list[Record]:
        """Records matching every word of `text` (prefix on the last), best matches first."""
        query = fts_query(text)
        if query is None:
            return []
        with guarded(self._path):
            rows = self._conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM record_search s JOIN records r ON r.seq = s.rowid "
                f"LEFT JOIN credential_sources c ON c.record_id = r.id {_VERIFIED} "
                f"WHERE record_search MATCH ? {'' if include_hidden else 'AND ' + _SHOWN} "
                "ORDER BY bm25(record_search, 0, 10.0, 4.0, 1.0, 6.0) LIMIT ?",
                (query, limit),
            ).fetchall()
            tags = self._tags_for([r[0] for r in rows])
        return [self._record(row, tags.get(row[0], ())) for row in rows]

    def credential_original(self, record_id: str) -> bytes:
        """The credential exactly as it arrived."""
        full_id = self.resolve_id(record_id)
        with guarded(self._path):
            row = self._conn.execute(
                "SELECT original FROM credential_sources WHERE record_id = ?", (full_id,)
            ).fetchone()
        if row is None:
            raise RecordNotFoundError("That record is a self-asserted entry, not an issued credential.")
        return bytes(row[0])

    def credential_parsed(self, record_id: str) -> dict[str, Any]:
        """The parsed tree stored with a credential record ({} for entries)."""
        full_id = self.resolve_id(record_id)
        with guarded(self._path):
            row = self._conn.execute("SELECT parsed FROM credential_sources WHERE record_id = ?", (full_id,)).fetchone()
        return {} if row is None else dict(json.loads(row[0]))

    def credential_trees(self) -> dict[str, dict[str, Any]]:
        """Every credential record's parsed tree, by record id, in one query."""
        with guarded(self._path):
            rows = self._conn.execute("SELECT record_id, parsed FROM credential_sources").fetchall()
        return {str(record_id): dict(json.loads(parsed)) for record_id, parsed in rows}

    def all_evidence(self) -> dict[str, list[EvidenceInfo]]:
        """Every record's evidence descriptions (not the bytes), in one query."""
        with guarded(self._path):
            rows = self._conn.execute(
                "SELECT id, record_id, filename, media_type, length(data), sha256, description, added_at "
                "FROM evidence ORDER BY added_at"
            ).fetchall()
        found: dict[str, list[EvidenceInfo]] = {}
        for row in rows:
            found.setdefault(str(row[1]), []).append(EvidenceInfo(*row))
        return found

    def credential_identities(self) -> dict[tuple[str, str], str]:
        """(credential id, issuer id) → record id, to spot the same credential arriving in other bytes."""
        with guarded(self._path):
            rows = self._conn.execute(
                "SELECT record_id, json_extract(parsed, '$.id'), json_extract(parsed, '$.issuer.id') "
                "FROM credential_sources"
            ).fetchall()
        return {(str(cid), str(iss or "")): str(rid) for rid, cid, iss in rows if cid}

    def evidence_data(self, evidence_id: str) -> bytes:
        with guarded(self._path):
            row = self._conn.execute("SELECT data FROM evidence WHERE id = ?", (evidence_id,)).fetchone()
        if row is None:
            raise RecordNotFoundError(f"There is no evidence file with the id {evidence_id!r}.")
        return bytes(row[0])

    # -- writing --------------------------------------------------------------------------------
    def add_entry(self, entry: EntryInput, *, demo: bool = False) -> str:
        record_id = new_id()
        now = utc_iso(self._clock())
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT INTO records (id, kind, entry_kind, title, organisation, start_date, end_date, "
                "description, skills, demo, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (record_id, RecordKind.ENTRY.value, entry.kind.value, entry.title, entry.organisation,
                 entry.start, entry.end, entry.description, json.dumps(list(entry.skills)), int(demo), now, now),
            )
            self._write_tags(record_id, entry.tags)
            self._reindex(record_id)
        return record_id

    def update_entry(self, record_id: str, entry: EntryInput) -> None:
        full_id = self.resolve_id(record_id)
        now = utc_iso(self._clock())
        with transaction(self._conn, self._path) as conn:
            changed = conn.execute(
                "UPDATE records SET entry_kind=?, title=?, organisation=?, start_date=?, end_date=?, "
                "description=?, skills=?, updated_at=? WHERE id=? AND kind='entry'",
                (entry.kind.value, entry.title, entry.organisation, entry.start, entry.end,
                 entry.description, json.dumps(list(entry.skills)), now, full_id),
            ).rowcount
            if changed != 1:
                raise UsageError("Only self-asserted entries can be edited; issued credentials stay as issued.")
            conn.execute("DELETE FROM tags WHERE record_id = ?", (full_id,))
            self._write_tags(full_id, entry.tags)
            self._reindex(full_id)

    def add_credential(
        self,
        original: bytes,
        *,
        media_type: str,
        fmt: str,
        fields: CredentialFields,
        demo: bool = False,
        verification: tuple[str, dict[str, Any]] | None = None,
    ) -> str:
        """Store a credential's original bytes verbatim with its parsed fields."""
        if len(original) > MAX_CREDENTIAL_BYTES:
            raise InvalidInputError("The credential is larger than 20 MB, which is more than any real one.")
        digest = hashlib.sha256(original).hexdigest()
        record_id = new_id()
        now = utc_iso(self._clock())
        with transaction(self._conn, self._path) as conn:
            existing = conn.execute(
                "SELECT record_id FROM credential_sources WHERE sha256 = ?", (digest,)
            ).fetchone()
            if existing is not None:
                raise DuplicateRecordError("This credential is already in the wallet.", str(existing[0]))
            conn.execute(
                "INSERT INTO records (id, kind, entry_kind, title, organisation, start_date, end_date, "
                "description, skills, demo, created_at, updated_at) VALUES (?,?,NULL,?,?,?,?,?,?,?,?,?)",
                (record_id, RecordKind.CREDENTIAL.value, fields.title, fields.issuer, fields.issued,
                 fields.expires, fields.description, json.dumps(list(fields.skills)), int(demo), now, now),
            )
            conn.execute(
                "INSERT INTO credential_sources (record_id, original, media_type, format, sha256, parsed) "
                "VALUES (?,?,?,?,?,?)",
                (record_id, original, media_type, fmt, digest, json.dumps(fields.parsed)),
            )
            if verification is not None:
                conn.execute(
                    "INSERT INTO verification_results (record_id, status, report, checked_at, recipient) "
                    "VALUES (?,?,?,?,?)",
                    (record_id, verification[0], json.dumps(verification[1]), now, recipient_outcome(verification[1])),
                )
            self._reindex(record_id)
        return record_id

    def replace_credential_copy(
        self,
        record_id: str,
        original: bytes,
        *,
        media_type: str,
        fmt: str,
        fields: CredentialFields,
        verification: tuple[str, dict[str, Any]],
    ) -> None:
        """Keep another copy of the same credential in this record (its tags, note and evidence stay): the copy
        that checks better replaces the stored bytes, parsed fields and last report."""
        if len(original) > MAX_CREDENTIAL_BYTES:
            raise InvalidInputError("The credential is larger than 20 MB, which is more than any real one.")
        digest = hashlib.sha256(original).hexdigest()
        now = utc_iso(self._clock())
        with transaction(self._conn, self._path) as conn:
            holder = conn.execute("SELECT record_id FROM credential_sources WHERE sha256 = ?", (digest,)).fetchone()
            if holder is not None:
                raise DuplicateRecordError("This credential is already in the wallet.", str(holder[0]))
            changed = conn.execute(
                "UPDATE credential_sources SET original = ?, media_type = ?, format = ?, sha256 = ?, parsed = ? "
                "WHERE record_id = ?",
                (original, media_type, fmt, digest, json.dumps(fields.parsed), record_id),
            ).rowcount
            if changed != 1:
                raise RecordNotFoundError(f"No credential with id {record_id} is in the wallet.")
            conn.execute("UPDATE records SET updated_at = ? WHERE id = ?", (now, record_id))
            conn.execute(
                "INSERT OR REPLACE INTO verification_results (record_id, status, report, checked_at, recipient) "
                "VALUES (?,?,?,?,?)",
                (record_id, verification[0], json.dumps(verification[1]), now, recipient_outcome(verification[1])),
            )
            self._reindex(record_id)

    def add_evidence(
        self, record_id: str, filename: str, data: bytes, *, media_type: str, description: str = ""
    ) -> str:
        """Attach a file to a record; its bytes are stored (encrypted) inside the wallet."""
        if len(data) > MAX_EVIDENCE_BYTES:
            raise InvalidInputError("Evidence files can be at most 50 MB each.")
        full_id = self.resolve_id(record_id)
        evidence_id = new_id()
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT INTO evidence (id, record_id, filename, media_type, description, data, sha256, added_at) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (evidence_id, full_id, Path(filename).name, media_type, description, data,
                 hashlib.sha256(data).hexdigest(), utc_iso(self._clock())),
            )
            self._reindex(full_id)
        return evidence_id

    def set_tags(self, record_id: str, tags: Iterable[str]) -> None:
        full_id = self.resolve_id(record_id)
        with transaction(self._conn, self._path) as conn:
            conn.execute("DELETE FROM tags WHERE record_id = ?", (full_id,))
            self._write_tags(full_id, tags)
            self._reindex(full_id)

    def remove_evidence(self, evidence_id: str) -> str:
        """Remove one evidence file; returns the record it belonged to."""
        with transaction(self._conn, self._path) as conn:
            row = conn.execute("SELECT record_id FROM evidence WHERE id = ?", (evidence_id,)).fetchone()
            if row is None:
                raise RecordNotFoundError(f"There is no evidence file with the id {evidence_id!r}.")
            conn.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))
            self._reindex(str(row[0]))
        return str(row[0])

    def replace_evidence(self, evidence_id: str, filename: str, data: bytes, *, media_type: str) -> str:
        """Put new bytes (and name) in place of an evidence file, keeping its id and description; returns
        the record it belongs to."""
        if len(data) > MAX_EVIDENCE_BYTES:
            raise InvalidInputError("Evidence files can be at most 50 MB each.")
        with transaction(self._conn, self._path) as conn:
            row = conn.execute("SELECT record_id FROM evidence WHERE id = ?", (evidence_id,)).fetchone()
            if row is None:
                raise RecordNotFoundError(f"There is no evidence file with the id {evidence_id!r}.")
            conn.execute(
                "UPDATE evidence SET filename = ?, media_type = ?, data = ?, sha256 = ?, added_at = ? WHERE id = ?",
                (Path(filename).name, media_type, data, hashlib.sha256(data).hexdigest(),
                 utc_iso(self._clock()), evidence_id),
            )
            self._reindex(str(row[0]))
        return str(row[0])

    def set_note(self, record_id: str, note: str) -> None:
        """The learner's own note on any record ('' removes it)."""
        if len(note) > MAX_NOTE:
            raise InvalidInputError(f"A note can be at most {MAX_NOTE:,} characters.")
        self._mark(record_id, "note", note.strip())

    def set_hidden(self, record_id: str, hidden: bool) -> None:
        self._mark(record_id, "hidden", int(hidden))

    def _mark(self, record_id: str, column: str, value: str | int) -> None:
        full_id = self.resolve_id(record_id)
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                f"INSERT INTO record_marks (record_id, {column}, updated_at) VALUES (?, ?, ?) "
                f"ON CONFLICT (record_id) DO UPDATE SET {column} = excluded.{column}, updated_at = excluded.updated_at",
                (full_id, value, utc_iso(self._clock())),
            )
            self._reindex(full_id)

    def delete(self, record_id: str) -> Deleted:
        """Delete a record and everything that belongs to it; returns what it was, to put back (Undo)."""
        full_id = self.resolve_id(record_id)
        with transaction(self._conn, self._path) as conn:
            deleted = deletion.take(conn, full_id)
            conn.execute(_DELETE_INDEX_ROW, (full_id,))
            conn.execute("DELETE FROM records WHERE id = ?", (full_id,))
        return deleted

    def put_back(self, deleted: Deleted) -> None:
        """Undo `delete`: the record returns with its id, evidence, tags, checks and links."""
        with transaction(self._conn, self._path) as conn:
            deletion.put_back(conn, deleted)
            self._reindex(deleted.record_id)

    # -- helpers --------------------------------------------------------------------------------
    def _write_tags(self, record_id: str, tags: Iterable[str]) -> None:
        for tag in {t.strip() for t in tags if t.strip()}:
            self._conn.execute("INSERT OR IGNORE INTO tags (record_id, tag) VALUES (?, ?)", (record_id, tag))

    def _reindex(self, record_id: str) -> None:
        row = self._conn.execute(
            "SELECT title, organisation, description, skills, entry_kind FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        self._conn.execute(_DELETE_INDEX_ROW, (record_id,))
        if row is None:
            return
        title, organisation, description, skills_json, entry_kind = row
        evidence = self._conn.execute(
            "SELECT filename, description FROM evidence WHERE record_id = ?", (record_id,)
        ).fetchall()
        note = self._conn.execute("SELECT note FROM record_marks WHERE record_id = ?", (record_id,)).fetchone()
        body = " ".join([description, " ".join(json.loads(skills_json)), entry_kind or "",
                         *(f"{f} {d}" for f, d in evidence), note[0] if note else ""])
        tags = " ".join(t for (t,) in self._conn.execute(
            "SELECT tag FROM tags WHERE record_id = ?", (record_id,)))
        self._conn.execute(
            "INSERT INTO record_search (rowid, record_id, title, organisation, body, tags) "
            "SELECT seq, ?, ?, ?, ?, ? FROM records WHERE id = ?",
            (record_id, title, organisation, body, tags, record_id),
        )

    def _tags_for(self, ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for rid, tag in self._conn.execute(
                f"SELECT record_id, tag FROM tags WHERE record_id IN ({marks}) ORDER BY tag", tuple(chunk)
            ):
                found.setdefault(rid, []).append(tag)
        return {k: tuple(v) for k, v in found.items()}

    def _evidence_for(self, record_id: str) -> tuple[EvidenceInfo, ...]:
        rows = self._conn.execute(
            "SELECT id, record_id, filename, media_type, length(data), sha256, description, added_at "
            "FROM evidence WHERE record_id = ? ORDER BY added_at",
            (record_id,),
        ).fetchall()
        return tuple(EvidenceInfo(*row) for row in rows)

    @staticmethod
    def _record(row: Sequence[Any], tags: tuple[str, ...], evidence: tuple[EvidenceInfo, ...] = ()) -> Record:
        (rid, kind, entry_kind, title, organisation, start, end, description, skills, demo, created,
         updated, fmt, media_type, sha, verification, recipient, note, hidden) = row
        credential = (
            CredentialInfo(format=fmt, media_type=media_type, sha256=sha, verification=verification,
                           recipient=recipient or "")
            if fmt else None
        )
        return Record(
            id=rid,
            kind=RecordKind(kind),
            title=title,
            organisation=organisation,
            start=start,
            end=end,
            description=description,
            skills=tuple(json.loads(skills)),
            tags=tags,
            created_at=created,
            updated_at=updated,
            demo=bool(demo),
            entry_kind=EntryKind(entry_kind) if entry_kind else None,
            credential=credential,
            evidence=evidence,
            note=note or "",
            hidden=bool(hidden),
        )
