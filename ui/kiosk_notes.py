"""The navigator notes in the window ('navigatorNotesDialog'): a page of tips for walking a client through each
step, read here, saved as a PDF ('notesSaveButton', made by the core with reportlab) or printed
('notesPrintButton'). Opened from the help panel's 'Navigator notes' button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLayout, QTextBrowser, QVBoxLayout, QWidget

from ui.places import start_place
from ui.widgets import button, fixed_constraints, message_label, name, show_message
from wallet.api import WalletError, _, atomic_write, navigator_notes, navigator_notes_pdf


class NavigatorNotes(QDialog):
    """The notes in `language` (the buttons follow the app's language); `paper` is the app's paper setting
    ('A4' or 'Letter')."""

    def __init__(self, language: str, parent: QWidget | None = None, paper: str = "A4") -> None:
        super().__init__(parent)
        self.language = language
        self.paper = paper
        self.setObjectName("navigatorNotesDialog")
        self.setWindowTitle(_("Navigator notes"))
        self.setAccessibleName(_("Navigator notes"))
        fixed_constraints(self, 640, 620)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(20, 16, 20, 16)
        self.text = QTextBrowser()
        name(self.text, "navigatorNotesText", _("Navigator notes"))
        self.text.setOpenLinks(False)
        self.text.setMarkdown(navigator_notes(language))
        layout.addWidget(self.text, 1)
        self.message = message_label("notesMessage", "note")
        layout.addWidget(self.message)
        self.save_button = button(_("Save as PDF…"), "notesSaveButton", _("Save as PDF…"))
        self.print_button = button(_("Print…"), "notesPrintButton", _("Print…"))
        self.close_button = button(_("Close"), "notesCloseButton", _("Close"), primary=True)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.save_button.clicked.connect(self.ask_and_save)
        self.print_button.clicked.connect(self.print_notes)
        self.close_button.clicked.connect(self.accept)

    def save_to(self, path: Path) -> str:
        """Write the PDF to `path`; returns the sentence shown (done, or why not)."""
        try:
            atomic_write(path, navigator_notes_pdf(self.language, self.paper))
        except WalletError as exc:
            said = str(exc)
        else:
            said = _("Saved the navigator notes to {path}.").format(path=path)
        show_message(self.message, said)
        return said

    def ask_and_save(self) -> None:
        suggested = start_place()[0] / _("navigator-notes.pdf")
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Save as PDF…"), str(suggested), "PDF (*.pdf)")
        if chosen:
            self.save_to(Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"))

    def print_notes(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if self.paper == "Letter"  # i18n: not shown
                                      else QPageSize.PageSizeId.A4))
        printer.setDocName(_("Navigator notes"))
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("notesPrintDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setMarkdown(navigator_notes(self.language))
        document.print_(printer)
        show_message(self.message, _("The navigator notes were sent to the printer."))


def open_notes(parent: QWidget, language: str, paper: str = "A4") -> NavigatorNotes:
    """Show the notes (one dialog per parent, reused)."""
    dialog = parent.findChild(NavigatorNotes, "navigatorNotesDialog", Qt.FindChildOption.FindDirectChildrenOnly)
    if not isinstance(dialog, NavigatorNotes):
        dialog = NavigatorNotes(language, parent, paper)
    dialog.show()
    return dialog


__all__ = ["NavigatorNotes", "open_notes"]
