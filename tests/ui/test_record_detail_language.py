"""The records page and a record's details built in Spanish from the demo wallet show Spanish words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QListView, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import find, select, shown_window, unlock
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui]


def test_records_page_and_details_speak_spanish(
    qtbot: QtBot, demo_wallet: Path, open_window: Callable[[Path | None], MainWindow], spanish: None
) -> None:
    """In Spanish: the search hint, Show hidden, a row's spoken status, an entry's and a credential's details."""
    window = open_window(demo_wallet)
    unlock(qtbot, window)
    assert find(window, QLineEdit, "searchInput").placeholderText() == "Buscar por título, habilidad, organización…"
    assert find(window, QCheckBox, "showHidden").text() == "Mostrar ocultos"
    assert find(window, QWidget, "recordDetail").accessibleName() == "Detalles del registro"
    model = find(window, QListView, "recordList").model()
    spoken = [model.index(r, 0).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(model.rowCount())]
    assert any("Credencial" in s for s in spoken) and not any("Credential," in s for s in spoken)
    select(qtbot, window, "Family Caregiver")  # a record's own title keeps its words
    assert "Declarado por usted — lo escribió usted" in find(window, QLabel, "selfAssertedLabel").text()
    captions = [w.text() for w in window.records.detail.findChildren(QLabel)]
    assert "Tipo" in captions and "Kind" not in captions
    select(qtbot, window, "Certified Forklift Operator")
    captions = [w.text() for w in window.records.detail.findChildren(QLabel)]
    assert "Credencial emitida" in captions and "Issued credential" not in captions


def test_header_at_twice_the_text_in_a_1366_window_needs_no_sideways_scroll(
    qtbot: QtBot, demo_wallet: Path, tmp_path: Path, twice_the_text: QApplication
) -> None:
    """2× text at 1366x768 on the records page: the workspace does not scroll sideways."""
    window = shown_window(qtbot, demo_wallet, tmp_path / "settings.json", 1366, 768)
    unlock(qtbot, window)
    twice_the_text.processEvents()
    assert window.page_scroll.horizontalScrollBar().maximum() == 0
    window.close()
