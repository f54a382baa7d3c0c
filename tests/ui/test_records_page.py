"""The records page on an unlocked demo wallet: list, search, detail, lock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.helpers import DEMO_RECORDS, click, find, wait_for_step
from ui.main_window import MainWindow
from ui.models import RECORD_ROLE
from ui.pages.records import shorten_did
from wallet.flows.onboarding import Step
from wallet.models import EntryInput, EntryKind

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


@pytest.fixture
def window(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_wallet: Path) -> MainWindow:
    """The window on the demo wallet, unlocked through the unlock page."""
    made = open_window(demo_wallet)
    qtbot.keyClicks(find(made, QLineEdit, "passphraseInput"), PASSPHRASE)
    click(qtbot, find(made, QPushButton, "unlockButton"))
    wait_for_step(qtbot, made, Step.UNLOCKED)
    return made


def titles(model: QAbstractItemModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_unlocked_window_lists_the_demo_records(window: MainWindow) -> None:
    """After unlocking, the list holds every record and the header names the wallet and its DID."""
    records = find(window, QListView, "recordList")
    assert records.isVisible()
    assert len(titles(records.model())) == DEMO_RECORDS
    assert find(window, QLabel, "recordCount").text() == f"{DEMO_RECORDS} records"
    assert find(window, QLabel, "walletName").text() == "Maria"
    session = window.flow.session
    assert session is not None
    assert shorten_did(session.did) in find(window, QLabel, "didLabel").text()
    assert window.windowTitle() == "Maria — LER Wallet"


def test_typing_in_search_filters_the_list(qtbot: QtBot, window: MainWindow) -> None:
    """Each keystroke re-filters; clearing the box shows everything again."""
    search = find(window, QLineEdit, "searchInput")
    model = find(window, QListView, "recordList").model()
    qtbot.keyClicks(search, "exc")
    assert sorted(titles(model)) == ["Food Bank Volunteer Coordinator", "Inventory Tracker Spreadsheet"]
    assert find(window, QLabel, "recordCount").text() == f"2 of {DEMO_RECORDS} records match “exc”"
    qtbot.keyClicks(search, "x")
    assert titles(model) == []
    assert "No record matches" in find(window, QLabel, "detailMessage").text()
    search.clear()
    assert len(titles(model)) == DEMO_RECORDS


def test_selecting_a_record_shows_its_detail(qtbot: QtBot, window: MainWindow) -> None:
    """Clicking a row shows its kind (marked self-asserted), organisation, dates, skills, tags and evidence."""
    records = find(window, QListView, "recordList")
    model = records.model()
    row = titles(model).index("Food Bank Volunteer Coordinator")
    rect = records.visualRect(model.index(row, 0))
    qtbot.mouseClick(records.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = find(window, QScrollArea, "recordDetail")
    assert find(detail, QLabel, "detailTitle").text() == "Food Bank Volunteer Coordinator"
    assert find(detail, QLabel, "detailKind").text() == "Volunteering"
    badges = [b.text() for b in detail.findChildren(QLabel) if b.property("role") == "badge"]
    assert "Self-asserted" in badges and "Demo record" in badges
    assert find(detail, QLabel, "detailOrganisation").text() == "Eastside Food Bank (demo)"
    assert find(detail, QLabel, "detailDates").text() == "Jan 2020 – Dec 2022"
    assert "20 volunteers" in find(detail, QLabel, "detailDescription").text()
    skills = [c.text() for c in find(detail, QWidget, "detailSkills").findChildren(QLabel)]
    assert "Microsoft Excel" in skills
    tags = [c.text() for c in find(detail, QWidget, "detailTags").findChildren(QLabel)]
    assert set(tags) == {"community", "demo"}
    assert "reference-note.txt" in find(detail, QLabel, "detailEvidence").text()
    assert "self-asserted" in detail.accessibleDescription()


def test_keyboard_moves_through_the_list(qtbot: QtBot, window: MainWindow) -> None:
    """Arrow keys in the list change the record shown on the right."""
    records = find(window, QListView, "recordList")
    first = records.currentIndex().data(RECORD_ROLE)
    qtbot.keyClick(records, Qt.Key.Key_Down)
    second = records.currentIndex().data(RECORD_ROLE)
    assert second.id != first.id
    assert find(window, QLabel, "detailTitle").text() == second.title


def test_lock_button_returns_to_unlock_and_locks_the_session(qtbot: QtBot, window: MainWindow) -> None:
    """Lock closes the session, empties the list and shows the unlock page again."""
    session = window.flow.session
    assert session is not None
    click(qtbot, find(window, QPushButton, "lockButton"))
    assert session.is_locked
    assert find(window, QLineEdit, "passphraseInput").isVisible()
    assert find(window, QListView, "recordList").model().rowCount() == 0
    assert window.flow.state is Step.UNLOCK
    assert window.windowTitle() == "LER Wallet"


def test_ctrl_l_locks(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+L locks from anywhere on the records page."""
    session = window.flow.session
    assert session is not None
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(find(window, QListView, "recordList"), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert session.is_locked
    assert find(window, QLineEdit, "passphraseInput").isVisible()


def test_new_records_appear_without_reopening(window: MainWindow) -> None:
    """A record added to the session shows up at once (the page listens to records_changed)."""
    session = window.flow.session
    assert session is not None
    session.add_entry(EntryInput(kind=EntryKind.PROJECT, title="Community Garden Rota"))
    assert "Community Garden Rota" in titles(find(window, QListView, "recordList").model())
    assert find(window, QLabel, "recordCount").text() == f"{DEMO_RECORDS + 1} records"


def test_shorten_did_keeps_both_ends() -> None:
    """A long DID is shortened to its method and both ends; short ones stay whole."""
    did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    assert shorten_did(did) == "did:key:z6Mkha…2doK"
    assert shorten_did("did:web:a.org") == "did:web:a.org"
