"""Locking like KeePassXC, through the real window: after inactivity (an injected clock, no waiting), on demand
(Ctrl+L), tidying up after (dialogs closed, passphrase focused), asking about unsaved view edits, Ctrl+Q."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.helpers import click, find, wait_for_step
from ui.dialogs.backup import BackupDialog
from ui.dialogs.settings import SettingsDialog
from ui.locking import UnsavedPrompt
from ui.main_window import MainWindow
from ui.pages.opportunities import OpportunitiesPage
from ui.settings import Preferences
from wallet import lifecycle
from wallet.flows.onboarding import Step

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


class FakeClock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


@pytest.fixture
def window(qtbot: QtBot, demo_wallet: Path, clock: FakeClock, settings_file: Path) -> Iterator[MainWindow]:
    """The demo wallet's window, unlocked, with the fake clock and its own settings file."""
    win = MainWindow(demo_wallet, kdf=FAST_KDF, idle_clock=clock, preferences=Preferences(settings_file))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, win, Step.UNLOCKED)
    yield win
    win.close()


def test_idle_lock_after_five_minutes_and_activity_resets(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    """Quiet for 4 minutes: still open; a key press starts the count again; 5 quiet minutes lock it."""
    assert window.idle.active and window.idle.minutes == 5
    clock.advance(4)
    assert not window.idle.check() and window.flow.state is Step.UNLOCKED
    qtbot.keyClick(window.records.search, Qt.Key.Key_A)  # the person is there
    clock.advance(4)
    assert not window.idle.check() and window.flow.state is Step.UNLOCKED
    clock.advance(1)
    assert window.idle.check()
    assert window.flow.state is Step.UNLOCK and not window.idle.active
    qtbot.waitUntil(window.unlock.passphrase.hasFocus)


def test_lock_time_is_a_setting(qtbot: QtBot, window: MainWindow, clock: FakeClock, settings_file: Path) -> None:
    """Settings ▸ 1 minute: saved in our settings file, and the wallet locks after one quiet minute."""
    find(window, QAction, "settingsAction").trigger()
    dialog = find(window, SettingsDialog, "settingsDialog")
    qtbot.waitUntil(dialog.isVisible)
    minutes = find(dialog, QComboBox, "lockMinutes")
    minutes.setCurrentIndex(minutes.findData(1))
    click(qtbot, find(dialog, QPushButton, "settingsSave"))
    assert not dialog.isVisible() and '"lock_minutes": 1' in settings_file.read_text(encoding="utf-8")
    clock.advance(1)
    assert window.idle.check() and window.flow.state is Step.UNLOCK


def test_ctrl_l_closes_dialogs_and_focuses_the_passphrase(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+L with the backup dialog open: locked, the dialog closed, the passphrase field focused."""
    find(window, QAction, "backupAction").trigger()
    dialog = find(window, BackupDialog, "backupDialog")
    qtbot.waitUntil(dialog.isVisible)
    location = find(dialog, QLineEdit, "backupLocation")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(location, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.flow.state is Step.UNLOCK and not dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.unlock.passphrase)
    assert find(window, QLineEdit, "passphraseInput") is window.unlock.passphrase


def test_ctrl_l_on_a_page(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+L from the records page's search field locks too."""
    window.records.search.setFocus()
    qtbot.keyClick(window.records.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.flow.state is Step.UNLOCK


def test_ctrl_q_quits(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Q (the Wallet menu's Quit) locks and closes the window."""
    quit_action = find(window, QAction, "quitAction")
    assert quit_action.shortcut().toString() == "Ctrl+Q" and quit_action.isEnabled()
    quit_action.trigger()
    assert window.flow.state is Step.CLOSED and not window.isVisible()


def _edit_a_view(qtbot: QtBot, window: MainWindow, demo_wallet: Path) -> tuple[OpportunitiesPage, str]:
    """Open the Opportunities page's saved view in the editor and change its name without saving."""
    session = window.flow.session
    assert session is not None
    view = session.skills.create_view("Forklift job")
    window.workspace.go_to(2)
    page = window.workspace.opportunities
    page._open(view.id)
    qtbot.waitUntil(lambda: page.editor.view is not None, timeout=30_000)
    name_input = find(page, QLineEdit, "viewName")
    name_input.selectAll()
    qtbot.keyClicks(name_input, "Warehouse job")
    assert page.editor.dirty
    return page, view.id


def _saved_name(demo_wallet: Path, view_id: str) -> str:
    with lifecycle.open_wallet(demo_wallet, PASSPHRASE) as session:
        return session.skills.view(view_id).name


@pytest.mark.parametrize(("answer", "kept"), [("unsavedDiscard", "Forklift job"), ("unsavedSave", "Warehouse job")])
def test_lock_asks_before_dropping_unsaved_view_edits(
    qtbot: QtBot, window: MainWindow, demo_wallet: Path, answer: str, kept: str
) -> None:
    """Lock with a changed view asks; Cancel keeps the wallet open; Save saves then locks, Don't save drops."""
    _page, view_id = _edit_a_view(qtbot, window, demo_wallet)
    window.lock()
    prompt = find(window, UnsavedPrompt, "unsavedViewPrompt")
    qtbot.waitUntil(prompt.isVisible)
    said = find(prompt, QLabel, "unsavedViewText").text()
    assert "Warehouse job" not in said and "“Forklift job”" in said
    click(qtbot, find(prompt, QPushButton, "unsavedCancel"))
    assert window.flow.state is Step.UNLOCKED
    window.lock()
    qtbot.waitUntil(prompt.isVisible)
    click(qtbot, find(prompt, QPushButton, answer))
    assert window.flow.state is Step.UNLOCK
    window.close()
    assert _saved_name(demo_wallet, view_id) == kept


def test_idle_lock_saves_unsaved_view_edits(
    qtbot: QtBot, window: MainWindow, demo_wallet: Path, clock: FakeClock
) -> None:
    """Nobody is there to ask when the idle timer locks: the changed view is saved, then the wallet locks."""
    _page, view_id = _edit_a_view(qtbot, window, demo_wallet)
    clock.advance(5)
    assert window.idle.check() and window.flow.state is Step.UNLOCK
    assert not find(window, UnsavedPrompt, "unsavedViewPrompt").isVisible()
    window.close()
    assert _saved_name(demo_wallet, view_id) == "Warehouse job"


def test_screen_lock_signals_where_the_platform_has_them(window: MainWindow) -> None:
    """Offscreen there is no desktop bus: nothing is connected, and the idle timer and Ctrl+L still lock."""
    assert window.idle.platform_watch == []
    window.idle._on_bus(True)  # what the screen saver's ActiveChanged(true) would deliver
    assert window.flow.state is Step.UNLOCK
