"""The records page and a record's details built in Spanish from the demo wallet show Spanish words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QListView, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.helpers import find, select, wait_for_step
from ui import style
from ui.i18n import apply_language
from ui.main_window import MainWindow
from ui.settings import Preferences
from wallet.flows.onboarding import Step

pytestmark = [pytest.mark.gui]


def test_records_page_and_details_speak_spanish(
    qtbot: QtBot, demo_wallet: Path, open_window: Callable[[Path | None], MainWindow]
) -> None:
    """In Spanish: the search hint, Show hidden, a row's spoken status, an entry's and a credential's details."""
    apply_language("es")
    try:
        window = open_window(demo_wallet)
        window.flow.submit_unlock(PASSPHRASE)
        wait_for_step(qtbot, window, Step.UNLOCKED)
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
    finally:
        apply_language("en")


def test_header_at_twice_the_text_in_a_1366_window_needs_no_sideways_scroll(
    qtbot: QtBot, demo_wallet: Path, tmp_path: Path
) -> None:
    """2× text at 1366x768 on the records page: the workspace does not scroll sideways."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style.apply(app, "light", 2.0)
    try:
        window = MainWindow(demo_wallet, kdf=FAST_KDF, preferences=Preferences(tmp_path / "settings.json"))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.flow.submit_unlock(PASSPHRASE)
        wait_for_step(qtbot, window, Step.UNLOCKED)
        app.processEvents()
        assert window.page_scroll.horizontalScrollBar().maximum() == 0
        window.close()
    finally:
        style.apply(app)
