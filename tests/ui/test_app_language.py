"""The app's own parts in Spanish, and switching the language in Settings while a wallet is open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDockWidget, QLabel, QMenu, QPushButton, QScrollArea, QToolButton
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.helpers import click, find, select, wait_for_step
from ui.dialogs.settings import SettingsDialog
from ui.dropping import ImportProgress
from ui.i18n import apply_language
from ui.kiosk_notes import NavigatorNotes
from ui.locking import UnsavedPrompt
from ui.main_window import MainWindow
from ui.skill_looks import month_year, strength_look
from ui.status import check_name, status_look
from ui.tour import Tour
from wallet.api import Step, load_settings

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]

CLR = "Riverside Community College transcript (demo)"


def header_overflows(window: MainWindow) -> bool:
    """Whether the open wallet's page needs a horizontal scroll bar in the window as it is sized now."""
    scroll = find(window, QScrollArea, "windowScroll")
    return scroll.horizontalScrollBar().maximum() > 0


def test_the_app_parts_built_in_spanish_speak_spanish(
        qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_wallet: Path,
        english_after: None) -> None:
    """Built after Spanish is chosen: header, Wallet menu, help panel, tour, notes, prompts and status words."""
    apply_language("es")
    window = open_window(demo_wallet)
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    assert find(window, QToolButton, "walletMenuButton").text() == "Billetera ▾"
    assert find(window, QMenu, "walletMenu").title() == "Billetera"
    assert find(window, QAction, "backupAction").text() == "Copia de seguridad…"
    assert find(window, QPushButton, "shareButton").text() == "Compartir…"
    assert find(window, QPushButton, "checkButton").text() == "Comprobar…"
    assert find(window, QToolButton, "helpButton").text() == "Ayuda"
    window.guide.action.trigger()
    panel = find(window, QDockWidget, "helpPanel")
    assert panel.windowTitle() == "Ayuda"
    assert find(panel, QPushButton, "navigatorNotesButton").text() == "Notas para orientadores"
    assert "Sus registros" in window.guide.panel.text.toPlainText()
    tour = find(window, Tour, "tourDialog")
    tour.start()
    assert find(tour, QPushButton, "tourSkip").text() == "Saltar el paseo"
    assert find(tour, QLabel, "tourStep").text() == "Paso 1 de 6"
    tour.reject()
    notes = NavigatorNotes("es", window)
    assert find(notes, QPushButton, "notesSaveButton").text() == "Guardar como PDF…"
    prompt = find(window, UnsavedPrompt, "unsavedViewPrompt")
    assert find(prompt, QPushButton, "unsavedDiscard").text() == "Bloquear sin guardar"
    progress = window.findChild(ImportProgress, "importProgress")
    assert progress is not None and find(progress, QPushButton, "importCancel").text() == "Cancelar"
    progress.step(1, 3)
    assert find(progress, QLabel, "importProgressCount").text() == "1 de 3 guardados"
    assert status_look("verified_with_warnings").text == "! Verificado con avisos"
    assert strength_look("self-asserted").word == "Declarado por usted"
    assert check_name("signature") == "Firma"
    assert month_year("2022-12", today=date(2026, 12, 4)) == "diciembre de 2022"


def test_switching_to_spanish_in_settings_keeps_the_wallet_and_the_place(
        qtbot: QtBot, unlocked_demo: MainWindow, english_after: None) -> None:
    """Settings ▸ Language ▸ Español: the header and Wallet menu speak Spanish at once, the same wallet stays
    open on the same record; back to English the same way."""
    window = unlocked_demo
    session = window.flow.session
    window.records.search.setText("Riverside")
    select(qtbot, window, CLR)

    def choose(language: str) -> None:
        find(window, QAction, "settingsAction").trigger()
        dialog = find(window, SettingsDialog, "settingsDialog")
        box = find(dialog, QComboBox, "settingsLanguage")
        box.setCurrentIndex(box.findData(language))
        click(qtbot, find(dialog, QPushButton, "settingsSave"))

    choose("es")
    qtbot.waitUntil(lambda: find(window, QToolButton, "walletMenuButton").text() == "Billetera ▾")
    qtbot.waitUntil(lambda: len(window.findChildren(SettingsDialog)) == 1)  # the old window parts are gone
    assert window.flow.state is Step.UNLOCKED and window.flow.session is session
    header = window.records.header  # the records page's header, shown above every section
    assert find(header, QPushButton, "shareButton").text() == "Compartir…"
    assert find(header, QToolButton, "helpButton").text() == "Ayuda"
    menu = find(window, QMenu, "walletMenu")
    assert menu.title() == "Billetera"
    assert [a.text() for a in menu.actions() if a.objectName() == "trustedIssuersAction"] == [
        "Emisores de confianza…"]
    assert find(window, QLabel, "detailTitle").text() == CLR  # the record chosen is still shown
    assert window.records.search.text() == "Riverside"
    assert load_settings().language == "es"

    choose("en")
    qtbot.waitUntil(lambda: find(window, QToolButton, "walletMenuButton").text() == "Wallet ▾")
    qtbot.waitUntil(lambda: len(window.findChildren(SettingsDialog)) == 1)
    assert find(window.records.header, QPushButton, "shareButton").text() == "Share…"
    assert find(window, QMenu, "walletMenu").title() == "Wallet"
    assert window.flow.session is session and find(window, QLabel, "detailTitle").text() == CLR


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_header_fits_at_1100_pixels(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow],
                                         demo_wallet: Path, language: str, english_after: None) -> None:
    """At 1,100 pixels wide the open wallet's header (Wallet, Share, Check, Help, Lock) needs no sideways scroll,
    in English and in Spanish; Trusted issuers… is in the Wallet menu, not the header."""
    apply_language(language)
    window = open_window(demo_wallet)
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    window.resize(1100, 700)
    qtbot.waitUntil(lambda: window.width() == 1100)
    assert window.findChild(QToolButton, "trustedIssuersButton") is None
    assert find(window, QAction, "trustedIssuersAction") in find(window, QMenu, "walletMenu").actions()
    assert not header_overflows(window)


def test_switching_keeps_the_section_and_the_help_panel_and_works_while_locked(
        qtbot: QtBot, unlocked_demo: MainWindow, english_after: None) -> None:
    """Switched on the Skills section with help open and a posting pasted: the section, the posting and the open
    panel stay, the panel in Spanish; switched back after locking, the unlock page stays and the wallet opens."""
    window = unlocked_demo
    window.workspace.go_to(2)
    window.workspace.opportunities.posting.setPlainText("Forklift operator, second shift")
    window.workspace.go_to(1)
    window.guide.action.trigger()
    find(window, QAction, "settingsAction").trigger()
    dialog = find(window, SettingsDialog, "settingsDialog")
    box = find(dialog, QComboBox, "settingsLanguage")
    box.setCurrentIndex(box.findData("es"))
    click(qtbot, find(dialog, QPushButton, "settingsSave"))
    qtbot.waitUntil(lambda: window.guide.panel.windowTitle() == "Ayuda")
    qtbot.waitUntil(lambda: len(window.findChildren(SettingsDialog)) == 1)
    assert window.guide.panel.isVisible()
    assert window.workspace.nav.currentIndex() == 1
    assert window.workspace.opportunities.posting.toPlainText() == "Forklift operator, second shift"
    assert window.guide.panel.windowTitle() == "Ayuda" and "Sus habilidades" in window.guide.panel.text.toPlainText()
    window.lock()
    wait_for_step(qtbot, window, Step.UNLOCK)
    window.wallet_menu.settings()
    dialog = find(window, SettingsDialog, "settingsDialog")
    box = find(dialog, QComboBox, "settingsLanguage")
    box.setCurrentIndex(box.findData("en"))
    click(qtbot, find(dialog, QPushButton, "settingsSave"))
    qtbot.waitUntil(lambda: window.guide.panel.windowTitle() == "Help")
    qtbot.waitUntil(lambda: len(window.findChildren(SettingsDialog)) == 1)
    assert window.stack.currentWidget() is window.unlock
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    assert find(window, QToolButton, "walletMenuButton").text() == "Wallet ▾"
