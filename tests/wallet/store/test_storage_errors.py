"""When the disk says no (full, read-only) the person gets a StorageError in plain words and the
wallet keeps everything it had. The first tests use small tmpfs mounts, so they need root; the ones after
them reach the same paths without root (a file-size limit, file permissions), so any CI machine runs them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet._helpers import entry
from wallet.errors import StorageError
from wallet.lifecycle import CreatedWallet, check_wallet, create_wallet, open_wallet, recover_wallet
from wallet.session import Session

Remount = Callable[[str], None]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, check=False)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], tuple[Path, Remount]]]:
    """Mount small tmpfs file systems under tmp_path; each is unmounted after the test, whatever happens."""
    mounted: list[Path] = []

    def mount(size: str) -> tuple[Path, Remount]:
        if os.name != "posix" or not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
            pytest.skip("mounting a tmpfs needs root on Linux")
        point = tmp_path / f"mnt{len(mounted)}"
        point.mkdir()
        result = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(point))
        if result.returncode != 0:
            pytest.skip(f"mount is not permitted here: {result.stderr.strip()}")
        mounted.append(point)

        def remount(options: str) -> None:
            done = _run("mount", "-o", f"remount,{options}", str(point))
            assert done.returncode == 0, done.stderr

        return point, remount

    try:
        yield mount
    finally:
        for point in reversed(mounted):
            if _run("umount", str(point)).returncode != 0:
                _run("umount", "-l", str(point))


def _titles(session: Session) -> set[str]:
    return {r.title for r in session.list_records()}


def test_disk_full_while_adding_evidence(tmpfs: Callable[[str], tuple[Path, Remount]]) -> None:
    """Evidence that does not fit raises StorageError saying the disk is full; all earlier records survive."""
    point, _ = tmpfs("1m")
    session = create_wallet(point / "w.lerwallet", PASSPHRASE, kdf=FAST_KDF).session
    try:
        first = session.add_entry(entry("Before the disk filled"))
        session.add_evidence(first, "small.pdf", b"%PDF small", media_type="application/pdf")
        with pytest.raises(StorageError, match="disk is full") as info:
            session.add_evidence(first, "huge.bin", os.urandom(2 * 1024 * 1024), media_type="x/y")
        assert "Free some space" in str(info.value)
        assert _titles(session) == {"Before the disk filled"}
        assert len(session.get_record(first).evidence) == 1
        assert check_wallet(session) == []
    finally:
        session.lock()
    with open_wallet(point / "w.lerwallet", PASSPHRASE) as reopened:
        assert _titles(reopened) == {"Before the disk filled"}
        assert [e.filename for e in reopened.get_record(first).evidence] == ["small.pdf"]
        assert check_wallet(reopened) == []
        reopened.add_entry(entry("Small things still fit"))


def test_disk_full_while_creating(tmpfs: Callable[[str], tuple[Path, Remount]]) -> None:
    """Creating a wallet on a disk with almost no room raises StorageError and leaves no half wallet."""
    point, _ = tmpfs("64k")
    (point / "filler").write_bytes(b"\0" * (60 * 1024))
    with pytest.raises(StorageError, match="disk is full"):
        create_wallet(point / "w.lerwallet", PASSPHRASE, kdf=FAST_KDF)
    assert sorted(p.name for p in point.iterdir()) == ["filler"]


def test_read_only_disk(tmpfs: Callable[[str], tuple[Path, Remount]]) -> None:
    """On a read-only disk the wallet opens and lists; a change raises StorageError mentioning read-only."""
    point, remount = tmpfs("4m")
    made = create_wallet(point / "w.lerwallet", PASSPHRASE, kdf=FAST_KDF)
    made.session.add_entry(entry("Written before read-only"))
    made.session.lock()
    remount("ro")
    with open_wallet(point / "w.lerwallet", PASSPHRASE) as session:
        assert _titles(session) == {"Written before read-only"}
        assert session.search("written")
        assert check_wallet(session) == []
        with pytest.raises(StorageError, match="read-only"):
            session.add_entry(entry("Cannot be written"))
        with pytest.raises(StorageError, match="read-only"):
            session.change_passphrase("another passphrase", kdf=FAST_KDF)
        assert _titles(session) == {"Written before read-only"}
    with pytest.raises(StorageError, match="read-only"):
        recover_wallet(point / "w.lerwallet", made.recovery_code, "another passphrase", kdf=FAST_KDF)
    remount("rw")
    with open_wallet(point / "w.lerwallet", PASSPHRASE) as session:
        assert _titles(session) == {"Written before read-only"}


def test_create_on_read_only_disk(tmpfs: Callable[[str], tuple[Path, Remount]]) -> None:
    """Creating a wallet under a read-only location raises StorageError mentioning read-only."""
    point, remount = tmpfs("1m")
    (point / "existing-folder").mkdir()
    remount("ro")
    for target in (point / "w.lerwallet", point / "existing-folder" / "w", point / "new" / "deeper" / "w"):
        with pytest.raises(StorageError, match="read-only"):
            create_wallet(target, PASSPHRASE, kdf=FAST_KDF)
    assert sorted(p.name for p in point.iterdir()) == ["existing-folder"]


def test_backup_to_full_disk(tmpfs: Callable[[str], tuple[Path, Remount]], created: CreatedWallet) -> None:
    """A backup that does not fit raises StorageError (disk full) and leaves no partial backup file."""
    session = created.session
    record_id = session.add_entry(entry("Has big evidence"))
    session.add_evidence(record_id, "big.bin", os.urandom(300_000), media_type="x/y")
    point, _ = tmpfs("128k")
    with pytest.raises(StorageError, match="disk is full"):
        session.backup(point / "b.lerbackup")
    assert list(point.iterdir()) == []


# -- the same paths without root: a file-size limit (RLIMIT_FSIZE) for a full disk, permissions for read-only ----

LIMITED = Path(__file__).with_name("limited_writer.py")
needs_rlimit = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="RLIMIT_FSIZE is POSIX")


def _limited(*args: str) -> tuple[str, str]:
    """Run limited_writer.py; its one line split into (error class, sentence) or ("ok", "")."""
    done = subprocess.run([sys.executable, str(LIMITED), *args], capture_output=True, text=True, check=False,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    kind, _, sentence = done.stdout.strip().partition("\t")
    return kind, sentence


@needs_rlimit
def test_size_limit_while_adding_evidence(created: CreatedWallet) -> None:
    """Evidence that cannot be written raises StorageError; every earlier record and file survives, healthy."""
    session = created.session
    first = session.add_entry(entry("Before the limit"))
    session.add_evidence(first, "small.pdf", b"%PDF small", media_type="application/pdf")
    session.lock()
    db = created.session.path / "wallet.db"
    kind, sentence = _limited("evidence", str(created.session.path), PASSPHRASE, str(db.stat().st_size + 64 * 1024))
    assert kind == "StorageError" and "could not be read or written" in sentence
    with open_wallet(created.session.path, PASSPHRASE) as reopened:
        assert _titles(reopened) == {"Before the limit"}
        assert [e.filename for e in reopened.get_record(first).evidence] == ["small.pdf"]
        assert check_wallet(reopened) == []
        reopened.add_entry(entry("Small things still fit"))


@needs_rlimit
def test_size_limit_while_creating(tmp_path: Path) -> None:
    """Creating a wallet that cannot be written raises StorageError and leaves no half wallet."""
    kind, _sentence = _limited("create", str(tmp_path / "w.lerwallet"), PASSPHRASE, "20000")
    assert kind == "StorageError"
    assert list(tmp_path.iterdir()) == []


@needs_rlimit
def test_size_limit_while_backing_up(created: CreatedWallet, tmp_path: Path) -> None:
    """A backup that cannot be written raises StorageError in words and leaves no partial backup file."""
    session = created.session
    record_id = session.add_entry(entry("Has big evidence"))
    session.add_evidence(record_id, "big.bin", os.urandom(300_000), media_type="x/y")
    session.lock()
    out = tmp_path / "backups"
    out.mkdir()
    kind, sentence = _limited("backup", str(session.path), PASSPHRASE, str(out / "b.lerbackup"), "131072")
    assert kind == "StorageError" and "largest file allowed" in sentence
    assert list(out.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root ignores file permissions; test_read_only_disk (tmpfs) covers this as root")
def test_read_only_folder_without_root(created: CreatedWallet) -> None:
    """A wallet whose folder and files may not be written opens and lists; a change raises StorageError."""
    made = created
    made.session.add_entry(entry("Written before read-only"))
    made.session.lock()
    root = made.session.path
    modes = {p: p.stat().st_mode for p in [root, *root.iterdir()]}
    for path in [*root.iterdir(), root]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        with open_wallet(root, PASSPHRASE) as session:
            assert _titles(session) == {"Written before read-only"}
            assert check_wallet(session) == []
            with pytest.raises(StorageError):
                session.add_entry(entry("Cannot be written"))
            with pytest.raises(StorageError):
                session.change_passphrase("another passphrase", kdf=FAST_KDF)
            assert _titles(session) == {"Written before read-only"}
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
    with open_wallet(root, PASSPHRASE) as session:
        assert _titles(session) == {"Written before read-only"}
