"""Tables of schema 2: cached verification reports, trusted issuers, offline key and status-list material,
links between records (an endorsement and what it endorses) and the signed copies of self-asserted entries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wallet.clock import Clock, utc_iso
from wallet.store.database import Connection, guarded, transaction


def recipient_outcome(report: dict[str, Any]) -> str:
    """The outcome of a report's `recipient` check ("" when it has none), kept beside the report for listing."""
    checks = report.get("checks")
    for check in checks if isinstance(checks, list) else []:
        if isinstance(check, dict) and check.get("check") == "recipient":
            return str(check.get("outcome", ""))
    return ""


class VerificationStore:
    """Plain reads and writes; what the rows mean is decided in wallet.credentials and the session."""

    def __init__(self, conn: Connection, wallet_path: Path, clock: Clock) -> None:
        self._conn = conn
        self._path = wallet_path
        self._clock = clock

    # -- verification results ---------------------------------------------------------------------
    def save_result(self, record_id: str, status: str, report: dict[str, Any]) -> None:
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO verification_results (record_id, status, report, checked_at, recipient) "
                "VALUES (?,?,?,?,?)",
                (record_id, status, json.dumps(report), utc_iso(self._clock()), recipient_outcome(report)),
            )

    def result(self, record_id: str) -> tuple[str, dict[str, Any], str] | None:
        with guarded(self._path):
            row = self._conn.execute(
                "SELECT status, report, checked_at FROM verification_results WHERE record_id = ?", (record_id,)
            ).fetchone()
        return None if row is None else (str(row[0]), json.loads(row[1]), str(row[2]))

    def reports(self) -> dict[str, dict[str, Any]]:
        """Every stored report, by record id."""
        with guarded(self._path):
            rows = self._conn.execute("SELECT record_id, report FROM verification_results").fetchall()
        return {str(r[0]): dict(json.loads(r[1])) for r in rows}

    def replace_report(self, record_id: str, report: dict[str, Any], status: str | None = None) -> None:
        """Store a report changed in part (its recipient lines), keeping when it was checked, and its status unless
        a new one (read from the same lines) is given."""
        with transaction(self._conn, self._path) as conn:
            if status is None:
                conn.execute(
                    "UPDATE verification_results SET report = ?, recipient = ? WHERE record_id = ?",
                    (json.dumps(report), recipient_outcome(report), record_id),
                )
            else:
                conn.execute(
                    "UPDATE verification_results SET report = ?, recipient = ?, status = ? WHERE record_id = ?",
                    (json.dumps(report), recipient_outcome(report), status, record_id),
                )

    def recipients(self, outcome: str) -> set[str]:
        """Every credential record whose recipient check had `outcome` ("failed": issued to someone else)."""
        with guarded(self._path):
            rows = self._conn.execute(
                "SELECT record_id FROM verification_results WHERE recipient = ?", (outcome,)
            ).fetchall()
        return {str(r[0]) for r in rows}

    def children_for_someone_else(self) -> dict[str, set[int]]:
        """Record id → the places of the credentials inside it (a CLR's) issued to someone else."""
        with guarded(self._path):
            rows = self._conn.execute(
                "SELECT v.record_id, k.key FROM verification_results v, json_each(v.report, '$.children') k, "
                "json_each(k.value, '$.checks') c WHERE json_extract(c.value, '$.check') = 'recipient' "
                "AND json_extract(c.value, '$.outcome') = 'failed'"
            ).fetchall()
        found: dict[str, set[int]] = {}
        for record_id, place in rows:
            found.setdefault(str(record_id), set()).add(int(place))
        return found

    def check_outcomes(self, check: str) -> dict[str, str]:
        """Record id → the outcome of one named check in its last report, for every record that has it."""
        with guarded(self._path):
            rows = self._conn.execute(
                "SELECT v.record_id, json_extract(c.value, '$.outcome') FROM verification_results v, "
                "json_each(v.report, '$.checks') c WHERE json_extract(c.value, '$.check') = ?",
                (check,),
            ).fetchall()
        return {str(r[0]): str(r[1]) for r in rows}

    def statuses(self) -> dict[str, str]:
        with guarded(self._path):
            rows = self._conn.execute("SELECT record_id, status FROM verification_results").fetchall()
        return {str(r[0]): str(r[1]) for r in rows}

    # -- trusted issuers --------------------------------------------------------------------------
    def trust(self, issuer_id: str, name: str) -> None:
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO trusted_issuers (issuer_id, name, added_at) VALUES (?,?,?)",
                (issuer_id, name, utc_iso(self._clock())),
            )

    def untrust(self, issuer_id: str) -> bool:
        with transaction(self._conn, self._path) as conn:
            deleted: int = conn.execute("DELETE FROM trusted_issuers WHERE issuer_id = ?", (issuer_id,)).rowcount
        return deleted > 0

    def trusted(self) -> dict[str, str]:
        with guarded(self._path):
            rows = self._conn.execute("SELECT issuer_id, name FROM trusted_issuers ORDER BY name, issuer_id").fetchall()
        return {str(r[0]): str(r[1]) for r in rows}

    # -- keys, DID documents and status lists ------------------------------------------------------
    def add_material(self, material_id: str, kind: str, content: dict[str, Any]) -> None:
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO verification_material (id, kind, content, added_at) VALUES (?,?,?,?)",
                (material_id, kind, json.dumps(content), utc_iso(self._clock())),
            )

    def material(self, kind: str) -> dict[str, Any]:
        with guarded(self._path):
            rows = self._conn.execute(
                "SELECT id, content FROM verification_material WHERE kind = ?", (kind,)
            ).fetchall()
        return {str(r[0]): json.loads(r[1]) for r in rows}

    # -- links and self-issued copies --------------------------------------------------------------
    def link(self, from_id: str, to_id: str, relation: str) -> None:
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR IGNORE INTO record_links (from_id, to_id, relation) VALUES (?,?,?)",
                (from_id, to_id, relation),
            )

    def linked_to(self, record_id: str, relation: str) -> list[str]:
        with guarded(self._path):
            rows = self._conn.execute(
                "SELECT from_id FROM record_links WHERE to_id = ? AND relation = ?", (record_id, relation)
            ).fetchall()
        return [str(r[0]) for r in rows]

    def linked_targets(self, relation: str) -> set[str]:
        """Every record something points at with `relation` (e.g. every endorsed record)."""
        with guarded(self._path):
            rows = self._conn.execute(
                "SELECT DISTINCT to_id FROM record_links WHERE relation = ?", (relation,)
            ).fetchall()
        return {str(r[0]) for r in rows}

    def link_target(self, from_id: str, relation: str) -> str | None:
        """The record `from_id` points at with `relation`, if any."""
        with guarded(self._path):
            row = self._conn.execute(
                "SELECT to_id FROM record_links WHERE from_id = ? AND relation = ?", (from_id, relation)
            ).fetchone()
        return None if row is None else str(row[0])

    def save_self_issued(self, record_id: str, credential: dict[str, Any]) -> None:
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO self_issued (record_id, credential, issued_at) VALUES (?,?,?)",
                (record_id, json.dumps(credential), utc_iso(self._clock())),
            )

    def self_issued(self, record_id: str) -> dict[str, Any] | None:
        with guarded(self._path):
            row = self._conn.execute("SELECT credential FROM self_issued WHERE record_id = ?", (record_id,)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def forget_self_issued(self, record_id: str) -> None:
        with transaction(self._conn, self._path) as conn:
            conn.execute("DELETE FROM self_issued WHERE record_id = ?", (record_id,))
