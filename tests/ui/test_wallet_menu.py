"""Wallet menu, driven through the real window by object name: back up and restore, change the passphrase,
the recovery kit beside a new recovery code, and copying the DID."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.helpers import click, find, wait_for_step
from ui.dialogs.backup import BackupDialog
from ui.dialogs.new_recovery_code import NewRecoveryCodeDialog
from ui.dialogs.passphrase import MISMATCH, PassphraseDialog
from ui.dialogs.restore import RestoreDialog
from ui.main_window import MainWindow
from wallet import lifecycle
from wallet.errors import WrongPassphraseError
from wallet.flows.onboarding import Step
from wallet.models import EntryInput, EntryKind

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]

NEW_PASSPHRASE = "a brand new passphrase"


@pytest.fixture
def wallet(tmp_path: Path) -> Path:
    """A wallet (cheap KDF) holding one entry."""
    path = tmp_path / "Sam.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF)
    with made.session as session:
        session.add_entry(EntryInput(kind=EntryKind.JOB, title="Line cook"))
    return path


def _unlocked(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], path: Path) -> MainWindow:
    window = open_window(path)
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    return window


def _choose(window: MainWindow, action_name: str) -> None:
    """Choose an item of the header's Wallet menu, as a person would."""
    menu = find(window, QToolButton, "walletMenuButton").menu()
    action = find(window, QAction, action_name)
    assert action in menu.actions() and action.isEnabled(), action_name
    action.trigger()


def _titles(window: MainWindow) -> list[str]:
    session = window.flow.session
    assert session is not None
    return sorted(r.title for r in session.reader.list_records())


def test_backup_remembers_place_and_restore_keeps_the_old_wallet(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], wallet: Path, tmp_path: Path
) -> None:
    """Back up (reminded first, then the place and date shown), change the wallet, restore: checked first, a wrong
    passphrase changes nothing, the right one brings the backup back and keeps the replaced wallet aside."""
    window = _unlocked(qtbot, open_window, wallet)
    _choose(window, "backupAction")
    dialog = find(window, BackupDialog, "backupDialog")
    qtbot.waitUntil(dialog.isVisible)
    last = find(dialog, QLabel, "lastBackupLabel")
    reminder = find(dialog, QLabel, "backupReminder")
    qtbot.waitUntil(lambda: "No backup" in last.text(), timeout=10_000)
    assert reminder.isVisible() and "never been backed up" in reminder.text()
    usb = tmp_path / "usb"
    usb.mkdir()
    out = usb / "sam.lerbackup"
    location = find(dialog, QLineEdit, "backupLocation")
    location.clear()
    qtbot.keyClicks(location, str(out))
    click(qtbot, find(dialog, QPushButton, "backupSubmit"))
    done = find(dialog, QLabel, "backupDone")
    qtbot.waitUntil(lambda: "Backup saved" in done.text(), timeout=10_000)
    assert out.is_file() and str(out) in last.text() and not reminder.isVisible()
    click(qtbot, find(dialog, QPushButton, "backupCancel"))
    assert not dialog.isVisible()

    _choose(window, "backupAction")  # the place and date are read back from the wallet
    qtbot.waitUntil(lambda: str(out) in last.text(), timeout=10_000)
    assert "Last backup:" in last.text() and not reminder.isVisible()
    click(qtbot, find(dialog, QPushButton, "backupCancel"))

    session = window.flow.session
    assert session is not None
    session.add_entry(EntryInput(kind=EntryKind.PROJECT, title="Food bank"))
    assert _titles(window) == ["Food bank", "Line cook"]

    _choose(window, "restoreAction")
    restore = find(window, RestoreDialog, "restoreDialog")
    qtbot.waitUntil(restore.isVisible)
    qtbot.keyClicks(find(restore, QLineEdit, "restoreFile"), str(out))
    click(qtbot, find(restore, QPushButton, "restoreCheck"))
    checked = find(restore, QLabel, "restoreChecked")
    qtbot.waitUntil(checked.isVisible, timeout=10_000)
    assert checked.text().startswith("Checked: a complete LER Wallet backup made on")

    qtbot.keyClicks(find(restore, QLineEdit, "restorePassphrase"), "not the passphrase")
    click(qtbot, find(restore, QPushButton, "restoreSubmit"))
    error = find(restore, QLabel, "restoreError")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "does not unlock" in error.text() and "was not changed" in error.text()
    assert window.flow.state is Step.UNLOCK and restore.isVisible()  # locked, the dialog stays to say why
    assert not list(tmp_path.glob("Sam.lerwallet.before-restore-*"))

    field = find(restore, QLineEdit, "restorePassphrase")
    field.clear()
    qtbot.keyClicks(field, PASSPHRASE)
    click(qtbot, find(restore, QPushButton, "restoreSubmit"))
    outcome = find(restore, QLabel, "restoreDone")
    qtbot.waitUntil(lambda: outcome.text().startswith("Restored."), timeout=10_000)
    kept = list(tmp_path.glob("Sam.lerwallet.before-restore-*"))
    assert len(kept) == 1 and str(kept[0]) in outcome.text()
    click(qtbot, find(restore, QPushButton, "restoreCancel"))
    assert not restore.isVisible() and window.stack.currentWidget() is window.unlock

    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    assert _titles(window) == ["Line cook"]  # the backup's records
    with lifecycle.open_wallet(kept[0], PASSPHRASE) as old:
        assert sorted(r.title for r in old.list_records()) == ["Food bank", "Line cook"]


def test_restore_refuses_a_file_that_is_not_a_backup(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], wallet: Path, tmp_path: Path
) -> None:
    """A file that is not a backup is named as such at Check; Restore is refused until a backup is checked."""
    window = _unlocked(qtbot, open_window, wallet)
    other = tmp_path / "photo.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0 not a backup")
    _choose(window, "restoreAction")
    restore = find(window, RestoreDialog, "restoreDialog")
    qtbot.keyClicks(find(restore, QLineEdit, "restoreFile"), str(other))
    click(qtbot, find(restore, QPushButton, "restoreCheck"))
    error = find(restore, QLabel, "restoreError")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "is not an LER Wallet backup" in error.text()
    qtbot.keyClicks(find(restore, QLineEdit, "restorePassphrase"), PASSPHRASE)
    click(qtbot, find(restore, QPushButton, "restoreSubmit"))
    assert "Check the backup file first" in error.text()
    assert window.flow.state is Step.UNLOCKED


def test_change_passphrase(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], wallet: Path
) -> None:
    """Two different new ones, or a wrong current one: a sentence and no change. Right: the new one opens it."""
    window = _unlocked(qtbot, open_window, wallet)
    keys_before = (wallet / "wallet.keys").read_bytes()
    _choose(window, "passphraseAction")
    dialog = find(window, PassphraseDialog, "passphraseDialog")
    qtbot.waitUntil(dialog.isVisible)
    current, first, second = (find(dialog, QLineEdit, n) for n in ("currentPassphrase", "newPassphrase",
                                                                  "repeatPassphrase"))
    error = find(dialog, QLabel, "passphraseError")
    submit = find(dialog, QPushButton, "passphraseSubmit")

    def fill(now: str, new: str, again: str) -> None:
        for edit, text in ((current, now), (first, new), (second, again)):
            edit.clear()
            qtbot.keyClicks(edit, text)
        click(qtbot, submit)

    fill(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE + "x")
    assert error.text() == MISMATCH
    fill("not it at all", NEW_PASSPHRASE, NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: "does not unlock" in error.text(), timeout=10_000)
    assert current.hasFocus() or current.selectedText() == "not it at all"
    assert (wallet / "wallet.keys").read_bytes() == keys_before
    fill(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    done = find(dialog, QLabel, "passphraseDone")
    qtbot.waitUntil(lambda: done.text().startswith("Your passphrase was changed"), timeout=10_000)
    assert not error.isVisible() and current.text() == "" and not submit.isVisible()
    click(qtbot, find(dialog, QPushButton, "passphraseCancel"))

    window.lock()
    window.flow.submit_unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: window.flow.state is Step.UNLOCK and bool(window.flow.error), timeout=10_000)
    window.flow.submit_unlock(NEW_PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    window.close()
    with pytest.raises(WrongPassphraseError):
        lifecycle.open_wallet(wallet, PASSPHRASE)


def test_recovery_kit_is_saved_beside_the_new_code(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], wallet: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With a new code on screen, Save recovery kit writes a one-page PDF with that code, its purpose and the
    wallet's place (read back with pypdf, drawn with pdftoppm for a person to look at)."""
    window = _unlocked(qtbot, open_window, wallet)
    _choose(window, "newRecoveryCodeAction")
    dialog = find(window, NewRecoveryCodeDialog, "newRecoveryCodeDialog")
    qtbot.keyClicks(find(dialog, QLineEdit, "newCodePassphrase"), PASSPHRASE)
    click(qtbot, find(dialog, QPushButton, "newCodeSubmit"))
    qtbot.waitUntil(lambda: dialog.showing_code, timeout=10_000)
    code = find(dialog, QLabel, "recoveryCode").text().replace("\n", "-")
    kit = tmp_path / "kit.pdf"
    asked: list[str] = []

    def pick(_parent: object, caption: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return str(kit), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", pick)  # the person's answer to the picker
    click(qtbot, find(dialog, QPushButton, "saveKitButton"))
    message = find(dialog, QLabel, "kitMessage")
    assert message.isVisible() and str(kit) in message.text() and "delete the file" in message.text()
    assert asked and asked[0].endswith("Sam-recovery-kit.pdf")
    reader = pypdf.PdfReader(io.BytesIO(kit.read_bytes()))
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1 and all(group in text for group in code.split("-"))
    assert str(wallet) in text and "forget your passphrase" in text
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(kit), str(tmp_path / "kit")], check=True)
    assert (tmp_path / "kit.png").stat().st_size > 10_000
    dialog.finish()
    assert not message.isVisible()


def test_copy_did_is_cleared_on_lock_only_while_unchanged(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], wallet: Path
) -> None:
    """Copy my DID puts the DID on the clipboard; locking empties it, unless something else was copied since."""
    window = _unlocked(qtbot, open_window, wallet)
    clipboard = QGuiApplication.clipboard()
    session = window.flow.session
    assert session is not None
    did = session.did
    _choose(window, "copyDidAction")
    assert clipboard.text() == did
    window.lock()
    assert window.flow.state is Step.UNLOCK and clipboard.text() == ""

    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    _choose(window, "copyDidAction")
    clipboard.setText("my own note")
    window.lock()
    assert clipboard.text() == "my own note"
    assert not find(window, QAction, "copyDidAction").isEnabled()


def test_open_another_wallet_from_the_menu(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], wallet: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Open another wallet… (a USB stick): the open one is locked, and the chosen one waits for its passphrase."""
    stick = tmp_path / "usb"
    stick.mkdir()
    other = stick / "Ana.lerwallet"
    lifecycle.create_wallet(other, PASSPHRASE, kdf=FAST_KDF).session.lock()
    window = _unlocked(qtbot, open_window, wallet)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(stick))  # the person's choice
    _choose(window, "openWalletAction")
    assert window.flow.state is Step.UNLOCK and window.flow.path == other
    assert find(window, QLabel, "walletPathLabel").text() == f"Wallet: {other}"
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    assert window.windowTitle().startswith("Ana")
    assert window.preferences.values.recent[:2] == (str(other), str(wallet))
