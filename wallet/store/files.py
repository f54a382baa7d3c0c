"""File operations that are durable and fail with a sentence instead of an OSError."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wallet.errors import StorageError, WalletError


def describe_os_error(exc: OSError, path: Path | str) -> str:
    """One sentence for an OSError a person can act on."""
    where = str(path)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"The disk is full, so nothing was written to {where}. Free some space and try again."
    if exc.errno == errno.EFBIG:
        return (f"{where} would grow past the largest file allowed there (a file-size limit, or a FAT32 USB "
                "stick's 4 GB), so nothing was written.")
    if exc.errno in (errno.EROFS,):
        return f"{where} is on a read-only disk, so nothing was written there."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"You do not have permission to write to {where}."
    if exc.errno == errno.ENOENT:
        return f"{where} does not exist."
    if exc.errno == errno.EISDIR:
        return f"{where} is a folder, not a file."
    return f"The computer could not use {where} ({exc.strerror or exc})."


@contextmanager
def os_errors(path: Path | str) -> Iterator[None]:
    """Turn OSErrors inside the block into StorageError with a clear sentence."""
    try:
        yield
    except WalletError:
        raise
    except OSError as exc:
        raise StorageError(describe_os_error(exc, path)) from exc


def fsync_dir(path: Path) -> None:
    """Make a rename inside `path` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a file's content to the disk (raises OSError; callers wrap it in `os_errors`)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new content."""
    with os_errors(path):
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        fsync_dir(path.parent)
