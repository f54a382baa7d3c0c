"""Where credentials come from: the files, folders and standard input a person names, read with one limit.

`import`, `verify` and `keys` on the command line and Import in the app all read their inputs here, so
a folder is walked, a file is refused and standard input is bounded the same way everywhere. Reading
never raises for one bad path: each input comes back as its bytes or the error that explains it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from wallet.credentials.limits import MAX_INPUT_BYTES, read_json
from wallet.errors import InvalidInputError, WalletError
from wallet.i18n import _
from wallet.inputs import read_file, read_limited_stream

CREDENTIAL_SUFFIXES = frozenset({".json", ".jsonld", ".jwt", ".jws", ".png", ".svg", ".txt", ".vc", ".1ob"})
"""File names a folder is searched for (a file named on its own is read whatever its name)."""
CHECK_SUFFIXES = CREDENTIAL_SUFFIXES | {".pdf"}
"""What checking a folder also reads: an employer's folder of PDF résumés (each carries its bundle)."""

STDIN = "-"
"""The name that stands for standard input."""


def read_input(path: Path) -> bytes:
    """The bytes of one file a person named, at most MAX_INPUT_BYTES (InvalidInputError with a sentence)."""
    return read_file(path, limit=MAX_INPUT_BYTES)


def read_stream(stream: BinaryIO, what: str = "") -> bytes:
    """Standard input (or any stream), read up to the same limit as a file."""
    what = what or _("The input")
    return read_limited_stream(stream, limit=MAX_INPUT_BYTES, what=what)


def read_json_file(path: Path, what: str) -> Any:
    """A JSON document from a file (a DID document, a key, a status list), with the JSON reader's limits."""
    return read_json(read_input(path), what)


def _folder_files(folder: Path, suffixes: frozenset[str]) -> list[Path]:
    """Credential files in a folder and its subfolders, in name order; links are not followed out of it."""
    found = []
    for path in folder.rglob("*"):
        if path.suffix.lower() in suffixes and not path.is_symlink() and path.is_file():
            found.append(path)
    return sorted(found)


def _read_one(path: Path) -> bytes | WalletError:
    try:
        return read_input(path)
    except WalletError as exc:
        return exc


def read_inputs(
    names: list[str], stdin: BinaryIO | None = None, suffixes: frozenset[str] = CREDENTIAL_SUFFIXES
) -> Iterator[tuple[str, bytes | WalletError]]:
    """(name, bytes or the error reading it) for files, folders (recursively) and "-" (the `stdin` stream).

    Inputs come in the order they were named, and a folder's files in name order; a folder is searched for
    files named with one of `suffixes` (`CHECK_SUFFIXES` where PDF résumés are checked too).
    """
    for raw in names:
        if raw == STDIN:
            if stdin is None:
                yield "stdin", InvalidInputError(_("Standard input cannot be read here; name a file instead."))
                continue
            try:
                yield "stdin", read_stream(stdin)
            except WalletError as exc:
                yield "stdin", exc
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            files = _folder_files(path, suffixes)
            if not files:
                yield str(path), InvalidInputError(_("The folder {path} holds no credential files.").format(path=path))
            for file in files:
                yield str(file), _read_one(file)
        elif not path.exists() and not path.is_symlink():
            yield str(path), InvalidInputError(_("There is no file at {path}.").format(path=path))
        else:
            yield str(path), _read_one(path)
