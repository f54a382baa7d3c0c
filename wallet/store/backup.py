"""One-file encrypted backups: the key file and a snapshot of the (already encrypted) database.

Layout: MAGIC, a 4-byte header length, a JSON header, the database bytes, then a BLAKE2b-256 of
everything before it. Nothing in it is readable without the passphrase or the recovery code.
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wallet.errors import InvalidInputError, NewerWalletError, WalletDamagedError
from wallet.store.keyfile import KeyFile
from wallet.store.migrations import check_supported

MAGIC = b"LER-WALLET-BACKUP\n"
FORMAT_VERSION = 1
DIGEST_BYTES = 32
MAX_HEADER = 256 * 1024


@dataclass(frozen=True)
class Backup:
    keys: KeyFile
    schema_version: int
    created: str
    database: bytes


def pack(backup: Backup) -> bytes:
    header = json.dumps(
        {
            "format_version": FORMAT_VERSION,
            "schema_version": backup.schema_version,
            "created": backup.created,
            "database_bytes": len(backup.database),
            "keys": backup.keys.to_json(),
        },
        sort_keys=True,
    ).encode("utf-8")
    body = MAGIC + struct.pack(">I", len(header)) + header + backup.database
    return body + hashlib.blake2b(body, digest_size=DIGEST_BYTES).digest()


def unpack(data: bytes, source: Path | str) -> Backup:
    """Check a backup completely before anything is restored from it."""
    if not data.startswith(MAGIC):
        head = data[: len(MAGIC)]
        near_miss = len(head) == len(MAGIC) and sum(a != b for a, b in zip(head, MAGIC, strict=True)) <= 2
        if (head and MAGIC.startswith(head)) or near_miss:
            # The start of a backup cut short, or its first line with a flipped byte.
            raise WalletDamagedError(f"The backup {source} is damaged or truncated; nothing was restored.")
        raise InvalidInputError(f"{source} is not an LER Wallet backup.")
    if len(data) < len(MAGIC) + 4 + DIGEST_BYTES:
        raise WalletDamagedError(f"The backup {source} is truncated.")
    body, digest = data[:-DIGEST_BYTES], data[-DIGEST_BYTES:]
    if hashlib.blake2b(body, digest_size=DIGEST_BYTES).digest() != digest:
        raise WalletDamagedError(f"The backup {source} is damaged or truncated; nothing was restored.")
    (header_len,) = struct.unpack(">I", body[len(MAGIC) : len(MAGIC) + 4])
    if header_len > MAX_HEADER:
        raise WalletDamagedError(f"The backup {source} is damaged; nothing was restored.")
    start = len(MAGIC) + 4
    try:
        header: Any = json.loads(body[start : start + header_len].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WalletDamagedError(f"The backup {source} is damaged; nothing was restored.") from exc
    if not isinstance(header, dict):
        raise WalletDamagedError(f"The backup {source} is damaged; nothing was restored.")
    version = header.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise NewerWalletError(f"The backup {source} was made by a newer version of LER Wallet; please update.")
    schema = header.get("schema_version")
    if not isinstance(schema, int):
        raise WalletDamagedError(f"The backup {source} is damaged; nothing was restored.")
    check_supported(schema)
    database = body[start + header_len :]
    if header.get("database_bytes") != len(database):
        raise WalletDamagedError(f"The backup {source} is truncated; nothing was restored.")
    return Backup(
        keys=KeyFile.from_json(header.get("keys")),
        schema_version=schema,
        created=str(header.get("created", "")),
        database=database,
    )
