"""Small helpers shared by the core wallet tests (not a test module)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from wallet.models import EntryInput, EntryKind
from wallet.store.database import Connection, connect
from wallet.store.keyfile import KeyFile
from wallet.store.layout import WalletLayout


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under `root` (recursively) mapped to its SHA-256 ('<dir>' for folders)."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        found[rel] = "<dir>" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def entry(title: str, kind: EntryKind = EntryKind.JOB, **fields: object) -> EntryInput:
    """An EntryInput with sensible defaults for the fields a test does not care about."""
    return EntryInput(kind=kind, title=title, **fields)  # type: ignore[arg-type]


def data_key(wallet: Path, passphrase: str) -> bytes:
    """The wallet's database key, unsealed through the public key-file API."""
    return KeyFile.read(WalletLayout(wallet).keys).unseal_with_passphrase(passphrase)


def raw_connection(wallet: Path, passphrase: str) -> Connection:
    """A raw SQLCipher connection to a (locked) wallet's database, keyed with its data key."""
    return connect(WalletLayout(wallet).db, data_key(wallet, passphrase), create=False)


def flip(data: bytes, offset: int, mask: int = 0x01) -> bytes:
    """`data` with the byte at `offset` XORed with `mask`."""
    return data[:offset] + bytes([data[offset] ^ mask]) + data[offset + 1 :]
