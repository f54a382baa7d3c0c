"""Moving between the wallet's pages and waiting for the skill pages' background work, as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QTabBar
from pytestqt.qtbot import QtBot

from tests.ui.helpers import find
from ui.main_window import MainWindow

SECTIONS = {"Records": 0, "Skills": 1, "Opportunities": 2, "Pathways": 3}


def go_to(qtbot: QtBot, window: MainWindow, section: str) -> None:
    """Click the page tab called `section`."""
    nav = find(window, QTabBar, "mainNav")
    index = SECTIONS[section]
    assert nav.tabText(index) == section
    qtbot.mouseClick(nav, Qt.MouseButton.LeftButton, pos=nav.tabRect(index).center())
    assert nav.currentIndex() == index


def wait_idle(qtbot: QtBot, window: MainWindow, timeout: int = 20_000) -> None:
    """Wait until the skill pages' worker has delivered every result (the first profile takes seconds)."""
    context = window.workspace.context
    qtbot.waitUntil(lambda: not context.jobs.busy() and not context.loading, timeout=timeout)


def lines(widget: QListWidget) -> list[str]:
    """Every item's text, its lines joined with ' | '."""
    return [widget.item(n).text().replace("\n", " | ") for n in range(widget.count())]


def first_lines(widget: QListWidget) -> list[str]:
    return [widget.item(n).text().split("\n")[0] for n in range(widget.count())]


def choose(widget: QListWidget, first_line: str) -> None:
    """Make the item whose first line is `first_line` the current one."""
    names = first_lines(widget)
    assert first_line in names, f"{first_line!r} is not in {names}"
    widget.setCurrentRow(names.index(first_line))
