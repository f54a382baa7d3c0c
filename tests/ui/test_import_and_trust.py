"""Importing credentials (files and pastes) and trusting issuers, through the real window."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.helpers import DEMO_RECORDS, click, find, select
from ui.dialogs.import_dialogs import ImportResultsDialog
from ui.main_window import MainWindow
from wallet.credential_service import CredentialService
from wallet.credentials import demo_issuers
from wallet.flows.onboarding import Step

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]

ENDORSEMENT = "Endorsement of Certified Forklift Operator"
SUPERVISOR = demo_issuers.SUPERVISOR


def choose_files(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> list[tuple[Any, ...]]:
    """Make the file dialog 'choose' `paths`; returns the calls it received."""
    calls: list[tuple[Any, ...]] = []

    def fake(*args: Any, **_kwargs: Any) -> tuple[list[str], str]:
        calls.append(args)
        return [str(p) for p in paths], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake)
    return calls


def results(qtbot: QtBot, window: MainWindow) -> ImportResultsDialog:
    dialog = find(window, QDialog, "importResults")
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    assert isinstance(dialog, ImportResultsDialog)
    return dialog


def test_credentials_from_an_old_wallet_can_be_claimed_from_the_results(
    qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another wallet app's export whose two credentials name that wallet's DID: the results offer "That is me",
    and one click makes both the learner's (no longer marked as someone else's)."""
    old = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    export = tmp_path / "lcw-export.json"
    export.write_text(json.dumps({
        "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/wallet/v1"],
        "type": "UniversalWallet2020", "status": "UNLOCKED",
        "contents": [demo_issuers.forklift_badge(old), demo_issuers.customer_service_badge(old),
                     {"id": old, "type": "Ed25519VerificationKey2020", "controller": old}]}), "utf-8")
    choose_files(monkeypatch, export)
    click(qtbot, find(unlocked_demo, QToolButton, "importButton"))
    dialog = results(qtbot, unlocked_demo)
    assert find(dialog, QLabel, "importSummary").text() == "2 imported."
    note, claim = find(dialog, QLabel, "importClaimNote"), find(dialog, QPushButton, "importClaimButton")
    assert claim.isVisible() and note.text().startswith(f"2 credentials were issued to {old}, not to this wallet.")
    click(qtbot, claim)
    qtbot.waitUntil(lambda: not claim.isVisible(), timeout=10_000)
    assert note.text() == "Added to your profile: 2 credentials are now yours."
    session = unlocked_demo.flow.session
    assert session is not None and not session.holder.records_for_someone_else()


def _hashed_badge(email: str) -> dict[str, Any]:
    """A forklift badge re-issued and re-signed by the warehouse to a salted, hashed e-mail (as Credly does)."""
    import hashlib

    from wallet.credentials.dataintegrity import RDFC, sign

    badge = demo_issuers.forklift_badge("did:example:unused")
    del badge["proof"]
    badge["id"] = "urn:uuid:5d2b7e9a-4c1f-4e8b-9a3d-6f0e2c1b7a99"
    del badge["credentialSubject"]["id"]
    digest = hashlib.sha256((email + "pepper").encode()).hexdigest()
    badge["credentialSubject"]["identifier"] = [{"type": "IdentityObject", "identityType": "emailAddress",
                                                 "hashed": True, "identityHash": "sha256$" + digest,
                                                 "salt": "pepper"}]
    signer = demo_issuers.WAREHOUSE.signer()
    return sign(badge, suite=RDFC, verification_method=signer.verification_method, created=badge["validFrom"],
                signer=signer.sign)


def test_a_badge_issued_to_a_hidden_email_is_claimed_by_typing_the_address(
    qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A badge issued to a hashed e-mail: the results ask for the address; a wrong one adds nothing, the right
    one (typed in capitals) makes it the learner's and goes into the profile."""
    badge = tmp_path / "credly-badge.json"
    badge.write_text(json.dumps(_hashed_badge("sam@example.org")), "utf-8")
    choose_files(monkeypatch, badge)
    click(qtbot, find(unlocked_demo, QToolButton, "importButton"))
    dialog = results(qtbot, unlocked_demo)
    note, box = find(dialog, QLabel, "importEmailNote"), find(dialog, QLineEdit, "importEmailBox")
    button = find(dialog, QPushButton, "importEmailButton")
    assert box.isVisible() and note.text().startswith("1 credential was issued to an e-mail address the badge")
    session = unlocked_demo.flow.session
    assert session is not None
    box.setText("someone@example.org")
    click(qtbot, button)
    qtbot.waitUntil(lambda: note.text().startswith("None of these credentials"), timeout=10_000)
    assert "someone@example.org" not in session.holder.profile().identifiers
    assert session.holder.records_for_someone_else()
    box.setText("Sam@Example.org")
    click(qtbot, button)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=10_000)
    assert note.text() == "That is the address: 1 credential is now yours, and the address is in your profile."
    assert "sam@example.org" in session.holder.profile().identifiers
    assert not session.holder.records_for_someone_else()
    assert "Checked by LER Wallet: ✓ Verified\n" in dialog.lines()[0]  # the warehouse is trusted: now theirs


def test_an_import_of_ones_own_credentials_offers_nothing_to_claim(
    qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Credentials issued to this wallet's own DID leave the "That is me" row hidden."""
    session = unlocked_demo.flow.session
    assert session is not None
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps(demo_issuers.customer_service_badge(session.did)), "utf-8")
    choose_files(monkeypatch, mine)
    click(qtbot, find(unlocked_demo, QToolButton, "importButton"))
    dialog = results(qtbot, unlocked_demo)
    assert not find(dialog, QPushButton, "importClaimButton").isVisible()


def check_text(window: MainWindow, check: str) -> str:
    report = find(window, QWidget, "verificationReport")
    return find(report, QLabel, "check_" + "_".join(check.split())).text()


def test_import_a_file_through_the_file_dialog(
    qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Import… asks for files; someone else's badge is imported, listed with a warning (not yours), and shown."""
    badge = tmp_path / "forklift-other.json"
    badge.write_text(json.dumps(demo_issuers.forklift_badge("did:example:other")), "utf-8")
    calls = choose_files(monkeypatch, badge)
    click(qtbot, find(unlocked_demo, QToolButton, "importButton"))
    dialog = results(qtbot, unlocked_demo)
    assert calls and "*.png" in calls[0][3] and "All files (*)" in calls[0][3]
    assert find(dialog, QLabel, "importSummary").text() == "1 imported."
    assert dialog.lines()[0].startswith(
        "✓ Imported: forklift-other.json\nCertified Forklift Operator\n"
        "Checked by LER Wallet: ! Verified, with warnings\n")
    assert find(unlocked_demo, QLabel, "recordCount").text() == f"{DEMO_RECORDS + 1} records"
    issued_to = find(unlocked_demo, QLabel, "issuedTo").text().replace("\u200b", "")
    assert issued_to.startswith("Someone else (did:example:other), not you")
    assert dialog.focusWidget() is find(dialog, QPushButton, "importResultsClose")
    click(qtbot, find(dialog, QPushButton, "importResultsClose"))
    assert not dialog.isVisible()


def test_ctrl_i_opens_the_import_dialog(
    qtbot: QtBot, unlocked_demo: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+I is the Import credentials… shortcut; choosing nothing imports nothing."""
    calls = choose_files(monkeypatch)
    action = find(unlocked_demo, QAction, "importAction")
    assert action.shortcut().toString() == "Ctrl+I" and action.text() == "Import credentials…"
    unlocked_demo.activateWindow()
    qtbot.waitActive(unlocked_demo)
    qtbot.keyClick(find(unlocked_demo, QListView, "recordList"), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert len(calls) == 1
    assert not find(unlocked_demo, QDialog, "importResults").isVisible()


def test_import_reports_duplicates_and_unreadable_files_item_by_item(
    qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file already in the wallet is 'already in your wallet'; a missing one is 'not imported' with why."""
    session = unlocked_demo.flow.session
    assert session is not None
    again = tmp_path / "customer-service.json"
    again.write_bytes(dict(demo_issuers.demo_files(session.did))["customer-service.json"])  # the same bytes
    choose_files(monkeypatch, again, tmp_path / "gone.json")
    find(unlocked_demo, QAction, "importAction").trigger()
    dialog = results(qtbot, unlocked_demo)
    assert dialog.lines() == ["= Already in your wallet: customer-service.json\nAlready in the wallet.",
                              f"✗ Not imported: gone.json\nThere is no file at {tmp_path / 'gone.json'}."]
    assert find(dialog, QLabel, "importSummary").text() == "1 already in your wallet, 1 not imported."
    assert find(unlocked_demo, QLabel, "recordCount").text() == f"{DEMO_RECORDS} records"
    show = find(dialog, QPushButton, "importShowButton")
    assert show.isEnabled()  # the duplicate can be shown
    click(qtbot, show)
    assert find(unlocked_demo, QLabel, "detailTitle").text() == "Customer Service with Digital Tools"


def test_paste_bad_text_says_why_it_failed(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Pasting text that is no credential imports nothing and shows the core's sentence."""
    find(unlocked_demo, QAction, "pasteAction").trigger()
    paste = find(unlocked_demo, QDialog, "pasteDialog")
    box = find(paste, QPlainTextEdit, "pasteBox")
    assert paste.isVisible() and paste.focusWidget() is box
    import_button = find(paste, QPushButton, "pasteImportButton")
    assert not import_button.isEnabled()  # nothing pasted yet
    qtbot.keyClicks(box, "my badge from the workshop")
    click(qtbot, import_button)
    dialog = results(qtbot, unlocked_demo)
    assert not paste.isVisible()
    assert find(dialog, QLabel, "importSummary").text() == "Nothing was imported."
    assert dialog.lines() == ["✗ Not imported: Pasted text\nThis is not a credential: it is not JSON, not a signed "
                              "token (JWT) and not a badge image."]
    assert not find(dialog, QPushButton, "importShowButton").isEnabled()
    assert find(unlocked_demo, QLabel, "recordCount").text() == f"{DEMO_RECORDS} records"


def test_paste_a_credential_with_ctrl_enter(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """A pasted JSON credential is imported with Ctrl+Enter and shown in the list."""
    find(unlocked_demo, QAction, "pasteAction").trigger()
    box = find(unlocked_demo, QPlainTextEdit, "pasteBox")
    box.setPlainText(json.dumps(demo_issuers.forklift_badge("did:example:pasted")))
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = results(qtbot, unlocked_demo)
    assert dialog.lines()[0].startswith("✓ Imported: Pasted text")
    assert find(unlocked_demo, QLabel, "recordCount").text() == f"{DEMO_RECORDS + 1} records"


def test_trust_an_issuer_then_check_again(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Trusting the endorser turns its 'trusted issuer' warning into a pass, and Check again keeps it."""
    select(qtbot, unlocked_demo, ENDORSEMENT)
    assert check_text(unlocked_demo, "trusted issuer") == "! Warning"
    assert find(unlocked_demo, QLabel, "verificationStatus").text() == "! Verified, with warnings"
    click(qtbot, find(unlocked_demo, QPushButton, "trustIssuerButton"))
    qtbot.waitUntil(lambda: unlocked_demo.findChild(QPushButton, "trustIssuerButton") is None, timeout=10_000)
    assert check_text(unlocked_demo, "trusted issuer") == "✓ Passed"
    assert find(unlocked_demo, QLabel, "issuerTrust").text() == "✓ On your list of trusted issuers"
    click(qtbot, find(unlocked_demo, QPushButton, "reverifyButton"))
    qtbot.waitUntil(lambda: find(unlocked_demo, QPushButton, "reverifyButton").isEnabled(), timeout=10_000)
    assert check_text(unlocked_demo, "trusted issuer") == "✓ Passed"
    assert find(unlocked_demo, QLabel, "verificationStatus").text() == "✓ Verified"
    session = unlocked_demo.flow.session
    assert session is not None and SUPERVISOR.did in session.credentials.trusted_issuers()


def test_remove_a_trusted_issuer_in_the_dialog(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """The dialog lists the trusted issuers; removing one re-checks its credentials, which then warn."""
    select(qtbot, unlocked_demo, "Certified Forklift Operator")
    find(unlocked_demo, QAction, "trustedIssuersAction").trigger()
    dialog = find(unlocked_demo, QDialog, "trustedIssuersDialog")
    assert dialog.isVisible()
    issuers = find(dialog, QListWidget, "trustedIssuerList")
    names = [issuers.item(row).text().split("\n")[0] for row in range(issuers.count())]
    assert names == sorted(issuer.name for issuer in demo_issuers.TRUSTED)
    issuers.setCurrentRow(names.index(demo_issuers.WAREHOUSE.name))
    click(qtbot, find(dialog, QPushButton, "removeIssuerButton"))
    note = find(dialog, QLabel, "trustedIssuersNote")
    qtbot.waitUntil(note.isVisible, timeout=10_000)
    assert note.text() == "Riverside Distribution (demo) was removed. Its 1 credential was checked again."
    assert issuers.count() == len(demo_issuers.TRUSTED) - 1
    click(qtbot, find(dialog, QPushButton, "trustedIssuersClose"))
    assert check_text(unlocked_demo, "trusted issuer") == "! Warning"
    assert find(unlocked_demo, QPushButton, "trustIssuerButton").isVisible()


def test_locking_during_an_import_cancels_it_and_closes_everything(
    qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lock while an import runs: the session locks at once (the import is cancelled, not waited for), no
    dialog stays open, and the cancelled import's result never shows."""
    release = threading.Event()
    real = CredentialService.import_many

    def slow(self: CredentialService, inputs: list[tuple[str, bytes]], **kwargs: Any) -> Any:
        assert release.wait(10)
        return real(self, inputs, **kwargs)

    monkeypatch.setattr(CredentialService, "import_many", slow)
    badge = tmp_path / "late.json"
    badge.write_text(json.dumps(demo_issuers.forklift_badge("did:example:late")), "utf-8")
    choose_files(monkeypatch, badge)
    session = unlocked_demo.flow.session
    assert session is not None
    find(unlocked_demo, QAction, "importAction").trigger()
    assert find(unlocked_demo, QLabel, "workStatus").text() == "Importing 1 file…"
    assert not find(unlocked_demo, QAction, "importAction").isEnabled()
    threading.Timer(0.2, release.set).start()
    click(qtbot, find(unlocked_demo, QPushButton, "lockButton"))
    assert session.is_locked and unlocked_demo.flow.state is Step.UNLOCK
    assert not find(unlocked_demo, QDialog, "importResults").isVisible()
    assert find(unlocked_demo, ImportResultsDialog, "importResults").lines() == []
    assert not find(unlocked_demo, QAction, "importAction").isEnabled()
    unlocked_demo.records.commands.jobs.wait()
    assert not find(unlocked_demo, QDialog, "importResults").isVisible()
    assert find(unlocked_demo, ImportResultsDialog, "importResults").lines() == []
