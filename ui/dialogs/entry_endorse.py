"""Endorsing someone else's credential as their supervisor or navigator: choose the file, say a few words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QHBoxLayout, QPlainTextEdit, QWidget

from ui.widgets import button, field, footer_row, label, line_edit, message_label, modal_layout, name, show_message
from wallet.api import N_, _

ROLES = (N_("their supervisor"), N_("their career navigator"), N_("their teacher or trainer"), N_("a colleague"))


class EndorseDialog(QDialog):
    """objectName 'endorseDialog'. `submitted(credential path, comment)`; the comment starts with the role."""

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = modal_layout(self, "endorseDialog", _("Endorse a credential"), 600, 460)
        layout.addWidget(label(_("Endorse someone's credential"), "heading"))
        layout.addWidget(label(_("Your endorsement is signed with your wallet's key and saved as a file you give "
                               "them; they import it into their wallet. Say what you saw them do."), "muted"))
        row = QHBoxLayout()
        self.path = line_edit("endorseFile", _("Their credential file"), placeholder=_("Their credential file (.json)"))
        self.browse = button(_("Choose…"), "endorseBrowse", _("Choose their credential file"))
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        box = QWidget()
        box.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field(_("Their &credential"), box))
        self.role = QComboBox()
        name(self.role, "endorseRole", _("You endorse it as"))
        name(self.role.view(), "endorseRoleChoices", _("Roles"))
        for role in ROLES:
            self.role.addItem(_(role))
        layout.addWidget(field(_("You endorse it &as"), self.role))
        self.comment = QPlainTextEdit()
        name(self.comment, "endorseComment", _("Your words"))
        self.comment.setTabChangesFocus(True)
        self.comment.setProperty("role", "prose")
        layout.addWidget(field(_("Your &words"), self.comment), 1)
        self.error = message_label("endorseError")
        layout.addWidget(self.error)
        self.cancel = button(_("Cancel"), "endorseCancel", _("Cancel"))
        self.confirm = button(_("Sign and save…"), "endorseConfirm", _("Sign the endorsement and save it"),
                              primary=True)
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
        patterns = _("Credentials") + " (*.json *.jsonld *.jwt);;" + _("All files") + " (*)"
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Their credential"), str(Path.home()), patterns)
        if chosen:
            self.path.setText(chosen)

    def _confirm(self) -> None:
        path, words = self.path.text().strip(), self.comment.toPlainText().strip()
        if not path:
            show_message(self.error, _("Choose the credential you endorse."))
            return
        if not words:
            show_message(self.error, _("Write a few words about what you saw them do."))
            return
        self.accept()
        self.submitted.emit(path, _("As {role}: {words}").format(role=self.role.currentText(), words=words))
