"""The records, Share and Check pages built in Spanish show Spanish words (the records and sharing catalogues)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.helpers import click, find, unlock
from ui.main_window import MainWindow


def test_records_share_and_check_pages_speak_spanish(
    qtbot: QtBot, demo_wallet: Path, open_window: Callable[[Path | None], MainWindow], spanish: None
) -> None:
    """In Spanish: the record count, Lock, a credential's badge, the Share page and the Check page's buttons."""
    window = open_window(demo_wallet)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: find(window, QLabel, "recordCount").text().endswith("registros"))
    assert find(window, QPushButton, "lockButton").text() == "Bloquear"
    assert find(window, QLabel, "didLabel").text().startswith("Su identificador (DID):")
    click(qtbot, find(window, QPushButton, "shareButton"))
    assert window.stack.currentWidget() is window.share_page
    share_words = [b.text() for b in window.share_page.findChildren(QPushButton) if b.text()]
    assert "Vista previa" in share_words and "Guardar PDF…" in share_words
    assert "Preview" not in share_words
    window.show_aside(window.check_page)
    assert find(window.check_page, QPushButton, "checkOpenButton").text() == "Abrir archivos para comprobar…"
    assert find(window.check_page, QPushButton, "checkClearButton").text() == "Borrar"
