"""The one bounded reader for every file or stream a person hands the wallet.

A path can name anything: `/dev/zero` (endless), `/dev/urandom`, a FIFO with no writer (whose plain open
waits forever), a folder, a socket, or a symbolic link to any of these. So an input is

- opened with O_NONBLOCK, so opening a FIFO never waits for a writer;
- checked with fstat on the descriptor just opened (not a stat of the path, which another program could
  swap between the check and the open): only regular files are read;
- read in chunks that stop one byte past the limit, so a file that grows while it is read, or whose size
  fstat misreports (as /proc files do), is still bounded.

Standard input (`-`) is allowed and bounded the same way. Every refusal is an `InvalidInputError` with one
sentence. `decode_text` turns bytes a person says are text (a posting, learning outcomes) into text, and
refuses an image, a program or other binary data by name instead of reading skills into noise.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from wallet.errors import InvalidInputError
from wallet.i18n import N_, _

STDIN = "-"
"""The name that means standard input."""

CHUNK = 1024 * 1024
"""Bytes asked for per read."""

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def size_text(limit: int) -> str:
    """A limit in the unit people use: "20 MB", "512 KB", "100 bytes"."""
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    if limit >= 1024:
        return f"{limit / 1024:g} KB"
    return f"{limit} bytes"


def _kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _not_regular(path: Path | str, kind: str, *, stdin_hint: bool) -> InvalidInputError:
    if kind == "a folder":
        return InvalidInputError(f"{path} is a folder, not a file.")
    hint = " (to read from a program, pass '-' and pipe it in)" if stdin_hint and kind == "a pipe (FIFO)" else ""
    return InvalidInputError(f"{path} is {kind}, not a regular file, so it was not read{hint}.")


def _too_large(name: str, limit: int) -> InvalidInputError:
    return InvalidInputError(f"{name} is larger than {size_text(limit)}, so it was not read.")


def _open_error(exc: OSError, path: Path | str) -> InvalidInputError:
    """One sentence for why a file could not be opened or read."""
    if exc.errno == errno.ENOENT:
        return InvalidInputError(_("There is no file at {path}.").format(path=path))
    if exc.errno == errno.ENOTDIR:
        return InvalidInputError(_("There is no file at {path} (a part of that path is not a folder).").format(
            path=path))
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InvalidInputError(_("You do not have permission to read {path}.").format(path=path))
    if exc.errno == errno.EISDIR:
        return InvalidInputError(f"{path} is a folder, not a file.")
    if exc.errno == errno.ELOOP:
        return InvalidInputError(f"{path} is a symbolic link that leads round in a circle.")
    if exc.errno == errno.ENXIO:  # a socket file, or a device with nothing behind it
        return InvalidInputError(f"{path} is not a regular file, so it was not read.")
    if exc.errno == errno.ENAMETOOLONG:
        return InvalidInputError(_("That file name is too long for this computer."))
    return InvalidInputError(f"{path} could not be read ({exc.strerror or exc}).")


def _open_regular(path: Path, *, stdin_hint: bool = False) -> tuple[int, int]:
    """(descriptor, stated size) of the regular file at `path`, opened without waiting on a FIFO.

    Raises `InvalidInputError` for anything but a regular file, and OSError when the system refuses.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        kind = _kind_of(info.st_mode)
        if kind is not None:
            raise _not_regular(path, kind, stdin_hint=stdin_hint)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a regular file: reads are ordinary again (some file systems care)
    except BaseException:
        os.close(fd)
        raise
    return fd, info.st_size


def _read_upto(fd: int, count: int) -> bytes:
    """At most `count` bytes from fd: fewer only at the end of the file."""
    parts: list[bytes] = []
    total = 0
    while total < count:
        part = os.read(fd, min(CHUNK, count - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
    return b"".join(parts)


def read_file(path: Path | str, *, limit: int, what: str | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or an `InvalidInputError` saying why not.

    `what` names the file in the too-large sentence ("The posting"); the path is always named too.
    """
    path = Path(path).expanduser()
    name = f"{what} {path}" if what else str(path)
    try:
        fd, size = _open_regular(path, stdin_hint=True)
        try:
            if size > limit:
                raise _too_large(name, limit)
            data = _read_upto(fd, limit + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        raise _open_error(exc, path) from exc
    if len(data) > limit:
        raise _too_large(name, limit)  # it grew while being read, or fstat understated it
    return data


def read_prefix(path: Path, count: int) -> bytes:
    """Up to `count` bytes from the start of the regular file at `path`, for readers with their own sentences
    (the wallet's key file): a special file is an `InvalidInputError`; OSError is left to the caller to word."""
    fd, _unused = _open_regular(path)
    try:
        return _read_upto(fd, count)
    finally:
        os.close(fd)


def read_limited_stream(stream: BinaryIO, *, limit: int, what: str = "") -> bytes:
    """Everything in `stream` (standard input) up to `limit` bytes; more is refused, never kept reading."""
    what = what or _("The input")
    parts: list[bytes] = []
    total = 0
    while True:
        try:
            part = stream.read(min(CHUNK, limit + 1 - total))
        except OSError as exc:
            raise InvalidInputError(_("{what} could not be read ({value}).").format(
                what=what, value=exc.strerror or exc)) from exc
        if not part:
            return b"".join(parts)
        parts.append(part)
        total += len(part)
        if total > limit:
            raise _too_large(what, limit)


def read_source(source: str | Path, *, limit: int, what: str, stdin: BinaryIO | None = None) -> bytes:
    """A file named by a person, or standard input when the name is '-'; bounded either way."""
    if str(source) == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        return read_limited_stream(stream, limit=limit, what=f"{what} on standard input")
    return read_file(source, limit=limit, what=what)


# -- text ------------------------------------------------------------------------------------------------------
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", N_("an image (PNG)")),
    (b"\xff\xd8\xff", N_("an image (JPEG)")),
    (b"GIF87a", N_("an image (GIF)")),
    (b"GIF89a", N_("an image (GIF)")),
    (b"%PDF-", N_("a PDF document")),
    (b"PK\x03\x04", N_("a compressed file (such as a Word document or a ZIP)")),
    (b"\x7fELF", N_("a program")),
    (b"\xcf\xfa\xed\xfe", N_("a program")),
    (b"\x1f\x8b", N_("a compressed file (gzip)")),
    (b"\xd0\xcf\x11\xe0", N_("an old Office document")),
    (b"SQLite format 3\x00", N_("a database")),
)
_SAMPLE = 8192
_CONTROLS = frozenset(range(32)) - {9, 10, 12, 13}


def binary_kind(data: bytes) -> str | None:
    """What binary data looks like ("an image (PNG)", "a program"…), or None when it reads as text.

    Text is UTF-8, UTF-16 with its byte-order mark, or a one-byte code page: no NUL bytes and few control
    characters in its first 8 KB.
    """
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return "binary data"
    controls = sum(1 for byte in sample if byte in _CONTROLS)
    return "binary data" if controls * 20 > len(sample) else None


def decode_text(data: bytes, what: str) -> str:
    """Text from bytes a person says are text: UTF-8 (with or without a BOM), UTF-16 with a BOM, or else
    Windows-1252; binary data is refused with a sentence naming what it looks like."""
    kind = binary_kind(data)
    if kind is not None:
        raise InvalidInputError(_("{what} is {kind}, not text; save it as plain text and try again.").format(
            what=what, kind=_(kind)))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InvalidInputError(_("{what} is not readable text.").format(what=what)) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
