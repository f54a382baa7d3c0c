"""The wallet's key file: the data key sealed twice (passphrase, recovery code) plus KDF settings.

It is plain JSON and holds no plaintext secret. Three layers tell its failures apart:

* a BLAKE2b checksum over the content catches accidental damage before any key is derived, so a
  garbled file is "damaged", never "wrong passphrase";
* the KDF settings are checked against a ceiling (and, for files this version wrote, the product
  floor) before deriving, so a hostile header cannot ask for 8 GiB or for a cheap guess;
* since format 2, `header_mac` authenticates everything else in the file (format, wallet id, flags,
  KDF settings, salts and both sealed keys) with a key derived from the data key, checked as soon as a
  secret has opened a box. Each box seals a version byte before the data key, so a format-2 file
  relabelled as format 1 (to drop the MAC) is caught too. A format-1 file still opens and is
  rewritten as format 2 on the next rewrap (`lifecycle.open_wallet` does that at once); its recovery
  box gains the version byte when the recovery code is next used.

Writes go to a temporary file, are synced, then renamed over the old file, so a crash leaves either
the old or the new key file, never half of one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from nacl import utils

from wallet.crypto import keywrap
from wallet.crypto.kdf import SALT_BYTES, KdfParams, derive_key, floor
from wallet.errors import (
    NewerWalletError,
    NotAWalletError,
    WalletDamagedError,
    WalletLockedError,
    WrongPassphraseError,
)
from wallet.inputs import read_prefix
from wallet.store.files import atomic_write, os_errors

FORMAT = "ler-wallet-keys"
FORMAT_VERSION = 2
MAX_KEYFILE_BYTES = 64 * 1024
_BOX_VERSION = b"\x02"  # sealed before the data key in every box a format-2 file writes
_ALTERED = (
    "The wallet's key file has been altered outside LER Wallet (its settings no longer match its sealed "
    "key), so the wallet was not opened; restore the key file or the wallet from a backup."
)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _checksum(body: dict[str, Any]) -> str:
    return hashlib.blake2b(_canonical(body), digest_size=32).hexdigest()


def _header_mac(data_key: bytes, header: dict[str, Any]) -> bytes:
    """A keyed BLAKE2b over the header, with a key only the data key gives (so only a secret can check it)."""
    mac_key = hashlib.blake2b(data_key, digest_size=32, person=b"ler-keyfile-mac").digest()
    return hashlib.blake2b(_canonical(header), digest_size=32, key=mac_key).digest()


def _seal(wrapping_key: bytes, data_key: bytes) -> bytes:
    return keywrap.seal(wrapping_key, _BOX_VERSION + data_key)


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
    version: int = FORMAT_VERSION
    header_mac: bytes = b""

    def __repr__(self) -> str:
        """Which wallet and format, never the salts or sealed keys (they belong in the file only)."""
        return f"KeyFile(wallet_id={self.wallet_id!r}, version={self.version}, demo={self.demo}, kdf={self.kdf!r})"

    @property
    def needs_upgrade(self) -> bool:
        """Written by an older version: rewrap it (format 2, the product floor) once the passphrase is known."""
        return self.version < FORMAT_VERSION

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
        recovery_sealed = _seal(keywrap.recovery_wrapping_key(recovery_code, recovery_salt), data_key)
        base = cls(wallet_id, created, demo, kdf, b"", b"", recovery_salt, recovery_sealed)
        return base.with_passphrase(data_key, passphrase, kdf)

    def with_passphrase(self, data_key: bytes, passphrase: str, kdf: KdfParams) -> KeyFile:
        """The same key file with the data key sealed under a new passphrase (records untouched)."""
        salt = utils.random(SALT_BYTES)
        sealed = _seal(derive_key(passphrase, salt, kdf), data_key)
        return replace(self, kdf=kdf, passphrase_salt=salt, passphrase_sealed=sealed)._signed(data_key)

    def with_recovery_code(self, data_key: bytes, recovery_code: str) -> KeyFile:
        """The same key file with the data key sealed under a new recovery code.

        A format-1 file must be rewrapped with the passphrase first (its passphrase box has no version byte).
        """
        if self.needs_upgrade:
            raise WalletLockedError("Unlock the wallet with its passphrase first, so its key file is up to date.")
        salt = utils.random(SALT_BYTES)
        sealed = _seal(keywrap.recovery_wrapping_key(recovery_code, salt), data_key)
        return replace(self, recovery_salt=salt, recovery_sealed=sealed)._signed(data_key)

    def _signed(self, data_key: bytes) -> KeyFile:
        current = replace(self, version=FORMAT_VERSION, header_mac=b"")
        return replace(current, header_mac=_header_mac(data_key, current._header()))

    # -- opening --------------------------------------------------------------------------------
    def unseal_with_passphrase(self, passphrase: str) -> bytes:
        opened = keywrap.open_sealed(derive_key(passphrase, self.passphrase_salt, self.kdf), self.passphrase_sealed)
        if opened is None:
            raise WrongPassphraseError("That passphrase does not unlock this wallet.")
        return self._authenticated(opened, marked_box=True)

    def unseal_with_recovery_code(self, recovery_code: str) -> bytes:
        wrapping = keywrap.recovery_wrapping_key(recovery_code, self.recovery_salt)
        opened = keywrap.open_sealed(wrapping, self.recovery_sealed)
        if opened is None:
            raise WrongPassphraseError("That recovery code does not unlock this wallet.")
        # A file upgraded from format 1 keeps its unmarked recovery box until the code is next used.
        return self._authenticated(opened, marked_box=False)

    def _authenticated(self, opened: bytes, *, marked_box: bool) -> bytes:
        """The data key from an opened box, once the header is proven to be the one sealed with it."""
        if len(opened) == len(_BOX_VERSION) + keywrap.DATA_KEY_BYTES and opened.startswith(_BOX_VERSION):
            data_key = opened[len(_BOX_VERSION):]
            if self.version < FORMAT_VERSION:  # a format-2 box in a file claiming format 1: the MAC was dropped
                raise WalletDamagedError(_ALTERED)
        elif len(opened) == keywrap.DATA_KEY_BYTES and (self.version < FORMAT_VERSION or not marked_box):
            data_key = opened
        else:
            raise WalletDamagedError(_ALTERED)
        if self.version >= FORMAT_VERSION and not hmac.compare_digest(
            self.header_mac, _header_mac(data_key, self._header())
        ):
            raise WalletDamagedError(_ALTERED)
        return data_key

    # -- JSON -----------------------------------------------------------------------------------
    def _header(self) -> dict[str, Any]:
        """Everything the MAC covers: the whole file but the MAC and the checksum."""
        return {
            "format": FORMAT,
            "format_version": self.version,
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

    def to_json(self) -> dict[str, Any]:
        body = self._header()
        if self.version >= 2:
            body["header_mac"] = self.header_mac.hex()
        return {**body, "checksum": _checksum(body)}

    @classmethod
    def from_json(cls, data: Any) -> KeyFile:
        """Check the checksum, version and KDF settings; nothing is derived here."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise NotAWalletError("This is not an LER Wallet: its key file is missing or of another kind.")
        body = {k: v for k, v in data.items() if k != "checksum"}
        if data.get("checksum") != _checksum(body):
            raise WalletDamagedError("The wallet's key file is damaged, so the wallet cannot be opened.")
        version = data.get("format_version")
        if type(version) is not int or version < 1:
            raise WalletDamagedError("The wallet's key file is damaged, so the wallet cannot be opened.")
        if version > FORMAT_VERSION:
            raise NewerWalletError("This wallet was made by a newer version of LER Wallet; please update.")
        try:
            pp, rc = data["passphrase"], data["recovery"]
            keys = cls(
                wallet_id=str(data["wallet_id"]),
                created=str(data["created"]),
                demo=bool(data.get("demo", False)),
                kdf=KdfParams.from_json(pp["kdf"]),
                passphrase_salt=_unb64(pp["salt"]),
                passphrase_sealed=_unb64(pp["sealed_key"]),
                recovery_salt=_unb64(rc["salt"]),
                recovery_sealed=_unb64(rc["sealed_key"]),
                version=version,
                header_mac=bytes.fromhex(data["header_mac"]) if version >= 2 else b"",
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise WalletDamagedError("The wallet's key file is incomplete, so the wallet cannot be opened.") from exc
        if version >= 2 and not keys.kdf.meets(floor()):
            # This version never writes settings under the floor: the header was changed to weaken it.
            raise WalletDamagedError(
                "The wallet's key settings are weaker than LER Wallet ever writes (its key file is damaged or "
                "was altered), so the wallet was not opened."
            )
        return keys

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
        # Read one byte past the limit so `from_bytes` reports an oversized file as "not a wallet"; a FIFO or a
        # device in its place is refused at once (a plain open of a FIFO would wait forever).
        with os_errors(path):
            raw = read_prefix(path, MAX_KEYFILE_BYTES + 1)
        return cls.from_bytes(raw)

