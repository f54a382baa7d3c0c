"""About's "Third-party notices…" button shows THIRD-PARTY-NOTICES as read-only plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.helpers import click, find
from ui.dialogs import about
from ui.dialogs.about import AboutDialog

pytestmark = pytest.mark.gui
NOTICES = Path(__file__).resolve().parents[2] / "THIRD-PARTY-NOTICES"


def test_notices_button_shows_the_whole_file_read_only(qtbot: QtBot) -> None:
    """The notices dialog holds the repository's THIRD-PARTY-NOTICES word for word and cannot be edited."""
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.start()
    click(qtbot, find(dialog, QPushButton, "aboutNotices"))
    notices = find(dialog, QDialog, "noticesDialog")
    assert notices.isVisible()
    text = find(notices, QPlainTextEdit, "noticesText")
    assert text.isReadOnly()
    assert text.toPlainText() == NOTICES.read_text(encoding="utf-8")
    assert "Library: PySide6_Essentials" in text.toPlainText() and "ESCO" in text.toPlainText()
    click(qtbot, find(notices, QPushButton, "noticesClose"))
    assert not notices.isVisible()


def test_missing_notices_file_is_said_plainly(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the file (a plain wheel install) the dialog says so instead of showing nothing."""
    monkeypatch.setattr(about, "third_party_notices", lambda: None)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.start()
    click(qtbot, find(dialog, QPushButton, "aboutNotices"))
    text = find(find(dialog, QDialog, "noticesDialog"), QPlainTextEdit, "noticesText")
    assert text.toPlainText() == about.NO_NOTICES
