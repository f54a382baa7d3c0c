"""Save or print the recovery kit: one page with the recovery code, what it is for and where the wallet lives.

Saving writes the PDF the core made (wallet.recovery_kit, reportlab) where the person chooses. Printing goes
through Qt's print dialog: the same words (`recovery_kit_sections`) laid out as a text document, since this
Qt build has no PDF renderer. Both warn that the page opens the wallet.
"""

from __future__ import annotations

import datetime
import html
from pathlib import Path

from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ui.places import start_place
from wallet.api import WalletError, _, atomic_write, recovery_kit_pdf, recovery_kit_sections

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


def kit_file_name(wallet: Path) -> str:
    return f"{wallet.name.removesuffix('.lerwallet')}-recovery-kit.pdf"


def save_kit(path: Path, code: str, wallet: Path, *, holder: str = "", paper: str = "A4") -> str:
    """Write the kit's PDF to `path`; returns the sentence to show (done, or why not)."""
    try:
        atomic_write(path, recovery_kit_pdf(code, wallet, holder=holder, paper=paper))
    except WalletError as exc:
        return str(exc)
    return _("Recovery kit saved to {path}. Print it, then delete the file: it opens your wallet.").format(path=path)


def ask_and_save(parent: QWidget, code: str, wallet: Path, *, holder: str = "", paper: str = "A4") -> str:
    """Ask where (a removable drive or home first) and save; '' when the person cancelled."""
    folder = start_place()[0]
    chosen, _filter = QFileDialog.getSaveFileName(parent, _("Save the recovery kit"),
                                                  str(folder / kit_file_name(wallet)), _("PDF files") + " (*.pdf)")
    if not chosen:
        return ""
    path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
    return save_kit(path, code, wallet, holder=holder, paper=paper)


def kit_document(code: str, wallet: Path, *, holder: str = "") -> QTextDocument:
    """The kit as a text document for the printer (every string escaped)."""
    parts: list[str] = []
    for number, (heading, text) in enumerate(recovery_kit_sections(code, wallet, holder=holder,
                                                                   made=datetime.date.today())):
        tag = "h1" if number == 0 else "h3"
        body = "<br>".join(html.escape(line) for line in text.split("\n"))
        if number == 1:
            style = "font-family: monospace; font-size: 20pt; font-weight: bold"  # i18n: not shown
            body = f"<p style='{style}'>{body}</p>"
        else:
            body = f"<p>{body}</p>"
        parts.append(f"<{tag}>{html.escape(heading)}</{tag}>{body}")
    document = QTextDocument()
    document.setHtml("".join(parts))
    return document


def print_kit(parent: QWidget, code: str, wallet: Path, *, holder: str = "", paper: str = "A4") -> str:
    """Show the print dialog and print the kit; returns the sentence to show ('' when cancelled)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_SIZES.get(paper, QPageSize.PageSizeId.A4)))
    printer.setDocName(_("LER Wallet recovery kit"))
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("recoveryKitPrintDialog")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    kit_document(code, wallet, holder=holder).print_(printer)
    return _("The recovery kit was sent to the printer.")
