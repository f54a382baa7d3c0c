"""Tables of schema 3: the learner's skill corrections and saved views."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wallet.clock import Clock, utc_iso
from wallet.errors import RecordNotFoundError
from wallet.store.database import Connection, guarded, transaction
from wallet.store.record_skills_store import RecordSkillsStore


@dataclass
class ViewRow:
    """A saved view: the records and skills chosen for one opportunity (or a credit-for-prior-learning request)."""

    id: str
    name: str
    statement: str = ""
    kind: str = "opportunity"
    opportunity: dict[str, Any] = field(default_factory=dict)
    record_ids: list[str] = field(default_factory=list)
    skill_ids: list[str] = field(default_factory=list)
    created_at: str = ""
    updated_at: str = ""

    @property
    def opportunity_title(self) -> str:
        """The title of the opportunity the view is for ("" when it is for none)."""
        return str((self.opportunity or {}).get("title") or "")

    @property
    def opportunity_explanation(self) -> str:
        """What the match said about this opportunity when the view was made ("" when nothing)."""
        return str((self.opportunity or {}).get("explanation") or "")

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


class SkillsStore:
    def __init__(self, conn: Connection, wallet_path: Path, clock: Clock) -> None:
        self._conn = conn
        self._path = wallet_path
        self._clock = clock
        self.record_skills = RecordSkillsStore(conn, wallet_path)
        """The skills recognised in each record (schema 7)."""

    # -- corrections ---------------------------------------------------------------------------------
    def set_override(self, skill_id: str, action: str, target: str = "", note: str = "") -> None:
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO skill_overrides (skill_id, action, target, note, updated_at) "
                "VALUES (?,?,?,?,?)",
                (skill_id, action, target, note, utc_iso(self._clock())),
            )

    def clear_override(self, skill_id: str) -> bool:
        with transaction(self._conn, self._path) as conn:
            removed: int = conn.execute("DELETE FROM skill_overrides WHERE skill_id = ?", (skill_id,)).rowcount
        return removed > 0

    def overrides(self) -> list[tuple[str, str, str, str]]:
        with guarded(self._path):
            rows = self._conn.execute("SELECT skill_id, action, target, note FROM skill_overrides").fetchall()
        return [(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]

    # -- views ---------------------------------------------------------------------------------------
    def save_view(self, view: ViewRow) -> ViewRow:
        now = utc_iso(self._clock())
        if not view.id:
            view.id = uuid.uuid4().hex
            view.created_at = now
        view.updated_at = now
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO views (id, name, statement, kind, opportunity, record_ids, skill_ids, "
                "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    view.id,
                    view.name,
                    view.statement,
                    view.kind,
                    json.dumps(view.opportunity),
                    json.dumps(view.record_ids),
                    json.dumps(view.skill_ids),
                    view.created_at or now,
                    now,
                ),
            )
        return view

    def views(self) -> list[ViewRow]:
        with guarded(self._path):
            rows = self._conn.execute(
                "SELECT id, name, statement, kind, opportunity, record_ids, skill_ids, created_at, updated_at "
                "FROM views ORDER BY updated_at DESC, name"
            ).fetchall()
        return [self._row(r) for r in rows]

    def view(self, view_id: str) -> ViewRow:
        cleaned = view_id.strip().lower()
        matches = [v for v in self.views() if v.id.startswith(cleaned)] if len(cleaned) >= 4 else []
        if len(matches) != 1:
            raise RecordNotFoundError(f"There is no view with the id {view_id!r}.")
        return matches[0]

    def delete_view(self, view_id: str) -> None:
        full = self.view(view_id).id
        with transaction(self._conn, self._path) as conn:
            conn.execute("DELETE FROM views WHERE id = ?", (full,))

    @staticmethod
    def _row(row: Any) -> ViewRow:
        return ViewRow(
            str(row[0]),
            str(row[1]),
            str(row[2]),
            str(row[3]),
            json.loads(row[4]),
            json.loads(row[5]),
            json.loads(row[6]),
            str(row[7]),
            str(row[8]),
        )
