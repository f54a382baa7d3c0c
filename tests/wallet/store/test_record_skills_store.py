"""Schema 7's kept skills per record: the table's rows, their pack key, the cascade, and a v6 wallet upgrading."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.wallet._helpers import entry, raw_connection
from wallet.lifecycle import CreatedWallet, check_wallet, open_wallet, rescue_wallet
from wallet.store.database import Connection
from wallet.store.migrations import SCHEMA_VERSION, schema_version
from wallet.store.record_skills_store import KeptSkills, RecordSkillsStore
from wallet.store.salvage import copyable_tables

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "wallets"
ROW = KeptSkills("hash-1", [("esco:forklift", "text", "forklift"), ("esco:x", "alignment", "esco:x")])


Made = tuple[Connection, RecordSkillsStore, list[str]]


@pytest.fixture
def made(created: CreatedWallet) -> Iterator[Made]:
    """A wallet with three entries, locked, and its kept-skills table on a raw connection."""
    session = created.session
    ids = [session.add_entry(entry(f"Job {i}")) for i in range(3)]
    session.lock()
    conn = raw_connection(session.path, PASSPHRASE)
    yield conn, RecordSkillsStore(conn, session.path), ids
    conn.close()


def test_rows_come_back_under_their_pack_key_only(made: Made) -> None:
    """Rows written under one pack key are read back whole under it, and not under another."""
    _, store, ids = made
    assert store.keep("pack-a", [(ids[0], ROW), (ids[1], KeptSkills("hash-2", []))]) == 2
    assert store.kept("pack-a") == {ids[0]: ROW, ids[1]: KeptSkills("hash-2", [])}
    assert store.kept("pack-b") == {}


def test_keeping_under_a_new_pack_drops_the_old_rows(
    made: Made,
) -> None:
    """Writing under a new pack key removes every row of the old one (they would never be read again)."""
    _, store, ids = made
    store.keep("pack-a", [(ids[0], ROW), (ids[1], ROW)])
    store.keep("pack-b", [(ids[2], ROW)])
    assert store.count() == 1 and set(store.kept("pack-b")) == {ids[2]}


def test_a_row_for_a_missing_record_is_not_written(
    made: Made,
) -> None:
    """A record deleted while its skills were being recognised gets no row (and no error)."""
    _, store, ids = made
    assert store.keep("pack-a", [("no-such-record", ROW), (ids[0], ROW)]) == 1
    assert set(store.kept("pack-a")) == {ids[0]}


def test_deleting_a_record_deletes_its_row(made: Made) -> None:
    """The foreign key cascades: a deleted record leaves no kept skills behind."""
    conn, store, ids = made
    store.keep("pack-a", [(i, ROW) for i in ids])
    conn.execute("DELETE FROM records WHERE id = ?", (ids[1],))
    assert set(store.kept("pack-a")) == {ids[0], ids[2]}


def test_an_unreadable_row_is_skipped(made: Made) -> None:
    """A row whose JSON cannot be read is left out (so it is recognised again), not raised."""
    conn, store, ids = made
    store.keep("pack-a", [(ids[0], ROW), (ids[1], ROW)])
    conn.execute("UPDATE record_skills SET mentions = '{not json' WHERE record_id = ?", (ids[1],))
    assert set(store.kept("pack-a")) == {ids[0]}


def test_forget_drops_every_row(made: Made) -> None:
    """forget() empties the table, so every record is recognised again."""
    _, store, ids = made
    store.keep("pack-a", [(i, ROW) for i in ids])
    store.forget()
    assert store.count() == 0


def test_a_schema_6_wallet_upgrades_keeps_skills_and_still_opens(tmp_path: Path) -> None:
    """The v6 fixture migrates to schema 7, builds and keeps its profile, passes the full check, and opens again."""
    wallet = tmp_path / "schema-6"
    shutil.copytree(FIXTURES / "schema-6", wallet)
    passphrase = "fixture passphrase"
    with open_wallet(wallet, passphrase) as session:
        profile = session.skills.profile().to_json()
        assert profile
        records = {t.record_id for t in session.skills.record_texts()}
        assert check_wallet(session) == []
    conn = raw_connection(wallet, passphrase)
    try:
        assert schema_version(conn) == SCHEMA_VERSION == 7
        assert int(conn.execute("PRAGMA foreign_keys").fetchone()[0]) == 1
        rows = {str(r[0]) for r in conn.execute("SELECT record_id FROM record_skills")}
    finally:
        conn.close()
    assert rows == records
    with open_wallet(wallet, passphrase) as session:
        assert session.skills.profile().to_json() == profile


def test_a_rescue_leaves_the_kept_skills_behind_and_reports_no_loss(created: CreatedWallet, tmp_path: Path) -> None:
    """Kept skills are derived: a rescue does not carry them (damaged, they are no loss); the copy rebuilds them."""
    session = created.session
    session.add_entry(entry("Forklift driver", description="Operated a forklift in a warehouse."))
    profile = session.skills.profile().to_json()
    assert profile
    session.lock()
    rescued = rescue_wallet(session.path, PASSPHRASE, tmp_path / "rescued")
    assert rescued.salvage.complete and "record_skills" not in rescued.salvage.copied
    assert "records" in rescued.salvage.copied
    conn = raw_connection(rescued.path, PASSPHRASE)
    try:
        assert "record_skills" not in copyable_tables(conn)
        assert RecordSkillsStore(conn, rescued.path).count() == 0
    finally:
        conn.close()
    with open_wallet(rescued.path, PASSPHRASE) as copy:
        assert copy.skills.profile().to_json() == profile


def test_the_schema_7_fixture_keeps_skills_that_still_open(tmp_path: Path) -> None:
    """The schema-7 fixture holds kept skills for its records; today's code opens it and its profile equals one
    recognised afresh, with every row then under today's pack key."""
    from wallet.skills.pack import load_pack
    from wallet.skills.profile import build_profile, pack_key
    from wallet.skills.recognise import recogniser

    wallet = tmp_path / "schema-7"
    shutil.copytree(FIXTURES / "schema-7", wallet)
    passphrase = "fixture passphrase"
    conn = raw_connection(wallet, passphrase)
    try:
        assert RecordSkillsStore(conn, wallet).count() >= 3
    finally:
        conn.close()
    with open_wallet(wallet, passphrase) as session:
        skills = session.skills
        fresh = build_profile(skills.record_texts(), load_pack(), recogniser(), skills.overrides())
        assert skills.profile().to_json() == fresh.to_json()
        records = {t.record_id for t in skills.record_texts()}
    conn = raw_connection(wallet, passphrase)
    try:
        assert set(RecordSkillsStore(conn, wallet).kept(pack_key(load_pack()))) == records
    finally:
        conn.close()
