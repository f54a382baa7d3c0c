"""A credential's own words cannot fake the verdict: issuer text is shown as plain text everywhere.

The hostile badge is imported through the real window like any other file; its name, issuer name,
description, criteria and a skill hold HTML and hostile Markdown claiming "✔ VERIFIED".
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QListView, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.hostile_credentials import (
    HTML_COMMENT,
    HTML_DESCRIPTION,
    HTML_ENDORSER,
    HTML_ISSUER,
    HTML_NAME,
    HTML_SKILL,
    html_badge,
    html_endorsement,
)
from tests.ui.helpers import click, find, select
from ui.dialogs.import_dialogs import ImportResultsDialog
from ui.main_window import MainWindow
from ui.status import ZWSP
from wallet.safe_markdown import ALLOWED_TAGS

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


@pytest.fixture
def hostile_shown(qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path,
                  monkeypatch: pytest.MonkeyPatch) -> tuple[MainWindow, ImportResultsDialog]:
    """The demo window with the hostile badge imported (through Import…) and chosen in the list."""
    session = unlocked_demo.flow.session
    assert session is not None
    badge = tmp_path / "nursing-licence.json"
    badge.write_text(json.dumps(html_badge(session.did)), "utf-8")
    endorsement = tmp_path / "board-endorsement.json"
    endorsement.write_text(json.dumps(html_endorsement(html_badge(session.did))), "utf-8")

    def choose(*_args: Any, **_kwargs: Any) -> tuple[list[str], str]:
        return [str(badge), str(endorsement)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    find(unlocked_demo, QAction, "importAction").trigger()
    dialog = find(unlocked_demo, QDialog, "importResults")
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    assert isinstance(dialog, ImportResultsDialog)
    lines = dialog.lines()
    click(qtbot, find(dialog, QPushButton, "importResultsClose"))
    select(qtbot, unlocked_demo, HTML_NAME)
    dialog.setProperty("shown_lines", lines)
    return unlocked_demo, dialog


def _seen(widget: QLabel) -> str:
    """What a person reads: the label's text without the zero-width wrapping points long runs get."""
    return widget.text().replace(ZWSP, "")


def _labels_showing(window: QWidget, text: str) -> list[QLabel]:
    return [w for w in window.findChildren(QLabel) if text in _seen(w) and w.isVisible()]


def test_issuer_html_is_shown_literally_in_plain_text_labels(hostile_shown: tuple[MainWindow, Any]) -> None:
    """The name, issuer name and description appear as the literal text, each in a plain-text label."""
    window, _ = hostile_shown
    title = find(window, QLabel, "detailTitle")
    assert title.text() == HTML_NAME and title.isVisible()
    assert title.textFormat() == Qt.TextFormat.PlainText
    for text in (HTML_NAME, HTML_ISSUER, HTML_DESCRIPTION):
        shown = _labels_showing(window, text)
        assert shown, f"nothing shows {text!r}"
        assert all(w.textFormat() == Qt.TextFormat.PlainText for w in shown)
    assert _seen(find(window, QLabel, "issuerName")) == HTML_ISSUER
    assert _seen(find(window, QLabel, "detailOrganisation")) == HTML_ISSUER
    assert find(window, QLabel, "detailDescription").text() == HTML_DESCRIPTION


def test_no_label_in_the_window_guesses_rich_text(hostile_shown: tuple[MainWindow, Any]) -> None:
    """Every label is plain text, except the criteria's safe Markdown, which holds only the allowed tags."""
    window, _ = hostile_shown
    rich = [w for w in window.findChildren(QLabel) if w.textFormat() != Qt.TextFormat.PlainText]
    assert [w.objectName() for w in rich] == ["detailCriteria"]
    assert rich[0].textFormat() == Qt.TextFormat.RichText
    tags = re.findall(r"<[^>]*>", rich[0].text())
    names = [re.fullmatch(r"</?([a-z]+)>", tag) for tag in tags]  # no attributes: only <name> or </name>
    assert tags and all(found is not None and found[1] in ALLOWED_TAGS for found in names), tags


def test_criteria_markdown_renders_without_links_images_or_headings(hostile_shown: tuple[MainWindow, Any]) -> None:
    """The criteria show bold and a list, links as plain words and address, images as a note, no banner."""
    window, _ = hostile_shown
    criteria = find(window, QLabel, "detailCriteria")
    assert not criteria.openExternalLinks()
    assert not criteria.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByMouse
    document = QTextDocument()
    document.setHtml(criteria.text())
    plain = document.toPlainText()
    assert "the board exam (javascript:alert(1))" in plain
    assert "[image: seal]" in plain and "<style>*{color:green}</style>" in plain
    block = document.begin()
    while block.isValid():
        assert block.blockFormat().headingLevel() == 0
        fragments = block.begin()
        while not fragments.atEnd():
            char_format = fragments.fragment().charFormat()
            assert not char_format.isAnchor() and not char_format.isImageFormat()
            assert not isinstance(char_format, QTextImageFormat)
            fragments += 1
        block = block.next()


def test_the_verdict_is_the_apps_own_and_says_not_verified(hostile_shown: tuple[MainWindow, Any]) -> None:
    """The edited badge fails its signature; the app's pills say so, apart from the issuer's claim."""
    window, _ = hostile_shown
    report = find(window, QWidget, "verificationReport")
    assert find(report, QLabel, "verificationStatus").text() == "✗ Not verified"
    assert find(report, QLabel, "verdictMark").text() == "LER"
    assert find(window, QLabel, "detailStatus").text() == "✗ Not verified"
    assert find(report, QLabel, "check_signature").text() == "✗ Failed"
    assert not _labels_showing(report, "State Nursing Board")  # no issuer words inside the verdict panel
    trust = find(window, QLabel, "issuerTrust")  # the ID is a trusted one, but this copy was edited
    assert trust.text() == "! A trusted ID, but the signature does not prove it"


def test_skill_chips_and_tooltips_keep_html_as_text(hostile_shown: tuple[MainWindow, Any]) -> None:
    """A skill named with a link is a plain chip; tooltips holding issuer text are escaped."""
    window, _ = hostile_shown
    chips = _labels_showing(find(window, QWidget, "detailSkills"), HTML_SKILL)
    assert chips and all(c.textFormat() == Qt.TextFormat.PlainText for c in chips)
    assert all("<a" not in c.toolTip() for c in chips)
    records = find(window, QListView, "recordList")
    tip = str(records.currentIndex().data(Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith("<p>") and "&lt;h1 style=&#x27;color:green&#x27;&gt;" in tip and "<h1" not in tip


def test_import_results_keep_the_title_and_the_verdict_on_separate_lines(
    hostile_shown: tuple[MainWindow, ImportResultsDialog],
) -> None:
    """In the import results the issuer's title has its own line and the wallet's verdict another."""
    _, dialog = hostile_shown
    lines = dialog.property("shown_lines")[0].split("\n")
    assert lines[:3] == ["✓ Imported: nursing-licence.json", HTML_NAME, "Checked by LER Wallet: ✗ Not verified"]


def test_endorsement_names_and_comments_are_plain_text(hostile_shown: tuple[MainWindow, Any]) -> None:
    """An endorser's HTML name and comment show literally, on plain-text labels beside the app's own pill."""
    window, _ = hostile_shown
    endorsements = find(window, QWidget, "endorsementList")
    endorser = find(endorsements, QLabel, "endorser")
    comment = find(endorsements, QLabel, "endorsementComment")
    assert endorser.text() == f"Endorsed by {HTML_ENDORSER}"
    assert comment.text() == f"“{HTML_COMMENT}”"
    assert endorser.textFormat() == comment.textFormat() == Qt.TextFormat.PlainText
