"""Endorsing someone else's credential as their supervisor or navigator: choose the file, say a few words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QHBoxLayout, QPlainTextEdit, QWidget

from ui.widgets import button, field, footer_row, label, line_edit, message_label, modal_layout, name, show_message

ROLES = ("their supervisor", "their career navigator", "their teacher or trainer", "a colleague")


class EndorseDialog(QDialog):
    """objectName 'endorseDialog'. `submitted(credential path, comment)`; the comment starts with the role."""

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = modal_layout(self, "endorseDialog", "Endorse a credential", 600, 460)
        layout.addWidget(label("Endorse someone's credential", "heading"))
        layout.addWidget(label("Your endorsement is signed with your wallet's key and saved as a file you give "
                               "them; they import it into their wallet. Say what you saw them do.", "muted"))
        row = QHBoxLayout()
        self.path = line_edit("endorseFile", "Their credential file", placeholder="Their credential file (.json)")
        self.browse = button("Choose…", "endorseBrowse", "Choose their credential file")
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        box = QWidget()
        box.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field("Their &credential", box))
        self.role = QComboBox()
        name(self.role, "endorseRole", "You endorse it as")
        name(self.role.view(), "endorseRoleChoices", "Roles")
        for role in ROLES:
            self.role.addItem(role)
        layout.addWidget(field("You endorse it &as", self.role))
        self.comment = QPlainTextEdit()
        name(self.comment, "endorseComment", "Your words")
        self.comment.setTabChangesFocus(True)
        self.comment.setProperty("role", "prose")
        layout.addWidget(field("Your &words", self.comment), 1)
        self.error = message_label("endorseError")
        layout.addWidget(self.error)
        self.cancel = button("Cancel", "endorseCancel", "Cancel")
        self.confirm = button("Sign and save…", "endorseConfirm", "Sign the endorsement and save it", primary=True)
        footer_row(layout, self.cancel, self.confirm)
        self.cancel.clicked.connect(self.reject)
        self.confirm.clicked.connect(self._confirm)
        self.browse.clicked.connect(self._browse)

    def start(self) -> None:
        self.forget()
        self.open()
        self.path.setFocus()

    def forget(self) -> None:
        self.reject()
        self.path.clear()
        self.comment.clear()
        self.role.setCurrentIndex(0)
        show_message(self.error, "")

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, "Their credential", str(Path.home()),
                                                      "Credentials (*.json *.jsonld *.jwt);;All files (*)")
        if chosen:
            self.path.setText(chosen)

    def _confirm(self) -> None:
        path, words = self.path.text().strip(), self.comment.toPlainText().strip()
        if not path:
            show_message(self.error, "Choose the credential you endorse.")
            return
        if not words:
            show_message(self.error, "Write a few words about what you saw them do.")
            return
        self.accept()
        self.submitted.emit(path, f"As {self.role.currentText()}: {words}")
