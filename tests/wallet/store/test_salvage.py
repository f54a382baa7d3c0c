"""Damage found at once, checked in full, and rescued: one flipped byte per page of a real demo wallet."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet._helpers import flip, snapshot
from wallet import demo
from wallet.errors import WalletDamagedError
from wallet.lifecycle import create_wallet, inspect_wallet, open_wallet, recover_wallet, rescue_wallet
from wallet.session import Session
from wallet.store.layout import WalletLayout

PAGE = 4096


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[str, str]], str]:
    """A locked demo wallet, its records (id -> title, content hash) and its DID."""
    path = tmp_path_factory.mktemp("salvage") / "demo.lerwallet"
    with create_wallet(path, PASSPHRASE, kdf=FAST_KDF, demo=True).session as session:
        demo.populate(session)
        records = {r.id: (r.title, _content(session, r.id)) for r in session.list_records()}
        did = session.did
    return path, records, did


def _content(session: Session, record_id: str) -> str:
    """A hash of what a record is: kind, title, dates, description and, for a credential, its original bytes.

    (Tags and evidence files are kept apart: a rescue may lose some of them and says so.)
    """
    record = session.get_record(record_id)
    original = session.credential_original(record_id) if record.kind == "credential" else b""
    core = (record.kind, record.title, record.organisation, record.when, record.description)
    return hashlib.sha256(repr(core).encode() + original).hexdigest()


@pytest.mark.slow
def test_every_damaged_page_is_refused_checked_and_rescued(
    pristine: tuple[Path, dict[str, tuple[str, str]], str], tmp_path: Path
) -> None:
    """For a flipped byte in each page: open refuses, check names the page, and rescue keeps or names every record."""
    source = pristine[0]
    _flip_check_rescue(pristine, tmp_path, range(2, WalletLayout(source).db.stat().st_size // PAGE + 1))


def test_sampled_damaged_pages_are_refused_checked_and_rescued(
    pristine: tuple[Path, dict[str, tuple[str, str]], str], tmp_path: Path
) -> None:
    """The same for every sixth page (the whole run is marked slow)."""
    source = pristine[0]
    _flip_check_rescue(pristine, tmp_path, range(5, WalletLayout(source).db.stat().st_size // PAGE + 1, 6))


def _flip_check_rescue(
    pristine: tuple[Path, dict[str, tuple[str, str]], str], tmp_path: Path, pages: range
) -> None:
    source, records, did = pristine
    lost_somewhere = unreadable = 0
    for page in pages:  # page 1 holds the key check: damage there is "cannot be read" at once
        wallet = tmp_path / f"p{page}.lerwallet"
        shutil.copytree(source, wallet)
        db = WalletLayout(wallet).db
        db.write_bytes(flip(db.read_bytes(), (page - 1) * PAGE + 1000))
        before = snapshot(wallet)
        with pytest.raises(WalletDamagedError, match="rescue"):
            open_wallet(wallet, PASSPHRASE)
        try:
            found = inspect_wallet(wallet, PASSPHRASE)
        except WalletDamagedError:  # a page of the schema itself: nothing can be read, and rescue says so too
            with pytest.raises(WalletDamagedError, match="cannot be read"):
                rescue_wallet(wallet, PASSPHRASE, tmp_path / f"r{page}.lerwallet")
            unreadable += 1
            continue
        assert not found.healthy and f"HMAC verification failed for page {page}" in found.problems
        rescued = rescue_wallet(wallet, PASSPHRASE, tmp_path / f"r{page}.lerwallet")
        assert snapshot(wallet) == before, "checking and rescuing must not change the damaged wallet"
        with open_wallet(rescued.path, PASSPHRASE) as session:
            kept = {r.id: _content(session, r.id) for r in session.list_records()}
            assert session.did == did or rescued.new_identity
        assert all(records[rid][1] == digest for rid, digest in kept.items()), f"page {page}: a record changed"
        lost = set(rescued.salvage.lost_records)
        assert set(kept) | lost == set(records) and not set(kept) & lost, f"page {page}: a record vanished unnamed"
        assert found.salvage.lost_records.keys() == lost, f"page {page}: check and rescue disagree"
        lost_somewhere += bool(lost)
        shutil.rmtree(wallet)
        shutil.rmtree(rescued.path)
    assert lost_somewhere > 0, "no page held a record, so nothing was really tested"
    assert unreadable <= 2, "only the schema's own pages may leave nothing to rescue"


def test_healthy_wallet_checks_clean_and_rescues_whole(
    pristine: tuple[Path, dict[str, tuple[str, str]], str], tmp_path: Path
) -> None:
    """An undamaged wallet is healthy, and a rescue of it copies every record with the same DID."""
    source, records, did = pristine
    assert inspect_wallet(source, PASSPHRASE).healthy
    rescued = rescue_wallet(source, PASSPHRASE, tmp_path / "copy.lerwallet")
    assert rescued.salvage.complete and not rescued.new_identity
    with open_wallet(rescued.path, PASSPHRASE) as session:
        assert {r.id for r in session.list_records()} == set(records)
        assert session.did == did
        assert session.search("forklift")


def test_page_one_damage_cannot_be_rescued(
    pristine: tuple[Path, dict[str, tuple[str, str]], str], tmp_path: Path
) -> None:
    """With page 1 damaged nothing can be read: check and rescue say so, and no half wallet is left."""
    wallet = tmp_path / "w.lerwallet"
    shutil.copytree(pristine[0], wallet)
    db = WalletLayout(wallet).db
    db.write_bytes(flip(db.read_bytes(), 300))
    with pytest.raises(WalletDamagedError, match="cannot be read"):
        inspect_wallet(wallet, PASSPHRASE)
    with pytest.raises(WalletDamagedError, match="cannot be read"):
        rescue_wallet(wallet, PASSPHRASE, tmp_path / "out.lerwallet")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.lerwallet"]


def test_backup_of_a_damaged_wallet_is_refused(
    pristine: tuple[Path, dict[str, tuple[str, str]], str], tmp_path: Path
) -> None:
    """backup checks every page first and refuses to write a backup that would not restore."""
    wallet = tmp_path / "w.lerwallet"
    shutil.copytree(pristine[0], wallet)
    db = WalletLayout(wallet).db
    db.write_bytes(flip(db.read_bytes(), db.stat().st_size - 2 * PAGE + 10))
    with open_wallet(wallet, PASSPHRASE, check=False) as session, pytest.raises(
        WalletDamagedError, match="no backup was made"
    ):
        session.backup(tmp_path / "b.lerbackup")
    assert not (tmp_path / "b.lerbackup").exists()



def test_recovery_refuses_a_damaged_wallet_and_changes_nothing(tmp_path: Path) -> None:
    """recover_wallet checks every page first, so a damaged wallet keeps its key file (and passphrase) as it was."""
    made = create_wallet(tmp_path / "w.lerwallet", PASSPHRASE, kdf=FAST_KDF, demo=True)
    with made.session as session:
        demo.populate(session)
    db = WalletLayout(made.session.path).db
    db.write_bytes(flip(db.read_bytes(), db.stat().st_size - 2 * PAGE + 10))
    before = snapshot(made.session.path)
    with pytest.raises(WalletDamagedError, match="rescue"):
        recover_wallet(made.session.path, made.recovery_code, "a brand new passphrase", kdf=FAST_KDF)
    assert snapshot(made.session.path) == before
