"""The one bounded reader: regular files only, opened without blocking, bounded while reading; text told from binary."""

from __future__ import annotations

import io
import os
import shutil
import socket
import sys
from pathlib import Path

import pytest

from wallet.errors import InvalidInputError
from wallet.inputs import (
    binary_kind,
    decode_text,
    read_file,
    read_limited_stream,
    read_prefix,
    read_source,
    size_text,
)

needs_devices = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero and /dev/urandom")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def _sentence(exc: pytest.ExceptionInfo[InvalidInputError]) -> str:
    message = exc.value.message
    assert "\n" not in message and message.endswith("."), message
    return message


def test_a_regular_file_up_to_the_limit_is_read(tmp_path: Path) -> None:
    """A regular file of exactly the limit comes back whole; one byte more is refused naming the limit."""
    path = tmp_path / "f.json"
    path.write_bytes(b"x" * 10)
    assert read_file(path, limit=10) == b"x" * 10
    with pytest.raises(InvalidInputError) as exc:
        read_file(path, limit=9, what="The posting")
    assert _sentence(exc) == f"The posting {path} is larger than 9 bytes, so it was not read."


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    """A symbolic link to an ordinary file is followed: only what it leads to matters."""
    (tmp_path / "real.json").write_bytes(b"{}")
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    assert read_file(tmp_path / "link.json", limit=10) == b"{}"


@needs_devices
@pytest.mark.timeout(20)
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_without_reading(device: str) -> None:
    """An endless (or empty) device is refused by what it is, not read until a limit."""
    with pytest.raises(InvalidInputError) as exc:
        read_file(device, limit=1024)
    assert _sentence(exc) == f"{device} is a device, not a regular file, so it was not read."


@needs_devices
@pytest.mark.timeout(20)
def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    """A link named like a credential that leads to /dev/urandom is refused, naming the link."""
    link = tmp_path / "badge.json"
    link.symlink_to("/dev/urandom")
    with pytest.raises(InvalidInputError, match=r"badge\.json is a device"):
        read_file(link, limit=20 * 1024 * 1024)


@needs_fifo
@pytest.mark.timeout(20)
def test_a_fifo_with_no_writer_is_refused_without_waiting(tmp_path: Path) -> None:
    """Opening a FIFO nobody writes to does not wait: it is refused as a pipe (a plain open would hang)."""
    fifo = tmp_path / "posting.txt"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInputError) as exc:
        read_file(fifo, limit=1024)
    assert "is a pipe (FIFO), not a regular file" in _sentence(exc)


@pytest.mark.timeout(20)
def test_a_socket_file_is_refused(tmp_path: Path) -> None:
    """A Unix socket in the file system cannot be opened as a file and says so."""
    short = Path("/tmp") / f"ler-sock-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(short))
        try:
            with pytest.raises(InvalidInputError, match="not a regular file"):
                read_file(short, limit=1024)
        finally:
            short.unlink()


def test_missing_and_folder_are_sentences(tmp_path: Path) -> None:
    """A path that leads nowhere, or to a folder, is one sentence each."""
    with pytest.raises(InvalidInputError) as exc:
        read_file(tmp_path / "nope.json", limit=10)
    assert _sentence(exc) == f"There is no file at {tmp_path / 'nope.json'}."
    with pytest.raises(InvalidInputError) as exc:
        read_file(tmp_path, limit=10)
    assert _sentence(exc) == f"{tmp_path} is a folder, not a file."
    with pytest.raises(InvalidInputError, match="not a folder"):
        (tmp_path / "file").write_bytes(b"")
        read_file(tmp_path / "file" / "below", limit=10)


def test_a_link_in_a_circle_is_a_sentence(tmp_path: Path) -> None:
    """A symbolic link that points to itself is refused with a sentence, not an OSError."""
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    with pytest.raises(InvalidInputError, match="leads round in a circle"):
        read_file(loop, limit=10)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every file")
def test_a_file_without_permission_is_a_sentence(tmp_path: Path) -> None:
    """A file the user may not read says so."""
    path = tmp_path / "secret.json"
    path.write_bytes(b"{}")
    path.chmod(0)
    with pytest.raises(InvalidInputError, match="do not have permission to read"):
        read_file(path, limit=10)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_the_size_is_checked_while_reading_not_only_from_fstat() -> None:
    """/proc files say they are empty (size 0) yet hold text: the limit still holds while reading."""
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(InvalidInputError, match="larger than 16 bytes"):
        read_file("/proc/self/status", limit=16)
    assert b"Name:" in read_file("/proc/self/status", limit=1024 * 1024)


@needs_devices
@pytest.mark.timeout(20)
def test_an_endless_stream_is_bounded() -> None:
    """Standard input that never ends (/dev/zero piped in) is refused one byte past the limit."""
    with open("/dev/zero", "rb") as endless, pytest.raises(InvalidInputError) as exc:
        read_limited_stream(endless, limit=1024 * 1024, what="The posting on standard input")
    assert _sentence(exc) == "The posting on standard input is larger than 1 MB, so it was not read."


def test_dash_reads_the_given_stream_and_a_name_reads_the_file(tmp_path: Path) -> None:
    """'-' means standard input (bounded), anything else a file."""
    assert read_source("-", limit=10, what="The entry", stdin=io.BytesIO(b"hello")) == b"hello"
    with pytest.raises(InvalidInputError, match="The entry on standard input is larger than 4 bytes"):
        read_source("-", limit=4, what="The entry", stdin=io.BytesIO(b"hello"))
    (tmp_path / "e.json").write_bytes(b"{}")
    assert read_source(str(tmp_path / "e.json"), limit=10, what="The entry") == b"{}"


@needs_fifo
@pytest.mark.timeout(20)
def test_a_prefix_is_read_from_regular_files_only(tmp_path: Path) -> None:
    """read_prefix gives at most the bytes asked for, refuses a FIFO at once, and leaves OSError to its caller."""
    path = tmp_path / "wallet.keys"
    path.write_bytes(b"0123456789")
    assert read_prefix(path, 4) == b"0123"
    assert read_prefix(path, 100) == b"0123456789"
    fifo = tmp_path / "fifo.keys"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInputError, match="is a pipe"):
        read_prefix(fifo, 100)
    with pytest.raises(FileNotFoundError):
        read_prefix(tmp_path / "missing.keys", 100)


def test_sizes_are_said_in_the_usual_unit() -> None:
    """Limits read as people write them."""
    assert [size_text(n) for n in (20 * 1024 * 1024, 2 * 1024 * 1024, 512 * 1024, 100)] == [
        "20 MB", "2 MB", "512 KB", "100 bytes"]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "an image (PNG)"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "an image (JPEG)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00", "a compressed file (such as a Word document or a ZIP)"),
        (b"\x7fELF\x02\x01\x01", "a program"),
        (b"hello\x00world", "binary data"),
        (bytes(range(1, 32)) * 10, "binary data"),
    ],
)
def test_binary_is_named(data: bytes, kind: str) -> None:
    """Images, documents, programs and control-character soup are named, and refused as text."""
    assert binary_kind(data) == kind
    with pytest.raises(InvalidInputError) as exc:
        decode_text(data, "The posting")
    assert exc.value.message == f"The posting is {kind}, not text; save it as plain text and try again."


def test_a_real_program_is_binary() -> None:
    """The bytes of a real program (ls, or the Python interpreter) are refused as binary."""
    executable = Path(shutil.which("ls") or sys.executable).resolve()
    assert binary_kind(executable.read_bytes()[:65536]) in {"a program", "binary data"}


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Forklift operator — 2nd shift\n".encode(), "Forklift operator — 2nd shift\n"),
        ("\ufeffCafé cook\r\n".encode(), "Café cook\r\n"),
        ("Caf\u00e9 cook\tday shift\f".encode("cp1252"), "Café cook\tday shift\f"),
        ("\ufeffNurse aide".encode("utf-16-le"), "Nurse aide"),
        (b"MZ Logistics is hiring", "MZ Logistics is hiring"),
    ],
)
def test_text_in_its_usual_encodings_is_read(data: bytes, text: str) -> None:
    """UTF-8 (with or without BOM), Windows-1252 and UTF-16 with a BOM read as text."""
    assert binary_kind(data) is None
    assert decode_text(data, "The posting") == text
