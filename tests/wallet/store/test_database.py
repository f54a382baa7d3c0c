"""A damaged or missing database is reported as damage, in plain words, and never changed."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet._helpers import entry, flip, snapshot
from wallet.errors import (
    NotAWalletError,
    StorageError,
    UsageError,
    WalletDamagedError,
    WalletError,
    WalletNotFoundError,
)
from wallet.lifecycle import DamageScan, check_wallet, create_wallet, open_wallet
from wallet.store.database import translate
from wallet.store.layout import WalletLayout

PAGE = 4096


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A locked wallet spanning many database pages: 40 entries, tags and a 30 kB evidence file."""
    path = tmp_path_factory.mktemp("pristine") / "w.lerwallet"
    session = create_wallet(path, PASSPHRASE, kdf=FAST_KDF).session
    first = ""
    for number in range(40):
        record_id = session.add_entry(
            entry(f"Job {number}", description="stocking shelves " * 60, skills=("Excel",), tags=("work",))
        )
        first = first or record_id
    session.add_evidence(first, "reference.bin", os.urandom(30_000), media_type="application/octet-stream")
    session.lock()
    return path


@pytest.fixture
def wallet(pristine: Path, tmp_path: Path) -> Path:
    """A fresh copy of the pristine wallet for one test to damage."""
    copy = tmp_path / "copy.lerwallet"
    shutil.copytree(pristine, copy)
    return copy


def _use_everything(wallet: Path) -> tuple[list[WalletError], list[str]]:
    """Open, list, search, read every record and evidence file, then check; collect what went wrong."""
    errors: list[WalletError] = []
    problems: list[str] = []
    try:
        session = open_wallet(wallet, PASSPHRASE)
    except WalletError as exc:
        return [exc], problems
    actions: list[Callable[[], object]] = [session.list_records, lambda: session.search("stocking shel")]
    try:
        for action in actions:
            try:
                action()
            except WalletError as exc:
                errors.append(exc)
        try:
            for record in session.list_records():
                for evidence in session.get_record(record.id).evidence:
                    session.evidence_data(evidence.id)
        except WalletError as exc:
            errors.append(exc)
        try:
            problems = check_wallet(session)
        except WalletError as exc:
            errors.append(exc)
    finally:
        session.lock()
    return errors, problems


def _assert_damage_detected(wallet: Path) -> None:
    """Damage surfaces as WalletDamagedError with a clear sentence, and the files stay byte-identical."""
    before = snapshot(wallet)
    errors, problems = _use_everything(wallet)
    assert errors, "the damage went unnoticed"
    assert problems == []
    for error in errors:
        assert isinstance(error, WalletDamagedError), f"{type(error).__name__}: {error}"
        assert "damaged" in str(error) and str(wallet) in str(error)
    assert snapshot(wallet) == before


def test_pristine_wallet_is_healthy(wallet: Path) -> None:
    """The undamaged copy opens, lists, searches and checks clean (the baseline for the damage tests)."""
    errors, problems = _use_everything(wallet)
    assert errors == [] and problems == []


def test_database_spans_many_pages(pristine: Path) -> None:
    """The fixture database is large enough that 'later pages' exist to damage."""
    assert WalletLayout(pristine).db.stat().st_size >= 20 * PAGE


@pytest.mark.parametrize(
    "cut",
    [0, 1, 16, 100, 1024, PAGE - 1, PAGE, PAGE + 1, 2 * PAGE, "half", "half+100", "last-page", "minus-1"],
)
def test_truncated_database(wallet: Path, cut: int | str) -> None:
    """wallet.db cut short at many lengths is reported as damaged, and nothing is changed."""
    db = WalletLayout(wallet).db
    data = db.read_bytes()
    length = {
        "half": len(data) // 2, "half+100": len(data) // 2 + 100,
        "last-page": len(data) - PAGE, "minus-1": len(data) - 1,
    }.get(str(cut), cut)
    assert isinstance(length, int)
    db.write_bytes(data[:length])
    _assert_damage_detected(wallet)


@pytest.mark.parametrize(
    "offset",
    [0, 15, 16, 17, 100, 1000, PAGE - 1, PAGE + 100, 2 * PAGE + 50, "half", "half+4000", "last-page+10", "minus-40",
     "minus-1"],
)
def test_flipped_byte_in_database(wallet: Path, offset: int | str) -> None:
    """A flipped byte on page 1 or any later page (content, IV or HMAC) is reported as damage."""
    db = WalletLayout(wallet).db
    data = db.read_bytes()
    position = {
        "half": len(data) // 2, "half+4000": len(data) // 2 + 4000,
        "last-page+10": len(data) - PAGE + 10, "minus-40": len(data) - 40, "minus-1": len(data) - 1,
    }.get(str(offset), offset)
    assert isinstance(position, int)
    db.write_bytes(flip(data, position))
    _assert_damage_detected(wallet)


def test_damage_on_an_unread_page_is_refused_at_open(wallet: Path) -> None:
    """Damage on a page that listing never reads stops open_wallet at once, with the way out, changing nothing."""
    db = WalletLayout(wallet).db
    db.write_bytes(flip(db.read_bytes(), 2 * PAGE + 50))
    before = snapshot(wallet)
    with pytest.raises(WalletDamagedError, match="is damaged") as info:
        open_wallet(wallet, PASSPHRASE)
    assert "rescue" in str(info.value) and "backup" in str(info.value)
    assert snapshot(wallet) == before


def test_unchecked_open_leaves_damage_to_check_and_scan(wallet: Path) -> None:
    """Opened without the check (the app), damage is still found by check_wallet and by a DamageScan."""
    db = WalletLayout(wallet).db
    db.write_bytes(flip(db.read_bytes(), 2 * PAGE + 50))
    with open_wallet(wallet, PASSPHRASE, check=False) as session:
        session.list_records()
        assert DamageScan(session).run() == ["HMAC verification failed for page 3"]
        with pytest.raises(WalletDamagedError, match="is damaged"):
            check_wallet(session)


def test_scan_of_a_healthy_wallet_finds_nothing(wallet: Path) -> None:
    """A DamageScan of an undamaged wallet reports no problem."""
    with open_wallet(wallet, PASSPHRASE, check=False) as session:
        assert DamageScan(session).run() == []


def test_cancelled_scan_reports_nothing(wallet: Path) -> None:
    """A scan cancelled before it runs (the wallet locked) reports nothing, even on a damaged wallet."""
    db = WalletLayout(wallet).db
    db.write_bytes(flip(db.read_bytes(), 2 * PAGE + 50))
    with open_wallet(wallet, PASSPHRASE, check=False) as session:
        scan = DamageScan(session)
        scan.cancel()
        assert scan.run() == []


def test_page_one_damage_fails_at_open(wallet: Path) -> None:
    """Damage on page 1 is caught when the wallet is opened, with a sentence a person understands."""
    db = WalletLayout(wallet).db
    db.write_bytes(flip(db.read_bytes(), 200))
    before = snapshot(wallet)
    with pytest.raises(WalletDamagedError, match="damaged or truncated, so it cannot be read"):
        open_wallet(wallet, PASSPHRASE)
    assert snapshot(wallet) == before


def test_database_of_another_wallet(wallet: Path, tmp_path: Path) -> None:
    """A wallet.db swapped in from another wallet does not fit the key file: damaged, not wrong passphrase."""
    other = create_wallet(tmp_path / "other.lerwallet", PASSPHRASE, kdf=FAST_KDF).session
    other.lock()
    shutil.copyfile(WalletLayout(other.path).db, WalletLayout(wallet).db)
    before = snapshot(wallet)
    with pytest.raises(WalletDamagedError):
        open_wallet(wallet, PASSPHRASE)
    assert snapshot(wallet) == before


def test_wallet_without_database(wallet: Path) -> None:
    """A wallet folder whose wallet.db is gone says the database is lost, and no new one is created."""
    WalletLayout(wallet).db.unlink()
    before = snapshot(wallet)
    with pytest.raises(WalletDamagedError, match="lost its database"):
        open_wallet(wallet, PASSPHRASE)
    assert snapshot(wallet) == before
    assert not WalletLayout(wallet).db.exists()


def test_database_replaced_by_folder(wallet: Path) -> None:
    """A folder where wallet.db should be is damage, not a crash."""
    db = WalletLayout(wallet).db
    db.unlink()
    db.mkdir()
    with pytest.raises(WalletDamagedError):
        open_wallet(wallet, PASSPHRASE)


def test_folder_that_is_not_a_wallet(tmp_path: Path) -> None:
    """A folder with other files in it is not a wallet, and it is left alone."""
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"\xff\xd8\xff")
    before = snapshot(folder)
    with pytest.raises(NotAWalletError, match="not an LER Wallet"):
        open_wallet(folder, PASSPHRASE)
    assert snapshot(folder) == before


def test_empty_folder_is_not_a_wallet(tmp_path: Path) -> None:
    """An empty folder is not a wallet, and nothing is created in it."""
    with pytest.raises(NotAWalletError):
        open_wallet(tmp_path, PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


def test_plain_file_as_wallet_path(tmp_path: Path) -> None:
    """A plain file given as the wallet path is 'a file, not an LER Wallet folder', and is unchanged."""
    plain = tmp_path / "notes.txt"
    plain.write_text("hello", encoding="utf-8")
    with pytest.raises(NotAWalletError, match="is a file"):
        open_wallet(plain, PASSPHRASE)
    assert plain.read_text(encoding="utf-8") == "hello"


def test_missing_path(tmp_path: Path) -> None:
    """A path with nothing at it is 'no wallet', and nothing is created there."""
    with pytest.raises(WalletNotFoundError, match="no wallet"):
        open_wallet(tmp_path / "nowhere", PASSPHRASE)
    assert not (tmp_path / "nowhere").exists()


def test_empty_passphrase(wallet: Path) -> None:
    """An empty passphrase is a usage error, checked before anything is read."""
    with pytest.raises(UsageError, match="empty"):
        open_wallet(wallet, "")


def test_corruption_code_wins_over_generic_message() -> None:
    """An error whose SQLite code is SQLITE_CORRUPT is damage even when its text is generic."""
    error = sqlcipher.DatabaseError("vtable constructor failed: record_search")
    error.sqlite_errorcode = 11  # what SQLite reports when an FTS page fails its HMAC
    assert isinstance(translate(error, "/w"), WalletDamagedError)


@pytest.mark.parametrize(
    ("message", "kind", "words"),
    [
        ("file is not a database", WalletDamagedError, "damaged"),
        ("database disk image is malformed", WalletDamagedError, "damaged"),
        ("attempt to write a readonly database", StorageError, "read-only"),
        ("database or disk is full", StorageError, "disk is full"),
        ("database is locked", StorageError, "in use by another program"),
        ("unable to open database file", StorageError, "could not be read or written"),
        ("disk I/O error", StorageError, "could not be read or written"),
        ("something unexpected", StorageError, "could not be used"),
    ],
)
def test_sqlite_errors_become_sentences(message: str, kind: type[WalletError], words: str) -> None:
    """Each SQLite failure maps to the right wallet error with a sentence a person can act on."""
    error = translate(Exception(message), "/media/usb/w")
    assert type(error) is kind
    assert words in str(error)
