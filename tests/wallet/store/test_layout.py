"""Where a wallet's files live, and refusing to create over anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from wallet.errors import NotAWalletError, WalletExistsError, WalletNotFoundError
from wallet.store import layout


def test_layout_paths(tmp_path: Path) -> None:
    """The key file, database and readme sit directly in the wallet folder."""
    wallet = layout.WalletLayout(tmp_path)
    assert (wallet.keys.name, wallet.db.name, wallet.readme.name) == ("wallet.keys", "wallet.db", "README.txt")
    assert wallet.keys.parent == wallet.db.parent == tmp_path


def test_files_lists_only_files(tmp_path: Path) -> None:
    """files() lists the folder's files (not sub-folders), and nothing for a missing folder."""
    (tmp_path / "wallet.db").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    assert layout.WalletLayout(tmp_path).files() == [tmp_path / "wallet.db"]
    assert layout.WalletLayout(tmp_path / "missing").files() == []


def test_existing_errors(tmp_path: Path) -> None:
    """existing() tells apart a missing path, a plain file and a folder without a key file."""
    with pytest.raises(WalletNotFoundError):
        layout.existing(tmp_path / "missing")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(NotAWalletError, match="is a file"):
        layout.existing(tmp_path / "file")
    with pytest.raises(NotAWalletError, match=r"no wallet\.keys"):
        layout.existing(tmp_path)


def test_ensure_free(tmp_path: Path) -> None:
    """A missing path or an empty folder is free; a file or a non-empty folder is not."""
    layout.ensure_free(tmp_path / "missing")
    layout.ensure_free(tmp_path)
    (tmp_path / "x").write_text("x", encoding="utf-8")
    with pytest.raises(WalletExistsError):
        layout.ensure_free(tmp_path)
    with pytest.raises(WalletExistsError):
        layout.ensure_free(tmp_path / "x")


def test_open_removes_temp_key_files_left_by_a_killed_write(tmp_path) -> None:
    """A key-file temp left by a process killed mid-write is tidied away at the next unlock."""
    from tests.conftest import FAST_KDF, PASSPHRASE
    from wallet import lifecycle

    path = tmp_path / "w.lerwallet"
    lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF).session.lock()
    leftover = path / ".wallet.keys.abc123.tmp"
    leftover.write_bytes(b"{}")
    lifecycle.open_wallet(path, PASSPHRASE).lock()
    assert not leftover.exists()
