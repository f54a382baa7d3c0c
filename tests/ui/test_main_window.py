"""Keyboard use of the main window: Tab goes all the way round on a skills page, and focus is easy to see."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import wait_for_step
from ui.main_window import MainWindow
from wallet.flows.onboarding import Step

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


def _walk(qtbot: QtBot, window: MainWindow, presses: int, back: bool = False) -> list[str]:
    seen: list[str] = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused.objectName())
        qtbot.keyClick(focused, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab,
                       Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier)
    return seen


def test_tab_goes_round_on_opportunities(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Tab from Lock reaches the page tabs and About again on every pass (it skipped them after one), and
    Shift+Tab from the page tabs goes back to Lock."""
    window = unlocked_demo
    window.activateWindow()
    window.workspace.go_to(2, focus=True)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    seen = _walk(qtbot, window, 30)
    lock = seen.index("lockButton")
    assert seen[lock + 1:lock + 3] == ["mainNav", "aboutButton"]
    second = seen.index("lockButton", lock + 1)
    assert seen[second + 1:second + 3] == ["mainNav", "aboutButton"]
    window.workspace.nav.setFocus()
    assert _walk(qtbot, window, 2, back=True) == ["mainNav", "lockButton"]


def _changed_pixels(widget: QWidget, before: QImage) -> int:
    """Pixels whose colour changed strongly (a faint tint or a dotted line does not count for much)."""
    after = widget.grab().toImage()

    def far(x: int, y: int) -> bool:
        a, b = before.pixelColor(x, y), after.pixelColor(x, y)
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > 150

    return sum(1 for x in range(before.width()) for y in range(before.height()) if far(x, y))


def test_focus_on_links_and_page_tabs_is_plain_to_see(
    qtbot: QtBot, open_window: object, demo_wallet: Path
) -> None:
    """Focusing a link button or the page tabs draws a strong frame (a 2px accent border), not a faint tint."""
    window = open_window(demo_wallet)  # type: ignore[operator]
    assert isinstance(window, MainWindow)
    window.activateWindow()
    link = window.unlock.forgot
    window.unlock.passphrase.setFocus()
    before = link.grab().toImage()
    link.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(link.hasFocus)
    assert _changed_pixels(link, before) > (link.width() + link.height()) * 2
    window.flow.submit_unlock("correct horse battery")
    wait_for_step(qtbot, window, Step.UNLOCKED)
    nav = window.workspace.nav
    window.records.search.setFocus()
    before = nav.grab().toImage()
    nav.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(nav.hasFocus)
    tab = nav.tabRect(nav.currentIndex())
    assert _changed_pixels(nav, before) > (tab.width() + tab.height()) * 2
