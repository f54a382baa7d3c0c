"""Qt models over the session's records (the list on the records page)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ui.date_words import stamp_words
from ui.status import SELF_ASSERTED, SOMEONE_ELSE, Look, status_look
from ui.widgets import plain_tip
from wallet.api import ENTRY_KIND_LABELS, Record, RecordKind, _, one_line

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def is_self_asserted(record: Record) -> bool:
    """Entries are what the learner says about themselves; credentials were issued by someone else."""
    return record.kind is RecordKind.ENTRY


def kind_name(record: Record) -> str:
    """'Job', 'Volunteering', … for entries; 'Credential' for issued credentials."""
    if record.entry_kind is not None:
        return _(ENTRY_KIND_LABELS[record.entry_kind])
    return _("Credential")


def dates(record: Record) -> str:
    """The record's dates in words ('Mar 2021 – Aug 2023', '10 Feb 2024'); a one-day record shows its day once,
    and a job without an end is '– present'."""
    start, end = stamp_words(record.start), stamp_words(record.end)
    if start and end:
        return start if record.start == record.end else f"{start} – {end}"
    if start:
        return _("{start} – present").format(start=start) if record.kind is RecordKind.ENTRY else start
    return end


def row_look(record: Record) -> Look:
    """The row's pill: 'Self-asserted' for entries, the verification status for credentials."""
    if is_self_asserted(record):
        return SELF_ASSERTED
    return status_look(record.credential.verification if record.credential else None)


def for_someone_else(record: Record) -> bool:
    """An issued credential whose subject is not this wallet's holder (kept, marked, not counted)."""
    return record.credential is not None and record.credential.for_someone_else


def summary(record: Record) -> str:
    """One sentence a screen reader speaks for a row."""
    kind = (f"{kind_name(record)}, self-asserted" if is_self_asserted(record)
            else f"{kind_name(record)}, {row_look(record).word.lower()}")
    parts = [one_line(record.title), kind, SOMEONE_ELSE.word.lower() if for_someone_else(record) else "",
             one_line(record.organisation), dates(record), _("demo record") if record.demo else ""]
    return ". ".join(p for p in parts if p) + "."


class RecordListModel(QAbstractListModel):
    """A read-only list of Record objects; the view asks RECORD_ROLE for the whole record."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[Record] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(record.title)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return summary(record)
        if role == Qt.ItemDataRole.ToolTipRole:  # tooltips guess rich text: escaped
            return plain_tip(summary(record))
        if role == RECORD_ROLE:
            return record
        return None

    def set_records(self, records: Sequence[Record]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Record | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def clear(self) -> None:
        self.set_records([])
