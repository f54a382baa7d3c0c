"""An accessibility walk (WCAG 2.2 AA as the yardstick) over the real window: on every page, each visible
interactive control has an accessible name, Tab reaches every one of them, and the themes' colour pairs keep
text at 4.5:1 or more."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.helpers import wait_for_step
from ui import style
from ui.kiosk import COUNTDOWN, Kiosk, KioskPreferences
from ui.main_window import MainWindow
from wallet.api import KioskConfig, Step

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractItemView, QTabBar)
MIN_CONTRAST = 4.5


def controls(window: MainWindow) -> list[QWidget]:
    """The interactive controls a person can see now (in the window and its visible dialogs)."""
    found: list[QWidget] = []
    for kind in INTERACTIVE:
        found += [w for w in window.findChildren(kind) if w.isVisible()]
    return found


def unnamed(window: MainWindow) -> list[str]:
    return sorted(f"{type(w).__name__} {w.objectName() or '(no objectName)'}" for w in controls(window)
                  if not w.accessibleName().strip())


def start_pages(window: MainWindow, tmp_path: Path) -> dict[str, Callable[[], None]]:
    flow = window.flow
    return {
        "welcome": lambda: None,
        "create": flow.choose_create,
        "recover": lambda: (flow.back(), flow.choose_recover()),
    }


def tab_walk(qtbot: QtBot, window: MainWindow, presses: int) -> set[QWidget]:
    seen: set[QWidget] = set()
    for _ in range(presses):
        focused = QApplication.focusWidget()
        if focused is None:
            break
        seen.add(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return seen


def tab_reachable(window: MainWindow) -> set[QWidget]:
    """Visible, enabled controls that take focus from Tab (a list or text box counts once, as itself)."""
    return {w for w in controls(window)
            if w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is window}


def test_every_start_page_names_and_reaches_its_controls(qtbot: QtBot,
                                                         open_window: Callable[[Path | None], MainWindow],
                                                         tmp_path: Path) -> None:
    """Welcome, create and recover (with the help panel open): no unnamed control; Tab visits every control."""
    window = open_window(None)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.guide.action.trigger()
    for page, go in start_pages(window, tmp_path).items():
        go()
        qtbot.wait(20)
        assert not unnamed(window), (page, unnamed(window))
        if QApplication.focusWidget() is None:
            window.guide.start_button.setFocus()
        wanted = tab_reachable(window)
        assert len(wanted) >= 4, page  # the walk has something to find
        missed = wanted - tab_walk(qtbot, window, 60)
        assert not missed, (page, sorted(w.objectName() for w in missed))


def test_every_section_of_an_open_wallet_names_its_controls(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Records, Skills, Opportunities and Pathways, with the help panel open: every control has a name."""
    window = unlocked_demo
    window.guide.action.trigger()
    for section in range(4):
        window.workspace.go_to(section)
        qtbot.wait(20)
        assert not unnamed(window), (section, unnamed(window))


def test_kiosk_controls_are_named_and_reached(qtbot: QtBot, tmp_path: Path) -> None:
    """In kiosk mode the unlock page's 'Show what I type' and the header's Sign out are named and on the Tab path."""
    config = KioskConfig(enabled=True)
    window = MainWindow(None, kdf=FAST_KDF, preferences=KioskPreferences(config))
    qtbot.addWidget(window)
    kiosk = Kiosk(window, config)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.flow.choose_create()
    window.create_page.location.setText(str(tmp_path / "k.lerwallet"))
    window.create_page.first.setText(PASSPHRASE)
    window.create_page.second.setText(PASSPHRASE)
    assert not unnamed(window)
    window.create_page.first.setFocus()
    seen = tab_walk(qtbot, window, 40)
    assert {kiosk.show_boxes[0], kiosk.show_boxes[1]} <= seen
    window.create_page.submit.click()
    wait_for_step(qtbot, window, Step.RECOVERY_CODE)
    window.recovery_code.confirm.setChecked(True)
    window.recovery_code.submit.click()
    wait_for_step(qtbot, window, Step.UNLOCKED)
    assert not unnamed(window)
    window.records.search.setFocus()
    assert kiosk.sign_out_button in tab_walk(qtbot, window, 80)
    window.close()


def contrast(one: str, two: str) -> float:
    """WCAG 2.x contrast ratio of two sRGB colours."""
    def luminance(name: str) -> float:
        colour = QColor(name)
        channels = []
        for value in (colour.redF(), colour.greenF(), colour.blueF()):
            channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", style.THEMES)
def test_theme_text_colours_meet_the_contrast_floor(theme: str) -> None:
    """Text, muted text, links and errors on the page and card colours, and selected text, are >= 4.5:1."""
    colours = style.PALETTES[theme]
    pairs = [(fg, bg) for fg in ("INK", "MUTED", "ACCENT", "ERROR") for bg in ("PAGE", "CARD")]
    low = [(fg, bg, round(contrast(colours[fg], colours[bg]), 2)) for fg, bg in pairs
           if contrast(colours[fg], colours[bg]) < MIN_CONTRAST]
    assert not low, low
    palette = style._qt_palette(theme)
    selected = contrast(palette.color(palette.ColorRole.HighlightedText).name(),
                        palette.color(palette.ColorRole.Highlight).name())
    assert selected >= MIN_CONTRAST, selected


def test_the_contrast_measure_fails_a_faint_pair() -> None:
    """The floor is real: light grey on white (#aaaaaa, 2.3:1) fails it; black on white is 21:1."""
    assert contrast("#aaaaaa", "#ffffff") < MIN_CONTRAST
    assert round(contrast("#000000", "#ffffff")) == 21


def test_kiosk_countdown_colours_meet_the_floor() -> None:
    """The countdown's dark amber on pale yellow is readable, and it says what to do in words, not colour."""
    assert contrast("#4a3800", "#fff4ce") >= MIN_CONTRAST
    assert "press a key" in COUNTDOWN
