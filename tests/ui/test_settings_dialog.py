"""Settings dialog through the real window: look changes apply and are saved; the wallet's own settings open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.helpers import click, find, wait_for_step
from ui import style
from ui.dialogs.holder_profile import HolderProfileDialog
from ui.dialogs.settings import SettingsDialog
from ui.dialogs.trusted_issuers import TrustedIssuersDialog
from ui.main_window import MainWindow
from ui.settings import Preferences
from wallet.api import load_settings
from wallet.flows.onboarding import Step

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


def test_settings_change_look_and_open_wallet_settings(qtbot: QtBot, demo_wallet: Path, tmp_path: Path) -> None:
    """Dark theme, 1.5× text, Letter paper and no recent list: applied at once and saved; Trusted issuers and
    Your name open their dialogs; while locked those two are off."""
    settings = tmp_path / "settings.json"
    window = MainWindow(demo_wallet, kdf=FAST_KDF, preferences=Preferences(settings))
    qtbot.addWidget(window)
    window.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        find(window, QAction, "settingsAction").trigger()  # available while locked too
        dialog = find(window, SettingsDialog, "settingsDialog")
        assert not find(dialog, QPushButton, "openTrustedIssuers").isEnabled()
        dialog.reject()
        window.flow.submit_unlock(PASSPHRASE)
        wait_for_step(qtbot, window, Step.UNLOCKED)
        find(window, QAction, "settingsAction").trigger()
        for name, value in (("themeChoice", "dark"), ("textSize", 1.5), ("paperSize", "Letter")):
            box = find(dialog, QComboBox, name)
            box.setCurrentIndex(box.findData(value))
        find(dialog, QCheckBox, "rememberRecent").setChecked(False)
        click(qtbot, find(dialog, QPushButton, "settingsSave"))
        assert style.PALETTES["dark"]["PAGE"] == style.PAGE and app.font().pointSize() == round(11 * 1.5)
        saved = load_settings(settings)
        assert (saved.theme, saved.text_scale, saved.paper, saved.remember_recent, saved.recent) == (
            "dark", 1.5, "Letter", False, ())
        assert not window.wallet_menu.recent_action.isVisible()

        find(window, QAction, "settingsAction").trigger()
        click(qtbot, find(dialog, QPushButton, "openTrustedIssuers"))
        trusted = find(window, TrustedIssuersDialog, "trustedIssuersDialog")
        qtbot.waitUntil(trusted.isVisible)
        trusted.reject()
        click(qtbot, find(dialog, QPushButton, "openHolderProfile"))
        profile = find(window, HolderProfileDialog, "holderProfileDialog")
        qtbot.waitUntil(profile.isVisible)
        window.lock()
        assert not profile.isVisible() and not dialog.isVisible()
    finally:
        style.apply(app)
        window.close()
