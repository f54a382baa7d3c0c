"""Printing the recovery kit: the printed page says what the PDF says (the code, its purpose, the wallet's place)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from ui.dialogs.recovery_kit import kit_document, save_kit
from wallet.crypto.keywrap import new_recovery_code

pytestmark = [pytest.mark.gui]


def test_printed_kit_holds_the_same_words(tmp_path: Path) -> None:
    """The document sent to the printer (printed here to a PDF file) has every code group, the purpose and the
    wallet's place; a name holding markup is printed as text."""
    code = new_recovery_code()
    wallet = Path("/media/usb/Sam.lerwallet")
    document = kit_document(code, wallet, holder="<b>Sam</b>")
    text = document.toPlainText()
    assert all(group in text for group in code.split("-")) and str(wallet) in text and "<b>Sam</b>" in text
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    document.print_(printer)
    page = pypdf.PdfReader(io.BytesIO((tmp_path / "printed.pdf").read_bytes())).pages[0]
    printed = " ".join(page.extract_text().split())  # Qt's PDF separates words with tabs
    assert code.split("-")[0] in printed and "What it is for" in printed


def test_saving_where_it_cannot_be_written_says_why(tmp_path: Path) -> None:
    """A folder that does not exist: one sentence, no file, no crash."""
    said = save_kit(tmp_path / "missing" / "kit.pdf", new_recovery_code(), Path("/w"))
    assert "does not exist" in said or "could not" in said
    assert not (tmp_path / "missing").exists()
