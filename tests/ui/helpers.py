"""Finding the window's widgets by objectName, the way a person finds them by their label."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from wallet.flows.onboarding import Step

T = TypeVar("T", bound=QObject)


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
