"""Getting into a wallet through the real window: create, open, unlock, recover."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QLineEdit, QListView, QProgressBar, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.helpers import DEMO_RECORDS, click, find, wait_for_step
from ui.main_window import MainWindow
from wallet import lifecycle
from wallet.flows import onboarding
from wallet.flows.onboarding import Step
from wallet.session import Session

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]

OpenWindow = Callable[[Path | None], MainWindow]
CODE = re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}\n[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$")


def test_create_a_wallet_through_the_window(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path, default_path: Path
) -> None:
    """Welcome → create → recovery code (must tick) → an empty records page, with a wallet on disk."""
    window = open_window(None)
    assert find(window, QPushButton, "createButton").isVisible()
    click(qtbot, find(window, QPushButton, "createButton"))

    location = find(window, QLineEdit, "locationInput")
    assert location.isVisible() and location.text() == str(default_path)
    target = tmp_path / "mine.lerwallet"
    location.setText(str(target))
    qtbot.keyClicks(find(window, QLineEdit, "newPassphraseInput"), PASSPHRASE)
    repeat = find(window, QLineEdit, "repeatPassphraseInput")
    qtbot.keyClicks(repeat, PASSPHRASE)
    qtbot.keyClick(repeat, Qt.Key.Key_Return)  # Enter submits
    wait_for_step(qtbot, window, Step.RECOVERY_CODE)

    code = find(window, QLabel, "recoveryCode")
    assert code.isVisible() and CODE.match(code.text())
    click(qtbot, find(window, QPushButton, "continueButton"))
    error = find(window, QLabel, "recoveryError")
    assert error.isVisible() and error.text() == onboarding.NOT_TICKED
    find(window, QCheckBox, "recoveryConfirm").setChecked(True)
    click(qtbot, find(window, QPushButton, "continueButton"))

    assert find(window, QListView, "recordList").isVisible()
    assert find(window, QLabel, "recordCount").text() == "0 records"
    assert find(window, QLabel, "emptyHeading").text() == "Your wallet is empty"  # with its first steps
    assert code.text() == ""  # the code is gone from the window once confirmed
    window.close()
    with lifecycle.open_wallet(target, PASSPHRASE) as session:
        assert session.kdf_params == FAST_KDF  # the window's kdf was used, not the real calibration


def test_create_with_different_passphrases_stays_on_create(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    """Two different passphrases show the mismatch sentence and make nothing on disk."""
    window = open_window(None)
    click(qtbot, find(window, QPushButton, "createButton"))
    find(window, QLineEdit, "locationInput").setText(str(tmp_path / "x.lerwallet"))
    qtbot.keyClicks(find(window, QLineEdit, "newPassphraseInput"), PASSPHRASE)
    qtbot.keyClicks(find(window, QLineEdit, "repeatPassphraseInput"), PASSPHRASE + "?")
    click(qtbot, find(window, QPushButton, "createWalletButton"))
    error = find(window, QLabel, "createError")
    assert error.isVisible() and error.text() == onboarding.MISMATCH
    assert window.flow.state is Step.CREATE
    assert not (tmp_path / "x.lerwallet").exists()


def test_wrong_passphrase_shows_the_error_and_stays_locked(
    qtbot: QtBot, open_window: OpenWindow, demo_wallet: Path
) -> None:
    """A wrong passphrase leaves you on the unlock page with one sentence and no session."""
    window = open_window(demo_wallet)
    assert find(window, QLabel, "demoNote").isVisible()
    passphrase = find(window, QLineEdit, "passphraseInput")
    qtbot.keyClicks(passphrase, "not my passphrase")
    click(qtbot, find(window, QPushButton, "unlockButton"))
    error = find(window, QLabel, "unlockError")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert error.text() == "That passphrase does not unlock this wallet."
    assert find(window, QPushButton, "unlockButton").isVisible()
    assert window.flow.state is Step.UNLOCK and window.flow.session is None
    assert passphrase.selectedText() == "not my passphrase"  # typing again replaces it


def test_keyboard_only_unlock(qtbot: QtBot, open_window: OpenWindow, demo_wallet: Path) -> None:
    """Typing the passphrase and pressing Enter unlocks; the records page then has the search box ready."""
    window = open_window(demo_wallet)
    passphrase = find(window, QLineEdit, "passphraseInput")
    qtbot.keyClicks(passphrase, PASSPHRASE)
    qtbot.keyClick(passphrase, Qt.Key.Key_Return)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    assert find(window, QListView, "recordList").model().rowCount() == DEMO_RECORDS
    assert passphrase.text() == ""  # the secret does not linger in the hidden page


def test_demo_note_only_for_demo_wallets(qtbot: QtBot, open_window: OpenWindow, tmp_path: Path) -> None:
    """The demo passphrase note appears only for wallets made by `ler-wallet demo`."""
    path = tmp_path / "plain.lerwallet"
    lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF).session.lock()
    window = open_window(path)
    assert find(window, QLineEdit, "passphraseInput").isVisible()
    assert not find(window, QLabel, "demoNote").isVisible()


def test_window_stays_responsive_while_unlocking(
    qtbot: QtBot, open_window: OpenWindow, demo_wallet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the key is derived off the GUI thread, a busy bar shows, inputs are disabled, events still flow."""
    release = threading.Event()
    real_open = lifecycle.open_wallet

    def slow_open(path: Path, passphrase: str, **options: bool) -> Session:
        assert release.wait(10)
        return real_open(path, passphrase, **options)

    monkeypatch.setattr(lifecycle, "open_wallet", slow_open)
    window = open_window(demo_wallet)
    qtbot.keyClicks(find(window, QLineEdit, "passphraseInput"), PASSPHRASE)
    click(qtbot, find(window, QPushButton, "unlockButton"))
    assert find(window, QProgressBar, "unlockBusy").isVisible()
    assert not find(window, QPushButton, "unlockButton").isEnabled()
    ticks: list[int] = []
    from PySide6.QtCore import QTimer

    QTimer.singleShot(10, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=2000)  # the event loop runs while the worker waits
    assert window.flow.state is Step.WORKING
    release.set()
    wait_for_step(qtbot, window, Step.UNLOCKED)
    assert not find(window, QProgressBar, "unlockBusy").isVisible()


def test_open_an_existing_wallet_folder(
    qtbot: QtBot, open_window: OpenWindow, demo_wallet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Open… asks for a folder; choosing the wallet's folder leads to its unlock page."""
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(demo_wallet))
    window = open_window(None)
    click(qtbot, find(window, QPushButton, "openButton"))
    assert find(window, QLineEdit, "passphraseInput").isVisible()
    assert str(demo_wallet) in find(window, QLabel, "walletPathLabel").text()


def test_open_a_folder_without_a_wallet_explains(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Choosing a folder that holds no wallet shows a sentence on the welcome page."""
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(empty))
    window = open_window(None)
    click(qtbot, find(window, QPushButton, "openButton"))
    error = find(window, QLabel, "welcomeError")
    assert error.isVisible() and "There is no LER Wallet at" in error.text()


def test_recover_with_the_recovery_code(qtbot: QtBot, open_window: OpenWindow, tmp_path: Path) -> None:
    """From unlock, 'Forgot your passphrase?' leads to recovery; the code and a new passphrase open it."""
    path = tmp_path / "lost.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF)
    made.session.lock()
    window = open_window(path)
    click(qtbot, find(window, QPushButton, "forgotButton"))
    assert find(window, QLineEdit, "recoverLocationInput").text() == str(path)
    qtbot.keyClicks(find(window, QLineEdit, "recoveryCodeInput"), made.recovery_code)
    qtbot.keyClicks(find(window, QLineEdit, "recoverPassphraseInput"), "my new passphrase")
    qtbot.keyClicks(find(window, QLineEdit, "recoverRepeatInput"), "my new passphrase")
    click(qtbot, find(window, QPushButton, "recoverSubmitButton"))
    wait_for_step(qtbot, window, Step.UNLOCKED)
    window.close()
    lifecycle.open_wallet(path, "my new passphrase").lock()


def test_closing_the_window_locks_the_session(qtbot: QtBot, open_window: OpenWindow, demo_wallet: Path) -> None:
    """Closing the window locks the open wallet: nothing stays unlocked after sign-out."""
    window = open_window(demo_wallet)
    qtbot.keyClicks(find(window, QLineEdit, "passphraseInput"), PASSPHRASE)
    click(qtbot, find(window, QPushButton, "unlockButton"))
    wait_for_step(qtbot, window, Step.UNLOCKED)
    session = window.flow.session
    assert session is not None
    window.close()
    assert session.is_locked
    assert window.flow.state is Step.CLOSED
