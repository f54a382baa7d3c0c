"""The view editor at the window's default size: Move up / Move down are in sight, above the Save row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from tests.ui.helpers import find
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


@pytest.mark.parametrize("size", [(1100, 700), (1366, 768)])
def test_move_buttons_are_not_cut_off(qtbot: QtBot, unlocked_demo: MainWindow, size: tuple[int, int]) -> None:
    """With a view open, each Move button lies wholly inside the editor's visible area, above Save."""
    window = unlocked_demo
    window.resize(*size)
    session = window.flow.session
    assert session is not None
    view = session.skills.create_view("Forklift job")
    window.workspace.go_to(2)
    page = window.workspace.opportunities
    page.tabs.setCurrentIndex(1)
    page._open(view.id)
    qtbot.waitUntil(lambda: page.editor.view is not None, timeout=30_000)
    scroll = find(page, QScrollArea, "viewEditorScroll")
    save = find(page, QPushButton, "saveViewButton")
    viewport = scroll.viewport()
    seen = QRect(viewport.mapTo(window, viewport.rect().topLeft()), viewport.size())
    for name in ("viewRecordUp", "viewRecordDown", "viewSkillUp", "viewSkillDown"):
        move = find(page, QPushButton, name)
        placed = QRect(move.mapTo(window, move.rect().topLeft()), move.size())
        assert move.isVisible() and seen.contains(placed), name
        assert placed.bottom() < save.mapTo(window, save.rect().topLeft()).y(), name


def test_window_is_scrollable_not_clipped(unlocked_demo: MainWindow) -> None:
    """The window's pages sit in one scroll area that only scrolls when the page wants more room."""
    window = unlocked_demo
    window.resize(1100, 700)
    scroll = window.page_scroll
    assert scroll.widget() is window.stack and scroll.widgetResizable()
