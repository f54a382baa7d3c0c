"""When the disk says no (full, read-only) the person gets a StorageError in plain words and the
wallet keeps everything it had. Uses small tmpfs mounts, so it needs root; skipped otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
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
