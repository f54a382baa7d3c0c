"""The wallet's own sentences in the window: a credential's saved report reads in
Spanish when the app is in Spanish, whatever language the report was saved in."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.pages.verification_view import VerificationView
from wallet.credentials import demo_issuers, formats
from wallet.credentials.saved_report import SavedReport
from wallet.credentials.verifier import Verifier, VerifyOptions


def _saved_in_english() -> SavedReport:
    [item] = formats.parse(json.dumps(demo_issuers.expired_cpr("did:example:learner")).encode())
    report = Verifier(VerifyOptions(now=datetime(2026, 1, 1, tzinfo=UTC))).verify(item)
    return SavedReport.from_json(json.loads(json.dumps(report.to_json(kept=True))), "2026-01-01T00:00:00Z")


def test_a_report_saved_in_english_shows_in_spanish(qtbot: QtBot, spanish: None) -> None:
    """The verification panel built in Spanish shows the status and each check's sentence in Spanish."""
    view = VerificationView(_saved_in_english())
    qtbot.addWidget(view)
    view.resize(1000, 700)
    names = [widget.accessibleName() for widget in view.findChildren(QLabel)]
    assert any(name.startswith("Venció el ") for name in names), names
    assert any("no está en su lista de emisores de confianza" in name for name in names), names
    assert not any(name.startswith("Expired on ") for name in names)


def test_the_same_report_shows_in_english_by_default(qtbot: QtBot) -> None:
    """Built in English, the same saved report keeps its English sentences."""
    view = VerificationView(_saved_in_english())
    qtbot.addWidget(view)
    names = [widget.accessibleName() for widget in view.findChildren(QLabel)]
    assert any(name.startswith("Expired on ") for name in names), names
