"""The Check page checks a shared bundle, its QR images or its PDF résumé with no wallet open, and says why not."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.helpers import click, find
from tests.wallet.sharing.share_kit import EXPIRES, STATEMENT, make_kit
from ui.main_window import MainWindow
from ui.pages.check import CheckPage
from wallet import lifecycle
from wallet.api import make_qr_set, resume_pdf
from wallet.credentials.report import CheckName, Outcome
from wallet.flows.onboarding import Step


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A kit wallet's view shared for ACME as a bundle file, a PDF résumé, its QR images, and a tampered bundle."""
    folder = tmp_path_factory.mktemp("shared")
    made = lifecycle.create_wallet(folder / "share.lerwallet", PASSPHRASE, kdf=FAST_KDF)
    with made.session as session:
        kit = make_kit(session)
        bundle = session.sharing.share(kit.view_id, to="ACME Logistics", expires=EXPIRES)
        pdf = resume_pdf(bundle.data, session.credentials.options(), "skills", "a4")
    files = {"bundle": folder / "bundle.json", "pdf": folder / "resume.pdf", "tampered": folder / "changed.json"}
    files["bundle"].write_bytes(bundle.data)
    files["pdf"].write_bytes(pdf)
    changed = json.loads(bundle.data)
    changed["verifiableCredential"][0]["credentialSubject"]["skill"][0]["name"] = "operate crane"
    files["tampered"].write_text(json.dumps(changed), "utf-8")
    for code in make_qr_set(bundle.data):
        files[f"qr{code.index}"] = folder / f"code-{code.index}.png"
        files[f"qr{code.index}"].write_bytes(code.png)
    (folder / "notes.txt").write_text("hello", "utf-8")
    files["text"] = folder / "notes.txt"
    return files


@pytest.fixture
def check_page(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]) -> CheckPage:
    """The Check page, reached from the welcome page with no wallet open."""
    window = open_window(None)
    assert window.flow.session is None and window.stack.currentWidget() is window.welcome
    click(qtbot, find(window, QPushButton, "welcomeCheckButton"))
    assert window.stack.currentWidget() is window.check_page
    return window.check_page


def _check(qtbot: QtBot, page: CheckPage, *paths: Path) -> None:
    page.choose_files = lambda: [str(p) for p in paths]
    click(qtbot, find(page, QPushButton, "checkOpenButton"))
    qtbot.waitUntil(lambda: page.answers != [], timeout=30_000)


def test_a_bundle_file_reads_as_one_report(qtbot: QtBot, check_page: CheckPage, shared: dict[str, Path]) -> None:
    """Holder, recipient, expiry, a card per credential, and the statement marked as the learner's own words."""
    _check(qtbot, check_page, shared["bundle"])
    page = check_page
    assert find(page, QLabel, "checkVerdict").accessibleName() == "Verified, with warnings"
    assert find(page, QLabel, "checkHolder").text().startswith("did:key:")
    assert find(page, QLabel, "checkRecipient").text() == "ACME Logistics"
    assert find(page, QLabel, "checkExpiry").text() == f"{EXPIRES} 23:59 UTC"
    names = [find(page, QLabel, f"checkCredentialName{n}").text() for n in range(1, 5)]
    assert "Certified Forklift Operator" in names
    issuers = [find(page, QLabel, f"checkCredentialIssuer{n}").text() for n in range(1, 5)]
    assert sum("self-asserted" in issuer for issuer in issuers) == 1
    assert find(page, QLabel, "checkStatementText").text() == f"“{STATEMENT}”"
    assert "not checked by anyone else" in find(page, QLabel, "checkStatementNote").text()
    assert find(page, QLabel, "checkStatementSkill1").text().startswith("1. operate forklift — shown by:")
    assert not find(page, QLabel, "checkError").isVisible()


def test_qr_images_in_any_order_and_the_pdf(qtbot: QtBot, check_page: CheckPage, shared: dict[str, Path]) -> None:
    """The QR images (reversed) become the one bundle; the PDF résumé is checked with its attachment and codes."""
    codes = sorted((p for k, p in shared.items() if k.startswith("qr")), reverse=True)
    _check(qtbot, check_page, *codes)
    assert check_page.answers[0].source.startswith("QR codes in code-")
    assert check_page.answers[0].report is not None
    assert find(check_page, QLabel, "checkRecipient").text() == "ACME Logistics"
    _check_again(qtbot, check_page, shared["pdf"])
    report = check_page.answers[0].report
    assert report is not None and report.recipient == "ACME Logistics"
    assert find(check_page, QLabel, "checkVerdict").accessibleName() == "Verified, with warnings"


def test_a_folder_of_pdf_resumes_is_checked(qtbot: QtBot, check_page: CheckPage, shared: dict[str, Path],
                                            tmp_path: Path) -> None:
    """A folder named for checking has its PDF résumés read, each checked with its attachment and codes."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "applicant.pdf").write_bytes(shared["pdf"].read_bytes())
    _check(qtbot, check_page, inbox)
    [answer] = check_page.answers
    assert answer.source == str(inbox / "applicant.pdf")
    assert answer.report is not None and answer.report.recipient == "ACME Logistics"


def _check_again(qtbot: QtBot, page: CheckPage, *paths: Path) -> None:
    click(qtbot, find(page, QPushButton, "checkClearButton"))
    assert page.answers == [] and find(page, QLabel, "checkEmpty").isVisible()
    _check(qtbot, page, *paths)


def test_a_tampered_bundle_fails_with_the_reason(qtbot: QtBot, check_page: CheckPage,
                                                 shared: dict[str, Path]) -> None:
    """One changed skill name: not verified, the holder's proof broken and the statement's signature mismatched."""
    _check(qtbot, check_page, shared["tampered"])
    assert find(check_page, QLabel, "checkVerdict").accessibleName() == "Not verified"
    assert "The holder's proof is broken" in find(check_page, QLabel, "checkProof").text()
    signature = find(check_page, QLabel, "checkStatementCheck_signature")
    assert "The signature does not match" in signature.text()


def test_what_is_not_a_bundle_is_said_in_place(qtbot: QtBot, check_page: CheckPage, shared: dict[str, Path]) -> None:
    """A text file and a missing file: one sentence each, the good bundle beside them still reported."""
    _check(qtbot, check_page, shared["text"], shared["bundle"].with_name("gone.json"), shared["bundle"])
    error = find(check_page, QLabel, "checkError")
    assert error.isVisible() and "notes.txt: This file is not a shared bundle" in error.text()
    assert "gone.json" in error.text()
    assert find(check_page, QLabel, "checkRecipient").text() == "ACME Logistics"


def test_back_returns_to_welcome_and_works_beside_an_open_wallet(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_wallet: Path, shared: dict[str, Path]
) -> None:
    """From an unlocked wallet's header the page checks too, and Back returns to the records."""
    window = open_window(demo_wallet)
    window.flow.submit_unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: window.flow.state is Step.UNLOCKED, timeout=10_000)
    click(qtbot, find(window, QPushButton, "checkButton"))
    _check(qtbot, window.check_page, shared["bundle"])
    assert find(window.check_page, QLabel, "checkRecipient").text() == "ACME Logistics"
    click(qtbot, find(window, QPushButton, "checkBackButton"))
    assert window.stack.currentWidget() is window.workspace


def test_a_dropped_pdf_is_checked_not_imported(qtbot: QtBot, check_page: CheckPage,
                                               shared: dict[str, Path]) -> None:
    """A PDF résumé dropped on the page is checked there (its attached bundle and printed codes)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(shared["pdf"]))])
    point = QPoint(40, 40)
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(check_page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(check_page, drop)
    qtbot.waitUntil(lambda: check_page.answers != [], timeout=30_000)
    assert check_page.answers[0].source == str(shared["pdf"])
    assert find(check_page, QLabel, "checkRecipient").text() == "ACME Logistics"


def test_every_control_is_named(check_page: CheckPage) -> None:
    """The page's buttons have accessible names and take keyboard focus."""
    for widget in (check_page.open_button, check_page.clear_button, check_page.back_button):
        assert widget.accessibleName() and widget.focusPolicy() != widget.focusPolicy().NoFocus


def test_the_report_is_written_for_an_employer(qtbot: QtBot, check_page: CheckPage, shared: dict[str, Path]) -> None:
    """The reader is not the holder: a count of verified records heads the report, the recipient line speaks of
    the holder, and the missing trusted-issuer list is said once, not as a warning on every credential."""
    _check(qtbot, check_page, shared["bundle"])
    page = check_page
    top = [find(page, QLabel, f"checkCredentialStatus{n}") for n in range(1, 5)]  # the bundle's own four
    good = [item.accessibleName() for item in top if item.accessibleName().startswith("Verified")]
    warned = sum(1 for name in good if name != "Verified")
    count = find(page, QLabel, "checkVerifiedCount").text()
    assert count.startswith(f"{len(good)} of 4 records verified") and len(good) >= 3
    assert count.endswith(f"({warned} with warnings)") if warned else count.endswith("verified")
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert not any(text.startswith("Issued to you") for text in texts)
    assert not any(text.startswith("Trusted issuer:") for text in texts)  # no per-credential trust warning
    assert "No list of trusted issuers was used here" in find(page, QLabel, "checkTrustNote").text()


COLLEGE_WEB = "did:web:college.example"


@pytest.fixture(scope="module")
def did_web_shared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A bundle carrying a badge whose issuer's key is on its website (did:web), and that DID document as saved
    from the website."""
    import hashlib

    from wallet.credentials import demo_issuers
    from wallet.credentials.dataintegrity import RDFC, sign
    from wallet.credentials.multikey import multikey_from_ed25519
    from wallet.crypto.identity import Identity

    folder = tmp_path_factory.mktemp("didweb")
    college = Identity(hashlib.sha256(b"check page did:web college").digest())
    method = f"{COLLEGE_WEB}#key-1"
    document = {"@context": ["https://www.w3.org/ns/did/v1"], "id": COLLEGE_WEB, "assertionMethod": [method],
                "verificationMethod": [{"id": method, "type": "Multikey", "controller": COLLEGE_WEB,
                                        "publicKeyMultibase": multikey_from_ed25519(college.public_key)}]}
    made = lifecycle.create_wallet(folder / "didweb.lerwallet", PASSPHRASE, kdf=FAST_KDF)
    with made.session as session:
        badge = demo_issuers.forklift_badge(session.did)
        badge.pop("proof")
        badge["id"] = "urn:uuid:3f1c9a52-8d7e-4f0b-9c61-2a7b5e4d8c10"
        badge["issuer"] = {"id": COLLEGE_WEB, "type": ["Profile"], "name": "Web College (test)"}
        badge = sign(badge, suite=RDFC, verification_method=method, created="2022-05-16T09:00:00Z",
                     signer=college.sign)
        [outcome] = session.credentials.import_bytes(json.dumps(badge).encode(), "badge.json")
        assert outcome.record_id is not None
        view = session.skills.create_view("Forklift job")
        session.skills.update_view(view.id, record_ids=[outcome.record_id])
        bundle = session.sharing.share(view.id, to="ACME Logistics", expires=EXPIRES)
    files = {"bundle": folder / "bundle.json", "did": folder / "did.json"}
    files["bundle"].write_bytes(bundle.data)
    files["did"].write_text(json.dumps(document), "utf-8")
    return files


def test_an_issuers_did_document_opened_with_the_bundle_is_used_and_named(
    qtbot: QtBot, check_page: CheckPage, did_web_shared: dict[str, Path]
) -> None:
    """Alone, the did:web issuer's key cannot be checked offline; opened with its DID document (saved from its
    website), the badge's issuer key is checked, and the page says which file it used and as what."""
    _check(qtbot, check_page, did_web_shared["bundle"])
    [alone] = [a for a in check_page.answers if a.report is not None]
    assert alone.report.items[0].outcome_of(CheckName.ISSUER_KEY) is Outcome.NOT_CHECKED
    assert not find(check_page, QLabel, "checkNotes").isVisible()
    click(qtbot, find(check_page, QPushButton, "checkClearButton"))
    _check(qtbot, check_page, did_web_shared["bundle"], did_web_shared["did"])
    [checked] = [a for a in check_page.answers if a.report is not None]
    assert checked.report.items[0].outcome_of(CheckName.ISSUER_KEY) is Outcome.PASSED
    notes = find(check_page, QLabel, "checkNotes")
    assert notes.isVisible() and notes.text() == (
        f"did.json: Used to check what you opened with it: a DID document ({COLLEGE_WEB}), as you supplied it.")
    assert find(check_page, QLabel, "checkError").text() == ""


def test_a_badge_sent_on_its_own_is_checked_too(qtbot: QtBot, check_page: CheckPage, tmp_path: Path) -> None:
    """A badge file and a baked badge image, sent without a bundle: a card each with its verdict and checks, and a
    line saying nothing shows who handed it over; a tampered one fails."""
    from wallet.credentials import demo_issuers

    badge = tmp_path / "forklift.json"
    badge.write_text(json.dumps(demo_issuers.forklift_badge("did:example:learner")), "utf-8")
    baked = tmp_path / "badge.png"
    baked.write_bytes(demo_issuers.ob2_baked_badge("learner@example.org"))
    changed = demo_issuers.customer_service_badge("did:example:learner")
    changed["name"] = "Customer Service Excellence"
    tampered = tmp_path / "changed.json"
    tampered.write_text(json.dumps(changed), "utf-8")
    _check(qtbot, check_page, badge, baked, tampered)
    assert [len(a.credentials) for a in check_page.answers] == [1, 1, 1]
    assert find(check_page, QLabel, "checkFileSource1000").text() == "A credential: forklift.json"
    assert find(check_page, QLabel, "checkCredentialName1000").text() == "Certified Forklift Operator"
    assert find(check_page, QLabel, "checkCredentialSubject1000").text() == "did:example:learner"
    assert find(check_page, QLabel, "checkFileVerdict1000").accessibleName() == "Verified, with warnings"
    assert find(check_page, QLabel, "checkFileSource2000").text() == "A credential: badge.png"
    assert find(check_page, QLabel, "checkFileVerdict3000").accessibleName() == "Not verified"
    assert find(check_page, QLabel, "checkError").text() == ""
