"""Deleting a record so that it can be put back within the same session (the app's Undo).

Before the record is deleted, every row that belongs to it is read: its own row and the rows of every table
whose foreign key names it (found from the schema, so a table added by a later migration is kept too). They
stay in memory only, never on disk, and are dropped when the wallet locks. Put back, the rows return under
the same ids, so views, links and checks that named the record name it again. Only this record's rows are
touched: other records, and their original bytes, are never read or written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wallet.errors import DuplicateRecordError
from wallet.store.database import Connection

Rows = tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class TableRows:
    table: str
    columns: tuple[str, ...]
    rows: Rows
    links: tuple[str, ...]
    """The columns that name a record (a row goes back only if every record it names exists)."""


@dataclass(frozen=True)
class Deleted:
    """A deleted record as it was, ready to be put back."""

    record_id: str
    title: str
    record: TableRows
    dependents: tuple[TableRows, ...]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(conn: Connection, table: str) -> tuple[str, ...]:
    return tuple(str(row[1]) for row in conn.execute(f"PRAGMA table_info({_quote(table)})"))


def dependent_tables(conn: Connection) -> list[tuple[str, tuple[str, ...]]]:
    """Every table with a foreign key to records(id), with the columns that hold it."""
    names = [str(n) for (n,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    found: list[tuple[str, tuple[str, ...]]] = []
    for table in names:
        links = tuple(str(fk[3]) for fk in conn.execute(f"PRAGMA foreign_key_list({_quote(table)})")
                      if fk[2] == "records")
        if links:
            found.append((table, links))
    return found


def take(conn: Connection, record_id: str) -> Deleted:
    """Read everything of `record_id` (inside the caller's transaction, before it deletes the record)."""
    record_columns = tuple(c for c in _columns(conn, "records") if c != "seq")  # the search index's key is new
    names = ", ".join(_quote(c) for c in record_columns)
    row = conn.execute(f"SELECT {names} FROM records WHERE id = ?", (record_id,)).fetchone()
    title = str(row[record_columns.index("title")]) if row is not None else ""
    dependents: list[TableRows] = []
    for table, links in dependent_tables(conn):
        columns = _columns(conn, table)
        where = " OR ".join(f"{_quote(c)} = ?" for c in links)
        rows = conn.execute(f"SELECT {', '.join(_quote(c) for c in columns)} FROM {_quote(table)} WHERE {where}",
                            (record_id,) * len(links)).fetchall()
        if rows:
            dependents.append(TableRows(table, columns, tuple(tuple(r) for r in rows), links))
    return Deleted(record_id, title, TableRows("records", record_columns, (tuple(row),) if row else (), ("id",)),
                   tuple(dependents))


def put_back(conn: Connection, deleted: Deleted) -> None:
    """Insert the rows again (inside the caller's transaction). Refuses when the record, or the same
    credential, is back in the wallet already (imported again since)."""
    if conn.execute("SELECT 1 FROM records WHERE id = ?", (deleted.record_id,)).fetchone() is not None:
        raise DuplicateRecordError(f"“{deleted.title}” is in the wallet already.", deleted.record_id)
    for part in deleted.dependents:
        if part.table == "credential_sources":
            sha = part.rows[0][part.columns.index("sha256")]
            again = conn.execute("SELECT record_id FROM credential_sources WHERE sha256 = ?", (sha,)).fetchone()
            if again is not None:
                raise DuplicateRecordError(
                    f"“{deleted.title}” was imported again since it was deleted, so that copy stays.", str(again[0]))
    _insert(conn, deleted.record)
    for part in deleted.dependents:
        _insert(conn, part)


def _insert(conn: Connection, part: TableRows) -> None:
    marks = ", ".join("?" * len(part.columns))
    sql = f"INSERT INTO {_quote(part.table)} ({', '.join(_quote(c) for c in part.columns)}) VALUES ({marks})"
    positions = [part.columns.index(c) for c in part.links]
    for row in part.rows:
        named = {row[i] for i in positions if row[i] is not None}
        if part.table != "records" and any(
            conn.execute("SELECT 1 FROM records WHERE id = ?", (rid,)).fetchone() is None for rid in named
        ):
            continue  # a link to a record deleted since: nothing to link to
        conn.execute(sql, row)
