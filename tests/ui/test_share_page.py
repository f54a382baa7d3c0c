"""The Share page drives a real wallet: preview a view, then the QR set, bundle, PDF and JSON Resume it makes."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.helpers import click, find
from tests.wallet.sharing.share_kit import EXPIRES, MARKER, STATEMENT, make_kit
from ui.main_window import MainWindow
from ui.pages.share import SharePage
from wallet import lifecycle
from wallet.api import (
    Status,
    check_bundle,
    check_resume_pdf,
    offline_options,
    qr_bundle_from_texts,
    read_qr_texts,
)
from wallet.flows.onboarding import Step


@pytest.fixture
def kit_wallet(tmp_path: Path) -> Path:
    """A locked wallet with the share kit's records and its view 'Forklift operator'."""
    path = tmp_path / "share.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF)
    with made.session as session:
        make_kit(session)
    return path


@pytest.fixture
def share_page(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], kit_wallet: Path) -> SharePage:
    """The window on the kit wallet, unlocked, with the Share page open and its views loaded."""
    window = open_window(kit_wallet)
    window.flow.submit_unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: window.flow.state is Step.UNLOCKED, timeout=10_000)
    click(qtbot, find(window, QPushButton, "shareButton"))
    page = window.share_page
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.view_picker.count() == 1, timeout=10_000)
    return page


def _preview(qtbot: QtBot, page: SharePage, to: str = "ACME Logistics", expires: str = EXPIRES) -> None:
    qtbot.keyClicks(find(page, QLineEdit, "shareRecipient"), to)
    qtbot.keyClicks(find(page, QLineEdit, "shareExpiry"), expires)
    click(qtbot, find(page, QPushButton, "sharePreviewButton"))
    qtbot.waitUntil(lambda: page.prepared is not None, timeout=30_000)


def _saved(qtbot: QtBot, page: SharePage, before: int) -> None:
    qtbot.waitUntil(lambda: len(page.shares) > before, timeout=30_000)


def test_preview_shows_exactly_what_leaves(qtbot: QtBot, share_page: SharePage) -> None:
    """The preview names the view's records, skills, statement and recipient, draws the PDF pages, and nothing
    from the records the view leaves out."""
    page = share_page
    assert page.view_picker.currentText() == "Forklift operator"
    assert not find(page, QPushButton, "shareSaveBundleButton").isEnabled()
    _preview(qtbot, page)
    summary = find(page, QLabel, "shareSummary").text()
    assert "ACME Logistics" in summary and f"good until {EXPIRES}" in summary
    assert "Records (4):" in summary and STATEMENT in summary and "1. operate forklift" in summary
    assert MARKER not in summary
    first = find(page, QLabel, "sharePdfPage1")
    assert first.pixmap() is not None and not first.pixmap().isNull()
    assert find(page, QPushButton, "shareSaveBundleButton").isEnabled()
    qtbot.keyClicks(find(page, QLineEdit, "shareRecipient"), " Ltd")
    assert page.prepared is None and not find(page, QPushButton, "shareSavePdfButton").isEnabled()


def test_every_form_is_a_real_file_and_noted(qtbot: QtBot, share_page: SharePage, tmp_path: Path) -> None:
    """Bundle, PDF, JSON Resume and QR images saved from one preview: the bundle and the PDF verify, the PNGs
    decode to the same bundle, and each form is a line in the history."""
    page = share_page
    _preview(qtbot, page)
    options = offline_options(datetime.now(UTC))
    out = {"json": tmp_path / "bundle.json", "pdf": tmp_path / "resume.pdf", "jsonresume": tmp_path / "resume.json"}
    buttons = {"json": "shareSaveBundleButton", "pdf": "shareSavePdfButton", "jsonresume": "shareJsonResumeButton"}
    for form, path in out.items():
        page.choose_save = lambda _title, _name, _filters, p=path: str(p)
        before = len(page.shares)
        click(qtbot, find(page, QPushButton, buttons[form]))
        _saved(qtbot, page, before)
        assert path.is_file()
    assert find(page, QLabel, "shareDone").text() == f"Saved the JSON Resume to {out['jsonresume']}."
    bundle = out["json"].read_bytes()
    report = check_bundle(json.loads(bundle), options)
    assert report.status is Status.VERIFIED_WITH_WARNINGS and report.recipient == "ACME Logistics"
    assert report.expires == f"{EXPIRES}T23:59:59Z"
    pdf = out["pdf"].read_bytes()
    assert len(pypdfium2.PdfDocument(pdf)) >= 1
    assert check_resume_pdf(pdf, options).status is Status.VERIFIED_WITH_WARNINGS
    resume = json.loads(out["jsonresume"].read_text("utf-8"))
    assert resume["basics"] and MARKER not in out["jsonresume"].read_text("utf-8")
    folder = tmp_path / "codes"
    page.choose_folder = lambda _title: str(folder)
    before = len(page.shares)
    click(qtbot, find(page, QPushButton, "shareSaveQrButton"))
    _saved(qtbot, page, before)
    texts = [t for png in sorted(folder.glob("*.png")) for t in read_qr_texts(png.read_bytes(), png.name)]
    assert qr_bundle_from_texts(texts).bundle == bundle
    forms = [share.form for share in page.shares]
    assert sorted(forms) == ["json", "jsonresume", "pdf", "qr"]
    history = find(page, QListWidget, "shareHistory")
    assert history.count() == 4 and "to ACME Logistics" in history.item(0).text()
    assert all(share.challenge == page.prepared.shared.challenge for share in page.shares)  # type: ignore[union-attr]


def test_qr_set_steps_one_code_at_a_time(qtbot: QtBot, share_page: SharePage) -> None:
    """Show QR code: the code large with its place in the set; Next and Previous go round the set; showing it is
    a 'qr' line in the history."""
    page = share_page
    _preview(qtbot, page)
    click(qtbot, find(page, QPushButton, "shareQrButton"))
    _saved(qtbot, page, 0)
    assert page.shares[0].form == "qr"
    image = find(page, QLabel, "shareQrImage")
    assert image.isVisible() and not image.pixmap().isNull()
    assert page.prepared is not None
    count = len(page.prepared.codes)
    caption = find(page, QLabel, "shareQrCaption")
    if count == 1:
        assert caption.text() == "One code holds the whole bundle"
        assert not find(page, QPushButton, "shareQrNext").isVisible()
        return
    assert caption.text() == f"1 of {count}"
    click(qtbot, find(page, QPushButton, "shareQrNext"))
    assert caption.text() == f"2 of {count}"
    click(qtbot, find(page, QPushButton, "shareQrPrevious"))
    click(qtbot, find(page, QPushButton, "shareQrPrevious"))
    assert caption.text() == f"{count} of {count}"


def test_print_sends_the_pages_to_the_printer(qtbot: QtBot, share_page: SharePage, tmp_path: Path) -> None:
    """Print PDF…: the chosen printer (here a PDF file printer) gets one page per résumé page, on Letter paper."""
    page = share_page
    qtbot.keyClicks(find(page, QLineEdit, "shareRecipient"), "ACME")
    page.paper_picker.setCurrentIndex(page.paper_picker.findData("letter"))
    click(qtbot, find(page, QPushButton, "sharePreviewButton"))
    qtbot.waitUntil(lambda: page.prepared is not None, timeout=30_000)
    target = tmp_path / "printed.pdf"

    def accept(dialog: QDialog) -> bool:
        printer = dialog.printer()  # type: ignore[attr-defined]
        assert isinstance(printer, QPrinter)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    page.run_print_dialog = accept
    click(qtbot, find(page, QPushButton, "sharePrintButton"))
    _saved(qtbot, page, 0)
    assert page.prepared is not None
    printed = pypdfium2.PdfDocument(target.read_bytes())
    assert len(printed) == len(page.prepared.pages)
    width, height = printed[0].get_size()
    assert (round(width), round(height)) == (612, 792)
    assert find(page, QLabel, "shareDone").text() == "The PDF résumé was sent to the printer."


def test_bad_expiry_is_said_in_place(qtbot: QtBot, share_page: SharePage) -> None:
    """An expiry that is not a date: one sentence on the page, nothing prepared, nothing in the history."""
    page = share_page
    qtbot.keyClicks(find(page, QLineEdit, "shareExpiry"), "next friday")
    click(qtbot, find(page, QPushButton, "sharePreviewButton"))
    error = find(page, QLabel, "shareError")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "The expiry must be a date like 2026-12-31" in error.text()
    assert page.prepared is None and page.shares == []


def test_locking_forgets_the_preview(qtbot: QtBot, share_page: SharePage) -> None:
    """Locking the wallet from the Share page leaves nothing of the view on screen."""
    page = share_page
    _preview(qtbot, page)
    window = page.window()
    assert isinstance(window, MainWindow)
    window.lock()
    qtbot.waitUntil(lambda: window.flow.state is Step.UNLOCK, timeout=10_000)
    assert page.prepared is None and page.view_picker.count() == 0 and page.history_list.count() == 0
    assert window.stack.currentWidget() is window.unlock


def test_every_control_is_named_and_reachable(share_page: SharePage) -> None:
    """Each button, field and list on the page has an accessible name and takes keyboard focus."""
    page = share_page
    for widget in [page.view_picker, page.recipient, page.expires, page.layout_picker, page.paper_picker,
                   page.preview_button, *page.outputs, page.qr_previous, page.qr_next, page.history_list,
                   page.back_button]:
        assert widget.accessibleName(), widget.objectName()
        assert widget.focusPolicy() != widget.focusPolicy().NoFocus, widget.objectName()


def test_a_view_made_later_is_there_to_pick(qtbot: QtBot, share_page: SharePage) -> None:
    """Back to the records, a view is made, Share… again: the picker lists it and keeps the one chosen."""
    window = share_page.window()
    assert isinstance(window, MainWindow)
    click(qtbot, find(share_page, QPushButton, "shareBackButton"))
    assert window.stack.currentWidget() is window.workspace
    session = window.flow.session
    assert session is not None
    window.records.commands.jobs.wait()
    session.skills.create_view("Night shift lead", None, auto=False)
    click(qtbot, find(window, QPushButton, "shareButton"))
    qtbot.waitUntil(lambda: share_page.view_picker.count() == 2, timeout=10_000)
    assert share_page.view_picker.currentText() == "Forklift operator"
