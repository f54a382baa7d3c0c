"""Issued credentials on the records page: status in the list, the verification report, a CLR's contents,
endorsements, the issuer, self-asserted entries, and checking again on the worker thread."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.helpers import click, find, select
from ui.main_window import MainWindow
from ui.pages.clr_tree import ClrTree
from wallet.credential_service import CredentialService
from wallet.errors import WalletError

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]

FORKLIFT = "Certified Forklift Operator"
CLR = "Riverside Community College transcript (demo)"
EXPIRED = "CPR and First Aid (Adult)"
ENDORSEMENT = "Endorsement of Certified Forklift Operator"
HOSTED = "3D Printing Basics"


def row_texts(window: MainWindow) -> dict[str, str]:
    """Each row's title → what a screen reader hears for it."""
    model = find(window, QListView, "recordList").model()
    return {model.index(row, 0).data(): model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
            for row in range(model.rowCount())}


def check_text(window: MainWindow, check: str) -> str:
    """The outcome shown for one check of the verification report, e.g. '✗ Failed'."""
    report = find(window, QWidget, "verificationReport")
    return find(report, QLabel, "check_" + "_".join(check.split())).text()


def test_list_rows_say_each_credentials_status_in_words(unlocked_demo: MainWindow) -> None:
    """Rows speak the status as a word; entries say self-asserted (the pill also shows a symbol)."""
    rows = row_texts(unlocked_demo)
    assert "Credential, verified." in rows[FORKLIFT]
    assert "Credential, verified, with warnings." in rows[ENDORSEMENT]
    assert "Credential, not verified." in rows[EXPIRED]
    assert "Credential, can't check offline." in rows[HOSTED]
    assert "Volunteering, self-asserted." in rows["Food Bank Volunteer Coordinator"]


def test_list_pill_texts_have_symbol_and_word(unlocked_demo: MainWindow) -> None:
    """The pill drawn on each row pairs a symbol with a word, so colour is never the only sign."""
    from ui.models import RECORD_ROLE, row_look

    model = find(unlocked_demo, QListView, "recordList").model()
    looks = {model.index(r, 0).data(): row_look(model.index(r, 0).data(RECORD_ROLE)).text
             for r in range(model.rowCount())}
    assert looks[FORKLIFT] == "✓ Verified"
    assert looks[ENDORSEMENT] == "! Verified, with warnings"
    assert looks[EXPIRED] == "✗ Not verified"
    assert looks[HOSTED] == "? Can't check offline"
    assert looks["Family Caregiver"] == "✎ Self-asserted"


def test_verified_badge_shows_each_check_issuer_skills_and_endorsement(
    qtbot: QtBot, unlocked_demo: MainWindow
) -> None:
    """The forklift badge: verified, every check passed, trusted issuer, ESCO skills, the supervisor's endorsement."""
    select(qtbot, unlocked_demo, FORKLIFT)
    report = find(unlocked_demo, QWidget, "verificationReport")
    assert report.isVisible()
    assert find(report, QLabel, "verificationStatus").text() == "✓ Verified"
    assert find(report, QLabel, "verificationSentence").text().startswith("Verified: the signature is good")
    for check in ("signature", "issuer key", "validity period", "status", "schema", "trusted issuer"):
        assert check_text(unlocked_demo, check) == "✓ Passed", check
    assert "Riverside Distribution (demo) is on your list" in report.accessibleDescription()
    assert find(unlocked_demo, QLabel, "issuerTrust").text() == "✓ On your list of trusted issuers"
    assert unlocked_demo.findChild(QPushButton, "trustIssuerButton") is None
    skills = [c.text() for c in find(unlocked_demo, QWidget, "detailSkills").findChildren(QLabel)]
    assert "operate forklift · ESCO" in skills
    endorsements = find(unlocked_demo, QWidget, "endorsementList")
    assert "Dana Ortiz, Shift Supervisor" in find(endorsements, QLabel, "endorser").text()
    assert "Safe, careful driver" in find(endorsements, QLabel, "endorsementComment").text()
    assert "Verified" in find(unlocked_demo, QScrollArea, "recordDetail").accessibleDescription()


def test_clr_shows_its_three_nested_credentials_under_the_certificate(
    qtbot: QtBot, unlocked_demo: MainWindow
) -> None:
    """The CLR's tree holds its three courses, each verified, under the certificate they are part of."""
    select(qtbot, unlocked_demo, CLR)
    tree = find(unlocked_demo, QTreeWidget, "clrTree")
    assert isinstance(tree, ClrTree) and tree.isVisible()
    courses = tree.credential_items()
    assert [item.text(0) for item in courses] == [
        "BUS-110 Introduction to Supply Chain Management", "CIS-101 Computer Applications",
        "COM-120 Workplace Communication"]
    assert {item.text(1) for item in courses} == {"✓ Verified"}
    parents = [item.parent() for item in courses]
    assert {p.text(0) if p is not None else None for p in parents} == {"Certificate in Logistics Operations"}
    assert "is part of Certificate in Logistics Operations" in find(unlocked_demo, QLabel, "clrAssociations").text()
    assert check_text(unlocked_demo, "nested credentials") == "✓ Passed"


def test_arrow_keys_in_the_clr_tree_show_each_courses_checks(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Moving through the tree with the keyboard shows the chosen course's own checks below it."""
    select(qtbot, unlocked_demo, CLR)
    tree = find(unlocked_demo, QTreeWidget, "clrTree")
    panel = find(unlocked_demo, QWidget, "clrItemReport")
    assert find(panel, QLabel, "clrItemTitle").text().startswith("BUS-110")
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert find(panel, QLabel, "clrItemTitle").text().startswith("CIS-101")
    assert find(panel, QLabel, "clrItemStatus").text() == "✓ Verified"
    assert find(panel, QLabel, "clrItemKind").text() == "Course"
    assert find(panel, QLabel, "clrcheck_signature").text() == "✓ Passed"
    qtbot.keyClick(tree, Qt.Key.Key_Home)
    assert find(panel, QLabel, "clrItemTitle").text() == "Certificate in Logistics Operations"
    assert "without a credential of its own" in panel.accessibleDescription()


def test_expired_credential_fails_the_validity_period(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """The 2021 CPR credential is not verified: its validity period check failed, with the date in words."""
    select(qtbot, unlocked_demo, EXPIRED)
    assert find(unlocked_demo, QLabel, "verificationStatus").text() == "✗ Not verified"
    assert find(unlocked_demo, QLabel, "detailStatus").text() == "✗ Not verified"
    assert check_text(unlocked_demo, "validity period") == "✗ Failed"
    assert check_text(unlocked_demo, "signature") == "✓ Passed"
    assert "Validity period: Failed. Expired on 12 June 2023." in find(
        unlocked_demo, QWidget, "verificationReport").accessibleDescription()


def test_check_again_runs_on_the_worker_and_refreshes(
    qtbot: QtBot, unlocked_demo: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'Check again' shows 'Checking…', verifies off the GUI thread, then redraws with focus back on the button."""
    release = threading.Event()
    threads: list[str] = []
    real = CredentialService.verify_record

    def slow_verify(self: CredentialService, record_id: str, now: Any = None) -> Any:
        threads.append(threading.current_thread().name)
        assert release.wait(10)
        return real(self, record_id, now)

    monkeypatch.setattr(CredentialService, "verify_record", slow_verify)
    select(qtbot, unlocked_demo, EXPIRED)
    click(qtbot, find(unlocked_demo, QPushButton, "reverifyButton"))
    busy = find(unlocked_demo, QPushButton, "reverifyButton")
    assert busy.text() == "Checking…" and not busy.isEnabled()
    assert find(unlocked_demo, QLabel, "workStatus").text() == "Checking the credential again…"
    release.set()
    qtbot.waitUntil(lambda: find(unlocked_demo, QPushButton, "reverifyButton").isEnabled(), timeout=10_000)
    assert threads and threads[0] != threading.main_thread().name
    again = find(unlocked_demo, QPushButton, "reverifyButton")
    assert again is not busy and again.text() == "Check again"
    assert again.hasFocus()
    assert check_text(unlocked_demo, "validity period") == "✗ Failed"
    assert find(unlocked_demo, QLabel, "detailTitle").text() == EXPIRED
    assert not find(unlocked_demo, QLabel, "workStatus").isVisible()


def test_self_asserted_entry_is_clearly_labelled(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """An entry says 'Self-asserted — written by you' and has no verification report or Check again."""
    select(qtbot, unlocked_demo, "Family Caregiver")
    mine = find(unlocked_demo, QLabel, "selfAssertedLabel")
    assert mine.isVisible() and "Self-asserted — written by you" in mine.text()
    assert unlocked_demo.findChild(QWidget, "verificationReport") is None
    assert unlocked_demo.findChild(QPushButton, "reverifyButton") is None


def test_hosted_badge_cannot_be_checked_offline_and_offers_trust(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """The baked OB 2.0 badge says it can't be checked offline; its issuer is not trusted, so Trust is offered."""
    select(qtbot, unlocked_demo, HOSTED)
    assert find(unlocked_demo, QLabel, "verificationStatus").text() == "? Can't check offline"
    assert check_text(unlocked_demo, "signature") == "– Not checked"
    assert find(unlocked_demo, QLabel, "issuerTrust").text() == "– Not on your list of trusted issuers"
    assert find(unlocked_demo, QPushButton, "trustIssuerButton").isVisible()
    assert find(unlocked_demo, QLabel, "trustAdvice").text().startswith("Careful: this credential's signature")


def test_tab_goes_through_the_credentials_buttons_then_the_header(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """From the list, Tab reaches the details, the record's own buttons, Check again, the CLR tree, Copy ID,
    the Wallet menu, Share…, Check…, Help, Lock, the page tabs, About, Add experience…, Import…"""
    select(qtbot, unlocked_demo, CLR)
    order: list[str] = []
    widget: QWidget = find(unlocked_demo, QListView, "recordList")
    while len(order) < 22:
        following = widget.nextInFocusChain()
        assert following is not None
        widget = following
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget.objectName())
    assert order == ["recordDetail", "marksButton", "addEvidenceButton", "hideButton", "deleteButton",
                     "reverifyButton", "clrTree", "copyIssuerIdButton", "walletMenuButton",
                     "shareButton", "checkButton",
                     "helpButton", "lockButton", "mainNav", "aboutButton", "addEntryButton", "importButton",
                     "pasteButton", "qrImportButton", "endorseButton", "searchInput", "showHidden"]


def test_every_control_is_named_on_a_clr_and_in_every_dialog(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """With a CLR shown and each dialog open, every button, field and list has an objectName and accessible name."""
    select(qtbot, unlocked_demo, CLR)
    commands = unlocked_demo.records.commands
    commands.show_trusted()
    commands.paste()
    commands.results.set_outcomes([])
    commands.results.open()
    unnamed = []
    for kind in (QAbstractButton, QLineEdit, QAbstractItemView, QPlainTextEdit):
        for widget in unlocked_demo.findChildren(kind):
            if isinstance(widget.parent(), QLineEdit):
                continue  # the line edit's own clear button
            if not (widget.objectName() and widget.accessibleName()):
                unnamed.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert not unnamed
    for object_name in ("importAction", "pasteAction", "trustedIssuersAction"):
        action = find(unlocked_demo, QAction, object_name)
        assert action.text().endswith("…") and action.toolTip()
    for dialog in (commands.trusted, commands.paste_dialog, commands.results):
        dialog.reject()


def test_a_check_that_cannot_run_says_why(
    qtbot: QtBot, unlocked_demo: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the core refuses a check, its sentence shows under the record count and Check again works again."""
    def refuse(self: CredentialService, record_id: str, now: Any = None) -> Any:
        raise WalletError("The stored copy of this credential could not be read.")

    monkeypatch.setattr(CredentialService, "verify_record", refuse)
    select(qtbot, unlocked_demo, EXPIRED)
    click(qtbot, find(unlocked_demo, QPushButton, "reverifyButton"))
    status = find(unlocked_demo, QLabel, "workStatus")
    qtbot.waitUntil(lambda: status.text() == "The stored copy of this credential could not be read.", timeout=10_000)
    assert status.isVisible() and status.property("role") == "error"
    assert find(unlocked_demo, QPushButton, "reverifyButton").isEnabled()
    select(qtbot, unlocked_demo, CLR)
    assert not status.isVisible()
