"""The help panel: F1 and the visible Help button show it on every page, it follows the page, in plain words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDockWidget, QLabel, QLineEdit, QPushButton, QTextBrowser, QToolButton
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.helpers import click, find, wait_for_step
from ui.help_panel import app_language
from ui.i18n import apply_language
from ui.kiosk_notes import NavigatorNotes
from ui.main_window import MainWindow
from ui.pages.workspace import SECTIONS
from wallet.api import Step, help_text, load_settings
from wallet.app_settings import settings_path
from wallet.help_texts import plain_words


def panel_text(window: MainWindow) -> str:
    return find(window, QTextBrowser, "helpText").toPlainText()


def test_f1_toggles_the_help_panel_before_unlocking(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow],
                                                    demo_wallet: Path) -> None:
    """F1 on the unlock page opens help about unlocking; F1 again hides it."""
    window = open_window(demo_wallet)
    with qtbot.waitActive(window):
        window.activateWindow()
    panel = find(window, QDockWidget, "helpPanel")
    assert not panel.isVisible()
    qtbot.keyClick(find(window, QLineEdit, "passphraseInput"), Qt.Key.Key_F1)
    assert panel.isVisible()
    assert "Type your passphrase to open it" in panel_text(window)
    qtbot.keyClick(find(window, QLineEdit, "passphraseInput"), Qt.Key.Key_F1)
    assert not panel.isVisible()


def test_the_help_button_is_visible_named_and_follows_the_pages(qtbot: QtBot,
                                                                unlocked_demo: MainWindow) -> None:
    """In an open wallet the header's Help button opens the panel; it shows each section's own text."""
    window = unlocked_demo
    button = find(window, QToolButton, "helpButton")
    assert button.isVisible() and button.accessibleName() == "Help"
    assert not find(window, QToolButton, "startHelpButton").isVisible()  # the bar is for pages before a wallet
    click(qtbot, button)
    assert find(window, QDockWidget, "helpPanel").isVisible()
    assert "What the marks mean" in panel_text(window)
    assert "✓ Verified" in panel_text(window) and "Self-asserted" in panel_text(window)
    for index, words in ((1, "skills your records point to"), (2, "job post"), (3, "where your skills can lead")):
        window.workspace.go_to(index)
        assert words in panel_text(window), index
    click(qtbot, button)
    assert not find(window, QDockWidget, "helpPanel").isVisible()


def test_every_start_page_has_its_help(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]) -> None:
    """Welcome, create, unlock and recover each show their own help through the bar's Help button."""
    window = open_window(None)
    click(qtbot, find(window, QToolButton, "startHelpButton"))
    seen = {}
    seen["welcome"] = panel_text(window)
    window.flow.choose_create()
    seen["create"] = panel_text(window)
    window.flow.back()
    window.flow.choose_recover()
    seen["recover"] = panel_text(window)
    assert "Create a new wallet" in seen["welcome"]
    assert "Type a passphrase" in seen["create"]
    assert "forgot the passphrase" in seen["recover"]
    assert len(set(seen.values())) == 3


def test_closing_the_panel_unchecks_the_action(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]) -> None:
    """The panel's own close button and the Help toggle agree, so F1 opens it again at once."""
    window = open_window(None)
    window.guide.action.trigger()
    panel = find(window, QDockWidget, "helpPanel")
    assert panel.isVisible()
    panel.close()
    assert not window.guide.action.isChecked()
    window.guide.action.trigger()
    assert panel.isVisible()


def test_spanish_app_shows_spanish_help(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]) -> None:
    """With the app in Spanish (the setting, or an es_* system locale) the panel, its buttons and the Help button
    are in Spanish, and the help names the buttons as the window shows them."""
    try:
        apply_language("es")
        assert app_language() == "es"
        window = open_window(None)
        guide = window.guide
        guide.action.trigger()
        assert "Elija **Crear una billetera nueva**" in help_text("welcome", "es")
        assert "Crear una billetera nueva" in guide.panel.text.toPlainText()
        assert guide.start_button.text() == "Ayuda" and guide.panel.tour_button.text() == "Ver el paseo"
    finally:
        apply_language("en")


@pytest.mark.parametrize("page", ["welcome", "records"])
def test_the_panel_shows_the_plain_words_of_the_file(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow],
                                                     page: str) -> None:
    """What the panel shows is the resource text itself (rendered Markdown), not a copy in code."""
    window = open_window(None)
    window.guide.panel.show_page(page)
    shown = " ".join(panel_text(window).split())
    first_paragraph = plain_words(help_text(page)).split(". ")[2]
    assert first_paragraph.split(",")[0] in shown


def test_tour_after_a_new_wallet_once_skippable_and_reopened(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], tmp_path: Path
) -> None:
    """A new wallet's first open shows the tour; Next walks the four sections; Skip ends it; it is not shown
    again (tour_seen saved), and the help panel's 'Take the tour' opens it again."""
    window = open_window(None)
    window.flow.choose_create()
    window.create_page.location.setText(str(tmp_path / "new.lerwallet"))
    window.create_page.first.setText(PASSPHRASE)
    window.create_page.second.setText(PASSPHRASE)
    click(qtbot, window.create_page.submit)
    wait_for_step(qtbot, window, Step.RECOVERY_CODE)
    window.recovery_code.confirm.setChecked(True)
    click(qtbot, window.recovery_code.submit)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    tour = find(window, QDialog, "tourDialog")
    qtbot.waitUntil(tour.isVisible)
    assert find(tour, QLabel, "tourStep").text() == "Step 1 of 6"
    for section in range(4):
        click(qtbot, find(tour, QPushButton, "tourNext"))
        assert window.workspace.nav.currentIndex() == section
        assert find(tour, QLabel, "tourTitle").text() == SECTIONS[section]
    click(qtbot, find(tour, QPushButton, "tourSkip"))
    assert not tour.isVisible()
    assert window.preferences.values.tour_seen
    assert load_settings(settings_path()).tour_seen
    window.lock()
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    qtbot.wait(50)
    assert not tour.isVisible()
    window.guide.action.trigger()
    click(qtbot, find(window, QPushButton, "helpTourButton"))
    assert tour.isVisible() and find(tour, QLabel, "tourStep").text() == "Step 1 of 6"
    click(qtbot, find(tour, QPushButton, "tourSkip"))


def test_navigator_notes_show_and_save_a_pdf(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow],
                                            tmp_path: Path) -> None:
    """'Navigator notes' opens the tips in the window; saving writes a one-page PDF with their words."""
    window = open_window(None)
    window.guide.action.trigger()
    click(qtbot, find(window, QPushButton, "navigatorNotesButton"))
    dialog = find(window, NavigatorNotes, "navigatorNotesDialog")
    assert dialog.isVisible()
    assert "The recovery code" in find(dialog, QTextBrowser, "navigatorNotesText").toPlainText()
    said = dialog.save_to(tmp_path / "notes.pdf")
    assert said == f"Saved the navigator notes to {tmp_path / 'notes.pdf'}."
    reader = pypdf.PdfReader(tmp_path / "notes.pdf")
    assert reader.metadata is not None and reader.metadata.title == "Navigator notes"
    assert "They must keep it, not you." in reader.pages[0].extract_text()
    refused = dialog.save_to(tmp_path / "no such folder" / "notes.pdf")
    assert refused and "Saved" not in refused
    click(qtbot, find(dialog, QPushButton, "notesCloseButton"))


def test_the_check_page_has_its_own_help(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]) -> None:
    """Check a shared record… from the welcome page shows the Check page's help, with what each mark means."""
    window = open_window(None)
    click(qtbot, find(window, QToolButton, "startHelpButton"))
    window.welcome.check_clicked.emit()
    assert window.stack.currentWidget() is window.check_page
    assert window.guide.current_page() == "check"
    shown = panel_text(window)
    assert "You do not need a wallet" in shown and "Not verified: a check failed" in shown
    assert shown != help_text("welcome")
