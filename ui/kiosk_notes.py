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
from wallet.api import WalletError, atomic_write, navigator_notes, navigator_notes_pdf

WORDS = {
    "en": {"title": "Navigator notes", "save": "Save as PDF…", "print": "Print…", "close": "Close",
           "saved": "Saved the navigator notes to {}.", "printed": "The navigator notes were sent to the printer.",
           "file": "navigator-notes.pdf"},
    "es": {"title": "Notas para el ayudante", "save": "Guardar como PDF…", "print": "Imprimir…", "close": "Cerrar",
           "saved": "Las notas se guardaron en {}.", "printed": "Las notas se enviaron a la impresora.",
           "file": "notas-ayudante.pdf"},
}


class NavigatorNotes(QDialog):
    """The notes in `language`; `paper` is the app's paper setting ('A4' or 'Letter')."""

    def __init__(self, language: str, parent: QWidget | None = None, paper: str = "A4") -> None:
        super().__init__(parent)
        words = WORDS.get(language, WORDS["en"])
        self.words = words
        self.language = language
        self.paper = paper
        self.setObjectName("navigatorNotesDialog")
        self.setWindowTitle(words["title"])
        self.setAccessibleName(words["title"])
        fixed_constraints(self, 640, 620)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(20, 16, 20, 16)
        self.text = QTextBrowser()
        name(self.text, "navigatorNotesText", words["title"])
        self.text.setOpenLinks(False)
        self.text.setMarkdown(navigator_notes(language))
        layout.addWidget(self.text, 1)
        self.message = message_label("notesMessage", "note")
        layout.addWidget(self.message)
        self.save_button = button(words["save"], "notesSaveButton", words["save"])
        self.print_button = button(words["print"], "notesPrintButton", words["print"])
        self.close_button = button(words["close"], "notesCloseButton", words["close"], primary=True)
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
            said = self.words["saved"].format(path)
        show_message(self.message, said)
        return said

    def ask_and_save(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.words["save"],
                                                      str(start_place()[0] / self.words["file"]), "PDF (*.pdf)")
        if chosen:
            self.save_to(Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"))

    def print_notes(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if self.paper == "Letter"
                                      else QPageSize.PageSizeId.A4))
        printer.setDocName(self.words["title"])
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("notesPrintDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setMarkdown(navigator_notes(self.language))
        document.print_(printer)
        show_message(self.message, self.words["printed"])


def open_notes(parent: QWidget, language: str, paper: str = "A4") -> NavigatorNotes:
    """Show the notes (one dialog per parent, reused)."""
    dialog = parent.findChild(NavigatorNotes, "navigatorNotesDialog", Qt.FindChildOption.FindDirectChildrenOnly)
    if not isinstance(dialog, NavigatorNotes):
        dialog = NavigatorNotes(language, parent, paper)
    dialog.show()
    return dialog


__all__ = ["NavigatorNotes", "open_notes"]
