"""The wallet's key file: the data key sealed twice (passphrase, recovery code) plus KDF settings.

It is plain JSON with a BLAKE2b checksum over its content, so damage is told apart from a wrong
passphrase. It holds no plaintext secret. Writes go to a temporary file, are synced, then renamed
over the old file, so a crash leaves either the old or the new key file, never half of one.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nacl import utils

from wallet.crypto import keywrap
from wallet.crypto.kdf import SALT_BYTES, KdfParams, derive_key
from wallet.errors import (
    NewerWalletError,
    NotAWalletError,
    WalletDamagedError,
    WrongPassphraseError,
)
from wallet.store.files import atomic_write, os_errors

FORMAT = "ler-wallet-keys"
FORMAT_VERSION = 1
MAX_KEYFILE_BYTES = 64 * 1024


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.blake2b(canonical, digest_size=32).hexdigest()


@dataclass(frozen=True)
class KeyFile:
    """What is stored beside the database: how to recover the data key from each secret."""

    wallet_id: str
    created: str
    demo: bool
    kdf: KdfParams
    passphrase_salt: bytes
    passphrase_sealed: bytes
    recovery_salt: bytes
    recovery_sealed: bytes

    # -- making ---------------------------------------------------------------------------------
    @classmethod
    def seal_new(
        cls,
        *,
        wallet_id: str,
        created: str,
        demo: bool,
        data_key: bytes,
        passphrase: str,
        recovery_code: str,
        kdf: KdfParams,
    ) -> KeyFile:
        recovery_salt = utils.random(SALT_BYTES)
        recovery_sealed = keywrap.seal(keywrap.recovery_wrapping_key(recovery_code, recovery_salt), data_key)
        base = cls(wallet_id, created, demo, kdf, b"", b"", recovery_salt, recovery_sealed)
        return base.with_passphrase(data_key, passphrase, kdf)

    def with_passphrase(self, data_key: bytes, passphrase: str, kdf: KdfParams) -> KeyFile:
        """The same key file with the data key sealed under a new passphrase (records untouched)."""
        salt = utils.random(SALT_BYTES)
        sealed = keywrap.seal(derive_key(passphrase, salt, kdf), data_key)
        return KeyFile(
            self.wallet_id, self.created, self.demo, kdf, salt, sealed, self.recovery_salt, self.recovery_sealed
        )

    def with_recovery_code(self, data_key: bytes, recovery_code: str) -> KeyFile:
        salt = utils.random(SALT_BYTES)
        sealed = keywrap.seal(keywrap.recovery_wrapping_key(recovery_code, salt), data_key)
        return KeyFile(
            self.wallet_id, self.created, self.demo, self.kdf, self.passphrase_salt,
            self.passphrase_sealed, salt, sealed,
        )

    # -- opening --------------------------------------------------------------------------------
    def unseal_with_passphrase(self, passphrase: str) -> bytes:
        key = keywrap.open_sealed(derive_key(passphrase, self.passphrase_salt, self.kdf), self.passphrase_sealed)
        if key is None:
            raise WrongPassphraseError("That passphrase does not unlock this wallet.")
        return key

    def unseal_with_recovery_code(self, recovery_code: str) -> bytes:
        wrapping = keywrap.recovery_wrapping_key(recovery_code, self.recovery_salt)
        key = keywrap.open_sealed(wrapping, self.recovery_sealed)
        if key is None:
            raise WrongPassphraseError("That recovery code does not unlock this wallet.")
        return key

    # -- JSON -----------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "wallet_id": self.wallet_id,
            "created": self.created,
            "demo": self.demo,
            "passphrase": {
                "kdf": self.kdf.to_json(),
                "salt": _b64(self.passphrase_salt),
                "sealed_key": _b64(self.passphrase_sealed),
            },
            "recovery": {"salt": _b64(self.recovery_salt), "sealed_key": _b64(self.recovery_sealed)},
        }
        return {**body, "checksum": _checksum(body)}

    @classmethod
    def from_json(cls, data: Any) -> KeyFile:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise NotAWalletError("This is not an LER Wallet: its key file is missing or of another kind.")
        body = {k: v for k, v in data.items() if k != "checksum"}
        if data.get("checksum") != _checksum(body):
            raise WalletDamagedError("The wallet's key file is damaged, so the wallet cannot be opened.")
        version = data.get("format_version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise NewerWalletError("This wallet was made by a newer version of LER Wallet; please update.")
        try:
            pp, rc = data["passphrase"], data["recovery"]
            return cls(
                wallet_id=str(data["wallet_id"]),
                created=str(data["created"]),
                demo=bool(data.get("demo", False)),
                kdf=KdfParams.from_json(pp["kdf"]),
                passphrase_salt=_unb64(pp["salt"]),
                passphrase_sealed=_unb64(pp["sealed_key"]),
                recovery_salt=_unb64(rc["salt"]),
                recovery_sealed=_unb64(rc["sealed_key"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise WalletDamagedError("The wallet's key file is incomplete, so the wallet cannot be opened.") from exc

    # -- files ----------------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        if len(raw) > MAX_KEYFILE_BYTES:
            raise NotAWalletError("This is not an LER Wallet: its key file is far too large.")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            if raw.lstrip().startswith(b"{"):
                raise WalletDamagedError(
                    "The wallet's key file is truncated or damaged, so the wallet cannot be opened."
                ) from exc
            raise NotAWalletError("This is not an LER Wallet: its key file is unreadable.") from exc
        return cls.from_json(data)

    def write(self, path: Path) -> None:
        atomic_write(path, self.to_bytes())

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        # Read one byte past the limit so `from_bytes` reports an oversized file as "not a wallet".
        with os_errors(path), path.open("rb") as handle:
            raw = handle.read(MAX_KEYFILE_BYTES + 1)
        return cls.from_bytes(raw)

