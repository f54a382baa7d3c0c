"""Durable file writes and OS errors turned into sentences."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from wallet.errors import StorageError
from wallet.store.files import atomic_write, describe_os_error, os_errors


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    """atomic_write replaces the content and leaves no temporary file beside it."""
    target = tmp_path / "wallet.keys"
    target.write_bytes(b"old")
    atomic_write(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["wallet.keys"]


def test_atomic_write_into_missing_folder(tmp_path: Path) -> None:
    """Writing into a folder that does not exist is a StorageError that names the problem."""
    with pytest.raises(StorageError, match="does not exist"):
        atomic_write(tmp_path / "missing" / "f", b"x")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "disk is full"),
        (errno.EDQUOT, "disk is full"),
        (errno.EROFS, "read-only disk"),
        (errno.EACCES, "permission"),
        (errno.EPERM, "permission"),
        (errno.ENOENT, "does not exist"),
        (errno.EISDIR, "is a folder"),
        (errno.EIO, "could not use"),
    ],
)
def test_os_errors_become_sentences(code: int, words: str) -> None:
    """Each common OS error becomes a StorageError sentence naming the path."""
    message = describe_os_error(OSError(code, "boom"), "/media/usb/w")
    assert words in message and "/media/usb/w" in message
    with pytest.raises(StorageError, match=words), os_errors("/media/usb/w"):
        raise OSError(code, "boom")
