"""After unlock the app checks every page in the background and says so when the wallet is damaged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.helpers import click, find, wait_for_step
from tests.wallet._helpers import flip
from ui.main_window import MainWindow
from wallet.flows.onboarding import Step

PAGE = 4096


def _unlock_by_typing(qtbot: QtBot, window: MainWindow) -> None:
    field = window.unlock.passphrase
    assert isinstance(field, QLineEdit) and field.objectName() == "passphraseInput"
    qtbot.keyClicks(field, PASSPHRASE)
    click(qtbot, find(window, QPushButton, "unlockButton"))
    wait_for_step(qtbot, window, Step.UNLOCKED)


def test_damage_is_shown_after_unlock_with_the_way_out(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_wallet: Path
) -> None:
    """A damaged page the first list never reads: the records still show, then the banner names the damage."""
    db = demo_wallet / "wallet.db"
    db.write_bytes(flip(db.read_bytes(), db.stat().st_size - 3 * PAGE + 500))
    window = open_window(demo_wallet)
    _unlock_by_typing(qtbot, window)
    banner = find(window, QLabel, "damageBanner")
    qtbot.waitUntil(banner.isVisible, timeout=20_000)
    assert "is damaged" in banner.text() and "ler-wallet rescue" in banner.text() and "backup" in banner.text()
    window.lock()
    assert not banner.isVisible()


def test_healthy_wallet_shows_no_banner(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_wallet: Path
) -> None:
    """An undamaged wallet's background check finishes without a word."""
    window = open_window(demo_wallet)
    _unlock_by_typing(qtbot, window)
    window.integrity.wait()
    QCoreApplication.sendPostedEvents()  # deliver the finished scan's queued result
    assert not find(window, QLabel, "damageBanner").isVisible()
