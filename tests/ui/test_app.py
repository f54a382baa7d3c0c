"""Starting the app, its fonts, and what every page offers to keyboard and screen-reader users."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.helpers import wait_for_step
from ui import app as app_module
from ui.main_window import MainWindow
from ui.resources import FONT_FAMILY, font_files, register_fonts
from wallet.flows.onboarding import Step

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


def _run_and_capture(monkeypatch: pytest.MonkeyPatch, wallet_path: Path | None) -> MainWindow:
    """Call run_app, but instead of entering the event loop, capture and close the window it shows."""
    seen: list[MainWindow] = []

    def fake_exec(self: QApplication) -> int:
        seen.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        for window in seen:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its own; put it back
    assert app_module.run_app(wallet_path) == 0
    assert len(seen) == 1
    return seen[0]


def test_run_app_opens_the_default_wallet_when_there_is_one(
    monkeypatch: pytest.MonkeyPatch, demo_wallet: Path
) -> None:
    """With no path given and a wallet at the default place, the app starts at its unlock page."""
    monkeypatch.setenv("LER_WALLET", str(demo_wallet))
    window = _run_and_capture(monkeypatch, None)
    assert window.objectName() == "mainWindow"
    assert window.flow.path == demo_wallet
    assert QApplication.applicationName() == "LER Wallet"
    window.deleteLater()


def test_run_app_shows_welcome_without_a_wallet(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no wallet anywhere, the app starts at the welcome page."""
    window = _run_and_capture(monkeypatch, None)
    assert window.flow.state is Step.CLOSED  # closed by the fake event loop
    assert window.welcome.create_button.text() == "Create a new wallet"
    window.deleteLater()


def test_bundled_fonts_are_found_and_used() -> None:
    """Both DejaVu fonts are found in the resources and the base font is DejaVu Sans at 11pt or more."""
    assert [f.name for f in font_files()] == ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]
    assert FONT_FAMILY in register_fonts()
    font = QApplication.font()
    assert font.family() == FONT_FAMILY and font.pointSizeF() >= 11


def _interactive(window: QWidget) -> list[QWidget]:
    widgets: list[QWidget] = []
    for kind in (QAbstractButton, QLineEdit, QAbstractItemView):
        for widget in window.findChildren(kind):
            if isinstance(widget.parent(), QLineEdit):
                continue  # the line edit's own clear button
            widgets.append(widget)
    return widgets


def test_every_interactive_widget_is_named(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_wallet: Path
) -> None:
    """Every button, field and list has an objectName (for tests) and an accessible name (for readers)."""
    window = open_window(demo_wallet)
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    unnamed = [f"{type(w).__name__} {w.objectName()!r} {w.accessibleName()!r}"
               for w in _interactive(window) if not (w.objectName() and w.accessibleName())]
    assert not unnamed


def test_unlock_page_tab_order(open_window: Callable[[Path | None], MainWindow], demo_wallet: Path) -> None:
    """Tab goes passphrase → Unlock → 'Forgot your passphrase?' → 'Use a different wallet'."""
    window = open_window(demo_wallet)
    order: list[str] = []
    widget: QWidget = window.unlock.passphrase
    while len(order) < 4:
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget.objectName())
        following = widget.nextInFocusChain()
        assert following is not None
        widget = following
    assert order == ["passphraseInput", "unlockButton", "forgotButton", "otherWalletButton"]
