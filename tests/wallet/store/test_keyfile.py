"""The key file: wrong secrets, damage, truncation and files from the future are told apart.

In every failure case nothing in the wallet folder changes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet._helpers import entry, snapshot
from wallet.crypto import kdf
from wallet.errors import (
    NewerWalletError,
    NotAWalletError,
    WalletDamagedError,
    WalletError,
    WrongPassphraseError,
)
from wallet.lifecycle import CreatedWallet, open_wallet, recover_wallet
from wallet.store.keyfile import MAX_KEYFILE_BYTES, KeyFile
from wallet.store.layout import WalletLayout


@pytest.fixture
def wallet(created: CreatedWallet) -> Path:
    """A locked wallet holding one entry."""
    created.session.add_entry(entry("Library volunteer"))
    created.session.lock()
    return created.session.path


def _checksum(body: dict[str, Any]) -> str:
    """The key file's checksum, computed independently from its documented definition."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.blake2b(canonical, digest_size=32).hexdigest()


def _expect_refusal(wallet: Path, allowed: tuple[type[WalletError], ...]) -> WalletError:
    """open_wallet must raise one of `allowed` and leave every file byte-identical."""
    before = snapshot(wallet)
    with pytest.raises(WalletError) as info:
        open_wallet(wallet, PASSPHRASE)
    assert isinstance(info.value, allowed), f"{type(info.value).__name__}: {info.value}"
    assert snapshot(wallet) == before
    return info.value


def test_key_file_round_trips(wallet: Path) -> None:
    """Reading and re-serialising the key file gives the same bytes."""
    raw = WalletLayout(wallet).keys.read_bytes()
    assert KeyFile.from_bytes(raw).to_bytes() == raw


def test_key_file_holds_no_secret(wallet: Path) -> None:
    """The key file names its format and KDF, with no passphrase or plaintext key in it."""
    raw = WalletLayout(wallet).keys.read_bytes()
    data = json.loads(raw)
    assert data["format"] == "ler-wallet-keys" and data["format_version"] == 2
    assert data["passphrase"]["kdf"] == FAST_KDF.to_json()
    assert PASSPHRASE.encode() not in raw


def test_wrong_passphrase(wallet: Path) -> None:
    """A wrong passphrase raises WrongPassphraseError (exit code 1) and changes nothing."""
    before = snapshot(wallet)
    with pytest.raises(WrongPassphraseError, match="passphrase does not unlock") as info:
        open_wallet(wallet, PASSPHRASE + "!")
    assert info.value.exit_code == 1
    assert snapshot(wallet) == before


def test_wrong_recovery_code(wallet: Path) -> None:
    """A well-formed but wrong recovery code raises WrongPassphraseError and changes nothing."""
    before = snapshot(wallet)
    with pytest.raises(WrongPassphraseError, match="recovery code"):
        recover_wallet(wallet, "0000-0000-0000-0000-0000-0000-0000-0000", "a new passphrase", kdf=FAST_KDF)
    assert snapshot(wallet) == before


def test_every_flipped_byte_is_damage_not_wrong_passphrase(wallet: Path) -> None:
    """A flipped byte at every offset (one bit, or all bits) is damage, never a wrong passphrase."""
    keys = WalletLayout(wallet).keys
    original = keys.read_bytes()
    db_before = snapshot(wallet)["wallet.db"]
    for offset in range(len(original)):
        for mask in (1 << (offset % 8), 0xFF):
            damaged = original[:offset] + bytes([original[offset] ^ mask]) + original[offset + 1 :]
            keys.write_bytes(damaged)
            with pytest.raises(WalletError) as info:
                open_wallet(wallet, PASSPHRASE)
            assert isinstance(info.value, WalletDamagedError | NotAWalletError), (
                f"offset {offset} mask {mask:#x}: {type(info.value).__name__}: {info.value}"
            )
            assert keys.read_bytes() == damaged
    keys.write_bytes(original)
    assert snapshot(wallet)["wallet.db"] == db_before
    open_wallet(wallet, PASSPHRASE).lock()


def test_flipped_bytes_leave_files_identical(wallet: Path) -> None:
    """A damaged key file (sampled offsets) leaves the whole wallet folder byte-identical."""
    keys = WalletLayout(wallet).keys
    original = keys.read_bytes()
    for offset in range(0, len(original), max(1, len(original) // 25)):
        keys.write_bytes(original[:offset] + bytes([original[offset] ^ 0x04]) + original[offset + 1 :])
        _expect_refusal(wallet, (WalletDamagedError, NotAWalletError))


def test_truncated_key_file_at_every_length(wallet: Path) -> None:
    """A key file cut short at any length is damaged or not a wallet, and the folder stays as it was."""
    keys = WalletLayout(wallet).keys
    original = keys.read_bytes()
    for length in range(len(original)):
        if original[:length].rstrip() == original.rstrip():
            continue  # only the trailing newline is gone: nothing of the key file is lost
        keys.write_bytes(original[:length])
        error = _expect_refusal(wallet, (WalletDamagedError, NotAWalletError))
        if length > 1:
            assert isinstance(error, WalletDamagedError), f"length {length}: {error}"


def test_damage_message_is_clear(wallet: Path) -> None:
    """The damage message says the key file is damaged and the wallet cannot be opened."""
    keys = WalletLayout(wallet).keys
    keys.write_bytes(keys.read_bytes()[:-40])
    error = _expect_refusal(wallet, (WalletDamagedError,))
    assert "key file" in str(error) and "cannot be opened" in str(error)


def test_key_file_from_the_future(wallet: Path) -> None:
    """format_version 99 with a correct checksum asks the person to update, and changes nothing."""
    keys = WalletLayout(wallet).keys
    data = json.loads(keys.read_bytes())
    body = {k: v for k, v in data.items() if k != "checksum"}
    body["format_version"] = 99
    keys.write_text(json.dumps({**body, "checksum": _checksum(body)}, indent=2) + "\n", encoding="utf-8")
    error = _expect_refusal(wallet, (NewerWalletError,))
    assert "newer version" in str(error)


def test_valid_checksum_with_missing_field_is_damage(wallet: Path) -> None:
    """A key file with a correct checksum but a missing field is reported as damaged."""
    keys = WalletLayout(wallet).keys
    data = json.loads(keys.read_bytes())
    body = {k: v for k, v in data.items() if k not in ("checksum", "recovery")}
    keys.write_text(json.dumps({**body, "checksum": _checksum(body)}), encoding="utf-8")
    _expect_refusal(wallet, (WalletDamagedError,))


def test_valid_checksum_with_bad_base64_is_damage(wallet: Path) -> None:
    """A key file with a correct checksum but a salt that is not base64 is reported as damaged."""
    keys = WalletLayout(wallet).keys
    data = json.loads(keys.read_bytes())
    body = {k: v for k, v in data.items() if k != "checksum"}
    body["passphrase"]["salt"] = "not base64!"
    keys.write_text(json.dumps({**body, "checksum": _checksum(body)}), encoding="utf-8")
    _expect_refusal(wallet, (WalletDamagedError,))


@pytest.mark.parametrize(
    "content",
    [b"", b"hello", b"\x89PNG\r\n\x1a\n\x00\x00", b"[1, 2, 3]", b'{"format": "something-else"}', b"null"],
)
def test_foreign_key_file_is_not_a_wallet(wallet: Path, content: bytes) -> None:
    """Content that is not an LER key file at all says 'not an LER Wallet'."""
    WalletLayout(wallet).keys.write_bytes(content)
    error = _expect_refusal(wallet, (NotAWalletError,))
    assert "not an LER Wallet" in str(error)


def test_oversized_key_file_is_refused(wallet: Path) -> None:
    """A huge wallet.keys is refused without being parsed."""
    WalletLayout(wallet).keys.write_bytes(b"{" + b" " * (MAX_KEYFILE_BYTES + 10) + b"}")
    _expect_refusal(wallet, (NotAWalletError, WalletDamagedError))


def test_key_file_as_folder(wallet: Path) -> None:
    """A folder where wallet.keys should be is a clear error, not a crash."""
    keys = WalletLayout(wallet).keys
    keys.unlink()
    keys.mkdir()
    with pytest.raises(WalletError):
        open_wallet(wallet, PASSPHRASE)


# -- format 2: an authenticated header, the KDF floor and ceiling, and upgrading format 1 ---------------

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "wallets"


def _rewrite(keys: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the key file's JSON and give it a correct checksum, as a deliberate editor would."""
    data = json.loads(keys.read_bytes())
    body = {k: v for k, v in data.items() if k != "checksum"}
    change(body)
    keys.write_text(json.dumps({**body, "checksum": _checksum(body)}, indent=2) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b.update(demo=True),
        lambda b: b.update(created="2001-01-01T00:00:00Z"),
        lambda b: b.update(wallet_id="another wallet"),
        lambda b: b["recovery"].update(salt=b["passphrase"]["salt"]),
    ],
    ids=["demo flag", "created", "wallet id", "recovery salt"],
)
def test_edited_header_with_fixed_checksum_is_altered(wallet: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """A header edited on purpose (checksum recomputed) is refused as altered once the passphrase opens the box."""
    _rewrite(WalletLayout(wallet).keys, change)
    error = _expect_refusal(wallet, (WalletDamagedError,))
    assert "altered" in str(error)


def test_header_mac_is_required_in_format_2(wallet: Path) -> None:
    """A format-2 key file without its header MAC is damage."""
    _rewrite(WalletLayout(wallet).keys, lambda b: b.pop("header_mac"))
    _expect_refusal(wallet, (WalletDamagedError,))


def test_relabelled_as_format_1_is_altered(wallet: Path) -> None:
    """Dropping the MAC by relabelling the file as format 1 is caught by the version byte in the sealed box."""
    def downgrade(body: dict[str, Any]) -> None:
        body["format_version"] = 1
        body.pop("header_mac")

    _rewrite(WalletLayout(wallet).keys, downgrade)
    error = _expect_refusal(wallet, (WalletDamagedError,))
    assert "altered" in str(error)


def test_absurd_memory_in_header_is_damage_before_deriving(wallet: Path) -> None:
    """A header asking for 8 GiB of memory is refused as damage (reading it derives nothing)."""
    _rewrite(WalletLayout(wallet).keys, lambda b: b["passphrase"]["kdf"].update(memlimit=8 * 1024**3))
    error = _expect_refusal(wallet, (WalletDamagedError,))
    assert "outside the allowed range" in str(error)
    with pytest.raises(WalletDamagedError):
        KeyFile.read(WalletLayout(wallet).keys)


def test_format_2_under_the_product_floor_is_refused(wallet: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the product floor in force (as in the app), a format-2 file asking for test costs is damage."""
    monkeypatch.setattr(kdf, "_floor", kdf.PRODUCT_FLOOR)
    error = _expect_refusal(wallet, (WalletDamagedError,))
    assert "weaker than LER Wallet ever writes" in str(error)


def test_wrong_passphrase_still_wins_over_header_check(wallet: Path) -> None:
    """With the header intact, a wrong passphrase is still a wrong passphrase (exit code 1), not damage."""
    with pytest.raises(WrongPassphraseError):
        open_wallet(wallet, "not the passphrase")


def _fixture_copy(tmp_path: Path, schema: int) -> tuple[Path, dict[str, Any]]:
    expected = json.loads((FIXTURES / f"schema-{schema}.json").read_text(encoding="utf-8"))
    copy = tmp_path / f"schema-{schema}.lerwallet"
    shutil.copytree(FIXTURES / expected["wallet"], copy)
    return copy, expected


@pytest.mark.parametrize("schema", [1, 2, 3])
def test_format_1_key_file_opens_and_is_upgraded(tmp_path: Path, schema: int) -> None:
    """A past version's key file (format 1) opens, is rewritten as format 2, and still opens both ways."""
    wallet, expected = _fixture_copy(tmp_path, schema)
    keys = WalletLayout(wallet).keys
    assert json.loads(keys.read_bytes())["format_version"] == 1
    with open_wallet(wallet, expected["passphrase"]) as session:
        assert session.did == expected["did"]
    upgraded = json.loads(keys.read_bytes())
    assert upgraded["format_version"] == 2 and len(bytes.fromhex(upgraded["header_mac"])) == 32
    open_wallet(wallet, expected["passphrase"]).lock()
    recover_wallet(wallet, expected["recovery_code"], "a brand new passphrase", kdf=FAST_KDF).lock()
    open_wallet(wallet, "a brand new passphrase").lock()
    recover_wallet(wallet, expected["recovery_code"], "another new passphrase", kdf=FAST_KDF).lock()


def test_format_1_recovery_reseals_the_recovery_box(tmp_path: Path) -> None:
    """Recovering a format-1 wallet leaves a format-2 file whose header edits are caught on the recovery path too."""
    wallet, expected = _fixture_copy(tmp_path, 3)
    recover_wallet(wallet, expected["recovery_code"], "a brand new passphrase", kdf=FAST_KDF).lock()
    _rewrite(WalletLayout(wallet).keys, lambda b: b.update(demo=True))
    with pytest.raises(WalletDamagedError, match="altered"):
        recover_wallet(wallet, expected["recovery_code"], "yet another passphrase", kdf=FAST_KDF)


@pytest.mark.slow
def test_format_1_under_the_floor_is_raised_to_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the product floor in force, an old cheap key file still opens and is rewrapped at 3 passes, 256 MiB."""
    monkeypatch.setattr(kdf, "_floor", kdf.PRODUCT_FLOOR)
    wallet, expected = _fixture_copy(tmp_path, 3)
    open_wallet(wallet, expected["passphrase"]).lock()
    stored = KeyFile.read(WalletLayout(wallet).keys)
    assert stored.version == 2 and stored.kdf == kdf.PRODUCT_FLOOR
    open_wallet(wallet, expected["passphrase"], strengthen=False).lock()
