"""Schema versions: every fixture wallet of a past schema still opens; a newer schema is refused."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet._helpers import entry, raw_connection, snapshot
from wallet.errors import NewerWalletError
from wallet.lifecycle import CreatedWallet, check_wallet, create_wallet, open_wallet, recover_wallet
from wallet.store.database import connect
from wallet.store.layout import WalletLayout
from wallet.store.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "wallets"
DESCRIPTIONS = sorted(FIXTURES.glob("schema-*.json"))


def _load(description: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(description.read_text(encoding="utf-8"))
    return data


def test_a_fixture_exists_for_the_current_schema() -> None:
    """tests/fixtures/wallets has a fixture wallet for every schema version up to the current one."""
    versions = {_load(d)["schema_version"] for d in DESCRIPTIONS}
    assert versions == set(range(1, SCHEMA_VERSION + 1))
    for description in DESCRIPTIONS:
        assert (FIXTURES / _load(description)["wallet"] / "wallet.keys").is_file()


@pytest.mark.parametrize("description", DESCRIPTIONS, ids=lambda d: d.stem)
def test_fixture_wallet_opens_with_expected_records(description: Path, tmp_path: Path) -> None:
    """A copy of each fixture wallet opens, migrates to the current schema and holds the expected records and DID."""
    expected = _load(description)
    original = FIXTURES / expected["wallet"]
    pristine = snapshot(original)
    wallet = tmp_path / expected["wallet"]
    shutil.copytree(original, wallet)
    with open_wallet(wallet, expected["passphrase"]) as session:
        assert session.did == expected["did"]
        assert check_wallet(session) == []
        by_id = {r.id: r for r in session.list_records()}
        assert set(by_id) == {r["id"] for r in expected["records"]}
        for want in expected["records"]:
            record = session.get_record(want["id"])
            assert (record.kind.value, record.title, list(record.tags)) == (want["kind"], want["title"], want["tags"])
            assert [(e.id, e.filename) for e in record.evidence] == [
                (e["id"], e["filename"]) for e in want["evidence"]]
            for evidence in want["evidence"]:
                assert hashlib.sha256(session.evidence_data(evidence["id"])).hexdigest() == evidence["sha256"]
            if "credential_sha256" in want:
                original_bytes = session.credential_original(want["id"])
                assert hashlib.sha256(original_bytes).hexdigest() == want["credential_sha256"]
        assert session.search(expected["records"][0]["title"].split()[0])
        session.add_entry(entry("Written by today's version"))
    conn = raw_connection(wallet, expected["passphrase"])
    try:
        assert schema_version(conn) == SCHEMA_VERSION
    finally:
        conn.close()
    assert snapshot(original) == pristine, "the test must never change the committed fixture"


@pytest.mark.parametrize("description", DESCRIPTIONS, ids=lambda d: d.stem)
def test_fixture_wallet_recovers_with_its_code(description: Path, tmp_path: Path) -> None:
    """The recovery code recorded for each fixture unlocks a copy of it."""
    expected = _load(description)
    wallet = tmp_path / expected["wallet"]
    shutil.copytree(FIXTURES / expected["wallet"], wallet)
    with recover_wallet(wallet, expected["recovery_code"], "a new passphrase", kdf=FAST_KDF) as session:
        assert session.did == expected["did"]


def test_newer_schema_in_database_refused(created: CreatedWallet) -> None:
    """A database whose user_version is above SCHEMA_VERSION asks for an update and is left unchanged."""
    created.session.lock()
    wallet = created.session.path
    conn = raw_connection(wallet, PASSPHRASE)
    try:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    finally:
        conn.close()
    before = snapshot(wallet)
    with pytest.raises(NewerWalletError, match="newer version of LER Wallet"):
        open_wallet(wallet, PASSPHRASE)
    assert snapshot(wallet) == before


def test_migrate_is_idempotent(created: CreatedWallet) -> None:
    """Running migrate on an up-to-date database changes nothing and reports the current version."""
    created.session.lock()
    wallet = created.session.path
    db_before = WalletLayout(wallet).db.read_bytes()
    conn = raw_connection(wallet, PASSPHRASE)
    try:
        assert migrate(conn) == SCHEMA_VERSION
        assert schema_version(conn) == SCHEMA_VERSION
    finally:
        conn.close()
    assert WalletLayout(wallet).db.read_bytes() == db_before


def test_migrate_refuses_newer_schema(created: CreatedWallet) -> None:
    """migrate() itself refuses a database from the future instead of touching it."""
    created.session.lock()
    conn = raw_connection(created.session.path, PASSPHRASE)
    try:
        conn.execute("PRAGMA user_version = 99")
        with pytest.raises(NewerWalletError, match="schema 99"):
            migrate(conn)
    finally:
        conn.close()


def test_fresh_database_migrates_from_zero(tmp_path: Path) -> None:
    """An empty database is brought to SCHEMA_VERSION in numbered steps, one per migration."""
    conn = connect(tmp_path / "fresh.db", b"\x01" * 32, create=True)
    try:
        assert schema_version(conn) == 0
        assert migrate(conn) == SCHEMA_VERSION == len(MIGRATIONS)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"records", "credential_sources", "evidence", "tags", "identity", "meta"} <= tables
    finally:
        conn.close()


def test_new_wallet_is_at_current_schema(tmp_path: Path) -> None:
    """A newly created wallet's database is at SCHEMA_VERSION."""
    create_wallet(tmp_path / "w", PASSPHRASE, kdf=FAST_KDF).session.lock()
    conn = raw_connection(tmp_path / "w", PASSPHRASE)
    try:
        assert schema_version(conn) == SCHEMA_VERSION
    finally:
        conn.close()


def _open_copy(name: str, tmp_path: Path) -> tuple[dict[str, Any], Path]:
    expected = _load(FIXTURES / f"{name}.json")
    wallet = tmp_path / name
    shutil.copytree(FIXTURES / expected["wallet"], wallet)
    return expected, wallet


def test_wallet_from_before_holder_profiles_gets_an_empty_one(tmp_path: Path) -> None:
    """A schema-3 wallet migrates to an empty holder profile ("Learner") and no credential marked as someone else's."""
    expected, wallet = _open_copy("schema-3", tmp_path)
    with open_wallet(wallet, expected["passphrase"]) as session:
        profile = session.holder.profile()
        assert (profile.name, profile.contacts, profile.identifiers) == ("", (), ())
        assert profile.display_name == "Learner" and profile.did == expected["did"]
        credentials = [r for r in session.list_records() if r.credential is not None]
        assert credentials and not any(r.credential.for_someone_else for r in credentials if r.credential)
        session.holder.set_profile("Written by today's version", ["a line"])
        session.holder.add_identifier("someone@example.org")
    with open_wallet(wallet, expected["passphrase"]) as session:
        assert session.holder.profile().name == "Written by today's version"
        assert session.holder.profile().identifiers == ("someone@example.org",)


@pytest.mark.parametrize("description", [d for d in DESCRIPTIONS if "holder" in _load(d)], ids=lambda d: d.stem)
def test_fixture_holder_profile_opens_as_saved(description: Path, tmp_path: Path) -> None:
    """A fixture made since schema 4 keeps its holder's name, contact lines and identifiers, and signs with the name."""
    expected, wallet = _open_copy(description.stem, tmp_path)
    with open_wallet(wallet, expected["passphrase"]) as session:
        assert session.holder.profile().to_json() == expected["holder"]
        entry_id = next(r["id"] for r in expected["records"] if r["kind"] == "entry")
        credential = session.credentials.issue_self_asserted(entry_id)
        assert credential["issuer"]["name"] == f"{expected['holder']['name']} (self-asserted)"
