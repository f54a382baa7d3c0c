"""Wallet menu → Your profile…: name and contact lines saved, identifiers that claim credentials, and how a
credential issued to someone else is marked in the list and the detail."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QListWidget, QPlainTextEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.helpers import click, find, select, wait_for_step
from ui.dialogs.holder_profile import HolderProfileDialog
from ui.main_window import MainWindow
from ui.models import RECORD_ROLE
from wallet import lifecycle
from wallet.credentials import demo_issuers
from wallet.flows.onboarding import Step

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]

PHONE = "did:example:sams-phone-wallet"
BADGE = "Certified Forklift Operator"


@pytest.fixture
def window_with_someone_elses_badge(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_wallet: Path, tmp_path: Path
) -> MainWindow:
    """The demo wallet, unlocked, after importing a forklift badge issued to another wallet's DID."""
    with lifecycle.open_wallet(demo_wallet, PASSPHRASE) as session:
        badge = demo_issuers.forklift_badge(PHONE)
        badge_bytes = json.dumps(badge).encode()
        [outcome] = session.credentials.import_bytes(badge_bytes, "phone-badge.json")
        assert outcome.outcome == "imported"
    window = open_window(demo_wallet)
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    return window


def open_profile(qtbot: QtBot, window: MainWindow) -> HolderProfileDialog:
    """Choose Your profile… in the header's Wallet menu."""
    menu_button = find(window, QToolButton, "walletMenuButton")
    action = find(window, QAction, "holderProfileAction")
    assert action in menu_button.menu().actions() and action.isEnabled()
    assert action.text() == "Your profile…"
    action.trigger()
    dialog = find(window, HolderProfileDialog, "holderProfileDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def row_summaries(window: MainWindow, title: str) -> list[str]:
    model = find(window, QListView, "recordList").model()
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    return [str(i.data(Qt.ItemDataRole.AccessibleTextRole)) for i in rows if i.data() == title]


def test_profile_dialog_shows_and_saves_name_and_contacts(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_wallet: Path
) -> None:
    """The dialog shows the demo holder; a new name and contact lines are saved and the dialog closes."""
    window = open_window(demo_wallet)
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    session = window.flow.session
    assert session is not None
    dialog = open_profile(qtbot, window)
    name = find(dialog, QLineEdit, "holderName")
    assert name.text() == "Sam Rivera (demo)" and dialog.focusWidget() is name
    assert find(dialog, QLabel, "holderDid").text() == session.did
    identifiers = find(dialog, QListWidget, "holderIdentifiers")
    assert [identifiers.item(i).text() for i in range(identifiers.count())] == ["sam.learner@example.org"]
    name.clear()
    qtbot.keyClicks(name, "Maria Ortiz")
    contacts = find(dialog, QPlainTextEdit, "holderContacts")
    contacts.setPlainText("maria@example.org\n555-0100\n")
    click(qtbot, find(dialog, QPushButton, "holderSave"))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    profile = session.reader.holder.profile()
    assert (profile.name, profile.contacts) == ("Maria Ortiz", ("maria@example.org", "555-0100"))


def test_a_bad_name_says_why_and_keeps_the_dialog_open(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_wallet: Path
) -> None:
    """A name longer than the limit gets one sentence; nothing is saved."""
    window = open_window(demo_wallet)
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    dialog = open_profile(qtbot, window)
    find(dialog, QLineEdit, "holderName").setText("x" * 200)
    click(qtbot, find(dialog, QPushButton, "holderSave"))
    error = find(dialog, QLabel, "holderError")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert error.text() == "The name is too long (over 120 characters)."
    assert dialog.isVisible()
    assert window.flow.session is not None and window.flow.session.reader.holder.profile().name == "Sam Rivera (demo)"


def test_someone_elses_badge_is_marked_until_its_identifier_is_added(
    qtbot: QtBot, window_with_someone_elses_badge: MainWindow
) -> None:
    """Listed and shown as someone else's; adding the other wallet's DID in Your profile claims it (1 credential),
    a bad identifier gets a sentence, and removing it marks the badge again."""
    window = window_with_someone_elses_badge
    marked = [s for s in row_summaries(window, BADGE) if "issued to someone else" in s]
    assert len(marked) == 1 and len(row_summaries(window, BADGE)) == 2
    dialog = open_profile(qtbot, window)
    new = find(dialog, QLineEdit, "newIdentifier")
    qtbot.keyClicks(new, "not an identifier")
    click(qtbot, find(dialog, QPushButton, "addIdentifierButton"))
    error = find(dialog, QLabel, "holderError")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert error.text().startswith("An identifier is an email address, a DID or a web address")
    new.clear()
    qtbot.keyClicks(new, PHONE)
    click(qtbot, find(dialog, QPushButton, "addIdentifierButton"))
    note = find(dialog, QLabel, "holderNote")
    qtbot.waitUntil(note.isVisible, timeout=10_000)
    assert note.text() == "1 credential in your wallet is now shown as yours."
    identifiers = find(dialog, QListWidget, "holderIdentifiers")
    assert [identifiers.item(i).text() for i in range(identifiers.count())] == ["sam.learner@example.org", PHONE]
    assert not error.isVisible() and new.text() == ""
    qtbot.waitUntil(lambda: not any("someone else" in s for s in row_summaries(window, BADGE)), timeout=10_000)

    identifiers.setCurrentRow(1)
    click(qtbot, find(dialog, QPushButton, "removeIdentifierButton"))
    qtbot.waitUntil(lambda: note.text() == "1 credential in your wallet is no longer shown as yours.", timeout=10_000)
    click(qtbot, find(dialog, QPushButton, "holderClose"))
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: any("someone else" in s for s in row_summaries(window, BADGE)), timeout=10_000)


def test_the_detail_says_who_it_was_issued_to(qtbot: QtBot, window_with_someone_elses_badge: MainWindow) -> None:
    """The badge issued to another DID says so in its detail, and its report has an "Issued to you" line."""
    window = window_with_someone_elses_badge
    records = find(window, QListView, "recordList")
    model = records.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        record = index.data(RECORD_ROLE)
        if index.data() == BADGE and record.credential.for_someone_else:
            records.scrollTo(index)
            qtbot.mouseClick(records.viewport(), Qt.MouseButton.LeftButton, pos=records.visualRect(index).center())
            break
    issued_to = find(window, QLabel, "issuedTo").text().replace("\u200b", "")  # break points inside long IDs
    assert issued_to.startswith(f"Someone else ({PHONE}), not you: kept, but not counted as yours.")
    assert find(window, QLabel, "verificationSentence").text().startswith("Verified")
    assert find(window, QLabel, "verificationRecipient").text().startswith("But it was issued to someone else")
    assert find(window, QLabel, "check_recipient").text() == "✗ Failed"
    select(qtbot, window, "Customer Service with Digital Tools")
    assert find(window, QLabel, "issuedTo").text() == "You (this wallet's ID)"


def test_locking_closes_the_profile_dialog(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_wallet: Path
) -> None:
    """Locking the wallet closes Your profile and disables its menu item."""
    window = open_window(demo_wallet)
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    dialog = open_profile(qtbot, window)
    window.flow.lock()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert not find(window, QAction, "holderProfileAction").isEnabled()
