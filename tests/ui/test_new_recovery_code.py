"""Wallet menu → New recovery code…: passphrase asked, the new code shown once on the recovery-code page,
the old code stops working; locking closes the dialog and clears the code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLineEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.helpers import click, find, wait_for_step
from ui.dialogs.new_recovery_code import NOT_TICKED, NewRecoveryCodeDialog
from ui.main_window import MainWindow
from wallet import lifecycle
from wallet.errors import WrongPassphraseError
from wallet.flows.onboarding import Step

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]

NEW_PASSPHRASE = "a passphrase after recovery"


@pytest.fixture
def wallet(tmp_path: Path) -> tuple[Path, str]:
    """A wallet (cheap KDF) and the recovery code it was made with."""
    path = tmp_path / "Sam.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF)
    made.session.lock()
    return path, made.recovery_code


def _unlocked(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], path: Path) -> MainWindow:
    window = open_window(path)
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    return window


def _open_dialog(qtbot: QtBot, window: MainWindow) -> NewRecoveryCodeDialog:
    """Find the menu item through the header's Wallet menu and choose it."""
    menu_button = find(window, QToolButton, "walletMenuButton")
    assert menu_button.isVisible() and menu_button.menu().objectName() == "walletMenu"
    action = find(window, QAction, "newRecoveryCodeAction")
    assert action in menu_button.menu().actions() and action.isEnabled()
    action.trigger()
    dialog = find(window, NewRecoveryCodeDialog, "newRecoveryCodeDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _make_code(qtbot: QtBot, dialog: QDialog, passphrase: str) -> None:
    field = find(dialog, QLineEdit, "newCodePassphrase")
    field.clear()
    qtbot.keyClicks(field, passphrase)
    click(qtbot, find(dialog, QPushButton, "newCodeSubmit"))


def test_new_code_shown_once_and_old_code_stops_working(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], wallet: tuple[Path, str], tmp_path: Path
) -> None:
    """Wrong passphrase: a sentence, nothing changed. Right one: the code page; the tick closes it; old code fails."""
    path, old_code = wallet
    window = _unlocked(qtbot, open_window, path)
    keys_before = (path / "wallet.keys").read_bytes()
    dialog = _open_dialog(qtbot, window)

    _make_code(qtbot, dialog, "not my passphrase")
    error = find(dialog, QLabel, "newCodeError")
    qtbot.waitUntil(lambda: "does not unlock" in error.text(), timeout=10_000)
    assert (path / "wallet.keys").read_bytes() == keys_before

    _make_code(qtbot, dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: dialog.showing_code, timeout=10_000)
    code_label = find(dialog, QLabel, "recoveryCode")
    new_code = code_label.text().replace("\n", "-")
    assert len(new_code) == 39 and new_code != old_code
    assert find(dialog, QPushButton, "continueButton").text() == "Back to my wallet"
    assert find(dialog, QLineEdit, "newCodePassphrase").text() == ""  # the passphrase is not kept
    dialog.grab().save(str(tmp_path / "new-recovery-code.png"))  # for a person to look at

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # leaving without the tick is refused
    assert dialog.isVisible() and find(dialog, QLabel, "recoveryError").text() == NOT_TICKED
    click(qtbot, find(dialog, QPushButton, "continueButton"))
    assert dialog.isVisible()
    find(dialog, QCheckBox, "recoveryConfirm").setChecked(True)
    click(qtbot, find(dialog, QPushButton, "continueButton"))
    assert not dialog.isVisible() and code_label.text() == ""

    window.close()
    with pytest.raises(WrongPassphraseError):
        lifecycle.recover_wallet(path, old_code, NEW_PASSPHRASE, kdf=FAST_KDF)
    lifecycle.recover_wallet(path, new_code, NEW_PASSPHRASE, kdf=FAST_KDF).lock()


def test_locking_closes_the_dialog_and_clears_the_code(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], wallet: tuple[Path, str]
) -> None:
    """Ctrl+L while the new code is on screen: the dialog closes, the code is gone, the menu item is off."""
    path, _old = wallet
    window = _unlocked(qtbot, open_window, path)
    dialog = _open_dialog(qtbot, window)
    _make_code(qtbot, dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: dialog.showing_code, timeout=10_000)
    window.lock()
    assert window.flow.state is Step.UNLOCK
    assert not dialog.isVisible()
    assert find(dialog, QLabel, "recoveryCode").text() == ""
    assert not find(window, QAction, "newRecoveryCodeAction").isEnabled()


def test_cancel_keeps_the_old_code(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], wallet: tuple[Path, str]
) -> None:
    """Cancel before making a code closes the dialog and changes nothing."""
    path, old_code = wallet
    window = _unlocked(qtbot, open_window, path)
    keys_before = (path / "wallet.keys").read_bytes()
    dialog = _open_dialog(qtbot, window)
    qtbot.keyClicks(find(dialog, QLineEdit, "newCodePassphrase"), PASSPHRASE)
    click(qtbot, find(dialog, QPushButton, "newCodeCancel"))
    assert not dialog.isVisible()
    assert find(dialog, QLineEdit, "newCodePassphrase").text() == ""
    assert (path / "wallet.keys").read_bytes() == keys_before
    window.close()
    lifecycle.recover_wallet(path, old_code, NEW_PASSPHRASE, kdf=FAST_KDF).lock()
