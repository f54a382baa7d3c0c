"""What a first-time user tripped on, through the real window: Back from recovery, the demo wallet in one click
with its passphrase shown, where the folder picker opens, recent wallets, and a first window that fits a small
screen at 2× text and scrolls."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.helpers import click, find, shown_window, unlock, wait_for_step
from ui import style
from ui.app import fit_to_screen
from ui.i18n import apply_language
from ui.main_window import MainWindow
from ui.settings import Preferences
from wallet import lifecycle
from wallet.api import AppSettings
from wallet.flows.onboarding import Step

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


def test_forgot_then_back_returns_to_unlock(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_wallet: Path
) -> None:
    """Unlock ▸ Forgot your passphrase? ▸ Back comes back to the same wallet's Unlock page, not Welcome."""
    window = open_window(demo_wallet)
    click(qtbot, find(window, QPushButton, "forgotButton"))
    assert window.flow.state is Step.RECOVER
    click(qtbot, find(window.recover, QPushButton, window.recover.back.objectName()))
    assert window.flow.state is Step.UNLOCK and window.flow.path == demo_wallet
    assert window.stack.currentWidget() is window.unlock
    window.flow.back()  # from Unlock, Back still means "another wallet"
    assert window.flow.state is Step.START


def test_demo_wallet_one_click_and_its_passphrase_shown(
    qtbot: QtBot, tmp_path: Path, default_path: Path
) -> None:
    """Welcome ▸ Try the demo wallet opens a new demo wallet unlocked; its unlock page then shows its passphrase,
    which opens it. Another wallet's unlock page shows none."""
    window = MainWindow(None, kdf=FAST_KDF, preferences=Preferences(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    click(qtbot, find(window, QPushButton, "demoButton"))
    wait_for_step(qtbot, window, Step.UNLOCKED)
    session = window.flow.session
    assert session is not None and session.is_demo and session.path == default_path.parent / "demo.lerwallet"
    assert session.reader.count() > 10
    window.lock()
    note = find(window, QLabel, "demoNote")
    assert note.isVisible() and note.text().startswith("This is a demo wallet with made-up records.")
    shown = note.text().rsplit(" ", 1)[-1]
    window.flow.submit_unlock(shown)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    window.lock()
    window.flow.back()
    click(qtbot, find(window, QPushButton, "demoButton"))  # the second time: the same demo, to unlock
    assert window.flow.state is Step.UNLOCK and window.flow.path == session.path and note.isVisible()
    window.close()

    other = tmp_path / "real.lerwallet"
    lifecycle.create_wallet(other, PASSPHRASE, kdf=FAST_KDF).session.lock()
    plain = MainWindow(other, kdf=FAST_KDF, preferences=Preferences(tmp_path / "settings.json"))
    qtbot.addWidget(plain)
    plain.show()
    assert not find(plain, QLabel, "demoNote").isVisible()
    plain.close()


def test_folder_picker_opens_at_home_and_says_so(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Choose… for a new wallet opens in the home folder (not the app's), and the page says where."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    window = open_window(None)
    click(qtbot, find(window, QPushButton, "createButton"))
    page = window.create_page
    assert page.picker_start() == home  # the suggested folder does not exist yet
    note = find(page, QLabel, "pickerNote")
    assert note.text() == "Choose… opens in your home folder."
    typed = tmp_path / "stick" / "me.lerwallet"
    typed.parent.mkdir()
    page.location.setText(str(typed))
    assert page.picker_start() == typed.parent


def test_recent_wallets_listed_and_can_be_turned_off(
    qtbot: QtBot, demo_wallet: Path, tmp_path: Path
) -> None:
    """Unlocking puts the wallet in the recent list, shown on Welcome (one click back to it); off empties it."""
    prefs = Preferences(tmp_path / "settings.json")
    window = MainWindow(demo_wallet, kdf=FAST_KDF, preferences=prefs)
    qtbot.addWidget(window)
    window.show()
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    assert prefs.values.recent == (str(demo_wallet),)
    window.lock()
    window.flow.back()
    link = find(window, QPushButton, "recentWalletButton0")
    assert link.isVisible() and link.text() == str(demo_wallet)
    click(qtbot, link)
    assert window.flow.state is Step.UNLOCK and window.flow.path == demo_wallet
    prefs.update(prefs.values.remembering(False))
    assert Preferences(tmp_path / "settings.json").values.recent == ()
    window.flow.back()
    assert window.findChild(QPushButton, "recentWalletButton0") is None or not link.isVisible()
    window.close()


def test_first_window_fits_a_small_screen_at_twice_the_text(
    qtbot: QtBot, demo_wallet: Path, tmp_path: Path, twice_the_text: QApplication
) -> None:
    """2× text on 1366×768: the window opens inside the screen, can shrink, and the page scrolls instead."""
    window = MainWindow(demo_wallet, kdf=FAST_KDF, preferences=Preferences(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    size = fit_to_screen(window, QRect(0, 0, 1366, 768), scale=2.0)
    window.show()
    unlock(qtbot, window)
    assert size.width() <= 1366 and size.height() <= 768
    assert window.width() <= 1366 and window.height() <= 768
    assert window.minimumWidth() <= 480 and window.minimumHeight() <= 360
    window.resize(600, 420)
    qtbot.waitUntil(lambda: window.width() == 600 and window.height() == 420)
    scroll = window.page_scroll
    wanted = window.workspace.minimumSizeHint()
    assert wanted.width() > 600 or wanted.height() > 420  # 2× text wants more room than that
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0 or scroll.horizontalScrollBar().maximum() > 0)
    window.close()


def test_look_settings_apply_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    """Dark, high contrast and larger text change the app's sheet, font and named colours at once."""
    prefs = Preferences(tmp_path / "settings.json")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        prefs.update(AppSettings(theme="dark", text_scale=1.5))
        assert style.PALETTES["dark"]["PAGE"] == style.PAGE and app.font().pointSize() == round(11 * 1.5)
        assert "30pt" in app.styleSheet()  # the 20pt titles, 1.5×
        prefs.update(AppSettings(theme="high contrast"))
        assert style.INK == "#000000" and "outline: 3px" in app.styleSheet()
    finally:
        style.apply(app)


@pytest.mark.parametrize("language", ["en", "es"])
def test_start_pages_at_twice_the_text_keep_every_word_without_scrolling_sideways(
    qtbot: QtBot, demo_wallet: Path, tmp_path: Path, language: str, twice_the_text: QApplication,
    english_after: None,
) -> None:
    """2× text at 1366×768: the welcome and unlock pages need no sideways scroll and no choice button cuts its
    words (the reading column grows with the text; the window asks only for the shown page's room)."""
    apply_language(language)
    window = shown_window(qtbot, None, tmp_path / "settings.json", 1366, 768)
    for show in (lambda: None, lambda: window.flow.choose_open(demo_wallet)):
        show()
        page = window.stack.currentWidget()
        qtbot.waitUntil(lambda page=page: page.isVisible())  # type: ignore[misc]
        twice_the_text.processEvents()
        assert window.page_scroll.horizontalScrollBar().maximum() == 0, page.objectName()
        for choice in page.findChildren(QPushButton):
            if choice.isVisible() and choice.text():
                assert choice.width() >= choice.sizeHint().width(), choice.text()
    window.close()


def test_the_open_wallet_at_twice_the_text_puts_its_buttons_under_the_name(
    qtbot: QtBot, demo_wallet: Path, tmp_path: Path, twice_the_text: QApplication
) -> None:
    """2× text in a 1,100-pixel window: the header's buttons go under the wallet's name instead of squeezing or
    making the window scroll sideways; at normal size they stay beside it."""
    window = shown_window(qtbot, demo_wallet, tmp_path / "settings.json", 1100, 700)
    unlock(qtbot, window)
    header = window.records.header
    buttons = [b for b in window.records.header_buttons if b.isVisible()]
    qtbot.waitUntil(lambda: all(b.width() >= b.sizeHint().width() for b in buttons))
    twice_the_text.processEvents()
    assert window.page_scroll.horizontalScrollBar().maximum() == 0
    name = find(window, QLabel, "walletName")
    assert all(b.mapTo(header, b.rect().topLeft()).y() > name.mapTo(header, name.rect().bottomLeft()).y()
               for b in buttons)  # under the name
    mark = find(window, QLabel, "appMark")
    qtbot.waitUntil(lambda: mark.width() >= mark.fontMetrics().horizontalAdvance("LER") + 8)  # the mark's letters
    assert mark.width() > 44 and mark.height() == mark.width()  # fit: a fixed 44 px box cut them
    style.apply(twice_the_text)
    qtbot.waitUntil(lambda: mark.width() == 44)  # back to its usual size
    qtbot.waitUntil(lambda: all(b.mapTo(header, b.rect().topLeft()).y() < name.mapTo(header, name.rect()
                                                                                      .bottomLeft()).y()
                                for b in buttons))  # beside it again at normal size
    window.close()
