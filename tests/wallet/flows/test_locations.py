"""Finding a wallet in a chosen folder and a free place for a new one."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FAST_KDF, PASSPHRASE
from wallet import lifecycle
from wallet.flows.locations import as_path, find_wallet_in, free_location


def test_free_location_never_picks_a_taken_name(tmp_path: Path) -> None:
    """A taken name gets -2, -3, …; a missing folder gets the default name."""
    (tmp_path / "mine.lerwallet").mkdir()
    (tmp_path / "mine-2.lerwallet").mkdir()
    assert free_location(tmp_path, "mine.lerwallet") == tmp_path / "mine-3.lerwallet"
    assert free_location(tmp_path / "empty") == tmp_path / "empty" / "wallet.lerwallet"


def test_find_wallet_in_picks_the_only_wallet_inside(tmp_path: Path) -> None:
    """A folder holding exactly one wallet leads to it; two wallets leave the choice to the person."""
    one = tmp_path / "one.lerwallet"
    lifecycle.create_wallet(one, PASSPHRASE, kdf=FAST_KDF).session.lock()
    assert find_wallet_in(one) == one
    assert find_wallet_in(tmp_path) == one
    lifecycle.create_wallet(tmp_path / "two.lerwallet", PASSPHRASE, kdf=FAST_KDF).session.lock()
    assert find_wallet_in(tmp_path) == tmp_path
    assert find_wallet_in(tmp_path / "missing") == tmp_path / "missing"


def test_as_path_treats_blank_as_nothing(tmp_path: Path) -> None:
    """Blank input is no location; anything else becomes an absolute path."""
    assert as_path("   ") is None
    assert as_path(f"  {tmp_path}/w.lerwallet ") == tmp_path / "w.lerwallet"
    assert as_path("rel.lerwallet") == Path.cwd() / "rel.lerwallet"
