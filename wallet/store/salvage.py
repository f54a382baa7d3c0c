"""Reading what is still readable from a damaged database, and copying it into a fresh one.

A damaged page makes SQLite refuse every statement that touches it, so rows are read in rowid order and,
where a read fails, the walk probes further ahead (doubling the stride) until a read succeeds, then
narrows back to the first rowid that reads again. Only the rows on the damaged pages are lost; a
damaged interior page loses the rows beneath it, a damaged root page the whole table.

After a page fails its check SQLCipher refuses further uncached pages on that connection, so the
`Source` opens a fresh connection after every failed read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from wallet.store.database import Connection

_MAX_ROWID = 2**63 - 1
_BATCH = 512

# Tables a person knows by another name; the rest are named as they are.
TABLE_WORDS = {
    "records": "records",
    "credential_sources": "credentials' original files",
    "evidence": "evidence files",
    "tags": "tags",
    "identity": "your signing key",
    "verification_results": "verification results (they can be checked again)",
    "trusted_issuers": "trusted issuers",
    "verification_material": "issuers' keys and status lists",
    "record_links": "links between records",
    "self_issued": "self-issued credentials",
    "skill_overrides": "skill corrections",
    "views": "saved views",
}
DERIVED = frozenset({"record_skills"})
"""Tables made from others and rebuilt when needed (the skills found in each record): never carried over, so
their damage is no loss."""


@dataclass
class TableLoss:
    """What could not be carried over from one table."""

    table: str
    unreadable: bool = False  # some of its pages could not be read
    refused: int = 0  # rows read but refused by the new wallet (they belonged to a lost record)

    def sentence(self) -> str:
        words = TABLE_WORDS.get(self.table, self.table.replace("_", " "))
        parts = []
        if self.unreadable:
            parts.append(f"part of the {words} could not be read")
        if self.refused:
            parts.append(f"{self.refused} of the {words} belonged to records that were lost")
        return "; ".join(parts)


@dataclass
class SalvageReport:
    """Rows copied per table, what was lost, and the records known to be lost (id -> title or '')."""

    copied: dict[str, int] = field(default_factory=dict)
    losses: list[TableLoss] = field(default_factory=list)
    lost_records: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.losses and not self.lost_records


class Source:
    """A damaged database being read, one fresh connection per read, with a canary read after it.

    SQLCipher zero-fills a page that fails its check and reports the failure on the *next* page it reads
    from disk, so a statement can finish with zeros in a row. After every read a known-good page of
    another table (the canary, not yet cached on that connection) is read: if that fails, the read is
    discarded as broken. A fresh connection per read also clears the error SQLCipher keeps afterwards.
    """

    def __init__(self, opener: Callable[[], Connection]) -> None:
        self._open = opener
        self._canaries = self._good_canaries()

    def _good_canaries(self) -> list[tuple[str, str]]:
        conn = self._open()
        try:
            names = [str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        finally:
            conn.close()
        found: list[tuple[str, str]] = []
        for name in names:
            sql = f'SELECT rowid FROM "{name}" LIMIT 1'
            if not self._plain_read(sql)[1]:
                found.append((name, sql))
            if len(found) == 2:
                break
        return found

    def _plain_read(self, sql: str, parameters: tuple[Any, ...] = ()) -> tuple[list[tuple[Any, ...]], bool]:
        conn = self._open()
        rows: list[tuple[Any, ...]] = []
        try:
            for row in conn.execute(sql, parameters):
                rows.append(tuple(row))
        except sqlcipher.DatabaseError:
            return rows, True
        finally:
            conn.close()
        return rows, False

    def read(
        self, sql: str, parameters: tuple[Any, ...] = (), *, table: str = ""
    ) -> tuple[list[tuple[Any, ...]], bool]:
        """Rows of one statement, or ([], True) when it failed or the canary shows a page in it was zero-filled."""
        canary = next((c for c in self._canaries if c[0] != table), None)
        conn = self._open()
        try:
            rows = [tuple(row) for row in conn.execute(sql, parameters)]
            if canary is not None:
                conn.execute(canary[1]).fetchall()
        except sqlcipher.DatabaseError:
            return [], True
        finally:
            conn.close()
        return rows, False


def _columns(conn: Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")').fetchall()]


def copyable_tables(conn: Connection) -> list[str]:
    """Ordinary tables in creation order (parents before children), without full-text indexes, internals or
    derived tables."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid").fetchall()
    virtual = [str(name) for name, sql in rows if str(sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    return [
        str(name)
        for name, _sql in rows
        if not str(name).startswith("sqlite_")
        and str(name) not in virtual
        and str(name) not in DERIVED
        and not any(str(name).startswith(f"{v}_") for v in virtual)
    ]


def _first_readable(source: Source, probe: str, failed: int, table: str) -> int | None:
    """The smallest rowid after `failed` (whose row is unreadable) from which reading works again, or None.

    `probe` reads one row, so a probe fails exactly when the first row at or after it is unreadable.
    """
    stride = 1
    good: int | None = None
    while failed + stride <= _MAX_ROWID:
        _rows, broken = source.read(probe, (failed + stride,), table=table)
        if not broken:
            good = failed + stride
            break
        stride *= 2
    if good is None:
        return None
    low = good - stride // 2 if stride > 1 else failed  # the last probe that failed
    while good - low > 1:  # damaged rowids form one run; find where it ends
        middle = (low + good) // 2
        if source.read(probe, (middle,), table=table)[1]:
            low = middle
        else:
            good = middle
    return good


def readable_rows(source: Source, table: str, columns: list[str]) -> tuple[list[tuple[Any, ...]], bool]:
    """Every row of `table` that can still be read (rowid first), and whether any could not be.

    Reads go in batches; after a broken batch the same stretch is read one row at a time, so only the
    rows on damaged pages are lost.
    """
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'SELECT rowid, {names} FROM "{table}" WHERE rowid >= ? ORDER BY rowid LIMIT {_BATCH}'
    probe = f'SELECT rowid, {names} FROM "{table}" WHERE rowid >= ? ORDER BY rowid LIMIT 1'
    found: list[tuple[Any, ...]] = []
    damaged = False
    position: int | None = -_MAX_ROWID - 1
    single_rows_left = 0
    while position is not None:
        rows, broken = source.read(probe if single_rows_left else sql, (position,), table=table)
        if not broken:
            found.extend(rows)
            if single_rows_left:
                single_rows_left -= 1
                position = int(rows[-1][0]) + 1 if rows else None
            elif len(rows) < _BATCH:
                position = None
            else:
                position = int(rows[-1][0]) + 1
        elif not single_rows_left:
            single_rows_left = _BATCH  # read this stretch again, one row at a time
        else:
            damaged = True
            position = _first_readable(source, probe, position, table)
    return found, damaged


def _index_ids(source: Source, sql_ascending: str) -> set[str]:
    """Ids listed by an index, read from both ends so one damaged page hides only the ids on it."""
    ids: set[str] = set()
    for order in ("ASC", "DESC"):
        rows, _broken = source.read(f"{sql_ascending} {order}")
        ids.update(str(value) for (value,) in rows)
    return ids


def known_records(source: Source) -> dict[str, str]:
    """Every record id the old database still mentions (id -> title where one is readable).

    The records table's own index and the search index keep ids (and titles) apart from the rows,
    so records on a damaged page can usually still be named.
    """
    known = dict.fromkeys(
        _index_ids(source, "SELECT id FROM records INDEXED BY sqlite_autoindex_records_1 ORDER BY id"), ""
    )
    columns, _broken = source.read("SELECT name FROM pragma_table_info('record_search_content')")
    if {("c0",), ("c1",)} <= set(columns):
        rows, _damaged = readable_rows(source, "record_search_content", ["c0", "c1"])
        for _rowid, record_id, title in rows:
            known[str(record_id)] = str(title or "")
    return known


def copy_into(source: Source, new: Connection, report: SalvageReport) -> None:
    """Copy every readable row of every table both databases have; rows the new one refuses are lost."""
    names, broken = source.read("SELECT name FROM sqlite_master WHERE type = 'table'")
    old_tables = {str(name) for (name,) in names} if not broken else set()
    for table in copyable_tables(new):
        if table not in old_tables:
            continue
        wanted = _columns(new, table)
        old_columns, _broken = source.read(f"SELECT name FROM pragma_table_info('{table}')")
        columns = [str(c) for (c,) in old_columns if str(c) in wanted]
        if not columns:
            continue
        rows, damaged = readable_rows(source, table, columns)
        loss = TableLoss(table, unreadable=damaged)
        names_sql = ", ".join(f'"{c}"' for c in columns)
        insert = f'INSERT OR IGNORE INTO "{table}" ({names_sql}) VALUES ({", ".join("?" for _ in columns)})'
        copied = 0
        for row in rows:
            try:
                new.execute(insert, row[1:])
                copied += 1
            except sqlcipher.IntegrityError:
                loss.refused += 1
        report.copied[table] = copied
        if loss.unreadable or loss.refused:
            report.losses.append(loss)
