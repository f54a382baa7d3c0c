"""Onboarding additions: the demo wallet from the start in one step, and Back from recovery to where it began."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FAST_KDF, PASSPHRASE
from wallet import lifecycle
from wallet.flows.onboarding import Onboarding, Step
from wallet.wallet_care import DEMO_PASSPHRASE_FILE, demo_passphrase


def test_demo_made_then_reopened(tmp_path: Path) -> None:
    """First time: made and unlocked beside the default wallet, its passphrase written down; next time: Unlock."""
    flow = Onboarding(tmp_path / "data" / "wallet.lerwallet", kdf=FAST_KDF)
    assert flow.choose_demo() is Step.WORKING
    assert flow.run() is Step.UNLOCKED
    assert flow.session is not None and flow.session.is_demo and flow.session.count() > 10
    path = flow.session.path
    assert path == tmp_path / "data" / "demo.lerwallet"
    shown = demo_passphrase(path)
    assert shown.startswith("demo-") and (path / DEMO_PASSPHRASE_FILE).is_file()
    flow.lock()
    flow.back()
    assert flow.choose_demo() is Step.UNLOCK and flow.path == path and flow.is_demo
    assert flow.submit_unlock(shown) is Step.WORKING and flow.run() is Step.UNLOCKED
    flow.close()


def test_no_demo_passphrase_for_other_wallets(tmp_path: Path) -> None:
    """A real wallet never shows a passphrase, even with a file of that name put in it."""
    path = tmp_path / "real.lerwallet"
    lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF).session.lock()
    (path / DEMO_PASSPHRASE_FILE).write_text(PASSPHRASE, encoding="utf-8")
    assert demo_passphrase(path) == ""


def test_back_from_recovery_returns_to_its_start(tmp_path: Path) -> None:
    """Recovery begun at Unlock goes Back to Unlock (same wallet); begun at the start goes Back to the start."""
    path = tmp_path / "w.lerwallet"
    lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF).session.lock()
    flow = Onboarding(path, kdf=FAST_KDF)
    assert flow.state is Step.UNLOCK
    flow.choose_recover()
    assert flow.back() is Step.UNLOCK and flow.path == path
    assert flow.back() is Step.START
    flow.choose_recover()
    assert flow.back() is Step.START
