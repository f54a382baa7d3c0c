"""Finding the window's widgets by objectName, the way a person finds them by their label."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QListView, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from ui.main_window import MainWindow
from ui.settings import Preferences
from wallet.flows.onboarding import Step

T = TypeVar("T", bound=QObject)

DEMO_RECORDS = 13
"""Seven self-asserted entries and six issued credentials (wallet.demo and wallet.credentials.demo_issuers)."""


def find(window: QWidget, kind: type[T], name: str) -> T:
    widget = window.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name!r}"
    return widget


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), f"{widget.objectName()} can't be clicked now"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def wait_for_step(qtbot: QtBot, window: MainWindow, step: Step) -> None:
    """Wait for the background work (Argon2id on a worker thread) to land on `step`."""
    qtbot.waitUntil(lambda: window.flow.state is step, timeout=10_000)


def unlock(qtbot: QtBot, window: MainWindow) -> None:
    """Type the test passphrase on the Unlock page and wait for the wallet to open."""
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)


def shown_window(qtbot: QtBot, wallet: Path | None, settings: Path, width: int, height: int) -> MainWindow:
    """A main window on `wallet` with its own settings file, sized and shown (not yet unlocked)."""
    window = MainWindow(wallet, kdf=FAST_KDF, preferences=Preferences(settings))
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def select(qtbot: QtBot, window: MainWindow, title: str) -> None:
    """Click the list row called `title`, as a person would."""
    records = find(window, QListView, "recordList")
    model = records.model()
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert title in titles, f"no record called {title!r}"
    index = model.index(titles.index(title), 0)
    records.scrollTo(index)
    qtbot.mouseClick(records.viewport(), Qt.MouseButton.LeftButton, pos=records.visualRect(index).center())
    assert find(window, QLabel, "detailTitle").text() == title
